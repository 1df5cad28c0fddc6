"""DD403 venue-format: venues held to the list's own clear style, or the configured month."""

from __future__ import annotations

import pytest
from helpers import HEADER, fixed, lint, row, rule_fixture

from ddlint.engine.config import Config


def test_venue_format_fixture() -> None:
    text = rule_fixture("venue-format.md")
    findings = lint(text, ["DD403"])
    assert [f.span.slice(text) for f in findings] == [
        "arXiv, Sept., 2022",
        "ICML 2022",
        "arXiv, Apr. 2022",
        "arXiv, Jan, 2022",
    ]
    assert findings[1].message == (
        "Venue `ICML 2022` is not written the way this list writes its venues (5 of 6 like "
        "`NeurIPS, 2022`): write `ICML, 2022`; run --fix"
    )
    venues = [line.split(" | ")[-2] for line in fixed(text, ["DD403"]).splitlines()[7:13]]
    assert venues == [
        "NeurIPS, 2022",
        "arXiv, Sep., 2022",
        "ICML, 2022",
        "arXiv, Jun., 2022",
        "arXiv, Apr., 2022",
        "arXiv, Jan., 2022",
    ]


def venues(*cells: str) -> str:
    """A table of one row per venue, each a paper of its own."""
    return HEADER + "".join(
        row(f"Author {n} et al", f"Paper {n}", venue, f"https://arxiv.org/abs/2201.{n:05d}")
        for n, venue in enumerate(cells, 1)
    )


SPACE = ("CVPR 2023", "ICML 2023", "NeurIPS 2022", "Arxiv 2023", "KDD 2024", "SIGIR 2024")
APOSTROPHE = ("CVPR'23", "ICML'24", "NeurIPS'25", "arXiv'26", "ACL'24", "ICLR'24")
COMMA = ("CVPR, 2023", "ICML, 2023", "NeurIPS, 2022", "AAAI, 2024", "KDD, 2024", "ECCV, 2022")
MONTHS = (
    "arXiv, Nov., 2022",
    "arXiv, Feb., 2023",
    "arXiv, Mar., 2023",
    "arXiv, Oct., 2022",
    "arXiv, Dec., 2022",
    "arXiv, Aug., 2023",
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(venues(*SPACE), id="name-space-year-list"),
        pytest.param(venues(*APOSTROPHE), id="name-apostrophe-yy-list"),
        pytest.param(venues(*COMMA), id="name-comma-year-list"),
        pytest.param(venues(*MONTHS), id="month-list"),
        pytest.param(venues(*SPACE[:3], *APOSTROPHE[:3]), id="mixed-list-no-convention"),
        pytest.param(venues("ICML 2022", "CVPR'23"), id="two-rows-no-convention"),
        pytest.param(venues(*SPACE[:5], "CVPR", "ICML"), id="name-only-cells-show-no-form"),
        pytest.param(venues(*SPACE, "[ICML'22](https://icml.cc)"), id="markup-left-alone"),
        pytest.param(venues(*SPACE, "Under review"), id="unparsed-is-dd209s"),
        pytest.param(venues(*COMMA, "NeurIPS workshop, 2020"), id="name-spelling-kept"),
        pytest.param(venues(*COMMA, "ICLR, 2024 (Oral)"), id="note-kept"),
    ],
)
def test_venue_format_noop(text: str) -> None:
    assert lint(text, ["DD403"]) == []


