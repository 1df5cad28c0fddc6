"""Shared helpers of the row-field rules (DD2xx): paper rows, cells, keys and years."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddlint.gfm.document import Cell
from ddlint.records.model import Paper, RowRecord
from ddlint.records.venues import extract_year
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
) -> list[tuple[RowRecord, tuple[str, ...]]]:
    """Every paper row with the plain text of each of ``fields`` ("" where its table has
    no such column): ``record.content(field).text`` without a lookup per row and field."""
    found: list[tuple[RowRecord, tuple[str, ...]]] = []
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
        found.append((record, tuple(texts)))
    return found


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


def column_year(record: RowRecord) -> tuple[int, Cell] | None:
    """The year written in the row's Year or Date column, and that cell."""
    for field in ("year", "date"):
        content, cell = record.content(field), record.cell(field)
        if content is not None and cell is not None:
            year = extract_year(content.text)
            if year is not None:
                return year, cell
    return None


def fill_cell(text: str, cell: Cell, value: str) -> Edit:
    """Write ``value`` into a cell; an empty cell gets one space each side of it."""
    if cell.text:
        return Edit(cell.span, value)
    # An empty cell's span sits at its closing pipe: rewrite the spaces between the pipes.
    left = text.rfind("|", 0, cell.span.start) + 1
    right = cell.span.start
    while right < len(text) and text[right] in " \t":
        right += 1
    return Edit(Span(left, right), f" {value} ")
