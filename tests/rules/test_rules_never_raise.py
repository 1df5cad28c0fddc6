"""No rule raises, on any input (issue #19, principle 4): every rule, default or opt-in,
runs over generated lists shaped like hand-written ones (``fieldgen``), and so does the
fixer in both modes, which must neither crash nor refuse (``FixError``)."""

from __future__ import annotations

from fieldgen import field_list
from hypothesis import HealthCheck, given, settings

from ddlint.api import fix_text, lint_text
from ddlint.rules import ALL_RULES

EVERY_RULE = sorted(ALL_RULES.codes(lambda rule: not rule.network))


@settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)
@given(field_list())
def test_every_rule_runs_on_any_list(text: str) -> None:
    findings = lint_text(text, select=EVERY_RULE)
    assert all(f.line >= 1 and f.end_line >= f.line for f in findings)


@settings(
    max_examples=150, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)
@given(field_list())
def test_the_fixer_runs_on_any_list_in_both_modes(text: str) -> None:
    for unsafe in (False, True):
        fix_text(text, unsafe=unsafe)
