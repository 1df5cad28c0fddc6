"""The registry: what a rule declares about itself holds, and nothing outside the rules
names a rule by its code."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from ddlint.api import lint_text
from ddlint.rules import ALL_RULES, Rule
from ddlint.text.findings import Applicability

TESTS = Path(__file__).resolve().parent.parent
SRC = TESTS.parent / "src" / "ddlint"
_FENCE = re.compile(r"```markdown\n(?P<code>.*?)```", re.DOTALL)
_IDS = [rule.code for rule in ALL_RULES]


@cache
def _fixes() -> dict[str, set[Applicability]]:
    """Every rule's fixes over the fixtures and the rules' documented examples, by code:
    the applicabilities seen."""
    runs = [(p.read_text(encoding="utf-8"), "ALL") for p in sorted(TESTS.glob("fixtures/**/*.md"))]
    for rule in ALL_RULES:  # each example with its own rule (as tests/test_rule_docs.py)
        runs += [(m.group("code"), rule.code) for m in _FENCE.finditer(rule.__doc__ or "")]
    seen: dict[str, set[Applicability]] = defaultdict(set)
    for text, selected in runs:
        for finding in lint_text(text, select=[selected]):
            if finding.fix is not None:
                seen[finding.code].add(finding.fix.applicability)
    return seen


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if not r.network], ids=lambda r: r.code)
def test_fixes_have_the_declared_safety(rule: type[Rule]) -> None:
    """``fix_safety`` is what the fixer trusts: a rule declared "unsafe" is left out of
    the passes without --unsafe-fixes, so it must never make a safe fix."""
    seen = _fixes().get(rule.code, set())
    if rule.fixable == "never":
        assert not seen
        return
    assert seen, f"{rule.code}: no fix in the fixtures or examples to check"
    allowed = {
        "safe": {Applicability.SAFE},
        "unsafe": {Applicability.UNSAFE},
        "mixed": {Applicability.SAFE, Applicability.UNSAFE},
    }[rule.fix_safety]
    assert seen <= allowed
