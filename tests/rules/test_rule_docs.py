"""Every rule's docstring is its documentation, and its examples run (pycodestyle-style).

Example must raise the rule, Use instead must not, and fixing Example (unsafe fixes
included) must give Use instead whenever the rule can fix.
"""

from __future__ import annotations

import re

import pytest

from ddlint.api import fix_text, lint_text
from ddlint.rules import ALL_RULES, Rule

SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "Options")
_BLOCK = re.compile(r"## (?P<title>[^\n]+)\n(?P<body>.*?)(?=\n## |\Z)", re.DOTALL)
_FENCE = re.compile(r"```markdown\n(?P<code>.*?)```", re.DOTALL)


def sections(rule: type[Rule]) -> dict[str, str]:
    doc = rule.__doc__ or ""
    return {m.group("title").strip(): m.group("body") for m in _BLOCK.finditer(doc)}


def example(rule: type[Rule], title: str) -> str:
    match = _FENCE.search(sections(rule)[title])
    assert match is not None, f"{rule.code}: no ```markdown block under {title}"
    return match.group("code")


_IDS = [f"{r.code}-{r.name}" for r in ALL_RULES]
# Network rules' examples need a server; tests/engine/test_linkfindings.py runs them for real.
OFFLINE = [r for r in ALL_RULES if not r.network]
_OFFLINE_IDS = [f"{r.code}-{r.name}" for r in OFFLINE]


@pytest.mark.parametrize("rule", ALL_RULES, ids=_IDS)
def test_docstring_has_every_section(rule: type[Rule]) -> None:
    assert (rule.__doc__ or "").startswith(f"{rule.code} {rule.name}: ")
    assert list(sections(rule)) == list(SECTIONS)


@pytest.mark.parametrize("rule", OFFLINE, ids=_OFFLINE_IDS)
def test_example_raises_the_rule(rule: type[Rule]) -> None:
    findings = lint_text(example(rule, "Example"), select=[rule.code])
    assert any(f.code == rule.code for f in findings)


@pytest.mark.parametrize("rule", ALL_RULES, ids=_IDS)
def test_use_instead_is_clean(rule: type[Rule]) -> None:
    findings = lint_text(example(rule, "Use instead"), select=[rule.code])
    assert [f for f in findings if f.code == rule.code] == []


@pytest.mark.parametrize("rule", [r for r in OFFLINE if r.fixable != "never"], ids=lambda r: r.code)
def test_fixing_example_gives_use_instead(rule: type[Rule]) -> None:
    fixed = fix_text(example(rule, "Example"), select=[rule.code], unsafe=True)
    assert fixed.text == example(rule, "Use instead")


@pytest.mark.parametrize("rule", OFFLINE, ids=_OFFLINE_IDS)
def test_every_rule_runs_on_this_rules_examples(rule: type[Rule]) -> None:
    # Issue #18: DD105's Example (every arXiv link a bare URL after the split) crashed DD305.
    for title in ("Example", "Use instead"):
        lint_text(example(rule, title))
        fix_text(example(rule, title), unsafe=True)
