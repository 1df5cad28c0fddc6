"""What a check holds per table, counted (never timed): issue #18 asks a million one-row
tables (41 MB) to be checked in under 2 GB, which ``benchmarks.growth --million-tables``
measures outside CI. Here the Python heap a check allocates is counted with tracemalloc
at two sizes, and the difference per table must stay in the bound: a change that puts
an object back on every line, row or cell shows here first."""

from __future__ import annotations

import gc
import sys
import tracemalloc
from collections.abc import Callable

import pytest

from ddlint.engine.linter import lint
from ddlint.gfm.parse import parse_document

# The bounds are bytes as CPython 3.11 and 3.12 lay objects out (the CI's Python is
# 3.11); other versions size instance dicts and slots differently.
pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in ((3, 11), (3, 12)), reason="bounds measured on 3.11 and 3.12"
)

_TABLE = "| Author | Title |\n|---|---|\n| A | T |\n\n"
# Bytes per one-row table at the peak of a check (parse, records, rules): 1,650 to 1,830
# (by the sizes: containers grow in steps) when this test was written, 4,561 before the
# document model kept its offsets in arrays. 2 GB for a million tables is 2,000 each,
# and the process and the text take some of it.
_PEAK_PER_TABLE = 2_000
# What stays of one table once it is parsed: the table, its three rows, its section.
_PARSED_PER_TABLE = 800
_OBJECTS_PER_TABLE = 8  # objects the collector tracks: the table, rows, tuples
# The same with a distinct body row in every table (`benchmarks.growth --distinct`): no
# row shares its cells with another but the header's and the delimiter's. The parse's
# peak was 1,810 and what it kept 930 bytes a table when these were written (1,010
# and 770 since: its table leaves keep their rows alone, lines are sliced from the
# text when read, rows and tables keep fewer slots).
_DISTINCT_PARSE_PEAK_PER_TABLE = 1_350
_DISTINCT_PARSED_PER_TABLE = 820


def _per_table(measure: Callable[[int], int], small: int = 300, large: int = 1_500) -> float:
    return (measure(large) - measure(small)) / (large - small)


def _distinct(tables: int) -> str:
    return "".join(f"| Author | Title |\n|---|---|\n| A{n} | T |\n\n" for n in range(tables))


def _parse_of_distinct_rows(tables: int) -> tuple[int, int]:
    """What parsing ``tables`` tables of distinct rows kept, and its peak."""
    text = _distinct(tables)
    gc.collect()
    tracemalloc.start()
    try:
        document = parse_document(text)
        kept, peak = tracemalloc.get_traced_memory()
        del document
        return kept, peak
    finally:
        tracemalloc.stop()


def _peak(tables: int) -> int:
    text = _TABLE * tables
    gc.collect()
    tracemalloc.start()
    try:
        lint(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _kept_by_parse(tables: int) -> int:
    text = _TABLE * tables
    gc.collect()
    tracemalloc.start()
    try:
        document = parse_document(text)
        kept = tracemalloc.get_traced_memory()[0]
        del document
        return kept
    finally:
        tracemalloc.stop()


def _objects_after_parse(tables: int) -> int:
    text = _TABLE * tables
    gc.collect()
    before = len(gc.get_objects())
    document = parse_document(text)
    count = len(gc.get_objects()) - before
    del document
    return count


def test_a_check_peaks_at_a_bounded_number_of_bytes_per_table() -> None:
    assert _per_table(_peak) < _PEAK_PER_TABLE


def test_a_parsed_table_keeps_few_bytes_and_objects() -> None:
    assert _per_table(_kept_by_parse) < _PARSED_PER_TABLE
    assert _per_table(_objects_after_parse) <= _OBJECTS_PER_TABLE


def test_a_table_of_a_distinct_row_is_parsed_in_a_bounded_number_of_bytes() -> None:
    # Larger sizes than above: the dicts of the distinct rows grow in steps.
    small, large = 1_000, 5_000
    kept_small, peak_small = _parse_of_distinct_rows(small)
    kept_large, peak_large = _parse_of_distinct_rows(large)
    assert (peak_large - peak_small) / (large - small) < _DISTINCT_PARSE_PEAK_PER_TABLE
    assert (kept_large - kept_small) / (large - small) < _DISTINCT_PARSED_PER_TABLE
