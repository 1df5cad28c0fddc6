"""DD306 broken-fragment: ``#fragment`` links to no heading or anchor of the file."""

from __future__ import annotations

import pytest
from helpers import SEED_TEXT, fixed, lines, link_row, link_table, rule_fixture

from ddlint.api import lint_text
from ddlint.text.findings import Severity


def test_broken_fragment_fixture() -> None:
    text = rule_fixture("broken-fragment.md")
    findings = lint_text(text, select=["DD306"])
    assert [(f.line, f.severity, f.fix is not None) for f in findings] == [
        (4, Severity.INFO, True),
        (4, Severity.WARNING, False),
        (14, Severity.WARNING, False),
    ]
    assert "#papers-in-2021-back-to-top" in findings[1].message
    assert "(#papers-in-2023-back-to-top)" in fixed(text, ["DD306"])


def test_broken_fragment_seed() -> None:
    findings = lint_text(SEED_TEXT, select=["DD306"])
    assert {f.line for f in findings} == {7, 12, 68, 86, 99, 109}
    assert len([f for f in findings if f.line == 7]) == 5
    assert all(f.severity is Severity.INFO and f.fix for f in findings)
    assert lines(fixed(SEED_TEXT, ["DD306"]), "DD306") == []


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            "# Top\n\n[up](#top) [up](#user-content-top) [up](#)\n", id="plain-prefix-empty"
        ),
        pytest.param('<a name="y2022"></a>\n\n[2022](#y2022)\n', id="explicit-html-name"),
        pytest.param("# foo\n# foo\n\n[second](#foo-1)\n", id="duplicate-suffix"),
        pytest.param("```\n[x](#nowhere)\n```\n", id="inside-code-block"),
        pytest.param(
            '# Papers\n\n## 2023\n\n[back to top](#top) <a href="#top">up</a> [up](#TOP)\n',
            id="top-without-a-heading",
        ),
        pytest.param(
            "# Notes-List [![Awesome](https://example.org/badge.svg)](https://example.org)\n\n"
            "- [Notes-List ](#notes-list-)\n",
            id="heading-ending-in-a-badge",
        ),
        pytest.param(
            "# ![Logo](https://example.org/logo.png) Notes\n\n"
            "## Reading ![New](https://img.shields.io/badge/new-red) List\n\n"
            "[a](#-notes) [b](#reading--list)\n",
            id="images-anywhere-in-headings",
        ),
    ],
)
def test_broken_fragment_noop(source: str) -> None:
    assert lines(source, "DD306") == []


def test_broken_fragment_in_a_table_cell() -> None:
    source = "# Top\n\n" + link_table(link_row(code="[up](#Top)"))
    assert fixed(source, ["DD306"]) == "# Top\n\n" + link_table(link_row(code="[up](#top)"))


def test_badge_alt_text_is_not_an_anchor() -> None:
    source = (
        "# Notes-List [![Awesome](https://example.org/badge.svg)](https://example.org)\n\n"
        "- [Notes-List](#notes-list-awesome)\n"
    )
    assert lines(source, "DD306") == [3]
