"""Every fast path must give exactly what the slow path gives (issue: Performance).

``parse_inline`` skips mistune for cells without Markdown syntax and for cells made only
of plain inline links (``[**Title**](url)``, ``[Code](url), [Poster](url)``); these
properties generate cells of those shapes, with hostile characters mixed in, and compare.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.fix import fixer
from ddlint.gfm.cells import split_cells, split_cells_scanning
from ddlint.gfm.document import Cell
from ddlint.inline import parse as inline
from ddlint.inline.parse import (
    InlineCache,
    InlineContent,
    InlineLink,
    has_markdown_syntax,
    parse_inline,
)
from ddlint.records import extract, paper
from ddlint.records.columns import map_columns
from ddlint.records.venues import extract_year
from ddlint.report import text as report_text
from ddlint.report.text import MAX_EXCERPT_WIDTH
from ddlint.rules.structure import _structure
from ddlint.text.findings import Applicability, Edit, Finding, Fix, Severity
from ddlint.text.spans import Span

REFS = ({}, {"code": "https://ref.example/c", "title": "https://ref.example/t"})

# Mostly characters the fast path accepts, so that it applies often; now and then one that
# could start other syntax, so that its refusals are exercised too.
SAFE_LABEL = [*"abcXYZ019 :-.,;'\"()/#?+%@=$é数—¡‘’«»…", "\t", "\u00a0", "\u3000", "Code"]
HOSTILE_LABEL = ["http", "www.", "&amp;", "&", "*", "**", "_", "[", "]", "\\", "`", "!", "<", "~"]
LABEL_CHARS = st.sampled_from(SAFE_LABEL * 12 + HOSTILE_LABEL)
SAFE_URL = [*"abcXYZ019/:.?=;%#_~*!-+,@$数", "https://", "www.", "%20"]
HOSTILE_URL = ["&amp;", "&#x41;", "&", "(", ")", " ", "<", ">", '"', "'", "\\", "`", "[", "]"]
URL_CHARS = st.sampled_from(SAFE_URL * 12 + HOSTILE_URL + ["\x7f", "\x01"])
SEPARATORS = st.sampled_from(["", ", ", ",", " ", " , ", "\t", ",  ", " and ", ";", ",\t "])


@st.composite
def link(draw: st.DrawFn) -> str:
    label = "".join(draw(st.lists(LABEL_CHARS, max_size=8)))
    url = "".join(draw(st.lists(URL_CHARS, max_size=10)))
    if draw(st.booleans()):
        label = f"**{label}**"
    return f"[{label}]({url})"


@st.composite
def link_cells(draw: st.DrawFn) -> str:
    cell = draw(link())
    for _ in range(draw(st.integers(0, 3))):
        cell += draw(SEPARATORS) + draw(link())
    return cell + draw(st.sampled_from(["", "", " x", ","]))


@settings(max_examples=1000)
@given(link_cells(), st.sampled_from(REFS))
def test_links_only_fast_path_equals_slow_path(cell: str, refs: dict[str, str]) -> None:
    fast = inline._parse_links_only(cell)
    if fast is not None:
        assert fast == inline._parse_markup(cell, refs)
        assert parse_inline(cell, refs) == fast


@given(st.text(st.sampled_from(list("[]()*,: abh")), max_size=30))
def test_links_only_fast_path_on_random_text(cell: str) -> None:
    fast = inline._parse_links_only(cell)
    if fast is not None:
        assert fast == inline._parse_markup(cell, {})


def test_common_shapes_take_the_fast_path() -> None:
    for cell in (
        "[**Efficient Dataset Distillation: a Study**](https://openreview.net/pdf?id=xF_Cq)",
        "[Code](https://github.com/o/r), [Poster](https://nips.cc/p.png?t=1.2)",
        "[Code](https://github.com/o/r) [Slide](https://docs.google.com/p/d/x/edit)",
        "[Code]()",
    ):
        fast = inline._parse_links_only(cell)
        assert fast is not None
        assert fast == inline._parse_markup(cell, {})


def test_links_only_fast_path_declines_what_it_cannot_prove() -> None:
    for cell in ("[** **]()", "[**a **](u)", "[see https://x](u)", "[a](u) b", "x [a](u)"):
        assert inline._parse_links_only(cell) is None


@given(st.lists(st.one_of(link_cells(), st.text(max_size=20)), max_size=12))
def test_inline_cache_is_parse_inline(cells: list[str]) -> None:
    for refs in REFS:
        cache = InlineCache(refs)
        for cell in cells + cells:
            assert cache.parse(cell) == parse_inline(cell, refs)


# --- cells.split_cells: str.split for rows without `\|`, equal to the pipe-by-pipe scan ----


@settings(max_examples=1000)
@given(st.text(st.sampled_from(list("|| \t\\ab")), max_size=24), st.data())
def test_split_cells_equals_the_scan(line: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(line)))
    end = data.draw(st.integers(start, len(line)))
    assert split_cells(line, start, end) == split_cells_scanning(line, start, end)


# --- report.text: excerpts of plain ASCII lines by slicing, equal to the per-character path --


@settings(max_examples=500)
@given(
    st.text(st.sampled_from(list("ab |~")), max_size=MAX_EXCERPT_WIDTH + 40),
    st.integers(-2, MAX_EXCERPT_WIDTH + 45),
    st.integers(-2, MAX_EXCERPT_WIDTH + 45),
)
def test_narrow_excerpt_equals_the_general_one(line: str, column: int, end: int) -> None:
    assert report_text._render_narrow(line, column, end) == report_text._render_any(
        line, column, end
    )


# --- rules/_structure: rows whose cells are all closed hold no pipe inside a construct ----

CELL_TEXT = st.one_of(
    link_cells(),
    st.text(st.sampled_from(list("ab ()]*_:,")), max_size=12),
    st.text(st.sampled_from(list("ab[]()`<>\\| ")), max_size=12),
)


@settings(max_examples=500)
@given(st.lists(CELL_TEXT, min_size=1, max_size=5))
def test_closed_cells_skip_the_pipe_scan(cells: list[str]) -> None:
    row = "| " + " | ".join(cells) + " |"
    found = split_cells(row, 0, len(row)) or []
    if all(_structure._closed(row[a:b]) for a, b in found):
        assert _structure.text_pipes(row) == []


# --- fixer.choose_fixes: a sorted index of chosen edits, equal to comparing every pair ----


def _naive_choose(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """Each fixable finding whose edits collide with none of those chosen before it,
    every pair of edits compared."""
    chosen: list[Finding] = []
    taken: list[Edit] = []
    for finding in findings:
        fix = finding.fix
        if fix is None or (fix.applicability is Applicability.UNSAFE and not unsafe):
            continue
        if fix.edits and not any(fixer._collide(a, b) for a in fix.edits for b in taken):
            chosen.append(finding)
            taken.extend(fix.edits)
    return chosen


@st.composite
def findings(draw: st.DrawFn) -> list[Finding]:
    found = []
    for number in range(draw(st.integers(0, 25))):
        edits = []
        for _ in range(draw(st.integers(0, 3))):
            start = draw(st.integers(0, 30))
            edits.append(Edit(Span(start, start + draw(st.sampled_from([0, 0, 1, 2, 5]))), "x"))
        kind = draw(st.sampled_from([Applicability.SAFE, Applicability.UNSAFE]))
        fix = Fix(kind, tuple(edits)) if draw(st.integers(0, 9)) else None
        found.append(
            Finding("DD000", "x", Severity.WARNING, str(number), Span(0, 0), 1, 1, 1, 1, fix)
        )
    return found


@settings(max_examples=1000)
@given(findings(), st.booleans())
def test_choose_fixes_equals_the_pairwise_check(found: list[Finding], unsafe: bool) -> None:
    assert fixer.choose_fixes(found, unsafe) == _naive_choose(found, unsafe)


# --- records: an author cell without markup is its parsed text, no `<br>` split needed ----

AUTHOR_PIECES = ["Ada", "Lovelace", " ", ", ", " and ", "; ", "et al.", "<br>", "<BR />"]
AUTHOR_CELL = st.lists(
    st.sampled_from([*AUTHOR_PIECES, "<b>", "*x*", "[Ada](u)", "[code]", "&amp;", "\\|", "`a`"]),
    max_size=6,
).map("".join)


@given(st.lists(AUTHOR_CELL, min_size=1, max_size=3), st.sampled_from(REFS))
def test_author_text_equals_parsing_each_br_part(
    author_cells: list[str], refs: dict[str, str]
) -> None:
    columns = map_columns(["Authors"] * len(author_cells) + ["Title"])
    cells = [Cell(0, len(text), text) for text in author_cells] + [None]
    contents = [InlineCache(refs).parse(text) for text in author_cells] + [None]
    layout = paper.Layout(columns)
    filled = layout.filled(contents)
    found = paper._author_text(layout, cells, contents, filled, InlineCache({}))
    expected = "; ".join(
        parse_inline(part).text for cell in author_cells for part in paper._BR.split(cell)
    )
    assert found == expected


# --- records: a row's kind, decided as soon as a link or a second text shows it is a paper --


def _row_kind_reference(contents: list[InlineContent | None], width: int) -> str:
    filled = [c for c in contents if c is not None and c.text]
    has_link = any(c.links for c in contents if c is not None)
    if len(filled) == 1 and not has_link and width > 1:
        text = filled[0].text
        if (extract_year(text) is not None and len(text) <= 30) or filled[0].has_markup:
            return "separator"
    return "paper"


A_LINK = InlineLink("a", "u", Span(0, 6), Span(4, 5), "inline", False)
CONTENTS = st.none() | st.builds(
    InlineContent,
    st.sampled_from(["", "2021", "**2021**", "x", "Year 2020 " * 4]),
    st.sampled_from([(), (A_LINK,)]),
    st.just(()),
    st.booleans(),
)


@given(st.lists(CONTENTS, max_size=5))
def test_row_kind_equals_counting_every_cell(contents: list[InlineContent | None]) -> None:
    columns = map_columns(["Title"] * len(contents))
    assert extract._row_kind(contents, columns) == _row_kind_reference(contents, len(contents))


# --- inline.scan.has_markdown_syntax: a character search and lower(), equal to one pattern ---

SYNTAX_REFERENCE = re.compile(r"[\\`*_\[\]!<>&~\n\r\x00]|http|www\.", re.IGNORECASE)
# Letters whose case mappings are special (Kelvin sign, long s, dotted and dotless i,
# full-width and small-capital letters) next to the ones that matter.
CASE_TRAPS = [*"hHtTpPwW.", "\u212a", "\u017f", "\u0130", "\u0131", "\uff28", "\u029c", "\u1e96"]
SYNTAX_TEXT = st.one_of(
    st.lists(st.sampled_from([*CASE_TRAPS, "http", "HtTp", "www.", "WWW.", "a", " "])).map("".join),
    st.text(),
)


@settings(max_examples=1000)
@given(SYNTAX_TEXT)
def test_has_markdown_syntax_equals_one_case_insensitive_search(text: str) -> None:
    assert has_markdown_syntax(text) == (SYNTAX_REFERENCE.search(text) is not None)


# --- inline._span: small spans are shared objects, equal to a new Span -----------------------


@given(st.integers(0, 600), st.integers(0, 600))
def test_shared_span_is_a_span(start: int, end: int) -> None:
    span = inline._span(start, end)
    assert type(span) is Span
    assert span == Span(start, end) and hash(span) == hash(Span(start, end))
    assert (span.start, span.end) == (start, end)
