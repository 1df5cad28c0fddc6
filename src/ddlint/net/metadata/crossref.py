"""Crossref's ``works/{doi}``: title, authors, date and kind of a DOI's paper.

https://api.crossref.org/swagger-ui/index.html: ``GET {api}/works/{doi}?mailto=…``
answers ``{"status": "ok", "message": {...}}``, or 404 for a DOI Crossref does not
know. The ``mailto`` puts the requests in Crossref's "polite pool". Crossref names
the container in full ("Proceedings of the 28th ACM SIGKDD …"); the short venue a
list writes comes from DBLP (``fetch``), or else from the event's acronym here.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from .http import PoliteClient, SourceError, parsed, read_json
from .model import (
    LookupFailure,
    MetadataOptions,
    PaperId,
    PaperMetadata,
    one_line,
    plausible_month,
    plausible_year,
)

SOURCE = "Crossref"
_PREPRINT_TYPES = frozenset({"posted-content"})
_ACRONYM_YEAR = re.compile(r"\s*(?:'\d{2}|\d{4})\s*$")
_TAGS = re.compile(r"<[^>]+>")


def lookup(
    client: PoliteClient, options: MetadataOptions, paper_id: PaperId
) -> PaperMetadata | LookupFailure:
    url = f"{options.crossref_api.rstrip('/')}/works/{quote(paper_id.value, safe='/')}"
    params = {"mailto": options.contact} if options.contact else {}
    try:
        answer = client.get(url, params)
        if answer.status == 404:
            return LookupFailure(paper_id, f"{SOURCE}: no such DOI {paper_id.value}", True)
        if answer.status != 200:
            raise SourceError(f"HTTP {answer.status}")
        data = read_json(answer.body)
        message = data.get("message") if isinstance(data, dict) else None
        paper = parsed(read_work, paper_id, message)
    except SourceError as error:
        return LookupFailure(paper_id, f"{SOURCE}: {error.detail}", False)
    if paper is None:
        return LookupFailure(paper_id, f"{SOURCE}: the answer names no title", False)
    return paper


def read_work(paper_id: PaperId, message: Any) -> PaperMetadata | None:
    """A ``work`` message as metadata; None when it has no title."""
    if not isinstance(message, dict):
        return None
    title = _clean(_first(message.get("title")))
    if not title:
        return None
    authors = tuple(name for author in _list(message.get("author")) if (name := _name(author)))
    year, month = _date(message)
    preprint = one_line(message.get("type")) in _PREPRINT_TYPES
    return PaperMetadata(
        id=paper_id,
        title=title,
        authors=authors,
        year=year,
        month=month,
        venue=None if preprint else _acronym(message),
        preprint=preprint,
        arxiv_id=None,
        doi=paper_id.value,
        url=f"https://doi.org/{paper_id.value}",
        source="crossref",
    )


def _acronym(message: dict[str, Any]) -> str | None:
    event = message.get("event")
    acronym = one_line(event.get("acronym")) if isinstance(event, dict) else ""
    if acronym:
        return _ACRONYM_YEAR.sub("", acronym).strip() or None
    short = _clean(_first(message.get("short-container-title")))
    return short or None


def _date(message: dict[str, Any]) -> tuple[int | None, int | None]:
    for key in ("published-print", "published", "issued", "published-online", "created"):
        stamp = message.get(key)
        parts = stamp.get("date-parts") if isinstance(stamp, dict) else None
        first = parts[0] if isinstance(parts, list) and parts else None
        year = plausible_year(first[0]) if isinstance(first, list) and first else None
        if year is not None and isinstance(first, list):
            return year, plausible_month(first[1]) if len(first) > 1 else None
    return None, None


def _name(author: Any) -> str:
    if not isinstance(author, dict):
        return ""
    if isinstance(author.get("name"), str):  # an organisation
        return _clean(author["name"])
    parts = (author.get("given"), author.get("family"))
    return _clean(" ".join(part for part in parts if isinstance(part, str)))


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return value if isinstance(value, str) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _clean(text: str) -> str:
    """Crossref titles may hold JATS markup (``<i>…</i>``) and line breaks."""
    return one_line(_TAGS.sub("", text))
