"""The ``json`` format: one JSON array, one object per finding.

The objects are a contract for scripts and other tools, described by the shipped
schema ``ddlint/schemas/findings.schema.json``; change both together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict

from ddlint.report._common import SourceLines, Writer, rule_statistics, write_json_value
from ddlint.text.findings import Edit, Finding, Fix


def findings_to_json(
    findings: Sequence[Finding], *, sources: Mapping[str, str] | None = None
) -> list[dict[str, object]]:
    """The findings as JSON-ready objects, in the order given.

    Edit offsets are always present. Their lines and columns need the file's text;
    without it (``sources`` lacks the path) they are ``null`` rather than missing,
    so every object has the same keys.
    """
    lines = SourceLines(sources)
    return [_finding_object(finding, lines) for finding in findings]


def format_json(findings: Sequence[Finding], *, sources: Mapping[str, str] | None = None) -> str:
    parts: list[str] = []
    write_json(parts.append, findings, sources=sources)
    return "".join(parts)


def write_json(
    write: Writer, findings: Sequence[Finding], *, sources: Mapping[str, str] | None = None
) -> None:
    # ASCII-only output survives any stdout encoding; every JSON reader decodes \u escapes.
    write_json_value(write, findings_to_json(findings, sources=sources))
    write("\n")


def write_json_statistics(write: Writer, findings: Sequence[Finding]) -> None:
    """``--statistics`` as JSON: per rule, most findings first, ruff's keys (``code``,
    ``name``, ``count``, ``fixable``: whether ``--fix`` repairs any of them)."""
    rows = [asdict(row) for row in rule_statistics(findings)]
    write_json_value(write, rows)
    write("\n")


def _finding_object(finding: Finding, lines: SourceLines) -> dict[str, object]:
    obj: dict[str, object] = {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "fix": None if finding.fix is None else _fix_object(finding.fix, finding.path, lines),
    }
    if finding.parts:
        obj["rows"] = list(finding.rows)
    return obj


def _fix_object(fix: Fix, path: str, lines: SourceLines) -> dict[str, object]:
    return {
        "applicability": fix.applicability.value,
        "edits": [_edit_object(edit, path, lines) for edit in fix.edits],
    }


def _edit_object(edit: Edit, path: str, lines: SourceLines) -> dict[str, object]:
    start = lines.position(path, edit.span.start)
    end = lines.position(path, edit.span.end)
    if start is None or end is None:
        start = end = None
    return {
        "start": edit.span.start,
        "end": edit.span.end,
        "line": start[0] if start else None,
        "column": start[1] if start else None,
        "end_line": end[0] if end else None,
        "end_column": end[1] if end else None,
        "text": edit.text,
    }
