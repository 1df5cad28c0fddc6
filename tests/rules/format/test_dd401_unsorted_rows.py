"""DD401 unsorted-rows: rows out of their table's own clear order, and the fix that
puts them back in that order."""

from __future__ import annotations

import pytest
from helpers import HEADER, fixed, lint, row, rule_fixture

from ddlint.engine.config import Config


def test_unsorted_fixture_moves_the_february_row_to_the_end() -> None:
    text = rule_fixture("unsorted.md")
    (finding,) = lint(text, ["DD401"])
    assert finding.span.slice(text) == "arXiv, Feb., 2023"  # the date cell of the row
    assert finding.message == (
        "Rows are not in this table's order (newest first by year and month, as 4 of 5 "
        "neighbouring rows of different dates are): 1 row moves; run --fix"
    )
    lines = text.splitlines(keepends=True)
    assert (
        fixed(text, ["DD401"]).splitlines(keepends=True)
        == lines[:8] + lines[9:14] + [lines[8]] + lines[14:]
    )


def venues(*cells: str) -> list[str]:
    """Rows of the three-column table under HEADER, one per venue, each its own paper."""
    return [
        row(f"Author {n} et al", f"Paper {n}", venue, f"https://example.org/{n}")
        for n, venue in enumerate(cells, 1)
    ]


def dated(*dates: str, venue: str = "arXiv") -> list[str]:
    """Rows of a `| Date | Title | Venue |` table, one per date."""
    return [
        f"| {date} | [**Paper {n}**](https://example.org/{n}) | {venue} |\n"
        for n, date in enumerate(dates, 1)
    ]


DATE_HEADER = "| Date | Title | Venue |\n|---|---|---|\n"
YEARS = venues("ICML, 2023", "CVPR, 2022", "NeurIPS, 2021", "ICLR, 2020", "AAAI, 2019", "KDD, 2018")


def table(rows: list[str], order: list[int], header: str = HEADER) -> str:
    return header + "".join(rows[i] for i in order)


YEAR_COLUMN = "| Title | Year | Venue |\n|---|---|---|\n" + "".join(
    f"| [Paper {n}](https://arxiv.org/abs/{arxiv}) | {year} | ICML\n"
    for n, (arxiv, year) in enumerate(
        [
            ("2305.00001", 2023),
            ("2301.00002", 2023),
            ("2311.00003", 2023),
            ("2212.00004", 2022),
            ("2206.00005", 2022),
            ("2209.00006", 2022),
        ],
        1,
    )
)
AT_PREPRINT = venues(
    "arXiv, Dec., 2023",
    "CVPR, 2024",
    "arXiv, Nov., 2023",
    "arXiv, Oct., 2023",
    "arXiv, Sep., 2023",
    "arXiv, Aug., 2023",
)
AT_PREPRINT[1] = AT_PREPRINT[1].replace("https://example.org/2", "https://arxiv.org/abs/2311.00002")
ONE_YEAR = venues("ICML, 2023", "ICLR, 2023", "CVPR, 2023", "AAAI, 2023", "KDD, 2023")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(table(YEARS, [0, 1, 2, 3, 4, 5]), id="newest-first"),
        pytest.param(table(YEARS, [5, 4, 3, 2, 1, 0]), id="oldest-first-kept"),
        pytest.param(table(YEARS, [1, 0]), id="two-rows"),
        pytest.param(table(YEARS, [2, 0, 3, 1]), id="four-dated-rows-too-few"),
        pytest.param(table(YEARS, [0, 2, 1, 4, 3, 5]), id="no-clear-direction"),
        pytest.param(table(ONE_YEAR, [4, 0, 2, 1, 3]), id="conference-months-never-guessed"),
        pytest.param(YEAR_COLUMN, id="year-column-order-arxiv-months-not-a-convention"),
        pytest.param(table(AT_PREPRINT, [0, 1, 2, 3, 4, 5]), id="published-paper-at-preprint"),
        pytest.param(
            "| No. | Author | Title | Venue |\n|---|---|---|---|\n"
            + "".join("| 1 " + r for r in (YEARS[3], YEARS[0], YEARS[5], YEARS[1], YEARS[2])),
            id="numbered-table-left-alone",
        ),
        pytest.param(
            table(YEARS, [0, 2, 1, 3, 4]) + "\n" + YEARS[5], id="stray-row-first-rejoined"
        ),
        pytest.param(
            table(YEARS, [0, 2, 1, 3, 4]) + "| x | y |\n" + YEARS[5], id="short-row-dd103-first"
        ),
        pytest.param(
            "| Title | Venue |\n|---|---|\n| **2022** | |\n| [A](https://a.org/1) | ICML 2022 |\n"
            "| [B](https://a.org/2) | NeurIPS 2022 |\n| **2021** | |\n"
            "| [C](https://a.org/3) | AAAI 2021 |\n",
            id="separator-groups-each-too-short",
        ),
    ],
)
def test_unsorted_noop(text: str) -> None:
    assert lint(text, ["DD401"]) == []


