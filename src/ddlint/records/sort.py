"""Sort order: the dates a row writes, the value a row is ordered by for each sort field,
and the key that orders rows.

A row's date is what it writes: a Date column (``2023.11``, ``Nov, 2023``), the year and
the venue's written month, or the month its arXiv id gives. A conference's usual month
is never one of them (DD401 orders by the list's own dates, issue #19).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

from ddlint.inline.urls import arxiv_parts
from ddlint.records.model import RowRecord
from ddlint.records.venue_form import venue_form
from ddlint.records.venues import month_number

SORT_FIELDS = ("year", "month", "venue", "title", "authors", "type", "task")
DEFAULT_SORT = ("-year", "-month")
SortValue = int | str | None
Date = tuple[int | None, int | None]  # (year, month), each None where the row does not say

# The dates lists write in a Date column: 2023-11, 2023.11, 2023/11/02, 2023-9-21, 202311,
# Nov 2023, Nov., 2023, November 2023, 2023.
_NUMERIC_DATE = re.compile(r"((?:19|20)\d\d)(?:[-./](\d{1,2})(?:[-./]\d{1,2})?|(0[1-9]|1[0-2]))?")
_WORD_DATE = re.compile(r"([A-Za-z]{3,9})\.?,?\s*((?:19|20)\d\d)")
_ARXIV_ID = re.compile(r"(\d\d)(0[1-9]|1[0-2])\.\d{4,5}")


def parse_date(text: str) -> Date | None:
    """A Date cell's year and month, when the whole cell is a date (see above)."""
    text = text.strip()
    match = _NUMERIC_DATE.fullmatch(text)
    if match is not None:
        month = int(match.group(2) or match.group(3) or 0)
        if month > 12:
            return None
        return int(match.group(1)), month or None
    match = _WORD_DATE.fullmatch(text)
    if match is not None:
        written = month_number(match.group(1))
        return (int(match.group(2)), written) if written is not None else None
    return None


def row_month(record: RowRecord) -> int | None:
    """The month written in the row: its Date column's, else its Venue cell's
    (``arXiv, Nov., 2022``, or a date written as the venue, ``Nov, 2022``).

    Never a month guessed from a conference's name: lists order their rows by the dates
    they write, and a conference's calendar is none of them (issue #19).
    """
    return written_date(record)[1]


def written_date(record: RowRecord) -> Date:
    """The row's date as it writes it: its Date column (or a Year column that writes
    the month too, `2023.10`), if that reads as a date, else the paper's year (year
    column, venue or section) and the venue's written month."""
    for field in ("date", "year"):
        content = record.content(field)
        if content is not None and content.text:
            parsed = parse_date(content.text)
            # A Year column of bare years leaves the month to the venue (`arXiv, Nov., 2023`).
            if parsed is not None and (field == "date" or parsed[1] is not None):
                return parsed
    paper = record.paper
    if paper is None:
        return None, None
    return paper.year, _venue_month(paper.venue.raw if paper.venue else "")


def preprint_date(record: RowRecord) -> Date:
    """The written date, except that a row dated only by its venue's year (no Date or Year
    column, no month in the venue) is dated by its arXiv id when it has one: many lists
    place a published paper where its preprint appeared."""
    date = written_date(record)
    if date[1] is not None or record.cell("year") is not None:
        return date
    preprint = arxiv_date(record)
    return preprint if preprint[0] is not None else date


def arxiv_date(record: RowRecord) -> Date:
    """The month the row's arXiv paper was submitted, read from its id (``2306.14048``:
    June 2023); (None, None) for a row without a new-style arXiv link."""
    paper = record.paper
    if paper is None:
        return None, None
    for url in (paper.url or "", *(link.url for link in paper.links)):
        parts = arxiv_parts(url.strip()) if "arxiv" in url.lower() else None
        match = _ARXIV_ID.fullmatch(parts[1]) if parts is not None else None
        if match is not None:
            return 2000 + int(match.group(1)), int(match.group(2))
    return None, None


def _venue_month(raw: str) -> int | None:
    if not raw:
        return None
    form = venue_form(raw)
    if form is not None and form.month is not None:
        return form.venue.month
    parsed = parse_date(raw)  # "Nov, 2022": a date where the venue goes
    return parsed[1] if parsed is not None else None


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
