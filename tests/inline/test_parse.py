"""ddlint.inline.parse: a cell's inline Markdown → plain text and links with source offsets."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.inline import parse as inline
from ddlint.inline.parse import (
    InlineContent,
    InlineLink,
    has_markdown_syntax,
    normalize_label,
    parse_inline,
    parse_link_definitions,
)
from ddlint.text.spans import Span


def _summary(content: InlineContent) -> list[tuple[str, str, str, bool]]:
    return [(link.label, link.url, link.kind, link.has_image) for link in content.links]


@pytest.mark.parametrize(
    ("cell", "text", "links"),
    [
        pytest.param(
            "[**Title**](https://x.org/p.pdf)",
            "Title",
            [("Title", "https://x.org/p.pdf", "inline", False)],
            id="bold-title",
        ),
        pytest.param("[Code]()", "Code", [("Code", "", "inline", False)], id="empty-target"),
        pytest.param(
            "[Code](https://x), [Poster](https://y)",
            "Code, Poster",
            [("Code", "https://x", "inline", False), ("Poster", "https://y", "inline", False)],
            id="comma-separated",
        ),
        pytest.param(
            "[[pdf]](https://x)", "[pdf]", [("[pdf]", "https://x", "inline", False)], id="dbl"
        ),
        pytest.param(
            "<https://x.org>",
            "https://x.org",
            [("https://x.org",) * 2 + ("autolink", False)],
            id="autolink",
        ),
        pytest.param(
            "<me@x.org>",
            "me@x.org",
            [("me@x.org", "mailto:me@x.org", "autolink", False)],
            id="email",
        ),
        pytest.param(
            "see https://x.org/a.",
            "see https://x.org/a.",
            [("https://x.org/a", "https://x.org/a", "bare", False)],
            id="bare",
        ),
        pytest.param(
            "www.x.org", "www.x.org", [("www.x.org", "http://www.x.org", "bare", False)], id="www"
        ),
        pytest.param(
            "https://en.wikipedia.org/wiki/X_(y)",
            "https://en.wikipedia.org/wiki/X_(y)",
            [("https://en.wikipedia.org/wiki/X_(y)",) * 2 + ("bare", False)],
            id="bare-parens",
        ),
        pytest.param(
            "(https://x.org/a)",
            "(https://x.org/a)",
            [("https://x.org/a",) * 2 + ("bare", False)],
            id="bare-in-parens",
        ),
        pytest.param(
            "[W](https://en.wikipedia.org/wiki/X_(y))",
            "W",
            [("W", "https://en.wikipedia.org/wiki/X_(y)", "inline", False)],
            id="inline-parens",
        ),
        pytest.param(
            'a <a href="https://x">t</a> b',
            "a t b",
            [("t", "https://x", "html", False)],
            id="html-link",
        ),
        pytest.param(
            "[![Stars](https://img.shields.io/s.svg)](https://github.com/x)",
            "Stars",
            [("Stars", "https://github.com/x", "inline", True)],
            id="badge",
        ),
        pytest.param(
            "[a](https://x.org/?a=1&amp;b=2)",
            "a",
            [("a", "https://x.org/?a=1&b=2", "inline", False)],
            id="entity-in-url",
        ),
        pytest.param(
            '[a](<https://x.org/a b> "title")',
            "a",
            [("a", "https://x.org/a b", "inline", False)],
            id="angle",
        ),
        pytest.param("[a](x\\)y)", "a", [("a", "x)y", "inline", False)], id="escaped-paren"),
        pytest.param(
            "[https://x.org](https://y.org)",
            "https://x.org",
            [("https://x.org", "https://y.org", "inline", False)],
            id="url-label",
        ),
        pytest.param(
            "数据集蒸馏 🎉 [代码](https://x.cn/中)",
            "数据集蒸馏 🎉 代码",
            [("代码", "https://x.cn/中", "inline", False)],
            id="cjk-emoji",
        ),
        pytest.param("a \\| b `c\\|d`", "a | b c|d", [], id="escaped-pipe"),
        pytest.param("x ~~y~~ *z* _w_ __v__ `c*d`", "x y z w v c*d", [], id="emphasis"),
        pytest.param(
            "a<br>b<br/>c &amp; &copy; &bogus; &ampx;",
            "a b c & © &bogus; &ampx;",
            [],
            id="html-entities",
        ),
        pytest.param("\\*not\\* \\[x\\](y)", "*not* [x](y)", [], id="escapes"),
        pytest.param("# not a *heading*", "# not a heading", [], id="no-blocks"),
        pytest.param("1. not a list `x`", "1. not a list x", [], id="no-list"),
        pytest.param("xhttps://x.org", "xhttps://x.org", [], id="glued-scheme"),
        pytest.param(
            "[a](https://x b)",
            "[a](https://x b)",
            [("https://x",) * 2 + ("bare", False)],
            id="space-in-dest",
        ),
        pytest.param("`[a](b)`", "[a](b)", [], id="code-span-hides-link"),
        pytest.param("<!-- [a](b) --> c", "c", [], id="comment"),
    ],
)
def test_cells(cell: str, text: str, links: list[tuple[str, str, str, bool]]) -> None:
    content = parse_inline(cell)
    assert content.text == text
    assert _summary(content) == links
    assert not content.images
    assert content.has_markup


def test_standalone_image_is_not_a_link() -> None:
    content = parse_inline("![alt text](https://x.org/i.png) after")
    assert content.links == ()
    assert content.images == (
        InlineLink("alt text", "https://x.org/i.png", Span(0, 32), Span(12, 31), "inline", False),
    )
    assert content.text == "alt text after"


def test_spans_point_at_the_source() -> None:
    cell = "[**T**](https://a.org/x_(y)) · [Code](), <https://b.org> www.c.org"
    content = parse_inline(cell)
    sources = [link.span.slice(cell) for link in content.links]
    assert sources == ["[**T**](https://a.org/x_(y))", "[Code]()", "<https://b.org>", "www.c.org"]
    urls = [link.url_span.slice(cell) for link in content.links if link.url_span is not None]
    assert urls == ["https://a.org/x_(y)", "", "https://b.org", "www.c.org"]
    assert content.links[1].url_span == Span(38, 38)


def test_html_link_spans() -> None:
    cell = "<a href='https://x.org/p'>**Paper**</a>"
    (link,) = parse_inline(cell).links
    assert link.span == Span(0, len(cell))
    assert link.url_span is not None
    assert link.url_span.slice(cell) == "https://x.org/p"
    assert link.label == "Paper"


REFS = parse_link_definitions(["[ref]: https://r.org", "[Foo  Bar]: <https://f.org/a b> 'T'"])


@pytest.mark.parametrize(
    ("cell", "label", "url", "source"),
    [
        pytest.param("[t][ref]", "t", "https://r.org", "[t][ref]", id="full"),
        pytest.param("[Ref][]", "Ref", "https://r.org", "[Ref][]", id="collapsed"),
        pytest.param("see [REF]!", "REF", "https://r.org", "[REF]", id="shortcut"),
        pytest.param("[foo bar]", "foo bar", "https://f.org/a b", "[foo bar]", id="normalised"),
    ],
)
def test_reference_links(cell: str, label: str, url: str, source: str) -> None:
    (link,) = parse_inline(cell, REFS).links
    assert (link.label, link.url, link.kind, link.url_span) == (label, url, "reference", None)
    assert link.span.slice(cell) == source


def test_undefined_reference_is_text() -> None:
    assert parse_inline("[t][nope] [ref]").links == ()
    assert parse_inline("[t][nope]", REFS).text == "[t][nope]"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(["[a]: https://a"], {"a": "https://a"}, id="plain"),
        pytest.param(
            ['   [A  B]: <https://x y> "t"'], {"a b": "https://x y"}, id="indent-angle-title"
        ),
        pytest.param(["    [a]: https://a"], {}, id="four-spaces-is-code"),
        pytest.param(["[^1]: footnote"], {}, id="footnote"),
        pytest.param(["[a]: https://1", "[A]: https://2"], {"a": "https://1"}, id="first-wins"),
        pytest.param(["[a]: https://x?a=1&amp;b\\_c\n"], {"a": "https://x?a=1&b_c"}, id="decoded"),
        pytest.param(["text [a]: https://a", "[a]: x y z"], {}, id="not-definitions"),
    ],
)
def test_parse_link_definitions(lines: list[str], expected: dict[str, str]) -> None:
    assert parse_link_definitions(lines) == expected


def test_normalize_label() -> None:
    assert normalize_label("  Foo \t BAR ") == "foo bar"
    assert normalize_label("Straße") == normalize_label("STRASSE")


@pytest.mark.parametrize(
    "cell",
    [
        "a*b",
        "a_b",
        "`x`",
        "[x]",
        "a\\|b",
        "<b>",
        "&amp;",
        "~~x~~",
        "see http://x",
        "WWW.x.org",
        "!",
    ],
)
def test_has_markdown_syntax(cell: str) -> None:
    assert has_markdown_syntax(cell)


_PLAIN_CELL_PROBE = """
import sys
from ddlint.inline.parse import InlineContent, parse_inline
content = parse_inline("  NeurIPS,   2022  ")
assert content == InlineContent("NeurIPS, 2022", (), (), has_markup=False), content
assert "mistune" not in sys.modules, "mistune imported for a plain cell"
"""


def test_plain_cells_skip_mistune() -> None:
    """mistune is imported on first use, so a fresh interpreter (this one has imported it)
    that parses a plain cell and has not imported mistune never called it."""
    done = subprocess.run(
        [sys.executable, "-c", _PLAIN_CELL_PROBE], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


# --- properties -----------------------------------------------------------------------------

PLAIN_ALPHABET = st.characters(
    exclude_characters="\\`*_[]!<>&~\r\n\x00hHwW", exclude_categories=["Cs"]
)


@given(st.text(PLAIN_ALPHABET, max_size=80))
def test_fast_path_equals_slow_path_on_plain_alphabet(cell: str) -> None:
    assert not has_markdown_syntax(cell)
    fast = parse_inline(cell)
    slow = inline._parse_markup(cell, {})
    assert (fast.text, fast.links, fast.images) == (slow.text, slow.links, slow.images)


@given(st.text(max_size=80))
def test_fast_path_equals_slow_path_whenever_it_applies(cell: str) -> None:
    if has_markdown_syntax(cell):
        return
    slow = inline._parse_markup(cell, {})
    assert parse_inline(cell).text == slow.text
    assert slow.links == slow.images == ()


URLS = st.sampled_from(
    [
        "https://a.org/p.pdf",
        "https://en.wikipedia.org/wiki/X_(y)",
        "",
        "https://x.org/?q=1&b=2",
        "https://github.com/o/r",
        "x.pdf",
        "https://a.org/数据",
    ]
)
WORDS = st.sampled_from(["Code", "**Paper**", "Poster", "[pdf]", "数据", "a b", "`c`", "🎉"])
FILLER = st.sampled_from(["", " ", ", ", " | ", " and ", "**", "x "])


@st.composite
def linked_cells(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        url, word = draw(URLS), draw(WORDS)
        form = draw(st.sampled_from(["inline", "autolink", "bare", "badge", "html"]))
        if form == "inline" or (not url.startswith("https") and form != "html"):
            pieces.append(f"[{word}]({url})")
        elif form == "autolink":
            pieces.append(f"<{url}>")
        elif form == "bare":
            pieces.append(f" {url} ")
        elif form == "badge":
            pieces.append(f"[![{word}](https://img.shields.io/b.svg)]({url})")
        else:
            pieces.append(f'<a href="{url}">{word}</a>')
        pieces.append(draw(FILLER))
    return "".join(pieces).strip()


@given(linked_cells())
def test_spans_reproduce_urls(cell: str) -> None:
    content = parse_inline(cell)
    assert content.links
    for link in content.links:
        source = link.span.slice(cell)
        assert link.url_span is not None
        assert link.span.start <= link.url_span.start <= link.url_span.end <= link.span.end
        raw_url = link.url_span.slice(cell)
        if link.kind == "html":
            raw_url = raw_url.replace("&amp;", "&")
        assert raw_url == (
            link.url.removeprefix("http://") if raw_url.startswith("www.") else link.url
        )
        if link.kind == "inline":
            assert source.startswith("[") and source.endswith(")")
        assert parse_inline(source).links[0].url == link.url  # a span re-parses to its link


SYNTAX = st.sampled_from(
    [*"[]()!<>*_`\\~&|:/. ah", "http://", "www.", "](", "![", "<a href=x>", "</a>", "&amp;"]
)


@settings(max_examples=300)
@given(st.lists(SYNTAX, max_size=40).map("".join), st.booleans())
def test_never_raises_and_spans_are_in_bounds(cell: str, with_refs: bool) -> None:
    content = parse_inline(cell, {"a": "https://a"} if with_refs else None)
    for link in content.links + content.images:
        assert 0 <= link.span.start <= link.span.end <= len(cell)
        if link.url_span is not None:
            assert link.span.start <= link.url_span.start <= link.url_span.end <= link.span.end
    starts = [link.span.start for link in content.links]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    "cell",
    [
        pytest.param("[" * 50_000, id="open-brackets"),
        pytest.param("[" * 50_000 + "a" + "](x)" * 50_000, id="nested-links"),
        pytest.param("*" * 50_000 + "a" + "*" * 50_000, id="stars"),
        pytest.param("_a*" * 33_000, id="mixed-emphasis"),
        pytest.param("![" * 25_000 + "]" * 25_000, id="nested-images"),
        pytest.param("[a](" * 25_000, id="unclosed-destinations"),
        pytest.param("[](()" * 20_000, id="paren-destinations"),
        pytest.param("`" * 100_000, id="backticks"),
        pytest.param("<a " * 33_000, id="tags"),
        pytest.param("<!--" * 25_000, id="comments"),
        pytest.param("https://x.org/" + ")" * 100_000, id="url-parens"),
        pytest.param("\\" * 100_000, id="backslashes"),
    ],
)
def test_hostile_cells_do_not_recurse(cell: str) -> None:
    content = parse_inline(cell, {"a": "https://a"})
    assert isinstance(content.text, str)


def test_deep_nesting_uses_the_fallback() -> None:
    cell = "[" * 300 + "[Code](https://x)" + "]" * 300
    content = parse_inline(cell)
    assert [(link.label, link.url) for link in content.links] == [("Code", "https://x")]


def test_placeholder_stars_are_text_as_on_github() -> None:
    # `** **` is not emphasis (a delimiter run followed by a space is not left-flanking).
    content = parse_inline("[** **]()")
    assert content.text == "** **"
    assert [(link.label, link.url) for link in content.links] == [("** **", "")]


def _cells(line: str) -> list[str]:
    body = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", body)]


def test_seed_titles_and_links() -> None:
    rows = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    titles = 0
    for line in rows:
        for cell in _cells(line):
            content = parse_inline(cell)
            for link in content.links:
                assert link.url_span is not None
                assert link.url_span.slice(cell) == link.url
                assert link.span.slice(cell).startswith("[")
            if cell.startswith("[**") and content.links[0].url:  # not the `[** **]()` template
                titles += 1
                assert len(content.links) == 1
                assert content.text == content.links[0].label
                assert "*" not in content.text
    assert titles > 50
