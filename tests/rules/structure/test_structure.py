"""Fast path of ddlint.rules.structure._structure gives what the slow path gives (issue:
Performance).

A row whose cells are all closed (``_closed``: nothing in the cell opens a code span, link
or tag, or each ``[`` opens a plain link closed in it) holds no pipe inside a construct, so
``row_text_pipes`` skips the pipe scan for it: on such rows ``text_pipes``, the scan, must
find nothing.
"""

from __future__ import annotations

from cellgen import link_cells
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.gfm.cells import split_cells
from ddlint.rules.structure import _structure

CELL_TEXT = st.one_of(
    link_cells(),
    st.text(st.sampled_from(list("ab ()]*_:,")), max_size=12),
    st.text(st.sampled_from(list("ab[]()`<>\\| ")), max_size=12),
)


@settings(max_examples=500)
@given(st.lists(CELL_TEXT, min_size=1, max_size=5))
def test_closed_cells_skip_the_pipe_scan(cells: list[str]) -> None:
    row = "| " + " | ".join(cells) + " |"
    found = split_cells(row, 0, len(row)) or []
    if all(_structure._closed(row[a:b]) for a, b in found):
        assert _structure.text_pipes(row) == []
