"""What DD501–DD504 share: each row's paper id, its looked-up outcome, and how the list
writes the values a fix puts in (venues in DD403's style, authors in the table's).

``ddlint.engine.metadatafindings`` looks up the paper of every row with an id (its
title link's arXiv id, DOI or OpenReview forum, as DD207 reads them); the outcomes
come back through ``ctx.metadata``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ddlint.records.identity import paper_id_keys
from ddlint.records.model import Paper, RowRecord
from ddlint.records.venue_form import write_venue
from ddlint.records.venues import ParsedVenue, canonical_venue, parse_venue
from ddlint.rules.base import RuleContext
from ddlint.rules.format._venue_style import list_venue_style
from ddlint.rules.format.dd403_venue_format import MONTH_STYLE

if TYPE_CHECKING:  # only --check-metadata loads ddlint.net
    from ddlint.net.metadata.model import (
        LookupFailure,
        MetadataOutcome,
        PaperId,
        PaperMetadata,
    )

SOURCE_NAMES = {
    "arxiv": "arXiv",
    "crossref": "Crossref",
    "dblp": "DBLP",
    "openreview": "OpenReview",
}


@dataclass(frozen=True)
class LookedUp:
    record: RowRecord
    paper: Paper
    paper_id: PaperId
    outcome: MetadataOutcome


def row_paper_id(paper: Paper) -> PaperId | None:
    """The id the row's paper is looked up by: its first DD207 id key."""
    from ddlint.net.metadata.model import paper_id_of_key

    for key in paper_id_keys(paper):
        found = paper_id_of_key(key)
        if found is not None:
            return found
    return None


def looked_up(ctx: RuleContext) -> Iterator[LookedUp]:
    """The paper rows whose paper was looked up, with what was learnt."""
    outcomes = ctx.metadata
    if outcomes is None:
        return
    for record in ctx.records.paper_rows:
        paper = record.paper
        if paper is None:
            continue
        paper_id = row_paper_id(paper)
        outcome = outcomes.get(paper_id) if paper_id is not None else None
        if paper_id is not None and outcome is not None:
            yield LookedUp(record, paper, paper_id, outcome)


def described(found: LookedUp) -> PaperMetadata | None:
    """The paper as its source describes it, if it could."""
    from ddlint.net.metadata.model import PaperMetadata

    paper = found.outcome.paper
    return paper if isinstance(paper, PaperMetadata) else None


def published(found: LookedUp) -> PaperMetadata | None:
    """The paper's published version: DBLP's, or the paper itself when its own source
    says it is published (a DOI of a proceedings paper, an accepted OpenReview forum)."""
    from ddlint.net.metadata.model import PaperMetadata

    publication = found.outcome.publication
    if isinstance(publication, PaperMetadata):
        return publication
    paper = described(found)
    if paper is not None and not paper.preprint and paper.venue and paper.year:
        return paper
    return None


def failures(found: LookedUp) -> Iterator[LookupFailure]:
    from ddlint.net.metadata.model import LookupFailure

    for answer in (found.outcome.paper, found.outcome.publication):
        if isinstance(answer, LookupFailure):
            yield answer


def is_preprint_venue(paper: Paper) -> bool:
    venue = paper.venue
    return venue is not None and venue.kind == "preprint"


def venue_text(ctx: RuleContext, name: str, year: int, month: int | None = None) -> str | None:
    """A venue as the list writes it: its clear form for venues without a month (DD403),
    else ``Name, Year``; a preprint with its month in the list's dated form."""
    style = list_venue_style(ctx, ctx.settings[MONTH_STYLE])
    month_style = style.month_style or "abbrev-dot"
    habit = style.dated if month is not None else style.plain
    if habit is not None:
        written = write_venue(habit.value, name, year, month, month_style)
        if written is not None and _reads_as(written, name, year):
            return written
    venue = ParsedVenue("", name, year, month, None, None)
    return canonical_venue(venue, month_style)


def _reads_as(text: str, name: str, year: int) -> bool:
    """The written venue reads back as the name and year meant (no data lost)."""
    venue = parse_venue(text)
    return venue is not None and venue.name == name and venue.year == year


_ET_AL = re.compile(r"\s*\bet\.?\s*al\.?\s*$", re.IGNORECASE)


def authors_text(record: RowRecord, names: tuple[str, ...]) -> str:
    """``names`` as the table writes its authors: `First et al` when at least 80 % of its
    filled Authors cells (and 5) end in `et al` (spelt as they spell it), names joined by
    `<br>` when they are, else the full list joined by `, `."""
    texts = _author_cells(record)
    filled = len(texts)
    endings = Counter(m.group().strip() for t in texts if (m := _ET_AL.search(t)))
    if filled >= 5 and sum(endings.values()) >= 0.8 * filled:
        ending = endings.most_common(1)[0][0]
        return names[0] if len(names) == 1 else f"{names[0]} {ending}"
    joined = sum(1 for t in texts if "<br>" in t.lower())
    if filled >= 5 and joined >= 0.8 * sum(1 for t in texts if "," in t or "<br>" in t.lower()):
        return "<br>".join(names)
    return ", ".join(names)


def _author_cells(record: RowRecord) -> list[str]:
    column = record.table.columns.column_of("authors")
    if column is None:
        return []
    return [
        text
        for row in record.table.table.body
        if column < len(row.cells) and (text := row.cells[column].text.strip())
    ]
