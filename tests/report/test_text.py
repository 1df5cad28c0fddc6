"""Fast path of ddlint.report.text gives exactly what the slow path gives (issue: Performance).

An excerpt of a plain ASCII line is cut by slicing (``_render_narrow``); it must equal the
per-character path that measures display width (``_render_any``), wherever the columns fall,
before, inside or past the line and the excerpt width.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
