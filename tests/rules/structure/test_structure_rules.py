"""DD103 cell-count, DD104 broken-table, DD105 unescaped-pipe, DD106 absorbed-line together.

Each rule is checked on the hand-made fixtures (lines from tests/fixtures/rules/README.md),
on inline Markdown (noop and positive cases) and on the seed, all four at once: a case of
one raises none of the others. What concerns one rule alone is in its test_ddNNN_*.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    FIXTURES,
    HEADER,
    ROW,
    ROW_A,
    ROW_B,
    SEED_TEXT,
    STRUCTURE_CODES,
    at,
    lint,
    rule_fixture,
)

from ddlint.api import fix_text


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        pytest.param("cell-count-extra.md", [("DD103", 9)], id="cell-count-extra"),
        pytest.param("cell-count-short.md", [("DD103", 9)], id="cell-count-short"),
        pytest.param("broken-table-mismatch.md", [("DD104", 7)], id="broken-table-mismatch"),
        pytest.param("broken-table-no-delimiter.md", [("DD104", 6)], id="broken-no-delimiter"),
        pytest.param("unescaped-pipe.md", [("DD105", 9), ("DD105", 11)], id="unescaped-pipe"),
        pytest.param("absorbed-line.md", [("DD106", 11), ("DD106", 20)], id="absorbed-line"),
        pytest.param("stray-after-blank.md", [], id="stray-rows-are-not-broken-tables"),
        pytest.param("interrupted-by-heading.md", [], id="interrupted-by-heading"),
        pytest.param("interrupted-by-list-item.md", [], id="interrupted-by-list-item"),
        pytest.param("interrupted-by-html-block.md", [], id="interrupted-by-html-block"),
    ],
)
def test_fixture_lines(fixture: str, expected: list[tuple[str, int]]) -> None:
    assert [(f.code, f.line) for f in lint(rule_fixture(fixture), STRUCTURE_CODES)] == expected


def test_seed_raises_none_of_them() -> None:
    seed = SEED_TEXT
    assert lint(seed, STRUCTURE_CODES) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "lists").glob("*.md")), ids=lambda p: p.stem)
def test_list_shapes_raise_none_of_them(path: Path) -> None:
    # No-outer-pipe rows ending in `|` (an empty last cell written that way) are fine.
    assert lint(path.read_text(encoding="utf-8"), STRUCTURE_CODES) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(HEADER + ROW, id="clean-table"),
        pytest.param(HEADER + ROW.replace("Notes on", "Notes \\| on"), id="escaped-pipe"),
        pytest.param(HEADER + "| A et al | `a\\|b` | ICML, 2022 |\n", id="escaped-in-code"),
        pytest.param(HEADER + "| A ` et al | B ` | ICML, 2022 |\n", id="lone-backticks"),
        pytest.param("| a |\n|---|\n| x |\nplain line\n", id="one-column-pipe-less-row"),
        pytest.param("Use a | b\nor c | d in prose.\n", id="prose-with-pipes"),
        pytest.param("| only | one line |\n", id="single-pipe-line"),
        pytest.param(
            HEADER + ROW + "\n| B et al | [**X**](https://a.org/x) | ICML, 2022 |\n", id="stray"
        ),
        pytest.param(
            "| Title | Venue | Code\n|---|---|---\n| [**X**](https://a.org/x) | ICML, 2022 |\n",
            id="no-closing-pipes-empty-last-cell",
        ),
        pytest.param(
            "| Author | Title | Venue |\n|---|---|---|\n| **2015** |\n" + ROW,
            id="separator-row-short-on-purpose",
        ),
        pytest.param(HEADER + "| |[** **]() | | | |\n", id="template-row-left-to-dd201"),
        pytest.param("| a | b |\n    |---|\n", id="indented-delimiter-is-never-tried"),
    ],
)
def test_noop(text: str) -> None:
    assert lint(text, STRUCTURE_CODES) == []


@pytest.mark.parametrize(
    ("text", "code", "line", "pointed"),
    [
        pytest.param(
            HEADER + ROW.replace(" |\n", " | [Code](https://x.org) |\n"),
            "DD103",
            3,
            "[Code](https://x.org)",
            id="extra-cell-with-text",
        ),
        pytest.param(
            HEADER + ROW_A + ROW_B + "| C et al | ICML, 2022 |\n",
            "DD103",
            5,
            "",
            id="short-row-in-the-middle",
        ),
        pytest.param(
            HEADER + ROW + "\n| B et al | [**X**](https://a.org/x) | ICML, 2022 | Oops |\n",
            "DD103",
            5,
            "Oops",
            id="extra-cell-on-a-stray-row",
        ),
        pytest.param(
            "| a | b |\n|---|---|---|\n| c | d |\n|---|---|\n",
            "DD104",
            2,
            "|---|---|---|",
            id="one-strike-first-delimiter",
        ),
        pytest.param(
            "> | a | b |\n> |---|\n> | c | d |\n", "DD104", 2, "|---|", id="in-block-quote"
        ),
        pytest.param("a | b\n--|--|--\n", "DD104", 2, "--|--|--", id="no-outer-pipes"),
        pytest.param(
            "Intro text.\n| a | b |\n| c | d |\n",
            "DD104",
            2,
            "| a | b |\n| c | d |",  # the whole block
            id="rows-after-prose",
        ),
        pytest.param(
            "| x | y |\n|---|---|\n| [t](http://e.com/a|b) | c |\n",
            "DD105",
            3,
            "|",
            id="pipe-in-link-url",
        ),
        pytest.param(
            '| x | y |\n|---|---|\n| [t](http://e.com "a|b") | c |\n',
            "DD105",
            3,
            "|",
            id="pipe-in-link-title",
        ),
        pytest.param(
            '| x | y |\n|---|---|\n| <span title="a|b">t</span> | c |\n',
            "DD105",
            3,
            "|",
            id="pipe-in-html-attribute",
        ),
        pytest.param(
            "| x | y |\n|---|---|\n| ![a|b](i.png) | c |\n", "DD105", 3, "|", id="pipe-in-image-alt"
        ),
        pytest.param(
            HEADER + ROW + "Last updated today.\n", "DD106", 4, "Last updated today.", id="note"
        ),
    ],
)
def test_positive(text: str, code: str, line: int, pointed: str) -> None:
    findings = [f for f in lint(text, STRUCTURE_CODES) if f.code == code]
    assert [(f.line, at(text, f)) for f in findings][:1] == [(line, pointed)]


@pytest.mark.parametrize("name", ["broken-table-mismatch.md", "absorbed-line.md"])
def test_report_only_rules_change_nothing(name: str) -> None:
    text = rule_fixture(name)
    assert all(f.fix is None for f in lint(text, STRUCTURE_CODES))
    assert fix_text(text, select=STRUCTURE_CODES, unsafe=True).text == text
