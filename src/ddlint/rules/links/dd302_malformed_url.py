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
  or an unclosed `[Code](https://…` shown as literal text.

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
from collections.abc import Iterator
from functools import lru_cache

from ddlint.inline.parse import InlineContent
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
_UNPARSED = re.compile(r"\]\s+\((?:https?://|www\.)|\]\((?:https?://|www\.)")


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
                if cell is None or content is None or "]" not in cell.text:
                    continue  # every unparsed link starts at a `]`
                if not _bracket_outside_links(cell.text, content):
                    continue
                spans = [link.span for link in content.links]
                for match in _UNPARSED.finditer(cell.text):
                    if not any(span.start <= match.start() < span.end for span in spans):
                        yield ctx.finding(
                            self,
                            Span(cell.span.start, cell.span.end),
                            "A link here did not parse (a space between `]` and `(`, or "
                            "no closing `)`): GitHub shows the raw Markdown",
                        )
                        break


def _bracket_outside_links(text: str, content: InlineContent) -> bool:
    """Whether a ``]`` of the cell lies outside its links: where an unparsed link would
    start (every ``_UNPARSED`` match does). Most cells are links and separators only."""
    position = 0
    for link in content.links:
        start, end = link.span
        if start >= position and text.find("]", position, start) >= 0:
            return True
        position = max(position, end)
    return text.find("]", position) >= 0


RULE = MalformedUrl
