"""Each table of a document with its rows, for the rules that judge a table's rows together."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from ddlint.records.model import PaperTable, RowRecord
from ddlint.rules.base import RuleContext


def table_records(ctx: RuleContext) -> Iterator[tuple[PaperTable, list[RowRecord]]]:
    """Each table of the document with its rows (none for a table without records).

    Records come table by table, in the tables' order (extraction builds them so, with
    the rows of text blocks, tables of no index, in between): then each table's rows
    are gathered as they come, and a list of a million tables never holds every table's
    rows at once. Rows in any other order are gathered by table first."""
    tables, rows = ctx.records.tables, ctx.records.rows
    if not _increasing(t.table.index for t in tables) or not _increasing(
        index for index, _ in groupby(rows, key=_table_index) if index >= 0
    ):
        by_table: dict[int, list[RowRecord]] = {}
        for record in rows:
            by_table.setdefault(record.table.table.index, []).append(record)
        for paper_table in tables:
            yield paper_table, by_table.get(paper_table.table.index, [])
        return
    groups = ((index, group) for index, group in groupby(rows, key=_table_index) if index >= 0)
    pending = next(groups, None)
    for paper_table in tables:
        index = paper_table.table.index
        while pending is not None and pending[0] < index:
            pending = next(groups, None)  # never reached by the tables: no table to sort
        if pending is not None and pending[0] == index:
            yield paper_table, list(pending[1])
            pending = next(groups, None)
        else:
            yield paper_table, []


def _table_index(record: RowRecord) -> int:
    return record.table.table.index


def _increasing(indices: Iterable[int]) -> bool:
    """The indices are of the document's tables (never below 0), each once, in order."""
    last = -1
    for index in indices:
        if index <= last:
            return False
        last = index
    return True
