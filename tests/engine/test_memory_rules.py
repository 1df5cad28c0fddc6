"""What the rules hold per table while they check a list of distinct rows, counted
(never timed): issue #18 asks a million one-row tables to be checked in under 2 GB
(``benchmarks.growth --million-tables --distinct``, outside CI). The document and its
records are what a check must keep; the rules, which run last, add to that peak. Here
the Python heap the rules allocate above the records is counted with tracemalloc at two
sizes, and its growth per table must stay in the bound: a rule that gathers every
table's rows, or every row's texts, at once shows here first."""

from __future__ import annotations

import gc
import sys
import tracemalloc

import pytest

from ddlint.engine.linter import lint_parsed, paused_gc
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records

# The bounds are bytes as CPython 3.11 and 3.12 lay objects out (the CI's Python is
# 3.11); other versions size instance dicts and slots differently.
pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in ((3, 11), (3, 12)), reason="bounds measured on 3.11 and 3.12"
)

# Bytes per distinct one-row table the rules add at their peak, above the document and
# the records: 7 to 60 when this test was written (the links of the paper rows, kept
# for the DD3xx rules; a rule's transients), 180 to 330 before: DD401's map of every
# table's rows, DD206's list of every row's texts, the table dates' entry for every
# table (DD209), the map of every row by line (DD306).
_RULES_PEAK_PER_TABLE = 100
# Sizes above the 4,096 texts a year is read from memoised (``extract_year``): that
# memo is bounded, and below it every new text would count as growth per table.
_SMALL, _LARGE = 5_000, 12_000


def _distinct(tables: int) -> str:
    return "".join(f"| Author | Title |\n|---|---|\n| A{n} | T |\n\n" for n in range(tables))


def _rules_peak(tables: int) -> int:
    """The peak of the rules over ``tables`` tables of distinct rows, above the records."""
    text = _distinct(tables)
    gc.collect()
    with paused_gc():
        document = parse_document(text)
        records = extract_records(document)
        tracemalloc.start()
        try:
            lint_parsed(document, records)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()


def test_the_rules_hold_a_bounded_number_of_bytes_per_table_of_distinct_rows() -> None:
    per_table = (_rules_peak(_LARGE) - _rules_peak(_SMALL)) / (_LARGE - _SMALL)
    assert per_table < _RULES_PEAK_PER_TABLE, f"{per_table:.0f} bytes a table"
