"""The text rules mistune's side and the link scanner share.

Backslash escapes, HTML entities, link labels and definitions, and GFM's autolink
literals: ``inline.parse`` reads a cell's meaning with them and ``inline.scan`` finds
where its links are, so both decode a URL and recognise a bare one the same way. Every
step is bounded, so hostile cells stay linear.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterable
from html.entities import html5

# --- small text helpers -------------------------------------------------------------------

_ASCII_PUNCT = r"!-/:-@\[-`{-~"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));"
_ENTITY_RE = re.compile(_ENTITY)
_ESCAPE_OR_ENTITY_RE = re.compile(rf"\\([{_ASCII_PUNCT}])|{_ENTITY}")
# Conservative: anything that could start inline syntax, an entity, a GFM autolink literal,
# or a line break sends the cell down the slow path: these characters, or `http`, `www.`
# in any case. Not one re.IGNORECASE pattern: that is several times slower on the cells
# that match nothing, most of them (tests/inline/test_parse_fast_paths.py proves the two equal).
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


# --- HTML comments (in-cell suppression comments) -----------------------------------------

_COMMENT_OR_CODE_RE = re.compile(r"\\.|`+|<!--", re.DOTALL)
_BACKTICK_RUN_RE = re.compile(r"`+")


def html_comment_spans(cell_text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each inline HTML comment in ``cell_text``, as GitHub reads the
    cell: not inside a code span, not after a backslash. ``<!-->`` and ``<!--->`` are
    comments; otherwise a comment runs to the first ``-->`` its body may end at
    (``_COMMENT_REST_RE``). Once an opener finds no end, cmark-gfm tries no later opener
    of the cell: they are text."""
    spans: list[tuple[int, int]] = []
    if "<!--" not in cell_text:
        return spans
    closers = _CodeSpanClosers(cell_text)
    pos = 0
    while (match := _COMMENT_OR_CODE_RE.search(cell_text, pos)) is not None:
        token = match.group()
        if token.startswith("\\"):
            pos = match.end()
        elif token.startswith("`"):
            close = closers.find(match.end(), len(token))
            pos = close + len(token) if close is not None else match.end()
        else:
            end = _comment_end(cell_text, match.end())
            if end is None:
                break
            spans.append((match.start(), end))
            pos = end
    return spans


def _comment_end(text: str, start: int) -> int | None:
    """The end of the comment whose ``<!--`` ends at ``start``, or None when it has none
    (cmark-gfm's scanner: the first ``-->`` its body grammar reaches)."""
    for short in (">", "->"):  # `<!-->` and `<!--->`
        if text.startswith(short, start):
            return start + len(short)
    found = _COMMENT_REST_RE.match(text, start)
    return found.end() if found is not None else None


# A comment's body and end: no `-->` inside it, and `--` only before a character other
# than `>`. Each character chooses one branch, so a failed match costs one pass.
_COMMENT_REST_RE = re.compile(r"(?:[^-]|-[^-]|--[^>])*?-->", re.DOTALL)


class _CodeSpanClosers:
    """Where a code span opened by a run of backticks closes, found as cmark-gfm finds
    it: the next run of as many backticks, with its memo of the last run of each length
    seen. Once one search has read to the end of the text, a run whose length was last
    seen before the opener has no closer, even where a later run of that length exists
    (a later search overwrote the memo with an earlier run): GitHub shows such an opener
    as text, and what follows it is read on."""

    def __init__(self, text: str) -> None:
        self.runs = [(m.start(), m.end() - m.start()) for m in _BACKTICK_RUN_RE.finditer(text)]
        self.starts = [start for start, _ in self.runs]
        self.last_seen: dict[int, int] = {}
        self.read_to_end = False

    def find(self, opener_end: int, length: int) -> int | None:
        if self.read_to_end and self.last_seen.get(length, -1) < opener_end:
            return None
        for start, run in self.runs[bisect_left(self.starts, opener_end) :]:
            self.last_seen[run] = start
            if run == length:
                return start
        self.read_to_end = True
        return None
