"""The arXiv API: ``id_list`` queries, many ids per request, answered as an Atom feed.

https://info.arxiv.org/help/api/user-manual.html: ``GET {api}?id_list=a,b&max_results=2``
returns one ``<entry>`` per known id; its ``<id>`` is the abs URL with the version, its
``<published>`` the first version's date. An id arXiv does not know gets no entry: it
reads as unknown. An entry whose ``<id>`` is under ``/api/errors`` is the API's error
form for the request as a whole (a malformed id): every id asked reads as not checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence

from ddlint.inline.urls import arxiv_parts

from .http import PoliteClient, SourceError, parsed
from .model import (
    LookupFailure,
    MetadataOptions,
    PaperId,
    PaperMetadata,
    one_line,
    plausible_month,
    plausible_year,
)

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})")
SOURCE = "arXiv API"


def lookup(
    client: PoliteClient, options: MetadataOptions, ids: Sequence[PaperId]
) -> dict[PaperId, PaperMetadata | LookupFailure]:
    """Each arXiv id of ``ids``, asked in batches of ``options.batch_size``."""
    found: dict[PaperId, PaperMetadata | LookupFailure] = {}
    size = max(1, options.batch_size)
    for start in range(0, len(ids), size):
        batch = list(ids[start : start + size])
        params = {
            "id_list": ",".join(paper_id.value for paper_id in batch),
            "max_results": str(len(batch)),
        }
        try:
            answer = client.get(options.arxiv_api, params)
            if answer.status != 200:
                raise SourceError(f"HTTP {answer.status}")
            entries = parsed(read_feed, answer.body)
        except SourceError as error:
            found.update((i, LookupFailure(i, f"{SOURCE}: {error.detail}", False)) for i in batch)
            continue
        for paper_id in batch:
            paper = entries.get(paper_id.value)
            found[paper_id] = paper or LookupFailure(
                paper_id, f"{SOURCE}: arXiv does not know {paper_id.value}", True
            )
    return found


def read_feed(body: bytes) -> dict[str, PaperMetadata]:
    """The papers of an Atom answer by arXiv id; ``SourceError`` when it is not one."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise SourceError(f"unreadable answer ({error})") from None
    if root.tag != f"{_ATOM}feed":
        raise SourceError("the answer is not an Atom feed")
    papers: dict[str, PaperMetadata] = {}
    for entry in root.iter(f"{_ATOM}entry"):
        if "/api/errors" in _text(entry, f"{_ATOM}id"):
            # The API's error form answers for the whole request, not for one id.
            raise SourceError(f"error: {_text(entry, f'{_ATOM}summary') or 'no detail'}")
        paper = _paper(entry)
        if paper is not None and paper.arxiv_id is not None:
            papers[paper.arxiv_id] = paper
    return papers


def _paper(entry: ElementTree.Element) -> PaperMetadata | None:
    parts = arxiv_parts(_text(entry, f"{_ATOM}id").replace("http://", "https://", 1))
    title = _text(entry, f"{_ATOM}title")
    if parts is None or not title:
        return None
    arxiv_id = parts[1]
    authors = tuple(
        name
        for author in entry.iter(f"{_ATOM}author")
        if (name := one_line(author.findtext(f"{_ATOM}name")))
    )
    date = _DATE.match(_text(entry, f"{_ATOM}published"))
    doi = _text(entry, f"{_ARXIV}doi").lower() or None
    return PaperMetadata(
        id=PaperId("arxiv", arxiv_id),
        title=title,
        authors=authors,
        year=plausible_year(date.group(1)) if date else None,
        month=plausible_month(int(date.group(2))) if date else None,
        venue="arXiv",
        preprint=True,
        arxiv_id=arxiv_id,
        doi=doi,
        url=f"https://arxiv.org/abs/{arxiv_id}",
        source="arxiv",
    )


def _text(entry: ElementTree.Element, tag: str) -> str:
    return one_line(entry.findtext(tag))
