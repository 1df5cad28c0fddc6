"""DD201 placeholder-row: noop and positive cases on real Markdown, and its fix."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, HEADER, ROW_A, SEED_TEXT, TEMPLATE, lines

from ddlint.api import fix_text, lint_text
from ddlint.text.findings import Applicability


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
        pytest.param(HEADER + ROW_A + TEMPLATE, [(4, SAFE)], id="empty-template"),
        pytest.param(
            WIDE + WIDE_ROW + "| | ** __ | | | [Code]() |\n", [(4, SAFE)], id="emphasis-only"
        ),
        pytest.param(
            HEADER + ROW_A + "| &nbsp; | [** **]() | |\n", [(4, SAFE)], id="nbsp-empty-link"
        ),
        pytest.param(
            HEADER + ROW_A + "| | | | [Learning Graph](https://arxiv.org/abs/2201.57730) |\n",
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
        pytest.param(HEADER + ROW_A + "| <!-- c --> | | |\n", [(4, None)], id="comment-is-content"),
        pytest.param(HEADER + ROW_A + "&nbsp;\n", [], id="absorbed-line-is-dd106s"),
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


def test_dd201_leaves_an_absorbed_spacer_line_to_dd106() -> None:
    # `&nbsp;` right under a table, meant as space after it: GitHub absorbs it as an empty
    # row. No template row (it has no pipe): reported by DD106, deleted by no safe fix.
    text = HEADER + ROW_A + "&nbsp;\n\nText.\n"
    assert [f.code for f in lint_text(text)] == ["DD106"]
    assert fix_text(text).text == text


def test_dd201_deletes_every_copy_of_a_repeated_template_though_one_waits_a_pass() -> None:
    # The table is unsorted: the sort carries every row but the last, whose deletion
    # (the row and its line break) reaches past it and waits a pass. By then it is the
    # only copy left, and still the list's repeated template.
    template = "| |[** **]() |  |  Image Classification |  |  | [Code]() |\n"
    header = (
        "| Author | Title | Type | Task | Dataset | Venue | Supp. Material |\n"
        "|---|---|---|---|---|---|---|\n"
    )
    paper = (
        "| | [**Paper {n}**](https://arxiv.org/abs/1901.0000{n}) "
        "| | Image Classification | | {venue} | |\n"
    )
    rows = [paper.format(n=n, venue="ICML 2019" if n > 2 else "") + template for n in range(1, 5)]
    text = "## 2019\n" + header + "".join(rows)
    result = fix_text(text)
    assert template.strip() not in result.text
    assert "Image Classification | | | [Code]()" not in result.text
    assert result.text.count("[**Paper") == 4