MON_YYYY = dated("Nov, 2023", "Oct, 2023", "Aug, 2023", "Jul, 2023", "Mar, 2023", "Jan, 2023")
YYYY_MM = dated("2024.03", "2024.01", "2023.12", "2023.11", "2023.09", "2023.05")
ISO_MONTHS = dated("2022-05", "2022-07", "2022-08", "2022-09", "2022-11", "2023-01")
ARXIV_IDS = [
    row(f"A{n}", f"P{n}", "-", f"https://arxiv.org/abs/{arxiv}")
    for n, arxiv in enumerate(
        ["2306.14048", "2305.00002", "2304.00004", "2303.00003", "2302.00005", "2301.00006"]
    )
]


@pytest.mark.parametrize(
    ("text", "expected", "message"),
    [
        pytest.param(
            table(YEARS, [0, 1, 3, 2, 4, 5]),
            table(YEARS, [0, 1, 2, 3, 4, 5]),
            "newest first by year, as 4 of 5",
            id="newest-first-by-year",
        ),
        pytest.param(
            table(YEARS, [5, 4, 2, 3, 1, 0]),
            table(YEARS, [5, 4, 3, 2, 1, 0]),
            "oldest first by year, as 4 of 5",
            id="oldest-first-table-stays-oldest-first",
        ),
        pytest.param(
            table(MON_YYYY, [0, 1, 4, 2, 3, 5], DATE_HEADER),
            table(MON_YYYY, [0, 1, 2, 3, 4, 5], DATE_HEADER),
            "newest first by year and month",
            id="mon-yyyy-date-column",
        ),
        pytest.param(
            table(YYYY_MM, [0, 1, 2, 5, 3, 4], DATE_HEADER),
            table(YYYY_MM, [0, 1, 2, 3, 4, 5], DATE_HEADER),
            "newest first by year and month",
            id="yyyy-mm-date-column",
        ),
        pytest.param(
            table(ISO_MONTHS, [0, 1, 3, 2, 4, 5], DATE_HEADER),
            table(ISO_MONTHS, [0, 1, 2, 3, 4, 5], DATE_HEADER),
            "oldest first by year and month",
            id="oldest-first-yyyy-mm",
        ),
        pytest.param(
            table(ARXIV_IDS, [0, 1, 3, 2, 4, 5]),
            table(ARXIV_IDS, [0, 1, 2, 3, 4, 5]),
            "newest first by arXiv id",
            id="arxiv-ids",
        ),
    ],
)
def test_unsorted_fix(text: str, expected: str, message: str) -> None:
    (finding,) = lint(text, ["DD401"])
    assert message in finding.message
    assert ": 1 row moves" in finding.message
    assert fixed(text, ["DD401"]) == expected


def test_unsorted_months_move_the_fewest_rows_around_rows_without_one() -> None:
    """ICLR writes no month: it fits anywhere in its year, and stays where it is."""
    rows = venues(
        "arXiv, Nov., 2023", "arXiv, Oct., 2023", "ICLR, 2023", "arXiv, Aug., 2023",
        "arXiv, Apr., 2023", "arXiv, Mar., 2023", "arXiv, Feb., 2023",
    )  # fmt: skip
    text = table(rows, [0, 6, 1, 2, 3, 4, 5])
    (finding,) = lint(text, ["DD401"])
    assert ": 1 row moves" in finding.message
    assert fixed(text, ["DD401"]) == table(rows, [0, 1, 2, 3, 4, 5, 6])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            table(YEARS, [0, 1, 3, 2, 4, 5]).replace("\n", "\r\n"),
            table(YEARS, [0, 1, 2, 3, 4, 5]).replace("\n", "\r\n"),
            id="crlf",
        ),
        pytest.param(
            table(YEARS, [0, 1, 2, 3, 5, 4]).rstrip("\n"),
            table(YEARS, [0, 1, 2, 3, 4, 5]).rstrip("\n"),
            id="last-line-without-ending",
        ),
    ],
)
def test_unsorted_keeps_line_endings(text: str, expected: str) -> None:
    assert fixed(text, ["DD401"]) == expected


def test_unsorted_separator_groups_sort_separately() -> None:
    sep22, sep21 = "| **2022** | | |\n", "| **2021** | | |\n"
    rows22 = venues(*(f"arXiv, {m}, 2022" for m in ("Dec.", "Oct.", "Sep.", "Jun.", "Feb.")))
    rows21 = venues(*(f"arXiv, {m}, 2021" for m in ("Nov.", "Aug.", "Jul.", "May", "Jan.")))
    text = (
        HEADER
        + sep22
        + table(rows22, [0, 1, 4, 2, 3], "")
        + sep21
        + table(rows21, [0, 1, 2, 3, 4], "")
    )
    expected = (
        HEADER
        + sep22
        + table(rows22, [0, 1, 2, 3, 4], "")
        + sep21
        + table(rows21, [0, 1, 2, 3, 4], "")
    )
    assert fixed(text, ["DD401"]) == expected


