"""Verifying a fix: the checks that prove nothing was lost, before a byte is written.

DESIGN.md §3.3: the fixed text round-trips, text outside tables is unchanged except
where a rule declared an edit, the multiset of records (by identity) is unchanged by
safe fixes and changed by unsafe ones only at the rows they declared, every table row
that held something is still there, and another fix pass would change nothing. Any
failure is a ddlint bug: ``FixError``, with the diff of the refused text. Record
identities are counted through ``CanonicalUrls``, the run's memo of ``canonical_url``.

The records alone cannot see a row that is no record (a row of a metrics table, a row
whose only link sits in a column no field reads): ``content_rows`` counts every table
row that holds something, records or not, so that deleting one is a refusal too.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from ddlint.engine.linter import LintResult
from ddlint.fix.plan import choose_fixes
from ddlint.gfm.document import Document, Row
from ddlint.gfm.parse import render_document
from ddlint.inline.parse import InlineCache
from ddlint.inline.urls import canonical_url
from ddlint.records.blocks import block_lines
from ddlint.records.extract import is_empty_cell
from ddlint.records.identity import Identity, paper_identity
from ddlint.records.model import Records
from ddlint.rules import ALL_RULES
from ddlint.text.findings import Applicability, Finding


class FixError(Exception):
    """A fix failed verification; nothing may be written."""

    def __init__(self, check: str, detail: str, diff: str = "") -> None:
        super().__init__(f"{check}: {detail}")
        self.check, self.detail, self.diff = check, detail, diff


class Snapshot(NamedTuple):
    """What the final check compares of the input text."""

    text: str
    outside_lines: list[str]
    identities: Counter[Identity]
    rows: int  # ``content_rows``


def verify_parsed(
    initial: Snapshot,
    final: tuple[LintResult, Counter[Identity]],
    applied: Sequence[Finding],
    *,
    unsafe: bool,
) -> None:
    """Verify the fix (DESIGN.md §3.3) from the input snapshot and the loop's last lint."""
    (last, after), before = final, initial.identities
    original, fixed = initial.text, last.document.text
    if render_document(last.document) != fixed:
        raise FixError("round trip", "the fixed text does not parse back losslessly")
    _check_outside_tables(initial, last.document, applied)
    kept = content_rows(last.records)
    if kept < initial.rows:
        raise FixError(
            "rows",
            f"{initial.rows - kept} table row(s) that held something were deleted",
            unified_diff(original, fixed),
        )
    if not unsafe and before != after:
        lost = before - after
        gained = after - before
        raise FixError(
            "records",
            f"safe fixes changed records: {sum(lost.values())} lost, {sum(gained.values())} new",
            unified_diff(original, fixed),
        )
    if choose_fixes(last.findings, unsafe):
        raise FixError("idempotency", "a second fix pass would change the text again")


class CanonicalUrls(dict[str, str]):
    """``canonical_url`` remembered for one fix run. Every pass counts the identities of
    all records again, and a large list has many more links than the bounded cache of
    ``canonical_url`` holds, so without this each pass would work out every link anew."""

    def __missing__(self, url: str) -> str:
        canonical = self[url] = canonical_url(url)
        return canonical


def record_identities(records: Records, urls: CanonicalUrls) -> Counter[Identity]:
    """The multiset of the records' identities (what the record checks compare)."""
    canonical = urls.__getitem__
    return Counter(paper_identity(paper, canonical) for paper in records.papers)


def check_pass_records(
    before: tuple[Records, Counter[Identity]],
    new: Counter[Identity],
    chosen: Sequence[Finding],
    current: str,
    original: str,
    urls: CanonicalUrls,
) -> None:
    """Within one pass, records change only at rows an unsafe fix declared."""
    records, old = before
    if old == new:
        return
    unsafe_lines = {f.line for f in chosen if f.fix and f.fix.applicability is Applicability.UNSAFE}
    removed = old - new
    allowed = Counter(
        paper_identity(r.paper, urls.__getitem__)
        for r in records.rows
        if r.paper is not None and r.row.line in unsafe_lines
    )
    if removed - allowed or sum((new - old).values()) > len(unsafe_lines):
        raise FixError(
            "records",
            "a fix changed records it did not declare",
            unified_diff(original, current),
        )


def content_rows(records: Records) -> int:
    """The table rows that hold something (DESIGN.md §3.3), records or not: the header,
    body and stray rows of every table, all but template rows. A template row is one
    whose every cell is empty once whitespace, emphasis markers and empty-target links
    are removed, or one the text repeats identically whose title cell is empty so or has
    an empty-target link (issue #19's definition, read here on every cell and without
    the row kinds of the records, so that a mistake there cannot hide a lost row).

    A fix may delete template rows, and no other: the count after it is at least this.
    """
    inline = records.inline
    count = 0
    blank_titled: Counter[tuple[str, ...]] = Counter()
    for paper_table in records.tables:
        table = paper_table.table
        title = paper_table.columns.column_of("title")
        for row in (table.header, *table.rows):
            if not any(_holds(cell.text, inline) for cell in row.cells):
                continue
            if _blank_title(row, title, inline):
                blank_titled[tuple(cell.text for cell in row.cells)] += 1
            else:
                count += 1
    return count + sum(n for n in blank_titled.values() if n < 2)


# A character that is no whitespace nor emphasis marker: a cell without ``[`` (no link)
# nor ``&`` (no entity) holds something exactly when it has one.
_CONTENT = re.compile(r"[^\s*_~]")


def _holds(text: str, inline: InlineCache) -> bool:
    if "[" not in text and "&" not in text:
        return _CONTENT.search(text) is not None
    return not is_empty_cell(text, inline)


def _blank_title(row: Row, title: int | None, inline: InlineCache) -> bool:
    if title is None:
        return False
    if title >= len(row.cells):
        return True
    text = row.cells[title].text
    if not _holds(text, inline):
        return True
    return "](" in text and any(not link.url.strip() for link in inline.parse(text).links)


def outside_lines(document: Document) -> list[str]:
    """Non-blank lines that belong to no table (rows and stray rows included, and the
    pipe rows of text blocks: their records are counted, and DD104 makes them a table)."""
    inside: set[int] = block_lines(document)
    for table in document.tables:
        inside.update(range(table.first_line, table.last_line + 1))
        inside.update(row.line for row in table.stray)
    return [
        document.line_text(n).rstrip()
        for n in range(1, len(document.lines) + 1)
        if n not in inside and document.line_text(n).strip()
    ]


def _check_outside_tables(original: Snapshot, fixed: Document, applied: Sequence[Finding]) -> None:
    before = original.outside_lines
    after = outside_lines(fixed)
    if before == after:
        return
    changed = sum(
        max(i2 - i1, j2 - j1)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after).get_opcodes()
        if tag != "equal"
    )
    outside = ALL_RULES.codes(lambda rule: rule.edits_outside_tables)
    declared = sum(1 for f in applied if f.code in outside)
    if changed > declared:
        raise FixError(
            "outside tables",
            f"{changed} line(s) outside tables changed, {declared} declared",
            unified_diff(original.text, fixed.text),
        )


def unified_diff(old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), "before", "after"
        )
    )
