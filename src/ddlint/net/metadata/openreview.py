"""OpenReview's notes API: a forum's title, authors and decision venue.

https://docs.openreview.net/reference/api-v2: ``GET {api}/notes?id=ID`` answers
``{"notes": [{"id", "forum", "content": {"title": {"value"}, "authors": {"value"},
"venue": {"value"}, "venueid": {"value"}}, "cdate", "pdate"}]}``. ``venue`` reads
"ICLR 2023 poster" once accepted and "Submitted to ICLR 2023" before; a submission
(or a withdrawn or rejected one) is a preprint.

The venues that ran on OpenReview before its API v2 (most of those before 2023) are
served by API v1 only (``api.openreview.net``, the same ``notes?id=ID`` with plain
content values: ``"title": "…"``). A forum API v2 does not know is asked there before
it is called unknown.
"""

from __future__ import annotations

import math
import re
import time
from typing import Any

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

SOURCE = "OpenReview API"
_VENUE = re.compile(r"^(?P<name>.+?)\s+(?P<year>(?:19|20)[0-9]{2})\b")
_NOT_PUBLISHED = re.compile(r"submitted|withdrawn|rejected|desk", re.IGNORECASE)


def lookup(
    client: PoliteClient, options: MetadataOptions, paper_id: PaperId
) -> PaperMetadata | LookupFailure:
    """The forum as API v2 describes it, else as API v1 does (``openreview_v1_api``;
    empty: not asked)."""
    found = _ask(client, options.openreview_api, paper_id)
    if not (isinstance(found, LookupFailure) and found.unknown) or not options.openreview_v1_api:
        return found
    older = _ask(client, options.openreview_v1_api, paper_id)
    if isinstance(older, LookupFailure) and not older.unknown:
        # Not in API v2, and API v1 could not say: unverified, not unknown.
        return LookupFailure(paper_id, f"{older.reason} (API v2 does not know it)", False)
    return older


def _ask(client: PoliteClient, api: str, paper_id: PaperId) -> PaperMetadata | LookupFailure:
    try:
        answer = client.get(f"{api.rstrip('/')}/notes", {"id": paper_id.value})
        if answer.status in (400, 403, 404):
            return LookupFailure(paper_id, f"{SOURCE}: no such forum {paper_id.value}", True)
        if answer.status != 200:
            raise SourceError(f"HTTP {answer.status}")
        data = read_json(answer.body)
        if not isinstance(data, dict) or "notes" not in data:
            raise SourceError("unreadable answer")
        notes = data["notes"]
        note = (
            notes[0] if isinstance(notes, list) and notes and isinstance(notes[0], dict) else None
        )
        paper = parsed(read_note, paper_id, note) if note is not None else None
    except SourceError as error:
        return LookupFailure(paper_id, f"{SOURCE}: {error.detail}", False)
    if paper is None:
        return LookupFailure(paper_id, f"{SOURCE}: no such forum {paper_id.value}", True)
    return paper


def read_note(paper_id: PaperId, note: dict[str, Any]) -> PaperMetadata | None:
    content = note.get("content")
    if not isinstance(content, dict):
        return None
    title = one_line(_value(content, "title"))
    if not title:
        return None
    names = _value(content, "authors")
    authors = tuple(name for n in names if (name := one_line(n))) if isinstance(names, list) else ()
    venue_text = one_line(_value(content, "venue"))
    venue_id = _value(content, "venueid")
    match = _VENUE.match(venue_text)
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
        title=title,
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
    """The year and month of the note's milliseconds since 1970 (its publication date,
    else its creation); none for a stamp no calendar can hold (JSON allows 1e400)."""
    stamp = note.get("pdate") or note.get("cdate")
    if isinstance(stamp, bool) or not isinstance(stamp, (int, float)):
        return None, None
    seconds = stamp / 1000 if isinstance(stamp, float) or abs(stamp) < 2**62 else math.inf
    if not math.isfinite(seconds) or not 0 < seconds < _YEAR_10000:
        return None, None
    moment = time.gmtime(seconds)
    return plausible_year(moment.tm_year), plausible_month(moment.tm_mon)


_YEAR_10000 = 253402300800  # 10000-01-01 in seconds since 1970
