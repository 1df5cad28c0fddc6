"""Every paper row becomes a typed, frozen record (DESIGN.md §5).

``extract_records`` reads a parsed ``Document``: it decides which tables hold
papers (by their header, or by their cells when the header row is empty), maps
each column to a field, and turns each data row, rendered or stray, into a
``RowRecord``: the ``Paper`` plus the cells it came from, which is what rules read.
Placeholder rows (template rows left in) and separator rows (``| **2015** | | |``)
are kept as rows but are not papers.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ddlint.gfm.document import Cell, Document, Heading, Row, Table
from ddlint.inline.parse import InlineCache, InlineContent, parse_link_definitions
from ddlint.inline.urls import canonical_url
from ddlint.records.columns import ColumnMap, map_columns
from ddlint.records.venues import extract_year, parse_venue

VenueKind = Literal["conference", "workshop", "journal", "preprint"]
RowKind = Literal["paper", "placeholder", "separator"]


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


Identity = tuple[object, ...]

# Records are built with every field given, so one set of field names serves every
# record of a model (model_construct would keep a new one per record; pydantic copies
# it before any change).
_ALL_FIELDS: dict[type[_Frozen], set[str]] = {
    model: set(model.model_fields) for model in (Venue, Link, Section, Origin, Paper)
}

_Model = TypeVar("_Model", bound=_Frozen)
_set_attribute = object.__setattr__
_OWN_DICT_FIELDS = 8  # measured: up to here a record's own dict is the smaller one


def _record(model: type[_Model], **values: Any) -> _Model:
    """``model.model_construct(**values)`` for ``values`` that name every field, in field
    order: the four attributes model_construct sets, without its per-field walk over
    aliases and defaults (a third of extraction time). Nothing is validated: every value
    comes from our own parsers and is typed statically; data from outside (exported JSON)
    is validated at that boundary. tests/test_record_construction.py proves the two
    indistinguishable.
    """
    record = model.__new__(model)
    if len(values) > _OWN_DICT_FIELDS:
        # Set one by one, the fields land in a dict that shares its key table with every
        # other record of the model (CPython's key-sharing instance dicts): for a Paper,
        # ~330 bytes less per record than the dict of its own that `__dict__ =` gives.
        for name, value in values.items():
            _set_attribute(record, name, value)
    else:  # a small dict of its own is smaller than a shared-key one (sized for 30 keys)
        _set_attribute(record, "__dict__", values)
    _set_attribute(record, "__pydantic_fields_set__", _ALL_FIELDS[model])
    _set_attribute(record, "__pydantic_extra__", None)
    _set_attribute(record, "__pydantic_private__", None)
    return record


def paper_identity(paper: Paper, canonical: Callable[[str], str] = canonical_url) -> Identity:
    """What makes two records the same paper (DESIGN.md §3.3): no origin, no venue
    spelling, URLs in canonical form, empty-target links ignored.

    ``canonical`` is ``canonical_url`` or a memo of it (the fixer keeps one per run).
    """
    venue = paper.venue
    return (
        paper.title,
        canonical(paper.url or ""),
        tuple(paper.authors),
        paper.et_al,
        paper.type,
        paper.task,
        tuple(paper.datasets),
        (venue.name, venue.year, venue.month, venue.kind) if venue else None,
        paper.year,
        tuple((link.label, canonical(link.url)) for link in paper.links if link.url.strip()),
        (paper.section.heading, paper.section.year),
        tuple(sorted(paper.extra.items())),
    )


_TablePapers = dict[ColumnMap, dict[tuple[object, ...], Paper]]


class PaperMemo:
    """Papers by what they were built from, for ``extract_records(papers=)``: per table
    columns, then by section and cell texts. The fixer keeps one for a run: a pass
    rebuilds only the papers of the rows its edits changed."""

    __slots__ = ("_refs", "_tables")

    def __init__(self) -> None:
        self._refs: Mapping[str, str] | None = None
        self._tables: _TablePapers = {}

    def under(self, refs: Mapping[str, str]) -> _TablePapers:
        """The papers built under these link definitions: under others, a cell may link
        elsewhere, so what was kept for those is let go."""
        if refs != self._refs:
            self._refs, self._tables = refs, {}
        return self._tables

    def __len__(self) -> int:
        return sum(len(papers) for papers in self._tables.values())


@dataclass(frozen=True)
class PaperTable:
    table: Table
    columns: ColumnMap
    is_paper: bool
    inferred: bool  # columns inferred from the cells (the header row was empty)
    section: Section


@dataclass(frozen=True, slots=True)
class RowRecord:
    """A data row of a paper table, with the cells each field came from."""

    table: PaperTable
    row: Row
    kind: RowKind
    paper: Paper | None
    cells: tuple[Cell | None, ...]  # per column; None where GitHub pads a short row
    contents: tuple[InlineContent | None, ...]

    def cell(self, field: str) -> Cell | None:
        column = self.table.columns.column_of(field)  # type: ignore[arg-type]
        return self.cells[column] if column is not None and column < len(self.cells) else None

    def content(self, field: str) -> InlineContent | None:
        column = self.table.columns.column_of(field)  # type: ignore[arg-type]
        if column is None or column >= len(self.contents):
            return None
        return self.contents[column]


@dataclass(frozen=True)
class Records:
    document: Document
    tables: tuple[PaperTable, ...]
    rows: tuple[RowRecord, ...]
    link_definitions: Mapping[str, str]
    # parse_inline memoised for this document's references; rules parse cells through it.
    inline: InlineCache = dataclasses.field(default_factory=lambda: InlineCache({}), compare=False)

    @cached_property
    def papers(self) -> tuple[Paper, ...]:
        return tuple(row.paper for row in self.rows if row.paper is not None)

    @property
    def paper_rows(self) -> tuple[RowRecord, ...]:
        return tuple(row for row in self.rows if row.paper is not None)


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
    parsers = _Parsers(cache, papers.under(refs) if papers is not None else None)
    sections = _SectionFinder(document.headings, cache)
    tables: list[PaperTable] = []
    rows: list[RowRecord] = []
    for table in document.tables:
        builder = _TableRecords(table, aliases, parsers, sections)
        tables.append(builder.paper_table)
        if builder.paper_table.is_paper:
            rows.extend(builder.rows())
    return Records(document, tuple(tables), tuple(rows), refs, cache)


def _definition_lines(document: Document) -> Iterator[str]:
    """Lines that may hold a link definition ``[label]: url`` (cheap pre-filter)."""
    text = document.text
    for line in document.lines:
        if "]:" in text[line.start : line.end]:
            yield text[line.start : line.end]


# -- sections ---------------------------------------------------------------------------

_YEAR_IN_HEADING = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


class _SectionFinder:
    """The heading a table sits under, and the year of the nearest heading that has one."""

    def __init__(self, headings: Sequence[Heading], inline: InlineCache) -> None:
        self.headings = [(h.line, h.level, inline.parse(h.text).text) for h in headings]
        self.lines = [h[0] for h in self.headings]

    def at(self, line: int) -> Section:
        before = self.headings[: bisect_left(self.lines, line)]
        if not before:
            return _record(Section, heading=None, year=None)
        heading = before[-1][2]
        level = before[-1][1] + 1
        year = None
        for _, h_level, text in reversed(before):
            if h_level < level:  # an ancestor (or the heading itself)
                level = h_level
                found = _YEAR_IN_HEADING.search(text)
                if found:
                    year = int(found.group(1))
                    break
        return _record(Section, heading=heading, year=year)


# -- one table --------------------------------------------------------------------------

_ET_AL = re.compile(r"[\s,]*\bet\.?\s*al\b\.?", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;、，]|\band\b|&)\s*")
_DATASET_SPLIT = re.compile(r"\s*[,;]\s*")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


@lru_cache(maxsize=256)
def _mapped_columns(headers: tuple[str, ...], aliases: tuple[tuple[str, str], ...]) -> ColumnMap:
    # Lists repeat one header for every table (one per year): map it once.
    return map_columns(headers, dict(aliases) or None)


_Filled = dict[str, tuple[InlineContent, ...]]


class _Layout:
    """Where each field of a paper sits in the rows of one table, worked out once per table
    rather than once per row."""

    __slots__ = ("columns", "extra", "shares_title")

    def __init__(self, columns: ColumnMap) -> None:
        fed: dict[str, list[int]] = {}
        extra: list[tuple[int, str]] = []
        for index, fields in enumerate(columns.fields):
            for field in fields:
                fed.setdefault(field, []).append(index)
            if not fields or set(fields) <= {"number", "topic"}:
                extra.append((index, columns.headers[index].strip() or f"column {index + 1}"))
        # field → the columns feeding it, left to right
        self.columns: dict[str, tuple[int, ...]] = {f: tuple(i) for f, i in fed.items()}
        # columns Paper.extra keeps, under their header
        self.extra: tuple[tuple[int, str], ...] = tuple(extra)
        # `Title & Authors`: the title cell holds the authors too
        self.shares_title = _shares_title(columns)

    def filled(self, contents: Sequence[InlineContent | None]) -> _Filled:
        """field → the parsed cells feeding it, without the cells GitHub pads a short row with."""
        found: _Filled = {}
        for field, indices in self.columns.items():
            if len(indices) == 1:  # the usual one column per field: no list to filter
                content = contents[indices[0]]
                found[field] = (content,) if content is not None else ()
            else:
                found[field] = tuple(c for i in indices if (c := contents[i]) is not None)
        return found

    def texts(self, field: str, cells: Sequence[Cell | None]) -> list[str]:
        """The source text of the cells feeding ``field``."""
        return [c.text for i in self.columns.get(field, ()) if (c := cells[i]) is not None]


class _Parsers:
    """What every row of one extraction shares: the document's inline cache, a cache for
    parses that ignore the document's references, and the split name lists of the author
    and dataset texts seen so far (lists repeat names and whole cells across thousands of
    rows: each distinct text is split once, each distinct name kept once)."""

    __slots__ = ("_authors", "_datasets", "_strings", "inline", "papers", "plain")

    def __init__(self, inline: InlineCache, papers: _TablePapers | None) -> None:
        self.inline = inline
        self.papers = papers
        self.plain = InlineCache({})
        self._strings: dict[str, str] = {}
        self._authors: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._datasets: dict[str, tuple[str, ...]] = {}

    def authors(self, text: str) -> tuple[list[str], bool]:
        """``_authors(text)``, its names shared with every other record's."""
        found = self._authors.get(text)
        if found is None:
            names, et_al = _authors(text)
            found = self._authors[text] = (self._shared(names), et_al)
        return list(found[0]), found[1]

    def datasets(self, text: str) -> list[str]:
        found = self._datasets.get(text)
        if found is None:
            found = self._datasets[text] = self._shared(_datasets(text))
        return list(found)

    def _shared(self, values: Iterable[str]) -> tuple[str, ...]:
        # Each string replaced by an equal one seen before: a string is immutable.
        strings = self._strings
        return tuple([strings.setdefault(value, value) for value in values])


