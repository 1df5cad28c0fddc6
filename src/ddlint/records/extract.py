"""Every paper row becomes a typed, frozen record (DESIGN.md §5).

``extract_records`` reads a parsed ``Document``: it decides which tables hold
papers (by their header, or by their cells when the header row is empty), maps
each column to a field, and turns each data row, rendered or stray, into a
``RowRecord``: the ``Paper`` plus the cells it came from, which is what rules read.
Placeholder rows (template rows left in), separator rows (``| **2015** | | |``) and
unread rows (no paper field, but not a template) are kept as rows but are not papers.

A template row (issue #19) is a pipe row whose every cell is empty once whitespace,
emphasis markers and empty-target links (``[Code]()``, ``[** **]()``) are removed, or one
the list repeats identically whose title cell has an empty-target link or no text (a
template pre-filled with a task, pasted again and again). Only such a row may be deleted
by a safe fix; any other row without a paper is ``unread``, a line without a pipe that
GitHub absorbed into the table (``&nbsp;`` under it) too.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import groupby

from ddlint.gfm.document import Cell, Document, Heading, Row, Table
from ddlint.inline.parse import InlineCache, InlineContent, parse_link_definitions
from ddlint.records.blocks import TextBlock, text_blocks
from ddlint.records.build import construct
from ddlint.records.cells import settle_columns
from ddlint.records.columns import ColumnMap, map_columns
from ddlint.records.dates import heading_year
from ddlint.records.inference import infer_columns
from ddlint.records.memo import PaperMemo
from ddlint.records.model import Paper, PaperTable, Records, RowKind, RowRecord, Section
from ddlint.records.paper import Layout, Parsers, build_paper, moved_paper
from ddlint.records.venues import extract_year


def extract_records(
    document: Document,
    aliases: Mapping[str, str] | None = None,
    *,
    inline: InlineCache | None = None,
    papers: PaperMemo | None = None,
) -> Records:
    """The records of ``document``. ``inline``: the cell parses of an earlier version of
    the text (the fixer's previous pass), used when its link definitions are the same:
    a cell's parse depends on its text and those alone, and most cells are unchanged.

    ``papers``: the papers of earlier versions by what they were built from, read and
    filled here (the fixer keeps one for a run). A row built from the same cell texts,
    under the same columns, section and link definitions, is the same paper: it is
    copied with its new origin instead of being built again.
    """
    refs = parse_link_definitions(_definition_lines(document))
    cache = inline if inline is not None and inline.refs == refs else InlineCache(refs)
    parsers = Parsers(cache, papers.under(refs) if papers is not None else None)
    sections = _SectionFinder(document.headings, cache)
    tables: list[PaperTable] = []
    rows: list[RowRecord] = []  # the tables' rows, table by table, in line order
    for table in document.tables:
        paper_table = _paper_table(table, aliases, cache, sections.at(table.header.line))
        tables.append(paper_table)
        if paper_table.is_paper:
            rows.extend(_TableRecords(paper_table, parsers).rows())
    blocks = text_blocks(document, aliases)
    if blocks:
        rows = _with_block_rows(rows, blocks, tables, aliases, cache, sections, parsers)
    _repeated_templates(rows, cache, papers.templates if papers is not None else set())
    return Records(document, tuple(tables), tuple(rows), refs, blocks, cache)


def _with_block_rows(
    rows: list[RowRecord],
    blocks: tuple[TextBlock, ...],
    tables: list[PaperTable],
    aliases: Mapping[str, str] | None,
    cache: InlineCache,
    sections: _SectionFinder,
    parsers: Parsers,
) -> list[RowRecord]:
    """``rows`` with the paper rows of the text blocks, each block's in its place in
    line order. (Only a list with such blocks pays for a chunk per table.)"""
    chunks = [  # each table's rows, by its first line
        (group[0].table.table.header.line, group)
        for _, grouped in groupby(rows, key=lambda record: id(record.table))
        for group in (list(grouped),)
    ]
    read: dict[int, PaperTable] = {id(t.table): t for t in tables}  # by table or block
    for index, block in enumerate(blocks):
        shown_as_text = _block_table(block, index, aliases, cache, sections, read)
        if shown_as_text is None:
            continue
        read[id(block)] = shown_as_text
        if shown_as_text.is_paper:
            records = _TableRecords(shown_as_text, parsers).rows()
            chunks.append((block.first_line, [r for r in records if _is_block_paper(r)]))
    chunks.sort(key=lambda chunk: chunk[0])
    return [record for _, chunk in chunks for record in chunk]


def _definition_lines(document: Document) -> Iterator[str]:
    """Lines that may hold a link definition ``[label]: url`` (cheap pre-filter). Only a
    paragraph's lines may: GitHub reads none in a table (a line it absorbed as a row, which
    a fix that pads the row would turn into a row with pipes), code or HTML."""
    text = document.text
    for number, line in enumerate(document.lines, 1):
        if "]:" in text[line.start : line.end] and document.block_at(number).kind == "paragraph":
            yield text[line.start : line.end]


# -- sections ---------------------------------------------------------------------------


class _SectionFinder:
    """The heading a table sits under, and the year of the nearest heading that has one."""

    def __init__(self, headings: Sequence[Heading], inline: InlineCache) -> None:
        self.headings = [(h.line, h.level, inline.parse(h.text).text) for h in headings]
        self.lines = [h[0] for h in self.headings]
        # One record per heading, shared by the tables under it (records are frozen).
        self._sections: dict[int, Section] = {}

    def at(self, line: int) -> Section:
        position = bisect_left(self.lines, line)
        found = self._sections.get(position)
        if found is None:
            found = self._sections[position] = self._section(position)
        return found

    def _section(self, position: int) -> Section:
        before = self.headings[:position]
        if not before:
            return construct(Section, heading=None, year=None)
        heading = before[-1][2]
        level = before[-1][1] + 1
        year = None
        for _, h_level, text in reversed(before):
            if h_level < level:  # an ancestor (or the heading itself)
                level = h_level
                year = heading_year(text)
                if year is not None:
                    break
        return construct(Section, heading=heading, year=year)


# -- one table --------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _mapped_columns(headers: tuple[str, ...], aliases: tuple[tuple[str, str], ...]) -> ColumnMap:
    # Lists repeat one header for every table (one per year): map it once.
    return map_columns(headers, dict(aliases) or None)


def _paper_table(
    table: Table,
    aliases: Mapping[str, str] | None,
    inline: InlineCache,
    section: Section,
    infer: bool = False,
) -> PaperTable:
    """The columns of ``table``, from its header (from its cells when the header row is
    empty or ``infer``), and whether it holds papers."""
    headers = [cell.text for cell in table.header.cells]
    columns = _mapped_columns(
        tuple(inline.parse(h).text for h in headers),
        tuple(sorted(aliases.items())) if aliases else (),
    )
    inferred = False
    if (infer or not any(h.strip() for h in headers)) and table.rows:
        columns, inferred = infer_columns(table, inline, len(headers)), True
    columns, is_paper = settle_columns(columns, table.rows, inline)
    return PaperTable.of(table, columns, is_paper, section, inferred=inferred)


def _block_table(
    block: TextBlock,
    index: int,
    aliases: Mapping[str, str] | None,
    inline: InlineCache,
    sections: _SectionFinder,
    read: Mapping[int, PaperTable],
) -> PaperTable | None:
    """A text block as a table GitHub shows as text: its rows are all stray rows, read
    with the block's own header, else with the columns of its source (a table above,
    or a block with a header of its own); None without either (no header to read them by:
    DD104 reports the block)."""
    header = block.source_header
    if not block.rows or header is None:
        return None
    source = block.source
    delimiter = block.delimiter or (source.delimiter if source is not None else None)
    table = Table(
        index=-1 - index,  # no table of the document: rules that walk the tables skip it
        header=header,
        delimiter=delimiter or header,
        body=(),
        stray=block.rows,
        interruptions=(),
        alignments=(None,) * block.cells,
        block=block.paragraph,
    )
    section = sections.at(block.first_line)
    if block.header is None and source is not None:
        known = read.get(id(source))
        if known is None:
            return None
        return PaperTable.of(table, known.columns, known.is_paper, section, inferred=known.inferred)
    return _paper_table(table, aliases, inline, section)


def _is_block_paper(record: RowRecord) -> bool:
    """The rows of a text block that are records: papers, and the separators that
    date them. No template row (DD201 would delete it, and a block that loses a row
    can be read otherwise), no row without a title, nor a row of in-page links (a
    navigation line)."""
    if record.kind == "separator":
        return True
    if record.kind != "paper":
        return False
    if record.paper is None or not record.paper.title.strip("*_ "):
        return False  # no title: a template row of another shape, or a row of scraps
    links = [link for content in record.contents if content is not None for link in content.links]
    return not links or not all(link.url.startswith("#") for link in links)


class _TableRecords:
    def __init__(self, paper_table: PaperTable, parsers: Parsers) -> None:
        self.table, self.parsers = paper_table.table, parsers
        self.section = paper_table.section
        self.paper_table = paper_table
        columns = paper_table.columns
        self.layout = Layout(columns)
        memo = parsers.papers
        self.memo = None if memo is None else memo.setdefault(columns, {})

    def rows(self) -> Iterable[RowRecord]:
        section = self.section
        for row in self.table.rows:
            record = self._row(row, section)
            if record.kind == "separator":
                text = next(c.text for c in record.contents if c is not None and c.text)
                year = extract_year(text)
                section = construct(Section, heading=text, year=year or self.section.year)
            yield record

    def _row(self, row: Row, section: Section) -> RowRecord:
        columns = self.paper_table.columns
        width = len(columns.headers)
        cells: tuple[Cell | None, ...] = row.cells
        own = len(cells) == width  # else GitHub drops surplus cells and pads a short row
        if not own:
            cells = cells[:width] + (None,) * (width - len(cells))
        parse = self.parsers.inline.parse
        contents = tuple([parse(cell.text) if cell is not None else None for cell in cells])
        kind = _row_kind(contents, columns)
        paper = None
        if kind == "paper":
            memo = self.memo
            paper = (
                build_paper(row, self.layout, cells, contents, section, self.parsers)
                if memo is None
                else self._remembered_paper(memo, row, cells, contents, section)
            )
            if _is_placeholder(paper):
                # A line without a pipe that GitHub absorbed (`&nbsp;` under the table)
                # is no template row: DD106's, and only a person knows what it was for.
                empty = row.has_pipe and _is_empty_row(row, self.parsers.inline)
                kind, paper = ("placeholder" if empty else "unread"), None
        # The row's own cells are not kept a second time (a shared row makes them anew).
        return RowRecord.of(self.paper_table, row, kind, paper, contents, None if own else cells)

    def _remembered_paper(
        self,
        memo: dict[tuple[object, ...], Paper],
        row: Row,
        cells: Sequence[Cell | None],
        contents: Sequence[InlineContent | None],
        section: Section,
    ) -> Paper:
        """``build_paper``, or the memo's paper of the same cells moved to ``row``."""
        # All that `build_paper` reads besides the row's place (its origin): the cells' texts
        # (their parses follow from them, under the link definitions the memo is kept
        # for), the section, and the columns this memo belongs to.
        key = (section.heading, section.year, *[c.text if c is not None else None for c in cells])
        known = memo.get(key)
        if known is None:
            paper = build_paper(row, self.layout, cells, contents, section, self.parsers)
        else:
            paper = moved_paper(known, row, section)
        memo[key] = paper  # the newest: the memo holds no paper the records have let go
        return paper


