"""Apply fixes as text edits until nothing fixable is left, then prove nothing was lost.

DESIGN.md §3: edits are applied from the end backwards; the text is re-parsed and
linted again, up to ``MAX_PASSES`` times. Before anything is written, the result
is verified: it round-trips, text outside tables is unchanged except where a rule
declared an edit, the multiset of records (by identity) is unchanged by safe
fixes and changed by unsafe ones only at the rows they declared, and another fix
pass would change nothing. Any failure is a ddlint bug: ``FixError``.
"""

from __future__ import annotations

import difflib
import itertools
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ddlint.engine.linter import LintResult, default_codes, lint_parsed, paused_gc
from ddlint.fix.compose import collide, compose
from ddlint.gfm.document import Document
from ddlint.gfm.parse import parse_document, render_document
from ddlint.inline.urls import canonical_url
from ddlint.records.extract import extract_records
from ddlint.records.identity import Identity, paper_identity
from ddlint.records.memo import PaperMemo
from ddlint.records.model import Records
from ddlint.rules import ALL_RULES, Rule, RuleSettings
from ddlint.text.findings import Applicability, Edit, Finding, splice_edits

if TYPE_CHECKING:  # only --check-links loads ddlint.net
    from ddlint.net.model import LinkResult

MAX_PASSES = 10
_collide = collide  # the name the tests compare against


def rule_codes(fact: Callable[[type[Rule]], bool]) -> frozenset[str]:
    """The codes of the registered rules with a fact (a ``Rule`` class attribute), such
    as the rules whose fixes edit text outside tables (``edits_outside_tables``)."""
    return frozenset(rule.code for rule in ALL_RULES if fact(rule))


class FixError(Exception):
    """A fix failed verification; nothing may be written."""

    def __init__(self, check: str, detail: str, diff: str = "") -> None:
        super().__init__(f"{check}: {detail}")
        self.check, self.detail, self.diff = check, detail, diff


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
) -> FixResult:
    """``link_results``: the --check-links result of each URL, whose rules fix too (a
    redirect, DD311), whatever ``codes`` says (as the linter reports them)."""
    with paused_gc():
        return _fix_text(
            text,
            path=path,
            codes=codes,
            settings=settings,
            unsafe=unsafe,
            link_results=link_results,
        )


def _fix_text(
    text: str,
    *,
    path: str,
    codes: Collection[str] | None,
    settings: RuleSettings | None,
    unsafe: bool,
    link_results: Mapping[str, LinkResult] | None,
) -> FixResult:
    settings = settings or RuleSettings()
    linting = _Linting(path, codes, settings, unsafe=unsafe, link_results=link_results)
    urls = _CanonicalUrls()
    current = text
    applied: list[Finding] = []
    result = linting.fixable(linting.parse(current))
    # Each pass lints once; the last pass's lint is the final result, and its records'
    # identities are counted once and carried to the next pass and to the final check.
    identities = _identities(result.records, urls)
    # What the final check needs of the input, not the whole first lint (memory on large lists).
    initial = _Snapshot(text, _outside_lines(result.document), identities)
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
                _diff(text, current),
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
        new_identities = _identities(new_result.records, urls)
        _check_pass_records(
            (result.records, identities), new_identities, chosen, current, text, urls
        )
        applied.extend(chosen)
        current, result, identities = new_text, new_result, new_identities
    if not full:
        result = linting.full((result.document, result.records))
    if current != text:
        _verify_parsed(initial, (result, identities), applied, unsafe=unsafe)
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
    ) -> None:
        self.path, self.codes, self.settings = path, codes, settings
        self.link_results = link_results
        enabled = default_codes() if codes is None else set(codes)
        self.fixing = {
            rule.code
            for rule in ALL_RULES
            if rule.code in enabled
            and rule.fixable != "never"
            and (unsafe or rule.fix_safety != "unsafe")
        }
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
        )


def plan_fixes(
    findings: Sequence[Finding], unsafe: bool, document: Document
) -> tuple[list[Finding], list[Edit], list[Finding]]:
    """The fixes of one pass over ``document``: those chosen first come first served,
    plus those that ride inside a chosen edit or carry it (``fixcompose``).

    Returns the fixes applied (in ``findings`` order), their edits, and the fixes that
    collide and wait for the next pass.
    """
    chosen = choose_fixes(findings, unsafe)
    if not chosen:
        return [], [], []
    picked = {id(f) for f in chosen}
    candidates = _candidates(findings, unsafe)
    deferred = [f for f in candidates if id(f) not in picked]
    if not _may_compose(chosen, candidates):
        return chosen, [e for f in chosen for e in f.fix.edits], deferred  # type: ignore[union-attr]
    taken, edits = compose(chosen, deferred, document)
    picked |= taken
    return (
        [f for f in findings if id(f) in picked],
        edits,
        [f for f in deferred if id(f) not in taken],
    )