NOV, FEB, SEP = (
    row("Ada et al", "Nov", "arXiv, Nov., 2022"),
    row("Alan et al", "Feb", "arXiv, Feb., 2022"),
    row("Grace et al", "Sep", "arXiv, Sep., 2022"),
)
OLD = row("Edsger et al", "Old", "arXiv, Mar., 2021")


def test_unsorted_configured_keys() -> None:
    """`sort` set holds every table of two rows or more to it (the old default was
    `["-year", "-month"]` on every table)."""
    by_title = Config.model_validate({"sort": ["title"]})
    text = HEADER + NOV + FEB + SEP
    assert lint(text, ["DD401"]) == []  # three rows: no order of its own
    (finding,) = lint(text, ["DD401"], by_title)
    assert "sorted by title" in finding.message
    assert fixed(text, ["DD401"], config=by_title) == HEADER + FEB + NOV + SEP
    newest = Config.model_validate({"sort": ["-year", "-month"]})
    assert fixed(text, ["DD401"], config=newest) == HEADER + NOV + SEP + FEB
    numbered = "| No. | Author | Title | Venue |\n|---|---|---|---|\n" + "".join(
        "| 1 " + r for r in (OLD, NOV, FEB)
    )
    assert lint(numbered, ["DD401"], Config.model_validate({"sort": ["-year"]}))
    assert lint(HEADER + FEB + NOV, ["DD401"], Config.model_validate({"sort": False})) == []
    never = Config.model_validate({"sort": False})
    assert lint(table(YEARS, [0, 1, 3, 2, 4, 5]), ["DD401"], never) == []


def test_unsorted_configured_months_are_never_guessed() -> None:
    """ICLR (May) and NeurIPS (December) write no month: configured, they go last."""
    newest = Config.model_validate({"sort": ["-year", "-month"]})
    rows = venues("NeurIPS, 2022", "arXiv, Sep., 2022", "ICLR, 2022")
    assert fixed(table(rows, [2, 1, 0]), ["DD401"], config=newest) == table(rows, [1, 2, 0])


def test_unsorted_keeps_each_lines_bytes_and_container_prefix() -> None:
    indent = "  "
    text = "- Topic\n\n" + indent + table(YEARS, [0, 1, 3, 2, 4, 5]).replace("\n", "\n" + indent)
    expected = (
        "- Topic\n\n" + indent + table(YEARS, [0, 1, 2, 3, 4, 5]).replace("\n", "\n" + indent)
    )
    assert fixed(text, ["DD401"]) == expected


YEAR_HEADER = "| Year | Title | Venue |\n|---|---|---|\n"
# Newest first by the `yyyy.mm` the Year column writes: an October 2023 preprint
# published at ICLR'24 sits among the 2023 rows, where its own date puts it.
YEAR_MONTH_ROWS = [
    f"| {date} | [**Paper {n}**](https://example.org/{n}) | {venue} |\n"
    for n, (date, venue) in enumerate(
        [
            ("2024.03", "ICLR'24"), ("2024.02", "arXiv"), ("2024.01", "arXiv"),
            ("2023.12", "arXiv"), ("2023.10", "ICLR'24"), ("2023.07", "ICML'23"),
            ("2023.06", "arXiv"),
        ],
        1,
    )
]  # fmt: skip


def test_a_year_column_that_writes_the_month_orders_its_rows() -> None:
    ordered = YEAR_HEADER + "".join(YEAR_MONTH_ROWS)
    assert lint(ordered, ["DD401"]) == []
    swapped = table(YEAR_MONTH_ROWS, [0, 1, 2, 3, 4, 6, 5], YEAR_HEADER)
    (finding,) = lint(swapped, ["DD401"])
    assert "newest first by year and month" in finding.message
    assert fixed(swapped, ["DD401"]) == ordered


def test_a_year_column_of_bare_years_leaves_the_month_to_the_venue() -> None:
    rows = [
        f"| 2023 | [**Paper {n}**](https://example.org/{n}) | arXiv, {month}., 2023 |\n"
        for n, month in enumerate(["Dec", "Nov", "Oct", "Jul", "Jun", "Mar"], 1)
    ]
    ordered = YEAR_HEADER + "".join(rows)
    assert lint(ordered, ["DD401"]) == []
    swapped = table(rows, [0, 2, 1, 3, 4, 5], YEAR_HEADER)
    (finding,) = lint(swapped, ["DD401"])
    assert "newest first by year and month" in finding.message
