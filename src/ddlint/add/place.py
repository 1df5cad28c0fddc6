"""Where a new row goes in its table: at its place in the table's order.

The order is the configured ``sort``, else the table's own clear order as DD401 reads
it (newest or oldest first, by year and month, or by arXiv id); a table without one
gets the new row at its top. The row goes where it breaks the order least; among
equal places, where the newest row of its date would be (the first of them, newest
first; the last, oldest first). Rows that are no paper (a template row at the end, a
separator) are never passed over at the table's end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ddlint.gfm.document import Row
from ddlint.records.model import PaperTable, Records, RowRecord
from ddlint.records.sort import Date, sort_keys
from ddlint.rules.format.dd401_unsorted_rows import SortOrder, table_order


def table_rows(records: Records, table: PaperTable) -> list[RowRecord]:
    index = table.table.index
    return [r for r in records.rows if r.table.table.index == index]


def top_offset(table: PaperTable) -> int:
    """The offset where a row goes to stand first in ``table``."""
    rows = table.table.rows
    return rows[0].source.start if rows else _after(table.table.delimiter)


def _after(row: Row) -> int:
    return row.source.end + len(row.source.newline)


def slot(existing: Sequence[RowRecord], new: RowRecord, sort: SortOrder) -> tuple[int, bool]:
    """Where the new row goes: before (False) or after (True) the row at this index of
    ``existing``, the table's rows in order (read with ``new`` among them)."""
    papers = [r for r in existing if r.kind == "paper"]
    if not papers or sort is False:
        return 0, False
    precedes, newest_first = _comparison(list(existing), new, sort)
    if precedes is None:
        return existing.index(papers[0]), False
    best = _least_broken([precedes(new, r) for r in papers], [precedes(r, new) for r in papers])
    place = best[0] if newest_first else best[-1]
    if place == len(papers):
        return existing.index(papers[-1]), True
    return existing.index(papers[place]), False


def offset(rows: Sequence[Row], at: tuple[int, bool]) -> int:
    """The offset of a place ``slot`` gave, among the rows of the table as read; when a
    block (a comment) stands right before that row, the end of the row before the block
    instead, so the new row joins the run of rows GitHub renders with it."""
    index, after = at
    if after:
        return _after(rows[index])
    row = rows[index]
    if index > 0 and rows[index - 1].line != row.line - 1:
        return _after(rows[index - 1])
    return row.source.start


def _least_broken(new_first: list[bool], new_after: list[bool]) -> list[int]:
    """The places (0..n) where the fewest rows are on the wrong side of the new one."""
    count = len(new_first)
    broken = [sum(new_after)]  # place 0: every row that should precede comes after
    for place in range(1, count + 1):
        k = place - 1  # row k moves before the new row
        broken.append(broken[-1] - new_after[k] + new_first[k])
    least = min(broken)
    return [place for place, value in enumerate(broken) if value == least]


Compare = Callable[[RowRecord, RowRecord], bool]


def _comparison(
    existing: list[RowRecord], new: RowRecord, sort: SortOrder
) -> tuple[Compare | None, bool]:
    """``precedes(a, b)``: row ``a`` goes before ``b``; and whether the order is newest
    (or largest) first."""
    if isinstance(sort, list) and sort:
        every = [*existing, new]
        keys = dict(zip(map(id, every), sort_keys(every, sort)))
        return (lambda a, b: bool(keys[id(a)] < keys[id(b)])), sort[0].startswith("-")
    read = table_order(existing)
    if read is None:
        return None, True
    # Months order the new row among the rows that write one even where they do not
    # order the table (too few of them): that breaks no year order, and reads as a person
    # would place it.
    newest_first, _, date_of = read
    dates: dict[int, Date] = {id(r): date_of(r) for r in [*existing, new]}

    def precedes(a: RowRecord, b: RowRecord) -> bool:
        (year_a, month_a), (year_b, month_b) = dates[id(a)], dates[id(b)]
        if year_a is None or year_b is None:
            return False
        if year_a != year_b:
            return (year_a > year_b) == newest_first
        if month_a is not None and month_b is not None and month_a != month_b:
            return (month_a > month_b) == newest_first
        return False

    return precedes, newest_first
