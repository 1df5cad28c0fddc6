"""The rules' and the linter's fast paths give exactly what the general code gives.

Each property builds inputs of the shape the fast path is for, with hostile characters
mixed in so that its refusals are exercised too, and compares with the reference.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.gfm import render
from ddlint.gfm.cells import split_cells
from ddlint.gfm.parse import parse_document
from ddlint.inline import urls
from ddlint.inline.parse import parse_inline
from ddlint.records import identity, sort
from ddlint.records.extract import extract_records
from ddlint.rules import RuleContext
from ddlint.rules.format import dd402_cell_format as dd402
from ddlint.rules.links import dd302_malformed_url as dd302
from ddlint.text.spans import LineIndex

# Mostly characters of ordinary web links; now and then one urlsplit treats specially.
URL_PIECES = [
    *"abcXYZ019/:.?=&;%#_~*!-+,@$数é",
    "https://",
    "http://",
    "HTTPS://",
    "www.",
    "%20",
    "arxiv.org",
    "/abs/",
]
HOSTILE_URL = [" ", "\t", "\n", "\x00", "\x7f", "[", "]", "[::1]", "\\", "//", "::", "\u3000"]
URL_TEXT = st.lists(st.sampled_from(URL_PIECES * 8 + HOSTILE_URL), max_size=14).map("".join)
SCHEMES = st.sampled_from(["https", "http", "HTTP", "ftp", "mailto", "a+b", "1x", ""])


@st.composite
def url_like(draw: st.DrawFn) -> str:
    scheme = draw(SCHEMES)
    separator = draw(st.sampled_from(["://", ":", ":/", ":///", ""]))
    return scheme + separator + draw(URL_TEXT)


def _outcome(function: object, *args: object) -> object:
    try:
        return function(*args)  # type: ignore[operator]
    except ValueError as error:
        return ("ValueError", str(error))


@settings(max_examples=3000)
@given(st.one_of(url_like(), URL_TEXT, st.text(max_size=20)))
def test_split_url_equals_urlsplit(url: str) -> None:
    """Equal to urlsplit; where urlsplit raises, the whole target is one opaque path."""
    expected = _outcome(urlsplit, url)
    if isinstance(expected, tuple) and expected[0] == "ValueError":
        assert urls.split_url(url) == ("", "", url, "", "")
        return
    assert urls.split_url(url) == expected
    assert urls.split_url(url).hostname == urlsplit(url).hostname


PART = st.lists(st.sampled_from([*"ab/:?#.", "//", ""]), max_size=5).map("".join)


@settings(max_examples=2000)
@given(st.tuples(SCHEMES, PART, PART, PART, PART))
def test_join_url_equals_urlunsplit(parts: tuple[str, str, str, str, str]) -> None:
    assert urls.join_url(*parts) == urlunsplit(parts)


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/2201.00001",
        "http://github.com/a/b?utm_source=x&id=3#readme",
        "HTTPS://Example.org:8080/p",
        "https://user@host/p",
        "https://[::1]/x",
        "https://exa mple.org",
    ],
)
def test_split_url_examples(url: str) -> None:
    assert _outcome(urls.split_url, url) == _outcome(urlsplit, url)


def test_the_host_class_is_printable_ascii_without_delimiters() -> None:
    """``_HOST_CHAR`` spelled as ranges is the class ``[^/?#\\[\\]\\x00-\\x20\\x7f-\\U0010ffff]``:
    every code point checked."""
    host = re.compile(urls._HOST_CHAR)
    wanted = {chr(c) for c in range(0x21, 0x7F)} - set("/?#[]")
    assert {chr(c) for c in range(0x110000) if host.fullmatch(chr(c))} == wanted


@pytest.mark.parametrize("url", ["https://[x", "http://[::1/p", "https://ex\u2100ample.org/"])
def test_split_url_takes_what_urlsplit_rejects_as_an_opaque_path(url: str) -> None:
    assert urls.split_url(url) == ("", "", url, "", "")


CELL_TEXT = st.lists(st.sampled_from([*"ab |\\\t`*", "\\|", "  ", "数"]), max_size=5).map("".join)


@settings(max_examples=2000)
@given(
    st.lists(CELL_TEXT, max_size=5),
    st.sampled_from(["compact", "aligned"]),
    st.lists(st.integers(0, 8), max_size=5),
)
def test_plain_cells_split_back_unchanged(texts: list[str], style: str, widths: list[int]) -> None:
    """DD402's proof that a rewritten row keeps its cells, without splitting it."""
    if not dd402._splits_plainly(texts):
        return
    new = render.format_row(texts, style=style, widths=widths)  # type: ignore[arg-type]
    cells = split_cells(new, 0, len(new))
    assert cells is not None
    assert [new[a:b] for a, b in cells] == texts


@settings(max_examples=3000)
@given(st.one_of(url_like(), URL_TEXT))
def test_plain_web_url_has_no_problem(url: str) -> None:
    if dd302._PLAIN_WEB_URL.fullmatch(url):
        assert dd302._problem(url) is None
    assert _outcome(dd302.problem, url) == _outcome(dd302._problem, url)


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


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from([*"aZ09 _-:.,'()[]*", "é", "ß", "İ", "数", "\u00b2"])))
def test_loose_key_ascii_path_equals_regex(text: str) -> None:
    assert identity.loose_key(text) == identity._NOT_WORD.sub("", text.casefold())


