"""DD502 title-mismatch: a row's title is not its paper's.

## What it does
With `--check-metadata`, reports paper rows whose title is a near miss of the title
of the paper their link names (arXiv, Crossref or OpenReview): beyond case,
punctuation, spacing and markup, one or two words misspelt, or the title cut short.
A title that differs more is not reported: papers are often renamed when published
(DBLP may not know the new name), and a wholly other title is more likely a label
than a typo. A title that matches the published version's (DBLP) is not reported.
Titles too short to name a paper (`Paper`, a model's name) are left alone.

## Why is this bad?
Readers search for the title; a misspelt or cut-off one finds nothing, and it hints
that the link may point at another paper.

## Example
```markdown
| Title | Venue |
|---|---|
| [Meadow Prios for Few-Shot Segmentation](https://arxiv.org/abs/2305.00044) | arXiv, May, 2023 |
```

## Use instead
```markdown
| Title | Venue |
|---|---|
| [Meadow Priors for Few-Shot Segmentation](https://arxiv.org/abs/2305.00044) | arXiv, May, 2023 |
```

## Fix safety
Unsafe: it rewrites the title text (its link and emphasis stay), and the list's
author may have shortened the title on purpose. Information only; there is no fix
when the title's text cannot be found once in its cell, or when the paper's title
holds what Markdown reads as syntax (`|`, `*`, `_`, `<`, a backslash, …), which a
person writes better than a fix would.

## Options
None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddlint.records.identity import MIN_TITLE_WORDS, is_real_title, loose_key
from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.rules.fields._fields import cell_span
from ddlint.rules.metadata._metadata import SOURCE_NAMES, described, looked_up, published
from ddlint.text.findings import Edit, Finding, Fix, Severity
from ddlint.text.spans import Span


class TitleMismatch(Rule):
    __doc__ = __doc__
    code = "DD502"
    name = "title-mismatch"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "unsafe"
    severity = Severity.INFO
    network = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for found in looked_up(ctx):
            paper = described(found)
            title = found.paper.title
            if paper is None or not is_real_title(title):
                continue
            mine = loose_key(title)
            if mine == loose_key(paper.title) or not near_miss(title, paper.title):
                continue
            publication = published(found)
            if publication is not None and mine == loose_key(publication.title):
                continue
            source = SOURCE_NAMES.get(paper.source, paper.source)
            yield ctx.finding(
                self,
                cell_span(found.record, "title"),
                f"Title differs from the paper's on {source}: `{paper.title}`",
                fix=_fix(ctx, found.record.cell("title"), title, paper.title),
            )


def near_miss(written: str, real: str) -> bool:
    """``written`` is ``real`` cut short (by whole words, at least three kept), or has at
    most two of its words misspelt (each still mostly the same letters)."""
    mine, theirs = _words(written), _words(real)
    if len(mine) >= MIN_TITLE_WORDS and len(mine) < len(theirs) and theirs[: len(mine)] == mine:
        return True
    if len(mine) != len(theirs):
        return False
    from difflib import SequenceMatcher  # only --check-metadata needs it (start-up time)

    wrong = [(a, b) for a, b in zip(mine, theirs) if a != b]
    return 0 < len(wrong) <= 2 and all(SequenceMatcher(None, a, b).ratio() >= 0.6 for a, b in wrong)


def _words(title: str) -> list[str]:
    return [key for word in title.split() if (key := loose_key(word))]


# What Markdown would read as syntax in the title the source gives (a pipe ends the
# cell, ``<Masks>`` is hidden as raw HTML, a trailing backslash undoes the closing
# ``**``): such a title is left to a person, not written as it stands.
_MARKDOWN = re.compile(r"[|*\[\]\\<>_`&~]")


def _fix(ctx: RuleContext, cell: object, old: str, new: str) -> Fix | None:
    span = getattr(cell, "span", None)
    if not isinstance(span, Span) or _MARKDOWN.search(new):
        return None
    text = ctx.text[span.start : span.end]
    if text.count(old) != 1:
        return None
    start = span.start + text.index(old)
    return unsafe_fix("write the paper's title", Edit(Span(start, start + len(old)), new))


RULE = TitleMismatch
