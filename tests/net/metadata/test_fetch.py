"""fetch_metadata and find_publications against local arXiv, Crossref, DBLP and
OpenReview servers: what each source answers, and how politely it is asked."""

from __future__ import annotations

import io
import itertools
from dataclasses import replace
from pathlib import Path

import pytest
from metaserver import Paper, Registry, Servers, dblp_hit

from ddlint.net.metadata import (
    LookupFailure,
    MetadataOptions,
    PaperId,
    PaperMetadata,
    fetch_metadata,
    find_publication,
    find_publications,
)
from ddlint.net.progress import Progress

LATTICE = Paper(
    "Lattice Sketches for Streaming Graph Summaries",
    ("Ada Quill", "Boris Fenwick", "Chen Rowe"),
    published="2023-03-07",
    arxiv_id="2303.00011",
    venue="KDD",
    year=2023,
    doi="10.1145/3580305.3599001",
)
HARBOR = Paper(
    "Harbor: Calm Training of Noisy Vision Transformers",
    ("Dana Ilves",),
    published="2022-11-20",
    arxiv_id="2211.00022",
)
PRISM = Paper(
    "Prism Routing for Sparse Mixture Models",
    ("Eli Marsh", "Farah Odum"),
    doi="10.1145/3534678.3539002",
    venue="KDD",
    year=2022,
    event_acronym="KDD '22",
)


def ids(*values: str) -> list[PaperId]:
    return [PaperId("arxiv", value) for value in values]


def test_arxiv_ids_are_asked_in_one_batch(registry: Registry, servers: Servers) -> None:
    registry.add(LATTICE, HARBOR)
    found = fetch_metadata(ids("2303.00011", "2211.00022", "2301.00999"), servers.options())
    assert len(servers.arxiv.seen) == 1
    assert servers.arxiv.seen[0].query["id_list"] == ["2303.00011,2211.00022,2301.00999"]
    lattice = found[PaperId("arxiv", "2303.00011")]
    assert lattice == PaperMetadata(
        id=PaperId("arxiv", "2303.00011"),
        title="Lattice Sketches for Streaming Graph Summaries",
        authors=("Ada Quill", "Boris Fenwick", "Chen Rowe"),
        year=2023,
        month=3,
        venue="arXiv",
        preprint=True,
        arxiv_id="2303.00011",
        doi=None,
        url="https://arxiv.org/abs/2303.00011",
        source="arxiv",
    )
    unknown = found[PaperId("arxiv", "2301.00999")]
    assert isinstance(unknown, LookupFailure) and unknown.unknown
    assert "does not know 2301.00999" in unknown.reason


def test_batches_are_spaced_and_never_overlap(registry: Registry, servers: Servers) -> None:
    registry.add(LATTICE, HARBOR)
    options = servers.options(batch_size=2, arxiv_interval=0.3)
    fetch_metadata(
        ids("2303.00011", "2211.00022", "2301.00001", "2301.00002", "2301.00003"), options
    )
    seen = servers.arxiv.seen
    assert [len(s.query["id_list"][0].split(",")) for s in seen] == [2, 2, 1]
    assert servers.arxiv.peak == 1
    for before, after in itertools.pairwise(seen):
        assert after.start - before.end >= 0.3 - 0.01  # monotonic clocks of one process


def test_a_second_run_within_the_ttl_asks_nothing(
    registry: Registry, servers: Servers, tmp_path: Path
) -> None:
    registry.add(LATTICE, HARBOR, PRISM)
    options = servers.options(cache_dir=tmp_path)
    wanted = [*ids("2303.00011", "2211.00099"), PaperId("doi", PRISM.doi or "")]
    first = fetch_metadata(wanted, options)
    papers = [p for p in first.values() if isinstance(p, PaperMetadata) and p.preprint]
    publications = find_publications(papers, options)
    asked = servers.requests()
    assert asked == 4  # one arXiv batch, Crossref and DBLP for the DOI, DBLP for the preprint
    again = fetch_metadata(wanted, options)
    hint = " (cached; --no-cache asks again)"
    assert {
        key: replace(answer, reason=answer.reason.removesuffix(hint))
        if isinstance(answer, LookupFailure) and answer.reason.endswith(hint)
        else answer
        for key, answer in again.items()
    } == first
    assert find_publications(papers, options) == publications
    assert servers.requests() == asked
    # Past the TTL the answers are asked again.
    stale = servers.options(cache_dir=tmp_path, preprint_ttl=0.0, published_ttl=0.0)
    fetch_metadata(wanted, stale)
    assert servers.requests() > asked


