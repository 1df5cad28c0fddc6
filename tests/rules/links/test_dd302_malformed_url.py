"""DD302 malformed-url: targets GitHub would not link as written; its fast paths."""

from __future__ import annotations

import re
from html import unescape

import pytest
from gfm_oracle import render
from helpers import FIXTURES, SEED_TEXT, lines, link_row, link_table, lint, outcome
from hypothesis import given, settings
from hypothesis import strategies as st
from listgen import URL_TEXT, url_like

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


# -- DD302's verdict on a cell is cmark-gfm's: a finding iff GitHub shows link Markdown --

UNPARSED = "A link here did not parse"
# What a cell holds on real lists: title links, `[[pdf]]` labels, badge images alone and
# inside links, broken links, code spans, HTML and stray brackets, in any order.
RAW_PIECES = [
    "[**A Title**](https://arxiv.org/abs/2301.00001)",
    "[[pdf]](https://arxiv.org/pdf/2301.00002)",
    "![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)",
    "![](https://img.shields.io/badge/x-y-blue)",
    "[![Star](https://img.shields.io/github/stars/o/r.svg)](https://github.com/o/r)",
    "[Code] (https://github.com/o/r)",
    "[Code](https://github.com/o/r ",
    "[Site](www.example.org)",
    "[Site] ( www.example.org)",
    "`[a](https://example.org)`",
    "<!-- [a](https://example.org) -->",
    '<a href="https://example.org">Site</a>',
    '<img src="https://example.org/b.svg">',
    " https://example.org/p ",
    "&#93;",
]
RAW_CELL = st.lists(
    st.sampled_from([*RAW_PIECES, " <br> ", " ", ", ", "x", "(", ")", "]", "`", "**", "\\"]),
    max_size=7,
).map("".join)


def _alt_text(image: re.Match[str]) -> str:
    alt = re.search(r'alt="([^"]*)"', image.group())
    return alt.group(1) if alt else ""


def _shown_text(html: str) -> str:
    """The text a reader sees in rendered HTML: an image shows its alt text, and a code
    span a box (what it holds is written as code on purpose)."""
    html = re.sub(r"<code>.*?</code>", "\N{BLACK SQUARE}", html, flags=re.DOTALL)
    html = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
    html = re.sub(r"<img[^>]*>", _alt_text, html)
    return unescape(re.sub(r"<[^>]*>", "", html))


def github_shows_raw_link(cell: str) -> bool:
    html = render(link_table(link_row(code=cell)))
    last_cell = re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.DOTALL)[-1]
    return RAW_LINK.search(_shown_text(last_cell)) is not None


def dd302_says_unparsed(cell: str) -> bool:
    findings = lint(link_table(link_row(code=cell)), ["DD302"])
    return any(finding.message.startswith(UNPARSED) for finding in findings)


RAW_LINK = re.compile(r"\]\s*\(\s*(?:https?://|www\.)", re.IGNORECASE)


@pytest.mark.parametrize(
    ("cell", "raw"),
    [
        pytest.param(
            "![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star) <br> "
            "[**A Title**](https://arxiv.org/pdf/2301.00001) <br>",
            False,
            id="badge-image-then-title-link",
        ),
        pytest.param(
            "[[pdf]](https://arxiv.org/pdf/2301.00001) ![](https://img.shields.io/badge/a-b-c)",
            False,
            id="bracketed-label-then-empty-alt-badge",
        ),
        pytest.param("[Code] (https://github.com/o/r)", True, id="space-before-parenthesis"),
        pytest.param(
            "![Star](https://img.shields.io/x.svg) [Code](https://x.org/e",
            True,
            id="badge-then-unclosed-link",
        ),
        pytest.param("`[Code](https://x.org/e)`", False, id="in-a-code-span"),
        pytest.param("<!-- [Code](https://x.org/e) -->", False, id="in-a-comment"),
    ],
)
def test_unparsed_link_verdict(cell: str, raw: bool) -> None:
    assert github_shows_raw_link(cell) is raw
    assert dd302_says_unparsed(cell) is raw


@settings(max_examples=1500, deadline=None)
@given(RAW_CELL)
def test_unparsed_link_verdict_is_cmark_gfms(cell: str) -> None:
    assert dd302_says_unparsed(cell) == github_shows_raw_link(cell), cell


@pytest.mark.xfail(
    strict=True,
    reason="inline parser: cmark-gfm makes no autolink while a `[` is open (autolink.c "
    "asks cmark_inline_parser_in_bracket); ddlint's links the bare URL and reads the "
    "rest of the cell differently",
)
def test_bare_url_after_an_open_bracket() -> None:
    cell = "[https://example.org/p[[pdf]](https://arxiv.org/pdf/2301.00002)"
    assert dd302_says_unparsed(cell) == github_shows_raw_link(cell)
