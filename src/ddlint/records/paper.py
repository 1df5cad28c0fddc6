"""One paper row's cells → its ``Paper``: where each field sits in the table, and how
a title, its authors, a venue, a year and links are read from their cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

from ddlint.gfm.document import Cell, Row
from ddlint.inline.parse import InlineCache, InlineContent
from ddlint.records.build import construct, construct_link, construct_origin
from ddlint.records.cells import is_paper_url
from ddlint.records.columns import ColumnMap
from ddlint.records.dates import arxiv_year, date_year, is_date
from ddlint.records.memo import TablePapers
from ddlint.records.model import Link, Origin, Paper, Section, Venue
from ddlint.records.title import TitleCell, is_paper_label, read_title
from ddlint.records.venues import parse_venue

ET_AL = re.compile(r"[\s,]*\bet\.?\s*al\b\.?", re.IGNORECASE)
_T = TypeVar("_T")
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;、，]|\band\b|&)\s*")
_BIBTEX_SPLIT = re.compile(r"\s+and\s+")
_DATASET_SPLIT = re.compile(r"\s*[,;]\s*")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)

_Filled = dict[str, tuple[InlineContent, ...]]


def _listed(values: Sequence[_T]) -> list[_T]:
    """A list of its own with ``values``: every record has lists and a dict of its own,
    empty ones too, as records reach callers of the API, who may change them."""
    return list(values)


class Layout:
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


class Parsers:
    """What every row of one extraction shares: the document's inline cache, a cache for
    parses that ignore the document's references, and the split name lists of the author
    and dataset texts seen so far (lists repeat names and whole cells across thousands of
    rows: each distinct text is split once, each distinct name kept once)."""

    __slots__ = ("_authors", "_datasets", "_et_al", "_strings", "inline", "papers", "plain")

    def __init__(self, inline: InlineCache, papers: TablePapers | None) -> None:
        self.inline = inline
        self.papers = papers
        self.plain = InlineCache({})
        self._strings: dict[str, str] = {}
        self._authors: dict[str, tuple[str, ...]] = {}
        # The author texts that end in "et al.": apart, rather than in a pair with each
        # text's names, as most texts differ and each pair took as much room as its names.
        self._et_al: set[str] = set()
        self._datasets: dict[str, tuple[str, ...]] = {}

    def authors(self, text: str) -> tuple[list[str], bool]:
        """``_authors(text)``, its names shared with every other record's."""
        found = self._authors.get(text)
        if found is None:
            names, et_al = _authors(text)
            found = self._authors[text] = self._shared(names)
            if et_al:
                self._et_al.add(text)
        return _listed(found), text in self._et_al

    def datasets(self, text: str) -> list[str]:
        found = self._datasets.get(text)
        if found is None:
            found = self._datasets[text] = self._shared(_datasets(text))
        return _listed(found)

    def _shared(self, values: Iterable[str]) -> tuple[str, ...]:
        # Each string replaced by an equal one seen before: a string is immutable.
        strings = self._strings
        return tuple([strings.setdefault(value, value) for value in values])