def _candidates(findings: Iterable[Finding], unsafe: bool) -> list[Finding]:
    return [
        f
        for f in findings
        if f.fix is not None
        and f.fix.edits
        and (unsafe or f.fix.applicability is not Applicability.UNSAFE)
    ]


def _may_compose(chosen: Sequence[Finding], candidates: Sequence[Finding]) -> bool:
    """Composing keeps what one pass per collision gives only when no fix of the pass
    changes data: an unsafe fix may change a row's sort key, and then whether a sort
    comes before or after it decides the order of rows that compare equal. A fix whose
    own edits collide depends on an edit order that composing does not keep."""
    if any(f.fix and f.fix.applicability is Applicability.UNSAFE for f in candidates):
        return False
    return not any(_self_colliding(f) for f in chosen)


def _self_colliding(finding: Finding) -> bool:
    edits = finding.fix.edits if finding.fix else ()
    return any(collide(a, b) for a, b in itertools.combinations(edits, 2))


def choose_fixes(findings: Sequence[Finding], unsafe: bool) -> list[Finding]:
    """The fixable findings whose edits do not collide, first come first served; with
    ``unsafe``, a sort waits for the unsafe fixes inside its rows (``_waiting_sorts``)."""
    chosen: list[Finding] = []
    taken = _TakenEdits()
    waiting = _waiting_sorts(findings) if unsafe else set()
    for finding in findings:
        fix = finding.fix
        if fix is None or not fix.edits:
            continue
        if fix.applicability is Applicability.UNSAFE and not unsafe:
            continue
        if any(taken.collides(edit) for edit in fix.edits) or id(finding) in waiting:
            continue
        chosen.append(finding)
        taken.add(fix.edits)
    return chosen


def _waiting_sorts(findings: Sequence[Finding]) -> set[int]:
    """The ``id`` of each sort (a fix of a rule that ``reorders_rows``) that an unsafe
    fix's edit collides with: the sort waits for a later pass.

    An unsafe fix may change a row's sort key (DD204 fills in a missing venue, and
    with it the month). A sort made before it orders the row by its old key, and the
    sort after it keeps that place among the rows its new key ties with, not the
    place the row had: the fixed text would hang on the pass in which the table first
    became sortable (rows rejoining it in one pass or in several). Sorted once its
    rows' values are final, a table is in the same order whatever the passes.
    """
    sorting = rule_codes(lambda rule: rule.reorders_rows)
    sorts = _TakenEdits()
    sort_of: dict[int, int] = {}  # id of a sort's edit -> id of the sort
    for finding in findings:
        if finding.code in sorting and finding.fix is not None:
            sorts.add(finding.fix.edits)
            sort_of.update((id(edit), id(finding)) for edit in finding.fix.edits)
    if not sort_of:
        return set()
    return {
        sort_of[id(hit)]
        for finding in findings
        if finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
        for edit in finding.fix.edits
        for hit in sorts.colliding(edit)
    }


class _TakenEdits:
    """The edits chosen so far, sorted by ``(start, end)``.

    Chosen edits do not collide with one another, so their ends ascend as their starts
    do, and an edit can only collide with the few before the first that starts after
    it ends: a check costs a bisection and a short walk, not a pass over every edit
    (which made choosing quadratic in the number of findings). A fix whose own edits
    collide breaks that order; from then on every edit is compared, as before.
    """

    def __init__(self) -> None:
        self.keys: list[tuple[int, int]] = []
        self.edits: list[Edit] = []
        self.ordered = True

    def collides(self, edit: Edit) -> bool:
        return any(collide(edit, self.edits[index]) for index in self._near(edit))

    def colliding(self, edit: Edit) -> list[Edit]:
        """The edits taken that ``edit`` collides with."""
        return [self.edits[index] for index in self._near(edit) if collide(edit, self.edits[index])]

    def _near(self, edit: Edit) -> range:
        """The indices of the edits that ``edit`` may collide with, last first."""
        if not self.ordered:
            return range(len(self.edits) - 1, -1, -1)
        last = bisect_right(self.keys, (edit.span.end, edit.span.end)) - 1
        # Edits with start == edit.end but a larger end may still touch it (insertions).
        while last + 1 < len(self.keys) and self.keys[last + 1][0] <= edit.span.end:
            last += 1
        first = last
        while first >= 0 and self.keys[first][1] >= edit.span.start:
            first -= 1
        return range(last, first, -1)

    def add(self, edits: Sequence[Edit]) -> None:
        if any(collide(a, b) for a, b in itertools.combinations(edits, 2)):
            self.ordered = False
        for edit in edits:
            key = (edit.span.start, edit.span.end)
            index = bisect_right(self.keys, key)
            self.keys.insert(index, key)
            self.edits.insert(index, edit)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
    for left, right in itertools.pairwise(ordered):
        if left.span.end > right.span.start:
            raise FixError("edits", f"overlapping edits at offsets {left.span} and {right.span}")
    return splice_edits(text, ordered)