def test_an_unknown_id_is_cached_briefly_and_says_so(
    registry: Registry, servers: Servers, tmp_path: Path
) -> None:
    """An id quoted before its source lists it is known within hours: "no such id" is
    kept for ``unknown_ttl`` (shorter than a preprint's), and read from the cache it
    says where it came from."""
    assert MetadataOptions().unknown_ttl < MetadataOptions().preprint_ttl
    options = servers.options(cache_dir=tmp_path)
    (first,) = fetch_metadata(ids("2399.00001"), options).values()
    assert isinstance(first, LookupFailure) and first.unknown
    assert "cached" not in first.reason
    (again,) = fetch_metadata(ids("2399.00001"), options).values()
    assert isinstance(again, LookupFailure) and again.unknown
    assert again.reason == f"{first.reason} (cached; --no-cache asks again)"
    assert len(servers.arxiv.seen) == 1
    # Listed since: past the unknown TTL (a preprint's is still running) it is asked again.
    registry.add(Paper("A Paper Listed Late", ("Ada Quill",), "2023-01-05", "2399.00001"))
    late = fetch_metadata(ids("2399.00001"), servers.options(cache_dir=tmp_path, unknown_ttl=0.0))
    assert isinstance(late[ids("2399.00001")[0]], PaperMetadata)


def test_no_request_reaches_a_private_address_without_allow_private(
    registry: Registry, servers: Servers
) -> None:
    registry.add(LATTICE, PRISM)
    options = servers.options(allow_private=False)
    found = fetch_metadata([*ids("2303.00011"), PaperId("doi", PRISM.doi or "")], options)
    assert servers.requests() == 0
    for answer in found.values():
        assert isinstance(answer, LookupFailure) and not answer.unknown
        assert "refused by the address guard: 127.0.0." in answer.reason
    paper = PaperMetadata(LATTICE_ID, LATTICE.title, LATTICE.authors, 2023, 3, "arXiv", True,
                          "2303.00011", None, None, "arxiv")  # fmt: skip
    assert isinstance(find_publications([paper], options)[LATTICE_ID], LookupFailure)
    assert servers.requests() == 0


LATTICE_ID = PaperId("arxiv", "2303.00011")


def test_retry_after_is_honoured(registry: Registry, servers: Servers) -> None:
    registry.add(LATTICE)
    servers.arxiv.failures.append((503, "1"))
    found = fetch_metadata(ids("2303.00011"), servers.options())
    assert isinstance(found[LATTICE_ID], PaperMetadata)
    first, second = servers.arxiv.seen
    assert second.start - first.end >= 0.99


def test_a_failing_source_is_a_failure_not_a_crash(registry: Registry, servers: Servers) -> None:
    servers.arxiv.failures.extend([(500, None), (500, None)])
    found = fetch_metadata(ids("2303.00011"), servers.options())
    assert found[LATTICE_ID] == LookupFailure(
        LATTICE_ID, "arXiv API: 127.0.0.2: HTTP 500 Internal Server Error", False
    )


def test_a_doi_gets_crossrefs_paper_and_dblps_venue(registry: Registry, servers: Servers) -> None:
    registry.add(PRISM)
    prism = PaperId("doi", "10.1145/3534678.3539002")
    found = fetch_metadata([prism, PaperId("doi", "10.1145/0000000.0000000")], servers.options())
    paper = found[prism]
    assert isinstance(paper, PaperMetadata)
    assert (paper.title, paper.authors, paper.venue, paper.year, paper.preprint) == (
        "Prism Routing for Sparse Mixture Models",
        ("Eli Marsh", "Farah Odum"),
        "KDD",
        2022,
        False,
    )
    assert paper.url == "https://doi.org/10.1145/3534678.3539002"
    assert servers.crossref.seen[0].query["mailto"] == ["maintainer@example.org"]
    missing = found[PaperId("doi", "10.1145/0000000.0000000")]
    assert isinstance(missing, LookupFailure) and missing.unknown


def test_without_dblp_a_doi_keeps_crossrefs_event_acronym(
    registry: Registry, servers: Servers
) -> None:
    registry.add(PRISM)
    servers.dblp.failures.extend([(503, None), (503, None)])
    paper = fetch_metadata([PaperId("doi", PRISM.doi or "")], servers.options())
    assert [(p.venue, p.year) for p in paper.values() if isinstance(p, PaperMetadata)] == [
        ("KDD", 2022)
    ]


def test_an_openreview_forum(registry: Registry, servers: Servers) -> None:
    registry.openreview["Xy12AbC"] = {
        "id": "Xy12AbC",
        "forum": "Xy12AbC",
        "content": {
            "title": {"value": "Quiet Gradients in Deep Ensembles"},
            "authors": {"value": ["Gil Prado", "Hana Voss"]},
            "venue": {"value": "ICLR 2024 poster"},
            "venueid": {"value": "ICLR.cc/2024/Conference"},
        },
        "cdate": 1695000000000,
        "pdate": 1705000000000,
    }
    registry.openreview["Sub0001"] = {
        "id": "Sub0001",
        "content": {
            "title": {"value": "Loud Gradients"},
            "authors": {"value": ["Ivo Lind"]},
            "venue": {"value": "Submitted to ICLR 2025"},
            "venueid": {"value": "ICLR.cc/2025/Conference/Submission"},
        },
        "cdate": 1727000000000,
    }
    wanted = [PaperId("openreview", f) for f in ("Xy12AbC", "Sub0001", "Gone001")]
    found = fetch_metadata(wanted, servers.options())
    accepted, submitted, gone = (found[i] for i in wanted)
    assert isinstance(accepted, PaperMetadata) and isinstance(submitted, PaperMetadata)
    assert (accepted.venue, accepted.year, accepted.preprint) == ("ICLR", 2024, False)
    assert accepted.url == "https://openreview.net/forum?id=Xy12AbC"
    assert (submitted.venue, submitted.year, submitted.preprint) == ("OpenReview", 2024, True)
    assert isinstance(gone, LookupFailure) and gone.unknown


