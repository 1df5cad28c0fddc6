"""DD302 malformed-url: targets GitHub would not link as written; its fast paths."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SEED_TEXT, lines, link_row, link_table, outcome
from hypothesis import given, settings
from hypothesis import strategies as st
from listgen import URL_TEXT, url_like

from ddlint.inline.parse import parse_inline
from ddlint.rules.links import dd302_malformed_url as dd302


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("www.example.org/paper", id="www-without-scheme"),
        pytest.param("github.com/ada/engine", id="host-without-scheme"),
        pytest.param("http:/example.org/x", id="one-slash"),
        pytest.param("https//example.org/x", id="no-colon"),
        pytest.param("https://https://example.org", id="double-scheme"),
        pytest.param("javascript:alert(1)", id="javascript"),
        pytest.param("ftp://example.org/x", id="scheme-github-strips"),
        pytest.param("<https://example.org/a b>", id="space"),
        pytest.param("https://[x", id="unclosed-ipv6-bracket"),
        pytest.param("https://ex\u2100ample.org/p", id="host-changed-by-nfkc"),
    ],
)
def test_malformed_url(url: str) -> None:
    assert lines(link_table(link_row(url)), "DD302") == [3]


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://arxiv.org/abs/2201.00001", id="https"),
        pytest.param("docs/paper.md", id="relative-path"),
        pytest.param("README.md", id="file-in-repo"),
        pytest.param("#papers-in-2022", id="fragment"),
        pytest.param("mailto:ada@example.org", id="mailto"),
    ],
)
def test_malformed_url_noop(url: str) -> None:
    assert lines(link_table(link_row(url)), "DD302") == []


def test_malformed_link_syntax() -> None:
    assert lines(link_table(link_row(code="[Code] (https://github.com/x)")), "DD302") == [3]


def test_malformed_url_seed_and_fixtures_are_clean() -> None:
    assert lines(SEED_TEXT, "DD302") == []
    for path in sorted((FIXTURES / "lists").glob("*.md")):
        assert lines(path.read_text(encoding="utf-8"), "DD302") == [], path.name


@settings(max_examples=3000)
@given(st.one_of(url_like(), URL_TEXT))
def test_plain_web_url_has_no_problem(url: str) -> None:
    if dd302._PLAIN_WEB_URL.fullmatch(url):
        assert dd302._problem(url) is None
    assert outcome(dd302.problem, url) == outcome(dd302._problem, url)


CELL_PIECES = ["[Code](https://x.org)", "[a] (https://y.io)", "](http://", "] (www.", "[", "]"]
CELL = st.lists(
    st.sampled_from([*CELL_PIECES, ", ", " ", "x", "(", ")", "`", "**", "<br>", "\\"]),
    max_size=8,
).map("".join)


@settings(max_examples=3000)
@given(CELL)
def test_bracket_outside_links_misses_no_unparsed_link(text: str) -> None:
    content = parse_inline(text)
    spans = [link.span for link in content.links]
    outside = [
        match
        for match in dd302._UNPARSED.finditer(text)
        if not any(span.start <= match.start() < span.end for span in spans)
    ]
    if outside:
        assert dd302._bracket_outside_links(text, content)
