"""Issue #22, item 2: a DOI and an OpenReview forum, looked up at local Crossref, DBLP and
OpenReview servers, added to a copy of the seed; an id no source knows, a source that
fails and a refused private address write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED, read
from metaserver import Paper, Registry, Servers

from ddlint.cli.add import AddRequest, run_add

CONDENSED = Paper(
    "Condensed Graph Sketches for Fast Node Classification",
    ("Mira Holt", "Nils Arden", "Opal Reyes"),
    doi="10.1145/3534678.3539555",
    venue="KDD",
    year=2022,
    event_acronym="KDD '22",
)
FORUM = {
    "id": "Qk3nTr8",
    "forum": "Qk3nTr8",
    "content": {
        "title": {"value": "Distilled Datasets Remember Their Teachers"},
        "authors": {"value": ["Pia Lund", "Rafe Okoro"]},
        "venue": {"value": "ICLR 2024 poster"},
        "venueid": {"value": "ICLR.cc/2024/Conference"},
    },
    "cdate": 1695000000000,
    "pdate": 1705000000000,
}


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "seed-copy.md"
    copy.write_bytes(SEED.read_bytes())
    return copy


def _add(path: Path, options: object, *ids: str) -> int:
    return run_add(AddRequest(ids, str(path), quiet=True), options)  # type: ignore[arg-type]


def test_a_doi_gets_its_venue_and_year(
    registry: Registry, servers: Servers, seed_copy: Path
) -> None:
    registry.add(CONDENSED)
    assert _add(seed_copy, servers.options(), "https://doi.org/10.1145/3534678.3539555") == 0
    lines = read(seed_copy).split("\n")
    assert lines[15] == (
        "| Mira Holt et al |[**Condensed Graph Sketches for Fast Node Classification**]"
        "(https://doi.org/10.1145/3534678.3539555) | | | | KDD, 2022 | |"
    )


def test_an_openreview_forum_makes_its_year_section(
    registry: Registry, servers: Servers, seed_copy: Path
) -> None:
    registry.openreview["Qk3nTr8"] = FORUM
    url = "https://openreview.net/forum?id=Qk3nTr8"
    assert _add(seed_copy, servers.options(), url) == 0
    text = read(seed_copy)
    # The 2024 section, made like the seed's others, above 2022; the quick links know it.
    assert (
        "## 2024\n### Papers in 2024 [[Back-to-top](#Dataset-distillation-papers)]\n\n"
        "| Author    | Title     | Type      | Task      | Dataset       | Venue     "
        "| Supp. Material     |\n|---------|---------|---------|---------|---------|---------"
        "|---------|\n| Pia Lund et al |[**Distilled Datasets Remember Their Teachers**]"
        "(https://openreview.net/pdf?id=Qk3nTr8) | | | | ICLR, 2024 | |\n\n\n\n\n## 2022\n"
    ) in text
    assert "**Papers sorted by year:** | [2024](#papers-in-2024-back-to-top) | [2022]" in text


def test_a_forum_of_openreview_api_v1_is_added(
    registry: Registry, servers: Servers, seed_copy: Path
) -> None:
    """A forum of the venues before OpenReview's API v2: only API v1 knows it."""
    registry.openreview_v1["Rz7mQw2"] = {
        "id": "Rz7mQw2",
        "forum": "Rz7mQw2",
        "content": {
            "title": "Teachers Forget Their Distilled Datasets",
            "authors": ["Pia Lund", "Rafe Okoro"],
            "venue": "NeurIPS 2022 Accept",
            "venueid": "NeurIPS.cc/2022/Conference",
        },
        "cdate": 1652000000000,
    }
    assert _add(seed_copy, servers.options(), "https://openreview.net/forum?id=Rz7mQw2") == 0
    assert (
        "| Pia Lund et al |[**Teachers Forget Their Distilled Datasets**]"
        "(https://openreview.net/pdf?id=Rz7mQw2) | | | | NeurIPS, 2022 | |"
    ) in read(seed_copy)


def test_an_id_no_source_knows_exits_2(
    servers: Servers, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(seed_copy, servers.options(), "10.1145/0000000.0000000") == 2
    assert "no source knows it" in capsys.readouterr().err
    assert read(seed_copy) == SEED.read_text(encoding="utf-8")


def test_a_source_that_fails_exits_2(
    registry: Registry, servers: Servers, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    servers.arxiv.failures.extend([(503, None)] * 4)
    assert _add(seed_copy, servers.options(), "2212.06152") == 2
    assert "could not look it up" in capsys.readouterr().err
    assert read(seed_copy) == SEED.read_text(encoding="utf-8")


def test_without_allow_private_no_request_reaches_the_servers(
    registry: Registry, servers: Servers, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.add(CONDENSED)
    options = servers.options(allow_private=False)
    assert _add(seed_copy, options, "10.1145/3534678.3539555") == 2
    assert servers.requests() == 0
    assert read(seed_copy) == SEED.read_text(encoding="utf-8")


def test_a_file_that_cannot_be_read_exits_2_naming_it(
    servers: Servers, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.md"
    assert _add(missing, servers.options(), "2212.06152") == 2
    assert str(missing) in capsys.readouterr().err
    assert servers.requests() == 0


def test_the_servers_see_one_batch_polite_requests_and_none_within_the_ttl(
    registry: Registry, servers: Servers, seed_copy: Path, tmp_path: Path
) -> None:
    """Issue #22, item 4, for ``add``: arXiv ids in one request; DOIs one at a time,
    spaced by the interval; a second run within the TTL asks nothing."""
    second = Paper(
        "Tiny Distilled Sets for Speech", ("Una Blake",), published="2022-10-03",
        arxiv_id="2210.00099",
    )  # fmt: skip
    other = Paper(
        "Condensed Sets for Tabular Data", ("Vera Stone",), doi="10.1145/3534678.3539556",
        venue="KDD", year=2022,
    )  # fmt: skip
    registry.add(second, CONDENSED, other)
    registry.add(Paper("Accelerating Dataset Distillation via Model Augmentation", ("Lei Zhang",),
                       arxiv_id="2212.06152"))  # fmt: skip
    options = servers.options(cache_dir=tmp_path / "cache", interval=0.2)
    ids = ("2212.06152", "2210.00099", CONDENSED.doi or "", other.doi or "")
    request = AddRequest(ids, str(seed_copy), show_diff=True, quiet=True)
    assert run_add(request, options) == 0
    assert len(servers.arxiv.seen) == 1
    assert servers.arxiv.seen[0].query["id_list"][0].split(",") == ["2212.06152", "2210.00099"]
    crossref = servers.crossref.seen
    assert len(crossref) == 2 and servers.crossref.peak == 1
    assert crossref[1].start - crossref[0].start >= 0.2
    assert all(api.peak <= 1 for api in servers.apis)
    asked = servers.requests()
    assert run_add(request, options) == 0
    assert servers.requests() == asked
    assert read(seed_copy) == SEED.read_text(encoding="utf-8")
