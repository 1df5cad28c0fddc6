"""Where the links of a document are, in document offsets; shared by the DD3xx rules.

``InlineLink`` offsets are relative to the text that was parsed (a cell, a line);
``Located`` carries them into the document, with the row and cell they came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ddlint.gfm.anchors import document_anchors, heading_plain_text, html_ids
from ddlint.gfm.document import Cell, Heading, Table
from ddlint.inline.parse import InlineLink, parse_inline
from ddlint.records.model import RowRecord
from ddlint.rules.base import RuleContext
from ddlint.rules.format._table_rows import table_records
from ddlint.text.findings import Edit
from ddlint.text.spans import Span

# Kinds whose target can be rewritten without changing the link's text: the label of
# a bare URL or an autolink *is* the URL, so rewriting it would change a record.
REWRITABLE = frozenset({"inline", "html"})


@dataclass(frozen=True, slots=True)  # one per link of a list, kept for every rule
class Located:
    link: InlineLink
    base: int  # document offset of the parsed text the link's offsets are relative to
    text: str  # that parsed text (a cell's or a line's)
    record: RowRecord | None = None
    cell: Cell | None = None
    column: int = -1

    @property
    def span(self) -> Span:
        return Span(self.base + self.link.span.start, self.base + self.link.span.end)

    @property
    def url_span(self) -> Span | None:
        found = self.link.url_span
        return None if found is None else Span(self.base + found.start, self.base + found.end)

    @property
    def where(self) -> Span:
        """What a finding points at: the cell of a table link, else the link itself."""
        return self.cell.span if self.cell is not None else self.span

    def rewrite(self, new_url: str) -> Edit | None:
        """An edit that replaces the target by ``new_url``, when written plainly."""
        found = self.link.url_span
        if found is None or self.link.kind not in REWRITABLE:
            return None
        if found.slice(self.text) != self.link.url:  # escapes or entities: leave it
            return None
        return Edit(Span(self.base + found.start, self.base + found.end), new_url)


def row_links(
    record: RowRecord, wanted: Callable[[InlineLink], bool] | None = None
) -> list[Located]:
    """The links of a record's cells (only those ``wanted`` says yes to, when given)."""
    found: list[Located] = []
    column = -1
    for cell, content in zip(record.cells, record.contents):
        column += 1
        if cell is None or content is None or not content.links:
            continue
        for link in content.links:
            if wanted is None or wanted(link):
                found.append(Located(link, cell.start, cell.text, record, cell, column))
    return found


@dataclass(frozen=True)
class PaperLinks:
    """Every link of the paper rows (placeholder and separator rows skipped), in order, as
    flat parallel lists: a list has tens of thousands of links, and each DD3xx rule
    scans their URLs and locates only the few it reports."""

    records: list[RowRecord]  # the paper rows
    links: list[InlineLink]
    urls: list[str]  # links[i].url
    owners: list[tuple[int, int]]  # (index in records, column) of links[i]
    bounds: list[int]  # the links of records[r] are bounds[r] <= i < bounds[r + 1]

    def locate(self, index: int) -> Located:
        row, column = self.owners[index]
        record = self.records[row]
        cell = record.cells[column]
        assert cell is not None
        return Located(self.links[index], cell.start, cell.text, record, cell, column)

    def of_row(self, row: int) -> range:
        return range(self.bounds[row], self.bounds[row + 1])


def paper_links(ctx: RuleContext) -> PaperLinks:
    """The links of the paper rows, made once per document and shared by the DD3xx rules."""
    found: PaperLinks | None = ctx.shared.get(_PAPER_LINKS)
    if found is None:
        found = ctx.shared[_PAPER_LINKS] = _paper_links(ctx)
    return found


_PAPER_LINKS = "rules._links.paper_links"


def _paper_links(ctx: RuleContext) -> PaperLinks:
    records = [record for record in ctx.records.rows if record.kind == "paper"]
    links: list[InlineLink] = []
    owners: list[tuple[int, int]] = []
    bounds = [0]
    for row, record in enumerate(records):
        column = -1
        for cell, content in zip(record.cells, record.contents):
            column += 1
            if cell is None or content is None or not content.links:
                continue
            links.extend(content.links)
            owners.extend([(row, column)] * len(content.links))
        bounds.append(len(links))
    return PaperLinks(records, links, [link.url for link in links], owners, bounds)


