"""ddlint.rules.base: what a rule reads off ``RuleContext``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.rules import RuleContext
from ddlint.text.spans import LineIndex


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a |", "\r", "\n", "\r\n", "|-|"]), max_size=30).map("".join))
def test_context_positions_equal_line_index(text: str) -> None:
    """The document's index, read off its parsed lines, equals one scanned from the text."""
    document = parse_document(text)
    ctx = RuleContext(document, extract_records(document))
    scanned = LineIndex(text)
    assert document.line_index.line_count == scanned.line_count
    for offset in range(len(text) + 1):
        assert ctx.position(offset) == scanned.position(offset)
