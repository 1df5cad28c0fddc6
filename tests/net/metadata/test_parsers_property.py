"""Each source's parser on well-formed answers whose values are anything JSON or XML can
hold: it gives a paper or nothing and never raises, and what it gives fits a row (one
line of text a UTF-8 file can hold; a four-digit year, a month of the year)."""

from __future__ import annotations

import json
import math
import re
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.net.metadata import arxiv, crossref, dblp, openreview
from ddlint.net.metadata.http import SourceError
from ddlint.net.metadata.model import PaperId, PaperMetadata

HOSTILE_NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=10**18, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.inf, -math.inf, math.nan, True, False, 0, -1, 2**63, 10**30]),
)
HOSTILE_TEXT = st.one_of(
    st.text(),
    st.sampled_from(["²", "２０２３", "2023\n", "\ud800", "\x00", "\u2028", "1e400", "-0", ""]),
    st.text(alphabet=st.characters(codec=None, categories=["Cc", "Cs", "Nd", "No", "Zl"])),
)
LEAF = st.one_of(st.none(), HOSTILE_NUMBERS, HOSTILE_TEXT)
VALUE = st.recursive(
    LEAF,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(HOSTILE_TEXT, inner, max_size=3)
    ),
    max_leaves=8,
)


def _field(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A value as the API writes it, or wrapped as OpenReview v2 does, or anything."""
    return st.one_of(value, st.fixed_dictionaries({"value": value}), VALUE)


BREAKS_A_ROW = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _fits_a_row(paper: PaperMetadata | None) -> None:
    if paper is None:
        return
    texts = [paper.title, *paper.authors, paper.venue or ""]
    for text in texts:
        text.encode("utf-8")  # no lone surrogate
        assert text == " ".join(text.split()) and not BREAKS_A_ROW.search(text)
    assert paper.title
    assert paper.year is None or 1000 <= paper.year <= 9999
    assert paper.month is None or 1 <= paper.month <= 12


ID = PaperId("openreview", "Ab12")


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "content": st.one_of(
                st.fixed_dictionaries(
                    {
                        "title": _field(HOSTILE_TEXT),
                        "authors": _field(st.lists(HOSTILE_TEXT, max_size=3)),
                        "venue": _field(HOSTILE_TEXT),
                        "venueid": _field(HOSTILE_TEXT),
                    }
                ),
                VALUE,
            ),
            "pdate": st.one_of(HOSTILE_NUMBERS, VALUE),
            "cdate": st.one_of(HOSTILE_NUMBERS, VALUE),
        }
    )
)
def test_openreview_notes(note: dict[str, Any]) -> None:
    _fits_a_row(openreview.read_note(ID, note))


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "title": st.one_of(st.lists(HOSTILE_TEXT, max_size=2), VALUE),
            "author": st.lists(
                st.one_of(
                    st.fixed_dictionaries({"given": HOSTILE_TEXT, "family": HOSTILE_TEXT}),
                    st.fixed_dictionaries({"name": HOSTILE_TEXT}),
                    VALUE,
                ),
                max_size=3,
            ),
            "issued": st.one_of(
                st.fixed_dictionaries(
                    {"date-parts": st.lists(st.lists(HOSTILE_NUMBERS, max_size=3), max_size=2)}
                ),
                VALUE,
            ),
            "type": st.one_of(st.just("proceedings-article"), HOSTILE_TEXT),
            "event": st.one_of(st.fixed_dictionaries({"acronym": HOSTILE_TEXT}), VALUE),
            "short-container-title": VALUE,
        }
    )
)
def test_crossref_works(message: dict[str, Any]) -> None:
    _fits_a_row(crossref.read_work(PaperId("doi", "10.1145/1234.5678"), message))


PREPRINT = PaperMetadata(ID, "Lattice Sketches", ("Ada Quill",), 2023, 3, "arXiv", True,
                         "2303.00011", None, None, "arxiv")  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "title": st.one_of(st.just("Lattice Sketches."), HOSTILE_TEXT, VALUE),
                "venue": st.one_of(st.just("KDD"), HOSTILE_TEXT, VALUE),
                "year": st.one_of(HOSTILE_TEXT, HOSTILE_NUMBERS, VALUE),
                "doi": st.one_of(st.just("10.1145/1234.5678"), VALUE),
                "authors": st.one_of(
                    st.fixed_dictionaries(
                        {"author": st.one_of(st.just({"text": "Ada Quill"}), VALUE)}
                    ),
                    VALUE,
                ),
                "type": VALUE,
                "key": VALUE,
            }
        ),
        max_size=3,
    )
)
def test_dblp_hits(hits: list[dict[str, Any]]) -> None:
    body = json.dumps({"result": {"hits": {"hit": [{"info": info} for info in hits]}}})
    infos = dblp._hits(json.loads(body))  # the answer as the search reads it
    _fits_a_row(dblp.publication(PREPRINT, infos))
    info = dblp.hit_by_doi(infos, "10.1145/1234.5678")
    if info is not None:
        year = dblp.year_of(info)
        assert year is None or 1000 <= year <= 9999
        assert not BREAKS_A_ROW.search(dblp.venue_of(info) or "")


XML_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]))


@settings(max_examples=200, deadline=None)
@given(title=XML_TEXT, name=XML_TEXT, published=st.one_of(XML_TEXT, st.just("9999-99-99")))
def test_arxiv_entries(title: str, name: str, published: str) -> None:
    entry = (
        f"<entry><id>http://arxiv.org/abs/2303.00011v1</id><title>{escape(title)}</title>"
        f"<author><name>{escape(name)}</name></author>"
        f"<published>{escape(published)}</published></entry>"
    )
    feed = f'<feed xmlns="http://www.w3.org/2005/Atom">{entry}</feed>'.encode()
    try:
        papers = arxiv.read_feed(feed)
    except SourceError:
        return  # a character XML 1.0 does not allow: the answer is unreadable
    for paper in papers.values():
        _fits_a_row(paper)
