"""DD107 heading-without-space: `#####2019` is text on GitHub, not a heading."""

from __future__ import annotations

import re

import pytest
from gfm_oracle import render
from helpers import HEADER, ROW, ROW_A, at, lint

_HEADING_LINES = re.compile(r'<h[1-6] data-sourcepos="(\d+):')


def headings_on_github(text: str) -> list[int]:
    """The source lines cmark-gfm renders as headings."""
    return [int(line) for line in _HEADING_LINES.findall(render(text))]


YEAR_SECTIONS = "## 2022\n\n" + HEADER + ROW + "\n#####2021\n\n" + HEADER + ROW


def test_heading_without_space_is_text_on_github() -> None:
    [finding] = lint(YEAR_SECTIONS, ["DD107"])
    assert (finding.line, at(YEAR_SECTIONS, finding)) == (7, "#####2021")
    assert "write `##### 2021`" in finding.message and finding.fix is None
    assert headings_on_github(YEAR_SECTIONS) == [1]
    assert headings_on_github(YEAR_SECTIONS.replace("#####2021", "##### 2021")) == [1, 7]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        pytest.param("##Vision\n\nSome text.\n", [1], id="two-marks-before-text"),
        pytest.param("Intro text\n###Graphs\n", [2], id="inside-a-paragraph"),
        pytest.param("   ####2020\n", [1], id="indented-three-spaces"),
        pytest.param("#2019\n", [1], id="one-mark-and-a-year"),
        pytest.param("#Vision\n\n" + HEADER + ROW, [1], id="one-mark-above-a-table"),
    ],
)
def test_reported(text: str, lines: list[int]) -> None:
    assert [f.line for f in lint(text, ["DD107"])] == lines
    assert headings_on_github(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("## 2022\n\n##### Vision #####\n", id="real-headings"),
        pytest.param("#hashtag in a line of prose\n", id="one-mark-hashtag"),
        pytest.param("#123 is the issue that tracks it\n", id="one-mark-issue-number"),
        pytest.param("```\n##not-a-heading\n```\n", id="code-fence"),
        pytest.param("<div>\n##not-a-heading\n</div>\n", id="html-block"),
        pytest.param("\\##escaped\n", id="escaped-mark"),
        pytest.param("####### seven marks\n", id="seven-marks-is-text-anyway"),
        pytest.param("- ##item\n", id="list-item"),
    ],
)
def test_noop(text: str) -> None:
    assert lint(text, ["DD107"]) == []


def test_wrong_section_leaves_the_missing_heading_to_dd107() -> None:
    text = "## 2022\n\n" + HEADER + ROW_A + "\n##2021\n\n" + HEADER + ROW_A.replace("2022", "2021")
    assert [(f.code, f.line) for f in lint(text, ["DD107", "DD205"])] == [("DD107", 7)]
    # Without the broken heading line, the row is plainly in the wrong section.
    plain = text.replace("\n##2021\n", "\nText.\n")
    assert [(f.code, f.line) for f in lint(plain, ["DD107", "DD205"])] == [("DD205", 11)]
