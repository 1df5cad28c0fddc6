"""The public entry points of the metadata lookup (being built: see /work/meta-api.md)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import LookupFailure, MetadataOptions, PaperId, PaperMetadata


def fetch_metadata(
    ids: Sequence[PaperId], options: MetadataOptions
) -> dict[PaperId, PaperMetadata | LookupFailure]:
    """What the sources say of each paper of ``ids``."""
    return {paper_id: LookupFailure(paper_id, "not implemented yet", False) for paper_id in ids}


def find_publication(paper: PaperMetadata, options: MetadataOptions) -> PaperMetadata | None:
    """The published version of a preprint, from DBLP; None when there is none."""
    return find_publications([paper], options).get(paper.id)


def find_publications(
    papers: Sequence[PaperMetadata], options: MetadataOptions
) -> dict[PaperId, PaperMetadata | None]:
    """``find_publication`` for many papers in one polite run."""
    return {paper.id: None for paper in papers}
