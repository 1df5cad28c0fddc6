"""When two records are the same: the same record, or the same paper.

``paper_identity`` is what the fixer keeps invariant: a record's every field but its
place. ``same_paper_keys`` is what makes two records the same paper although their
fields differ: ``ddlint diff`` pairs the papers of two versions by it. Within one list,
``duplicate_keys`` is stricter about titles (a short title is often a label or a model
name shared by different papers): DD207 and DD210 find a paper listed twice by it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ddlint.inline.urls import canonical_url, paper_ids, split_url
from ddlint.records.model import Paper

_NOT_WORD = re.compile(r"[\W_]+")
# A title's words: runs of letters and digits, and each CJK character on its own (those
# scripts write no spaces between words).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_TITLE_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
# Fewer words than this and a title may be a label (`Paper`, `[PDF]`), a badge's alt text
# (`Star`) or a model's name (`LLMRec`): two rows sharing one are not the same paper.
MIN_TITLE_WORDS = 3
_OPENREVIEW_ID = re.compile(r"(?:^|&)id=([\w-]+)")

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


def duplicate_keys(paper: Paper) -> tuple[str, ...]:
    """Two rows of one list are the same paper when they share one of these keys: those of
    ``paper_id_keys``, then the title's, if the title has at least ``MIN_TITLE_WORDS``
    words."""
    return paper_id_keys(paper) + (title_keys(paper) if is_real_title(paper.title) else ())


def is_real_title(title: str) -> bool:
    """Whether ``title`` has enough words to name one paper (see ``MIN_TITLE_WORDS``)."""
    return len(_TITLE_WORD.findall(title)) >= MIN_TITLE_WORDS


def paper_id_keys(paper: Paper) -> tuple[str, ...]:
    """The ids in the paper's URL: ``arxiv:2204.01273`` (any version, abs or pdf, http or
    https), ``doi:10.…``, ``openreview:Ab12Cd`` (forum or pdf). A URL without one leaves
    the ids of the row's other links, when they name exactly one paper."""
    found = _url_ids(paper.url or "")
    if found:
        return found
    others = {ids for link in paper.links if (ids := _url_ids(link.url))}
    return others.pop() if len(others) == 1 else ()


def _url_ids(url: str) -> tuple[str, ...]:
    ids = paper_ids(url)
    if "openreview" in url.lower():
        parts = split_url(url.strip())
        host = (parts.hostname or "").lower()
        found = _OPENREVIEW_ID.search(parts.query)
        if host.endswith("openreview.net") and found and parts.path.rstrip("/") in _FORUM_PATHS:
            ids += (f"openreview:{found.group(1)}",)
    return ids


_FORUM_PATHS = frozenset({"/forum", "/pdf"})


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