class _TableRecords:
    def __init__(
        self,
        table: Table,
        aliases: Mapping[str, str] | None,
        parsers: _Parsers,
        sections: _SectionFinder,
    ) -> None:
        self.table, self.parsers = table, parsers
        inline = parsers.inline
        headers = [cell.text for cell in table.header.cells]
        columns = _mapped_columns(
            tuple(inline.parse(h).text for h in headers),
            tuple(sorted(aliases.items())) if aliases else (),
        )
        inferred = False
        if not any(h.strip() for h in headers) and table.rows:
            columns, inferred = _infer_columns(table, inline, len(headers)), True
        self.section = sections.at(table.header.line)
        self.paper_table = PaperTable(
            table, columns, columns.is_paper_table, inferred, self.section
        )
        self.layout = _Layout(columns)
        memo = parsers.papers
        self.memo = None if memo is None else memo.setdefault(columns, {})

    def rows(self) -> Iterable[RowRecord]:
        section = self.section
        for row in self.table.rows:
            record = self._row(row, section)
            if record.kind == "separator":
                text = next(c.text for c in record.contents if c is not None and c.text)
                year = extract_year(text)
                section = _record(Section, heading=text, year=year or self.section.year)
            yield record

    def _row(self, row: Row, section: Section) -> RowRecord:
        columns = self.paper_table.columns
        width = len(columns.headers)
        cells: tuple[Cell | None, ...] = row.cells
        if len(cells) != width:  # GitHub drops surplus cells and pads a short row
            cells = cells[:width] + (None,) * (width - len(cells))
        parse = self.parsers.inline.parse
        contents = tuple([parse(cell.text) if cell is not None else None for cell in cells])
        kind = _row_kind(contents, columns)
        paper = None
        if kind == "paper":
            memo = self.memo
            paper = (
                _paper(row, self.layout, cells, contents, section, self.parsers)
                if memo is None
                else self._remembered_paper(memo, row, cells, contents, section)
            )
            if _is_placeholder(paper):
                kind, paper = "placeholder", None
        return RowRecord(self.paper_table, row, kind, paper, cells, contents)

    def _remembered_paper(
        self,
        memo: dict[tuple[object, ...], Paper],
        row: Row,
        cells: Sequence[Cell | None],
        contents: Sequence[InlineContent | None],
        section: Section,
    ) -> Paper:
        """``_paper``, or the memo's paper of the same cells moved to ``row``."""
        # All that `_paper` reads besides the row's place (its origin): the cells' texts
        # (their parses follow from them, under the link definitions the memo is kept
        # for), the section, and the columns this memo belongs to.
        key = (section.heading, section.year, *[c.text if c is not None else None for c in cells])
        known = memo.get(key)
        if known is None:
            paper = _paper(row, self.layout, cells, contents, section, self.parsers)
        else:
            paper = _moved(known, row, section)
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


