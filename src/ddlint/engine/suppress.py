"""Suppression comments: ``<!-- ddlint-disable DD204 -->`` and friends.

``<!-- ddlint-disable [codes] -->`` silences the listed rules (all without codes)
until ``<!-- ddlint-enable [codes] -->`` or the end of the file;
``<!-- ddlint-disable-next-line [codes] -->`` silences the next non-blank line.
Codes and names both work. A suppression that silences nothing, or names an
unknown rule, is itself a finding (DD001), like ruff's RUF100.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ddlint.gfm.document import Document
from ddlint.text.findings import Finding, Severity
from ddlint.text.spans import Span

_COMMENT = re.compile(
    r"<!--\s*ddlint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->", re.IGNORECASE
)
UNUSED_CODE, UNUSED_NAME = "DD001", "unused-suppression"


@dataclass
class _Directive:
    kind: str
    codes: frozenset[str]  # empty: every rule
    span: Span
    line: int
    used: bool = False
    unknown: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Region:
    start: int  # first line silenced
    end: int  # last line silenced
    directive: _Directive


def apply_suppressions(
    document: Document,
    findings: Iterable[Finding],
    resolve: Callable[[str], str | None],
) -> list[Finding]:
    """Drop silenced findings; add DD001 findings for unused or unknown suppressions.

    ``resolve`` maps a code or name to its code, or None when no rule has it.
    """
    directives = list(_directives(document, resolve))
    regions = _regions(document, directives)
    if regions:
        kept = [finding for finding in findings if not _silenced(finding, regions)]
    else:  # the common file: nothing to look up
        kept = list(findings)
    for directive in directives:
        message = ""
        if directive.unknown:
            message = f"Unknown rule in suppression comment: {', '.join(directive.unknown)}"
        elif directive.kind != "enable" and not directive.used:
            message = "Unused suppression: no finding here to silence; remove the comment"
        if message:
            line, column = document.line_index.position(directive.span.start)
            end_line, end_column = document.line_index.position(directive.span.end)
            kept.append(
                Finding(
                    UNUSED_CODE,
                    UNUSED_NAME,
                    Severity.WARNING,
                    message,
                    directive.span,
                    line,
                    column,
                    end_line,
                    end_column,
                )
            )
    return kept


def _silenced(finding: Finding, regions: list[_Region]) -> bool:
    """Whether the first region that covers ``finding`` silences it (and so is used)."""
    for region in regions:
        codes = region.directive.codes
        if region.start <= finding.line <= region.end and (not codes or finding.code in codes):
            if finding.code == UNUSED_CODE:
                return False
            region.directive.used = True
            return True
    return False


def _directives(document: Document, resolve: Callable[[str], str | None]) -> Iterable[_Directive]:
    for block in document.blocks:
        if block.kind != "html" or block.html_type != 2:
            continue
        text = block.span.slice(document.text)
        for match in _COMMENT.finditer(text):
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
            start = block.span.start + match.start()
            line = document.line_index.position(start)[0]
            span = Span(start, block.span.start + match.end())
            yield _Directive(match.group(1).lower(), frozenset(codes), span, line, unknown=unknown)


def _regions(document: Document, directives: list[_Directive]) -> list[_Region]:
    regions: list[_Region] = []
    last_line = len(document.lines)
    open_disables: list[_Directive] = []
    for directive in directives:
        if directive.kind == "disable-next-line":
            target = _next_content_line(document, directive.line)
            regions.append(_Region(target, target, directive))
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