TITLES = st.sampled_from(["Alpha", "alpha", "Beta", "", "**Gamma**", "Ärger", "beta"])
VENUES = st.sampled_from(["ICML, 2022", "arXiv, Sep., 2022", "CVPRW, 2021", "", "NeurIPS 2020"])
DATES = st.sampled_from(["", "2021-03", "May 2020", "x"])
SORT_KEYS = st.lists(
    st.sampled_from([f"{sign}{field}" for field in sort.SORT_FIELDS for sign in "+-"]),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TITLES, VENUES, DATES, TITLES), min_size=1, max_size=12), SORT_KEYS)
def test_sort_keys_order_as_sort_key(
    rows: list[tuple[str, str, str, str]], keys: list[str]
) -> None:
    """DD401 sorts by per-row rank keys; ``sort_key`` compares values pairwise."""
    lines = ["| Title | Venue | Date | Authors |", "|---|---|---|---|"]
    lines += [
        f"| [{t}](https://x.org/{i}) | {v} | {d} | {a} |" for i, (t, v, d, a) in enumerate(rows)
    ]
    records = extract_records(parse_document("\n".join(lines) + "\n")).rows
    expected = sorted(range(len(records)), key=lambda i: sort.sort_key(keys)(records[i]))
    ranks = sort.sort_keys(records, keys)
    assert sorted(range(len(records)), key=ranks.__getitem__) == expected


@settings(max_examples=3000)
@given(st.one_of(url_like(), URL_TEXT))
def test_canonical_web_url_equals_general_path(url: str) -> None:
    url = url.strip()
    fast = _outcome(urls._canonical_web_url, url)
    if fast is not None:
        assert fast == _outcome(urls._canonical_url, url)


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a |", "\r", "\n", "\r\n", "|-|"]), max_size=30).map("".join))
def test_context_positions_equal_line_index(text: str) -> None:
    """The document's index, read off its parsed lines, equals one scanned from the text."""
    document = parse_document(text)
    ctx = RuleContext(document, extract_records(document))
    scanned = LineIndex(text)
    assert document.line_index.line_count == scanned.line_count
    for offset in range(len(text) + 1):
        assert ctx.position(offset) == scanned.position(offset)


LINK_TARGET = st.one_of(url_like(), URL_TEXT).filter(
    lambda url: not any(c in url for c in " \t\n()<>|\\\x00")
)


@settings(max_examples=300, deadline=None)
@given(LINK_TARGET, LINK_TARGET)
def test_no_link_target_breaks_check_fix_or_export(title_url: str, code_url: str) -> None:
    """Every rule reads link targets through these helpers: whatever the target, the
    check, the fixer and the export finish (FixError would be a ddlint bug too)."""
    from ddlint.api import fix_text, lint_text, parse_records

    text = (
        "| Title | Venue | Code |\n|---|---|---|\n"
        f"| [**Engines**]({title_url}) | ICML 2022 | [Code]({code_url}) |\n"
    )
    lint_text(text)
    fix_text(text, unsafe=True)
    parse_records(text)
