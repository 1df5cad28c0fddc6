"""DD105 unescaped-pipe: a ``|`` meant as text splits the row; its unsafe fix escapes it."""

from __future__ import annotations

import pytest
from gfm_oracle import render
from helpers import FIXTURES, STRUCTURE_CODES, at, lint, rule_fixture

from ddlint.api import fix_text, lint_text, parse_records
from ddlint.text.findings import Applicability


def test_unescaped_pipe_points_at_the_pipe_in_the_title_cell() -> None:
    text = rule_fixture("unescaped-pipe.md")
    findings = lint(text, STRUCTURE_CODES)
    assert [at(text, f) for f in findings] == ["|", "|"]
    lines = text.splitlines()
    before = [lines[f.line - 1][: f.column - 1] for f in findings]
    assert before[0].endswith("[**Sharp") and before[1].endswith("`L1")
    assert "inside a link" in findings[0].message
    assert "inside a code span" in findings[1].message


def test_unescaped_pipe_is_not_also_a_cell_count_finding() -> None:
    assert {f.code for f in lint(rule_fixture("unescaped-pipe.md"), STRUCTURE_CODES)} == {"DD105"}


def test_unescaped_pipe_fix_is_unsafe_and_restores_the_row() -> None:
    text = rule_fixture("unescaped-pipe.md")
    assert all(
        f.fix and f.fix.applicability is Applicability.UNSAFE for f in lint(text, STRUCTURE_CODES)
    )
    assert fix_text(text, select=["DD105"]).text == text  # not without --unsafe-fixes
    fixed = fix_text(text, select=["DD105"], unsafe=True).text
    assert fixed == text.replace("Sharp|Flat", "Sharp\\|Flat").replace("L1|L2", "L1\\|L2")
    assert lint(fixed, STRUCTURE_CODES) == []
    html = render(fixed)
    assert "https://github.com/kmorita/sharp-flat" in html  # the Code cell is back


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
