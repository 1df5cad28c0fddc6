"""Sort order: the value a row is ordered by, for each sort field, and the key that orders rows."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from ddlint.records.model import RowRecord
from ddlint.records.venues import KNOWN_VENUES, known_name, parse_venue

SORT_FIELDS = ("year", "month", "venue", "title", "authors", "type", "task")
DEFAULT_SORT = ("-year", "-month")
SortValue = int | str | None


def row_month(record: RowRecord) -> int | None:
    """The month a paper appeared: the venue's (written, or the conference's usual
    month; a workshop's is its conference's), else one written in a Date column."""
    paper = record.paper
    venue = paper.venue if paper is not None else None
    if venue is not None and venue.month is not None:
        return venue.month
    if venue is not None and venue.kind == "workshop" and venue.name:
        month = _workshop_month(venue.name)
        if month is not None:
            return month
    date = record.content("date")
    if date is not None and date.text:
        parsed = parse_venue(date.text)
        return parsed.month if parsed is not None else None
    return None


def _workshop_month(name: str) -> int | None:
    """``CVPRW``, ``ECCV Workshop``, ``NeurIPS workshop``: held with the conference."""
    lowered = name.casefold().rstrip()
    for suffix in (" workshops", " workshop", "w"):
        if lowered.endswith(suffix):
            base = known_name(name.rstrip()[: -len(suffix)].strip())
            known = KNOWN_VENUES.get(base) if base is not None else None
            if known is not None and known[0] == "conference":
                return known[1]
    return None


def sort_value(record: RowRecord, field: str) -> SortValue:
    """The value a row is ordered by for one sort field; None (or "") when unknown."""
    paper = record.paper
    if paper is None:
        return None
    if field == "year":
        return paper.year
    if field == "month":
        return row_month(record)
    if field == "venue":
        return (paper.venue.name or paper.venue.raw).casefold() if paper.venue else None
    if field == "authors":
        return ", ".join(paper.authors).casefold() or None
    text = {"title": paper.title, "type": paper.type, "task": paper.task}.get(field, "")
    return text.casefold() or None


def check_sort_keys(keys: Sequence[str]) -> None:
    """Raise ``ValueError`` naming the first key (``"-year"``) of no sort field; the
    message is also what a bad ``sort`` in the configuration says."""
    for key in keys:
        if key.lstrip("+-") not in SORT_FIELDS:
            raise ValueError(f"unknown sort key {key!r}; allowed: {sorted(SORT_FIELDS)}")


def _sort_fields(keys: Sequence[str]) -> list[tuple[str, bool]]:
    check_sort_keys(keys)
    return [(key.lstrip("+-"), key.startswith("-")) for key in keys]


def sort_keys(records: Sequence[RowRecord], keys: Sequence[str] = DEFAULT_SORT) -> list[Any]:
    """Per record, a key that orders ``records`` exactly as ``sort_key(keys)`` does.

    Each row's values are read once, not once per comparison: every value becomes its
    rank among the values of its field (the last rank for unknown ones, whatever the
    direction), and a descending field counts its ranks down.
    """
    columns: list[list[int]] = []
    for field, descending in _sort_fields(keys):
        values = [sort_value(record, field) for record in records]
        known = sorted({value for value in values if value is not None})
        last = len(known)
        rank = {value: last - 1 - i if descending else i for i, value in enumerate(known)}
        columns.append([last if value is None else rank[value] for value in values])
    return list(zip(*columns)) if columns else [() for _ in records]


def sort_key(keys: Sequence[str] = DEFAULT_SORT) -> Callable[[RowRecord], Any]:
    """A key for ``sorted`` ordering rows by ``keys`` (``"-year"``: descending).

    Unknown values sort last in either direction; equal rows keep their order
    (``sorted`` is stable), so a sort never shuffles ties.
    """
    fields = _sort_fields(keys)

    def compare(a: RowRecord, b: RowRecord) -> int:
        for field, descending in fields:
            left, right = sort_value(a, field), sort_value(b, field)
            if left == right:
                continue
            if left is None or right is None:
                return 1 if left is None else -1
            order = -1 if left < right else 1  # type: ignore[operator]
            return -order if descending else order
        return 0

    return functools.cmp_to_key(compare)
