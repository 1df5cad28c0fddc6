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


def test_fingerprints_made_through_the_memo_equal_the_plain_ones() -> None:
    from ddlint.gfm.parse import parse_document
    from ddlint.rules.base import fingerprint
    from ddlint.text.spans import Span

    text = "| A | [x](u) [x](u) <http://a <http://a |\n|---|\nrow two\n"
    document = parse_document(text)
    memo: dict[tuple[str, int, int, int], object] = {}
    spans = [Span(0, 5), Span(6, 12), Span(0, 5), Span(6, 41), Span(46, 53), Span(6, 12)]
    for code in ("DD302", "DD307"):
        for span in spans:
            line = text.count("\n", 0, span.start) + 1
            plain = fingerprint(document, code, line, span)
            assert fingerprint(document, code, line, span, memo) == plain
