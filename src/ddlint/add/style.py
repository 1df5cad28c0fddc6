"""A table's row style, read from its own rows: how ``ddlint add`` writes a new one.

Each habit is the majority of the rows that show it, in the table (the list's rows
when none of the table's shows it; a default when none of the list's does):

* authors: ``First Author et al`` (with the suffix as written: `` et al``, ``, et al.``),
  the full list (names joined as written: ``, ``), or names separated by ``<br>``;
* the title: a bold link ``[**T**](url)``, a link in bold ``**[T](url)**``, a plain
  link ``[T](url)``, or no link (the paper's link then goes to a Paper column);
* in a ``Title & Authors`` cell, what separates the title from the names;
* the arXiv link form (``/abs/ID``, ``/pdf/ID``, ``/pdf/ID.pdf``; DD305's option wins),
  and the OpenReview one (``/forum?id=``, ``/pdf?id=``);
* the label of a code link (``[Code](…)``) and of a Paper column's link;
* a column's emphasis (``**2023**``, ``` `Preprint` ```) and a Date column's form
  (``2023.05``, ``2023-5``);
* the venue name of preprints (``arXiv``, ``Preprint``, ``Arxiv``: the list's own, as
  DD208 holds a column to one spelling), and whether Venue cells write a year at all.

The venue's form and month style are the list's (DD403's reading,
``rules.format._venue_style``), and the padding is the table's (``add.cells``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ddlint.inline.urls import arxiv_parts
from ddlint.records.cells import is_paper_url
from ddlint.records.model import PaperTable, Records, RowRecord
from ddlint.records.paper import ET_AL
from ddlint.records.venues import extract_year, parse_venue

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ET_AL_SUFFIX = re.compile(r"[\s,]*\bet\.?\s*al\b\.?.*$", re.IGNORECASE | re.DOTALL)
_LINK = r"\[(?P<label>[^\[\]]+)\]\((?P<url>[^()\s]+)\)"
_TITLE_FORMS = {
    "bold-link": re.compile(r"\[\*\*[^*].*\*\*\]\([^()\s]+\)"),
    "link-in-bold": re.compile(rf"\*\*{_LINK}\*\*"),
    "link": re.compile(_LINK),
    "bold": re.compile(r"\*\*[^*\[\]]+\*\*"),
    "plain": re.compile(r"[^*\[\]()<>|]+"),
}
# After the title in a `Title & Authors` cell: the line break and the names' emphasis.
_SHARED_AUTHORS = re.compile(r"^(?P<title>.*?\))(?P<sep>\s*<br\s*/?>\s*)(?P<mark>[*_]*)(?=[^*_])")
_OPENREVIEW = re.compile(r"https?://(?:www\.)?openreview\.net/(forum|pdf)\?id=")
_BOLD_LINK = re.compile(r"\[\*\*[^*\]]+\*\*\]\(")
_MARKED = re.compile(r"(\*\*|`|\*|_)(?!\s)[^*`_|]+(?<!\s)\1")
_DATE = re.compile(r"((?:19|20)\d\d)(?:([-./])(0?[1-9]|1[0-2]))?")
_CODE_LABEL = re.compile(r"code|github|repo|implementation|代码", re.IGNORECASE)
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co")

K = TypeVar("K")


@dataclass(frozen=True)
class AuthorsStyle:
    kind: str  # "et-al", "full" or "br"
    suffix: str = " et al"  # after the first author, "et-al"
    separator: str = ", "  # between two names, "full" and "br"


@dataclass(frozen=True)
class RowStyle:
    authors: AuthorsStyle
    title: str  # a key of _TITLE_FORMS
    shared_separator: str  # `Title & Authors`: between the title and the names
    shared_mark: str  # and around the names (`*`, `_`, or nothing)
    arxiv: tuple[str, bool]  # ("abs" | "pdf", the .pdf suffix)
    openreview: str  # "forum" or "pdf": openreview.net/forum?id=… or /pdf?id=…
    code_label: str
    paper_label: str | None  # a Paper column's link label; None: a bare URL
    marks: tuple[str, ...] = ()  # per column: `**`, `` ` ``, `*`, `_` around its cells, or ""
    date_form: str | None = None  # a Date column's: "{year}.{mm}", "{year}-{m}", "{year}"
    preprint_name: str = "arXiv"  # what the list calls a preprint's venue (`Preprint`, `CoRR`)
    venue_year: bool = True  # the table's venue cells write a year (else a Year column does)


def read_row_style(
    records: Records, table: PaperTable, arxiv_option: str | None = None
) -> RowStyle:
    """The style a new row of ``table`` is written in (see the module)."""
    own = [r for r in records.paper_rows if r.table.table.index == table.table.index]
    every = list(records.paper_rows)
    authors = _majority(own, every, _authors_of) or AuthorsStyle("full")
    title = _majority(own, every, _title_of) or "link"
    shared = _majority(own, every, _shared_of) or ("<br>", "")
    arxiv = _majority(own, every, _arxiv_of) or ("abs", False)
    if arxiv_option == "abs":
        arxiv = ("abs", False)
    elif arxiv_option == "pdf":
        arxiv = ("pdf", arxiv[0] == "pdf" and arxiv[1])
    openreview = _majority(own, every, _openreview_of) or "forum"
    code = _majority(own, every, _code_label_of) or "Code"
    paper_label = _majority(own, every, _paper_label_of)
    label = paper_label[0] if paper_label else None
    marks = tuple(_column_mark(own, k) for k in range(table.table.columns))
    date_form = _majority(own, every, _date_form_of)
    # The list's spelling, not the table's: DD208 holds a column to one spelling list-wide.
    preprint = _majority(every, every, _preprint_name_of) or "arXiv"
    venue_year = _majority(own, every, _venue_year_of)
    return RowStyle(
        authors, title, shared[0], shared[1], arxiv, openreview, code, label, marks, date_form,
        preprint, venue_year is not False,
    )  # fmt: skip


def _venue_cell(record: RowRecord) -> str | None:
    cell = record.cell("venue")
    text = cell.text.strip("`*_ ") if cell is not None else ""
    return text or None


def _preprint_name_of(record: RowRecord) -> str | None:
    text = _venue_cell(record)
    venue = parse_venue(text) if text else None
    if text is None or venue is None or venue.kind != "preprint" or not venue.name:
        return None
    written = re.search(re.escape(venue.name), text, re.IGNORECASE)  # as the cell spells it
    return written.group() if written else venue.name


def _venue_year_of(record: RowRecord) -> bool | None:
    text = _venue_cell(record)
    return extract_year(text) is not None if text else None


def _column_mark(rows: Sequence[RowRecord], column: int) -> str:
    """The emphasis most of the column's cells are wrapped in (`**2023**`), or ""."""
    counts: Counter[str] = Counter()
    for record in rows:
        cell = record.cells[column] if column < len(record.cells) else None
        if cell is not None and cell.text:
            found = _MARKED.fullmatch(cell.text)
            counts[found.group(1) if found else ""] += 1
    return counts.most_common(1)[0][0] if counts else ""


