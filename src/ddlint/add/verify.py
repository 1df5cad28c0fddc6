"""The write of ``ddlint add`` is checked like a fix (DESIGN.md §3.3) before a byte is
written: the text round-trips; every line of the list is still there, unchanged, with
only the new lines between them (and the quick-links line, when a year section was
made); the record identities after are those before plus one new record per paper,
each the paper asked for: DD207's same paper (a shared id, or the same title when the
paper has no id), its title read back as the paper's, character for character (but
for spacing, and what ddlint never reads as a title's: a numbering, an emoji). A
failure is a ddlint bug: ``AddError``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from ddlint.add.paper import NewPaper
from ddlint.fix.verify import CanonicalUrls, record_identities, unified_diff
from ddlint.gfm.parse import render_document
from ddlint.records.identity import duplicate_keys, loose_key, paper_identity
from ddlint.records.model import Records
from ddlint.records.title import tidy_title
from ddlint.text.errors import InputError


class AddError(InputError):
    """The new text failed its check, or the paper cannot be written; nothing is written."""


def verify_added(before: Records, after: Records, papers: Sequence[NewPaper]) -> list[int]:
    """Check the new text (see the module); the new rows' lines, one per paper."""
    old, new = before.document.text, after.document.text
    if render_document(after.document) != new:
        raise AddError("ddlint bug: the new text does not parse back losslessly")
    inserted = _inserted_lines(
        old, new, len(after.document.headings) > len(before.document.headings)
    )
    urls = CanonicalUrls()
    had, has = record_identities(before, urls), record_identities(after, urls)
    lost, gained = had - has, has - had
    lines: list[int] = []
    for paper in papers:
        keys, title = set(paper.keys), loose_key(paper.title)
        found = [
            r
            for r in after.paper_rows
            if r.row.line in inserted
            and r.paper is not None
            and (keys & set(duplicate_keys(r.paper)) or loose_key(r.paper.title) == title)
        ]
        if len(found) != 1 or found[0].paper is None:
            raise _bug(f"{paper.given_as}: {len(found)} new row(s) read as this paper", old, new)
        shown = found[0].paper.title
        if " ".join(shown.split()) != " ".join(tidy_title(paper.title).split()):
            # Every character as GitHub shows it: a mark read as syntax, a tag hidden.
            raise _bug(f"{paper.given_as}: its title reads back as {shown!r}", old, new)
        if gained[paper_identity(found[0].paper, urls.__getitem__)] < 1:
            raise _bug(f"{paper.given_as}: its row is no new record", old, new)
        lines.append(found[0].row.line)
    if lost or gained.total() != len(papers):
        detail = f"{lost.total()} record(s) lost, {gained.total()} new for {len(papers)} paper(s)"
        raise _bug(detail, old, new)
    return lines


def _inserted_lines(old: str, new: str, section_made: bool) -> set[int]:
    """The lines (1-based, of ``new``) that were inserted; raises when any other line
    changed, but for one line (the quick links) when a section was made."""
    # Without line endings: a last line without one gets one when a row follows it.
    before, after = old.splitlines(), new.splitlines()
    inserted: set[int] = set()
    replaced = 0
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert":
            inserted.update(range(j1 + 1, j2 + 1))
        elif tag == "replace" and section_made and i2 - i1 == 1 and not replaced:
            replaced += 1  # the quick-links line, given the new year
            inserted.update(range(j1 + 2, j2 + 1))
        else:
            raise _bug("a line of the list changed", old, new)
    return inserted


def _bug(detail: str, old: str, new: str) -> AddError:
    return AddError(
        f"ddlint bug: the new text failed its check ({detail}); nothing was written. "
        f"Please report it.\n{unified_diff(old, new)}"
    )
