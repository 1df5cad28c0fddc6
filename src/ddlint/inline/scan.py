"""Where the links of a cell are: a linear scanner over the cell's source.

mistune (behind ``inline.parse``) decides what a cell means but keeps no source
positions; this scanner finds where each link, autolink and bare URL sits, so
fixes can edit exactly the URL. The text rules both sides share (backslash escapes,
HTML entities, GFM's autolink literals) are in ``inline.syntax``. Every step is
bounded, so hostile cells (deep brackets, endless parentheses) stay linear.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ddlint.inline.syntax import _ASCII_PUNCT, _decode, _match_bare_url, normalize_label
from ddlint.text.spans import Span

LinkKind = Literal["inline", "reference", "autolink", "bare", "html"]

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
