"""What a rule reports: a finding at a place, and optionally a fix made of text edits."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ddlint.text.spans import Span


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


# The least severity that fails a run (``fail-on``, ``--fail-on``): a ``Severity`` value.
FailOn = Literal["error", "warning", "info"]


class Applicability(str, enum.Enum):
    """Safe fixes change no record value; unsafe ones change or move data."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text at ``span`` with ``text`` (an insertion has an empty span)."""

    span: Span
    text: str


def splice_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with ``edits`` made; they must not overlap (the caller knows they don't,
    or checks: ``fixer.apply_edits``)."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        pieces += (text[position : edit.span.start], edit.text)
        position = edit.span.end
    pieces.append(text[position:])
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Fix:
    applicability: Applicability
    edits: tuple[Edit, ...]
    description: str = ""


@dataclass(frozen=True, slots=True)  # slots: a large list has 100 000s
class Finding:
    """One defect at one place. ``line``/``column`` are 1-based, columns in code points."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    path: str = "-"
    # A stable content fingerprint (baselines), filled in by the linter.
    fingerprint: str = field(default="", compare=False)
    # The cause, in words that name no row, when the rule could report it on many rows
    # of a table: the linter then makes one finding of most rows' (``engine.collapse``).
    reason: str = field(default="", compare=False)
    # A table-level finding's row findings, in order (empty for a row's own finding).
    parts: tuple[Finding, ...] = field(default=(), compare=False)

    @property
    def rows(self) -> tuple[int, ...]:
        """The lines of the rows a table-level finding stands for."""
        return tuple(sorted({part.line for part in self.parts}))

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