def build_paper(
    row: Row,
    layout: Layout,
    cells: Sequence[Cell | None],
    contents: Sequence[InlineContent | None],
    section: Section,
    parsers: Parsers,
) -> Paper:
    extra = {name: c.text for index, name in layout.extra if (c := contents[index]) is not None}
    filled = layout.filled(contents)
    title_cell = _title_cell(layout, cells, filled, parsers.inline)
    title, url, extra_links = _title_and_url(layout, title_cell, filled)
    author_text = _author_text(layout, cells, contents, title_cell, parsers.plain)
    authors, et_al = parsers.authors(author_text)
    venue_text = " ".join(c.text for c in filled.get("venue", ())).strip()
    venue = _venue(venue_text) if venue_text else _venue_in_date(layout, filled)
    links = extra_links + [
        _link(link.label, link.url) for c in filled.get("links", ()) for link in c.links
    ]
    if url is None:  # a title without a link: the paper is the `[pdf]`/`Paper` link
        url = next((link.url for link in links if is_paper_label(link.label)), None)
    year = _year(layout, filled, contents, venue, section, url, links)
    return construct(
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


def moved_paper(paper: Paper, row: Row, section: Section) -> Paper:
    """``paper`` at ``row``: equal to what ``build_paper`` builds for a row of the same cells.
    Its lists and dict are copies, as every record has its own (but the empty ones)."""
    values = dict(paper.__dict__)
    values["authors"] = _listed(paper.authors)
    values["datasets"] = _listed(paper.datasets)
    values["links"] = _listed(paper.links)
    values["extra"] = dict(paper.extra)
    values["section"] = section
    values["origin"] = _origin(row)
    return construct(Paper, **values)


@lru_cache(maxsize=4096)
def _venue(text: str) -> Venue | None:
    parsed = parse_venue(text)
    if parsed is None:
        return None
    return construct(
        Venue,
        raw=parsed.raw,
        name=parsed.name,
        year=parsed.year,
        month=parsed.month,
        kind=parsed.kind,
    )


def _venue_in_date(layout: Layout, filled: _Filled) -> Venue | None:
    """A known venue and its year written in a Date column of a table with no Venue
    column (`Pub. Date`: `ICCV, 2023` in one row, `Nov., 2023` in the next)."""
    if "venue" in layout.columns:
        return None
    for content in filled.get("date", ()):
        venue = _venue(content.text.strip()) if content.text.strip() else None
        if venue is not None and venue.kind is not None and venue.name and venue.year:
            return venue
    return None


def _link(label: str, url: str) -> Link:
    return construct_link(label, url)


def _author_text(
    layout: Layout,
    cells: Sequence[Cell | None],
    contents: Sequence[InlineContent | None],
    title_cell: TitleCell | None,
    plain: InlineCache,
) -> str:
    """The authors' plain text, names separated as the cells separate them."""
    if layout.shares_title:  # `Title & Authors`: the names beside the title, never the title
        return plain.parse(title_cell.authors).text if title_cell is not None else ""
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


def _title_cell(
    layout: Layout, cells: Sequence[Cell | None], filled: _Filled, inline: InlineCache
) -> TitleCell | None:
    """The first title cell of the row, read (title.read_title)."""
    title_cells = filled.get("title", ())
    if not title_cells:
        return None
    text = layout.texts("title", cells)[0]
    return read_title(text, title_cells[0], inline.parse, layout.shares_title)


def _title_and_url(
    layout: Layout, title_cell: TitleCell | None, filled: _Filled
) -> tuple[str, str | None, list[Link]]:
    """Title text, paper URL, and further links in the title cell."""
    url: str | None = None
    title = ""
    extra_links: list[Link] = []
    if title_cell is not None:
        title, url = title_cell.title, title_cell.url
        extra_links = [_link(link.label, link.url) for link in title_cell.others]
    # A `Repository / Paper` column feeds the links too: its links are kept there.
    listed = set(layout.columns.get("links", ()))
    keeps = not any(index in listed for index in layout.columns.get("paper_link", ()))
    for link_cell in filled.get("paper_link", ()):
        links = [link for link in link_cell.links if link.url.strip()]
        # The paper's link: one to a paper (`[![arXiv](badge)](arxiv.org/…)` beside a
        # star badge) before any other.
        links.sort(key=lambda link: not is_paper_url(link.url))
        for link in links:
            if url is None:  # the Paper column's link is the paper's, unless the title has one
                url = link.url
            elif keeps:  # kept among the links: the Paper column links somewhere of its own
                extra_links.append(_link(link.label, link.url))
        if not title and link_cell.text:
            title = link_cell.text
    return title.strip(), url, extra_links


def _shares_title(columns: ColumnMap) -> bool:
    return "authors" in _fields_of_title(columns)


def _fields_of_title(columns: ColumnMap) -> tuple[str, ...]:
    index = columns.column_of("title")
    return columns.fields[index] if index is not None else ()


def _authors(text: str) -> tuple[list[str], bool]:
    et_al = bool(ET_AL.search(text))
    text = ET_AL.sub("", text).strip(" ,;")
    parts = _BIBTEX_SPLIT.split(text)
    if len(parts) > 1 and all(part.count(",") == 1 for part in parts):
        names = [part.strip(" .") for part in parts]  # `Xu, Zonghuan and Li, Jiayu`: BibTeX
    else:
        names = [name.strip(" .") for name in _AUTHOR_SPLIT.split(text)]
    return [name for name in names if name], et_al


def _year(
    layout: Layout,
    filled: _Filled,
    contents: Sequence[InlineContent | None],
    venue: Venue | None,
    section: Section,
    url: str | None,
    links: Sequence[Link],
) -> int | None:
    """The paper's year, from what says it most surely: a Year column, the venue, a date
    in the row (a Date column, a cell that is only a date), the section, an arXiv id."""
    # A Year column may write the month too (`2023.10`): a date there, not an arXiv id.
    year = _first_year(filled.get("year", ()), date_year)
    if year is None and venue is not None:
        year = venue.year
    if year is None:
        year = _first_year(filled.get("date", ()), date_year)
    if year is None:
        dates = [c for i, _ in layout.extra if (c := contents[i]) is not None and is_date(c.text)]
        year = _first_year(dates, date_year)
    if year is None:
        year = section.year
    for link in ((url,) if url else ()) + tuple(link.url for link in links):
        if year is None:
            year = arxiv_year(link)
    return year


def _first_year(contents: Sequence[InlineContent], read: Callable[[str], int | None]) -> int | None:
    for content in contents:
        year = read(content.text)
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
    return construct_origin(row.line, _column(row), row.rendered)


def _column(row: Row) -> int:
    # 1-based column of the row's first character, counted in code points.
    return row.span.start - row.line_span.start + 1
