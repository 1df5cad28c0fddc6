"""A table cell's inline Markdown → plain text and links, as GitHub would read it.

This is the only module that imports mistune (DESIGN.md §2). mistune decides *what* a
cell means: its plain text and which links and images it holds. Its AST has no source
positions, so a small scanner of our own (``_scan``) finds *where* each link is, and the
two lists are paired in order. The scanner never decides what a link is: when it cannot
match one of mistune's links, the link is still reported, only without offsets.

Cells without any Markdown syntax skip mistune entirely (the fast path): most cells of a
paper table are plain names, venues and dataset lists.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from html.entities import html5
from typing import TYPE_CHECKING, Any, Literal

from ddlint.spans import Span

if TYPE_CHECKING:  # mistune itself is imported on first use (start-up time)
    import mistune
    from mistune.core import InlineState
    from mistune.inline_parser import InlineParser

LinkKind = Literal["inline", "reference", "autolink", "bare", "html"]


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


# --- small text helpers -------------------------------------------------------------------

_ASCII_PUNCT = r"!-/:-@\[-`{-~"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));"
_ENTITY_RE = re.compile(_ENTITY)
_ESCAPE_OR_ENTITY_RE = re.compile(rf"\\([{_ASCII_PUNCT}])|{_ENTITY}")
# Conservative: anything that could start inline syntax, an entity, a GFM autolink literal,
# or a line break sends the cell down the slow path.
_SYNTAX_RE = re.compile(r"[\\`*_\[\]!<>&~\n\r\x00]|http|www\.", re.IGNORECASE)


def _collapse(text: str) -> str:
    collapsed = " ".join(text.split())
    # The text itself when nothing changed: a cell's content then shares the cell's string.
    return text if collapsed == text else collapsed


def _entity(match: re.Match[str]) -> str:
    name = match.group(match.lastindex) if match.lastindex else None
    # html.unescape also accepts legacy names without ';' and prefixes like "&ampx;";
    # CommonMark only knows the full HTML5 names, so anything else stays literal.
    if name is not None and name + ";" not in html5:
        return match.group(0)
    return html.unescape(match.group(0))


def _decode_entities(text: str) -> str:
    return _ENTITY_RE.sub(_entity, text) if "&" in text else text


def _decode_one(match: re.Match[str]) -> str:
    return match.group(1) if match.group(1) is not None else _entity(match)


def _decode(raw: str) -> str:
    """Backslash escapes and entities of a destination or label, after GFM's ``\\|`` → ``|``."""
    raw = raw.replace("\\|", "|")
    return _ESCAPE_OR_ENTITY_RE.sub(_decode_one, raw) if ("\\" in raw or "&" in raw) else raw


def normalize_label(label: str) -> str:
    """CommonMark link-label matching: case-fold and collapse internal whitespace."""
    return _collapse(label).casefold()


def has_markdown_syntax(cell_text: str) -> bool:
    """False only when no inline syntax can start anywhere in ``cell_text``."""
    return _SYNTAX_RE.search(cell_text) is not None


_DEFINITION_RE = re.compile(
    r" {0,3}\[((?:[^\\\[\]]|\\.){1,999})\]:[ \t]*(?:<((?:[^<>\\\n]|\\.)*)>|(\S+))"
    r"""(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*"""
)


def parse_link_definitions(lines: Iterable[str]) -> dict[str, str]:
    """``[label]: url "title"`` lines → normalised label → url; the first definition wins."""
    refs: dict[str, str] = {}
    for line in lines:
        match = _DEFINITION_RE.fullmatch(line.rstrip("\r\n"))
        if match is None or match.group(1).startswith("^"):  # `[^1]:` is a GFM footnote
            continue
        key = normalize_label(match.group(1))
        if key:
            refs.setdefault(key, _decode(match.group(2) or match.group(3) or ""))
    return refs


# --- GFM autolink literals (shared by the mistune rule and the scanner) ---------------------

_BARE_START_RE = re.compile(r"https?://|www\.")
_DOMAIN_RE = re.compile(r"[\w-]+(?:\.[\w-]+)*")
_URL_BODY_RE = re.compile(r"[^\s<]*")
_URL_BODY_IN_BRACKETS_RE = re.compile(r"[^\s<\]]*")


