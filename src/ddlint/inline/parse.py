"""A table cell's inline Markdown → plain text and links, as GitHub would read it.

This is the only module that imports mistune (DESIGN.md §2). mistune decides *what* a
cell means: its plain text and which links and images it holds. Its AST has no source
positions, so a small scanner of our own (``inline/scan.py``) finds *where* each link
is, and the two lists are paired in order. The scanner never decides what a link is: when it cannot
match one of mistune's links, the link is still reported, only without offsets.

Cells without any Markdown syntax skip mistune entirely (the fast path): most cells of a
paper table are plain names, venues and dataset lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ddlint.inline.scan import _TAG_RE, LinkKind, _html_href, _Scanner, _Source
from ddlint.inline.syntax import (
    _collapse,
    _decode,
    _decode_entities,
    _match_bare_url,
    has_markdown_syntax,
    html_comment_spans,
    normalize_label,
    parse_link_definitions,
)
from ddlint.text.spans import Span

__all__ = [
    "InlineCache",
    "InlineContent",
    "InlineLink",
    "LinkKind",
    "has_markdown_syntax",
    "is_links_only",
    "normalize_label",
    "parse_inline",
    "parse_link_definitions",
]

if TYPE_CHECKING:  # mistune itself is imported on first use (start-up time)
    import mistune
    from mistune.core import InlineState
    from mistune.inline_parser import InlineParser


@dataclass(frozen=True, slots=True)
class InlineLink:
    """One link (or image) of a cell; offsets are into the cell text given to parse_inline."""

    label: str
    url: str
    span: Span
    url_span: Span | None
    kind: LinkKind
    has_image: bool


@dataclass(frozen=True, slots=True)
class InlineContent:
    """A cell's plain text, its links in source order, and its stand-alone images."""

    text: str
    links: tuple[InlineLink, ...]
    images: tuple[InlineLink, ...]
    has_markup: bool


def _parse_bare_url(inline: InlineParser, match: re.Match[str], state: InlineState) -> int | None:
    found = _match_bare_url(state.src, match.start(), bool(getattr(state, "brackets", None)))
    if found is None:
        return None
    end, url = found
    raw = state.src[match.start() : end]
    if state.in_link:  # inside <a>…</a>: GitHub does not nest links
        inline.process_text(raw, state)
        return end
    children = [{"type": "text", "raw": raw}]
    state.append_token(
        {"type": "link", "children": children, "attrs": {"url": url}, "_autolink": raw}
    )
    return end


def _gfm_autolinks(md: mistune.Markdown) -> None:
    """mistune's own ``url`` plugin knows no ``www.`` links and cuts the ``)`` off
    ``https://en.wikipedia.org/wiki/X_(y)``; this rule follows GFM instead."""
    try:
        md.inline.register("gfm_url", r"https?://|www\.", _parse_bare_url, start_chars={"h", "w"})
    except TypeError:  # mistune < 3.2 has no start_chars
        md.inline.register("gfm_url", r"https?://|www\.", _parse_bare_url)


_PARSER: list[mistune.Markdown] = []


def _markdown() -> mistune.Markdown:
    """The mistune parser, built on first use: a plain check of a plain list needs none."""
    if not _PARSER:
        import mistune

        _PARSER.append(
            mistune.create_markdown(renderer=None, plugins=["strikethrough", _gfm_autolinks])
        )
    return _PARSER[0]


# Beyond this bracket depth no real cell exists; older mistune releases recurse per level.
_MAX_BRACKET_DEPTH = 256


# --- what links are: mistune's AST → plain text and links ----------------------------------


class _References(Mapping[str, dict[str, str]]):
    """mistune looks references up by its own key (upper-cased); ours are case-folded."""

    def __init__(self, refs: Mapping[str, str]) -> None:
        self._refs = refs

    def __getitem__(self, key: str) -> dict[str, str]:
        return {"url": self._refs[normalize_label(key)]}

    def __iter__(self) -> Iterator[str]:
        return iter(self._refs)

    def __len__(self) -> int:
        return len(self._refs)


@dataclass
class _Seen:
    """A link or image as mistune sees it."""

    url: str
    image: bool
    html: bool
    label: str = ""
    has_image: bool = False