def _paper(
    row: Row,
    layout: _Layout,
    cells: Sequence[Cell | None],
    contents: Sequence[InlineContent | None],
    section: Section,
    parsers: _Parsers,
) -> Paper:
    extra = {name: c.text for index, name in layout.extra if (c := contents[index]) is not None}
    filled = layout.filled(contents)
    title, url, extra_links = _title_and_url(layout, cells, filled, parsers.plain)
    author_text = _author_text(layout, cells, contents, filled, parsers.plain)
    authors, et_al = parsers.authors(author_text)
    venue_text = " ".join(c.text for c in filled.get("venue", ())).strip()
    venue = _venue(venue_text) if venue_text else None
    year = _first_year(filled.get("year", ()) + filled.get("date", ()))
    if year is None and venue is not None:
        year = venue.year
    if year is None:
        year = section.year
    links = extra_links + [
        _link(link.label, link.url) for c in filled.get("links", ()) for link in c.links
    ]
    if url is None:  # a title without a link: the paper is the `[pdf]`/`Paper` link
        url = next((link.url for link in links if _is_paper_label(link.label)), None)
    return _record(
        Paper,
        title=title,
        url=url,
        authors=authors,
        et_al=et_al,
        type=_text(filled.get("type", ())),
        task=_text(filled.get("task", ())),
        datasets=parsers.datasets(_text(filled.get("datasets", ()))),
        venue=venue,
        year=year,
        links=links,
        section=section,
        origin=_origin(row),
        extra=extra,
    )


