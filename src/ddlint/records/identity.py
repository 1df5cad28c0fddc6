"""When two records are the same: ``paper_identity``, what the fixer keeps invariant."""

from __future__ import annotations

from collections.abc import Callable

from ddlint.inline.urls import canonical_url
from ddlint.records.model import Paper

Identity = tuple[object, ...]


def paper_identity(paper: Paper, canonical: Callable[[str], str] = canonical_url) -> Identity:
    """What makes two records the same paper (DESIGN.md §3.3): no origin, no venue
    spelling, URLs in canonical form, empty-target links ignored.

    ``canonical`` is ``canonical_url`` or a memo of it (the fixer keeps one per run).
    """
    venue = paper.venue
    return (
        paper.title,
        canonical(paper.url or ""),
        tuple(paper.authors),
        paper.et_al,
        paper.type,
        paper.task,
        tuple(paper.datasets),
        (venue.name, venue.year, venue.month, venue.kind) if venue else None,
        paper.year,
        tuple((link.label, canonical(link.url)) for link in paper.links if link.url.strip()),
        (paper.section.heading, paper.section.year),
        tuple(sorted(paper.extra.items())),
    )
