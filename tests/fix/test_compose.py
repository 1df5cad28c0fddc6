"""Composed fix passes (fixcompose) give what one fix per collision and pass gave."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listgen import paper_list

from ddlint.engine.linter import LintResult, lint
from ddlint.fix.fixer import apply_edits, choose_fixes, fix_text
from ddlint.rules import RuleSettings

HEADER = "| Author | Title | Venue |\n|---|---|---|\n"


def _one_fix_per_collision(
    text: str, unsafe: bool, rules: RuleSettings | None = None
) -> tuple[str, LintResult]:
    """The fixer before composing: full lints, colliding fixes wait for the next pass."""
    result = lint(text, settings=rules)
    while chosen := choose_fixes(result.findings, unsafe):
        new_text = apply_edits(text, [e for f in chosen if f.fix for e in f.fix.edits])
        if new_text == text:
            break
        text, result = new_text, lint(new_text, settings=rules)
    return text, result


def _report(result: LintResult) -> list[tuple[object, ...]]:
    return [
        (f.code, f.line, f.column, f.end_line, f.end_column, f.message, f.fingerprint, f.fix)
        for f in result.findings
    ]


_STYLES = st.sampled_from(
    [
        RuleSettings(),
        RuleSettings(table_style="aligned"),
        RuleSettings(sort=["title"], arxiv_form="pdf", month_style="full"),
    ]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paper_list(), st.booleans(), _STYLES)
def test_composed_passes_fix_as_one_fix_per_collision(
    text: str, unsafe: bool, rules: RuleSettings
) -> None:
    expected_text, expected = _one_fix_per_collision(text, unsafe, rules)
    result = fix_text(text, unsafe=unsafe, settings=rules)
    assert result.text == expected_text
    assert _report(result.remaining) == _report(expected)


def test_a_venue_rides_inside_its_row_rewrite() -> None:
    text = HEADER + "|Ada Lovelace et al|[**Notes**](https://arxiv.org/abs/2201.00001)|ICML 2022|\n"
    result = fix_text(text)
    assert result.passes == 1
    assert {f.code for f in result.applied} == {"DD402", "DD403"}
    assert result.text == _one_fix_per_collision(text, False)[0]
    assert result.text.endswith(
        "| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |\n"
    )


def test_rows_fixed_inside_a_sort_and_a_placeholder_removed_in_one_pass() -> None:
    text = HEADER + (
        "| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2211.00001) |ICML, 2022|\n"
        "|Alan Turing et al | [**Tables**](https://arxiv.org/abs/2002.00003) | ICML 2020 |\n"
        "| |[** **]() |  |\n"
        "| Grace Hopper et al | [**Compilers**](https://arxiv.org/abs/2102.00004) | ICML, 2021 |\n"
    )
    result = fix_text(text)
    assert result.passes == 1
    assert {f.code for f in result.applied} == {"DD401", "DD402", "DD403", "DD201"}
    assert result.text == _one_fix_per_collision(text, False)[0]
    assert result.text == HEADER + (
        "| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2211.00001) | ICML, 2022 |\n"
        "| Grace Hopper et al | [**Compilers**](https://arxiv.org/abs/2102.00004) | ICML, 2021 |\n"
        "| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2002.00003) | ICML, 2020 |\n"
    )
