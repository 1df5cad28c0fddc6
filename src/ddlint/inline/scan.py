"""Where the links of a cell are: a linear scanner over the cell's source.

mistune (behind ``inline.py``) decides what a cell means but keeps no source
positions; this scanner finds where each link, autolink and bare URL sits, so
fixes can edit exactly the URL. It also holds the text rules both sides share:
backslash escapes, HTML entities, and GFM's autolink literals. Every step is
bounded, so hostile cells (deep brackets, endless parentheses) stay linear.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.entities import html5
from typing import Literal

from ddlint.text.spans import Span

LinkKind = Literal["inline", "reference", "autolink", "bare", "html"]

# --- small text helpers -------------------------------------------------------------------

_ASCII_PUNCT = r"!-/:-@\[-`{-~"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));"
_ENTITY_RE = re.compile(_ENTITY)
_ESCAPE_OR_ENTITY_RE = re.compile(rf"\\([{_ASCII_PUNCT}])|{_ENTITY}")
# Conservative: anything that could start inline syntax, an entity, a GFM autolink literal,
# or a line break sends the cell down the slow path: these characters, or `http`, `www.`
# in any case. Not one re.IGNORECASE pattern: that is several times slower on the cells
# that match nothing, most of them (tests/test_fast_paths.py proves the two equal).
_SYNTAX_CHAR_RE = re.compile(r"[\\`*_\[\]!<>&~\n\r\x00]")


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
    if _SYNTAX_CHAR_RE.search(cell_text) is not None:
        return True
    # `http` and `www.` in any case, as re.IGNORECASE matches them: no character but
    # H, T, P and W lowers to h, t, p or w, and "." has no case.
    lowered = cell_text.lower()
    return "http" in lowered or "www." in lowered


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