@pytest.mark.parametrize(
    ("listed", "venue", "expected"),
    [
        pytest.param(SPACE, "CVPR'23", "CVPR 2023", id="apostrophe-in-space-list"),
        pytest.param(SPACE, "CVPR, 2023", "CVPR 2023", id="comma-in-space-list"),
        pytest.param(APOSTROPHE, "ICML 2024", "ICML'24", id="space-in-apostrophe-list"),
        pytest.param(APOSTROPHE, "NeurIPS 1999", "NeurIPS'99", id="last-century-yy"),
        pytest.param(COMMA, "ICML 2022", "ICML, 2022", id="space-in-comma-list"),
        pytest.param(COMMA, "ICLR 2024 (Oral)", "ICLR, 2024 (Oral)", id="note-kept"),
        pytest.param(MONTHS, "arXiv, Sept., 2022", "arXiv, Sep., 2022", id="sept"),
        pytest.param(MONTHS, "arXiv, Apr. 2022", "arXiv, Apr., 2022", id="no-comma-before-year"),
        pytest.param(MONTHS, "arXiv, Jan, 2022", "arXiv, Jan., 2022", id="no-dot"),
        pytest.param(MONTHS, "arXiv, September, 2022", "arXiv, Sep., 2022", id="full-month"),
    ],
)
def test_venue_format_fix(listed: tuple[str, ...], venue: str, expected: str) -> None:
    text = venues(*listed, venue)
    (finding,) = lint(text, ["DD403"])
    assert finding.span.slice(text) == venue
    assert finding.fix is not None
    assert fixed(text, ["DD403"]) == venues(*listed, expected)


def test_venue_format_message_quotes_the_list_never_a_canonical_form() -> None:
    (finding,) = lint(venues(*SPACE, "ICML'22"), ["DD403"])
    assert finding.message == (
        "Venue `ICML'22` is not written the way this list writes its venues (6 of 7 like "
        "`CVPR 2023`): write `ICML 2022`; run --fix"
    )
    assert "," not in finding.message.split("write")[-1]


def test_venue_format_is_read_over_the_whole_list() -> None:
    """Three tables of two rows each: the list, not each table, shows the style."""
    tables = venues(*SPACE[:2]) + "\n" + venues(*SPACE[2:4]) + "\n" + venues("KDD 2024", "AAAI'24")
    (finding,) = lint(tables, ["DD403"])
    assert finding.span.slice(tables) == "AAAI'24"


def test_venue_format_month_style_option() -> None:
    config = Config.model_validate({"month-style": "number"})
    text = HEADER + row("Ada et al", "T", "arXiv, Sept., 2022")
    assert lint(text, ["DD403"]) == []  # one venue: no style of the list's own
    assert fixed(text, ["DD403"], config=config) == HEADER + row("Ada et al", "T", "arXiv, 2022-09")


def test_venue_format_configured_month_style_one_finding_for_a_table() -> None:
    config = Config.model_validate({"month-style": "full"})
    text = venues(*MONTHS)
    (finding,) = lint(text, ["DD403"], config)
    assert finding.message == (
        "6 of 6 venues with a month in this table spell it unlike the configured "
        "month-style `full`; run --fix"
    )
    out = fixed(text, ["DD403"], config=config)
    assert out == venues(*(v.replace("Nov.", "November") for v in MONTHS)).replace(
        "Feb.", "February"
    ).replace("Mar.", "March").replace("Oct.", "October").replace("Dec.", "December").replace(
        "Aug.", "August"
    )
    assert lint(out, ["DD403"], config) == []


# A list that dates its preprints in the Venue column (`Nov., 2023`, no venue named) and
# writes its conferences in two forms: the dates are no venues named `Nov.`, so their
# comma is no form of the conferences, and they keep a habit of their own.
DATES = (
    *("Nov., 2023", "Oct., 2023", "Mar., 2024", "Jan., 2024", "Dec., 2023", "Jul., 2023"),
    *("Feb., 2024", "Aug., 2023", "Sep., 2023", "Apr., 2024"),
)
CONFERENCES = ("CVPR 2023", "ICCV, 2023", "NeurIPS 2023", "ICLR, 2024", "AAAI 2024")


def test_venue_format_dates_with_no_venue_are_not_venue_names() -> None:
    text = venues(*DATES, *CONFERENCES)
    assert lint(text, ["DD403"]) == []


def test_venue_format_a_date_with_no_venue_follows_the_dates_habit() -> None:
    text = venues(*DATES, *CONFERENCES, "Mar. 2025")
    (finding,) = lint(text, ["DD403"])
    assert finding.span.slice(text) == "Mar. 2025"
    assert "the way this list writes its dates with no venue (10 of 11 like" in finding.message
    assert fixed(text, ["DD403"]) == venues(*DATES, *CONFERENCES, "Mar., 2025")
