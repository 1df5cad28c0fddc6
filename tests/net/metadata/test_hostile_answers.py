"""Whatever a source answers, the lookup says what it could not learn and never raises."""

from __future__ import annotations

from pathlib import Path

import pytest
from metaserver import Paper, Registry, Servers

from ddlint.net.metadata import (
    LookupFailure,
    PaperId,
    PaperMetadata,
    fetch_metadata,
    find_publications,
)

ANSWERS = [
    b"",
    b"not xml at all",
    b"<html><body>Rate limited</body></html>",
    b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id></entry></feed>',
    b"\xff\xfe\x00garbage",
    b"[]",
    b'{"message": []}',
    b'{"message": {"title": 5, "author": "x", "issued": {"date-parts": [["a"]]}}}',
    b'{"result": {"hits": {"hit": {"info": {"title": 3, "authors": {"author": 7}}}}}}',
    b'{"result": {"hits": "none"}}',
    b'{"notes": [{"content": {"title": {"value": ["x"]}}}]}',
    b'{"notes": "x"}',
    b"null",
    b"[" * 100_000,  # nested past the JSON parser's recursion limit
    b"<a>" * 50_000,  # deep XML
    # Well formed, with values out of every range (JSON reads 1e400 as infinity).
    b'{"notes": [{"content": {"title": "T"}, "pdate": 1e400}]}',
    b'{"notes": [{"content": {"title": "T"}, "pdate": -1e400}]}',
    b'{"notes": [{"content": {"title": "T"}, "pdate": NaN}]}',
    b'{"notes": [{"content": {"title": "T"}, "pdate": Infinity}]}',
    b'{"notes": [{"content": {"title": "T"}, "cdate": 1000000000000000000000000000000}]}',
    b'{"notes": [{"content": {"title": "T"}, "pdate": 1' + b"0" * 400 + b"}]}",
    b'{"message": {"title": ["T\\ud800"], "issued": {"date-parts": [[1e400, NaN]]}}}',
    b'{"message": {"title": ["T"], "issued": {"date-parts": [[99999999999999999999, 13]]}}}',
    b'{"result": {"hits": {"hit": [{"info": {"title": "Lattice Sketches.", "venue": "KDD", '
    rb'"year": "\u00b2", "doi": "10.1145/1234.5678", '
    b'"authors": {"author": {"text": "Ada Quill"}}}}]}}}',
    b'{"result": {"hits": {"hit": [{"info": {"title": "Lattice Sketches.", "venue": "KDD", '
    b'"year": 1e400, "authors": {"author": {"text": "Ada Quill"}}}}]}}}',
]
IDS = [
    PaperId("arxiv", "2303.00011"),
    PaperId("doi", "10.1145/1234.5678"),
    PaperId("openreview", "Ab12"),
]


@pytest.mark.parametrize("body", ANSWERS)
def test_any_answer_is_a_failure_or_a_paper(
    body: bytes, registry: Registry, servers: Servers
) -> None:
    for api in servers.apis:
        api.bodies.extend([body] * 4)
    found = fetch_metadata(IDS, servers.options())
    assert set(found) == set(IDS)
    assert all(isinstance(answer, (LookupFailure, PaperMetadata)) for answer in found.values())
    paper = PaperMetadata(IDS[0], "Lattice Sketches", ("Ada Quill",), 2023, 3, "arXiv", True,
                          "2303.00011", None, None, "arxiv")  # fmt: skip
    publication = find_publications([paper], servers.options())[IDS[0]]
    if isinstance(publication, PaperMetadata):  # a well-formed hit, its year out of range
        assert publication.year is None
    else:
        assert publication is None or isinstance(publication, LookupFailure)


def test_a_contact_outside_ascii_is_left_out_of_the_header(
    registry: Registry, servers: Servers
) -> None:
    registry.add(Paper("Lattice Sketches", ("Ada Quill",), "2023-03-07", "2303.00011"))
    found = fetch_metadata(IDS[:1], servers.options(contact="j\u00fcrgen@example.org"))
    assert isinstance(found[IDS[0]], PaperMetadata)


def test_an_unreadable_cache_starts_afresh(
    registry: Registry, servers: Servers, tmp_path: Path
) -> None:
    registry.add(Paper("Lattice Sketches", ("Ada Quill",), "2023-03-07", "2303.00011"))
    (tmp_path / "metadata.json").write_text(
        '{"version": 1, "entries": {"meta:arxiv:2303.00011": {"at": "x"}}}'
    )
    found = fetch_metadata(IDS[:1], servers.options(cache_dir=tmp_path))
    assert isinstance(found[IDS[0]], PaperMetadata)
    assert fetch_metadata(IDS[:1], servers.options(cache_dir=tmp_path)) == found
    assert len(servers.arxiv.seen) == 1