OLDER_FORUM = {  # API v1's note: plain content values
    "id": "Old2022x",
    "forum": "Old2022x",
    "content": {
        "title": "Slow Gradients in Shallow Ensembles",
        "authors": ["Gil Prado", "Hana Voss"],
        "venue": "NeurIPS 2022 Accept",
        "venueid": "NeurIPS.cc/2022/Conference",
    },
    "cdate": 1652000000000,
}


@pytest.mark.parametrize(
    "v2_answer", [None, b'{"notes": [], "count": 0}'], ids=["v2-404", "v2-no-notes"]
)
def test_a_forum_api_v2_does_not_know_is_asked_of_api_v1(
    registry: Registry, servers: Servers, v2_answer: bytes | None
) -> None:
    registry.openreview_v1["Old2022x"] = OLDER_FORUM
    if v2_answer is not None:
        servers.openreview.bodies.append(v2_answer)
    forum = PaperId("openreview", "Old2022x")
    paper = fetch_metadata([forum], servers.options())[forum]
    assert isinstance(paper, PaperMetadata)
    assert (paper.title, paper.venue, paper.year, paper.preprint) == (
        "Slow Gradients in Shallow Ensembles", "NeurIPS", 2022, False
    )  # fmt: skip
    assert paper.authors == ("Gil Prado", "Hana Voss")
    assert [len(servers.openreview.seen), len(servers.openreview_v1.seen)] == [1, 1]


def test_a_forum_neither_api_knows_is_unknown_and_one_v1_cannot_tell_is_unverified(
    registry: Registry, servers: Servers
) -> None:
    forum = PaperId("openreview", "Gone001")
    gone = fetch_metadata([forum], servers.options())[forum]
    assert isinstance(gone, LookupFailure) and gone.unknown
    servers.openreview_v1.failures.extend([(503, None)] * 2)
    down = fetch_metadata([forum], servers.options())[forum]
    assert isinstance(down, LookupFailure) and not down.unknown
    assert "API v2 does not know it" in down.reason
    # A forum v2 knows never reaches v1.
    asked = len(servers.openreview_v1.seen)
    registry.openreview["Xy12AbC"] = {"content": {"title": {"value": "Quiet Gradients"}}}
    fetch_metadata([PaperId("openreview", "Xy12AbC")], servers.options())
    assert len(servers.openreview_v1.seen) == asked


def test_the_publication_is_neither_corr_nor_a_near_namesake(
    registry: Registry, servers: Servers
) -> None:
    registry.add(LATTICE, HARBOR)
    # A different paper whose title differs by one word, and one with the same title by others.
    registry.dblp_extra.append(
        dblp_hit("Harbor: Calm Training of Noisy Vision Transformer", ("Jo Park",), "CVPR", 2023)
    )
    registry.dblp_extra.append(
        dblp_hit("Harbor: Calm Training of Noisy Vision Transformers", ("Kai Berg",), "ICCV", 2023)
    )
    arxiv = fetch_metadata(ids("2303.00011", "2211.00022"), servers.options())
    lattice, harbor = (arxiv[i] for i in ids("2303.00011", "2211.00022"))
    assert isinstance(lattice, PaperMetadata) and isinstance(harbor, PaperMetadata)
    published = find_publication(lattice, servers.options())
    assert published is not None
    assert (published.venue, published.year, published.doi) == ("KDD", 2023, LATTICE.doi)
    assert find_publication(harbor, servers.options()) is None
    assert servers.dblp.seen[0].query["q"] == ["Lattice Sketches for Streaming Graph Summaries"]
    assert servers.dblp.seen[1].query["q"] == ["Harbor Calm Training of Noisy Vision Transformers"]


def test_the_apis_error_form_fails_the_batch(registry: Registry, servers: Servers) -> None:
    servers.arxiv.bodies.append(
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        b"<id>http://arxiv.org/api/errors#incorrect_id_format_for_2303.0001</id>"
        b"<title>Error</title><summary>incorrect id format for 2303.0001</summary>"
        b"</entry></feed>"
    )
    found = fetch_metadata(ids("2303.00011"), servers.options())
    assert found[LATTICE_ID] == LookupFailure(
        LATTICE_ID, "arXiv API: error: incorrect id format for 2303.0001", False
    )


def test_the_progress_bar_counts_papers() -> None:
    bar = Progress(40, io.StringIO(), enabled=False, unit="papers")
    bar.advance(10)
    assert bar.render() == f"[{'#' * 7}{' ' * 23}] 10/40 papers"


def test_no_progress_bar_when_not_a_tty(
    registry: Registry, servers: Servers, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.add(LATTICE)
    fetch_metadata(ids("2303.00011"), servers.options(progress=True))
    assert capsys.readouterr().err == ""
