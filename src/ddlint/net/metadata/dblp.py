"""DBLP's publication search (``format=json``): where a paper was published.

https://dblp.org/faq/How+to+use+the+dblp+search+API.html: ``GET {api}?q=…&format=json&h=N``
answers ``{"result": {"hits": {"hit": [{"info": {...}}]}}}``; each ``info`` has ``title``
(ending in a full stop), ``authors.author`` (one object or a list), ``venue`` (the short
name lists write: "CVPR", "KDD"; sometimes a list), ``year``, ``type``, ``key``, ``doi``.

A search by title finds more than the paper: DBLP also lists its arXiv version (venue
"CoRR", type "Informal and Other Publications") and papers with similar titles. Only a
hit with the same title (case, punctuation and spacing aside), a shared author and a
venue that is not a preprint server is the paper's publication.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ddlint.records.identity import loose_key

from .http import PoliteClient, SourceError, parsed, read_json
from .model import MetadataOptions, PaperMetadata, one_line, plausible_year

SOURCE = "DBLP"
HITS = 30
_INFORMAL = frozenset({"Informal and Other Publications", "Informal Publications"})
_PREPRINT_VENUES = frozenset({"corr", "arxiv", "biorxiv", "medrxiv", "openreview", "ssrn"})
# DBLP tells namesakes apart with a number: "Lei Zhang 0001".
_HOMONYM = re.compile(r"\s+\d{4}$")
_WORD = re.compile(r"[^\W_]+")


def search(client: PoliteClient, options: MetadataOptions, query: str) -> list[dict[str, Any]]:
    """The ``info`` objects DBLP finds for ``query``; ``SourceError`` when it cannot answer."""
    words = " ".join(_WORD.findall(query))  # DBLP reads some punctuation as operators
    answer = client.get(options.dblp_api, {"q": words, "format": "json", "h": str(HITS)})
    if answer.status != 200:
        raise SourceError(f"HTTP {answer.status}")
    return parsed(_hits, read_json(answer.body))


def _hits(data: Any) -> list[dict[str, Any]]:
    result = data.get("result") if isinstance(data, dict) else None
    if not isinstance(result, dict):
        raise SourceError("unreadable answer")
    hits = result.get("hits")
    found = hits.get("hit", []) if isinstance(hits, dict) else []
    if isinstance(found, dict):
        found = [found]
    if not isinstance(found, list):
        return []
    return [
        hit["info"] for hit in found if isinstance(hit, dict) and isinstance(hit.get("info"), dict)
    ]


def publication(paper: PaperMetadata, hits: Iterable[dict[str, Any]]) -> PaperMetadata | None:
    """The earliest hit that is ``paper`` published (see the module doc), as metadata."""
    title = loose_key(paper.title)
    surnames = {_surname(name) for name in paper.authors}
    best: PaperMetadata | None = None
    for info in hits:
        venue = venue_of(info)
        if (
            venue is None
            or loose_key(_text(info.get("title"))) != title
            or _text(info.get("type")) in _INFORMAL
            or str(info.get("key", "")).startswith("journals/corr/")
            or loose_key(venue) in _PREPRINT_VENUES
        ):
            continue
        authors = authors_of(info)
        if surnames and not surnames & {_surname(name) for name in authors}:
            continue  # the same title by other people: another paper
        found = _metadata(paper, info, venue, authors)
        if best is None or (found.year or 9999) < (best.year or 9999):
            best = found
    return best


def hit_by_doi(hits: Iterable[dict[str, Any]], doi: str) -> dict[str, Any] | None:
    """The hit whose DOI is ``doi`` (lower-case), if any."""
    for info in hits:
        if _text(info.get("doi")).lower() == doi:
            return info
    return None


def venue_of(info: dict[str, Any]) -> str | None:
    venue = info.get("venue")
    if isinstance(venue, list):
        venue = venue[0] if venue else None
    text = _text(venue)
    return text or None


def year_of(info: dict[str, Any]) -> int | None:
    return plausible_year(_text(info.get("year")))


def authors_of(info: dict[str, Any]) -> tuple[str, ...]:
    holder = info.get("authors")
    people = holder.get("author") if isinstance(holder, dict) else None
    if isinstance(people, dict):
        people = [people]
    if not isinstance(people, list):
        return ()
    names = (_HOMONYM.sub("", _text(p.get("text") if isinstance(p, dict) else p)) for p in people)
    return tuple(name for name in names if name)


def _metadata(
    paper: PaperMetadata, info: dict[str, Any], venue: str, authors: tuple[str, ...]
) -> PaperMetadata:
    doi = _text(info.get("doi")).lower() or None
    return PaperMetadata(
        id=paper.id,
        title=_text(info.get("title")).removesuffix(".") or paper.title,
        authors=authors or paper.authors,
        year=year_of(info),
        month=None,
        venue=venue,
        preprint=False,
        arxiv_id=paper.arxiv_id,
        doi=doi,
        url=f"https://doi.org/{doi}" if doi else _text(info.get("ee")) or None,
        source="dblp",
    )


def _surname(name: str) -> str:
    words = loose_key(name.split(",")[0]) if "," in name else ""
    return words or (loose_key(name.split()[-1]) if name.split() else "")


def _text(value: Any) -> str:
    return one_line(value)
