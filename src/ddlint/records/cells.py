"""What a table's cells say about its columns, where the header alone cannot tell.

Two shapes of real lists need the cells:

- a ``Title`` (or ``Paper``) column whose cells are only `[Paper](url)` links, beside a
  column of names (``Benchmarks``, ``Name``): the names are the titles, and the links
  the papers' links;
- a ``| Title | Description |`` table, without an author, venue or date column: it
  lists papers when its title cells link to papers (arXiv, OpenReview, a DOI, a PDF…).

Both are read from the first rows of the table, and a clear majority decides (80 %,
as everywhere the list's own convention is read).
"""

from __future__ import annotations

from collections.abc import Sequence

from ddlint.gfm.document import Row
from ddlint.inline.parse import InlineCache, InlineContent
from ddlint.inline.urls import paper_ids, split_url
from ddlint.records.columns import ColumnMap, header_key
from ddlint.records.title import is_paper_label

_SAMPLE = 50  # rows read per table: a table's first rows show its shape
_CLEAR = 0.8

# Hosts whose links are papers (a DOI or an arXiv id is one wherever it is).
_PAPER_HOSTS = (
    "arxiv.org", "openreview.net", "aclanthology.org", "aclweb.org", "papers.nips.cc",
    "proceedings.neurips.cc", "proceedings.mlr.press", "openaccess.thecvf.com",
    "dl.acm.org", "ieeexplore.ieee.org", "link.springer.com", "sciencedirect.com",
    "ojs.aaai.org", "ijcai.org", "jmlr.org", "nature.com", "science.org", "biorxiv.org",
    "medrxiv.org", "semanticscholar.org", "researchgate.net", "ssrn.com", "pubmed.ncbi.nlm.nih.gov",
    "ecva.net", "bmvc2022.org", "isca-archive.org", "aaai.org",
)  # fmt: skip
_NAME_WORDS = frozenset({"name", "names", "名称"})


def settle_columns(
    columns: ColumnMap, rows: Sequence[Row], inline: InlineCache
) -> tuple[ColumnMap, bool]:
    """``columns`` as the cells show them, and whether the table holds papers."""
    title = columns.column_of("title")
    if title is None:
        return columns, columns.is_paper_table
    sample = [
        [inline.parse(cell.text) for cell in row.cells[: len(columns.headers)]]
        for row in rows[:_SAMPLE]
    ]
    names = _name_column(columns, sample, title)
    if names is not None:
        fields = list(columns.fields)
        fields[title] = tuple("paper_link" if f == "title" else f for f in fields[title])
        fields[names] = ("title",)
        columns = ColumnMap(columns.headers, tuple(fields))
        return columns, columns.is_paper_table or _links_papers(sample, title)
    return columns, columns.is_paper_table or _links_papers(sample, title)


def _column(sample: list[list[InlineContent]], index: int) -> list[InlineContent]:
    """The filled cells of one column in the sample."""
    return [
        row[index]
        for row in sample
        if index < len(row) and (row[index].text.strip() or row[index].links)
    ]


def _clear(count: int, total: int) -> bool:
    return total > 0 and count >= _CLEAR * total


def _name_column(columns: ColumnMap, sample: list[list[InlineContent]], title: int) -> int | None:
    """The column of names to read titles from, when the title column holds only
    `[Paper](url)` links: a "Name" column, else the first column of plain text left of it
    that feeds no field."""
    cells = _column(sample, title)
    if not _clear(sum(_only_paper_links(cell) for cell in cells), len(cells)):
        return None
    free = [i for i, fields in enumerate(columns.fields) if not fields and i != title]
    named = [i for i in free if set(header_key(columns.headers[i]).split()) & _NAME_WORDS]
    for index in named + [i for i in free if i < title]:
        texts = _column(sample, index)
        plain = sum(1 for cell in texts if cell.text.strip() and not cell.links)
        if _clear(plain, len(sample)):
            return index
    return None


def _only_paper_links(cell: InlineContent) -> bool:
    """`[Paper](url)`, `[[pdf]](url)`, a badge: links, and no title among them."""
    if not cell.links or not all(
        link.has_image or is_paper_label(link.label) for link in cell.links
    ):
        return False
    rest = cell.text
    for link in (*cell.links, *cell.images):
        rest = rest.replace(link.label, " ", 1)
    return not rest.strip(" ,|/·-[]")


def _links_papers(sample: list[list[InlineContent]], index: int) -> bool:
    """Whether the column's cells clearly link to papers (`| Title | Description |`)."""
    cells = _column(sample, index)
    linked = sum(1 for cell in cells if any(is_paper_url(link.url) for link in cell.links))
    return _clear(linked, len(cells))


def is_paper_url(url: str) -> bool:
    """A link to a paper: an arXiv id or a DOI in it, a known host of papers, or a PDF."""
    url = url.strip()
    if not url or paper_ids(url):
        return bool(url)
    parts = split_url(url)
    host = (parts.hostname or "").lower()
    if any(host == known or host.endswith("." + known) for known in _PAPER_HOSTS):
        return True
    return parts.path.lower().endswith(".pdf")
