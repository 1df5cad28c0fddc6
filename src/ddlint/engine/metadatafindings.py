"""``--check-metadata``: look up every paper row's paper, and run DD501–DD504 on what
was learnt.

Rules stay pure: this module asks the sources (``ddlint.net.metadata``), and the rules
read the outcomes through ``RuleContext.metadata``. It is imported only when the
option is given, so ``ddlint check`` never loads httpx otherwise.

A row is looked up by the id its links give (DD207's: arXiv id, DOI, OpenReview
forum), all arXiv ids of a file in batches. DBLP is then asked only for the rows that
need it: those whose venue is a preprint's or empty (DD501, DD503), and those whose
title is a near miss of the source's (DD502 spares a title that is the published one).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ddlint.engine.linter import LintResult, network_findings
from ddlint.net.metadata import (
    MetadataOptions,
    MetadataOutcome,
    PaperId,
    PaperMetadata,
    fetch_metadata,
    find_publications,
)
from ddlint.records.model import Paper
from ddlint.rules.metadata._metadata import is_preprint_venue, row_paper_id
from ddlint.rules.metadata.dd502_title_mismatch import near_miss
from ddlint.text.findings import Finding


def fetch_metadata_outcomes(
    result: LintResult, options: MetadataOptions
) -> dict[PaperId, MetadataOutcome]:
    """What the sources say of the paper of every row with an id, by id."""
    rows: dict[PaperId, list[Paper]] = {}
    for paper in result.records.papers:
        paper_id = row_paper_id(paper)
        if paper_id is not None:
            rows.setdefault(paper_id, []).append(paper)
    if not rows:
        return {}
    described = fetch_metadata(list(rows), options)
    wanted = [
        answer
        for paper_id, answer in described.items()
        if isinstance(answer, PaperMetadata)
        and answer.preprint
        and any(_needs_publication(paper, answer) for paper in rows[paper_id])
    ]
    publications = find_publications(wanted, options) if wanted else {}
    return {
        paper_id: MetadataOutcome(answer, publications.get(paper_id))
        for paper_id, answer in described.items()
    }


def _needs_publication(row: Paper, paper: PaperMetadata) -> bool:
    return row.venue is None or is_preprint_venue(row) or near_miss(row.title, paper.title)


def metadata_findings(
    result: LintResult,
    outcomes: Mapping[PaperId, MetadataOutcome],
    path: str = "-",
    codes: Collection[str] | None = None,
) -> list[Finding]:
    """Findings for the papers of ``result`` from outcomes already fetched (no network):
    those of DD501–DD504 among ``codes`` (default: the default set), once the
    suppression comments silenced theirs."""
    return network_findings(result, path=path, codes=codes, metadata=outcomes)
