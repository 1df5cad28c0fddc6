"""DD302 malformed-url: a link target that is not a working URL.

## What it does
Checks every link target of a paper row, and every `[label](` that did not become
a link:

- a web address without a scheme (`www.x.org/…`, `github.com/a/b`): GitHub takes it
  for a path inside the repository;
- a broken scheme (`http:/x`, `https//x`, `http:///x`) or no valid host
  (`https://https://x`, `https://exa mple.org`);
- a scheme GitHub's sanitizer removes (it keeps `http`, `https`, `mailto` and
  relative targets; `javascript:`, `ftp:`, `doi:` lose their link);
- spaces in the target;
- a link that did not parse: `[Code] (https://…)` (a space before the parenthesis),
  or an unclosed `[Code](https://…` shown as literal text. The cell is judged by the
  text GitHub shows for it: a badge image (`![Star](https://img.shields.io/…)`) or a
  link beside a `]` is rendered, not raw, and link Markdown inside a code span is
  written that way on purpose.

Relative paths (`docs/x.md`, `./paper.pdf`, `../x`) and `#fragments` are valid here;
DD306 checks fragments.

## Why is this bad?
GitHub shows the label as a link to a 404 page in the repository, a link that does
nothing, or the raw Markdown.

## Example
```markdown
| Author | Title | Venue | Code |
|---|---|---|---|
| Ada et al | [**Engine**](arxiv.org/abs/2201.001) | ICML, 2022 | [Code] (https://x.org/e) |
```

## Use instead
```markdown
| Author | Title | Venue | Code |
|---|---|---|---|
| Ada et al | [**Engine**](https://arxiv.org/abs/2201.001) | ICML, 2022 | [Code](https://x.org/e) |
```

## Fix safety
No fix: the intended address cannot be known for sure.

## Options
None.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from functools import lru_cache

from ddlint.inline.parse import InlineContent, parse_inline
from ddlint.inline.urls import split_url
from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.links._links import paper_links
from ddlint.text.findings import Finding
from ddlint.text.spans import Span

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_KEPT_SCHEMES = frozenset({"http", "https", "mailto"})
_BROKEN_HTTP = re.compile(r"https?(?::/?(?!/)|//|:///)", re.IGNORECASE)
_TLDS = "com|org|net|io|edu|gov|ai|cc|co|dev|info|me|app|uk|de|fr|cn|jp|press|science"
_BARE_HOST = re.compile(rf"(?:www\.|(?:[a-z0-9\-]+\.)+(?:{_TLDS})(?:[/:?#]|$))", re.IGNORECASE)
_HOST = re.compile(
    r"(?:[^@/]*@)?(?:[A-Za-z0-9\-]+\.)+[A-Za-z0-9\-]+\.?(?::\d*)?|localhost(?::\d*)?"
)
# Link Markdown left as text: `]`, then `(` and a web address, spaces allowed between.
_RAW_LINK = re.compile(r"\]\s*\(\s*(?:https?://|www\.)", re.IGNORECASE)
_BACKTICKS = re.compile(r"`+")


# An ordinary web link, ``http(s)://host.name/…`` with no space: none of ``problem``'s
# tests can fail for it (tests/rules/links/test_dd302_malformed_url.py), so most links skip them.
_PLAIN_WEB_URL = re.compile(r"https?://(?:[A-Za-z0-9\-]+\.)+[A-Za-z0-9\-]+(?:[/?#]\S*)?")


@lru_cache(maxsize=1 << 12)
def problem(url: str) -> str | None:
    """What is wrong with a link target, or None."""
    if _PLAIN_WEB_URL.fullmatch(url):
        return None
    return _problem(url)


def _problem(url: str) -> str | None:
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    if " " in url:
        return "has a space in it; write it as %20"
    if _BROKEN_HTTP.match(url):
        return "has a broken scheme; write `https://host/…`"
    scheme = _SCHEME.match(url)
    if scheme is None:
        if _BARE_HOST.match(url):
            return "has no scheme: GitHub takes it for a path in the repository; add `https://`"
        return None
    name = scheme.group()[:-1].lower()
    if name not in _KEPT_SCHEMES:
        return f"uses `{name}:`, which GitHub removes: the label is shown without a link"
    if name != "mailto" and not _HOST.fullmatch(split_url(url).netloc):
        return "has no valid host"
    return None


class MalformedUrl(Rule):
    __doc__ = __doc__
    code = "DD302"
    name = "malformed-url"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        links = paper_links(ctx)
        problems = {i: found for i, found in enumerate(map(problem, links.urls)) if found}
        for row, record in enumerate(links.records):
            for index in links.of_row(row) if problems else ():
                if index in problems:
                    located = links.locate(index)
                    label = located.link.label or located.link.url
                    yield ctx.finding(
                        self, located.where, f"The target of `{label}` {problems[index]}"
                    )
            for cell, content in zip(record.cells, record.contents):
                if cell is None or content is None:
                    continue
                if shows_raw_link(cell.text, content, ctx.records.link_definitions):
                    yield ctx.finding(
                        self,
                        Span(cell.span.start, cell.span.end),
                        "A link here did not parse (a space between `]` and `(`, or "
                        "no closing `)`): GitHub shows the raw Markdown",
                    )


def shows_raw_link(source: str, content: InlineContent, refs: Mapping[str, str]) -> bool:
    """Whether the text GitHub shows for a cell holds link Markdown, ``](https://…`` or
    ``] (www.…``, outside code spans (written there on purpose).

    The shown text is the parser's (``content.text``): a link shows its label, an image
    its alt text, so a badge image or a valid link beside a `]` is never taken for an
    unparsed one, whichever order they come in. Code spans bind before links do
    (CommonMark), so a cell with one is read again with its code spans blanked out."""
    if _RAW_LINK.search(content.text) is None:
        return False  # most cells: no raw `](` is left once links are read
    if "`" in source:
        without_code = _blank_code_spans(source, _link_targets(content))
        if without_code != source:
            return _RAW_LINK.search(parse_inline(without_code, refs).text) is not None
    return True


def _link_targets(content: InlineContent) -> list[Span]:
    """Where the cell's link targets are: a backtick there is part of a URL, not code."""
    found: list[Span] = []
    for link in (*content.links, *content.images):
        if link.kind in ("bare", "autolink"):
            found.append(link.span)
        elif link.url_span is not None:
            found.append(link.url_span)
    return found


def _blank_code_spans(source: str, targets: list[Span]) -> str:
    """``source`` with the text of each code span (CommonMark: a run of backticks not
    escaped opens one, closed by the next run of the same length) replaced by ``x``."""
    targets = sorted(targets)
    runs: list[tuple[int, int]] = []
    target = 0
    for run in _BACKTICKS.finditer(source):
        while target < len(targets) and targets[target].end <= run.start():
            target += 1
        if target == len(targets) or run.start() < targets[target].start:
            runs.append(run.span())
    runs_by_width: dict[int, list[tuple[int, int]]] = {}
    for start, end in runs:
        runs_by_width.setdefault(end - start, []).append((start, end))
    pieces: list[str] = []
    position = 0
    for start, end in runs:
        if start < position:
            continue  # inside the last code span
        before = start
        while before and source[before - 1] == "\\":
            before -= 1
        start += (start - before) % 2  # `\`` escapes one backtick; the rest open a span
        same = runs_by_width.get(end - start, [])
        index = bisect_right(same, (end, end))  # a closing run has no escapes
        if start == end or index == len(same):
            continue
        closing = same[index][1]
        pieces.append(source[position:start])
        pieces.append("x" * (closing - start))
        position = closing
    pieces.append(source[position:])
    return "".join(pieces)


RULE = MalformedUrl
