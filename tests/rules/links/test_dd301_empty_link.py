"""DD301 empty-link: a link without a target, and the fix that drops it."""

from __future__ import annotations

import pytest
from helpers import fixed, lines, link_row, link_table, rule_fixture

from ddlint.api import lint_text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            link_table(link_row(code="[Code](https://github.com/x), [Poster]()")),
            link_table(link_row(code="[Code](https://github.com/x)")),
            id="after-a-real-link",
        ),
        pytest.param(
            link_table(link_row(code="[Poster](), [Code](https://github.com/x)")),
            link_table(link_row(code="[Code](https://github.com/x)")),
            id="before-a-real-link",
        ),
        pytest.param(
            link_table(link_row(code="[Code]() [Video](https://youtu.be/x)")),
            link_table(link_row(code="[Video](https://youtu.be/x)")),
            id="space-separated",
        ),
        pytest.param(
            link_table(link_row(code="[Code]()")),
            link_table(link_row()),
            id="alone-leaves-an-empty-cell",
        ),
        pytest.param(
            link_table(link_row(code="[Code](), [Poster]( )")),
            link_table(link_row()),
            id="two-empty-links",
        ),
    ],
)
def test_empty_link_fix(source: str, expected: str) -> None:
    assert lines(source, "DD301")
    assert fixed(source, ["DD301"]) == expected


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            link_table(link_row(code="[![stars](https://img.shields.io/x)]()")), id="badge"
        ),
        pytest.param(link_table(link_row(code="[~~Code~~]()")), id="struck-label"),
        pytest.param(
            "| Author | Title |\n|---|---|\n| Ada et al | [**Notes**]() |\n",
            id="title-link",
        ),
    ],
)
def test_empty_link_reported_without_fix(source: str) -> None:
    findings = lint_text(source, select=["DD301"])
    assert len(findings) == 1 and findings[0].fix is None


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(link_table(link_row(code="[Code](https://github.com/x)")), id="real-link"),
        pytest.param(link_table("| |[** **]() | | [Code]() |"), id="placeholder-row-is-dd201s"),
    ],
)
def test_empty_link_noop(source: str) -> None:
    assert lines(source, "DD301") == []


def test_empty_link_fixture() -> None:
    text = rule_fixture("empty-links.md")
    assert lines(text, "DD301") == [9, 10]
    assert lines(fixed(text, ["DD301"]), "DD301") == []
