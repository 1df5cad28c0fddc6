"""Apply fixes as text edits until nothing fixable is left, then prove nothing was lost.

DESIGN.md §3: edits are applied from the end backwards; the text is re-parsed and
linted again, up to ``MAX_PASSES`` times. Before anything is written, the result
is verified: it round-trips, text outside tables is unchanged except where a rule
declared an edit, the multiset of records (by identity) is unchanged by safe
fixes and changed by unsafe ones only at the rows they declared, no table row that
held something (a record or not) is gone, and another fix pass would change nothing.
Any failure is a ddlint bug: ``FixError``.

This module owns the pass loop; which fixes a pass applies is ``fix.plan``, the checks
are ``fix.verify``.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ddlint.engine.linter import LintResult, default_codes, lint_parsed, paused_gc
from ddlint.fix.plan import choose_fixes, plan_fixes
from ddlint.fix.verify import (
    CanonicalUrls,
    FixError,
    Snapshot,
    check_pass_records,
    content_rows,
    outside_lines,
    record_identities,
    unified_diff,
    verify_parsed,
)
from ddlint.gfm.document import Document
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.memo import PaperMemo
from ddlint.records.model import Records
from ddlint.rules import ALL_RULES, RuleSettings
from ddlint.text.findings import Edit, Finding, splice_edits

if TYPE_CHECKING:  # only --check-links and --check-metadata load ddlint.net
    from ddlint.net.metadata.model import MetadataOutcome, PaperId
    from ddlint.net.model import LinkResult

__all__ = ["MAX_PASSES", "FixError", "FixResult", "apply_edits", "choose_fixes", "fix_text"]

MAX_PASSES = 10


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Finding, ...]
    passes: int
    remaining: LintResult


def fix_text(
    text: str,
    *,
    path: str = "-",
    codes: Collection[str] | None = None,
    settings: RuleSettings | None = None,
    unsafe: bool = False,
    link_results: Mapping[str, LinkResult] | None = None,
    metadata: Mapping[PaperId, MetadataOutcome] | None = None,
) -> FixResult:
    """``link_results``: the --check-links result of each URL, whose rules among
    ``codes`` fix too (a redirect, DD311); ``metadata`` likewise for --check-metadata
    (DD501–DD503)."""
    with paused_gc():
        return _fix_text(
            text,
            path=path,
            codes=codes,
            settings=settings,
            unsafe=unsafe,
            link_results=link_results,
            metadata=metadata,
        )


def _fix_text(
    text: str,
    *,
    path: str,
    codes: Collection[str] | None,
    settings: RuleSettings | None,
    unsafe: bool,
    link_results: Mapping[str, LinkResult] | None,
    metadata: Mapping[PaperId, MetadataOutcome] | None = None,
) -> FixResult:
    settings = settings or RuleSettings()
    linting = _Linting(
        path, codes, settings, unsafe=unsafe, link_results=link_results, metadata=metadata
    )
    urls = CanonicalUrls()
    current = text
    applied: list[Finding] = []
    result = linting.fixable(linting.parse(current))
    # Each pass lints once; the last pass's lint is the final result, and its records'
    # identities are counted once and carried to the next pass and to the final check.
    identities = record_identities(result.records, urls)
    # What the final check needs of the input, not the whole first lint (memory on large lists).
    initial = Snapshot(
        text, outside_lines(result.document), identities, content_rows(result.records)
    )
    full = False  # whether ``result`` has every enabled rule's findings
    passes = 0
    while True:
        chosen, edits, deferred = plan_fixes(result.findings, unsafe, result.document)
        if not chosen:
            break
        if passes == MAX_PASSES:
            raise FixError(
                "convergence",
                f"fixes still pending after {MAX_PASSES} passes",
                unified_diff(text, current),
            )
        passes += 1
        new_text = apply_edits(current, edits)
        if new_text == current:
            break
        parsed = linting.parse(new_text, result.records)
        # With no fix left waiting and the tables' rows where they were (rows joining a
        # table make it sortable, for one), this text is most likely the fixed one:
        # lint it fully, so that the final result needs no second lint.
        full = not deferred and _table_shapes(parsed[0]) == _table_shapes(result.document)
        new_result = linting.full(parsed) if full else linting.fixable(parsed)
        new_identities = record_identities(new_result.records, urls)
        check_pass_records(
            (result.records, identities), new_identities, chosen, current, text, urls
        )
        applied.extend(chosen)
        current, result, identities = new_text, new_result, new_identities
    if not full:
        result = linting.full((result.document, result.records))
    if current != text:
        verify_parsed(initial, (result, identities), applied, unsafe=unsafe)
    return FixResult(current, tuple(applied), passes, result)


def _table_shapes(document: Document) -> list[tuple[int, int, int]]:
    """Each table's body rows, stray rows and interruptions, counted."""
    return [(len(t.body), len(t.stray), len(t.interruptions)) for t in document.tables]


class _Linting:
    """The fix loop's lints: a pass runs only the rules that can fix, the last one all.

    Only fixable findings steer a pass, and leaving out the rules that never fix (nor,
    without ``unsafe``, those that only fix unsafely) leaves the findings that can be
    applied and their order as a full lint has them: suppressions act on each finding
    alone, and the sort ties only findings of one rule, in rule order.
    The final result is a full lint of the last pass's parsed text (no second parse).
    """

    def __init__(
        self,
        path: str,
        codes: Collection[str] | None,
        settings: RuleSettings,
        *,
        unsafe: bool,
        link_results: Mapping[str, LinkResult] | None = None,
        metadata: Mapping[PaperId, MetadataOutcome] | None = None,
    ) -> None:
        self.path, self.codes, self.settings = path, codes, settings
        self.link_results, self.metadata = link_results, metadata
        enabled = default_codes() if codes is None else set(codes)
        self.fixing = ALL_RULES.codes(
            lambda rule: (
                rule.code in enabled
                and rule.fixable != "never"
                and (unsafe or rule.fix_safety != "unsafe")
            )
        )
        # The run's papers: a pass rebuilds only the papers of the rows its edits changed.
        self.papers = PaperMemo()

    def parse(self, text: str, previous: Records | None = None) -> tuple[Document, Records]:
        """``previous``: the records of the last pass, whose cell parses serve again."""
        document = parse_document(text)
        inline = previous.inline if previous is not None else None
        records = extract_records(
            document, _aliases(self.settings), inline=inline, papers=self.papers
        )
        return document, records

    def fixable(self, parsed: tuple[Document, Records]) -> LintResult:
        """The findings of the rules that can fix (what a pass chooses from)."""
        return self._lint(parsed, self.fixing)

    def full(self, parsed: tuple[Document, Records]) -> LintResult:
        """What ``lint`` gives for the parsed text."""
        return self._lint(parsed, self.codes)

    def _lint(self, parsed: tuple[Document, Records], codes: Collection[str] | None) -> LintResult:
        document, records = parsed
        return lint_parsed(
            document,
            records,
            path=self.path,
            codes=codes,
            settings=self.settings,
            link_results=self.link_results,
            metadata=self.metadata,
        )


def _aliases(settings: RuleSettings) -> dict[str, str] | None:
    return settings.header_aliases or None


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
    for left, right in itertools.pairwise(ordered):
        if left.span.end > right.span.start:
            raise FixError("edits", f"overlapping edits at offsets {left.span} and {right.span}")
    return splice_edits(text, ordered)
