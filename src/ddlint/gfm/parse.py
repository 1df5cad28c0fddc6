"""Text → ``Document``, and back.

``parse_document`` splits the text into lines (on CRLF, CR or LF only), runs the
block grammar of ``gfm.blocks`` over them and groups the lines into blocks that cover
the text exactly, so ``render_document(parse_document(t)) == t`` for every string.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate

from ddlint.gfm.blocks import Leaf, parse_blocks
from ddlint.gfm.document import Blocks, Document, Heading, Lines
from ddlint.gfm.lines import LineTexts
from ddlint.gfm.stray import TableBuilder
from ddlint.text.spans import LINE_ENDING, Span


def split_lines(text: str) -> Lines:
    if "\r" in text:
        return split_lines_scanning(text)
    # Only LF ends a line here: str.split finds them in C (equal to the scan, tested).
    pieces = text.split("\n")
    last = pieces.pop()  # after the final LF: "" when the text ends with one
    # Each line starts one past the previous line's end: the sums run in C.
    starts = array(_offset_code(text), accumulate(map((1).__add__, map(len, pieces)), initial=0))
    endings = bytearray(b"\x01") * len(pieces)
    if last:
        starts.append(len(text))
        endings.append(0)
    return Lines(text, starts, endings)


def _offset_code(text: str) -> str:
    # Four bytes an offset when they hold it, as they do for any text short of 4 GB.
    return "I" if len(text) < 2**32 else "q"


def split_lines_scanning(text: str) -> Lines:
    """``split_lines`` by regular expression: the reference, and the path for CR endings."""
    starts, endings = array(_offset_code(text)), bytearray()
    start = 0
    for match in LINE_ENDING.finditer(text):
        starts.append(start)
        endings.append(match.end() - match.start())
        start = match.end()
    if start < len(text):
        starts.append(start)
        endings.append(0)
    starts.append(len(text))
    return Lines(text, starts, endings)


def render_document(document: Document) -> str:
    return "".join(block.span.slice(document.text) for block in document.blocks)


def parse_document(text: str) -> Document:
    lines = split_lines(text)
    contents = LineTexts(lines)
    builder = TableBuilder(text, lines, contents)
    leaves = parse_blocks(contents, builder.rendered_row)
    blocks = _tile(lines, contents, _owners(len(lines), leaves))
    builder.place(leaves, blocks)
    headings = tuple(_heading(text, lines, leaf) for leaf in leaves if leaf.kind == "heading")
    table_leaves: list[Leaf | None] = [leaf for leaf in leaves if leaf.kind == "table"]
    del leaves  # the builder keeps the paragraphs it reads: each table leaf goes once built
    return Document(text, lines, blocks, builder.build_all(table_leaves), headings)


def _owners(count: int, leaves: list[Leaf]) -> list[Leaf | None]:
    """The leaf of each line, or None."""
    owner: list[Leaf | None] = [None] * count
    for leaf in leaves:
        for index in leaf.line_indexes():
            owner[index] = leaf
    return owner


def _tile(lines: Lines, contents: Sequence[str], owner: list[Leaf | None]) -> Blocks:
    """Group consecutive lines with the same leaf (or none) into blocks."""
    blocks = Blocks(lines)
    index = 0
    while index < len(lines):
        leaf = owner[index]
        kind = leaf.kind if leaf is not None else _bare_kind(contents[index])
        end = index + 1
        while end < len(lines) and owner[end] is leaf:
            if leaf is None and _bare_kind(contents[end]) != kind:
                break
            end += 1
        if leaf is None:
            blocks.append(kind, index + 1)
        else:
            blocks.append(kind, index + 1, leaf.level, leaf.html_type)
        index = end
    return blocks


def _bare_kind(content: str) -> str:
    # A line in no leaf is blank, or holds only container markers (`>`, `- `).
    return "blank" if content.strip(" \t") == "" else "other"


def _heading(text: str, lines: Lines, leaf: Leaf) -> Heading:
    first = lines[leaf.lines[0]]
    if len(leaf.lines) == 1:  # ATX: strip the opening and the optional closing hashes
        content = text[first.start + leaf.starts[0] : first.end].lstrip("#").strip(" \t")
        stripped = content.rstrip("#")
        if stripped != content and (stripped == "" or stripped[-1] in " \t"):
            content = stripped.rstrip(" \t")
    else:  # setext: every line but the underline
        parts = [
            text[lines[i].start + start : lines[i].end].strip(" \t")
            for i, start in zip(leaf.lines[:-1], leaf.starts[:-1])
        ]
        content = " ".join(parts)
    last = lines[leaf.lines[-1]]
    return Heading(first.number, leaf.level, content, Span(first.start, last.end))
