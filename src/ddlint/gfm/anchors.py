"""Heading anchors as github.com computes them (GFM-TABLES.md §11).

cmark-gfm emits no heading ids; GitHub's own pipeline adds ``id="user-content-<slug>"``
and its JavaScript maps ``#slug`` to it. The slug follows html-pipeline's
``TableOfContentsFilter``: the heading's rendered text, ASCII letters down-cased
(``Θ`` stays), every character outside ``[\\p{Word}\\- ]`` removed, each space turned
into ``-`` (runs not collapsed). Duplicates get ``-1``, ``-2``, … skipping suffixes
already taken, as observed on github.com (github-slugger's algorithm).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from ddlint.inline.parse import has_markdown_syntax, parse_inline

USER_CONTENT = "user-content-"
_JOIN_CONTROLS = frozenset({"\u200c", "\u200d"})
# `<a name="x">`, `<a id="x">`, `<h2 id="x">`: explicit targets, also reached as `#x`.
_HTML_ID = re.compile(r"""<[A-Za-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


# A Markdown image as badges write it: `![alt](url)`, `![alt](url "title")`.
_IMAGE = re.compile(
    r"!\[(?:[^\[\]\\]|\\.)*\]\((?:[^()\\\s]|\\.|\([^()\s]*\))*"
    r"""(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)"""
)
# Not text, not space: what an image leaves in a heading's text (WORD JOINER, a format
# character, which ``slugify`` removes like punctuation).
_NO_TEXT = "\u2060"


def _is_word(char: str) -> bool:
    """Onigmo's ``\\p{Word}``: letters, marks, decimal and letter numbers, connectors."""
    if char.isascii():
        return char.isalnum() or char == "_"
    category = unicodedata.category(char)
    return category[0] in "LM" or category in ("Nd", "Nl", "Pc") or char in _JOIN_CONTROLS


def slugify(text: str) -> str:
    """The anchor of a heading whose rendered plain text is ``text`` (before de-duplication)."""
    lowered = "".join(c.lower() if c.isascii() else c for c in text.strip())
    kept = "".join(c for c in lowered if c in "- " or _is_word(c))
    return kept.replace(" ", "-")


def document_anchors(texts: Iterable[str]) -> list[str]:
    """The anchors of a document's headings, in order, with GitHub's duplicate suffixes."""
    taken: dict[str, int] = {}
    anchors: list[str] = []
    for text in texts:
        base = slug = slugify(text)
        while slug in taken:
            taken[base] += 1
            slug = f"{base}-{taken[base]}"
        taken[slug] = 0
        anchors.append(slug)
    return anchors


def heading_plain_text(source: str, refs: Mapping[str, str] | None = None) -> str:
    """A heading's rendered text: markup dropped, code-span and link text kept, images
    dropped (the anchor is the heading's text content, and an ``<img>`` has none: a
    badge's alt text is not in it, github/markup#1008).

    Without any inline syntax the source is the text itself, spaces uncollapsed; with
    markup, ``parse_inline`` collapses runs of spaces (a rare difference in a heading).
    An image becomes ``_NO_TEXT``, which ``slugify`` drops, so the space before a badge
    that ends the heading still gives its ``-`` (`# Awesome [![a](b)](c)` → `awesome-`).
    """
    if not has_markdown_syntax(source):
        return source.strip()
    if "![" in source:
        source = _IMAGE.sub(_NO_TEXT, source)
    return parse_inline(source, refs).text


def html_ids(line: str) -> list[str]:
    """Explicit ``id``/``name`` targets in raw HTML on one line."""
    if "<" not in line:
        return []
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _HTML_ID.finditer(line)]
