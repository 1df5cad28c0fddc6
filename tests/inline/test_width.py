"""ddlint.inline.width: how many columns a text takes on screen (aligned tables, excerpts)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.inline.width import NARROW_TEXT, cluster_widths, display_width


@pytest.mark.parametrize(
    ("text", "width"),
    [
        pytest.param("abc", 3, id="ascii"),
        pytest.param("数据蒸馏", 8, id="cjk-wide"),
        pytest.param("データ", 6, id="katakana-wide"),
        pytest.param("🚀 Code", 7, id="emoji-two-columns"),
        pytest.param("e\u0301", 1, id="combining-accent-zero"),
        pytest.param("a\x01b", 3, id="non-printable-falls-back-to-len"),
    ],
)
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


# Whole clusters, as text holds them: a ZWJ or a mark on its own is no text to measure.
_CLUSTERS = [
    "a", " ", "数", "😀", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u2764\ufe0f",
    "e\u0301", "\U0001f1ef\U0001f1f5", "\u00ad",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_CLUSTERS), max_size=16).map("".join))
def test_cluster_widths_add_up_to_the_display_width(text: str) -> None:
    widths = cluster_widths(text)
    assert len(widths) == len(text)
    assert sum(widths) == display_width(text)


def test_a_zwj_emoji_is_two_columns_on_its_first_code_point() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert cluster_widths(family + "x") == [2, 0, 0, 0, 0, 1]


# Every code point the narrow pattern holds (a character class, then ``*``).
_NARROW = [
    chr(code) for code in range(0x20, 0x2100) if NARROW_TEXT.fullmatch(chr(code)) is not None
]


def test_every_narrow_code_point_is_one_printable_column_for_wcwidth() -> None:
    """What lets display_width and cluster_widths skip wcwidth for such text."""
    import wcwidth

    assert len(_NARROW) > 1400
    assert [c for c in _NARROW if not c.isprintable() or wcwidth.wcwidth(c) != 1] == []
    assert NARROW_TEXT.fullmatch("\u0301") is None and NARROW_TEXT.fullmatch("数") is None


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_NARROW), max_size=24).map("".join))
def test_narrow_text_is_measured_as_wcwidth_measures_it(text: str) -> None:
    import wcwidth

    assert display_width(text) == wcwidth.wcswidth(text) == len(text)
    assert cluster_widths(text) == [max(wcwidth.wcswidth(c), 0) for c in text]