def _row_kind(contents: Sequence[InlineContent | None], columns: ColumnMap) -> RowKind:
    """A separator is the one filled cell of a wide row, without links: a year, or markup."""
    if len(columns.headers) <= 1:
        return "paper"
    filled: InlineContent | None = None
    for content in contents:  # most rows are papers: a link or a second text tells
        if content is None:
            continue
        if content.links or (content.text and filled is not None):
            return "paper"
        if content.text:
            filled = content
    if filled is None:
        return "paper"
    text = filled.text
    if (extract_year(text) is not None and len(text) <= 30) or filled.has_markup:
        return "separator"
    return "paper"


def _is_placeholder(paper: Paper) -> bool:
    has_url = bool(paper.url) or any(link.url.strip() for link in paper.links)
    return not has_text(paper.title) and not paper.authors and paper.venue is None and not has_url


def has_text(value: str) -> bool:
    """Whether ``value`` says anything: the template's `[** **]()` renders as "** **"."""
    return bool(value.strip(" *_~`-\t"))


# -- template rows (issue #19) ----------------------------------------------------------

# What a template cell may hold besides empty-target links: whitespace (`&nbsp;` too)
# and emphasis markers (`** **`).
_BLANK = re.compile(r"(?:\s|[*_~]|&nbsp;|&#160;|&#xa0;)+", re.IGNORECASE)


