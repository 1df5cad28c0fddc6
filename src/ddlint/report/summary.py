"""The ``summary`` format: Markdown for ``$GITHUB_STEP_SUMMARY``, the job's summary page.

Messages and paths are shown as plain text: every character Markdown could read as
syntax is backslash-escaped, so a ``|`` cannot split a table cell and a ``<`` or
``[`` from a README cell cannot become HTML or a link in the summary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from ddlint.report._common import SEVERITY_ORDER, RuleMeta, count_fixes, plural
from ddlint.text.findings import Applicability, Finding

MAX_LISTED_FINDINGS = 50
# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones
# that can start syntax inside a table cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Singular and plural; "info" is a mass noun ("3 info", not "3 infos").
_SEVERITY_NOUNS = {
    "error": ("error", "errors"),
    "warning": ("warning", "warnings"),
    "info": ("info", "info"),
}


def escape_cell(text: str) -> str:
    """``text`` as literal Markdown on one line, safe inside a table cell."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAK.sub(" ", text))


def format_summary(
    findings: Sequence[Finding],
    *,
    rules: Mapping[str, RuleMeta] | None = None,
    files_checked: int | None = None,
    statistics: bool = False,
) -> str:
    """The totals, the findings per rule, and the findings; ``statistics``: no findings
    table (``--statistics``)."""
    parts = ["## ddlint", _totals(findings, files_checked)]
    if findings:
        parts.append(_rule_table(findings, rules or {}))
        if not statistics:
            parts.append(_finding_table(findings))
    return "\n\n".join(parts) + "\n"


def _totals(findings: Sequence[Finding], files_checked: int | None) -> str:
    files = "" if files_checked is None else f" in {plural(files_checked, 'file')} checked"
    if not findings:
        return f"✅ No findings{files}."
    by_severity = Counter(f.severity.value for f in findings)
    severities = ", ".join(
        f"{by_severity[s]} {_SEVERITY_NOUNS[s][by_severity[s] != 1]}"
        for s in SEVERITY_ORDER
        if by_severity[s]
    )
    fixes = count_fixes(findings)
    fixable = f"{fixes.safe} fixable with `--fix`"
    if fixes.unsafe:
        fixable += f", {fixes.unsafe} more with `--unsafe-fixes`"
    return f"**{plural(len(findings), 'finding')}**{files}: {severities}; {fixable}."


def _rule_table(findings: Sequence[Finding], rules: Mapping[str, RuleMeta]) -> str:
    counts = Counter(f.code for f in findings)
    fixable = Counter(f.code for f in findings if f.fix is not None)
    unsafe = {f.code for f in findings if f.fix and f.fix.applicability is Applicability.UNSAFE}
    names = {f.code: f.name for f in findings}
    names.update((meta.code, meta.name) for meta in rules.values() if meta.code in counts)
    rows = ["| Rule | Name | Findings | Fixable |", "| --- | --- | ---: | ---: |"]
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        note = " (some unsafe)" if code in unsafe else ""
        rows.append(
            f"| {escape_cell(code)} | {escape_cell(names[code])} | {count} "
            f"| {fixable[code]}{note} |"
        )
    return "\n".join(rows)


def _finding_table(findings: Sequence[Finding]) -> str:
    rows = ["| Location | Rule | Message |", "| --- | --- | --- |"]
    for finding in findings[:MAX_LISTED_FINDINGS]:
        location = f"{finding.path}:{finding.line}:{finding.column}"
        rows.append(
            f"| {escape_cell(location)} | {escape_cell(finding.code)} "
            f"| {escape_cell(finding.message)} |"
        )
    table = "\n".join(rows)
    hidden = len(findings) - MAX_LISTED_FINDINGS
    if hidden > 0:
        table += f"\n\n…and {plural(hidden, 'more finding')} not listed here."
    return table
