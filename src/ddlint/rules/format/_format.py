"""What the format rules share: when a list's habit is a clear convention (issue #19).

A format or order rule speaks only where the list has a clear convention, or the
configuration sets one. Clear means at least 80 % of the rows that show the
property, and at least 5 such rows: a short table, or one that mixes its habits,
has no convention to hold its other rows to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from typing import TypeVar

CLEAR_PERCENT = 80
CLEAR_ROWS = 5

K = TypeVar("K", bound=Hashable)


def is_clear(rows: int, shown: int) -> bool:
    """Whether ``rows`` of the ``shown`` rows that show a property make a clear convention."""
    return rows >= CLEAR_ROWS and rows * 100 >= shown * CLEAR_PERCENT


def clear_convention(counts: Counter[K], shown: int | None = None) -> K | None:
    """The value at least 80 % (and at least 5) of the ``shown`` rows have, if any.

    ``shown`` defaults to the rows counted; pass more when rows that show the
    property in a form no value names (an irregular row) must count against it.
    """
    if not counts:
        return None
    value, rows = counts.most_common(1)[0]
    total = sum(counts.values()) if shown is None else shown
    return value if is_clear(rows, total) else None


def most_rows_break(breaking: int, rows: int) -> bool:
    """Whether a configured style is broken by most of a table's rows: then the rule
    reports once for the table, with one fix (issue #19, principle 3)."""
    return breaking > 1 and breaking * 2 > rows


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
