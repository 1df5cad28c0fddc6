"""Which table a new paper goes to, and a year section made when its year has none.

In a list with year sections (paper tables under headings of two or more years) the
paper's year chooses the table (one made for a year that has none). ``--section``
names the table, matched as a person would: case, punctuation and spacing ignored,
words given in part (``distill`` finds `Dataset Distillation`); in a list with year
sections, among the tables of the paper's year first, then among all (the section
named is the one the user asked for; but a section of another year is refused, as
DD205 would then report the row: ``--year`` says the paper's year). A list with one
paper table
needs no ``--section``. When the table cannot be told, or ``--section`` names no table
or several, ``SectionError`` lists the sections that could be named: an option given
is never dropped silently.

A year without a section gets one made like its nearest year's: the headings from the
section's first heading of that year down to the table's delimiter row, the year
replaced in the headings (other lines between them, a year's own notes, are left out),
put at its place among the year sections.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from ddlint.gfm.document import Document
from ddlint.records.dates import heading_year
from ddlint.records.identity import loose_key
from ddlint.records.model import PaperTable, Records
from ddlint.text.errors import InputError

_WORD = re.compile(r"[^\W_]+")


class SectionError(InputError):
    """The table cannot be told; the message lists the sections to choose from."""


@dataclass(frozen=True)
class NewSection:
    """A year section to make: ``text`` inserted at ``offset``; the new row goes at
    ``row_offset`` within that text."""

    year: int
    offset: int
    text: str
    row_at: int  # index in ``text`` where the row's line goes
    model: PaperTable  # the table whose section it copies (its style is the new row's)


def paper_tables(records: Records) -> list[PaperTable]:
    return [t for t in records.tables if t.is_paper]


def year_tables(records: Records) -> dict[int, list[PaperTable]]:
    """The paper tables by the year of their section, in a list with year sections."""
    found: dict[int, list[PaperTable]] = {}
    for table in paper_tables(records):
        if table.section.year is not None:
            found.setdefault(table.section.year, []).append(table)
    return found if len(found) >= 2 else {}


def choose_table(records: Records, year: int | None, section: str | None) -> PaperTable | int:
    """The table for a paper of ``year``; an int (the year) when a year section is to
    be made for it."""
    by_year = year_tables(records)
    if by_year and year is not None and section is not None:
        found = match_section(by_year.get(year, []), section)
        if len(found) == 1:
            return found[0]
        named = _named(paper_tables(records), section, "")
        if named.section.year is not None and named.section.year != year:
            raise SectionError(
                f"--section {section!r} names the {named.section.year} section, but the paper "
                f"is of {year}; give --year {named.section.year} if that is its year"
            )
        return named
    if by_year and year is not None:
        tables = by_year.get(year)
        if not tables:
            return year
        if len(tables) == 1:
            return tables[0]
        return _named(tables, section, f"the {year} section has {len(tables)} tables")
    tables = paper_tables(records)
    if not tables:
        raise SectionError("no paper table to add to")
    if section is None and len(tables) == 1:
        return tables[0]
    why = "the list has no year sections" if not by_year else "the paper has no year (--year)"
    return _named(tables, section, why)


def _named(tables: list[PaperTable], section: str | None, why: str) -> PaperTable:
    if section is not None:
        found = match_section(tables, section)
        if len(found) == 1:
            return found[0]
        what = f"--section {section!r} matches {len(found) or 'no'} section(s)"
    else:
        what = f"{why}: name one with --section"
    listed = "; ".join(
        f"{t.section.heading or '(no heading)'} (line {t.table.header.line})" for t in tables
    )
    raise SectionError(f"cannot tell which table to add to: {what}. Sections: {listed}")


def match_section(tables: list[PaperTable], query: str) -> list[PaperTable]:
    """The tables whose heading ``query`` names: the same words, else every word of it
    the start of a word of the heading, else its letters within the heading's, else a
    heading one slip of the keys away (``grpah condensation``)."""
    words = [w.casefold() for w in _WORD.findall(query)]
    if not words:
        return []
    exact, partial, within = [], [], []
    for table in tables:
        heading = table.section.heading or ""
        have = [w.casefold() for w in _WORD.findall(heading)]
        if have == words:
            exact.append(table)
        elif all(any(h.startswith(w) for h in have) for w in words):
            partial.append(table)
        elif loose_key(query) in loose_key(heading):
            within.append(table)
    if exact or partial or within:
        return exact or partial or within
    keys = {id(t): loose_key(t.section.heading or "") for t in tables}
    close = set(difflib.get_close_matches(loose_key(query), keys.values(), n=3, cutoff=0.85))
    return [t for t in tables if keys[id(t)] in close]


def new_year_section(records: Records, year: int) -> NewSection:
    """The section to make for ``year`` (see the module)."""
    document = records.document
    by_year = year_tables(records)
    starts = {y: _section_start(document, tables[0]) for y, tables in by_year.items()}
    order = sorted(starts, key=lambda y: starts[y])  # the years as the list has them
    newest_first = order[0] > order[-1]
    model = min(order, key=lambda y: (abs(y - year), -y if newest_first else y))
    table = by_year[model][0].table
    newline = document.lines[table.header.line - 1].newline or "\n"
    lines = []
    for number in range(starts[model], table.delimiter.line + 1):
        text = document.line_text(number)
        if _is_heading(document, number):
            lines.append(text.replace(str(model), str(year)))
        elif number >= table.header.line or not text.strip():
            lines.append(text)
    gap = _gap(document, [starts[y] for y in order])
    later = [y for y in order if (y < year if newest_first else y > year)]
    head = newline.join(lines) + newline
    if later:
        offset = document.lines[starts[later[0]] - 1].start
        body_end = newline * gap
        return NewSection(year, offset, head + body_end, len(head), by_year[model][0])
    last = by_year[order[-1]][-1].table
    end_row = last.rows[-1] if last.rows else last.delimiter
    offset = end_row.source.end + len(end_row.source.newline)
    lead = ("" if end_row.source.newline else newline) + newline * gap
    return NewSection(year, offset, lead + head, len(lead) + len(head), by_year[model][0])


def _section_start(document: Document, table: PaperTable) -> int:
    """The line of the table's section: the first heading of its year between the
    table before it and itself (`## 2022` over `### Papers in 2022`)."""
    header = table.table.header.line
    previous = max((t.last_line for t in document.tables if t.last_line < header), default=0)
    between = [h for h in document.headings if previous < h.line < header]
    of_year = [h for h in between if heading_year(h.text) == table.section.year]
    if of_year:
        return of_year[0].line
    return between[-1].line if between else header


def _is_heading(document: Document, line: int) -> bool:
    return document.block_at(line).kind == "heading"


def _gap(document: Document, starts: list[int]) -> int:
    """The blank lines the list most often leaves before a year section (the first one
    aside: what stands above it is no section)."""
    gaps: Counter[int] = Counter()
    for start in starts[1:]:
        line, blank = start - 1, 0
        while line >= 1 and not document.line_text(line).strip():
            blank, line = blank + 1, line - 1
        gaps[blank] += 1
    # The fewest of the most common: a list that leaves 4 and 7 once each leaves 4.
    most = max(gaps.values(), default=0)
    return max(1, min((g for g, n in gaps.items() if n == most), default=1))
