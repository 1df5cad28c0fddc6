"""OpenReview's notes API (v2): a forum's title, authors and decision venue.

https://docs.openreview.net/reference/api-v2: ``GET {api}/notes?id=ID`` answers
``{"notes": [{"id", "forum", "content": {"title": {"value"}, "authors": {"value"},
"venue": {"value"}, "venueid": {"value"}}, "cdate", "pdate"}]}``. ``venue`` reads
"ICLR 2023 poster" once accepted and "Submitted to ICLR 2023" before; a submission
(or a withdrawn or rejected one) is a preprint.
"""

from __future__ import annotations

import re
import time
from typing import Any

from .http import PoliteClient, SourceError, read_json
from .model import LookupFailure, MetadataOptions, PaperId, PaperMetadata

SOURCE = "OpenReview API"
_VENUE = re.compile(r"^(?P<name>.+?)\s+(?P<year>(?:19|20)\d{2})\b")
_NOT_PUBLISHED = re.compile(r"submitted|withdrawn|rejected|desk", re.IGNORECASE)


def lookup(
    client: PoliteClient, options: MetadataOptions, paper_id: PaperId
) -> PaperMetadata | LookupFailure:
    try:
        answer = client.get(f"{options.openreview_api.rstrip('/')}/notes", {"id": paper_id.value})
        if answer.status in (400, 403, 404):
            return LookupFailure(paper_id, f"{SOURCE}: no such forum {paper_id.value}", True)
        if answer.status != 200:
            raise SourceError(f"HTTP {answer.status}")
        data = read_json(answer.body)
        if not isinstance(data, dict) or "notes" not in data:
            raise SourceError("unreadable answer")
        notes = data["notes"]
    except SourceError as error:
        return LookupFailure(paper_id, f"{SOURCE}: {error.detail}", False)
    note = notes[0] if isinstance(notes, list) and notes and isinstance(notes[0], dict) else None
    paper = read_note(paper_id, note) if note is not None else None
    if paper is None:
        return LookupFailure(paper_id, f"{SOURCE}: no such forum {paper_id.value}", True)
    return paper


def read_note(paper_id: PaperId, note: dict[str, Any]) -> PaperMetadata | None:
    content = note.get("content")
    if not isinstance(content, dict):
        return None
    title = _value(content, "title")
    if not isinstance(title, str) or not title.strip():
        return None
    names = _value(content, "authors")
    authors = (
        tuple(n.strip() for n in names if isinstance(n, str)) if isinstance(names, list) else ()
    )
    venue_text = _value(content, "venue")
    venue_id = _value(content, "venueid")
    venue_text = venue_text if isinstance(venue_text, str) else ""
    match = _VENUE.match(venue_text.strip())
    preprint = (
        match is None
        or bool(_NOT_PUBLISHED.search(venue_text))
        or (isinstance(venue_id, str) and bool(_NOT_PUBLISHED.search(venue_id)))
    )
    year, month = _date(note)
    if match is not None and not preprint:
        year = int(match.group("year"))
    return PaperMetadata(
        id=paper_id,
        title=" ".join(title.split()),
        authors=authors,
        year=year,
        month=month,
        venue="OpenReview" if preprint or match is None else match.group("name").strip(),
        preprint=preprint,
        arxiv_id=None,
        doi=None,
        url=f"https://openreview.net/forum?id={paper_id.value}",
        source="openreview",
    )


def _value(content: dict[str, Any], key: str) -> Any:
    field = content.get(key)
    return field.get("value") if isinstance(field, dict) else field


def _date(note: dict[str, Any]) -> tuple[int | None, int | None]:
    stamp = note.get("pdate") or note.get("cdate")
    if not isinstance(stamp, (int, float)) or stamp <= 0:
        return None, None
    moment = time.gmtime(stamp / 1000)
    return moment.tm_year, moment.tm_mon
