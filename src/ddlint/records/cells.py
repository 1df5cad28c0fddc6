"""What a table's cells say about its columns, where the header alone cannot tell.

Two shapes of real lists need the cells:

- a ``Title`` (or ``Paper``) column whose cells are only `[Paper](url)` links, beside a
  column of names (``Benchmarks``, ``Name``): the names are the titles, and the links
  the papers' links;
- a ``| Title | Description |`` table, without an author, venue or date column: it
  lists papers when its title cells link to papers (arXiv, OpenReview, a DOI, a PDF…).

A clear majority of the rows decides (80 %, as everywhere the list's own convention
is read).
"""

from __future__ import annotations

from collections.abc import Sequence

from ddlint.gfm.document import Row
from ddlint.inline.parse import InlineCache, InlineContent
from ddlint.inline.urls import paper_ids, split_url
from ddlint.records.columns import ColumnMap, header_key
from ddlint.records.title import is_paper_label

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
    """``columns`` as the cells show them, and whether the table holds papers.

    A safe fix must not change the answer, or it would change which rows are records
    (DESIGN.md §3.3): every row counts, in any order (DD401 reorders them), a row whose
    title cell is empty is left out (a template row, which DD201 deletes), and an empty
    link counts as nothing (DD301 removes it).
    """
    title = columns.column_of("title")
    if title is None:
        return columns, columns.is_paper_table
    filled = [
        row
        for row in rows
        if title < len(row.cells) and _filled(inline.parse(row.cells[title].text))
    ]
    cells = [inline.parse(row.cells[title].text) for row in filled]
    names = _name_column(columns, filled, cells, title, inline)
    if names is not None:
        fields = list(columns.fields)
        fields[title] = tuple("paper_link" if f == "title" else f for f in fields[title])
        fields[names] = ("title",)
        columns = ColumnMap(columns.headers, tuple(fields))
    return columns, columns.is_paper_table or _links_papers(cells)


def _filled(cell: InlineContent) -> bool:
    """A cell that holds something: a link that goes somewhere, or text other than
    emphasis markers (`[** **]()` is empty)."""
    return any(link.url.strip() for link in cell.links) or bool(cell.text.strip(" *_~-\t"))


def _clear(count: int, total: int) -> bool:
    return total > 0 and count >= _CLEAR * total


def _name_column(
    columns: ColumnMap,
    rows: list[Row],
    cells: list[InlineContent],
    title: int,
    inline: InlineCache,
) -> int | None:
    """The column of names to read titles from, when the title column holds only
    `[Paper](url)` links: a "Name" column, else the first column of plain text left of it
    that feeds no field."""
    if not _clear(sum(_only_paper_links(cell) for cell in cells), len(cells)):
        return None
    free = [i for i, fields in enumerate(columns.fields) if not fields and i != title]
    named = [i for i in free if set(header_key(columns.headers[i]).split()) & _NAME_WORDS]
    for index in named + [i for i in free if i < title]:
        texts = [inline.parse(row.cells[index].text) for row in rows if index < len(row.cells)]
        plain = sum(1 for cell in texts if cell.text.strip() and not cell.links)
        if _clear(plain, len(rows)):
            return index
    return None


def _only_paper_links(cell: InlineContent) -> bool:
    """`[Paper](url)`, `[[pdf]](url)`, a badge: links, and no title among them."""
    links = [link for link in cell.links if link.url.strip()]
    if not links or not all(link.has_image or is_paper_label(link.label) for link in links):
        return False
    rest = cell.text
    for link in (*cell.links, *cell.images):
        rest = rest.replace(link.label, " ", 1)
    return not rest.strip(" ,|/·-[]")


def _links_papers(cells: list[InlineContent]) -> bool:
    """Whether the title cells clearly link to papers (`| Title | Description |`)."""
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