def _moved(paper: Paper, row: Row, section: Section) -> Paper:
    """``paper`` at ``row``: equal to what ``_paper`` builds for a row of the same cells.
    Its lists and dict are copies, as every record has its own."""
    values = dict(paper.__dict__)
    values["authors"] = list(paper.authors)
    values["datasets"] = list(paper.datasets)
    values["links"] = list(paper.links)
    values["extra"] = dict(paper.extra)
    values["section"] = section
    values["origin"] = _origin(row)
    return _record(Paper, **values)


@lru_cache(maxsize=4096)
def _venue(text: str) -> Venue | None:
    parsed = parse_venue(text)
    if parsed is None:
        return None
    return _record(
        Venue,
        raw=parsed.raw,
        name=parsed.name,
        year=parsed.year,
        month=parsed.month,
        kind=parsed.kind,
    )


def _link(label: str, url: str) -> Link:
    return _record(Link, label=label, url=url)


def _author_text(
    layout: _Layout,
    cells: Sequence[Cell | None],
    contents: Sequence[InlineContent | None],
    filled: _Filled,
    plain: InlineCache,
) -> str:
    """The authors' plain text, names separated as the cells separate them."""
    if layout.shares_title:  # `Title & Authors`: the names follow the title
        titles = layout.texts("title", cells)
        rest = _split_title_cell(titles[0])[1] if titles else ""
        if rest:
            return plain.parse(rest).text
        return _text(filled.get("authors", ()))
    parts: list[str] = []
    for index in layout.columns.get("authors", ()):
        cell, content = cells[index], contents[index]
        if cell is None or content is None:
            continue
        if not content.has_markup:  # no `<br>` (nor any other syntax) in the cell
            parts.append(content.text)
        else:  # `<br>` separates names as a comma does; the plain text would join them.
            parts.extend(plain.parse(part).text for part in _BR.split(cell.text))
    return "; ".join(parts)


