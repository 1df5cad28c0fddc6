"""The ``sarif`` format: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.

One run; the driver lists every rule it was told about (and any code that appears
without metadata), so code scanning can show a rule's description even for rules
with no results in this run: its summary, its "What it does" (``fullDescription``),
its whole page as help (plain text and Markdown), its default level and whether it is
on by default (``defaultConfiguration``), and tags. Columns count code points, which
the run declares with ``columnKind`` instead of leaving viewers to assume UTF-16 units.

Links to the project (``informationUri``, a rule's ``helpUri``) are given only when the
caller has them: the project declares no home yet (``[project.urls]``), and a link to a
page that does not exist is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from ddlint.report._common import (
    RuleMeta,
    SourceLines,
    Writer,
    write_json_value,
)
from ddlint.text.findings import Edit, Finding, Fix, Severity

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "ddlint/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_FENCE = re.compile(r"^```\w*\n(.*?)^```\n?", re.MULTILINE | re.DOTALL)
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def format_sarif(
    findings: Sequence[Finding],
    *,
    sources: Mapping[str, str] | None = None,
    rules: Mapping[str, RuleMeta] | None = None,
    tool_version: str = "0.0.0",
    information_uri: str | None = None,
) -> str:
    parts: list[str] = []
    write_sarif(
        parts.append,
        findings,
        sources=sources,
        rules=rules,
        tool_version=tool_version,
        information_uri=information_uri,
    )
    return "".join(parts)


def write_sarif(
    write: Writer,
    findings: Sequence[Finding],
    *,
    sources: Mapping[str, str] | None = None,
    rules: Mapping[str, RuleMeta] | None = None,
    tool_version: str = "0.0.0",
    information_uri: str | None = None,
) -> None:
    log = sarif_log(
        findings,
        sources=sources,
        rules=rules,
        tool_version=tool_version,
        information_uri=information_uri,
    )
    write_json_value(write, log)
    write("\n")


def sarif_log(
    findings: Sequence[Finding],
    *,
    sources: Mapping[str, str] | None = None,
    rules: Mapping[str, RuleMeta] | None = None,
    tool_version: str = "0.0.0",
    information_uri: str | None = None,
) -> dict[str, object]:
    """The SARIF log as a JSON-ready dict; ``information_uri``: the project's home, if
    it has one."""
    metas = _rule_metas(findings, rules or {})
    rule_index = {code: i for i, code in enumerate(metas)}
    lines = SourceLines(sources)
    driver: dict[str, object] = {"name": "ddlint", "version": tool_version}
    if information_uri:
        driver["informationUri"] = information_uri
    driver["rules"] = [_descriptor(meta) for meta in metas.values()]
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, rule_index[finding.code], lines) for finding in findings],
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule_metas(findings: Sequence[Finding], rules: Mapping[str, RuleMeta]) -> dict[str, RuleMeta]:
    """Every rule to describe, by code in code order (the order ``ruleIndex`` counts in)."""
    metas = {meta.code: meta for meta in rules.values()}
    for finding in findings:
        # A code the caller gave no metadata for (a plugin, a link-check result)
        # still needs a descriptor: ruleIndex must point somewhere.
        metas.setdefault(finding.code, RuleMeta(finding.code, finding.name, finding.name))
    return {code: metas[code] for code in sorted(metas)}


def _descriptor(meta: RuleMeta) -> dict[str, object]:
    descriptor: dict[str, object] = {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary or meta.name},
    }
    if meta.description:
        descriptor["fullDescription"] = {"text": meta.description}
    if meta.help:
        descriptor["help"] = {"text": plain_text(meta.help), "markdown": meta.help}
    if meta.help_uri:
        descriptor["helpUri"] = meta.help_uri
    if meta.severity is not None:
        level = _LEVEL[Severity(meta.severity)]
        descriptor["defaultConfiguration"] = {"level": level, "enabled": meta.enabled}
    if meta.tags:
        descriptor["properties"] = {"tags": list(meta.tags)}
    return descriptor


# [project.urls] labels that name the project's home, most telling first (compared in
# lower case without spaces, dashes or underscores, as packaging normalises them).
_HOME_LABELS = ("homepage", "home", "repository", "source", "sourcecode", "documentation")
_FORGES = ("https://github.com/", "https://gitlab.com/", "https://codeberg.org/")


def project_links(project_urls: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The project's home (``informationUri``) and the page of its rules (a rule's
    ``helpUri`` is it with the rule's anchor) from ``[project.urls]``; None for each it
    does not name. The rules page is ``docs/rules.md`` in a repository on a forge."""
    urls = {_label(label): url for label, url in project_urls.items()}
    home = next((urls[label] for label in _HOME_LABELS if label in urls), None)
    repository = next(
        (url for label in _HOME_LABELS if (url := urls.get(label, "")).startswith(_FORGES)),
        None,
    )
    rules_page = f"{repository.rstrip('/')}/blob/HEAD/docs/rules.md" if repository else None
    return home, rules_page


