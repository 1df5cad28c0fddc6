"""Shared reading of raw table rows for the DD1xx structure rules.

GitHub splits a row on every ``|`` not preceded by ``\\``, before any inline
parsing (GFM-TABLES.md §6). ``text_pipes`` finds the pipes the author plainly
meant as text: those inside a code span, a link's text, destination or title, or
a quoted HTML attribute, all read on the row's raw text across cell boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddlint.gfm.document import Row, Table
from ddlint.inline.parse import is_links_only
from ddlint.records.model import Records

# A link or image: text with one level of nested brackets, then a destination
# (one level of nested parentheses) and an optional quoted title.
_LINK = re.compile(
    r"""\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]"""
    r"""\((?P<destination>(?:[^()\s\\]|\\.|\([^()\s]*\))*)"""
    r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)"""
)
# An HTML tag whose quoted attribute values may hold pipes (`title="a|b"`).
_TAG = re.compile(
    r"""<[A-Za-z][\w-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>"""
)
_BACKTICKS = re.compile(r"`+")
# A quoted attribute of a tag, and the attributes whose value is a URL.
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "cite", "action", "poster"})
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def text_pipes(text: str) -> list[tuple[int, str]]:
    """Offsets (into ``text``) of cell-splitting pipes inside inline constructs, with
    what each sits in (``a code span``, ``a link``, ``an HTML tag``), in text order."""
    found: dict[int, str] = {}
    for start, end in _code_spans(text):
        _collect(text, start, end, "a code span", found)
    for pattern, what in ((_LINK, "a link"), (_TAG, "an HTML tag")):
        for match in pattern.finditer(text):
            _collect(text, match.start(), match.end(), what, found)
    return sorted(found.items())


def url_pipe_spans(text: str) -> list[tuple[int, int]]:
    """Spans (into ``text``) of the links and HTML tags whose URL holds an unescaped pipe.

    GitHub splits the cell there and links the URL only up to the pipe (a cut-off
    autolink) or not at all: escaping a pipe of such a link changes the URL the row
    links, so DD105 leaves them to a person and DD402 never pads them.
    """
    spans: list[tuple[int, int]] = []
    for match in _LINK.finditer(text):
        if _UNESCAPED_PIPE.search(match.group("destination")):
            spans.append(match.span())
    for match in _TAG.finditer(text):
        for name, double, single in _ATTRIBUTE.findall(match.group()):
            if name.lower() in _URL_ATTRIBUTES and _UNESCAPED_PIPE.search(double or single):
                spans.append(match.span())
                break
    return spans


def row_text_pipes(document_text: str, row: Row, columns: int) -> list[tuple[int, str]]:
    """``text_pipes`` of a row of a ``columns``-wide table, as document offsets.

    A backtick in each of two cells also reads as a code span holding the pipe
    between them, so code-span pipes count only when the row has surplus cells.
    """
    if all(_closed(cell.text) for cell in row.cells):
        return []  # nothing can open in one cell and close in another: the common row
    base = row.span.start
    surplus = len(row.cells) > columns
    return [
        (base + at, what)
        for at, what in text_pipes(row.span.slice(document_text))
        if surplus or what != "a code span"
    ]


_OPENER = re.compile(r"[\[`<]")


def _closed(cell_text: str) -> bool:
    """No construct ``text_pipes`` looks into can start in this cell and run past its end:
    nothing opens one, or every ``[`` opens a plain link closed in the cell (a link,
    code span or tag can only start at ``[``, a backtick or ``<``)."""
    return _OPENER.search(cell_text) is None or is_links_only(cell_text)


def skipped_lines(records: Records) -> frozenset[int]:
    """Lines of placeholder (template) and separator rows: DD201 owns the first, and
    the second (`| **2015** | |`) are short on purpose."""
    return frozenset(r.row.line for r in records.rows if r.kind in ("placeholder", "separator"))


def data_rows(table: Table, skipped: frozenset[int]) -> Iterator[Row]:
    """Body and stray rows of ``table`` that hold data."""
    return (row for row in table.rows if row.line not in skipped)


def _collect(text: str, start: int, end: int, what: str, found: dict[int, str]) -> None:
    at = text.find("|", start, end)
    while at >= 0:
        if at == 0 or text[at - 1] != "\\":
            found.setdefault(at, what)
        at = text.find("|", at + 1, end)


def _code_spans(text: str) -> Iterator[tuple[int, int]]:
    """CommonMark code spans: a backtick run closed by the next run of equal length."""
    position = 0
    while True:
        opener = _BACKTICKS.search(text, position)
        if opener is None:
            return
        if opener.start() > 0 and text[opener.start() - 1] == "\\":
            position = opener.start() + 1  # an escaped backtick opens nothing
            continue
        width = len(opener.group())
        closer = _BACKTICKS.search(text, opener.end())
        while closer is not None and len(closer.group()) != width:
            closer = _BACKTICKS.search(text, closer.end())
        if closer is None:
            position = opener.end()
            continue
        yield opener.start(), closer.end()
        position = closer.end()
