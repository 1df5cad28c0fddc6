"""A title cell → the paper's title, its link, the cell's other links and, in a
``Title & Authors`` cell, the authors' text.

Lists put much around a title: star and venue badges (``[![Star](…svg)](repo)``),
images, emoji and ``:star:`` shortcodes, ``<br>`` lines with the authors or a summary,
a numbering (``3)``), a nickname (``[Mooncake] Mooncake: …``) or the lab (``(@Org)``).
The cell is read line by line (``<br>`` ends a line): the title is on the first line
that says something once badges, images, empty-target links and emoji are set aside,
preferring a line that holds a link with a title for a label. An image is never the
title, nor its link the paper's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ddlint.inline.parse import InlineContent, InlineLink, parse_inline

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_SHORTCODE = re.compile(r"^:[a-z0-9_+\-]+:|:[a-z0-9_+\-]+:$", re.IGNORECASE)
# Characters that decorate a title's ends: emoji and other symbols, joiners and
# variation selectors, spaces. A title's own symbols inside it stay.
_DECOR_CATEGORIES = frozenset({"So", "Sk", "Cf", "Mn", "Me", "Cs", "Zs", "Co"})
_NUMBERING = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")
# `**Title** - what it does`: a bold title led into a summary (a dash between them).
_BOLD_LEAD = re.compile(
    r"^\s*(?:\d{1,3}[.)]\s*)?(?P<mark>\*\*|__)(?P<title>[^*_].*?)(?P=mark)"
    r"(?:(?P<dash>\s+[-–—]\s+)|\s*:?\s*)(?P<rest>\S.*)$",
    re.DOTALL,
)
# `Title  This paper introduces …`: two spaces between a title and a long summary.
_WIDE_GAP = re.compile(r"\S(?P<gap>[ \t]{2,})\S")
_SUMMARY_MIN = 80  # characters: a summary, not a title cut in two by a stray space
# `[Mooncake] Mooncake: A KV Cache …`: a nickname in brackets before a title of 3+ words.
_NICKNAME = re.compile(r"^\[[^\[\]]{1,40}\]\s+(?=\S+\s+\S+\s+\S)")
_LAB = re.compile(r"\s*\(@[^()]*\)$")  # `… Serving(@Moonshot AI)`: the lab, not the title

PAPER_LABELS = frozenset({"pdf", "paper", "arxiv", "link", "openreview", "doi", "url"})

Parse = Callable[[str], InlineContent]


class TitleCell(NamedTuple):
    title: str
    url: str | None  # the paper's link: the title's own, never an image's
    others: tuple[InlineLink, ...]  # the cell's other links that go somewhere
    authors: str  # source text of the authors, in a `Title & Authors` cell


def is_paper_label(label: str) -> bool:
    return label.strip(" []()").lower() in PAPER_LABELS


def read_title(text: str, content: InlineContent, parse: Parse, with_authors: bool) -> TitleCell:
    """Read the title cell ``text`` (``content`` is its parse, ``parse`` the document's
    cell parser; ``with_authors``: a ``Title & Authors`` cell)."""
    if not with_authors and _plain_cell(text, content):
        title, link, _ = _line_title(text, content, with_authors=False)
        return _cell(title, link, content, "")
    lines: list[tuple[str, InlineContent]] = []
    for line in _BR.split(text):
        parsed = parse(line)
        clean = _without_badges(line, parsed)
        lines.append((clean, parse(clean) if clean != line else parsed))
    telling = [i for i, (_, parsed) in enumerate(lines) if tidy_title(parsed.text)]
    chosen = next((i for i in telling if _title_link(lines[i][1].links)), None)
    if chosen is None and telling:
        chosen = telling[0]
    if chosen is None:  # only badges and images: no title; their links stay links
        return _cell("", None, content, "")
    title, link, rest = _line_title(*lines[chosen], with_authors)
    authors = ""
    if with_authors:
        others = [i for i in telling if i > chosen] + [i for i in telling if i < chosen]
        authors = rest if tidy_title(rest) or not others else lines[others[0]][0]
    return _cell(title, link, content, authors)


def _cell(title: str, link: InlineLink | None, content: InlineContent, authors: str) -> TitleCell:
    if link is None:  # `**Title** <br> [arXiv](…)`: the paper's link on another line
        link = next((o for o in content.links if o.url.strip() and not o.has_image), None)
    others: list[InlineLink] = []
    chosen = (link.url, link.label) if link is not None else None
    for other in content.links:
        if not other.url.strip():
            continue
        if chosen is not None and (other.url, other.label) == chosen:
            chosen = None  # the paper's link itself, once
            continue
        others.append(other)
    return TitleCell(
        tidy_title(title), link.url if link is not None else None, tuple(others), authors
    )


def _plain_cell(text: str, content: InlineContent) -> bool:
    """No line break, image or badge: the cell is one title line (the common case)."""
    if content.images or any(link.has_image for link in content.links):
        return False
    return "<" not in text or _BR.search(text) is None


def _title_link(links: Sequence[InlineLink]) -> InlineLink | None:
    """The first link that may carry a title: it goes somewhere, is no image and has a
    label other than `pdf` or `paper`."""
    for link in links:
        if link.url.strip() and not link.has_image and link.label.strip():
            return None if is_paper_label(link.label) else link
    return None


def _without_badges(line: str, parsed: InlineContent) -> str:
    """The line's source without its images, links around images and empty-target links
    (those the scanner placed): none of them is the title."""
    badges = [*parsed.images, *(o for o in parsed.links if o.has_image or not o.url.strip())]
    cuts = sorted((o.span.start, o.span.end) for o in badges if o.span.start < o.span.end)
    if not cuts:
        return line
    kept: list[str] = []
    position = 0
    for start, end in cuts:
        if start < position:  # nested in a cut already made
            continue
        kept.append(line[position:start])
        position = end
    kept.append(line[position:])
    return " ".join(part.strip() for part in kept if part.strip())


def _line_title(
    source: str, parsed: InlineContent, with_authors: bool
) -> tuple[str, InlineLink | None, str]:
    """One line's title, the paper's link, and the source of what follows the title
    (the authors, in a ``Title & Authors`` cell)."""
    text = parsed.text
    linked = [link for link in parsed.links if link.url.strip() and not link.has_image]
    first = linked[0] if linked else None
    if first is not None and _is_title_link(first, text, with_authors):
        rest = ""
        if first.span.start < first.span.end:
            rest = source[first.span.end :]
            if not tidy_title(rest):
                rest = source[: first.span.start]
        return first.label, first, rest
    for link in linked:  # `Title [pdf]` or `Title <a href=…>paper</a>`: the label is no title
        if is_paper_label(link.label) and text.rstrip().endswith(link.label):
            text = text.rstrip()[: -len(link.label)]
    title, rest = _lead(source, text)
    return title, first, rest


def _lead(source: str, text: str) -> tuple[str, str]:
    """A title led into a summary (or the authors) in one line: the title, and the
    source of the rest."""
    bold = _BOLD_LEAD.match(source)
    if bold is not None and (
        bold.group("dash") or _is_summary(bold.group("title"), bold.group("rest"))
    ):
        return parse_inline(bold.group("title")).text, bold.group("rest")
    stripped = source.strip()
    gap = _WIDE_GAP.search(stripped)
    if gap is not None:
        head, tail = stripped[: gap.start("gap")], stripped[gap.end("gap") :]
        if _is_summary(head, tail):
            return parse_inline(head).text, tail
    return text, ""


def _is_summary(head: str, tail: str) -> bool:
    """Whether ``tail`` is a summary after the title ``head``, not the rest of the title
    (`**ResNet**: Deep Residual Learning`) cut off by a stray space or emphasis."""
    return len(tail) >= max(_SUMMARY_MIN, 2 * len(head))


def _is_title_link(link: InlineLink, text: str, with_authors: bool) -> bool:
    """Whether the line's first link carries the title: `[**Title**](url)` is (most of)
    the line, `Title [[pdf]](url)` keeps its text; beside the authors, it is the title."""
    if not link.label.strip() or is_paper_label(link.label):
        return False
    return with_authors or len(link.label.strip()) >= len(text.strip()) * 0.5


def tidy_title(title: str) -> str:
    """The title without what decorates it: emoji, shortcodes, a numbering, a nickname
    in brackets, the lab."""
    previous = None
    title = title.strip()
    while title != previous:
        previous = title
        title = _SHORTCODE.sub("", title)
        start, end = 0, len(title)
        while start < end and unicodedata.category(title[start]) in _DECOR_CATEGORIES:
            start += 1
        while end > start and unicodedata.category(title[end - 1]) in _DECOR_CATEGORIES:
            end -= 1
        title = title[start:end]
    title = _NUMBERING.sub("", title)
    title = _NICKNAME.sub("", title)
    return _LAB.sub("", title).strip()
