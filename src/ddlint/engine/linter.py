"""Run the enabled rules over one text and return its findings, ordered and filtered."""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace

from ddlint.engine.suppress import UNUSED_CODE, apply_suppressions
from ddlint.gfm.document import Document
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.model import Records
from ddlint.rules import ALL_RULES, Rule, RuleContext, RuleSettings, UnknownRuleError, get_rule
from ddlint.rules.base import fingerprint as rule_fingerprint
from ddlint.text.findings import Finding


@dataclass(frozen=True)
class LintResult:
    document: Document
    records: Records
    findings: tuple[Finding, ...]


def default_codes() -> set[str]:
    return {rule.code for rule in ALL_RULES if rule.default_enabled}


def enabled_rules(codes: Collection[str]) -> list[Rule]:
    return [rule() for rule in ALL_RULES if rule.code in codes]


def lint(
    text: str,
    *,
    path: str = "-",
    codes: Collection[str] | None = None,
    settings: RuleSettings | None = None,
    extra_findings: Mapping[str, list[Finding]] | None = None,
) -> LintResult:
    """Lint ``text``; ``codes`` are the enabled rules (default: the default set)."""
    settings = settings or RuleSettings()
    with paused_gc():
        document = parse_document(text)
        records = extract_records(document, settings.header_aliases or None)
        return lint_parsed(document, records, path=path, codes=codes, settings=settings)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a document is parsed and linted.

    A large list makes hundreds of thousands of objects, none in a reference cycle;
    the collector would walk all of them again and again for nothing (~15% of a check).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def lint_parsed(
    document: Document,
    records: Records,
    *,
    path: str = "-",
    codes: Collection[str] | None = None,
    settings: RuleSettings | None = None,
    extra: Collection[Finding] = (),
) -> LintResult:
    enabled = set(default_codes() if codes is None else codes)
    # The rules' findings are made final (path, fingerprint) by the context; the others
    # (``extra``, and DD001 made below) are completed here.
    ctx = RuleContext(document, records, settings or RuleSettings(), path=path)
    findings: list[Finding] = [_finished(document, f, path) for f in extra]
    for rule in enabled_rules(enabled):
        findings.extend(rule.check(ctx))
    findings = apply_suppressions(document, findings, _resolve)
    findings = [
        f if f.code != UNUSED_CODE else _finished(document, f, path)
        for f in findings
        if f.code in enabled
    ]
    findings.sort(key=_position)
    return LintResult(document, records, tuple(findings))


def _position(finding: Finding) -> tuple[int, int, str]:
    return (finding.line, finding.column, finding.code)


def _finished(document: Document, finding: Finding, path: str) -> Finding:
    return replace(finding, path=path, fingerprint=fingerprint(document, finding))


def _resolve(token: str) -> str | None:
    try:
        return get_rule(token).code
    except UnknownRuleError:
        return None


def fingerprint(document: Document, finding: Finding) -> str:
    """A content fingerprint that survives line moves: the rule, the text of the
    finding's line, and the text it points at."""
    return rule_fingerprint(document, finding.code, finding.line, finding.span)
