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


def test_row_month_is_only_a_written_month() -> None:
    """NeurIPS (December) and CVPRW (June) write no month: none is guessed (issue #19)."""
    rows = records(SORTABLE)
    assert [row_month(r) for r in rows] == [2, None, None, 2, None, None]


def test_default_sort_newest_first_unknown_last_and_stable() -> None:
    rows = sorted(records(SORTABLE), key=sort_key())
    assert titles(rows) == ["A", "D", "B", "C", "E", "F"]


def test_sort_ascending_keeps_unknowns_last() -> None:
    rows = sorted(records(SORTABLE), key=sort_key(["year", "month"]))
    assert titles(rows) == ["E", "A", "D", "B", "C", "F"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2023.11", (2023, 11), id="yyyy.mm"),
        pytest.param("2023-11-02", (2023, 11), id="iso-day"),
        pytest.param("2023-9-21", (2023, 9), id="unpadded"),
        pytest.param("2023/11", (2023, 11), id="slash"),
        pytest.param("202311", (2023, 11), id="yyyymm"),
        pytest.param("Nov, 2023", (2023, 11), id="mon-comma-yyyy"),
        pytest.param("Sept. 2023", (2023, 9), id="sept"),
        pytest.param("November 2023", (2023, 11), id="full"),
        pytest.param("2023", (2023, None), id="year"),
        pytest.param("2023.13", None, id="no-month-13"),
        pytest.param("CVPR 2023", None, id="a-venue-is-no-date"),
        pytest.param("Nove 2023", None, id="no-month-word"),
    ],
)
def test_parse_date(text: str, expected: tuple[int, int | None] | None) -> None:
    assert sort.parse_date(text) == expected


DATED = """| Date | Title | Venue |
|---|---|---|
| 2023.11 | [A](https://arxiv.org/abs/2306.14048) | ICML'24 |
| | [B](https://arxiv.org/abs/2306.14049v2) | Nov, 2022 |
| | [C](https://example.org/c) | CVPR 2024 |
| | [D](https://arxiv.org/pdf/2212.00001.pdf) | CVPR 2023 |
"""


def test_written_arxiv_and_preprint_dates() -> None:
    rows = records(DATED)
    assert [sort.written_date(r) for r in rows] == [
        (2023, 11),
        (2022, 11),
        (2024, None),
        (2023, None),
    ]
    assert [sort.arxiv_date(r) for r in rows] == [(2023, 6), (2023, 6), (None, None), (2022, 12)]
    # A bare venue year with an arXiv link: the preprint's date; a written month wins.
    assert [sort.preprint_date(r) for r in rows] == [
        (2023, 11),
        (2022, 11),
        (2024, None),
        (2022, 12),
    ]


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
