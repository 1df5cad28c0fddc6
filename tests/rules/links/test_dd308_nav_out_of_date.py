"""DD308 nav-out-of-date: the year navigation line against the year sections."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SEED_TEXT, fixed, lines, link_row, link_table, lint, rule_fixture

NAV_SECTIONS = """
### Papers in 2023
{table23}
### Papers in 2022
{table22}
### Papers in 2021
{table21}"""


def nav_document(nav: str) -> str:
    body = NAV_SECTIONS.format(
        table23=link_table(link_row("https://arxiv.org/abs/2301.00001")),
        table22=link_table(link_row("https://arxiv.org/abs/2201.00001")),
        table21=link_table(link_row("https://arxiv.org/abs/2101.00001")),
    )
    return f"# List\n\n{nav}\n{body}"


@pytest.mark.parametrize(
    ("nav", "expected"),
    [
        pytest.param(
            "[2022](#papers-in-2022) · [2021](#papers-in-2021)",
            "[2023](#papers-in-2023) · [2022](#papers-in-2022) · [2021](#papers-in-2021)",
            id="newest-missing",
        ),
        pytest.param(
            "[2021](#papers-in-2021) | [2022](#papers-in-2022)",
            "[2021](#papers-in-2021) | [2022](#papers-in-2022) | [2023](#papers-in-2023)",
            id="ascending-order",
        ),
        pytest.param(
            "| [2023](#papers-in-2023) | [2021](#papers-in-2021) |",
            "| [2023](#papers-in-2023) | [2022](#papers-in-2022) | [2021](#papers-in-2021) |",
            id="middle-missing",
        ),
        pytest.param(
            "[2023](#papers-in-2023) | [2022](#papers-in-2022) | [2021](#papers-in-2021)"
            " | [2019](#papers-in-2019)",
            "[2023](#papers-in-2023) | [2022](#papers-in-2022) | [2021](#papers-in-2021)",
            id="stale-year-removed",
        ),
    ],
)
def test_nav_out_of_date_fix(nav: str, expected: str) -> None:
    source = nav_document(nav)
    assert lines(source, "DD308")
    assert fixed(source, ["DD308"]) == nav_document(expected)


def test_nav_out_of_date_fixture() -> None:
    text = rule_fixture("nav-out-of-date.md")
    assert lines(text, "DD308") == [4]
    assert (
        "**Papers sorted by year:** | [2023](#papers-in-2023-back-to-top) | "
        "[2022](#papers-in-2022-back-to-top) |" in fixed(text, ["DD308"])
    )


def test_nav_out_of_date_seed_and_lists_are_clean() -> None:
    assert lines(SEED_TEXT, "DD308") == []
    for path in sorted((FIXTURES / "lists").glob("*.md")):
        assert lines(path.read_text(encoding="utf-8"), "DD308") == [], path.name


def test_nav_wrapped_over_two_lines_is_one_line() -> None:
    nav = (
        "**By year:** [2023](#papers-in-2023) | [2022](#papers-in-2022) |\n[2021](#papers-in-2021)"
    )
    assert lines(nav_document(nav), "DD308") == []
    short = "**By year:** [2023](#papers-in-2023) |\n[2022](#papers-in-2022)"
    expected = (
        "**By year:** [2023](#papers-in-2023) |\n[2022](#papers-in-2022) | [2021](#papers-in-2021)"
    )
    assert lines(nav_document(short), "DD308") == [3]
    assert fixed(nav_document(short), ["DD308"]) == nav_document(expected)


def venue_document(nav: str, cvpr_years: tuple[int, ...]) -> str:
    venues = [*(("CVPR", year) for year in cvpr_years), ("ICCV", 2023), ("ICCV", 2021)]
    sections = [
        f"## {venue} {year}\n" + link_table(link_row(f"https://arxiv.org/abs/{year % 100}01.0{i}"))
        for i, (venue, year) in enumerate(venues)
    ]
    return f"# List\n\n{nav}\n\n" + "\n".join(sections)


VENUE_NAV = (
    "CVPR: [2023](#cvpr-2023) | [2022](#cvpr-2022)\nICCV: [2023](#iccv-2023) | [2021](#iccv-2021)"
)


def test_nav_sets_of_two_venues_are_checked_apart() -> None:
    # The CVPR links do not miss ICCV's 2021, nor the ICCV links CVPR's 2022.
    assert lines(venue_document(VENUE_NAV, (2023, 2022)), "DD308") == []
    source = venue_document(VENUE_NAV, (2023, 2022, 2021))
    findings = lint(source, ["DD308"])
    assert [f.line for f in findings] == [3]
    assert findings[0].message.startswith("The quick links miss the 2021 section")
    assert "[2022](#cvpr-2022) | [2021](#cvpr-2021)\nICCV" in fixed(source, ["DD308"])