def _date_form_of(record: RowRecord) -> str | None:
    cell = record.cell("date")
    found = _DATE.fullmatch(cell.text.strip("`* ")) if cell is not None else None
    if found is None:
        return None
    _, separator, month = found.groups()
    if not separator:
        return "{year}"
    return "{year}" + separator + ("{mm}" if len(month) == 2 else "{m}")


def _majority(
    own: Sequence[RowRecord], every: Sequence[RowRecord], read: Callable[[RowRecord], K | None]
) -> K | None:
    """The value most of the table's rows that show it have; else the list's."""
    for rows in (own, every):
        counts = Counter(value for record in rows if (value := read(record)) is not None)
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _authors_of(record: RowRecord) -> AuthorsStyle | None:
    paper = record.paper
    if paper is None:
        return None
    text = _author_source(record)
    if text is None or not text.strip():
        return None
    if _BR.search(text):
        names = [n.strip() for n in _BR.split(text)]
        return AuthorsStyle("br", separator=_between(text, names) or "<br>")
    if paper.et_al and len(paper.authors) == 1:
        suffix = _ET_AL_SUFFIX.search(text)
        return AuthorsStyle("et-al", suffix=suffix.group().rstrip() if suffix else " et al")
    if len(paper.authors) > 1 and not ET_AL.search(text):
        return AuthorsStyle("full", separator=_between(text, paper.authors) or ", ")
    return None  # one author: fits every style