def _is_empty_row(row: Row, inline: InlineCache) -> bool:
    """Every cell of the row (surplus cells too: deleting the row deletes them) is empty
    once whitespace, emphasis markers and empty-target links are removed."""
    return all(is_empty_cell(cell.text, inline) for cell in row.cells)


def is_empty_cell(text: str, inline: InlineCache) -> bool:
    """Empty once whitespace, emphasis markers and empty-target links are removed."""
    if not text:
        return True
    content = inline.parse(text)
    kept: list[str] = []
    position = 0
    for link in sorted((*content.links, *content.images), key=lambda link: link.span.start):
        if link.url.strip():
            return False  # a link that goes somewhere is content
        if link.span.start == link.span.end or link.span.start < position:
            return False  # a link the scanner did not place, or nested: read it as content
        kept.append(text[position : link.span.start])
        position = link.span.end
    kept.append(text[position:])
    return not _BLANK.sub("", "".join(kept))


def _repeated_templates(
    rows: list[RowRecord], inline: InlineCache, known: set[tuple[str, ...]]
) -> None:
    """Unread rows the list repeats identically, whose title cell has an empty-target link
    or no text, are template rows: the list's own template, pre-filled (`| |[** **]() |  |
    Image Classification | … | [Code]() |`). Marked as placeholders in place.

    ``known``: the template rows of earlier versions of the text (the fixer's passes),
    kept here; a row that was one of them still is, though fewer copies are left."""
    unread = [i for i, record in enumerate(rows) if record.kind == "unread" and record.row.has_pipe]
    if not unread or (len(unread) < 2 and not known):
        return
    keys = {index: tuple(cell.text for cell in rows[index].row.cells) for index in unread}
    counts = Counter(keys.values())
    for index in unread:
        record = rows[index]
        key = keys[index]
        if (counts[key] >= 2 or key in known) and _blank_title(record, inline):
            rows[index] = dataclasses.replace(record, kind="placeholder")
            known.add(key)


def _blank_title(record: RowRecord, inline: InlineCache) -> bool:
    column = record.table.columns.column_of("title")
    if column is None:
        return False
    cell = record.cells[column]
    if cell is None:
        return True
    content = inline.parse(cell.text)
    return any(not link.url.strip() for link in content.links) or not _BLANK.sub("", content.text)
