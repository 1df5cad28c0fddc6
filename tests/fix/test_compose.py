"""Composed fix passes (fix/compose.py) give what one fix per collision and pass gave."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listgen import paper_list

from ddlint.engine.linter import LintResult, lint_parsed
from ddlint.fix.compose import any_collide, collide
from ddlint.fix.fixer import apply_edits, choose_fixes, fix_text
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.memo import PaperMemo
from ddlint.rules import RuleSettings
from ddlint.text.findings import Edit
from ddlint.text.spans import Span

HEADER = "| Author | Title | Venue |\n|---|---|---|\n"


def _one_fix_per_collision(
    text: str, unsafe: bool, rules: RuleSettings | None = None
) -> tuple[str, LintResult]:
    """The fixer before composing: full lints, colliding fixes wait for the next pass.
    Like the fixer, it remembers the list's repeated template rows from pass to pass."""
    memo = PaperMemo()

    def full_lint(text: str) -> LintResult:
        document = parse_document(text)
        aliases = rules.header_aliases if rules is not None else None
        records = extract_records(document, aliases or None, papers=memo)
        return lint_parsed(document, records, settings=rules)

    result = full_lint(text)
    while chosen := choose_fixes(result.findings, unsafe):
        new_text = apply_edits(text, [e for f in chosen if f.fix for e in f.fix.edits])
        if new_text == text:
            break
        text, result = new_text, full_lint(new_text)
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


def _paper(author: str, n: int, venue: str) -> str:
    return f"| {author} | [**Paper {n}**](https://arxiv.org/abs/2201.{n:05d}) | {venue} |\n"


# Rows in the list's own style (compact, `Name, Year`, newest first) for the rows under
# test to break: DD402 and DD403 read the style from them.
_STYLED = [_paper(f"Author {n} et al", n, f"ICML, {2019 - n}") for n in range(8)]


def test_a_venue_rides_inside_its_row_rewrite() -> None:
    text = (
        HEADER
        + "".join(_STYLED)
        + ("|Ada Lovelace et al|[**Notes**](https://arxiv.org/abs/2201.00001)|ICML 2012|\n")
    )
    result = fix_text(text)
    assert result.passes == 1
    assert {f.code for f in result.applied} == {"DD402", "DD403"}
    assert result.text == _one_fix_per_collision(text, False)[0]
    assert result.text.endswith(
        "| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2012 |\n"
    )


def test_rows_fixed_inside_a_sort_and_a_placeholder_removed_in_one_pass() -> None:
    text = (
        HEADER
        + (
            "| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2211.00001) |ICML, 2022|\n"
            "|Alan Turing et al | [**Tables**](https://arxiv.org/abs/2002.00003) | ICML 2020 |\n"
            "| |[** **]() |  |\n"
            "| Grace Hopper et al | [**Code**](https://arxiv.org/abs/2102.00004) | ICML, 2021 |\n"
        )
        + "".join(_STYLED)
    )
    result = fix_text(text)
    assert result.passes == 1
    assert {f.code for f in result.applied} == {"DD401", "DD402", "DD403", "DD201"}
    assert result.text == _one_fix_per_collision(text, False)[0]
    assert result.text == HEADER + (
        "| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2211.00001) | ICML, 2022 |\n"
        "| Grace Hopper et al | [**Code**](https://arxiv.org/abs/2102.00004) | ICML, 2021 |\n"
        "| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2002.00003) | ICML, 2020 |\n"
    ) + "".join(_STYLED)


# -- any_collide: one sorted sweep, equal to comparing every pair --------------------------------

# Spans on a short stretch of text, so that edits often overlap, touch, nest, repeat, or
# are insertions at one point, at another edit's start or end, or inside it.
_EDITS = st.lists(
    st.builds(
        lambda start, length: Edit(Span(start, start + length), "x"),
        st.integers(0, 12),
        st.sampled_from([0, 0, 0, 1, 1, 2, 3, 7]),
    ),
    max_size=8,
)


@settings(max_examples=2000)
@given(_EDITS, st.data())
def test_any_collide_is_collide_over_every_pair(edits: list[Edit], data: st.DataObject) -> None:
    if edits:  # an edit twice, as a fix may hold it
        edits.append(data.draw(st.sampled_from(edits)))
    expected = any(collide(a, b) for a, b in itertools.combinations(edits, 2))
    assert any_collide(edits) is expected
    assert any_collide(reversed(edits)) is expected


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        pytest.param([(0, 2), (2, 4)], False, id="touching"),
        pytest.param([(0, 2), (1, 3)], True, id="overlapping"),
        pytest.param([(0, 4), (1, 2)], True, id="nested"),
        pytest.param([(2, 2), (2, 4)], False, id="insertion-at-start"),
        pytest.param([(0, 2), (2, 2)], False, id="insertion-at-end"),
        pytest.param([(0, 4), (2, 2)], True, id="insertion-inside"),
        pytest.param([(2, 2), (2, 2)], True, id="two-insertions-at-one-point"),
        pytest.param([(1, 3), (1, 3)], True, id="the-same-span-twice"),
        pytest.param([(0, 9), (3, 4), (6, 6)], True, id="past-a-short-edit-to-a-long-one"),
    ],
)
def test_any_collide_cases(spans: list[tuple[int, int]], expected: bool) -> None:
    assert any_collide(Edit(Span(a, b), "x") for a, b in spans) is expected
