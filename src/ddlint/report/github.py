"""The ``github`` format: GitHub Actions workflow commands, shown as annotations on a PR.

One ``::error``/``::warning``/``::notice`` line per finding. Values are escaped the way
the Actions runner unescapes them (``actions/toolkit``'s ``command.ts``): without it a
``,`` or ``:`` in a path would cut the property list short and a newline in a message
would end the command and run the rest as a new one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ddlint.report._common import Writer
from ddlint.text.findings import Finding, Severity

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (everything after ``::``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (``file=…``, ``title=…``), where ``:`` and ``,`` are syntax."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding]) -> str:
    """One workflow command per finding; the empty string when there are none."""
    parts: list[str] = []
    write_github(parts.append, findings)
    return "".join(parts)


def write_github(write: Writer, findings: Sequence[Finding]) -> None:
    for finding in findings:
        write(_command(finding) + "\n")


def _command(finding: Finding) -> str:
    properties = {
        "file": finding.path,
        "line": str(finding.line),
        "col": str(finding.column),
        "endLine": str(finding.end_line),
        "endColumn": str(finding.end_column),
        "title": f"{finding.code} {finding.name}",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{_COMMAND[finding.severity]} {joined}::{escape_data(finding.message)}"
