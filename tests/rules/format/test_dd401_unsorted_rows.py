"""DD401 unsorted-rows: rows out of the list's order, and the fix that sorts them."""

from __future__ import annotations

import pytest
from helpers import HEADER, fixed, lint, row, rule_fixture

from ddlint.engine.config import Config


def test_unsorted_fixture_moves_the_february_row_to_the_end() -> None:
    text = rule_fixture("unsorted.md")
    (finding,) = lint(text, ["DD401"])
    assert finding.span.slice(text) == "arXiv, Feb., 2023"  # the date cell of the row
    assert finding.message == (
        "Rows are not sorted by year and month (newest first): 1 row moves; run --fix"
    )
    lines = text.splitlines(keepends=True)
    assert (
        fixed(text, ["DD401"]).splitlines(keepends=True)
        == lines[:8] + lines[9:14] + [lines[8]] + lines[14:]
    )


NOV, FEB, SEP = (
    row("Ada et al", "Nov", "arXiv, Nov., 2022"),
    row("Alan et al", "Feb", "arXiv, Feb., 2022"),
    row("Grace et al", "Sep", "arXiv, Sep., 2022"),
)
ICLR, OLD, NOMONTH = (
    row("Ken et al", "May", "ICLR, 2022"),
    row("Edsger et al", "Old", "arXiv, Mar., 2021"),
    row("Barbara et al", "Journal", "IEEE TCC, 2022"),
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(HEADER + NOV + SEP + ICLR + FEB + NOMONTH + OLD, id="newest-first"),
        pytest.param(HEADER + OLD + FEB + SEP + NOV, id="oldest-first-kept"),
        pytest.param(HEADER + NOV + FEB, id="two-rows-either-way"),
        pytest.param(
            "| No. | Author | Title | Venue |\n|---|---|---|---|\n"
            + "".join("| 1 " + r for r in (OLD, NOV, FEB)),
            id="numbered-table-left-alone",
        ),
        pytest.param(HEADER + NOV + FEB + "\n" + SEP, id="stray-row-first-rejoined"),
        pytest.param(HEADER + NOV + FEB + "| x | y |\n" + SEP, id="short-row-dd103-first"),
        pytest.param(
            "| Title | Venue |\n|---|---|\n| **2022** | |\n| [A](https://a.org/1) | ICML 2022 |\n"
            "| [B](https://a.org/2) | NeurIPS 2022 |\n| **2021** | |\n"
            "| [C](https://a.org/3) | AAAI 2021 |\n",
            id="separator-groups-each-oldest-first-by-one-pair",
        ),
    ],
)
def test_unsorted_noop(text: str) -> None:
    assert lint(text, ["DD401"]) == []


@pytest.mark.parametrize(
    ("text", "expected", "moves"),
    [
        pytest.param(HEADER + NOV + FEB + SEP, HEADER + NOV + SEP + FEB, 1, id="one-row"),
        pytest.param(
            HEADER + NOMONTH + NOV + ICLR + SEP,
            HEADER + NOV + SEP + ICLR + NOMONTH,
            2,
            id="usual-month-and-unknown-last",
        ),
        pytest.param(
            HEADER + OLD + NOV + FEB + SEP,
            HEADER + NOV + SEP + FEB + OLD,
            2,
            id="year-first",
        ),
        pytest.param(
            (HEADER + NOV + FEB + SEP).replace("\n", "\r\n"),
            (HEADER + NOV + SEP + FEB).replace("\n", "\r\n"),
            1,
            id="crlf",
        ),
        pytest.param(
            HEADER + NOV + FEB + SEP.rstrip("\n"),
            HEADER + NOV + SEP + FEB.rstrip("\n"),
            1,
            id="last-line-without-ending",
        ),
    ],
)
def test_unsorted_fix(text: str, expected: str, moves: int) -> None:
    (finding,) = lint(text, ["DD401"])
    assert f": {moves} row" in finding.message
    assert fixed(text, ["DD401"]) == expected


def test_unsorted_separator_groups_sort_separately() -> None:
    sep22, sep21 = "| **2022** | | |\n", "| **2021** | | |\n"
    dec = row("Old2", "O2", "arXiv, Dec., 2021")
    text = HEADER + sep22 + FEB + NOV + SEP + sep21 + OLD + dec
    expected = HEADER + sep22 + NOV + SEP + FEB + sep21 + dec + OLD
    assert fixed(text, ["DD401"]) == expected


def test_unsorted_configured_keys() -> None:
    by_title = Config.model_validate({"sort": ["title"]})
    text = HEADER + NOV + FEB + SEP
    (finding,) = lint(text, ["DD401"], by_title)
    assert "sorted by title" in finding.message
    assert fixed(text, ["DD401"], config=by_title) == HEADER + FEB + NOV + SEP
    numbered = "| No. | Author | Title | Venue |\n|---|---|---|---|\n" + "".join(
        "| 1 " + r for r in (OLD, NOV, FEB)
    )
    assert lint(numbered, ["DD401"], Config.model_validate({"sort": ["-year"]}))
    assert lint(HEADER + FEB + NOV, ["DD401"], Config.model_validate({"sort": False})) == []


def test_unsorted_keeps_each_lines_bytes_and_container_prefix() -> None:
    text = "- Topic\n\n  " + HEADER.replace("\n", "\n  ") + NOV + "  " + FEB + "  " + SEP
    out = fixed(text, ["DD401"])
    assert out == "- Topic\n\n  " + HEADER.replace("\n", "\n  ") + NOV + "  " + SEP + "  " + FEB