def document_links(
    ctx: RuleContext, wanted: Callable[[InlineLink], bool] | None = None
) -> Iterator[Located]:
    """Every link of the document: table cells, paragraphs, headings, raw HTML; only
    those ``wanted`` says yes to, when given (the others are never located)."""
    document, refs = ctx.document, ctx.records.link_definitions
    # The lines of stray rows, read as table rows above: the other rows of a table are
    # in its table block, which is passed over below (a set of every table line would
    # cost a list of a million tables more than its records).
    in_table: set[int] = set()
    for table, records in _tables_by_line(ctx):
        in_table.update(row.line for row in table.stray)
        for row in (table.header, *table.rows):
            record = records.get(row.line)
            if record is not None and record.row is row:
                yield from row_links(record, wanted)
                continue
            for column, cell in enumerate(row.cells):
                for link in parse_inline(cell.text, refs).links:
                    if wanted is None or wanted(link):
                        yield Located(link, cell.start, cell.text, None, cell, column)
    for block in document.blocks:
        if block.kind in ("code", "blank", "table"):
            continue
        for number in range(block.first_line, block.last_line + 1):
            if number in in_table:
                continue
            line = document.lines[number - 1]
            text = document.line_text(number)
            for link in parse_inline(text, refs).links:
                if (block.kind != "html" or link.kind == "html") and (
                    wanted is None or wanted(link)
                ):
                    yield Located(link, line.start, text)


def _tables_by_line(ctx: RuleContext) -> Iterator[tuple[Table, dict[int, RowRecord]]]:
    """Each table of the document, with its records by line: one table's at a time when
    the records' tables are the document's (as extraction makes them), so that a list of
    a million tables never holds a map of every row; else every record, by line."""
    document, paper_tables = ctx.document, ctx.records.tables
    if len(paper_tables) == len(document.tables) and all(
        paper_table.table is table for paper_table, table in zip(paper_tables, document.tables)
    ):
        for paper_table, rows in table_records(ctx):
            yield paper_table.table, {record.row.line: record for record in rows}
        return
    every = {record.row.line: record for record in ctx.records.rows}
    for table in document.tables:
        yield table, every


def fragment_links(ctx: RuleContext) -> list[Located]:
    """The in-page links (``#…``) of ``document_links``, in its order; made once per
    document and shared by DD306 and DD308."""
    found: list[Located] | None = ctx.shared.get(_FRAGMENT_LINKS)
    if found is None:
        found = ctx.shared[_FRAGMENT_LINKS] = list(document_links(ctx, _is_fragment))
    return found


_FRAGMENT_LINKS = "rules._links.fragment_links"


def _is_fragment(link: InlineLink) -> bool:
    return link.url.startswith("#")


@dataclass(frozen=True)
class HeadingAnchor:
    heading: Heading
    text: str  # rendered plain text
    anchor: str


def heading_anchors(ctx: RuleContext) -> list[HeadingAnchor]:
    refs = ctx.records.link_definitions
    headings = ctx.document.headings
    texts = [heading_plain_text(h.text, refs) for h in headings]
    anchors = document_anchors(texts)
    return [HeadingAnchor(h, t, a) for h, t, a in zip(headings, texts, anchors)]


def explicit_ids(ctx: RuleContext) -> set[str]:
    """``id``/``name`` attributes in raw HTML outside code blocks."""
    document = ctx.document
    found: set[str] = set()
    for block in document.blocks:
        if block.kind in ("code", "blank") or "<" not in block.span.slice(document.text):
            continue  # no tag, no id: a whole table is passed over in one test
        for number in range(block.first_line, block.last_line + 1):
            found.update(html_ids(document.line_text(number)))
    return found


def describe(link: InlineLink, width: int = 40) -> str:
    """A short name for a link in a message: its label, else its target."""
    name = link.label.strip() or link.url
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"
