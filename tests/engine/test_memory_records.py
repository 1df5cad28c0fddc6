"""What the records of a check keep per table when no two rows are alike, counted (never
timed): the million one-row tables of issue #18 with a distinct body row each
(``benchmarks.growth --million-tables --distinct``). Rows that repeat share their cells
and parses; distinct ones cannot, so what each row's records hold shows here: the
``Paper`` and its ``Origin`` (pydantic models), the lists and dict each paper has of its
own, the row's record and its cells' parses."""

from __future__ import annotations

import gc
import tracemalloc

from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records

# Bytes the records keep per distinct one-row table, as counted here (the memo of cell
# parses grows in steps): 911 when this test was written, 1,054 while an Origin (and
# every record of under nine fields) kept a dict of its own.
_RECORDS_PER_TABLE = 960


def _table(number: int) -> str:
    return f"| Author | Title |\n|---|---|\n| A{number} | T |\n\n"


def _kept_by_records(tables: int) -> int:
    document = parse_document("".join(_table(number) for number in range(tables)))
    gc.collect()
    tracemalloc.start()
    try:
        records = extract_records(document)
        kept = tracemalloc.get_traced_memory()[0]
        del records
        return kept
    finally:
        tracemalloc.stop()


def test_the_records_of_distinct_rows_keep_a_bounded_number_of_bytes_per_table() -> None:
    small, large = 1_000, 5_000
    per_table = (_kept_by_records(large) - _kept_by_records(small)) / (large - small)
    assert per_table < _RECORDS_PER_TABLE
