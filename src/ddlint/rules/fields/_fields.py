"""Shared helpers of the row-field rules (DD2xx): paper rows, cells, keys and years.

The years a row states are read here, in the rule layer, beside what the record holds:
``Paper.year`` reads a Year or Date column with ``extract_year``, which declines
``2024.06`` (an arXiv id has that shape), and knows nothing of a column headed `ID` or
`Released` whose cells are dates, nor of the row's arXiv id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby
from typing import NamedTuple

from ddlint.gfm.document import Cell
from ddlint.inline.urls import arxiv_parts
from ddlint.records.model import Paper, PaperTable, RowRecord
from ddlint.records.venues import extract_year, month_number
from ddlint.rules.base import RuleContext
from ddlint.text.findings import Edit
from ddlint.text.spans import Span

_ITEM_SPLIT = re.compile(r"\s*[,;]\s*")
# Words that end a list of items without naming one: "MNIST, IMDB, etc".
FILLERS = frozenset({"etc", "etc.", "and more", "...", "…", "others"})


def paper_rows(ctx: RuleContext) -> Iterator[tuple[RowRecord, Paper]]:
    """Rows that hold a paper: placeholder and separator rows are skipped."""
    for record in ctx.records.rows:
        if record.paper is not None:
            yield record, record.paper


def field_texts(
    ctx: RuleContext, fields: tuple[str, ...]
) -> Iterator[tuple[RowRecord, tuple[str, ...]]]:
    """Every paper row with the plain text of each of ``fields`` ("" where its table has
    no such column): ``record.content(field).text`` without a lookup per row and field."""
    table: object = None
    columns: list[int | None] = []
    for record in ctx.records.rows:
        if record.paper is None:
            continue
        if record.table is not table:  # rows come table by table: map the fields once
            table = record.table
            columns = [record.table.columns.column_of(field) for field in fields]  # type: ignore[arg-type]
        contents = record.contents
        texts = []
        for column in columns:
            content = contents[column] if column is not None and column < len(contents) else None
            texts.append(content.text if content is not None else "")
        yield record, tuple(texts)


def first_cell(record: RowRecord, *fields: str) -> Cell | None:
    """The cell of the first of ``fields`` the row's table has."""
    for field in fields:
        cell = record.cell(field)
        if cell is not None:
            return cell
    return None


def cell_span(record: RowRecord, *fields: str) -> Span:
    """Where a finding about ``fields`` points: their cell, else the whole row."""
    cell = first_cell(record, *fields)
    return cell.span if cell is not None else record.row.span


def has_column(record: RowRecord, field: str) -> bool:
    return record.table.columns.column_of(field) is not None  # type: ignore[arg-type]


def items(text: str) -> list[str]:
    """The comma- or semicolon-separated items of a cell, fillers such as `etc` dropped."""
    found = [item.strip().rstrip(".") for item in _ITEM_SPLIT.split(text)]
    return [item for item in found if item and item.casefold() not in FILLERS]


def column_year(
    record: RowRecord, fields: tuple[str, ...] = ("year", "date")
) -> tuple[int, Cell] | None:
    """The year written in the row's Year or Date column (of ``fields``), and that cell."""
    for field in fields:
        content, cell = record.content(field), record.cell(field)
        if content is not None and cell is not None:
            year = date_year(content.text) or extract_year(content.text)
            if year is not None:
                return year, cell
    return None


# -- the years a row states ------------------------------------------------------------

_DATE_PARTS = re.compile(r"[\s.,/\-\u2013]+")
# New-style arXiv ids are YYMM.NNNNN; old-style ones end in YYMMNNN (cs/0701001).
_ARXIV_ID_DATE = re.compile(r"^(?:(\d\d)(\d\d)\.\d+|[^/]+/(\d\d)(\d\d)\d{3})$")
_COMPACT_DATE = re.compile(r"^(?:19[5-9]\d|20\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?$")
_FOUR_DIGITS = re.compile(r"\d{4}")
_ALPHANUMERIC = re.compile(r"[^\W_]")  # a character str.isalnum() accepts
_DATE_SHARE = 0.8  # of a column's filled cells, for it to be a date column (issue #19)
_DATE_MIN_ROWS = 2


