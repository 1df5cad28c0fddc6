"""DD401 unsorted-rows: a paper out of its table's own date order.

## What it does
Reads each table's own order from the dates its rows write, and reports the table
when rows break it. A row's date is its Date column (`2023.11`, `2023-11-02`,
`202311`, `Nov, 2023`) or a Year column that writes the month (`2023.10`), else its
year (Year column, venue or section) with the month its venue writes (`arXiv, Nov.,
2022`, or a date written as the venue, `Nov, 2023`). Months are used only where they
are written: never guessed from a conference's name. The table's direction, newest
first or oldest first, is the one at least 80 % of its neighbouring rows of
different dates agree on; months order the rows of a year only when at least 5 rows
write one and their neighbours agree on it too. Two other readings are tried, and
the one most rows already follow wins: a published paper dated by its preprint (a
row whose only date is a venue's year, with an arXiv link, dated by its arXiv id, as
many lists place papers), and the arXiv ids alone (`2306.14048`: June 2023). A table
with fewer than 5 dated rows, or with no clear direction, is not reported. Rows
without a date, separator rows (`| **2021** | | |`) and template rows stay where
they are; papers are ordered within each separator group. Tables with a numbering
column (`No.`, `#`) are left alone unless `sort` is configured, and tables with rows
GitHub shows as text (DD101, DD102) or rows with the wrong number of cells (DD103)
are checked once those are fixed.

## Why is this bad?
A paper dropped out of the order the rest of the table keeps is easy to miss, and
the next contributor cannot tell where to add theirs.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2211.00001) | arXiv, Nov., 2022 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2202.00003) | arXiv, Feb., 2022 |
| Grace Hopper et al | [**Compilers**](https://arxiv.org/abs/2209.00004) | arXiv, Sep., 2022 |
| Kurt Goedel et al | [**Proofs**](https://arxiv.org/abs/2208.00005) | arXiv, Aug., 2022 |
| Emmy Noether et al | [**Rings**](https://arxiv.org/abs/2207.00006) | arXiv, Jul., 2022 |
| John Neumann et al | [**Games**](https://arxiv.org/abs/2205.00007) | arXiv, May, 2022 |
| Barbara Liskov et al | [**Types**](https://arxiv.org/abs/2204.00008) | arXiv, Apr., 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2211.00001) | arXiv, Nov., 2022 |
| Grace Hopper et al | [**Compilers**](https://arxiv.org/abs/2209.00004) | arXiv, Sep., 2022 |
| Kurt Goedel et al | [**Proofs**](https://arxiv.org/abs/2208.00005) | arXiv, Aug., 2022 |
| Emmy Noether et al | [**Rings**](https://arxiv.org/abs/2207.00006) | arXiv, Jul., 2022 |
| John Neumann et al | [**Games**](https://arxiv.org/abs/2205.00007) | arXiv, May, 2022 |
| Barbara Liskov et al | [**Types**](https://arxiv.org/abs/2204.00008) | arXiv, Apr., 2022 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2202.00003) | arXiv, Feb., 2022 |
```

## Fix safety
Safe: the rows are put in the table's own direction, by the dates it was read by;
whole lines move, each keeping its bytes; line endings stay in place, and no row
leaves its table or separator group, so no record value changes. Rows that compare
equal, and rows without a date, keep their places. With `--unsafe-fixes`, the
sort waits until the unsafe fixes inside the table's rows are made (a venue filled
in gives a row its date): the rows are ordered by their final dates.

## Options
`sort`: `false` turns the rule off; a list of keys (`year`, `month`, `venue`,
`title`, `authors`, `type`, `task`, each with `-` for descending) sets the order,
for example `sort = ["-year", "venue", "title"]`, holds every table of two rows or
more to it (rows missing a key's value go last), and also applies to numbered
tables. Unset (the default): each table's own clear order, as above.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from ddlint.records.model import PaperTable, RowRecord
from ddlint.records.sort import (
    Date,
    arxiv_date,
    check_sort_keys,
    preprint_date,
    sort_keys,
    written_date,
)
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.format._format import CLEAR_PERCENT, CLEAR_ROWS, is_clear
from ddlint.rules.format._table_rows import table_records
from ddlint.rules.options import Option
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span

# None: each table's own clear order; False: never sort; else keys such as
# ["-year", "venue", "title"].
SortOrder = list[str] | Literal[False] | None


def _known_sort_keys(value: SortOrder) -> None:
    if isinstance(value, list):
        check_sort_keys(value)


SORT: Option[SortOrder] = Option(
    "sort",
    SortOrder,
    None,
    "the order of the rows, or false for none; unset, each table's own clear order",
    expected="false, or a list of keys such as ['-year', 'venue', 'title']",
    check=_known_sort_keys,
)


@dataclass(frozen=True)
class _Order:
    """A table's clear order: the dates it follows, its direction, and how clearly."""

    dates: dict[int, Date]  # position -> date, for the rows the order reads
    newest_first: bool
    months: bool  # months order the rows of a year too
    source: str  # "written", "preprint" or "arXiv" (``_SOURCES``)
    agreeing: int  # neighbouring pairs in the direction
    pairs: int  # neighbouring pairs of different dates


