"""Columns named from their cells, for a paper table whose header row is empty."""

from __future__ import annotations

import re

from ddlint.gfm.document import Table
from ddlint.inline.parse import InlineCache, InlineContent
from ddlint.records.columns import ColumnMap, map_columns
from ddlint.records.paper import ET_AL
from ddlint.records.venues import parse_venue

_CODE_LABELS = re.compile(r"^(?:code|github|project|page|website|pdf|paper|slides?|video)$", re.I)


def infer_columns(table: Table, inline: InlineCache, width: int) -> ColumnMap:
    """Name the columns of a header-less table from what their cells look like."""
    votes: list[dict[str, int]] = [{} for _ in range(width)]
    for row in table.rows[:50]:
        for index, cell in enumerate(row.cells[:width]):
            guess = _guess_field(inline.parse(cell.text))
            if guess:
                votes[index][guess] = votes[index].get(guess, 0) + 1
    headers: list[str] = []
    taken: set[str] = set()
    for column_votes in votes:
        ranked = sorted(column_votes.items(), key=lambda item: -item[1])
        name = next((field for field, _ in ranked if field not in taken), "")
        taken.add(name)
        headers.append(name)
    return map_columns(headers)


def _guess_field(content: InlineContent) -> str:
    text = content.text.strip()
    if not text and not content.links:
        return ""
    if content.links and all(_CODE_LABELS.match(link.label.strip()) for link in content.links):
        return "Code"
    if any(link.has_image for link in content.links):
        return "Code"
    if content.links and len(content.links[0].label) > 15:
        return "Title"
    if ET_AL.search(text) or re.fullmatch(r"[A-Z][\w.\-']+(?: [A-Z][\w.\-']+)+(?:, .+)*", text):
        return "Authors"
    venue = parse_venue(text)
    if venue is not None and venue.year is not None:
        return "Year" if venue.name is None else "Venue"
    return ""