class _PlainText:
    """Walks mistune's inline tokens, collecting the text and the top-level links."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.seen: list[_Seen] = []
        self._link: _Seen | None = None
        self._anchor: tuple[_Seen, int] | None = None

    def walk(self, tokens: Iterable[dict[str, Any]]) -> None:
        for token in tokens:
            kind = token.get("type")
            if kind == "text":
                self.parts.append(_decode_entities(token.get("raw", "")))
            elif kind == "codespan":
                self.parts.append(token.get("raw", ""))
            elif kind in ("linebreak", "softbreak"):
                self.parts.append(" ")
            elif kind == "inline_html":
                self._html(token.get("raw", ""))
            elif kind in ("link", "image"):
                self._link_token(token, image=kind == "image")
            else:
                self.walk(token.get("children") or ())

    def finish(self) -> str:
        if self._anchor is not None:
            self._close_anchor()
        return _collapse("".join(self.parts))

    def _link_token(self, token: dict[str, Any], image: bool) -> None:
        outer = self._link or (self._anchor[0] if self._anchor else None)
        if outer is not None:  # an image inside a link: a badge
            outer.has_image = outer.has_image or image
            self.walk(token.get("children") or ())
            return
        seen = _Seen(str(token.get("attrs", {}).get("url", "")), image, html=False)
        self.seen.append(seen)
        start, self._link = len(self.parts), seen
        self.walk(token.get("children") or ())
        self._link = None
        seen.label = _collapse("".join(self.parts[start:]))

    def _html(self, raw: str) -> None:
        tag = _TAG_RE.fullmatch(raw)
        if tag is None:  # comments, declarations: not shown
            if raw.startswith("<!--") and html_comment_spans(raw) != [(0, len(raw))]:
                # mistune takes `<!-- a --->` for a comment; GitHub (cmark-gfm's grammar,
                # ``html_comment_spans``) shows it as text.
                self.parts.append(_decode_entities(raw))
            return
        name = (tag.group(1) or tag.group(2)).lower()
        if name == "br":
            self.parts.append(" ")
        elif name == "a" and tag.group(1):
            href = _html_href(raw)
            if href is not None and self._anchor is None and self._link is None:
                seen = _Seen(href[0], image=False, html=True)
                self.seen.append(seen)
                self._anchor = (seen, len(self.parts))
        elif name == "a" and self._anchor is not None:
            self._close_anchor()
        elif name == "img" and self._anchor is not None:
            self._anchor[0].has_image = True

    def _close_anchor(self) -> None:
        assert self._anchor is not None
        seen, start = self._anchor
        seen.label = _collapse("".join(self.parts[start:]))
        self._anchor = None


# How far ahead of the last paired source a match for mistune's next link may be.
_LOOKAHEAD = 8


def _same_url(source_url: str, mistune_url: str) -> bool:
    # mistune percent-encodes destinations (escape_url); sources keep them as written.
    if source_url == mistune_url:
        return True
    from mistune.util import escape_url

    return escape_url(source_url) == mistune_url


def _pair(seen: list[_Seen], sources: list[_Source]) -> tuple[list[InlineLink], list[InlineLink]]:
    links: list[InlineLink] = []
    images: list[InlineLink] = []
    cursor, position = 0, 0
    for item in seen:
        match = next(
            (
                index
                for index in range(cursor, min(cursor + _LOOKAHEAD, len(sources)))
                if sources[index].image == item.image
                and (sources[index].kind == "html") == item.html
                and _same_url(sources[index].url, item.url)
            ),
            None,
        )
        if match is not None:
            source = sources[match]
            cursor, position = match + 1, source.span.end
            link = InlineLink(
                item.label, source.url, source.span, source.url_span, source.kind, item.has_image
            )
        else:  # mistune found a link our scanner did not place: keep it, without offsets
            kind: LinkKind = "html" if item.html else "inline"
            empty = Span(position, position)
            link = InlineLink(item.label, item.url, empty, None, kind, item.has_image)
        (images if item.image else links).append(link)
    return links, images


def _fallback(text: str, sources: list[_Source]) -> InlineContent:
    """Hostile nesting: keep the scanner's links and an undecorated text, never recurse."""
    links: list[InlineLink] = []
    images: list[InlineLink] = []
    for source in sources:
        label = _collapse(_decode(source.label_span.slice(text)))
        link = InlineLink(
            label, source.url, source.span, source.url_span, source.kind, source.has_image
        )
        (images if source.image else links).append(link)
    return InlineContent(_collapse(_decode(text)), tuple(links), tuple(images), True)


def _max_bracket_depth(text: str) -> int:
    depth = deepest = 0
    for match in re.finditer(r"\[|\]", text):
        depth = depth + 1 if match.group() == "[" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _mistune_tokens(text: str, refs: Mapping[str, str]) -> list[dict[str, Any]] | None:
    env: dict[str, Any] = {"ref_links": _References(refs)} if refs else {}
    try:
        # The inline parser alone: a cell holds no blocks, so `# x` or `1. x` stay text.
        return _markdown().inline(text, env)
    except Exception:  # RecursionError in older mistune, or a mistune bug: never stop a lint
        return None


def parse_inline(cell_text: str, refs: Mapping[str, str] | None = None) -> InlineContent:
    """Plain text, links and images of one table cell (``\\|`` still escaped in the input).

    ``refs`` maps ``normalize_label()``-ed reference labels to urls.
    """
    if not has_markdown_syntax(cell_text):
        return InlineContent(_collapse(cell_text), (), (), False)
    return _parse_links_only(cell_text) or _parse_markup(cell_text, refs or {})


