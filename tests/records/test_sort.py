"""ddlint.records.sort: DD401's per-row rank keys order rows as ``sort_key`` does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.gfm.parse import parse_document
from ddlint.records import sort
from ddlint.records.extract import extract_records

TITLES = st.sampled_from(["Alpha", "alpha", "Beta", "", "**Gamma**", "Ärger", "beta"])


VENUES = st.sampled_from(["ICML, 2022", "arXiv, Sep., 2022", "CVPRW, 2021", "", "NeurIPS 2020"])


DATES = st.sampled_from(["", "2021-03", "May 2020", "x"])


SORT_KEYS = st.lists(
    st.sampled_from([f"{sign}{field}" for field in sort.SORT_FIELDS for sign in "+-"]),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TITLES, VENUES, DATES, TITLES), min_size=1, max_size=12), SORT_KEYS)
def test_sort_keys_order_as_sort_key(
    rows: list[tuple[str, str, str, str]], keys: list[str]
) -> None:
    """DD401 sorts by per-row rank keys; ``sort_key`` compares values pairwise."""
    lines = ["| Title | Venue | Date | Authors |", "|---|---|---|---|"]
    lines += [
        f"| [{t}](https://x.org/{i}) | {v} | {d} | {a} |" for i, (t, v, d, a) in enumerate(rows)
    ]
    records = extract_records(parse_document("\n".join(lines) + "\n")).rows
    expected = sorted(range(len(records)), key=lambda i: sort.sort_key(keys)(records[i]))
    ranks = sort.sort_keys(records, keys)
    assert sorted(range(len(records)), key=ranks.__getitem__) == expected
