"""DD103 cell-count, DD104 broken-table, DD105 unescaped-pipe, DD106 absorbed-line.

Each rule is checked on the hand-made fixtures (lines from tests/fixtures/rules/README.md),
on inline Markdown (noop and positive cases), against GitHub's renderer, and on the seed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gfm_oracle import render, rendered_tables
from helpers import FIXTURES

from ddlint.api import fix_text, lint_text, parse_records
from ddlint.text.findings import Applicability, Finding, Severity

RULES = FIXTURES / "rules"
CODES = ["DD103", "DD104", "DD105", "DD106"]

HEADER = "| Author | Title | Venue |\n|---|---|---|\n"
ROW = "| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.1) | ICML |\n"


def read(name: str) -> str:
    return (RULES / name).read_text(encoding="utf-8")


def lint(text: str, codes: list[str] = CODES) -> list[Finding]:
    return lint_text(text, select=codes)


def at(text: str, finding: Finding) -> str:
    return finding.span.slice(text)


# -- the fixtures: exact lines ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        pytest.param("cell-count-extra.md", [("DD103", 9)], id="cell-count-extra"),
        pytest.param("cell-count-short.md", [("DD103", 9), ("DD103", 11)], id="cell-count-short"),
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
    assert [(f.code, f.line) for f in lint(read(fixture))] == expected


def test_seed_raises_none_of_them() -> None:
    seed = (FIXTURES / "dataset-distillation-papers.md").read_text(encoding="utf-8")
    assert lint(seed) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "lists").glob("*.md")), ids=lambda p: p.stem)
def test_list_shapes_raise_none_of_them(path: Path) -> None:
    # No-outer-pipe rows ending in `|` (an empty last cell written that way) are fine.
    assert lint(path.read_text(encoding="utf-8")) == []


def test_extra_cell_points_at_the_dropped_cell() -> None:
    text = read("cell-count-extra.md")
    (finding,) = lint(text)
    assert at(text, finding) == "[Poster](https://kmorita.github.io/pc-condense/poster.pdf)"
    assert finding.severity is Severity.ERROR and finding.fix is None
    assert "8 cells, the header 7" in finding.message
    assert "poster.pdf" not in render(text)  # GitHub really drops it


def test_short_row_points_at_the_row_end() -> None:
    text = read("cell-count-short.md")
    findings = lint(text)
    for finding in findings:
        line = text.splitlines()[finding.line - 1]
        assert finding.column == len(line.rstrip()) + 1
        assert finding.fix is None and finding.severity is Severity.WARNING
        assert "6 cells, the header 7" in finding.message


def test_unescaped_pipe_points_at_the_pipe_in_the_title_cell() -> None:
    text = read("unescaped-pipe.md")
    findings = lint(text)
    assert [at(text, f) for f in findings] == ["|", "|"]
    lines = text.splitlines()
    before = [lines[f.line - 1][: f.column - 1] for f in findings]
    assert before[0].endswith("[**Sharp") and before[1].endswith("`L1")
    assert "inside a link" in findings[0].message
    assert "inside a code span" in findings[1].message


def test_broken_table_points_at_the_delimiter_with_both_counts() -> None:
    text = read("broken-table-mismatch.md")
    (finding,) = lint(text)
    assert (finding.line, finding.column) == (7, 1)
    assert at(text, finding).startswith("|--------|")
    assert "6 cells" in finding.message and "7" in finding.message
    assert finding.severity is Severity.ERROR and finding.fix is None
    assert rendered_tables(text) == [[17, 18]]  # only the 2022 table renders


def test_missing_delimiter_points_at_the_header_and_suggests_one() -> None:
    text = read("broken-table-no-delimiter.md")
    (finding,) = lint(text)
    assert at(text, finding).startswith("| Author | Title |")
    assert "`|" + " --- |" * 7 + "`" in finding.message
    assert rendered_tables(text) == [[16, 17]]


def test_absorbed_line_is_a_row_on_github() -> None:
    text = read("absorbed-line.md")
    findings = lint(text)
    assert [at(text, f) for f in findings] == [
        "If you find a paper missing from this table, please open a pull request.",
        "*Updated on 2023-01-04.*",
    ]
    assert all(f.column == 1 and f.fix is None for f in findings)
    assert rendered_tables(text) == [[8, 9, 10, 11], [18, 19, 20]]


# -- inline cases ------------------------------------------------------------------------


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
    assert lint(text) == []


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
            HEADER + "| A et al | ICML, 2022 |\n", "DD103", 3, "", id="short-row-in-the-middle"
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
            "Intro text.\n| a | b |\n| c | d |\n", "DD104", 2, "| a | b |", id="rows-after-prose"
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
    findings = [f for f in lint(text) if f.code == code]
    assert [(f.line, at(text, f)) for f in findings][:1] == [(line, pointed)]


def test_one_strike_also_reports_the_later_delimiter() -> None:
    text = "| a | b |\n|---|---|---|\n| e | f |\n|---|---|\n"
    assert [f.line for f in lint(text)] == [2, 4]
    assert rendered_tables(text) == []


def test_pipe_less_line_is_not_a_short_row() -> None:
    text = HEADER + ROW + "Last updated today.\n"
    assert [f.code for f in lint(text)] == ["DD106"]


def test_unescaped_pipe_is_not_also_a_cell_count_finding() -> None:
    assert {f.code for f in lint(read("unescaped-pipe.md"))} == {"DD105"}


# -- fixes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        pytest.param(HEADER + ROW.replace(" |\n", " | | |\n"), HEADER + ROW, id="two-empty-cells"),
        pytest.param(HEADER + ROW.replace(" |\n", " ||\n"), HEADER + ROW, id="empty-cell-no-space"),
        pytest.param(
            "a | b\n--|--\nx | y | | |\n", "a | b\n--|--\nx | y |\n", id="no-leading-pipe"
        ),
        pytest.param(
            HEADER + ROW.replace(" |\n", " | |   \n"),
            HEADER + ROW.replace(" |\n", " |   \n"),
            id="trailing-spaces-kept",
        ),
    ],
)
def test_empty_surplus_cells_are_deleted_safely(src: str, expected: str) -> None:
    (finding,) = lint(src)
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert finding.severity is Severity.WARNING
    assert fix_text(src, select=["DD103"]).text == expected


def test_surplus_with_text_and_short_rows_have_no_fix() -> None:
    for name in ("cell-count-extra.md", "cell-count-short.md"):
        text = read(name)
        assert fix_text(text, select=["DD103"], unsafe=True).text == text


def test_unescaped_pipe_fix_is_unsafe_and_restores_the_row() -> None:
    text = read("unescaped-pipe.md")
    assert all(f.fix and f.fix.applicability is Applicability.UNSAFE for f in lint(text))
    assert fix_text(text, select=["DD105"]).text == text  # not without --unsafe-fixes
    fixed = fix_text(text, select=["DD105"], unsafe=True).text
    assert fixed == text.replace("Sharp|Flat", "Sharp\\|Flat").replace("L1|L2", "L1\\|L2")
    assert lint(fixed) == []
    html = render(fixed)
    assert "https://github.com/kmorita/sharp-flat" in html  # the Code cell is back


@pytest.mark.parametrize(
    "name", ["broken-table-mismatch.md", "broken-table-no-delimiter.md", "absorbed-line.md"]
)
def test_report_only_rules_change_nothing(name: str) -> None:
    text = read(name)
    assert all(f.fix is None for f in lint(text))
    assert fix_text(text, select=CODES, unsafe=True).text == text


# -- DD105 and DD402 never compose into a changed URL (issue #18) ---------------------------

_PIPE_ROWS = [
    pytest.param(
        "| [**Sharp|Flat Minima**](https://x.org/p) | Ada | ICML, 2022 |", True, id="text"
    ),
    pytest.param('| [**Sharp**](https://x.org/p "a|b") | Ada | ICML, 2022 |', True, id="title"),
    pytest.param("| [**Sharp**](https://x.org/p?a=1|2) | Ada | ICML, 2022 |", False, id="url"),
    pytest.param("| [**A|B**](https://x.org/p?a=1|2) | Ada | ICML, 2022 |", False, id="both"),
    pytest.param('| <a href="https://x.org/x|y">Notes</a> | Ada | ICML, 2022 |', False, id="href"),
    pytest.param(
        '| <a title="a|b" href="https://x.org/x">N</a> | Ada | ICML, 2022 |', True, id="attr"
    ),
]
_PIPE_HEADER = "| Title | Authors | Venue |\n|---|---|---|\n"


def _urls(text: str) -> list[list[str | None]]:
    return [[paper.url, *(link.url for link in paper.links)] for paper in parse_records(text)]


@pytest.mark.parametrize(("row", "fixable"), _PIPE_ROWS)
def test_unescaped_pipe_fix_never_changes_a_url(row: str, fixable: bool) -> None:
    text = _PIPE_HEADER + row + "\n"
    findings = lint_text(text, select=["DD105"])
    assert findings and all((f.fix is not None) == fixable for f in findings)
    fixed = fix_text(text, unsafe=True).text
    before, after = _urls(text), _urls(fixed)
    for old, new in zip(before, after, strict=True):  # a URL a record has stays as it is
        assert all(url in new for url in old if url is not None), (old, new)
    assert not any(" " in (url or "") for urls in after for url in urls)


@pytest.mark.parametrize(("row", "fixable"), _PIPE_ROWS)
def test_cell_format_leaves_a_row_with_an_unescaped_pipe_alone(row: str, fixable: bool) -> None:
    text = _PIPE_HEADER + row.replace(" | ", "|") + "\n"
    assert lint_text(text, select=["DD402"]) == []


def test_unsafe_fixes_keep_the_repro_urls() -> None:
    text = (FIXTURES / "repro" / "unsafe-dd105-pads-url.md").read_text(encoding="utf-8")
    fixed = fix_text(text, unsafe=True).text
    assert _urls(fixed) == _urls(text)
    assert "x | y" not in fixed and "x \\| y" not in fixed
