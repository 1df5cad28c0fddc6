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

# GitHub annotates at most this many findings of each level (error, warning, notice)
# per step; the others reach the pull request only through the summary.
ANNOTATIONS_PER_LEVEL = 10
# Above this many findings, the list folds (a <details> block) under the tables.
FOLDED_FINDINGS = 50
# GitHub refuses a step summary over 1 MiB, and shows none of it then: the list stops
# short of that, and says so.
MAX_SUMMARY_BYTES = 1024 * 1024 - 16 * 1024
_ANNOTATION_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
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
    nothing_checked: str | None = None,
) -> str:
    """The totals, a note when GitHub annotates only some of the findings, the findings
    per rule, and every finding; ``statistics``: no list of findings (``--statistics``);
    ``nothing_checked``: why no file was checked, when none was."""
    parts = ["## ddlint", _totals(findings, files_checked, nothing_checked)]
    if findings:
        note = annotation_note(findings)
        if note and not statistics:
            parts.append(note)
        parts.append(_rule_table(findings, rules or {}))
        if not statistics:
            used = sum(len(part.encode()) + 2 for part in parts)
            parts.append(_finding_list(findings, MAX_SUMMARY_BYTES - used))
    return "\n\n".join(parts) + "\n"


def annotation_note(findings: Sequence[Finding]) -> str:
    """What GitHub's cap of annotations per level hides, or "" when it hides nothing."""
    by_level = Counter(f.severity.value for f in findings)
    capped = [
        f"{ANNOTATIONS_PER_LEVEL} of {count} {_SEVERITY_NOUNS[level][1]}"
        for level in SEVERITY_ORDER
        if (count := by_level[level]) > ANNOTATIONS_PER_LEVEL
    ]
    if not capped:
        return ""
    return (
        f"> [!NOTE]\n> GitHub shows at most {ANNOTATIONS_PER_LEVEL} annotations of each "
        f"level per step: only {_join(capped)} are annotated on the files. "
        "Every finding is listed below."
    )


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _totals(
    findings: Sequence[Finding], files_checked: int | None, nothing_checked: str | None
) -> str:
    files = "" if files_checked is None else f" in {plural(files_checked, 'file')} checked"
    if files_checked == 0:
        reason = nothing_checked or "no Markdown file found (*.md, *.markdown) to check"
        return reason[0].upper() + reason[1:] + "."
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


def _finding_list(findings: Sequence[Finding], room: int) -> str:
    """Every finding in a table, folded under a <details> when there are many; a list
    that would not fit in ``room`` bytes stops short and says how many it left out."""
    rows = ["| Location | Rule | Message |", "| --- | --- | --- |"]
    size = sum(len(row.encode()) + 1 for row in rows) + 200  # the fold and the note
    listed = 0
    for finding in findings:
        location = f"{finding.path}:{finding.line}:{finding.column}"
        row = (
            f"| {escape_cell(location)} | {escape_cell(finding.code)} "
            f"| {escape_cell(finding.message)} |"
        )
        size += len(row.encode()) + 1
        if size > room:
            break
        rows.append(row)
        listed += 1
    table = "\n".join(rows)
    if len(findings) > FOLDED_FINDINGS:
        table = (
            f"<details><summary>All {plural(len(findings), 'finding')}</summary>\n\n"
            f"{table}\n\n</details>"
        )
    left_out = len(findings) - listed
    if left_out:
        table += (
            f"\n\n…and {plural(left_out, 'more finding')} not listed: GitHub takes at most "
            "1 MiB of summary per step (the SARIF log and `--output-format json` have them all)."
        )
    return table
