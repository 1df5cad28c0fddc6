"""The metadata lookup's public data: paper ids, what the sources say of a paper, options.

Nothing here talks to the network or imports httpx: rules and ``ddlint add`` read these
types without loading the network stack (``ddlint.net.metadata`` imports the fetcher
on first use).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ddlint import __version__
from ddlint.inline.urls import arxiv_parts, paper_ids, split_url

PaperIdKind = Literal["arxiv", "doi", "openreview"]


@dataclass(frozen=True)
class PaperId:
    """One paper's identifier: an arXiv id without version (``2212.06152``,
    ``cs/0112017``), a lower-cased DOI, or an OpenReview forum id."""

    kind: PaperIdKind
    value: str

    def key(self) -> str:
        """The key DD207 compares (``arxiv:2212.06152``, ``doi:10.…``, ``openreview:…``)."""
        return f"{self.kind}:{self.value}"


@dataclass(frozen=True)
class PaperMetadata:
    """What a source says of one paper.

    ``venue`` is the short name lists write ("arXiv" for a preprint, "CVPR", "KDD");
    ``month`` is the first version's month for arXiv. ``url`` is canonical: the arXiv
    abs URL, ``https://doi.org/…`` or the OpenReview forum URL. ``source`` names the
    source that answered (``arxiv``, ``crossref``, ``dblp``, ``openreview``).
    """

    id: PaperId
    title: str
    authors: tuple[str, ...]
    year: int | None
    month: int | None
    venue: str | None
    preprint: bool
    arxiv_id: str | None
    doi: str | None
    url: str | None
    source: str


@dataclass(frozen=True)
class LookupFailure:
    """A paper no source could describe: ``reason`` is one line a maintainer can act on
    ("arXiv API: HTTP 503", "not found"); ``unknown`` is true when the source answered
    and does not know the id (a wrong id), false when it could not be asked."""

    id: PaperId
    reason: str
    unknown: bool


@dataclass(frozen=True)
class MetadataOutcome:
    """What ``--check-metadata`` learnt of one row's paper: the paper as its id's source
    describes it (or why it could not), and, for a preprint, its publication: the
    published version, None when DBLP knows none (or it was not asked), or why DBLP
    could not be asked."""

    paper: PaperMetadata | LookupFailure
    publication: PaperMetadata | LookupFailure | None = None


@dataclass(frozen=True)
class MetadataOptions:
    """Where the sources are and how politely to ask them (``[tool.ddlint.metadata]``).

    ``*_api`` are the base URLs (tests point them at local servers); OpenReview's API v1
    is asked for the forums its API v2 does not know. ``contact`` is sent
    to Crossref as ``mailto`` (its polite pool) and in the User-Agent. ``arxiv_interval``
    is the least time between two arXiv requests (its terms set one); ``interval`` that
    of the other hosts. ``cache_dir`` None: no cache (``--no-cache``). ``preprint_ttl``,
    ``published_ttl`` and ``unknown_ttl``: how long a cached answer is trusted (a
    preprint may be published any day; a published paper stays published; an id no
    source knows may be listed within hours).
    """

    arxiv_api: str = "https://export.arxiv.org/api/query"
    crossref_api: str = "https://api.crossref.org"
    dblp_api: str = "https://dblp.org/search/publ/api"
    openreview_api: str = "https://api2.openreview.net"
    openreview_v1_api: str = "https://api.openreview.net"  # the older forums; "": not asked
    contact: str | None = None
    arxiv_interval: float = 3.0
    interval: float = 1.0
    allow_private: bool = False
    cache_dir: Path | None = None
    preprint_ttl: float = 7 * 86400.0
    unknown_ttl: float = 6 * 3600.0
    published_ttl: float = 180 * 86400.0
    timeout: float = 20.0
    retries: int = 2
    max_retry_after: float = 60.0
    batch_size: int = 50
    progress: bool = False
    user_agent: str = f"ddlint/{__version__}"


# What a source's text may hold that a Markdown row must not: control characters and
# line breaks (a row is one line), and the lone surrogates JSON allows (``"\ud800"``),
# which no UTF-8 file can hold.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def one_line(value: object) -> str:
    """A source's text as one clean line ("" for a value that is not text): control
    characters and line breaks become spaces, runs of spaces one, a lone surrogate
    U+FFFD."""
    if not isinstance(value, str):
        return ""
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", value))
    return " ".join(text.split())


def plausible_year(value: object) -> int | None:
    """A year a source gives, when it is one a paper can have (four digits); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        value = int(text) if len(text) == 4 and text.isascii() and text.isdigit() else None
    return value if isinstance(value, int) and 1000 <= value <= 9999 else None