class UnsortedRows(Rule):
    __doc__ = __doc__
    code = "DD401"
    name = "unsorted-rows"
    scope = "table"
    fixable = "always"
    reorders_rows = True
    options = (SORT,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        configured = ctx.settings[SORT]
        if configured is False:
            return
        for paper_table, records in table_records(ctx):
            if not _sortable(paper_table, records, configured is not None):
                continue
            if configured:
                order = _sorted_order(records, configured)
                reason = f"sorted by {', '.join(configured)}"
            else:
                read = _table_order(records)
                if read is None:
                    continue  # no clear order of its own: nothing to hold the rows to
                found, order = read
                reason = (
                    f"in this table's order ({_describe(found)}, as {found.agreeing} of "
                    f"{found.pairs} neighbouring rows of different dates are)"
                )
            if order == sorted(order):
                continue
            staying = _staying(order)
            moving = len(order) - len(staying)
            first = records[next(p for p in range(len(order)) if p not in staying)]
            cell = first.cell("date") or first.cell("venue") or first.cell("year")
            yield ctx.finding(
                self,
                cell.span if cell is not None else first.row.span,
                f"Rows are not {reason}: {moving} "
                f"{'row moves' if moving == 1 else 'rows move'}; run --fix",
                fix=safe_fix("sort the rows", _sort_edit(ctx, records, order)),
            )


def _sortable(paper_table: PaperTable, records: list[RowRecord], configured: bool) -> bool:
    table = paper_table.table
    if not paper_table.is_paper or table.stray or table.interruptions or len(records) < 2:
        return False
    if len(records) != len(table.body):
        return False
    if any(len(row.cells) != table.columns for row in table.body):
        return False  # cells may be shifted (DD103): the dates read may not be the dates
    return configured or paper_table.columns.column_of("number") is None


def _groups(records: list[RowRecord]) -> list[list[int]]:
    """Positions of the papers between separator rows (template rows stay put)."""
    groups: list[list[int]] = [[]]
    for position, record in enumerate(records):
        if record.kind == "separator":
            groups.append([])
        elif record.kind == "paper":
            groups[-1].append(position)
    return [group for group in groups if len(group) > 1]


def _sorted_order(records: list[RowRecord], keys: Sequence[str]) -> list[int]:
    """``order[i]``: the position of the row that belongs at position ``i``."""
    order = list(range(len(records)))
    key = sort_keys(records, keys)
    for group in _groups(records):
        for slot, position in zip(group, sorted(group, key=key.__getitem__)):
            order[slot] = position
    return order


def _table_order(records: list[RowRecord]) -> tuple[_Order, list[int]] | None:
    """The table's own clear order, and the rows in it: read from the dates its rows
    write, from those with a preprint's date for a bare venue year, or from their arXiv
    ids, whichever the most rows already follow."""
    groups = _groups(records)
    best: tuple[float, float, _Order, list[int]] | None = None
    tried: list[dict[int, Date]] = []
    for source, date_of in _SOURCES:
        dates = {p: date_of(records[p]) for group in groups for p in group}
        dates = {p: date for p, date in dates.items() if date[0] is not None}
        if len(dates) < CLEAR_ROWS or dates in tried:
            continue  # too few dated rows to show an order, or a reading already tried
        tried.append(dates)
        found = _direction(groups, dates, source)
        if found is None:
            continue
        order = _ordered(records, found)
        moving = (len(order) - len(_staying(order))) / len(dates)
        if best is None or (moving, -found.agreeing / found.pairs) < best[:2]:
            best = (moving, -found.agreeing / found.pairs, found, order)
    return (best[2], best[3]) if best is not None else None


def table_order(records: list[RowRecord]) -> tuple[bool, bool, Callable[[RowRecord], Date]] | None:
    """The table's own clear order as this rule reads it: newest first or not, whether
    months order the rows of a year, and the date each row is ordered by; None when it
    has none. ``ddlint add`` places a new row by it."""
    read = _table_order(records)
    if read is None:
        return None
    found = read[0]
    return found.newest_first, found.months, dict(_SOURCES)[found.source]


_SOURCES: tuple[tuple[str, Callable[[RowRecord], Date]], ...] = (
    ("written", written_date),
    ("arXiv", arxiv_date),
    ("preprint", preprint_date),
)


def _direction(groups: list[list[int]], dates: dict[int, Date], source: str) -> _Order | None:
    """The direction at least 80 % of the neighbouring rows of different dates agree on,
    if any, and whether months order the rows of a year too: they do where at least 5
    rows write one and at least 80 % of those are in month order already (the rows a
    sort by month would leave in place); else the years alone must be that clear."""
    years: Counter[bool] = Counter()  # True: the pair is newest first
    months: Counter[bool] = Counter()
    for group in groups:
        for a, b in pairwise(p for p in group if p in dates):
            year_a, year_b = dates[a][0], dates[b][0]
            assert year_a is not None and year_b is not None
            if year_a != year_b:
                years[year_a > year_b] += 1
        # Months are compared between the neighbouring rows of a year that write one.
        for a, b in pairwise(p for p in group if p in dates and dates[p][1] is not None):
            (year_a, month_a), (year_b, month_b) = dates[a], dates[b]
            assert month_a is not None and month_b is not None
            if year_a == year_b and month_a != month_b:
                months[month_a > month_b] += 1
    both = years + months
    if both:  # by year and month, where the months are in order already
        newest_first = both[True] >= both[False]
        agreeing, pairs = both[newest_first], both.total()
        if agreeing * 100 >= pairs * CLEAR_PERCENT and (
            not months or _months_in_order_already(groups, dates, newest_first)
        ):
            return _Order(dates, newest_first, bool(months), source, agreeing, pairs)
    if years:  # by year alone
        newest_first = years[True] >= years[False]
        agreeing, pairs = years[newest_first], years.total()
        if agreeing * 100 >= pairs * CLEAR_PERCENT:
            return _Order(dates, newest_first, False, source, agreeing, pairs)
    return None  # neither direction is a clear convention


def _months_in_order_already(
    groups: list[list[int]], dates: dict[int, Date], newest_first: bool
) -> bool:
    """At least 5 rows write a month, and at least 80 % of them are in month order within
    their year already."""
    written = in_order = 0
    sign = -1 if newest_first else 1
    for group in groups:
        runs: dict[int | None, list[int]] = {}
        for position in group:
            if position in dates and dates[position][1] is not None:
                runs.setdefault(dates[position][0], []).append(position)
        for run in runs.values():
            written += len(run)
            in_order += len(_ordered_run([sign * (dates[p][1] or 0) for p in run]))
    return is_clear(in_order, written)


def _ordered(records: list[RowRecord], found: _Order) -> list[int]:
    """The rows in the table's order: the dated rows of each group sorted by year among
    their own places (rows without a date stay where they are), then, where months
    order the table, the fewest rows of each year moved so that the rows that write a
    month are in order (a row without one fits anywhere in its year). Rows of equal
    dates keep their order."""
    order = list(range(len(records)))
    dates, newest = found.dates, found.newest_first
    for group in _groups(records):
        slots = [p for p in group if p in dates]
        ranked = sorted(slots, key=lambda p: dates[p][0] or 0, reverse=newest)
        if found.months:
            runs: dict[int | None, list[int]] = {}
            for position in ranked:  # equal years are neighbours once sorted
                runs.setdefault(dates[position][0], []).append(position)
            ranked = [p for run in runs.values() for p in _months_in_order(run, dates, newest)]
        for slot, position in zip(slots, ranked):
            order[slot] = position
    return order


def _months_in_order(run: list[int], dates: dict[int, Date], newest: bool) -> list[int]:
    """One year's rows with the fewest moved: the longest run of rows whose months are
    already in order stays, and each other row that writes a month goes right before
    the first row of a later month (an earlier one, newest first)."""
    sign = -1 if newest else 1
    written = [p for p in run if dates[p][1] is not None]
    keys = [sign * (dates[p][1] or 0) for p in written]
    moving = {written[i] for i in range(len(written))} - {written[i] for i in _ordered_run(keys)}
    placed = [p for p in run if p not in moving]
    for position in (p for p in run if p in moving):
        key = sign * (dates[position][1] or 0)
        at = next(
            (
                i
                for i, q in enumerate(placed)
                if dates[q][1] is not None and sign * (dates[q][1] or 0) > key
            ),
            len(placed),
        )
        placed.insert(at, position)
    return placed


def _ordered_run(keys: list[int]) -> set[int]:
    """Indices of a longest non-decreasing run of ``keys`` (O(n log n))."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(keys)
    for index, key in enumerate(keys):
        k = bisect_right(tails, key)
        previous[index] = tail_at[k - 1] if k else -1
        tails[k : k + 1], tail_at[k : k + 1] = [key], [index]
    kept: set[int] = set()
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        kept.add(index)
        index = previous[index]
    return kept


def _staying(order: list[int]) -> set[int]:
    """Rows that can stay put (a longest increasing run of ``order``, O(n log n)); the
    others are the fewest rows a person would move."""
    tails: list[int] = []  # tails[k]: the smallest last value of a run of length k + 1
    tail_at: list[int] = []  # index in ``order`` of that value
    previous = [-1] * len(order)
    for index, value in enumerate(order):
        k = bisect_left(tails, value)
        previous[index] = tail_at[k - 1] if k else -1
        tails[k : k + 1], tail_at[k : k + 1] = [value], [index]
    kept: set[int] = set()
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        kept.add(order[index])
        index = previous[index]
    return kept


def _describe(found: _Order) -> str:
    direction = "newest first" if found.newest_first else "oldest first"
    if found.source == "arXiv":
        return f"{direction} by arXiv id"
    what = f"{direction} by year and month" if found.months else f"{direction} by year"
    if found.source == "preprint":
        what += ", a published paper at its preprint's date"
    return what


def _sort_edit(ctx: RuleContext, records: list[RowRecord], order: list[int]) -> Edit:
    """One edit over the rows: each line keeps its bytes, each line ending its place."""
    lines = ctx.document.lines
    rows = [lines[record.row.line - 1] for record in records]
    pieces: list[str] = []
    for slot, position in enumerate(order):
        source = rows[position]
        pieces.append(ctx.text[source.start : source.end])
        if slot < len(rows) - 1:
            pieces.append(rows[slot].newline)
    return Edit(Span(rows[0].start, rows[-1].end), "".join(pieces))


RULE = UnsortedRows
