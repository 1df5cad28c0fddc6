"""``--check-links``: check every link of the paper rows and turn results into findings.

Rules stay pure; this module is the linter's bridge to the network checker, and
is imported only when the option is given, so ``ddlint check`` never loads httpx
otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from ddlint.engine.linter import LintResult, fingerprint
from ddlint.net import CheckOptions, LinkResult, check_links
from ddlint.rules import Rule, RuleContext, get_rule
from ddlint.rules.base import safe_fix
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span


@dataclass(frozen=True)
class _Place:
    url: str
    span: Span  # the URL's text in the document (or the link, when the URL has no text)
    editable: bool  # the URL is written in place (not via a reference definition)


def document_links(result: LintResult) -> Iterator[_Place]:
    for record in result.records.paper_rows:
        for cell, content in zip(record.cells, record.contents):
            if cell is None or content is None:
                continue
            for link in content.links:
                if not link.url.strip():
                    continue
                local = link.url_span or link.span
                start = cell.span.start
                span = Span(start + local.start, start + local.end)
                yield _Place(link.url, span, link.url_span is not None)


def fetch_link_outcomes(
    result: LintResult,
    *,
    allow_private: bool = False,
    host_concurrency: int = 4,
    cache_dir: str | None = None,
    use_cache: bool = True,
    progress: bool = False,
    timeout: float = 10.0,
) -> dict[str, LinkResult]:
    """Check every link of the paper rows once; the result maps each URL to its outcome."""
    options = CheckOptions(
        allow_private=allow_private,
        host_concurrency=host_concurrency,
        cache_dir=Path(cache_dir) if cache_dir else None,
        use_cache=use_cache,
        progress=progress,
        timeout=timeout,
    )
    return check_links([p.url for p in document_links(result)], options)


def link_findings(
    result: LintResult, outcomes: Mapping[str, LinkResult], path: str = "-"
) -> list[Finding]:
    """Findings for the links of ``result`` from outcomes already fetched (no network)."""
    ctx = RuleContext(result.document, result.records)
    findings: list[Finding] = []
    for place in document_links(result):
        outcome = outcomes.get(place.url)
        if outcome is not None:
            finding = _finding(ctx, place, outcome)
            if finding is not None:
                findings.append(finding)
    return [replace(f, path=path, fingerprint=fingerprint(result.document, f)) for f in findings]


def _finding(ctx: RuleContext, place: _Place, outcome: LinkResult) -> Finding | None:
    status = outcome.status
    if status == "ok":
        return None
    if status == "dead":
        return ctx.finding(_rule("DD310"), place.span, f"Dead link: {outcome.detail}")
    if status == "not_checked":
        return ctx.finding(_rule("DD313"), place.span, f"Link not checked: {outcome.detail}")
    if status == "unverifiable":
        return ctx.finding(
            _rule("DD312"), place.span, f"Could not verify the link: {outcome.detail}"
        )
    final = outcome.final_url or ""
    fix = None
    if place.editable and outcome.permanent and _same_resource_on_https(place.url, final):
        fix = safe_fix("point the link at where it redirects", Edit(place.span, final))
    kind = "permanently" if outcome.permanent else "temporarily"
    return ctx.finding(_rule("DD311"), place.span, f"Link redirects {kind} to {final}", fix=fix)


def _rule(code: str) -> Rule:
    return get_rule(code)()


def _same_resource_on_https(url: str, final: str) -> bool:
    try:
        old, new = urlsplit(url), urlsplit(final)
    except ValueError:  # not a URL urlsplit can read: no fix
        return False
    if new.scheme != "https":
        return False
    return (
        (old.hostname or "").lower() == (new.hostname or "").lower()
        and old.path.rstrip("/") == new.path.rstrip("/")
        and old.query == new.query
    )
