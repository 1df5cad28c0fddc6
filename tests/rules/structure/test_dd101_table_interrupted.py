"""DD001, DD101, DD102, DD201: noop and positive cases on real Markdown, and their fixes."""

from __future__ import annotations

import pytest
from helpers import SEED_TEXT

from ddlint.api import fix_text, lint_text

HEAD = "| Author | Title | Venue |\n|---|---|---|\n"
ROW_A = "| Ada et al | [**One**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |\n"
ROW_B = "| Bo et al | [**Two**](https://arxiv.org/abs/2201.00002) | ICML, 2022 |\n"
TEMPLATE = "| |[** **]() | |\n"


def lines(text: str, code: str) -> list[int]:
    return [f.line for f in lint_text(text, select=[code]) if f.code == code]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(HEAD + ROW_A + ROW_B, [], id="clean-table"),
        pytest.param(HEAD + ROW_A + "<!-- hidden -->\n" + ROW_B, [4], id="comment"),
        pytest.param(HEAD + ROW_A + "<img src='x.png'>\n" + ROW_B, [4], id="html-type-7"),
        pytest.param(HEAD + ROW_A + "</div>\n" + ROW_B, [4], id="closing-div"),
        pytest.param(HEAD + ROW_A + "#### Graphs\n" + ROW_B, [4], id="heading"),
        pytest.param(HEAD + ROW_A + "- TODO: add\n" + ROW_B, [4], id="list-item"),
        pytest.param(
            HEAD + ROW_A + ROW_B + "<!-- end of table -->\n", [], id="comment-after-last-row"
        ),
        pytest.param(HEAD + ROW_A + "\n<!-- note -->\n\nText.\n", [], id="comment-then-prose"),
    ],
)
def test_dd101(text: str, expected: list[int]) -> None:
    assert lines(text, "DD101") == expected


def test_dd101_reports_rows_lost_and_fix_moves_only_html() -> None:
    (finding,) = [f for f in lint_text(SEED_TEXT, select=["DD101"])]
    assert finding.line == 32 and "27 rows" in finding.message
    heading = HEAD + ROW_A + "#### Graphs\n" + ROW_B
    (report_only,) = lint_text(heading, select=["DD101"])
    assert report_only.fix is None
    assert fix_text(heading, select=["DD101"]).text == heading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(HEAD + ROW_A + ROW_B, [], id="clean"),
        pytest.param(HEAD + ROW_A + "\n" + ROW_B, [5], id="after-blank"),
        pytest.param(HEAD + ROW_A + "\n\n" + ROW_B + ROW_B, [6, 7], id="two-rows-two-blanks"),
        pytest.param(HEAD + ROW_A + "\n" + TEMPLATE, [], id="template-is-dd201s"),
        pytest.param(HEAD + ROW_A + "\nSome | text here\n", [], id="prose-with-a-pipe"),
        pytest.param(HEAD + ROW_A + "\n## Next\n\n" + ROW_B, [], id="other-section"),
        pytest.param(HEAD + ROW_A + "\n" + HEAD + ROW_B, [], id="second-table"),
    ],
)
def test_dd102(text: str, expected: list[int]) -> None:
    assert lines(text, "DD102") == expected


def test_dd102_fix_rejoins_all_groups() -> None:
    text = HEAD + ROW_A + "\n" + ROW_B + "\n\n" + ROW_B.replace("Two", "Three") + "\nProse.\n"
    fixed = fix_text(text, select=["DD102"]).text
    assert fixed == HEAD + ROW_A + ROW_B + ROW_B.replace("Two", "Three") + "\nProse.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(HEAD + ROW_A, [], id="clean"),
        pytest.param(HEAD + ROW_A + TEMPLATE, [4], id="template"),
        pytest.param(HEAD + ROW_A + "|  |  |  |\n", [4], id="all-empty"),
        pytest.param(
            "| Author | Title | Venue | Code |\n|---|---|---|---|\n| | [** **]() | | [Code]() |\n",
            [3],
            id="empty-links",
        ),
        pytest.param(
            HEAD + "| | [**Title only**](https://x.org/p) | |\n", [], id="title-only-is-a-paper"
        ),
        pytest.param(HEAD + ROW_A + "\n" + TEMPLATE, [5], id="stray-template"),
    ],
)
def test_dd201(text: str, expected: list[int]) -> None:
    assert lines(text, "DD201") == expected


def test_dd201_seed_and_fix() -> None:
    assert lines(SEED_TEXT, "DD201") == [59, 94, 103, 117]
    fixed = fix_text(SEED_TEXT, select=["DD201"]).text
    assert "[** **]()" not in fixed
    assert fixed.count("\n") == SEED_TEXT.count("\n") - 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<!-- ddlint-disable DD204 -->\n\n" + HEAD + ROW_A, [1], id="unused"),
        pytest.param("<!-- ddlint-disable DD999 -->\n\n" + HEAD + ROW_A, [1], id="unknown-code"),
        pytest.param(
            "<!-- ddlint-disable missing-venue -->\n\n"
            + HEAD
            + "| A | [**T**](https://x.org) | |\n",
            [],
            id="used-by-name",
        ),
        pytest.param(HEAD + ROW_A, [], id="no-comment"),
    ],
)
def test_dd001(text: str, expected: list[int]) -> None:
    findings = lint_text(text, select=["DD001", "DD204"])
    assert [f.line for f in findings if f.code == "DD001"] == expected
    assert not [f for f in findings if f.code == "DD204"]
