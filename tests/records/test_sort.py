"""ddlint.records.sort: a row's month and the order of rows by sort keys; DD401's per-row
rank keys order rows as ``sort_key`` does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.gfm.parse import parse_document
from ddlint.records import sort
from ddlint.records.extract import extract_records
from ddlint.records.model import RowRecord
from ddlint.records.sort import row_month, sort_key

SORTABLE = """| Title | Venue |
|---|---|
| [A](https://a.org/1) | arXiv, Feb., 2022 |
| [B](https://a.org/2) | Journal of Things, 2022 |
| [C](https://a.org/3) | NeurIPS, 2022 |
| [D](https://a.org/4) | arXiv, Feb., 2022 |
| [E](https://a.org/5) | CVPRW, 2021 |
| [F](https://a.org/6) | somewhere |
"""


def records(text: str) -> list[RowRecord]:
    return list(extract_records(parse_document(text)).rows)


def titles(rows: list[RowRecord]) -> list[str]:
    return [r.paper.title for r in rows if r.paper is not None]


def test_row_month_written_usual_and_workshop() -> None:
    rows = records(SORTABLE)
    assert [row_month(r) for r in rows] == [2, None, 12, 2, 6, None]


def test_default_sort_newest_first_unknown_last_and_stable() -> None:
    rows = sorted(records(SORTABLE), key=sort_key())
    assert titles(rows) == ["C", "A", "D", "B", "E", "F"]


def test_sort_ascending_keeps_unknowns_last() -> None:
    rows = sorted(records(SORTABLE), key=sort_key(["year", "month"]))
    assert titles(rows) == ["E", "A", "D", "C", "B", "F"]


def test_sort_by_configured_keys() -> None:
    rows = sorted(records(SORTABLE), key=sort_key(["-year", "-title"]))
    assert titles(rows) == ["D", "C", "B", "A", "E", "F"]


def test_unknown_sort_key_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown sort key"):
        sort_key(["citations"])


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
