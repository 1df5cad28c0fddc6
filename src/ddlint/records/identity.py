"""When two records are the same: the same record, or the same paper.

``paper_identity`` is what the fixer keeps invariant: a record's every field but its
place. ``same_paper_keys`` is what makes two records the same paper although their
fields differ: DD207 reports a paper listed twice by it, and ``ddlint diff`` pairs the
papers of two versions by it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ddlint.inline.urls import canonical_url, paper_ids
from ddlint.records.model import Paper

_NOT_WORD = re.compile(r"[\W_]+")

Identity = tuple[object, ...]


def paper_identity(paper: Paper, canonical: Callable[[str], str] = canonical_url) -> Identity:
    """What makes two records the same record (DESIGN.md §3.3): no origin, no venue
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


def same_paper_keys(paper: Paper) -> tuple[str, ...]:
    """Two records are the same paper when they share one of these keys: those of
    ``paper_id_keys``, then of ``title_keys`` (strongest first)."""
    return paper_id_keys(paper) + title_keys(paper)


def paper_id_keys(paper: Paper) -> tuple[str, ...]:
    """The arXiv id and the DOI in the paper's URL: ``arxiv:2204.01273``, ``doi:10.…``."""
    return paper_ids(paper.url or "")


def title_keys(paper: Paper) -> tuple[str, ...]:
    """The title with case, spacing, punctuation and markup ignored, if it has a letter
    or digit: `**Notes on the Engine**` and `Notes on the engine.` are both
    ``title:notesontheengine``."""
    title = loose_key(paper.title)
    return (f"title:{title}",) if title else ()


def loose_key(text: str) -> str:
    """Case, spacing, punctuation and markup removed: `Few-Shot` and `few shot` meet."""
    if text.isascii():  # in ASCII, \W and _ are all but letters and digits: drop them in C
        return text.lower().encode().translate(None, _ASCII_NOT_WORD).decode()
    return _NOT_WORD.sub("", text.casefold())


_ASCII_NOT_WORD = bytes(c for c in range(128) if not chr(c).isalnum())
