"""Invariant 1 (DESIGN.md §3): render_document(parse_document(t)) == t for every string."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES, MARKDOWN_FIXTURES, read
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint import parse_document, render_document
from ddlint.gfm.document import Document


def _assert_tiles(document: Document) -> None:
    position = 0
    for block in document.blocks:
        assert block.span.start == position
        assert block.span.end > block.span.start
        position = block.span.end
    assert position == len(document.text)
    assert render_document(document) == document.text


_MARKDOWN_CHARS = st.sampled_from(
    [*list("|-:# \t>*_`~[]()!<>\\=+1.)\r\n\x00\x0b\x0c\ufeff\u2028\x85é中😀"), "<!--", "-->", "```"]
)


@settings(max_examples=1000, deadline=None)
@given(st.text())
def test_round_trip_arbitrary_text(text: str) -> None:
    _assert_tiles(parse_document(text))


@settings(max_examples=1000, deadline=None)
@given(st.lists(_MARKDOWN_CHARS, max_size=200).map("".join))
def test_round_trip_markdown_like_text(text: str) -> None:
    _assert_tiles(parse_document(text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("\n", id="one-newline"),
        pytest.param("| a |\r\n|---|\r\n| b |\r\n", id="crlf"),
        pytest.param("| a |\r|---|\r| b |\r", id="lone-cr"),
        pytest.param("| a |\n|---|\r\n| b |\r| c |", id="mixed-endings"),
        pytest.param("\ufeff| a |\n|---|\n| b |\n", id="bom"),
        pytest.param("| a |\n|---|\n| b |", id="no-final-newline"),
        pytest.param("|\ta\t|\n|\t---\t|\n\t| b |\n", id="tabs"),
        pytest.param("| a\x00 |\n|---|\n| \x01\x1f\x7f |\n", id="control-characters"),
        pytest.param("   \n\t\n  \t \n", id="only-spaces"),
        pytest.param("|" * 100_000, id="100k-pipes"),
        pytest.param("| a |\n|---|\n" + "|" * 100_000 + "\n", id="100k-pipes-row"),
        pytest.param("\u2028|\x85|\x0c\n", id="not-line-endings"),
    ],
)
def test_round_trip_edge_cases(text: str) -> None:
    _assert_tiles(parse_document(text))


@pytest.mark.parametrize("path", MARKDOWN_FIXTURES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_round_trip_fixtures(path: Path) -> None:
    text = read(path)
    _assert_tiles(parse_document(text))
