"""Fast path of ddlint.report.text gives exactly what the slow path gives (issue: Performance).

An excerpt of a plain ASCII line is cut by slicing (``_render_narrow``); it must equal the
per-character path that measures display width (``_render_any``), wherever the columns fall,
before, inside or past the line and the excerpt width.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wcwidth import wcswidth

from ddlint.report import text as report_text
from ddlint.report.text import MAX_EXCERPT_WIDTH


@settings(max_examples=500)
@given(
    st.text(st.sampled_from(list("ab |~")), max_size=MAX_EXCERPT_WIDTH + 40),
    st.integers(-2, MAX_EXCERPT_WIDTH + 45),
    st.integers(-2, MAX_EXCERPT_WIDTH + 45),
)
def test_narrow_excerpt_equals_the_general_one(line: str, column: int, end: int) -> None:
    assert report_text._render_narrow(line, column, end) == report_text._render_any(
        line, column, end
    )


# Characters of one or two cells, no tab or zero-width one: on such lines the part
# around the finding shows what the whole line shows.
_WIDE_OR_NARROW = st.sampled_from(list("ab |é漢字😀"))


@settings(max_examples=300)
@given(
    st.text(_WIDE_OR_NARROW, min_size=700, max_size=3000),
    st.integers(-2, 3005),
    st.integers(0, 400),
)
def test_a_long_lines_excerpt_is_measured_around_the_finding_only(
    line: str, column: int, length: int
) -> None:
    end = column + length
    assert report_text._render_window(line, column, end) == report_text._render_any(
        line, column, end
    )


def test_the_report_measures_what_it_prints_not_the_whole_line() -> None:
    """Counted, not timed: the characters measured for a finding on a row of 100 000
    characters are bounded by the excerpt's window, not the row."""
    measured = 0
    original = report_text._cell_widths

    def counting(shown: str) -> list[int]:
        nonlocal measured
        measured += len(shown)
        return original(shown)

    line = "| é |" * 20_000
    report_text._cell_widths = counting
    try:
        excerpt, _ = report_text.render_excerpt(line, 99_000, 99_004)
    finally:
        report_text._cell_widths = original
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert measured <= 4 * report_text._WINDOW


FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji of five code points


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(FAMILY, id="zwj-emoji"),
        pytest.param("\U0001f1ef\U0001f1f5", id="flag"),
        pytest.param("\u2764\ufe0f", id="emoji-presentation"),
        pytest.param("e\u0301", id="combining-accent"),
        pytest.param("数据", id="cjk"),
        pytest.param("a\u00ad", id="soft-hyphen"),
    ],
)
def test_carets_stand_under_the_finding_after_any_cluster(before: str) -> None:
    """The carets are as far in as wcwidth measures the text before the finding: a ZWJ
    emoji is two columns, not the six its three people would take alone."""
    line = f"| {before} Title | CVPR |"
    column = line.index("CVPR") + 1
    excerpt, carets = report_text.render_excerpt(line, column, column + 4)
    assert excerpt == line
    assert carets == " " * wcswidth(line[: column - 1]) + "^^^^"
