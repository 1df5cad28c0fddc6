"""Every fast path must give exactly what the slow path gives (issue: Performance).

``parse_inline`` skips mistune for cells without Markdown syntax and for cells made only
of plain inline links (``[**Title**](url)``, ``[Code](url), [Poster](url)``); these
properties generate cells of those shapes, with hostile characters mixed in, and compare.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint import inline
from ddlint.inline import InlineCache, parse_inline

REFS = ({}, {"code": "https://ref.example/c", "title": "https://ref.example/t"})

# Mostly characters the fast path accepts, so that it applies often; now and then one that
# could start other syntax, so that its refusals are exercised too.
SAFE_LABEL = list("abcXYZ019 :-.,;'\"()/#?+%@=$é数—¡") + ["\t", "\u00a0", "\u3000", "Code"]
HOSTILE_LABEL = ["http", "www.", "&amp;", "&", "*", "**", "_", "[", "]", "\\", "`", "!", "<", "~"]
LABEL_CHARS = st.sampled_from(SAFE_LABEL * 12 + HOSTILE_LABEL)
SAFE_URL = list("abcXYZ019/:.?=;%#_~*!-+,@$数") + ["https://", "www.", "%20"]
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
