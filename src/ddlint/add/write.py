"""A new paper's cells, one per column of its table, in the table's style.

Cells ``ddlint add`` cannot fill (Type, Task, Dataset, a Code column without
``--code``) stay empty. Text from a source is put on one line and what Markdown would
read as syntax escaped (``escape``), so a title never splits a row and GitHub shows
it as the source wrote it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ddlint.add.paper import NewPaper
from ddlint.add.style import RowStyle
from ddlint.inline.urls import arxiv_url
from ddlint.records.model import PaperTable
from ddlint.records.venue_form import write_venue
from ddlint.rules.format._venue_style import VenueStyle

_SPACES = re.compile(r"\s+")
_PLAIN_FORM = "{name}, {year}"
_DATED_FORM = "{name}, {month}, {year}"


def paper_cells(
    paper: NewPaper, table: PaperTable, style: RowStyle, venues: VenueStyle
) -> list[str]:
    columns = table.columns
    paper_column = columns.column_of("paper_link")
    linked_apart = paper_column is not None and paper_column != columns.column_of("title")
    fed = {field for fields in columns.fields for field in fields}
    dated = ("year" in fed and paper.year is not None) or (
        "date" in fed and bool(_date(paper, style))
    )
    cells: list[str] = []
    for fields in columns.fields:
        if "title" in fields:
            cell = _title(paper, style, linked_apart)
            if "authors" in fields and paper.authors:
                mark = style.shared_mark
                names = f"{mark}{_authors(paper, style)}{mark[::-1]}"
                cell += f"{style.shared_separator}{names}"
        elif "authors" in fields:
            cell = _authors(paper, style)
        elif "venue" in fields:
            cell = _marked(_venue(paper, style, venues, dated), style, len(cells))
        elif "year" in fields:
            cell = _marked(str(paper.year) if paper.year else "", style, len(cells))
        elif "date" in fields:
            cell = _marked(_date(paper, style), style, len(cells))
        elif "paper_link" in fields:
            cell = _paper_link(paper, style)
        elif "links" in fields:
            cell = f"[{style.code_label}]({paper.code})" if paper.code else ""
        else:
            cell = ""
        cells.append(cell)
    return cells


def _venue(paper: NewPaper, style: RowStyle, venues: VenueStyle, dated: bool) -> str:
    """The venue in the list's style; a preprint under the list's name for preprints; only
    the name where the table's venue cells write no year and the row is dated apart."""
    renamed = paper.venue == "arXiv" or style.preprint_name != "arXiv"
    if paper.preprint and paper.venue in ("arXiv", "CoRR", "OpenReview") and renamed:
        paper = replace(paper, venue=style.preprint_name)
    if not style.venue_year and dated:
        return escape(paper.venue or "")
    return venue_text(paper, venues) or ""


def _marked(text: str, style: RowStyle, column: int) -> str:
    """The cell wrapped as its column's cells are (`**2023**`, `` `Preprint` ``)."""
    mark = style.marks[column] if column < len(style.marks) else ""
    return f"{mark}{text}{mark}" if text and mark else text


def _date(paper: NewPaper, style: RowStyle) -> str:
    """The paper's date in the Date column's form, where the paper says as much."""
    form = style.date_form
    if form is None or paper.year is None or (paper.month is None and form != "{year}"):
        return ""
    month = paper.month or 0
    text = form.replace("{year}", str(paper.year)).replace("{mm}", f"{month:02d}")
    return text.replace("{m}", str(month))


def paper_url(paper: NewPaper, style: RowStyle) -> str | None:
    """The paper's link, an arXiv or OpenReview one in the list's form."""
    if paper.arxiv_id:
        return arxiv_url(paper.arxiv_id, style.arxiv[0], "", style.arxiv[1])
    if paper.openreview_id:
        return f"https://openreview.net/{style.openreview}?id={paper.openreview_id}"
    return paper.url


def _title(paper: NewPaper, style: RowStyle, linked_apart: bool) -> str:
    """The title in the table's form; a title without a link in a table with a Paper
    column leaves the link to that column."""
    title = escape(paper.title)
    url = paper_url(paper, style)
    bold = style.title in ("bold", "bold-link", "link-in-bold")
    if url is None or (linked_apart and style.title in ("bold", "plain")):
        return f"**{title}**" if bold else title
    if style.title == "link-in-bold":
        return f"**[{title}]({url})**"
    return f"[**{title}**]({url})" if bold else f"[{title}]({url})"


def _paper_link(paper: NewPaper, style: RowStyle) -> str:
    url = paper_url(paper, style)
    if url is None or style.title not in ("bold", "plain"):
        return ""  # the title links the paper: the column stays empty
    return f"[{style.paper_label}]({url})" if style.paper_label else url


def _authors(paper: NewPaper, style: RowStyle) -> str:
    names = [escape(name) for name in paper.authors]
    if not names:
        return ""
    if style.authors.kind == "et-al":
        return names[0] + (style.authors.suffix if len(names) > 1 else "")
    return style.authors.separator.join(names)


def venue_text(paper: NewPaper, venues: VenueStyle) -> str | None:
    """The venue in the list's style: ``ICML, 2022``, ``arXiv, Dec., 2022``; a preprint
    gets its month where the list writes months."""
    if not paper.venue or paper.year is None:
        return escape(paper.venue) if paper.venue else None
    plain = venues.plain.value if venues.plain else _most_form(venues, dated=False)
    dated = venues.dated.value if venues.dated else _most_form(venues, dated=True)
    style = venues.month_style or "abbrev-dot"
    if paper.preprint and paper.month and dated:
        number = "{mm}" in dated
        month_style = "number" if number else ("abbrev-dot" if style == "number" else style)
        written = write_venue(dated, paper.venue, paper.year, paper.month, month_style)
        if written is not None:
            return written
    written = write_venue(plain or _PLAIN_FORM, paper.venue, paper.year, None, style)
    return written or f"{paper.venue}, {paper.year}"


def _most_form(venues: VenueStyle, *, dated: bool) -> str | None:
    forms = Counter(
        cell.form.skeleton
        for cell in venues.cells
        if cell.form is not None and (cell.form.month is not None) == dated
    )
    if forms:
        return forms.most_common(1)[0][0]
    return None if dated or venues.cells else _PLAIN_FORM


# What Markdown would read as syntax in a cell's text: a backslash (it would escape
# what follows: a title ending in one would undo its closing ``**``), the pipe that ends
# a cell, brackets (a link, or the end of the title's link label), emphasis, code and
# strikethrough marks, the ``<`` that opens raw HTML or an autolink (GitHub hides
# ``<Masks>``), the ``&`` of an entity (``&amp;`` would show as ``&``), and an
# underscore that is not inside a word (inside one it is no emphasis in GFM).
_SYNTAX = re.compile(r"[\\|\[\]*`~]|<(?=[A-Za-z/!?])|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")


def escape(text: str) -> str:
    """One line, with what Markdown would read as syntax escaped (see ``_SYNTAX``)."""
    return _SYNTAX.sub(lambda m: "\\" + m.group(), _SPACES.sub(" ", text).strip())
