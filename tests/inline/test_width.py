"""ddlint.inline.width: how many columns a text takes on screen (aligned tables, excerpts)."""

from __future__ import annotations

import pytest

from ddlint.inline.width import display_width


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
