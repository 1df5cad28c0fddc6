"""Choosing a pass's fixes: the same choice as comparing every pair of edits, in linear work."""

from __future__ import annotations

import cProfile
import pstats
from functools import reduce

from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint import api
from ddlint.fix.compose import collide
from ddlint.fix.plan import choose_fixes
from ddlint.rules import ALL_RULES
from ddlint.text.findings import Applicability, Edit, Finding, Fix, Severity
from ddlint.text.spans import Span

SORTING = ALL_RULES.codes(lambda rule: rule.reorders_rows)
APPENDING = ALL_RULES.codes(lambda rule: rule.appends_rows)


def _reference_waiting(findings: list[Finding]) -> set[int]:
    """Each sort that an edit of an unsafe fix collides with, comparing every pair."""
    unsafe_edits = [
        edit
        for f in findings
        if f.fix is not None and f.fix.applicability is Applicability.UNSAFE
        for edit in f.fix.edits
    ]
    return {
        id(f)
        for f in findings
        if f.code in SORTING and f.fix is not None
        if any(collide(a, b) for a in unsafe_edits for b in f.fix.edits)
    }


def _edits(finding: Finding) -> tuple[Edit, ...]:
    return finding.fix.edits if finding.fix is not None else ()


def _reference_choose(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """First come first served, each fix's edits compared with every edit taken before."""
    waiting = _reference_waiting(findings) if unsafe else set()
    candidates = [
        f
        for f in findings
        if _edits(f)
        and (unsafe or f.fix is None or f.fix.applicability is not Applicability.UNSAFE)
        and id(f) not in waiting
    ]

    def take(chosen: list[Finding], finding: Finding) -> list[Finding]:
        taken = [(edit, f.code) for f in chosen for edit in _edits(f)]
        clear = not any(
            collide(a, b) and not _appended(a, b, finding.code, code)
            for a in _edits(finding)
            for b, code in taken
        )
        return [*chosen, finding] if clear else chosen

    return reduce(take, candidates, [])


def _appended(a: Edit, b: Edit, code: str, other: str) -> bool:
    """Insertions at one point by two fixes of one rule that appends rows go together."""
    point = a.span.start
    same_point = a.span.end == b.span.start == b.span.end == point
    return code == other and code in APPENDING and same_point


@st.composite
def _findings(draw: st.DrawFn) -> list[Finding]:
    """Fixes of up to five edits on a short stretch of text: edits that overlap, touch,
    nest, repeat (within a fix and across fixes), insertions at one point, at another
    edit's start or end or inside it, sorts among them, and fixes whose own edits collide."""
    found: list[Finding] = []
    seen: list[Edit] = []
    for number in range(draw(st.integers(0, 30))):
        edits: list[Edit] = []
        for _ in range(draw(st.integers(0, 5))):
            if seen and draw(st.integers(0, 4)) == 0:
                # An equal edit, not the same object: each rule makes its own edits (a sort
                # that waits is known by the ids of its edits).
                again = draw(st.sampled_from(seen))
                edit = Edit(again.span, again.text)
            else:
                start = draw(st.integers(0, 20))
                length = draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3, 8]))
                edit = Edit(Span(start, start + length), str(number))
            edits.append(edit)
            seen.append(edit)
        kind = draw(st.sampled_from([Applicability.SAFE, Applicability.UNSAFE]))
        fix = Fix(kind, tuple(edits)) if draw(st.integers(0, 9)) else None
        code = draw(st.sampled_from(["DD102", "DD401", "DD403", "DD205"]))
        found.append(Finding(code, "x", Severity.WARNING, str(number), Span(0, 0), 1, 1, 1, 1, fix))
    return found


@settings(max_examples=2000)
@given(_findings(), st.booleans())
def test_choose_fixes_is_the_all_pairs_choice(found: list[Finding], unsafe: bool) -> None:
    expected = _reference_choose(found, unsafe)
    assert [id(f) for f in choose_fixes(found, unsafe)] == [id(f) for f in expected]


def _fixed(code: str, kind: Applicability, *spans: tuple[int, int]) -> Finding:
    edits = tuple(Edit(Span(start, end), code) for start, end in spans)
    return Finding(code, "x", Severity.WARNING, "", Span(0, 0), 1, 1, 1, 1, Fix(kind, edits))


def test_a_sort_waits_for_an_unsafe_fix_inside_it_when_sorts_overlap() -> None:
    # Two sorts whose edits collide (the first spans the second's insertion point): the
    # look-up of the unsafe fix's insertion at 2 must still find the first sort.
    wide = _fixed("DD401", Applicability.SAFE, (0, 3))
    points = _fixed("DD401", Applicability.SAFE, (0, 0), (1, 1))
    unsafe = _fixed("DD102", Applicability.UNSAFE, (2, 2), (0, 0))
    found = [wide, points, unsafe]
    assert [id(f) for f in choose_fixes(found, True)] == [
        id(f) for f in _reference_choose(found, True)
    ]
    assert choose_fixes(found, True) == [unsafe]


# -- work: stray rows, each after a blank line, rejoin their table in one fix of n edits ------

HEAD = (
    "# L\n\n## 2021\n\n| Author | Title | Venue |\n|---|---|---|\n"
    "| A | [**T**](https://a.org) | ICML, 2021 |\n"
)


def _stray_rows(n: int) -> str:
    return HEAD + "".join(
        f"\n| B{i} | [**T{i}**](https://b.org/{i}) | ICML, 2021 |\n" for i in range(n)
    )


def _calls(text: str) -> int:
    """The function calls ``api.fix_text`` makes: work counted, not timed."""
    profile = cProfile.Profile()
    result = profile.runcall(api.fix_text, text)
    assert [f.code for f in result.applied] == ["DD102"]  # the rows rejoined in one fix
    return pstats.Stats(profile).total_calls


def test_fixing_stray_rows_is_linear() -> None:
    """Eight times the rows may cost at most twelve times the calls; comparing every pair
    of the rejoin's edits (once to choose it, once to see whether it may compose) made it
    grow about twenty times."""
    _calls(_stray_rows(10))  # lazy imports and first-use caches, counted in neither
    small, large = _calls(_stray_rows(100)), _calls(_stray_rows(800))
    assert large <= 12 * small, (small, large)