def _label(label: str) -> str:
    return re.sub(r"[\s_-]+", "", label).lower()


def plain_text(markdown: str) -> str:
    """A rule page as plain text, for viewers that show no Markdown: ``## What it does``
    becomes ``What it does:``, fenced examples are indented, backticks go."""
    text = _FENCE.sub(lambda m: "".join(f"    {ln}\n" for ln in m.group(1).splitlines()), markdown)
    lines = [_heading(ln[3:]) if ln.startswith("## ") else ln for ln in text.split("\n")]
    return "\n".join(lines).replace("`", "").strip()


def _heading(title: str) -> str:
    title = title.strip()
    return title if title.endswith(("?", ":", ".")) else f"{title}:"


def artifact_uri(path: str) -> str:
    """``path`` as a URI reference: forward slashes, percent-encoded, relative when it was."""
    posix = path.replace("\\", "/")
    if _WINDOWS_DRIVE.match(posix):
        return "file:///" + quote(posix, safe="/:")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    # A relative reference whose first segment holds ":" would read as a scheme;
    # quoting ":" too keeps "a:b.md" a file name.
    return quote(posix, safe="/")


def _artifact_location(path: str) -> dict[str, object]:
    uri = artifact_uri(path)
    if uri.startswith("file:"):
        return {"uri": uri}
    # %SRCROOT% tells code scanning the path is relative to the checkout.
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _result(finding: Finding, rule_index: int, lines: SourceLines) -> dict[str, object]:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    location = {
        "physicalLocation": {
            "artifactLocation": _artifact_location(finding.path),
            "region": region,
        }
    }
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
    }
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.fix is not None and finding.fix.edits:
        result["fixes"] = [_fix(finding.fix, finding.path, lines)]
    return result


def _fix(fix: Fix, path: str, lines: SourceLines) -> dict[str, object]:
    change = {
        "artifactLocation": _artifact_location(path),
        "replacements": [_replacement(edit, path, lines) for edit in fix.edits],
    }
    out: dict[str, object] = {
        "artifactChanges": [change],
        # SARIF has no notion of safe and unsafe fixes; keep ours in the property bag.
        "properties": {"applicability": fix.applicability.value},
    }
    if fix.description:
        out["description"] = {"text": fix.description}
    return out


def _replacement(edit: Edit, path: str, lines: SourceLines) -> dict[str, object]:
    # charOffset/charLength count characters in the run's columnKind (code points),
    # so they are exact even without the source; lines are added when we have it.
    region: dict[str, object] = {
        "charOffset": edit.span.start,
        "charLength": edit.span.end - edit.span.start,
    }
    start = lines.position(path, edit.span.start)
    end = lines.position(path, edit.span.end)
    if start is not None and end is not None:
        region.update(startLine=start[0], startColumn=start[1], endLine=end[0], endColumn=end[1])
    return {"deletedRegion": region, "insertedContent": {"text": edit.text}}