def plausible_month(value: object) -> int | None:
    """A month a source gives, 1 to 12; else None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 1 <= value <= 12 else None


def default_metadata_cache_dir() -> Path:
    """``metadata`` in ddlint's user cache folder (next to ``links``)."""
    from ddlint.net.model import default_cache_dir

    return default_cache_dir().parent / "metadata"


_BARE_ARXIV = re.compile(
    r"(?i:arxiv\s*:\s*)?(?P<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
)
_BARE_DOI = re.compile(r"(?i:doi\s*:\s*)?(?P<doi>10\.\d{4,9}/\S+)")
_OPENREVIEW_ID = re.compile(r"(?:^|&)id=([\w-]+)")
_OPENREVIEW_PATHS = frozenset({"/forum", "/pdf"})


def paper_id_of_key(key: str) -> PaperId | None:
    """The id of a DD207 key (``arxiv:2212.06152``), None for a key of another kind."""
    kind, _, value = key.partition(":")
    if kind == "arxiv":
        return PaperId("arxiv", value)
    if kind == "doi":
        return _doi_id(value)
    if kind == "openreview":
        return PaperId("openreview", value)
    return None


def _doi_id(doi: str) -> PaperId:
    """arXiv's own DOIs (``10.48550/arXiv.2212.06152``) name an arXiv paper."""
    arxiv = _ARXIV_DOI.fullmatch(doi)
    return PaperId("arxiv", arxiv.group(1)) if arxiv else PaperId("doi", doi)


_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(\d{4}\.\d{4,5})(?:v\d+)?", re.IGNORECASE)


def parse_paper_id(text: str) -> PaperId | None:
    """The paper ``text`` names, or None: ``2211.10586``, ``arXiv:2211.10586v2``,
    ``https://arxiv.org/abs/2211.10586``, ``…/pdf/2211.10586v1.pdf``, ``cs/0112017``,
    ``10.1145/…``, ``doi:10.…``, ``https://doi.org/10.…``,
    ``https://openreview.net/forum?id=…`` (or ``/pdf?id=``).

    URLs are read by the same code as DD207's paper keys (``inline.urls.paper_ids``),
    so "the same paper" means the same here and there."""
    text = text.strip()
    if not text:
        return None
    bare = _BARE_ARXIV.fullmatch(text)
    if bare is not None:
        return PaperId("arxiv", bare.group("id"))
    doi = _BARE_DOI.fullmatch(text)
    if doi is not None:
        return _doi_id(doi.group("doi").lower().rstrip(".,;"))
    if "://" not in text:
        return None
    try:
        parts = split_url(text)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host.endswith("openreview.net"):
        found = _OPENREVIEW_ID.search(parts.query)
        if found and parts.path.rstrip("/") in _OPENREVIEW_PATHS:
            return PaperId("openreview", found.group(1))
        return None
    arxiv = arxiv_parts(text)
    if arxiv is not None:
        return PaperId("arxiv", arxiv[1])
    for key in paper_ids(text):
        kind, _, value = key.partition(":")
        if kind == "doi":
            return _doi_id(value)
    return None
