"""DD201 placeholder-row: noop and positive cases on real Markdown, and its fix."""

from __future__ import annotations

import pytest
from helpers import HEADER, ROW_A, SEED_TEXT, TEMPLATE, lines

from ddlint.api import fix_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(HEADER + ROW_A, [], id="clean"),
        pytest.param(HEADER + ROW_A + TEMPLATE, [4], id="template"),
        pytest.param(HEADER + ROW_A + "|  |  |  |\n", [4], id="all-empty"),
        pytest.param(
            "| Author | Title | Venue | Code |\n|---|---|---|---|\n| | [** **]() | | [Code]() |\n",
            [3],
            id="empty-links",
        ),
        pytest.param(
            HEADER + "| | [**Title only**](https://x.org/p) | |\n", [], id="title-only-is-a-paper"
        ),
        pytest.param(HEADER + ROW_A + "\n" + TEMPLATE, [5], id="stray-template"),
    ],
)
def test_dd201(text: str, expected: list[int]) -> None:
    assert lines(text, "DD201") == expected


def test_dd201_seed_and_fix() -> None:
    assert lines(SEED_TEXT, "DD201") == [59, 94, 103, 117]
    fixed = fix_text(SEED_TEXT, select=["DD201"]).text
    assert "[** **]()" not in fixed
    assert fixed.count("\n") == SEED_TEXT.count("\n") - 4
