"""A table's rows and cells, as offsets into the text (``gfm.document`` re-exports them).

A list of a million one-row tables has three million rows and millions of cells: what
each keeps is counted here, and what rows of the same content share is kept once.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass

from ddlint.gfm.lines import Line, Lines
from ddlint.text.spans import Span


@dataclass(frozen=True, slots=True, init=False)
class Cell:
    # A large list has millions of cells: each keeps only its start offset and its text
    # (trimmed of the spaces around it); the end and the span are derived on demand.
    start: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        if end - start != len(text):
            raise ValueError(f"cell text of length {len(text)} given the span {start}..{end}")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "text", text)

    @classmethod
    def at(cls, start: int, text: str) -> Cell:
        """The cell of ``text`` at ``start`` (its span follows from them)."""
        cell = cls.__new__(cls)
        object.__setattr__(cell, "start", start)
        object.__setattr__(cell, "text", text)
        return cell

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def span(self) -> Span:
        return Span(self.start, self.start + len(self.text))


class RowShape:
    """The cells of a row as offsets from its line's start, and their texts: what rows of
    the same line content share (every table of a list repeats its header and delimiter
    rows, and some lists repeat whole rows), so that those rows keep no cells of their
    own and make them when asked for."""

    __slots__ = ("_forms", "has_pipe", "indent", "offsets", "texts")

    def __init__(
        self, indent: int, offsets: tuple[int, ...], texts: tuple[str, ...], has_pipe: bool
    ) -> None:
        self.indent, self.offsets, self.texts, self.has_pipe = indent, offsets, texts, has_pipe
        self._forms: dict[tuple[str, bool], _SharedForm] = {}

    @classmethod
    def of(cls, row: Row) -> RowShape:
        base = row.lines.start(row.line - 1)
        cells = row.cells
        offsets = tuple(c.start - base for c in cells)
        return cls(row.indent, offsets, tuple(c.text for c in cells), row.has_pipe)

    def cells(self, base: int) -> tuple[Cell, ...]:
        return _cells(base, self.offsets, self.texts)

    def form(self, lines: Lines, indent: int, rendered: bool, kind: str) -> _SharedForm:
        """What the rows of this shape in ``lines`` with this kind keep beside their line:
        one tuple for all of them."""
        key = (kind, rendered)
        form = self._forms.get(key)
        if form is None or form[4] is not lines or form[0] != indent:
            # The offsets and texts, not the shape: a form that held the shape that holds
            # it would be a reference cycle, left to the collector.
            form = (indent, rendered, kind, self.has_pipe, lines, self.offsets, self.texts)
            self._forms[key] = form
        return form


def _cells(base: int, offsets: tuple[int, ...], texts: tuple[str, ...]) -> tuple[Cell, ...]:
    return tuple([Cell.at(base + offset, text) for offset, text in zip(offsets, texts)])


# A row's indent, whether GitHub renders it, its kind and whether it has a pipe: one
# tuple for each distinct combination, which every row of it shares (a list has few).
# A shared row's also holds the document's lines and its shape's offsets and texts.
_Form = tuple[int, bool, str, bool]
_SharedForm = tuple[int, bool, str, bool, Lines, tuple[int, ...], tuple[str, ...]]
_FORMS: dict[_Form, _Form] = {}


class Row:
    """A row of a table, rendered or stray: its line, where its content starts in that
    line, and its cells.

    ``Row(...)`` makes an ``OwnRow``, which keeps its cells, or, given a shape, a
    ``SharedRow``: a list of a million tables has three million rows, so each keeps only
    a few slots, its indent, kind and two flags in a tuple other rows share."""

    __slots__ = ()
    line: int  # 1-based
    lines: Lines  # the document's lines (the row's own is ``source``)
    cells: tuple[Cell, ...]
    _form: _Form | _SharedForm

    def __new__(
        cls,
        line: int,
        lines: Lines,
        indent: int,
        cells: tuple[Cell, ...] | RowShape,
        rendered: bool,
        kind: str,
        has_pipe: bool,
    ) -> Row:
        # Made here, whole: one constructor for both kinds (their __init__ is object's,
        # which takes the arguments as given to __new__).
        if isinstance(cells, RowShape):
            shared = object.__new__(SharedRow)
            _set_shared_line(shared, line)
            _set_shared_form(shared, cells.form(lines, indent, rendered, kind))
            return shared
        # The cells of a row of no shared shape stay a plain attribute, read as fast as
        # before.
        own = object.__new__(OwnRow)
        form = (indent, rendered, kind, has_pipe)
        _set_own_line(own, line)
        _set_own_lines(own, lines)
        _set_own_cells(own, cells)
        _set_own_form(own, _FORMS.setdefault(form, form))
        return own

    @property
    def indent(self) -> int:
        """Where the row's content starts in its line (past spaces and container marks)."""
        return self._form[0]

    @property
    def rendered(self) -> bool:
        """False for a stray row GitHub shows as text."""
        return self._form[1]

    @property
    def kind(self) -> str:
        """header, delimiter, body, stray."""
        return self._form[2]

    @property
    def has_pipe(self) -> bool:
        """False for a plain line GitHub swallowed as a one-cell row."""
        return self._form[3]

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[Row], tuple[object, ...]]:
        fields = (self.line, self.lines, self.indent, self._stored())
        return Row, (*fields, self.rendered, self.kind, self.has_pipe)

    def _stored(self) -> tuple[Cell, ...] | RowShape:
        return self.cells

    @property
    def cell_count(self) -> int:
        """``len(cells)``, without making the cells of a shared row."""
        return len(self.cells)

    def _key(self) -> tuple[object, ...]:
        return (
            self.line,
            self.lines,
            self.indent,
            self.cells,
            self.rendered,
            self.kind,
            self.has_pipe,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Row):
            return NotImplemented
        return self is other or self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Row(line={self.line!r}, lines={self.lines!r}, indent={self.indent!r}, "
            f"cells={self.cells!r}, rendered={self.rendered!r}, kind={self.kind!r}, "
            f"has_pipe={self.has_pipe!r})"
        )

    # The line and the spans are made when asked for, not stored: a row keeps no
    # offsets of its own beside its cells'.
    @property
    def source(self) -> Line:
        """The line the row is on."""
        return self.lines[self.line - 1]

    @property
    def span(self) -> Span:
        """The row's content: from its first non-space character to the line end."""
        index = self.line - 1
        return Span(self.lines.start(index) + self._form[0], self.lines.end(index))

    @property
    def line_span(self) -> Span:
        """The whole line, ending included."""
        index = self.line - 1
        return Span(self.lines.start(index), self.lines.span_end(index))


