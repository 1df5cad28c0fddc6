"""Run the enabled rules over one text and return its findings, ordered and filtered."""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ddlint.engine.collapse import collapse_table_findings
from ddlint.engine.suppress import apply_suppressions
from ddlint.gfm.document import Document
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.model import Records
from ddlint.rules import ALL_RULES, Rule, RuleContext, RuleSettings, UnknownRuleError, get_rule
from ddlint.text.findings import Finding

if TYPE_CHECKING:  # only --check-links and --check-metadata load ddlint.net
    from ddlint.net.metadata.model import MetadataOutcome, PaperId
    from ddlint.net.model import LinkResult


@dataclass(frozen=True)
class LintResult:
    document: Document
    records: Records
    findings: tuple[Finding, ...]


def default_codes() -> set[str]:
    return set(ALL_RULES.codes(lambda rule: rule.default_enabled))


def enabled_rules(codes: Collection[str]) -> list[Rule]:
    return [rule() for rule in ALL_RULES if rule.code in codes]


def lint(
    text: str,
    *,
    path: str = "-",
    codes: Collection[str] | None = None,
    settings: RuleSettings | None = None,
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
    the collector would walk all of them again and again, and find nothing to free.
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
    link_results: Mapping[str, LinkResult] | None = None,
    metadata: Mapping[PaperId, MetadataOutcome] | None = None,
) -> LintResult:
    """``link_results``: the --check-links result of each URL, for the link rules;
    ``metadata``: the --check-metadata outcome of each paper id, for DD501–DD504."""
    enabled = set(default_codes() if codes is None else codes)
    # Every finding is made final (path, fingerprint) by the context (``ctx.finding``).
    ctx = RuleContext(
        document,
        records,
        settings or RuleSettings(),
        path=path,
        link_results=link_results,
        metadata=metadata,
    )
    # The network rules go through the selection and the suppression comments like every
    # rule; without their results they find nothing, so they are not run at all then.
    networked = link_results is not None or metadata is not None
    rules = [rule for rule in enabled_rules(enabled) if networked or not rule.network]
    findings: list[Finding] = []
    for rule in rules:
        if not rule.after_suppressions:
            findings.extend(rule.check(ctx))
    findings, ctx.suppressions = apply_suppressions(document, findings, _resolve, network_codes())
    for rule in rules:
        if rule.after_suppressions:
            findings.extend(rule.check(ctx))
    findings = collapse_table_findings(
        document, findings, ALL_RULES.codes(lambda rule: rule.collapses_runs)
    )
    findings.sort(key=_position)
    return LintResult(document, records, tuple(findings))


def network_codes() -> frozenset[str]:
    """The rules whose findings come from --check-links or --check-metadata."""
    return ALL_RULES.codes(lambda rule: rule.network)


def network_findings(
    result: LintResult,
    *,
    path: str = "-",
    codes: Collection[str] | None = None,
    settings: RuleSettings | None = None,
    link_results: Mapping[str, LinkResult] | None = None,
    metadata: Mapping[PaperId, MetadataOutcome] | None = None,
) -> list[Finding]:
    """The findings of the network rules of ``codes`` (default: the default set) on the
    results given, through the suppression comments like every finding; ordered by
    position."""
    enabled = (default_codes() if codes is None else set(codes)) & network_codes()
    linted = lint_parsed(
        result.document,
        result.records,
        path=path,
        codes=enabled,
        settings=settings,
        link_results=link_results,
        metadata=metadata,
    )
    return list(linted.findings)


def _position(finding: Finding) -> tuple[int, int, str]:
    return (finding.line, finding.column, finding.code)


def _resolve(token: str) -> str | None:
    try:
        return get_rule(token).code
    except UnknownRuleError:
        return None
