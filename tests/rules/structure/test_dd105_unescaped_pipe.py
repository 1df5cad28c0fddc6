"""DD105 unescaped-pipe: a ``|`` meant as text splits the row; its unsafe fix escapes it."""

from __future__ import annotations

from gfm_oracle import render
from helpers import STRUCTURE_CODES, at, lint, rule_fixture

from ddlint.api import fix_text
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