class InlineCache:
    """``parse_inline`` memoised for one document's references: many cells repeat."""

    def __init__(self, refs: Mapping[str, str]) -> None:
        self.refs = refs
        self._memo: dict[str, InlineContent] = {}

    def parse(self, cell_text: str) -> InlineContent:
        content = self._memo.get(cell_text)
        if content is None:
            content = self._memo[cell_text] = parse_inline(cell_text, self.refs)
        return content


# --- the second fast path: cells that are only inline links ---------------------------------

# `[**Title**](url)` and `[Code](url), [Poster](url)`: labels and destinations without any
# character that could start other syntax (an inline link wins over a reference, so the
# document's references cannot change the result). tests/inline/test_parse_fast_paths.py proves the
# result equal to the slow path's.
_LABEL_CHARS = r"[^\\`*_\[\]!<>&~\n\r\x00]"
_LINK_SHAPE = (
    rf"\[(?:\*\*(?P<bold>{_LABEL_CHARS}+)\*\*|(?P<plain>{_LABEL_CHARS}*))\]"
    r"\((?P<url>[^\x00-\x20\x7f()<>\\`\[\]\"']*)\)"
)
_LINK_RE = re.compile(_LINK_SHAPE)
_SEPARATOR = r"[ \t]*,?[ \t]*"
_LINKS_ONLY_RE = re.compile(rf"(?:{_LINK_SHAPE}{_SEPARATOR})+")


def is_links_only(cell_text: str) -> bool:
    """Whether the cell is plain inline links only (``[**Title**](url)``, ``[a](u), [b](v)``):
    each ``[`` opens a link that closes in the cell, and no code span or tag starts."""
    return _LINKS_ONLY_RE.fullmatch(cell_text) is not None


def _parse_links_only(cell_text: str) -> InlineContent | None:
    """Text and links of a cell made of plain inline links only, or None for the slow path."""
    if not cell_text.startswith("[") or _LINKS_ONLY_RE.fullmatch(cell_text) is None:
        return None
    pieces: list[str] = []  # the cell's text: the labels and what separates them
    links: list[InlineLink] = []
    position = 0
    for match in _LINK_RE.finditer(cell_text):
        bold, plain, url = match.group("bold", "plain", "url")
        label = bold if bold is not None else plain
        # Between `[` and `]` (punctuation), `**` opens and closes strong emphasis exactly
        # when no space touches it on the inside (CommonMark's flanking rules).
        if bold is not None and (bold[0].isspace() or bold[-1].isspace()):
            return None
        if has_markdown_syntax(label):  # `http`, `www.`: an autolink literal
            return None
        start, end = match.span()
        pieces.append(cell_text[position:start])
        pieces.append(label)
        position = end
        span, url_span = _span(start, end), _span(*match.span("url"))
        links.append(InlineLink(_collapse(label), _decode(url), span, url_span, "inline", False))
    if len(links) == 1 and not pieces[0] and position == len(cell_text):
        text = links[0].label  # `[**Title**](url)`: one string serves the text and the label
    else:
        pieces.append(cell_text[position:])
        text = _collapse("".join(pieces))
    return InlineContent(text, tuple(links), (), True)


def _span(start: int, end: int) -> Span:
    """``Span(start, end)``, one object for each small span: a list has two per link, and
    offsets within a cell repeat across its rows (a span is an immutable pair of ints)."""
    if end >= _SHARED_SPAN_LIMIT:
        return _new_tuple(Span, (start, end))
    key = start * _SHARED_SPAN_LIMIT + end
    span = _SHARED_SPANS.get(key)
    if span is None:  # without NamedTuple's Python-level __new__
        span = _SHARED_SPANS[key] = _new_tuple(Span, (start, end))
    return span


# Spans ending below this are kept: at most 256 * 257 / 2 of them, a few MB at worst.
_SHARED_SPAN_LIMIT = 256
_SHARED_SPANS: dict[int, Span] = {}
_new_tuple = tuple.__new__


def _parse_markup(cell_text: str, refs: Mapping[str, str]) -> InlineContent:
    """The slow path: mistune for meaning, the scanner for offsets."""
    sources = _Scanner(cell_text, refs).scan()
    # GFM drops the backslash of every `\|` before inline parsing (GFM-TABLES.md §6).
    gfm_text = cell_text.replace("\\|", "|")
    too_deep = _max_bracket_depth(cell_text) > _MAX_BRACKET_DEPTH
    tokens = None if too_deep else _mistune_tokens(gfm_text, refs)
    if tokens is None:
        return _fallback(cell_text, sources)
    plain = _PlainText()
    plain.walk(tokens)
    text = plain.finish()
    links, images = _pair(plain.seen, sources)
    return InlineContent(text, tuple(links), tuple(images), has_markup=True)