def date_year(text: str) -> int | None:
    """The year of a text that is only a date: `2024`, `2024.06`, `2024-06-12`, `2023-9-21`,
    `Jun 2024`, `06/2024`, `12 Jun. 2024`, `202406`; None for anything else (an arXiv id
    such as `2306.12345` too)."""
    if _FOUR_DIGITS.search(text) is None:
        return None  # no year written: most cells (titles, names) end here
    parts = [part for part in _DATE_PARTS.split(text.strip(" *_`[]()")) if part]
    if len(parts) == 1 and _COMPACT_DATE.match(parts[0]):  # 202602, 20240612
        parts = [parts[0][:4], parts[0][4:6]]
    if not 1 <= len(parts) <= 3:
        return None
    year = None
    for part in parts:
        if not part.isascii():
            return None
        if part.isdigit() and len(part) == 4 and year is None and 1950 <= int(part) <= 2099:
            year = int(part)
        elif not (part.isdigit() and len(part) <= 2) and month_number(part) is None:
            return None
    return year


def arxiv_date(url: str) -> tuple[int, int] | None:
    """The year and month an arXiv id was submitted (`2204.01273`: April 2022)."""
    parts = arxiv_parts(url)
    match = _ARXIV_ID_DATE.match(parts[1]) if parts else None
    if match is None:
        return None
    yy, mm = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    year, month = int(yy) + (1900 if int(yy) >= 90 else 2000), int(mm)
    return (year, month) if 1 <= month <= 12 else None


def arxiv_year(paper: Paper) -> int | None:
    """The year of the paper's arXiv id: its title link's, else the one id its links give."""
    found = arxiv_date(paper.url or "")
    if found is None:
        dates = {date for link in paper.links if (date := arxiv_date(link.url))}
        found = dates.pop() if len(dates) == 1 else None
    return found[0] if found is not None else None


class TableDates(NamedTuple):
    """Which columns of one table date its rows."""

    columns: tuple[int, ...]  # Year and Date columns, then other date-valued columns
    readable: frozenset[int]  # Year and Date columns whose year reads in half their cells


def table_dates(ctx: RuleContext, table: PaperTable) -> TableDates:
    """The columns whose cells date the rows: Year and Date columns, and any other whose
    filled cells are dates (80 % of them, at least 2), such as an `ID` or `Released`
    column of `2024-03-16`. Worked out for every table at once, on first use."""
    found: dict[int, TableDates] | None = ctx.shared.get(_TABLE_DATES)
    if found is None:
        found = ctx.shared[_TABLE_DATES] = _table_dates(ctx)
    return found.get(id(table), _NO_DATES)


_TABLE_DATES = "rules.fields._fields.table_dates"
_NO_DATES = TableDates((), frozenset())


def _table_dates(ctx: RuleContext) -> dict[int, TableDates]:
    # Per table (by identity), per column: the paper rows that fill it, that fill it with
    # a date, and with text a year reads from. Records come table by table (extraction
    # builds them so), so each table is counted and settled before the next: a list of a
    # million tables never holds every table's counts at once, and a table that no
    # column dates keeps no entry (``table_dates`` gives it the shared ``_NO_DATES``).
    # Whether a table's rows came apart is told by the tables' indices, so no table is
    # remembered only for that: the document's tables come in increasing index, the
    # tables of text blocks (below 0) in decreasing.
    found: dict[int, TableDates] = {}
    last_placed, last_shown = -1, 0
    for key, group in groupby(paper_rows(ctx), key=lambda pair: id(pair[0].table)):
        records = [record for record, _ in group]
        table = records[0].table
        index = table.table.index
        if index >= 0 and index > last_placed:
            last_placed = index
        elif index < 0 and index < last_shown:
            last_shown = index
        else:  # the table's rows may have come apart: count them all together
            records = [record for record, _ in paper_rows(ctx) if record.table is table]
        dates = _dates_of(table, records)
        if dates is _NO_DATES:
            found.pop(key, None)
        else:
            found[key] = dates
    return found


