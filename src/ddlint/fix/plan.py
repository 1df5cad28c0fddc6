"""Choosing the fixes of one pass: which edits go together, and which wait.

A pass applies the fixable findings whose edits do not collide, first come first served
(``choose_fixes``; the rows a rule appends at one point all go, in order); with
``--unsafe-fixes``, a sort waits for the unsafe fixes inside its rows (``_waiting_sorts``).
``plan_fixes`` adds the fixes that ride inside a chosen edit or carry it (``fix.compose``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from ddlint.fix.compose import any_collide, collide, compose
from ddlint.gfm.document import Document
from ddlint.rules import ALL_RULES
from ddlint.text.findings import Applicability, Edit, Finding


def plan_fixes(
    findings: Sequence[Finding], unsafe: bool, document: Document
) -> tuple[list[Finding], list[Edit], list[Finding]]:
    """The fixes of one pass over ``document``: those chosen first come first served,
    plus those that ride inside a chosen edit or carry it (``fix.compose``).

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
    return any_collide(edits)


def choose_fixes(findings: Sequence[Finding], unsafe: bool) -> list[Finding]:
    """The fixable findings whose edits do not collide, first come first served; with
    ``unsafe``, a sort waits for the unsafe fixes inside its rows (``_waiting_sorts``)."""
    chosen: list[Finding] = []
    taken = _TakenEdits()
    waiting = _waiting_sorts(findings) if unsafe else set()
    appending = ALL_RULES.codes(lambda rule: rule.appends_rows)
    for finding in findings:
        fix = finding.fix
        if fix is None or not fix.edits:
            continue
        if fix.applicability is Applicability.UNSAFE and not unsafe:
            continue
        appender = finding.code if finding.code in appending else None
        if any(taken.collides(edit, appender) for edit in fix.edits) or id(finding) in waiting:
            continue
        chosen.append(finding)
        taken.add(fix.edits, appender)
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
    sorting = ALL_RULES.codes(lambda rule: rule.reorders_rows)
    sorts = _TakenEdits()
    sort_of: dict[int, int] = {}  # id of a sort's edit -> id of the sort
    for finding in findings:
        if finding.code in sorting and finding.fix is not None:
            sorts.include(finding.fix.edits)
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
        self.appenders: list[str | None] = []  # the rule that appends with each edit
        self.ordered = True

    def collides(self, edit: Edit, appender: str | None = None) -> bool:
        """Whether ``edit`` collides with an edit taken. ``appender``: the rule whose fix
        ``edit`` belongs to, if it ``appends_rows``; its insertion goes after the ones its
        rule made at the same point (in the order chosen, which ``apply_edits`` keeps)."""
        return any(
            collide(edit, self.edits[index])
            and not (appender is not None and self._appends(edit, index, appender))
            for index in self._near(edit)
        )

    def _appends(self, edit: Edit, index: int, appender: str) -> bool:
        other = self.edits[index]
        point = edit.span.start
        return (
            self.appenders[index] == appender
            and edit.span.end == point
            and other.span.start == other.span.end == point
        )

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

    def include(self, edits: Sequence[Edit]) -> None:
        """Add ``edits`` that may collide with those taken (the sorts of a pass, which
        ``_waiting_sorts`` gathers without choosing among them): once any do, every
        later look-up compares every edit, since the order ``_near`` relies on is gone."""
        if self.ordered and any(self.collides(edit) for edit in edits):
            self.ordered = False
        self.add(edits)

    def add(self, edits: Sequence[Edit], appender: str | None = None) -> None:
        if any_collide(edits):
            self.ordered = False
        for edit in edits:
            key = (edit.span.start, edit.span.end)
            index = bisect_right(self.keys, key)
            self.keys.insert(index, key)
            self.edits.insert(index, edit)
            self.appenders.insert(index, appender)
