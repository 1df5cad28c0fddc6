"""DD209 unparsed-venue: a venue without a year, where nothing else dates the paper."""

from __future__ import annotations

import pytest
from helpers import at, lint, rule_fixture

from ddlint.rules.fields._fields import date_year

ARXIV = "https://arxiv.org/abs/2306.00001"
FORUM = "https://openreview.net/forum?id=Ab12Cd"


def table(header: str, *rows: str) -> str:
    """A table with ``header`` (cells split on `|`) and its rows."""
    cells = header.split("|")
    head = "| " + " | ".join(cells) + " |\n|" + "---|" * len(cells) + "\n"
    return head + "".join(f"| {r} |\n" for r in rows)


def paper(title: str, url: str = FORUM) -> str:
    return f"[**{title}**]({url})"


VENUE_ONLY = table("Title|Venue", f"{paper('Notes on the Engine')} | CVPR")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("## 2018\n\n" + VENUE_ONLY, id="year-heading"),
        pytest.param("## Vision\n\n### 2023\n\n" + VENUE_ONLY, id="year-subheading"),
        pytest.param("## CVPR 2023\n\n" + VENUE_ONLY, id="venue-and-year-heading"),
        pytest.param("## 2023\n\n### Vision\n\n" + VENUE_ONLY, id="year-in-parent-heading"),
        pytest.param(
            table("Title|Venue|Year", f"{paper('Notes')} | CVPR | 2018"), id="year-column"
        ),
        pytest.param(
            table("Time|Title|Venue", f"2024.06 | {paper('Notes')} | arXiv"),
            id="time-column-year-dot-month",
        ),
        pytest.param(
            table("Date|Title|Venue", f"2024-06-12 | {paper('Notes')} | TNNLS"),
            id="date-column-iso",
        ),
        pytest.param(
            table("Date|Title|Venue", f"Jun 2024 | {paper('Notes')} | TNNLS"),
            id="date-column-month-name",
        ),
        pytest.param(
            table("Date|Title|Venue", f"06/2024 | {paper('Notes')} | TNNLS"),
            id="date-column-month-slash-year",
        ),
        pytest.param(
            table("Date|Title|Venue", f"202406 | {paper('Notes')} | TNNLS"),
            id="date-column-compact",
        ),
        pytest.param(
            table(
                "ID|Title|Venue",
                f"2024-03-16 | {paper('Notes')} | Arxiv",
                f"2024-02-01 | {paper('Tables')} | ICLR 2024",
            ),
            id="date-valued-column-under-another-name",
        ),
        pytest.param(
            # The record reads a cell that is only a date as the row's date.
            table("Released|Title|Venue", f"2024-03-16 | {paper('Notes')} | Arxiv"),
            id="one-date-cell-dates-its-row",
        ),
        pytest.param(table("Title|Venue", f"{paper('Notes', ARXIV)} | KDD"), id="arxiv-id"),
        pytest.param(
            table("Title|Venue|Link", f"Notes on the Engine | TNNLS | [[Link]]({ARXIV})"),
            id="arxiv-id-in-a-link-column",
        ),
        pytest.param(
            table("Time|Title|Venue|Code", f"- | **A Tool** | unitary.ai | [link]({FORUM})"),
            id="dash-in-the-time-column-is-undated-on-purpose",
        ),
        pytest.param(
            table("Title|Venue", f"{paper('Notes')} | Falcon (40B) | WSDM 2024 | x"),
            id="surplus-cells-are-dd103s",
        ),
        pytest.param(
            table(
                "Year|Title|Venue", *[f"23.0{n} | {paper(f'P{n}')} | ICML 2023" for n in range(5)]
            ),
            id="a-year-style-of-its-own-is-no-cut-off-year",
        ),
    ],
)
def test_dated_rows_are_not_reported(text: str) -> None:
    assert lint(text, ["DD209"]) == []


def test_fixture_rows_that_nothing_dates() -> None:
    text = rule_fixture("unparsed-venue.md")
    assert [at(text, f) for f in lint(text, ["DD209"])] == ["OpenReview", "Under review", "TBD"]


@pytest.mark.parametrize(
    ("text", "pointed"),
    [
        pytest.param("## Vision\n\n" + VENUE_ONLY, "CVPR", id="topic-heading"),
        pytest.param(
            table("Title|Venue|Date", f"{paper('Notes')} | TNNLS | "), "TNNLS", id="empty-date"
        ),
        pytest.param(
            table(
                "Title|Venue|Year",
                f"{paper('Notes')} | ICML | 2022",
                f"{paper('Tables')} | ICML | 20-",
            ),
            "20-",
            id="cut-off-year",
        ),
    ],
)
def test_reported(text: str, pointed: str) -> None:
    [finding] = lint(text, ["DD209"])
    assert at(text, finding) == pointed


def test_cut_off_year_message() -> None:
    text = table(
        "Title|Venue|Year", f"{paper('Notes')} | ICML | 2022", f"{paper('Tables')} | ICML | 202"
    )
    [finding] = lint(text, ["DD209"])
    assert finding.message.startswith("`202` holds no year")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2024", 2024),
        ("2024.06", 2024),
        ("2024-06-12", 2024),
        ("2023-9-21", 2023),
        ("Jun 2024", 2024),
        ("12 Jun. 2024", 2024),
        ("June, 2024", 2024),
        ("06/2024", 2024),
        ("202406", 2024),
        ("20240612", 2024),
        ("`2024.06`", 2024),
        ("2306.12345", None),  # an arXiv id
        ("20-", None),
        ("CVPR 2024", None),  # a venue, not a date
        ("2024 2025", None),
        ("202413", None),
        ("", None),
    ],
)
def test_date_year(text: str, year: int | None) -> None:
    assert date_year(text) == year


def test_a_table_of_undated_venues_is_one_finding() -> None:
    text = "## Attacks\n\n" + table(
        "Title|Venue",
        f"{paper('Notes on the Engine')} | KDD",
        f"{paper('Tables of Tables', 'https://example.org/t')} | ICML",
        f"{paper('Dated Paper', 'https://example.org/d')} | ICML 2023",
    )
    [finding] = lint(text, ["DD209"])
    assert (finding.line, finding.end_line) == (5, 6)
    assert finding.message.startswith("Venues without a year")
    assert "(2 of 3 rows of the table at line 3)" in finding.message