def _dates_of(table: PaperTable, records: list[RowRecord]) -> TableDates:
    columns = [[0, 0, 0] for _ in table.columns.headers]
    for record in records:
        for index, content in enumerate(record.contents):
            if content is None or _ALPHANUMERIC.search(content.text) is None:
                continue
            column = columns[index]
            column[0] += 1
            dated = date_year(content.text)
            column[1] += dated is not None
            column[2] += dated is not None or extract_year(content.text) is not None
    named = [i for i, fed in enumerate(table.columns.fields) if {"year", "date"} & set(fed)]
    valued = [
        i
        for i, (filled, dated, _) in enumerate(columns)
        if i not in named and dated >= _DATE_MIN_ROWS and dated >= _DATE_SHARE * filled
    ]
    if not named and not valued:
        return _NO_DATES
    readable = [i for i in named if columns[i][2] * 2 >= columns[i][0]]
    return TableDates((*named, *valued), frozenset(readable))


def row_date_year(ctx: RuleContext, record: RowRecord) -> int | None:
    """The year of the row's first date column that gives one."""
    named = record.table.columns.fields
    for column in table_dates(ctx, record.table).columns:
        content = record.contents[column] if column < len(record.contents) else None
        if content is None:
            continue
        year = date_year(content.text)
        if year is None and {"year", "date"} & set(named[column]):
            year = extract_year(content.text)
        if year is not None:
            return year
    return None


def row_year(ctx: RuleContext, record: RowRecord, paper: Paper) -> int | None:
    """A year the row gives, wherever it does: the venue, the record's year, the section
    heading (`## 2018`, `## CVPR 2023`), a date column, or the paper's arXiv id."""
    if paper.venue is not None and paper.venue.year is not None:
        return paper.venue.year
    for year in (paper.year, paper.section.year):
        if year is not None:
            return year
    return row_date_year(ctx, record) or arxiv_year(paper)


def undated_on_purpose(record: RowRecord) -> bool:
    """The row's Year or Date cell says on purpose that there is no date: `-`, `N/A`."""
    for index, fields in enumerate(record.table.columns.fields):
        content = record.contents[index] if index < len(record.contents) else None
        if {"year", "date"} & set(fields) and content is not None and _no_date(content.text):
            return True
    return False


def _no_date(text: str) -> bool:
    return text.strip().casefold() in _NO_DATE


_NO_DATE = frozenset({"-", "--", "\u2013", "\u2014", "n/a", "na", "none", "/"})


def unreadable_year_cells(ctx: RuleContext, record: RowRecord) -> list[Cell]:
    """Cells of the row's Year and Date columns that hold digits but no year (`20-`), in
    columns where the year reads in at least half the rows (a list writing `23.06`
    throughout has a style, not a defect)."""
    found = []
    for index in table_dates(ctx, record.table).readable:
        content, cell = record.contents[index], record.cells[index]
        if content is None or cell is None or not any(c.isdigit() for c in content.text):
            continue
        if date_year(content.text) is None and extract_year(content.text) is None:
            found.append(cell)
    return found


_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)


def fill_cell(text: str, cell: Cell, value: str) -> Edit:
    """Write ``value`` into a cell; an empty cell gets one space each side of it. The
    cell's HTML comments stay after the value: a cell that GitHub shows empty may hold a
    suppression comment (``ddlint-disable-line``) or a note the author hid."""
    if cell.text:
        comments = _COMMENTS.findall(cell.text)
        return Edit(cell.span, " ".join([value, *comments]))
    # An empty cell's span sits at its closing pipe: rewrite the spaces between the pipes.
    left = text.rfind("|", 0, cell.span.start) + 1
    right = cell.span.start
    while right < len(text) and text[right] in " \t":
        right += 1
    return Edit(Span(left, right), f" {value} ")
