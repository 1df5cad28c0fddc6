"""Paper metadata from public sources: arXiv, Crossref, DBLP and OpenReview.

``fetch_metadata(ids, options)`` describes each paper (or says why it could not);
``find_publication(paper, options)`` asks DBLP where a preprint was published. Both
are polite (one request at a time per host, a least interval between two, Retry-After
honoured), guarded (no private address without ``allow_private``) and cached.

The fetcher (and with it httpx) is imported on first use: rules and ``ddlint add``
read the types of ``model`` without loading the network stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import (
    LookupFailure,
    MetadataOptions,
    MetadataOutcome,
    PaperId,
    PaperMetadata,
    default_metadata_cache_dir,
    paper_id_of_key,
    parse_paper_id,
)

if TYPE_CHECKING:
    from .fetch import fetch_metadata, find_publication, find_publications

__all__ = [
    "LookupFailure",
    "MetadataOptions",
    "MetadataOutcome",
    "PaperId",
    "PaperMetadata",
    "default_metadata_cache_dir",
    "fetch_metadata",
    "find_publication",
    "find_publications",
    "paper_id_of_key",
    "parse_paper_id",
]


def __getattr__(name: str) -> Any:
    if name in ("fetch_metadata", "find_publication", "find_publications"):
        from . import fetch

        return getattr(fetch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
