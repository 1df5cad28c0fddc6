"""DD001, DD101, DD102, DD201: noop and positive cases on real Markdown, and their fixes."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SEED_TEXT

from ddlint.api import fix_text, lint_text
from ddlint.text.findings import Applicability

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


# -- DD201: only template rows are deleted (issue #18, the template row of issue #19) ------

REPRO = FIXTURES / "repro"
PREFILLED = "| |[** **]() | Image Classification | | [Code]() |\n"
WIDE = "| Author | Title | Task | Venue | Code |\n|---|---|---|---|---|\n"
WIDE_ROW = "| Ada et al | [**One**](https://arxiv.org/abs/2201.00001) | Vision | ICML, 2022 | |\n"


def _dd201(text: str) -> list[tuple[int, Applicability | None]]:
    return [
        (f.line, f.fix.applicability if f.fix else None) for f in lint_text(text, select=["DD201"])
    ]


SAFE = Applicability.SAFE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(HEAD + ROW_A + TEMPLATE, [(4, SAFE)], id="empty-template"),
        pytest.param(
            WIDE + WIDE_ROW + "| | ** __ | | | [Code]() |\n", [(4, SAFE)], id="emphasis-only"
        ),
        pytest.param(
            HEAD + ROW_A + "| &nbsp; | [** **]() | |\n", [(4, SAFE)], id="nbsp-empty-link"
        ),
        pytest.param(
            HEAD + ROW_A + "| | | | [Learning Graph](https://arxiv.org/abs/2201.57730) |\n",
            [(4, None)],
            id="link-in-a-surplus-cell",
        ),
        pytest.param(WIDE + WIDE_ROW + PREFILLED, [(4, None)], id="prefilled-template-once"),
        pytest.param(
            WIDE + WIDE_ROW + PREFILLED + PREFILLED, [(4, SAFE), (5, SAFE)], id="repeated"
        ),
        pytest.param(
            WIDE + PREFILLED + WIDE_ROW + "\n" + WIDE + PREFILLED,
            [(3, SAFE), (8, SAFE)],
            id="repeated-in-two-tables",
        ),
        pytest.param(
            WIDE + WIDE_ROW + "| | | Vision | | |\n" * 2,
            [(4, SAFE), (5, SAFE)],
            id="repeated-with-empty-title",
        ),
        pytest.param(
            WIDE + WIDE_ROW + PREFILLED + PREFILLED.replace("Image", "Video"),
            [(4, None), (5, None)],
            id="not-identical",
        ),
        pytest.param(
            "| Metric | Title | Venue |\n|---|---|---|\n"
            "| SSIM | [**Engine**](https://x.org/p) | ICML, 2022 |\n"
            "| PSNR (peak signal-to-noise ratio) | - | |\n",
            [(4, None)],
            id="metrics-row",
        ),
        pytest.param(HEAD + ROW_A + "| <!-- c --> | | |\n", [(4, None)], id="comment-is-content"),
        pytest.param(HEAD + ROW_A + "&nbsp;\n", [], id="absorbed-line-is-dd106s"),
    ],
)
def test_dd201_deletes_only_template_rows(
    text: str, expected: list[tuple[int, Applicability | None]]
) -> None:
    assert _dd201(text) == expected


def test_dd201_message_names_what_a_row_holds() -> None:
    text = (REPRO / "SAFE-dd201-deletes-row-with-link-in-extra-column.md").read_text("utf-8")
    (finding,) = lint_text(text, select=["DD201"])
    assert finding.fix is None
    assert "`Notes` is not empty" in finding.message


@pytest.mark.parametrize(
    "name",
    [
        "SAFE-dd201-deletes-row-with-link-in-extra-column.md",
        "safe-dd201-deletes-row-with-link-41.md",
        "safe-dd201-deletes-row-with-link-577.md",
        "safe-dd201-deletes-row-with-link-1095.md",
    ],
)
def test_dd201_repro_rows_are_kept_by_the_safe_fix(name: str) -> None:
    text = (REPRO / name).read_text(encoding="utf-8")
    assert [fix for _, fix in _dd201(text)] == [None]
    fixed = fix_text(text).text
    kept = [line for line in text.splitlines()[2:] if "](http" in line]
    for line in kept:  # the row is still there, its cells whatever DD402 made of them
        link = line[line.index("[") : line.index(")", line.index("](")) + 1]
        assert link in fixed


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


def test_dd201_leaves_an_absorbed_spacer_line_to_dd106() -> None:
    # `&nbsp;` right under a table, meant as space after it: GitHub absorbs it as an empty
    # row. No template row (it has no pipe): reported by DD106, deleted by no safe fix.
    text = HEAD + ROW_A + "&nbsp;\n\nText.\n"
    assert [f.code for f in lint_text(text)] == ["DD106"]
    assert fix_text(text).text == text
