"""Suppression comments: ``<!-- ddlint-disable DD204 -->`` and friends.

``<!-- ddlint-disable [codes] -->`` silences the listed rules (all without codes)
until ``<!-- ddlint-enable [codes] -->`` or the end of the file;
``<!-- ddlint-disable-next-line [codes] -->`` silences the next non-blank line;
``<!-- ddlint-disable-line [codes] -->`` inside a table cell silences its own row (GitHub
hides the comment, and the table stays whole: a comment line between two rows would end
it); a comment of another kind in a cell silences nothing, and DD001 says to use
``disable-line`` there. Codes and names both work. A suppression that silences nothing, or names an
unknown rule, is itself a finding (DD001, like ruff's RUF100): the rule reads the
suppressions as applied here. The findings of the network rules (--check-links,
--check-metadata) are silenced like any other; a comment that names one of them is
marked ``network``, and DD001 never calls it unused (see its page).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from ddlint.gfm.document import Document
from ddlint.inline.syntax import html_comment_spans
from ddlint.rules.base import SUPPRESSION_COMMENT, SUPPRESSION_DIRECTIVE, Suppression
from ddlint.text.findings import Finding
from ddlint.text.spans import Span

# Where an in-cell directive may stand: found in the whole text at once, so only the rows
# on those lines are looked at. Every kind counts: those other than ``disable-line`` are
# kept (applied to nothing) so that DD001 can tell the user.
_CELL_DIRECTIVE = SUPPRESSION_DIRECTIVE


@dataclass(frozen=True)
class _Region:
    start: int  # first line silenced
    end: int  # last line silenced
    directive: Suppression


def apply_suppressions(
    document: Document,
    findings: Iterable[Finding],
    resolve: Callable[[str], str | None],
    network: Collection[str] = (),
) -> tuple[list[Finding], list[Suppression]]:
    """Drop silenced findings; return those kept and the suppression comments, each
    marked when it silenced a finding, and when it names a rule of ``network``.

    ``resolve`` maps a code or name to its code, or None when no rule has it.
    """
    directives = list(_directives(document, resolve))
    for directive in directives:
        directive.network = not directive.codes.isdisjoint(network)
    regions = _regions(document, directives)
    if regions:
        kept = [finding for finding in findings if not _silenced(finding, regions)]
    else:  # the common file: nothing to look up
        kept = list(findings)
    return kept, directives


def _silenced(finding: Finding, regions: list[_Region]) -> bool:
    """Whether the first region that covers ``finding`` silences it (and so is used)."""
    for region in regions:
        codes = region.directive.codes
        if region.start <= finding.line <= region.end and (not codes or finding.code in codes):
            region.directive.used = True
            return True
    return False


def _directives(document: Document, resolve: Callable[[str], str | None]) -> list[Suppression]:
    """Every suppression comment, in document order: those that are HTML blocks of their
    own, and those inside table cells (``in_cell``)."""
    found: list[Suppression] = []
    for block in document.blocks:
        if block.kind != "html" or block.html_type != 2:
            continue
        text = block.span.slice(document.text)
        for match in SUPPRESSION_COMMENT.finditer(text):
            found.append(_suppression(document, match, block.span.start, resolve))
    found.extend(_cell_directives(document, resolve))
    found.sort(key=lambda directive: directive.span.start)
    return found


def _cell_directives(
    document: Document, resolve: Callable[[str], str | None]
) -> Iterable[Suppression]:
    """The suppression comments in the cells of table rows, rendered or stray, of every
    kind: only ``disable-line`` is applied (``_regions``), the others are reported."""
    text = document.text
    lines = {document.line_index.position(m.start())[0] for m in _CELL_DIRECTIVE.finditer(text)}
    if not lines:  # the common file: no row to look at
        return
    for table in document.tables:
        for row in (table.header, *table.rows):
            if row.line not in lines:
                continue
            for cell in row.cells:
                for start, end in html_comment_spans(cell.text):
                    match = SUPPRESSION_COMMENT.fullmatch(cell.text, start, end)
                    if match is not None:
                        directive = _suppression(document, match, cell.start, resolve)
                        directive.in_cell = True
                        yield directive


def _suppression(
    document: Document,
    match: re.Match[str],
    offset: int,
    resolve: Callable[[str], str | None],
) -> Suppression:
    """The directive ``match`` found in a text that starts at ``offset`` of the document."""
    codes: set[str] = set()
    unknown: list[str] = []
    for token in re.split(r"[\s,]+", match.group(2).strip()):
        if not token:
            continue
        code = resolve(token)
        if code is None:
            unknown.append(token)
        else:
            codes.add(code)
    start = offset + match.start()
    line = document.line_index.position(start)[0]
    span = Span(start, offset + match.end())
    return Suppression(match.group(1).lower(), frozenset(codes), span, line, unknown=unknown)


def _regions(document: Document, directives: list[Suppression]) -> list[_Region]:
    regions: list[_Region] = []
    last_line = len(document.lines)
    open_disables: list[Suppression] = []
    for directive in directives:
        if directive.in_cell and directive.kind != "disable-line":
            continue  # silences nothing; DD001 reports it
        if directive.kind == "disable-next-line":
            target = _next_content_line(document, directive.line)
            regions.append(_Region(target, target, directive))
        elif directive.kind == "disable-line":
            regions.append(_Region(directive.line, directive.line, directive))
        elif directive.kind == "disable":
            open_disables.append(directive)
        else:  # enable: close matching disables
            for disable in list(open_disables):
                if not directive.codes or disable.codes <= directive.codes:
                    regions.append(_Region(disable.line, directive.line, disable))
                    open_disables.remove(disable)
    regions.extend(_Region(d.line, last_line, d) for d in open_disables)
    return regions


def _next_content_line(document: Document, line: int) -> int:
    for number in range(line + 1, len(document.lines) + 1):
        if document.line_text(number).strip():
            return number
    return line
