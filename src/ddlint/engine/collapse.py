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

A rule that ``collapses_runs`` (DD102) also reports once for each run of such rows
that one blank gap cut off from the table (the rows of one paragraph of stray rows):
one gap strands them all, whatever share of the table they are.

Suppression comments are applied before this: a silenced row is not counted.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from ddlint.gfm.document import Document, Table
from ddlint.text.findings import Finding, Fix
from ddlint.text.spans import Span

# At least this many rows share the cause: one finding per row reads as well below it.
MIN_ROWS = 2


def collapse_table_findings(
    document: Document, findings: Sequence[Finding], run_codes: Collection[str] = ()
) -> list[Finding]:
    """``findings`` with each rule's findings that share a reason on most rows of one
    table replaced by one table-level finding (at the place of the first); for the
    rules ``run_codes`` names, otherwise by one finding per run of stray rows."""
    if not any(finding.reason for finding in findings):
        return list(findings)
    table_of_line = _table_of_line(document.tables)
    groups: dict[tuple[str, str, int], list[Finding]] = {}
    for finding in findings:
        table = table_of_line.get(finding.line) if finding.reason else None
        if table is not None:
            groups.setdefault((finding.code, finding.reason, table.index), []).append(finding)
    replaced: dict[int, Finding | None] = {}  # id of a row finding → what stands for it
    for (code, _, index), parts in groups.items():
        table = document.tables[index]
        collapsed = [_collapsed(document, table, parts)]
        if collapsed[0] is None and code in run_codes:
            collapsed = [
                _collapsed_run(document, table, run, ordinal)
                for ordinal, run in enumerate(_runs(document, parts))
            ]
        for stand_in in collapsed:
            if stand_in is not None:
                replaced[id(stand_in.parts[0])] = stand_in
                replaced.update((id(part), None) for part in stand_in.parts[1:])
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
    count = f"{len(rows)} of {total} rows of the table at line {table.header.line}"
    return _combined(parts, count, _fingerprint(document, table, parts[0].code, parts[0].reason))


def _runs(document: Document, parts: list[Finding]) -> list[list[Finding]]:
    """The parts on stray rows, grouped by the paragraph (run of rows behind one blank
    gap) they stand in; parts on the table's own rows are no run."""
    runs: dict[int, list[Finding]] = {}
    for part in parts:
        block = document.block_at(part.line)
        if block.kind == "paragraph":
            runs.setdefault(block.first_line, []).append(part)
    return list(runs.values())


def _collapsed_run(
    document: Document, table: Table, parts: list[Finding], ordinal: int
) -> Finding | None:
    rows = sorted({part.line for part in parts})
    if len(rows) < MIN_ROWS or not _fixes_combine(parts):
        return None
    count = f"{len(rows)} rows, lines {rows[0]}-{rows[-1]}, below the table at line "
    count += str(table.header.line)
    # The run is named by its place among the table's runs: rows added to it, or to the
    # table above it, keep its fingerprint (a baseline keeps hiding it).
    fingerprint = _fingerprint(document, table, parts[0].code, f"{parts[0].reason}\0{ordinal}")
    return _combined(parts, count, fingerprint)


def _combined(parts: list[Finding], count: str, fingerprint: str) -> Finding:
    """One finding for ``parts``: from the first to the last, with one fix."""
    fix = _one_fix(parts)
    first, last = parts[0], max(parts, key=lambda part: (part.end_line, part.end_column))
    reason = first.reason
    message = f"{reason} ({count})"
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
        fingerprint=fingerprint,
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
