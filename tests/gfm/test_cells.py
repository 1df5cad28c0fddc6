"""Fast path of ddlint.gfm.cells gives exactly what the slow path gives (issue: Performance).

``split_cells`` cuts a row without ``\\|`` with ``str.split``; it must equal
``split_cells_scanning``, the pipe-by-pipe scan, on every line and stretch of it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.gfm.cells import split_cells, split_cells_scanning


@settings(max_examples=1000)
@given(st.text(st.sampled_from(list("|| \t\\ab")), max_size=24), st.data())
def test_split_cells_equals_the_scan(line: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(line)))
    end = data.draw(st.integers(start, len(line)))
    assert split_cells(line, start, end) == split_cells_scanning(line, start, end)
