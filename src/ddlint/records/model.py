"""The typed records of a paper list (DESIGN.md §5): what rules read and exports write.

``Paper`` and its parts are frozen pydantic models: the JSON form of ``Paper`` is the
contract. ``RowRecord`` is a data row of a paper table with the cells each field came
from; ``Records`` are all of a document's rows (``extract.extract_records`` builds them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from ddlint.gfm.document import Cell, Document, Row, Table
from ddlint.inline.parse import InlineCache, InlineContent
from ddlint.records.blocks import TextBlock
from ddlint.records.columns import ColumnMap

VenueKind = Literal["conference", "workshop", "journal", "preprint"]
# placeholder: a template row (issue #19), which DD201's safe fix deletes; unread: a row
# that holds something, but no title, authors, venue nor link target a paper is read from.
RowKind = Literal["paper", "placeholder", "separator", "unread"]


class _Frozen(BaseModel):
    # Validators are built on first validation: extract_records builds records with
    # model_construct (no validation), so a plain check never pays for them.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Venue(_Frozen):
    raw: str
    name: str | None
    year: int | None
    month: int | None = Field(ge=1, le=12)
    kind: VenueKind | None


class Link(_Frozen):
    label: str
    url: str


class Section(_Frozen):
    heading: str | None
    year: int | None


class Origin(_Frozen):
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    rendered: bool


class Paper(_Frozen):
    """One paper: the JSON form of this model is the contract every export and rule reads."""

    title: str
    url: str | None
    authors: list[str]
    et_al: bool
    type: str
    task: str
    datasets: list[str]
    venue: Venue | None
    year: int | None
    links: list[Link]
    section: Section
    origin: Origin
    extra: dict[str, str]


def _share_field_keys(*models: type[BaseModel]) -> None:
    """Put every field name of each model in its class's shared key table, before any
    record exists: records built field by field (``build.construct``) keep then only an
    array of their values. CPython (3.11 and 3.12 alike) takes a slot of that table's room
    for each object made while it is empty; some thirty records made otherwise first
    (validated, or by ``model_construct``) would leave no room for the names, and every
    record built afterwards would get a dict of its own. (On 3.13 ``build`` gives small
    records a dict of their own: see ``build.SHARED_KEYS_PAY``.)"""
    for model in models:
        record = model.__new__(model)
        for name in model.model_fields:
            object.__setattr__(record, name, None)


_share_field_keys(Venue, Link, Section, Origin, Paper)


@dataclass(frozen=True, slots=True)  # slots: one per table, and a list may have 100 000s
class PaperTable:
    table: Table
    columns: ColumnMap
    is_paper: bool
    section: Section
    # Columns inferred from the cells (the header row was empty): an InferredPaperTable.
    # A class apart, not a slot: a list may have a million tables, few of them inferred.
    inferred: ClassVar[bool] = False

    @staticmethod
    def of(
        table: Table, columns: ColumnMap, is_paper: bool, section: Section, *, inferred: bool
    ) -> PaperTable:
        made = InferredPaperTable if inferred else PaperTable
        return made(table, columns, is_paper, section)


@dataclass(frozen=True, slots=True)
class InferredPaperTable(PaperTable):
    """A paper table whose columns were inferred from its cells."""

    inferred: ClassVar[bool] = True


@dataclass(frozen=True, slots=True)
class RowRecord:
    """A data row of a paper table, with the cells each field came from."""

    table: PaperTable
    row: Row
    kind: RowKind
    paper: Paper | None
    contents: tuple[InlineContent | None, ...]

    @property
    def cells(self) -> tuple[Cell | None, ...]:
        """Per column; None where GitHub pads a short row."""
        # Most rows have as many cells as their table has columns: a record keeps no
        # second copy of them (nor a slot for one: ``PaddedRowRecord`` has it).
        return self.row.cells

    @staticmethod
    def of(
        table: PaperTable,
        row: Row,
        kind: RowKind,
        paper: Paper | None,
        contents: tuple[InlineContent | None, ...],
        padded: tuple[Cell | None, ...] | None,
    ) -> RowRecord:
        """``padded``: the row's cells per column, or None when they are the row's own."""
        if padded is None:
            return RowRecord(table, row, kind, paper, contents)
        return PaddedRowRecord(table, row, kind, paper, contents, padded)

    def cell(self, field: str) -> Cell | None:
        column = self.table.columns.column_of(field)  # type: ignore[arg-type]
        cells = self.cells
        return cells[column] if column is not None and column < len(cells) else None

    def content(self, field: str) -> InlineContent | None:
        column = self.table.columns.column_of(field)  # type: ignore[arg-type]
        if column is None or column >= len(self.contents):
            return None
        return self.contents[column]


@dataclass(frozen=True, slots=True)
class PaddedRowRecord(RowRecord):
    """The record of a row with more or fewer cells than its table has columns: GitHub
    drops the surplus cells and pads a short row."""

    padded: tuple[Cell | None, ...]  # per column; None where GitHub pads the row

    @property
    def cells(self) -> tuple[Cell | None, ...]:
        return self.padded


@dataclass(frozen=True)
class Records:
    document: Document
    tables: tuple[PaperTable, ...]
    rows: tuple[RowRecord, ...]
    link_definitions: Mapping[str, str]
    # Pipe rows GitHub shows as text that belong to no table (DD104); the rows of those
    # that hold papers are among ``rows``, as stray rows of a table of their own.
    text_blocks: tuple[TextBlock, ...] = ()
    # parse_inline memoised for this document's references; rules parse cells through it.
    inline: InlineCache = dataclasses.field(default_factory=lambda: InlineCache({}), compare=False)

    @cached_property
    def papers(self) -> tuple[Paper, ...]:
        return tuple(row.paper for row in self.rows if row.paper is not None)

    @property
    def paper_rows(self) -> tuple[RowRecord, ...]:
        return tuple(row for row in self.rows if row.paper is not None)
