"""``table_records``: each table with its rows, gathered as they come when records come
table by table (as extraction makes them), and by table when they come in any other
order; both ways give the same tables and rows."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.model import RowRecord
from ddlint.rules.base import RuleContext
from ddlint.rules.format._table_rows import table_records

HEADER = "| Author | Title | Venue |\n|---|---|---|\n"


def _row(number: int) -> str:
    return f"| A{number} | [T{number}](https://arxiv.org/abs/2201.{number:05}) | ICML 2022 |\n"


# Tables of several rows, a table of none, a row stranded below its table (a stray
# row, shown as text: a record of a table apart), and tables in a quote.
TEXT = (
    "# 2022\n\n"
    + HEADER
    + _row(1)
    + _row(2)
    + "\n"
    + _row(3)
    + "\n## Empty\n\n"
    + HEADER
    + "\n## Quoted\n\n"
    + "".join("> " + line for line in (HEADER + _row(4) + _row(5)).splitlines(keepends=True))
    + "\n"
    + HEADER
    + _row(6)
)


def _context(rows_order: str) -> RuleContext:
    document = parse_document(TEXT)
    records = extract_records(document)
    rows = list(records.rows)
    if rows_order == "reversed":
        rows.reverse()
    elif rows_order == "shuffled":
        random.Random(7).shuffle(rows)
    records = dataclasses.replace(records, rows=tuple(rows))
    return RuleContext(document=document, records=records)


def _by_table_in_file_order(ctx: RuleContext) -> list[tuple[int, list[int]]]:
    return [
        (table.table.index, sorted(record.row.line for record in rows))
        for table, rows in table_records(ctx)
    ]


@pytest.mark.parametrize("rows_order", ["reversed", "shuffled"])
def test_rows_in_any_order_give_each_table_the_same_rows(rows_order: str) -> None:
    as_extracted = _by_table_in_file_order(_context("as extracted"))
    assert _by_table_in_file_order(_context(rows_order)) == as_extracted
    assert [index for index, _ in as_extracted] == list(range(len(as_extracted)))
    assert [] in [rows for _, rows in as_extracted]  # the table without rows is given too
    assert sum(len(rows) for _, rows in as_extracted) >= 5


# -- the rules that gather rows by table, on records in orders extraction never makes ------

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ORDERED_RULES = ["DD205", "DD206", "DD209", "DD306", "DD308", "DD401"]


def _findings(text: str, order: str) -> list[tuple[object, ...]]:
    from ddlint.engine.linter import lint_parsed

    document = parse_document(text)
    records = extract_records(document)
    # Each table's rows keep their order (DD401 judges it); the tables' groups move.
    groups: dict[int, list[RowRecord]] = {}
    for record in records.rows:
        groups.setdefault(record.table.table.index, []).append(record)
    moved, tables = list(groups.values()), records.tables
    if order == "tables' rows reversed":
        moved.reverse()
    elif order == "tables' rows shuffled":
        random.Random(3).shuffle(moved)
    elif order == "tables reversed":  # no longer the document's tables in order
        tables = tuple(reversed(tables))
    rows = tuple(record for group in moved for record in group)
    records = dataclasses.replace(records, rows=rows, tables=tables)
    found = lint_parsed(document, records, codes=ORDERED_RULES).findings
    return sorted((f.code, f.line, f.column, f.message, repr(f.fix)) for f in found)


@pytest.mark.parametrize(
    "name",
    [
        "dataset-distillation-papers.md",  # DD205, DD206, DD306
        "fix/format-and-order.md",  # DD401
        "lists/header-aliases.md",  # DD209
        "rules/broken-fragment.md",  # DD306, DD308
    ],
)
@pytest.mark.parametrize(
    "order", ["tables' rows reversed", "tables' rows shuffled", "tables reversed"]
)
def test_rules_find_the_same_whatever_order_the_records_come_in(name: str, order: str) -> None:
    """DD401, the table dates (DD205, DD209), DD206 and the links by line (DD306, DD308)
    read rows table by table when records come as extraction makes them, and gather them
    otherwise: the findings are the same either way."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    as_extracted = _findings(text, "as extracted")
    assert as_extracted  # the fixture gives these rules something to find
    assert _findings(text, order) == as_extracted