class OwnRow(Row):
    """A row that keeps its own cells."""

    __slots__ = ("_form", "cells", "line", "lines")


class SharedRow(Row):
    """A row that repeats an earlier row's line content: it keeps its line and a tuple
    shared with the rows of that content (its indent, kind, flags, the document's lines,
    the shape's offsets and texts), and makes its cells when asked for."""

    __slots__ = ("_form", "line")
    _form: _SharedForm

    @property
    def lines(self) -> Lines:  # type: ignore[override]
        return self._form[4]

    @property
    def shape(self) -> RowShape:
        indent, _, _, has_pipe, _, offsets, texts = self._form
        return RowShape(indent, offsets, texts, has_pipe)

    # Read-only here (a Row is frozen anyway): made from the shape.
    @property
    def cells(self) -> tuple[Cell, ...]:  # type: ignore[override]
        form = self._form
        return _cells(form[4].start(self.line - 1), form[5], form[6])

    @property
    def cell_count(self) -> int:
        return len(self._form[6])

    def _stored(self) -> tuple[Cell, ...] | RowShape:
        return self.shape


# The slots' own setters: Row.__setattr__ refuses assignments.
_set_own_line, _set_own_lines, _set_own_cells, _set_own_form = (
    OwnRow.__dict__[name].__set__ for name in ("line", "lines", "cells", "_form")
)
_set_shared_line, _set_shared_form = (
    SharedRow.__dict__[name].__set__ for name in ("line", "_form")
)