# -- verification -------------------------------------------------------------------------


class _Snapshot(NamedTuple):
    """What the final check compares of the input text."""

    text: str
    outside_lines: list[str]
    identities: Counter[Identity]


def _verify_parsed(
    initial: _Snapshot,
    final: tuple[LintResult, Counter[Identity]],
    applied: Sequence[Finding],
    *,
    unsafe: bool,
) -> None:
    """Verify the fix (DESIGN.md §3.3) from the input snapshot and the loop's last lint."""
    (last, after), before = final, initial.identities
    original, fixed = initial.text, last.document.text
    if render_document(last.document) != fixed:
        raise FixError("round trip", "the fixed text does not parse back losslessly")
    _check_outside_tables(initial, last.document, applied)
    if not unsafe and before != after:
        lost = before - after
        gained = after - before
        raise FixError(
            "records",
            f"safe fixes changed records: {sum(lost.values())} lost, {sum(gained.values())} new",
            _diff(original, fixed),
        )
    if choose_fixes(last.findings, unsafe):
        raise FixError("idempotency", "a second fix pass would change the text again")


def _aliases(settings: RuleSettings) -> dict[str, str] | None:
    return settings.header_aliases or None


class _CanonicalUrls(dict[str, str]):
    """``canonical_url`` remembered for one fix run. Every pass counts the identities of
    all records again, and a large list has many more links than the bounded cache of
    ``canonical_url`` holds, so without this each pass would work out every link anew."""

    def __missing__(self, url: str) -> str:
        canonical = self[url] = canonical_url(url)
        return canonical


def _identities(records: Records, urls: _CanonicalUrls) -> Counter[Identity]:
    """The multiset of the records' identities (what the record checks compare)."""
    canonical = urls.__getitem__
    return Counter(paper_identity(paper, canonical) for paper in records.papers)


def _check_pass_records(
    before: tuple[Records, Counter[Identity]],
    new: Counter[Identity],
    chosen: Sequence[Finding],
    current: str,
    original: str,
    urls: _CanonicalUrls,
) -> None:
    """Within one pass, records change only at rows an unsafe fix declared."""
    records, old = before
    if old == new:
        return
    unsafe_lines = {f.line for f in chosen if f.fix and f.fix.applicability is Applicability.UNSAFE}
    removed = old - new
    allowed = Counter(
        paper_identity(r.paper, urls.__getitem__)
        for r in records.rows
        if r.paper is not None and r.row.line in unsafe_lines
    )
    if removed - allowed or sum((new - old).values()) > len(unsafe_lines):
        raise FixError(
            "records",
            "a fix changed records it did not declare",
            _diff(original, current),
        )


def _outside_lines(document: Document) -> list[str]:
    """Non-blank lines that belong to no table (rows and stray rows included)."""
    inside: set[int] = set()
    for table in document.tables:
        inside.update(range(table.first_line, table.last_line + 1))
        inside.update(row.line for row in table.stray)
    return [
        document.line_text(n).rstrip()
        for n in range(1, len(document.lines) + 1)
        if n not in inside and document.line_text(n).strip()
    ]


def _check_outside_tables(original: _Snapshot, fixed: Document, applied: Sequence[Finding]) -> None:
    before = original.outside_lines
    after = _outside_lines(fixed)
    if before == after:
        return
    changed = sum(
        max(i2 - i1, j2 - j1)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after).get_opcodes()
        if tag != "equal"
    )
    outside = rule_codes(lambda rule: rule.edits_outside_tables)
    declared = sum(1 for f in applied if f.code in outside)
    if changed > declared:
        raise FixError(
            "outside tables",
            f"{changed} line(s) outside tables changed, {declared} declared",
            _diff(original.text, fixed.text),
        )


def _diff(old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), "before", "after"
        )
    )