def _split_title_cell(text: str) -> tuple[str, str]:
    """A `Title & Authors` cell: the title's source, and the authors' after a `<br>`."""
    parts = _BR.split(text, maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def _title_and_url(
    layout: _Layout, cells: Sequence[Cell | None], filled: _Filled, plain: InlineCache
) -> tuple[str, str | None, list[Link]]:
    """Title text, paper URL, and further links in the title cell."""
    title_cells = filled.get("title", ())
    url: str | None = None
    title = ""
    extra_links: list[Link] = []
    if title_cells:
        content = title_cells[0]
        if layout.shares_title:  # `Title & Authors`: title (link) first, authors after it
            head = plain.parse(_split_title_cell(layout.texts("title", cells)[0])[0])
            title = head.links[0].label if head.links else head.text
        else:
            linked = [link for link in content.links if link.url.strip() and not link.has_image]
            title = content.text
            if linked and _is_title_link(linked[0].label, content.text):
                title = linked[0].label.strip()
            else:  # `Title [pdf]` or `Title <a href=…>paper</a>`: the label is no title
                for link in linked:
                    if _is_paper_label(link.label) and title.endswith(link.label):
                        title = title[: -len(link.label)].strip()
        urls = [link for link in content.links if link.url.strip()]
        if urls:
            url = urls[0].url
            extra_links = [_link(link.label, link.url) for link in urls[1:]]
    for link_cell in filled.get("paper_link", ()):
        linked = [link for link in link_cell.links if link.url.strip()]
        if linked and url is None:
            url = linked[0].url
        if not title and link_cell.text:
            title = link_cell.text
    return title.strip(), url, extra_links


_PAPER_LABELS = frozenset({"pdf", "paper", "arxiv", "link", "openreview", "doi", "url"})


def _is_paper_label(label: str) -> bool:
    return label.strip(" []()").lower() in _PAPER_LABELS


def _shares_title(columns: ColumnMap) -> bool:
    return "authors" in _fields_of_title(columns)


def _fields_of_title(columns: ColumnMap) -> tuple[str, ...]:
    index = columns.column_of("title")
    return columns.fields[index] if index is not None else ()


def _is_title_link(label: str, text: str) -> bool:
    # `[**Title**](url)` is the whole cell; `Title [[pdf]](url)` keeps its text.
    return bool(label.strip()) and len(label.strip()) >= len(text.strip()) * 0.5


def _authors(text: str) -> tuple[list[str], bool]:
    et_al = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text).strip(" ,;")
    names = [name.strip(" .") for name in _AUTHOR_SPLIT.split(text)]
    return [name for name in names if name], et_al


def _first_year(contents: Sequence[InlineContent]) -> int | None:
    for content in contents:
        year = extract_year(content.text)
        if year is not None:
            return year
    return None


def _datasets(text: str) -> list[str]:
    return [name.rstrip(".") for name in _DATASET_SPLIT.split(text) if name]


def _text(contents: Sequence[InlineContent]) -> str:
    if len(contents) == 1:  # the usual one column: " ".join of one text is that text
        return contents[0].text.strip()
    return " ".join(c.text for c in contents if c.text).strip()


def _origin(row: Row) -> Origin:
    return _record(Origin, line=row.line, column=_column(row), rendered=row.rendered)


def _column(row: Row) -> int:
    # 1-based column of the row's first character, counted in code points.
    return row.span.start - row.line_span.start + 1


# -- tables with an empty header row ------------------------------------------------------

_CODE_LABELS = re.compile(r"^(?:code|github|project|page|website|pdf|paper|slides?|video)$", re.I)


def _infer_columns(table: Table, inline: InlineCache, width: int) -> ColumnMap:
    """Name the columns of a header-less table from what their cells look like."""
    votes: list[dict[str, int]] = [{} for _ in range(width)]
    for row in table.rows[:50]:
        for index, cell in enumerate(row.cells[:width]):
            guess = _guess_field(inline.parse(cell.text))
            if guess:
                votes[index][guess] = votes[index].get(guess, 0) + 1
    headers: list[str] = []
    taken: set[str] = set()
    for column_votes in votes:
        ranked = sorted(column_votes.items(), key=lambda item: -item[1])
        name = next((field for field, _ in ranked if field not in taken), "")
        taken.add(name)
        headers.append(name)
    return map_columns(headers)


def _guess_field(content: InlineContent) -> str:
    text = content.text.strip()
    if not text and not content.links:
        return ""
    if content.links and all(_CODE_LABELS.match(link.label.strip()) for link in content.links):
        return "Code"
    if any(link.has_image for link in content.links):
        return "Code"
    if content.links and len(content.links[0].label) > 15:
        return "Title"
    if _ET_AL.search(text) or re.fullmatch(r"[A-Z][\w.\-']+(?: [A-Z][\w.\-']+)+(?:, .+)*", text):
        return "Authors"
    venue = parse_venue(text)
    if venue is not None and venue.year is not None:
        return "Year" if venue.name is None else "Venue"
    return ""
