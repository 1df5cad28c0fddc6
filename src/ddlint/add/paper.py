"""The paper ``ddlint add`` writes: what a source (or the offline flags) says about it.

``NewPaper`` holds the values a row is written from, whatever gave them: the metadata
sources (``net.metadata``) or ``--title --authors --venue --year --url``. Its ``keys``
are DD207's "same paper" keys (``records.identity``): the arXiv id (any version or
form), the DOI, the OpenReview forum, the normalised title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ddlint.inline.urls import arxiv_parts, paper_ids
from ddlint.net.metadata import PaperMetadata
from ddlint.records.identity import is_real_title, loose_key
from ddlint.records.venue_form import venue_form
from ddlint.records.venues import parse_venue

_NEW_ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\band\b)\s*")


@dataclass(frozen=True)
class NewPaper:
    """One paper to add. ``venue`` is the short name lists write (``CVPR``, ``arXiv``)."""

    title: str
    authors: tuple[str, ...] = ()
    venue: str | None = None
    year: int | None = None
    month: int | None = None  # 1..12; written only where the list writes months
    preprint: bool = False
    url: str | None = None  # the paper's page: arXiv abs, doi.org, OpenReview forum, …
    arxiv_id: str | None = None  # without version
    doi: str | None = None
    openreview_id: str | None = None
    code: str | None = None  # --code: the code's URL, written as the list labels it
    given_as: str = ""  # the ID or flags it came from, for messages

    @property
    def keys(self) -> tuple[str, ...]:
        """DD207's keys of this paper (``records.identity.duplicate_keys``)."""
        keys: list[str] = []
        if self.arxiv_id:
            keys.append(f"arxiv:{self.arxiv_id}")
        if self.doi:
            keys.append(f"doi:{self.doi.lower()}")
        if self.openreview_id:
            keys.append(f"openreview:{self.openreview_id}")
        for found in paper_ids(self.url or ""):
            if found not in keys:
                keys.append(found)
        title = loose_key(self.title)
        if title and is_real_title(self.title):
            keys.append(f"title:{title}")
        return tuple(keys)


def offline_paper(
    *,
    title: str,
    authors: str | None,
    venue: str | None,
    year: int | None,
    url: str | None,
    code: str | None,
) -> NewPaper:
    """The paper of ``--title --authors --venue --year --url``: authors separated by
    commas, semicolons or ``and``; a venue such as ``ICML`` or ``arXiv, Dec., 2022``
    (its own year and month count when ``--year`` is not given)."""
    names = tuple(n for n in _AUTHOR_SPLIT.split(authors or "") if n.strip())
    name, month, preprint = None, None, False
    if venue:
        parsed = parse_venue(venue)
        if parsed is not None and parsed.name:
            name, month = parsed.name, _written_month(venue, parsed.month)
            preprint = parsed.kind == "preprint"
            year = year if year is not None else parsed.year
        else:
            name = venue.strip()
    arxiv = arxiv_parts(url.strip()) if url else None
    arxiv_id = arxiv[1] if arxiv is not None else None
    if arxiv_id is not None and name is None:
        name, preprint = "arXiv", True
    if arxiv_id is not None and _NEW_ARXIV_ID.fullmatch(arxiv_id):  # 2212.06152: Dec. 2022
        year = year if year is not None else 2000 + int(arxiv_id[:2])
        month = month if month is not None else int(arxiv_id[2:4])
    dois = [found[4:] for found in paper_ids(url or "") if found.startswith("doi:")]
    return NewPaper(
        title=title.strip(),
        authors=names,
        venue=name,
        year=year,
        month=month,
        preprint=preprint,
        url=url.strip() if url else None,
        arxiv_id=arxiv_id,
        doi=dois[0] if dois else None,
        code=code,
        given_as="--title " + repr(title.strip()),
    )


def with_given(
    paper: NewPaper,
    *,
    authors: str | None = None,
    venue: str | None = None,
    year: int | None = None,
    url: str | None = None,
) -> NewPaper:
    """A looked-up paper with the values the command gave instead of the source's
    (``--authors``, ``--venue``, ``--year``, ``--url``, read as ``offline_paper`` reads
    them): what a person types wins over what a source says."""
    given = offline_paper(
        title=paper.title, authors=authors, venue=venue, year=year, url=url, code=paper.code
    )
    changes: dict[str, object] = {}
    if authors is not None:
        changes["authors"] = given.authors
    if venue is not None:
        changes.update(venue=given.venue, preprint=given.preprint, month=given.month)
        if given.year is not None:  # the venue's own year, unless --year says otherwise
            changes["year"] = given.year
    if year is not None:
        changes["year"] = year
    if url is not None:
        changes.update(url=given.url, arxiv_id=given.arxiv_id, doi=given.doi)
    return replace(paper, **changes)  # type: ignore[arg-type]


def _written_month(text: str, month: int | None) -> int | None:
    """The month a venue text writes, not a conference's usual month the parser adds."""
    form = venue_form(text)
    return month if form is not None and form.month is not None else None


def from_metadata(meta: PaperMetadata, given: str, code: str | None = None) -> NewPaper:
    """The paper a source described, for the ID ``given`` on the command line."""
    return NewPaper(
        title=meta.title,
        authors=meta.authors,
        venue=meta.venue,
        year=meta.year,
        month=meta.month,
        preprint=meta.preprint,
        url=meta.url,
        arxiv_id=meta.arxiv_id,
        doi=meta.doi,
        openreview_id=meta.id.value if meta.id.kind == "openreview" else None,
        code=code,
        given_as=given,
    )
