"""Findings → what a person or a tool reads: text, json, sarif, github, summary.

Reports print findings in the order they are given (the linter sorts them), so the
same findings always give the same bytes. Every non-empty output ends with a
newline; the ``github`` format of no findings is the empty string.

``write_findings`` writes a report to a stream piece by piece: the text report of a
100 000-row list is 35 MB, and held whole (as one string, then its encoded bytes) it
would be the largest thing in memory. ``format_findings`` returns the same text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, get_args

from ddlint.report._common import RuleMeta, Writer, rule_help_uri
from ddlint.text.findings import Finding

if TYPE_CHECKING:
    from ddlint.report.json_ import findings_to_json
    from ddlint.report.sarif import sarif_log
    from ddlint.report.text import statistics_table

OutputFormat = Literal["text", "json", "sarif", "github", "summary"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = get_args(OutputFormat)
# The formats ``--statistics`` has a form in: per rule, a line of text (text and
# github: a workflow log reads text), a JSON object (ruff's keys) or a Markdown row.
# SARIF describes results, not counts; ruff refuses statistics there too.
STATISTICS_FORMATS: tuple[OutputFormat, ...] = ("text", "github", "json", "summary")

__all__ = [
    "OUTPUT_FORMATS",
    "STATISTICS_FORMATS",
    "OutputFormat",
    "RuleMeta",
    "findings_to_json",
    "format_findings",
    "rule_help_uri",
    "sarif_log",
    "statistics_table",
    "write_findings",
]


def format_findings(
    findings: Sequence[Finding],
    fmt: OutputFormat,
    *,
    sources: Mapping[str, str] | None = None,
    rules: Mapping[str, RuleMeta] | None = None,
    statistics: bool = False,
    files_checked: int | None = None,
    tool_version: str = "0.0.0",
    failed_files: int = 0,
    color: bool = False,
    information_uri: str | None = None,
    nothing_checked: str | None = None,
) -> str:
    """Render ``findings`` in format ``fmt``.

    ``sources`` maps each finding's path to the text it was linted from; with it the
    text format shows excerpts and json/sarif give fix edits lines and columns.
    ``rules`` describes rules for sarif and summary; ``statistics`` gives the counts
    per rule instead of the findings, as ``ruff --statistics`` (a ValueError for a
    format without statistics, ``STATISTICS_FORMATS``); ``files_checked`` goes into
    the summary; ``tool_version`` into the SARIF driver; ``failed_files`` (text only)
    counts the files the run could not check or write, so that no findings is not
    called a pass; ``color`` (text only) adds ANSI colours for a terminal;
    ``information_uri`` (sarif only) the project's home, when it has one;
    ``nothing_checked`` (summary only) why no file was checked, when none was.
    Options a format has no use for are ignored.
    """
    parts: list[str] = []
    write_findings(
        parts.append,
        findings,
        fmt,
        sources=sources,
        rules=rules,
        statistics=statistics,
        files_checked=files_checked,
        tool_version=tool_version,
        failed_files=failed_files,
        color=color,
        information_uri=information_uri,
        nothing_checked=nothing_checked,
    )
    return "".join(parts)


def write_findings(
    write: Writer,
    findings: Sequence[Finding],
    fmt: OutputFormat,
    *,
    sources: Mapping[str, str] | None = None,
    rules: Mapping[str, RuleMeta] | None = None,
    statistics: bool = False,
    files_checked: int | None = None,
    tool_version: str = "0.0.0",
    failed_files: int = 0,
    color: bool = False,
    information_uri: str | None = None,
    nothing_checked: str | None = None,
) -> None:
    """``format_findings``, passed piece by piece to ``write`` (``sys.stdout.write``).

    The text, github, json and sarif formats write one finding (or one JSON chunk) at
    a time, so the whole report never has to fit in memory next to the findings.
    """
    if statistics:
        _write_statistics(write, findings, fmt, files_checked, failed_files, color, nothing_checked)
        return
    # Each format is imported when used: a run prints one (start-up time).
    if fmt == "text":
        from ddlint.report.text import write_text

        write_text(write, findings, sources=sources, failed_files=failed_files, color=color)
    elif fmt == "json":
        from ddlint.report.json_ import write_json

        write_json(write, findings, sources=sources)
    elif fmt == "sarif":
        from ddlint.report.sarif import write_sarif

        write_sarif(
            write,
            findings,
            sources=sources,
            rules=rules,
            tool_version=tool_version,
            information_uri=information_uri,
        )
    elif fmt == "github":
        from ddlint.report.github import write_github

        write_github(write, findings)
    elif fmt == "summary":
        from ddlint.report.summary import format_summary

        summary = format_summary(
            findings, rules=rules, files_checked=files_checked, nothing_checked=nothing_checked
        )
        write(summary)
    else:
        raise ValueError(
            f"unknown output format {fmt!r}; expected one of {', '.join(OUTPUT_FORMATS)}"
        )


def _write_statistics(
    write: Writer,
    findings: Sequence[Finding],
    fmt: OutputFormat,
    files_checked: int | None,
    failed_files: int,
    color: bool,
    nothing_checked: str | None,
) -> None:
    if fmt in ("text", "github"):
        from ddlint.report.text import write_text

        write_text(write, findings, statistics=True, failed_files=failed_files, color=color)
    elif fmt == "json":
        from ddlint.report.json_ import write_json_statistics

        write_json_statistics(write, findings)
    elif fmt == "summary":
        from ddlint.report.summary import format_summary

        summary = format_summary(
            findings, files_checked=files_checked, statistics=True, nothing_checked=nothing_checked
        )
        write(summary)
    else:
        formats = ", ".join(STATISTICS_FORMATS)
        raise ValueError(f"--statistics has no {fmt} form; use one of {formats}")


_LAZY = {
    "findings_to_json": "ddlint.report.json_",
    "sarif_log": "ddlint.report.sarif",
    "statistics_table": "ddlint.report.text",
}


def __getattr__(name: str) -> Any:
    """The helpers in ``__all__`` that live in a format's module, imported on use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
