"""What the records of a check keep per table when no two rows are alike, counted (never
timed): the million one-row tables of issue #18 with a distinct body row each
(``benchmarks.growth --million-tables --distinct``). Rows that repeat share their cells
and parses; distinct ones cannot, so what each row's records hold shows here: the
``Paper`` and its ``Origin`` (pydantic models), the lists and dict each paper has of its
own, the row's record and its cells' parses."""

from __future__ import annotations

import gc
import subprocess
import sys
import tracemalloc

import pytest

from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records

# The bounds are bytes as CPython 3.11 and 3.12 lay objects out (the CI's Python is
# 3.11); other versions size instance dicts and slots differently.
pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in ((3, 11), (3, 12)), reason="bounds measured on 3.11 and 3.12"
)

# Bytes the records keep per distinct one-row table, as counted here (the memo of cell
# parses grows in steps): 881 when this test was written, 1,054 while an Origin (and
# every record of under nine fields) kept a dict of its own.
_RECORDS_PER_TABLE = 930


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


_VALIDATED_FIRST = """
import tracemalloc
from ddlint.records.model import Origin
for line in range(1, 101):  # validated records, before any record is built
    Origin.model_validate({"line": line, "column": 1, "rendered": True})
from ddlint.records.build import construct_origin
tracemalloc.start()
kept = [construct_origin(1, 1, True) for _ in range(2_000)]
print(tracemalloc.get_traced_memory()[0] / len(kept))
"""


def test_records_validated_first_leave_the_records_built_after_them_compact() -> None:
    # A process of its own: in this one, other tests have built records already.
    done = subprocess.run(
        [sys.executable, "-c", _VALIDATED_FIRST], capture_output=True, text=True, check=True
    )
    # An Origin and the array of its values, and its place in the list: 128 bytes;
    # 358 with the dict of its own every Origin got once the class's key table was
    # left without room.
    assert float(done.stdout) < 160
