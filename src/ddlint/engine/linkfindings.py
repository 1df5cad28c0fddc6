"""``--check-links``: check every link of the paper rows, and run the link rules on the results.

Rules stay pure: this module fetches the results over the network, and the rules
(DD310–DD313) turn them into findings through ``RuleContext.link_results``. It is
imported only when the option is given, so ``ddlint check`` never loads httpx
otherwise.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ddlint.engine.linter import LintResult, network_findings
from ddlint.net import CheckOptions, LinkResult, check_links
from ddlint.rules.links.checked import document_links
from ddlint.text.findings import Finding


def fetch_link_outcomes(
    result: LintResult, options: CheckOptions | None = None
) -> dict[str, LinkResult]:
    """Check every link of the paper rows once (with ``CheckOptions()`` unless told);
    the result maps each URL to its outcome."""
    urls = [p.url for p in document_links(result.records)]
    return check_links(urls, options if options is not None else CheckOptions())


def link_findings(
    result: LintResult,
    outcomes: Mapping[str, LinkResult],
    path: str = "-",
    codes: Collection[str] | None = None,
) -> list[Finding]:
    """Findings for the links of ``result`` from outcomes already fetched (no network):
    those of the link rules among ``codes`` (default: the default set), once the
    suppression comments silenced theirs."""
    return network_findings(result, path=path, codes=codes, link_results=outcomes)
