"""DD401 unsorted-rows: a table's papers are not in date order.

## What it does
Checks that the papers of each table are ordered by date, newest first: by year,
then by month (the month written in the venue, or the usual month of a known
conference: ICLR in May, NeurIPS in December). A paper without a known month comes
after the dated papers of its year; one without a year comes last. A table that
is already (at least 90 % of its neighbouring pairs) in oldest-first order is held
to oldest-first instead. Separator rows (`| **2021** | | |`) and template rows stay
where they are; papers are sorted within each separator group. Tables with a
numbering column (`No.`, `#`) are left alone unless `sort` is configured;
tables with rows GitHub shows as text (DD101, DD102) or rows with the wrong number
of cells (DD103) are checked once those are fixed.

## Why is this bad?
Readers expect the newest work at the top of each year; a paper dropped into the
middle is easy to miss, and the next contributor cannot tell where to add theirs.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2211.00001) | arXiv, Nov., 2022 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2202.00003) | arXiv, Feb., 2022 |
| Grace Hopper et al | [**Compilers**](https://arxiv.org/abs/2209.00004) | arXiv, Sep., 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2211.00001) | arXiv, Nov., 2022 |
| Grace Hopper et al | [**Compilers**](https://arxiv.org/abs/2209.00004) | arXiv, Sep., 2022 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2202.00003) | arXiv, Feb., 2022 |
```

## Fix safety
Safe: whole lines move, each keeping its bytes; line endings stay in place, and no
row leaves its table or separator group, so no record value changes. Rows that
compare equal keep their order. With `--unsafe-fixes`, the sort waits until the unsafe
fixes inside the table's rows are made (a venue filled in gives a row its date): the
rows are ordered by their final dates.

## Options
`sort`: `false` turns the rule off; a list of keys (`year`, `month`, `venue`,
`title`, `authors`, `type`, `task`, each with `-` for descending) sets the order,
for example `sort = ["-year", "venue", "title"]`, and also applies to numbered
tables. Unset: newest first, as above.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Literal

from ddlint.records.model import PaperTable, RowRecord
from ddlint.records.sort import DEFAULT_SORT, check_sort_keys, row_month, sort_keys
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.options import Option
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span

_ASCENDING = ("year", "month")
_ASCENDING_SHARE = 0.9
# None: the default order (year, month descending); False: never sort; else keys
# such as ["-year", "venue", "title"].
SortOrder = list[str] | Literal[False] | None


def _known_sort_keys(value: SortOrder) -> None:
    if isinstance(value, list):
        check_sort_keys(value)


SORT: Option[SortOrder] = Option(
    "sort",
    SortOrder,
    None,
    "the order of the rows, or false for none",
    expected="false, or a list of keys such as ['-year', 'venue', 'title']",
    check=_known_sort_keys,
)


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
        by_table: dict[int, list[RowRecord]] = {}
        for record in ctx.records.rows:
            by_table.setdefault(record.table.table.index, []).append(record)
        for paper_table in ctx.records.tables:
            records = by_table.get(paper_table.table.index, [])
            if not _sortable(paper_table, records, configured is not None):
                continue
            keys: Sequence[str] = configured or _default_keys(records)
            order = _sorted_order(records, keys)
            if order == sorted(order):
                continue
            staying = _staying(order)
            moving = len(order) - len(staying)
            first = records[next(p for p in range(len(order)) if p not in staying)]
            cell = first.cell("venue") or first.cell("year") or first.cell("date")
            yield ctx.finding(
                self,
                cell.span if cell is not None else first.row.span,
                f"Rows are not sorted by {_describe(keys)}: {moving} "
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


def _default_keys(records: list[RowRecord]) -> Sequence[str]:
    """Newest first, unless the table is already (nearly) oldest first."""
    ascending = descending = 0
    for group in _groups(records):
        dates = [_date(records[p]) for p in group]
        for a, b in pairwise(dates):
            step = _step(a, b)
            ascending += step < 0
            descending += step > 0
    total = ascending + descending
    if total and ascending / total >= _ASCENDING_SHARE:
        return _ASCENDING
    return DEFAULT_SORT


def _step(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> int:
    """-1 if ``a`` is older than ``b``, 1 if newer, 0 if equal or unknown."""
    (year_a, month_a), (year_b, month_b) = a, b
    if year_a is None or year_b is None:
        return 0
    if year_a != year_b:
        return -1 if year_a < year_b else 1
    if month_a is None or month_b is None or month_a == month_b:
        return 0
    return -1 if month_a < month_b else 1


def _date(record: RowRecord) -> tuple[int | None, int | None]:
    return (record.paper.year if record.paper else None), row_month(record)


def _describe(keys: Sequence[str]) -> str:
    if tuple(keys) == DEFAULT_SORT:
        return "year and month (newest first)"
    if tuple(keys) == _ASCENDING:
        return "year and month (oldest first)"
    return ", ".join(keys)


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
