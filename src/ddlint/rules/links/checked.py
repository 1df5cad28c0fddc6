"""The links ``--check-links`` checks, and their results; shared by DD310–DD313.

``ddlint.engine.linkfindings`` fetches a result for the URL of every link here; the
results come back through ``ctx.link_results`` (one per URL), and each rule reports
the links whose result has its status.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ddlint.records.model import Records
from ddlint.rules.base import RuleContext
from ddlint.text.spans import Span

if TYPE_CHECKING:  # only --check-links loads ddlint.net
    from ddlint.net.model import LinkResult, LinkStatus


@dataclass(frozen=True)
class CheckedLink:
    url: str
    span: Span  # the URL's text in the document (or the link, when the URL has no text)
    editable: bool  # the URL is written in place (not via a reference definition)


def document_links(records: Records) -> Iterator[CheckedLink]:
    """Every link of the paper rows with a target, in document order."""
    for record in records.paper_rows:
        for cell, content in zip(record.cells, record.contents):
            if cell is None or content is None:
                continue
            for link in content.links:
                if not link.url.strip():
                    continue
                local = link.url_span or link.span
                start = cell.span.start
                span = Span(start + local.start, start + local.end)
                yield CheckedLink(link.url, span, link.url_span is not None)


def links_with_status(
    ctx: RuleContext, status: LinkStatus
) -> Iterator[tuple[CheckedLink, LinkResult]]:
    """The links whose check result has ``status``; none when links were not checked."""
    results = ctx.link_results
    if results is None:
        return
    for place in document_links(ctx.records):
        outcome = results.get(place.url)
        if outcome is not None and outcome.status == status:
            yield place, outcome
