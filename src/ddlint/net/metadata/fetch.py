"""The public entry points: describe papers, and find where preprints were published.

Each run opens one ``PoliteClient`` (per-host intervals, guard, Retry-After), reads
and writes one cache, and draws one progress bar. Which source answers what:

- an arXiv id: the arXiv API, in batches (``id_list``);
- a DOI: Crossref ``works/{doi}`` for title, authors and date, then DBLP (searched by
  the title, the hit with the same DOI) for the short venue name lists write ("KDD");
  without such a hit, Crossref's event acronym, if any;
- an OpenReview forum: the OpenReview notes API;
- a preprint's publication: DBLP, searched by title (``dblp.publication``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from urllib.parse import urlsplit

from ddlint.net.progress import Progress

from . import arxiv, crossref, dblp, openreview
from .cache import MetadataCache
from .http import PoliteClient, SourceError, parsed
from .model import LookupFailure, MetadataOptions, PaperId, PaperMetadata

Answer = PaperMetadata | LookupFailure


@contextmanager
def _session(options: MetadataOptions, total: int) -> Iterator[tuple[PoliteClient, Progress]]:
    arxiv_host = (urlsplit(options.arxiv_api).hostname or "").lower()
    client = PoliteClient(
        interval=options.interval,
        intervals={arxiv_host: options.arxiv_interval},
        allow_private=options.allow_private,
        timeout=options.timeout,
        retries=options.retries,
        max_retry_after=options.max_retry_after,
        user_agent=_user_agent(options),
    )
    stream = sys.stderr
    progress = Progress(total, stream, enabled=options.progress and stream.isatty(), unit="papers")
    try:
        yield client, progress
    finally:
        client.close()
        progress.close()


def _user_agent(options: MetadataOptions) -> str:
    # Crossref and DBLP ask for a way to reach whoever sends many requests. A header
    # holds printable ASCII only (the config checks ``contact``; the API's caller may not).
    contact = options.contact
    if contact and contact.isascii() and contact.isprintable():
        return f"{options.user_agent} (mailto:{contact})"
    return options.user_agent


def _cache(options: MetadataOptions) -> MetadataCache | None:
    return MetadataCache(options.cache_dir, options) if options.cache_dir is not None else None


def fetch_metadata(ids: Sequence[PaperId], options: MetadataOptions) -> dict[PaperId, Answer]:
    """What the sources say of each paper of ``ids`` (one entry per distinct id)."""
    wanted = list(dict.fromkeys(ids))
    cache = _cache(options)
    found: dict[PaperId, Answer] = {}
    for paper_id in wanted:
        hit, value = cache.get(f"meta:{paper_id.key()}") if cache else (False, None)
        if hit and value is not None:
            found[paper_id] = value
    missing = [paper_id for paper_id in wanted if paper_id not in found]
    if missing:
        with _session(options, len(missing)) as (client, progress):
            arxiv_ids = [paper_id for paper_id in missing if paper_id.kind == "arxiv"]
            for start in range(0, len(arxiv_ids), max(1, options.batch_size)):
                batch = arxiv_ids[start : start + max(1, options.batch_size)]
                found.update(arxiv.lookup(client, options, batch))
                progress.advance(len(batch))
            for paper_id in missing:
                if paper_id.kind == "doi":
                    found[paper_id] = _doi(client, options, paper_id)
                elif paper_id.kind == "openreview":
                    found[paper_id] = openreview.lookup(client, options, paper_id)
                else:
                    continue
                progress.advance()
        if cache is not None:
            for paper_id in missing:
                cache.put(f"meta:{paper_id.key()}", found[paper_id])
            cache.save()
    return {paper_id: found[paper_id] for paper_id in wanted}


def _doi(client: PoliteClient, options: MetadataOptions, paper_id: PaperId) -> Answer:
    paper = crossref.lookup(client, options, paper_id)
    if isinstance(paper, LookupFailure) or paper.preprint:
        return paper
    try:
        hits = dblp.search(client, options, paper.title)
        info = parsed(dblp.hit_by_doi, hits, paper_id.value)
    except SourceError:
        return paper  # the venue stays Crossref's acronym (or unknown); the rest holds
    if info is None:
        return paper
    return replace(
        paper, venue=dblp.venue_of(info) or paper.venue, year=dblp.year_of(info) or paper.year
    )


def _publication(
    client: PoliteClient, options: MetadataOptions, paper: PaperMetadata
) -> PaperMetadata | None:
    hits = dblp.search(client, options, paper.title)
    return parsed(dblp.publication, paper, hits)


def find_publication(paper: PaperMetadata, options: MetadataOptions) -> PaperMetadata | None:
    """The published version of ``paper`` from DBLP; None when there is none (or DBLP
    could not be asked: ``find_publications`` tells the two apart)."""
    answer = find_publications([paper], options).get(paper.id)
    return answer if isinstance(answer, PaperMetadata) else None


def find_publications(
    papers: Sequence[PaperMetadata], options: MetadataOptions
) -> dict[PaperId, PaperMetadata | LookupFailure | None]:
    """For each paper: its publication, None when DBLP knows none, or a ``LookupFailure``
    (``unknown`` False) when DBLP could not be asked."""
    cache = _cache(options)
    found: dict[PaperId, PaperMetadata | LookupFailure | None] = {}
    missing: list[PaperMetadata] = []
    for paper in {paper.id: paper for paper in papers}.values():
        hit, value = cache.get(f"pub:{paper.id.key()}") if cache else (False, None)
        if hit:
            found[paper.id] = value
        else:
            missing.append(paper)
    if missing:
        with _session(options, len(missing)) as (client, progress):
            for paper in missing:
                try:
                    found[paper.id] = _publication(client, options, paper)
                except SourceError as error:
                    found[paper.id] = LookupFailure(
                        paper.id, f"{dblp.SOURCE}: {error.detail}", False
                    )
                progress.advance()
        if cache is not None:
            for paper in missing:
                cache.put(f"pub:{paper.id.key()}", found[paper.id])
            cache.save()
    return found
