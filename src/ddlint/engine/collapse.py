"""One cause, one finding: a rule that fires on most rows of a table for one reason
reports once for the table.

A rule marks a finding it could make on many rows for the same cause with a
``reason`` (``RuleContext.finding(..., reason=...)``), a sentence that names the
cause and nothing about the row. When the findings of one rule with one reason
cover more than half of a table's rows, the linter replaces them with one finding:
its range runs from the first of them to the last, its message says how many rows,
its one fix makes every row's edits, and it keeps the row findings as ``parts`` so
``--diff-base`` can still name the rows a change touched. Its fingerprint is the
rule, the reason and the table's header, without the row count, so a baseline keeps
hiding it as rows are added.

Suppression comments are applied before this: a silenced row is not counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ddlint.gfm.document import Document, Table
from ddlint.text.findings import Finding, Fix
from ddlint.text.spans import Span

# At least this many rows share the cause: one finding per row reads as well below it.
MIN_ROWS = 2


def collapse_table_findings(document: Document, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` with each rule's findings that share a reason on most rows of one
    table replaced by one table-level finding (at the place of the first)."""
    if not any(finding.reason for finding in findings):
        return list(findings)
    table_of_line = _table_of_line(document.tables)
    groups: dict[tuple[str, str, int], list[Finding]] = {}
    for finding in findings:
        table = table_of_line.get(finding.line) if finding.reason else None
        if table is not None:
            groups.setdefault((finding.code, finding.reason, table.index), []).append(finding)
    replaced: dict[int, Finding | None] = {}  # id of a row finding → what stands for it
    for (_, _, index), parts in groups.items():
        table = document.tables[index]
        collapsed = _collapsed(document, table, parts)
        if collapsed is None:
            continue
        replaced[id(parts[0])] = collapsed
        replaced.update((id(part), None) for part in parts[1:])
    if not replaced:
        return list(findings)
    kept: list[Finding] = []
    for finding in findings:
        stand_in = replaced.get(id(finding), finding)
        if stand_in is not None:
            kept.append(stand_in)
    return kept


def _table_of_line(tables: Sequence[Table]) -> dict[int, Table]:
    lines: dict[int, Table] = {}
    for table in tables:
        for row in (table.header, table.delimiter, *table.rows):
            lines[row.line] = table
    return lines


def _collapsed(document: Document, table: Table, parts: list[Finding]) -> Finding | None:
    rows = sorted({part.line for part in parts})
    total = len(table.rows)
    if len(rows) < MIN_ROWS or len(rows) * 2 <= total:
        return None
    if not _fixes_combine(parts):
        return None  # each row keeps its own finding and fix
    fix = _one_fix(parts)
    first, last = parts[0], max(parts, key=lambda part: (part.end_line, part.end_column))
    reason = first.reason
    message = f"{reason} ({len(rows)} of {total} rows of the table at line {table.header.line})"
    return Finding(
        code=first.code,
        name=first.name,
        severity=max((part.severity for part in parts), key=lambda severity: severity.rank),
        message=message,
        span=Span(first.span.start, max(first.span.start, last.span.end)),
        line=first.line,
        column=first.column,
        end_line=last.end_line,
        end_column=last.end_column,
        fix=fix,
        path=first.path,
        fingerprint=_fingerprint(document, table, first.code, reason),
        reason=reason,
        parts=tuple(parts),
    )


def _one_fix(parts: Sequence[Finding]) -> Fix | None:
    """The fix that makes every part's edits, if there is one, or None."""
    fixes = [part.fix for part in parts if part.fix is not None]
    if not fixes:
        return None
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: e.span.start)
    return Fix(fixes[0].applicability, tuple(edits), fixes[0].description)


def _fixes_combine(parts: Sequence[Finding]) -> bool:
    """Whether the parts' fixes can be one: all of one applicability, no edits overlap."""
    fixes = [part.fix for part in parts if part.fix is not None]
    if len({fix.applicability for fix in fixes}) > 1:
        return False
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: e.span.start)
    return all(a.span.end <= b.span.start for a, b in pairwise(edits))


def _fingerprint(document: Document, table: Table, code: str, reason: str) -> str:
    header = document.line_text(table.header.line).strip()
    import hashlib  # as rules.base: only SARIF and baselines ask (start-up time)

    return hashlib.sha256(f"{code}\0table\0{header}\0{reason}".encode()).hexdigest()[:20]
