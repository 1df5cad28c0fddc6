"""Fast paths of ddlint.inline give exactly what the slow paths give (issue: Performance).

- ``parse_inline`` skips mistune for cells made only of plain inline links
  (``[**Title**](url)``, ``[Code](url), [Poster](url)``): ``_parse_links_only``, whenever
  it answers, equals ``_parse_markup``; ``InlineCache`` equals calling ``parse_inline``.
- ``has_markdown_syntax`` (inline/syntax.py), a character search and ``lower()``, equals
  one case-insensitive pattern.
- ``_span``'s shared small spans equal new ``Span`` objects.

The properties generate cells of those shapes, with hostile characters mixed in, and compare.
"""

from __future__ import annotations

import re

from cellgen import REFS, link_cells
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.inline import parse as inline
from ddlint.inline.parse import InlineCache, has_markdown_syntax, parse_inline
from ddlint.text.spans import Span


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


# --- inline.syntax.has_markdown_syntax: a character search and lower(), equal to one pattern

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