def _trim_url_end(text: str, start: int, end: int) -> int:
    """GFM's extended autolink path validation: drop trailing punctuation, surplus ``)``
    and a trailing entity-like ``&name;``."""
    unmatched = text.count(")", start, end) - text.count("(", start, end)
    while end > start:
        char = text[end - 1]
        if char in "?!.,:*_~'\"":
            end -= 1
        elif char == ")" and unmatched > 0:
            end -= 1
            unmatched -= 1
        elif char == ";":
            back = end - 2
            while back > start and text[back].isascii() and text[back].isalnum():
                back -= 1
            end = back if back < end - 2 and text[back] == "&" else end - 1
        else:
            break
    return end


def _match_bare_url(text: str, start: int, in_brackets: bool) -> tuple[int, str] | None:
    """End and url of a GFM autolink literal (``https://…``, ``www.…``) at ``start``."""
    prefix = _BARE_START_RE.match(text, start)
    if prefix is None:
        return None
    before = text[start - 1] if start else " "
    www = prefix.group() == "www."
    if www and not (before.isspace() or before in "*_~("):
        return None
    if not www and before.isascii() and before.isalpha():  # "xhttps://" has no valid scheme
        return None
    domain = _DOMAIN_RE.match(text, start if www else prefix.end())
    if domain is None or domain.end() <= prefix.end():
        return None
    if any("_" in part for part in domain.group().split(".")[-2:]):
        return None
    body = _URL_BODY_IN_BRACKETS_RE if in_brackets else _URL_BODY_RE
    end = _trim_url_end(text, start, body.match(text, domain.end()).end())  # type: ignore[union-attr]
    if end <= prefix.end():
        return None
    url = _decode(text[start:end])
    return end, ("http://" + url if www else url)


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


# --- where links are: a linear scanner over the cell source ---------------------------------

_AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*)>")
_EMAIL_RE = re.compile(
    r"<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>"
)
_ATTRIBUTE = r"""\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_TAG_RE = re.compile(
    rf"<([A-Za-z][A-Za-z0-9-]*)(?:{_ATTRIBUTE})*\s*/?>|</([A-Za-z][A-Za-z0-9-]*)\s*>"
)
_HREF_RE = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_TAG_WINDOW = 2048  # no real tag is longer; bounds the work per '<' on hostile input
_INTERESTING_RE = re.compile(r"[\\`<!\[\]hw]")
_BACKTICKS_RE = re.compile(r"`+")
_SPACES_RE = re.compile(r"[ \t\n]*")
_DEST_CHUNK_RE = re.compile(r"[^\x00-\x20()\\\x7f]*")
_ANGLE_DEST_RE = re.compile(r"(?:[^<>\\\n]|\\.)*>")
_TITLE_RES = {
    '"': re.compile(r'"(?:[^"\\]|\\.)*"'),
    "'": re.compile(r"'(?:[^'\\]|\\.)*'"),
    "(": re.compile(r"\((?:[^()\\]|\\.)*\)"),
}
_REF_LABEL_RE = re.compile(r"((?:[^\\\[\]]|\\.){0,999})\]")
# Parentheses and escapes a destination may hold before the scanner gives up; keeps every
# scan short, so a cell of 50 000 `](` stays linear (mistune still finds such a link).
_MAX_DEST_STOPS = 32


def _html_href(tag: str) -> tuple[str, int, int] | None:
    match = _HREF_RE.search(tag)
    if match is None:
        return None
    group = match.lastindex or 1
    return html.unescape(match.group(group)), match.start(group), match.end(group)


def _parse_destination(text: str, start: int) -> int | None:
    """End of a non-angle link destination at ``start`` (balanced parentheses, escapes)."""
    pos, depth = start, 0
    for _ in range(_MAX_DEST_STOPS):
        pos = _DEST_CHUNK_RE.match(text, pos).end()  # type: ignore[union-attr]
        char = text[pos : pos + 1]
        if char == "\\":
            pos += 2 if re.match(rf"[{_ASCII_PUNCT}]", text[pos + 1 : pos + 2]) else 1
        elif char == "(" and depth < 32:
            depth, pos = depth + 1, pos + 1
        elif char == ")" and depth:
            depth, pos = depth - 1, pos + 1
        else:  # end of text, space, control character, or a ')' that closes the link
            return pos if depth == 0 and char != "(" else None
    return None


def _parse_link_tail(text: str, start: int) -> tuple[int, int, int] | None:
    """``(dest "title")`` after ``](``: destination start and end, and the end of the link."""
    pos = _SPACES_RE.match(text, start).end()  # type: ignore[union-attr]
    if text.startswith("<", pos):
        angle = _ANGLE_DEST_RE.match(text, pos + 1)
        if angle is None:
            return None
        dest_start, dest_end, pos = pos + 1, angle.end() - 1, angle.end()
    else:
        end = _parse_destination(text, pos)
        if end is None:
            return None
        dest_start, dest_end = pos, end
        pos = end
    after = _SPACES_RE.match(text, pos).end()  # type: ignore[union-attr]
    title_re = _TITLE_RES.get(text[after : after + 1])
    if title_re is not None and after > pos:
        title = title_re.match(text, after)
        if title is None:
            return None
        after = _SPACES_RE.match(text, title.end()).end()  # type: ignore[union-attr]
    if text.startswith(")", after):
        return dest_start, dest_end, after + 1
    return None


@dataclass
class _Source:
    """A link as found in the source text; mutable only while the scan runs."""

    kind: LinkKind
    span: Span
    url: str
    url_span: Span | None
    label_span: Span
    image: bool = False
    has_image: bool = False


@dataclass
class _Opener:
    start: int
    image: bool
    links_before: int  # a link closed since this '[' opened makes it inactive (CommonMark)
    nested: bool = False


class _Scanner:
    """Finds link sources in one left-to-right pass, mirroring mistune's precedence."""

    def __init__(self, text: str, refs: Mapping[str, str]) -> None:
        self.text = text
        self.refs = refs
        self.found: list[_Source] = []
        self.openers: list[_Opener] = []
        self.links_made = 0
        self.html_open: _Source | None = None
        self.in_anchor = False
        self.comments_closed = True
        self.runs: dict[int, list[int]] = {}
        for run in _BACKTICKS_RE.finditer(text):
            self.runs.setdefault(len(run.group()), []).append(run.start())

    def scan(self) -> list[_Source]:
        pos = 0
        while (match := _INTERESTING_RE.search(self.text, pos)) is not None:
            pos = self._step(match.start())
        if self.html_open is not None:  # an unclosed <a> runs to the end of the cell
            self._close_anchor(len(self.text), len(self.text))
        return _top_level(self.found)

    def _step(self, pos: int) -> int:
        text, char = self.text, self.text[pos]
        if char == "\\":
            return pos + (2 if re.match(rf"[{_ASCII_PUNCT}]", text[pos + 1 : pos + 2]) else 1)
        if char == "`":
            return self._code_span(pos)
        if char == "<":
            return self._angle(pos)
        if char in "![":
            image = char == "!"
            if image and not text.startswith("[", pos + 1):
                return pos + 1
            if self.openers:
                self.openers[-1].nested = True
            self.openers.append(_Opener(pos, image, self.links_made))
            return pos + 1 + image
        if char == "]":
            return self._close_bracket(pos)
        bare = _match_bare_url(text, pos, bool(self.openers))
        if bare is None:
            return pos + 1
        if not self.in_anchor:
            span = Span(pos, bare[0])
            self.found.append(_Source("bare", span, bare[1], span, span))
        return bare[0]

    def _code_span(self, pos: int) -> int:
        width = _BACKTICKS_RE.match(self.text, pos).end() - pos  # type: ignore[union-attr]
        starts = self.runs.get(width, [])
        index = bisect_right(starts, pos + width - 1)
        return starts[index] + width if index < len(starts) else pos + width

    def _angle(self, pos: int) -> int:
        text = self.text
        auto = _AUTOLINK_RE.match(text, pos)
        email = None if auto else _EMAIL_RE.match(text, pos)
        if auto or email:
            match = auto or email
            assert match is not None
            inner = Span(match.start(1), match.end(1))
            url = ("mailto:" if email else "") + match.group(1)
            if not self.in_anchor:
                self.found.append(_Source("autolink", Span(pos, match.end()), url, inner, inner))
            return match.end()
        if text.startswith("<!--", pos):
            close = text.find("-->", pos + 4) if self.comments_closed else -1
            self.comments_closed = close != -1  # no "-->" now means none later either
            return close + 3 if close != -1 else pos + 1
        tag = _TAG_RE.match(text, pos, min(len(text), pos + _TAG_WINDOW))
        if tag is None:
            return pos + 1
        name = (tag.group(1) or tag.group(2)).lower()
        if name == "a" and tag.group(1) and not self.in_anchor:
            self.in_anchor = True
            href = _html_href(tag.group())
            if href is not None:
                url_span = Span(pos + href[1], pos + href[2])
                self.html_open = _Source("html", Span(pos, pos), href[0], url_span, Span(0, 0))
                self.html_open.label_span = Span(tag.end(), tag.end())
        elif name == "a" and tag.group(2):
            self._close_anchor(pos, tag.end())
        elif name == "img" and self.html_open is not None:
            self.html_open.has_image = True
        return tag.end()

    def _close_anchor(self, close_start: int, end: int) -> None:
        self.in_anchor = False
        if self.html_open is not None:
            source, self.html_open = self.html_open, None
            source.span = Span(source.span.start, end)
            source.label_span = Span(source.label_span.start, close_start)
            self.found.append(source)

    def _close_bracket(self, pos: int) -> int:
        if not self.openers:
            return pos + 1
        opener = self.openers.pop()
        if not opener.image and (opener.links_before != self.links_made or self.in_anchor):
            return pos + 1
        label = Span(opener.start + 1 + opener.image, pos)
        tail = _parse_link_tail(self.text, pos + 2) if self.text.startswith("(", pos + 1) else None
        if tail is not None:
            dest = Span(tail[0], tail[1])
            url = _decode(dest.slice(self.text))
            return self._add(
                _Source("inline", Span(opener.start, tail[2]), url, dest, label), opener
            )
        reference = self._reference(opener, label) if self.refs else None
        if reference is not None:
            url = self.refs[reference[0]]
            return self._add(
                _Source("reference", Span(opener.start, reference[1]), url, None, label), opener
            )
        return pos + 1

    def _add(self, source: _Source, opener: _Opener) -> int:
        source.image = opener.image
        self.found.append(source)
        self.links_made += not opener.image
        return source.span.end

    def _reference(self, opener: _Opener, label: Span) -> tuple[str, int] | None:
        """``[t][ref]``, ``[t][]`` or ``[ref]``: the normalised key and the end, if defined."""
        after = label.end + 1
        full = (
            _REF_LABEL_RE.match(self.text, after + 1) if self.text.startswith("[", after) else None
        )
        if full is not None and full.group(1):
            key, end = full.group(1), full.end()
        elif opener.nested or len(label) > 999:
            return None
        else:
            key, end = label.slice(self.text), full.end() if full is not None else after
        key = normalize_label(key.replace("\\|", "|"))
        return (key, end) if key in self.refs else None


def _top_level(found: list[_Source]) -> list[_Source]:
    """Drop sources inside another link (an image inside one makes it a badge)."""
    found.sort(key=lambda source: (source.span.start, -source.span.end))
    top: list[_Source] = []
    for source in found:
        if top and source.span.start < top[-1].span.end:
            if source.image and not top[-1].image:
                top[-1].has_image = True
            continue
        top.append(source)
    return top


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
        return InlineContent(_collapse(cell_text), (), (), has_markup=False)
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
# document's references cannot change the result). tests/test_fast_paths.py proves the
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
    parts: list[str] = []
    links: list[InlineLink] = []
    position = 0
    for match in _LINK_RE.finditer(cell_text):
        bold = match.group("bold")
        label = bold if bold is not None else match.group("plain")
        # Between `[` and `]` (punctuation), `**` opens and closes strong emphasis exactly
        # when no space touches it on the inside (CommonMark's flanking rules).
        if bold is not None and (bold[0].isspace() or bold[-1].isspace()):
            return None
        if _SYNTAX_RE.search(label) is not None:  # `http`, `www.`: an autolink literal
            return None
        parts.append(cell_text[position : match.start()])
        parts.append(label)
        position = match.end()
        url_span = Span(match.start("url"), match.end("url"))
        span = Span(match.start(), match.end())
        url = _decode(match.group("url"))
        links.append(InlineLink(_collapse(label), url, span, url_span, "inline", False))
    parts.append(cell_text[position:])
    return InlineContent(_collapse("".join(parts)), tuple(links), (), has_markup=True)


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