def _author_source(record: RowRecord) -> str | None:
    """The authors' source text: their cell's, or the names after the title."""
    if record.table.columns.column_of("authors") == record.table.columns.column_of("title"):
        cell = record.cell("title")
        found = _SHARED_AUTHORS.match(cell.text) if cell is not None else None
        return cell.text[found.end() :].strip("*_ ") if found and cell is not None else None
    cell = record.cell("authors")
    return cell.text if cell is not None else None


def _between(text: str, names: Sequence[str]) -> str | None:
    """What the text writes between its first two names."""
    if len(names) < 2:
        return None
    first = text.find(names[0])
    second = text.find(names[1], first + len(names[0])) if first >= 0 else -1
    return text[first + len(names[0]) : second] if second > first else None


def _title_of(record: RowRecord) -> str | None:
    cell = record.cell("title")
    if cell is None or not cell.text:
        return None
    text = cell.text
    if record.table.columns.column_of("authors") == record.table.columns.column_of("title"):
        shared = _SHARED_AUTHORS.match(text)
        text = shared.group("title") if shared else text
    form = next((name for name, form in _TITLE_FORMS.items() if form.fullmatch(text)), None)
    if form is None and _BOLD_LINK.search(text):  # among badges and `<br>` lines
        return "bold-link"
    return form


def _shared_of(record: RowRecord) -> tuple[str, str] | None:
    if record.table.columns.column_of("authors") != record.table.columns.column_of("title"):
        return None
    cell = record.cell("title")
    found = _SHARED_AUTHORS.match(cell.text) if cell is not None else None
    return (found.group("sep"), found.group("mark")) if found else None


def _arxiv_of(record: RowRecord) -> tuple[str, bool] | None:
    """The form of the row's arXiv link: its title's, else one in its other cells (DD305
    reads them all)."""
    paper = record.paper
    if paper is None:
        return None
    cells = (link.url for content in record.contents if content for link in content.links)
    for url in (paper.url or "", *cells):
        parts = arxiv_parts(url.strip())
        if parts is not None:
            return parts[0], parts[0] == "pdf" and parts[3]
    return None


def _openreview_of(record: RowRecord) -> str | None:
    url = (record.paper.url or "") if record.paper is not None else ""
    found = _OPENREVIEW.match(url.strip())
    return found.group(1) if found else None


def _code_label_of(record: RowRecord) -> str | None:
    paper = record.paper
    if paper is None:
        return None
    for link in paper.links:
        host = link.url.lower()
        if _CODE_LABEL.search(link.label) or any(h in host for h in _CODE_HOSTS):
            label = link.label.strip()
            return label if label and "://" not in label else None
    return None


def _paper_label_of(record: RowRecord) -> tuple[str | None] | None:
    """A Paper column's link label (``(None,)``: the bare URL), when the title has none."""
    column = record.table.columns.column_of("paper_link")
    content = record.contents[column] if column is not None else None
    if content is None or not content.links:
        return None
    link = next((link for link in content.links if is_paper_url(link.url)), None)
    if link is None:
        return None
    return (None,) if link.kind in ("bare", "autolink") else (link.label,)
