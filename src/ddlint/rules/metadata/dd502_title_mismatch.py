"""DD502 title-mismatch: a row's title is not its paper's.

## What it does
With `--check-metadata`, reports paper rows whose title differs from the title of
the paper their link names (arXiv, Crossref or OpenReview) beyond case, punctuation,
spacing and markup: a typo, a truncation, a word missing. A title that matches the
published version's (DBLP) is not reported: papers are often renamed when published.
Titles too short to name a paper (`Paper`, a model's name) are left alone.

## Why is this bad?
Readers search for the title; a misspelt or cut-off one finds nothing, and it hints
that the link may point at another paper.

## Example
```markdown
| Title | Venue |
|---|---|
| [Lattice Sketchs for Graph Streams](https://arxiv.org/abs/2303.00011) | arXiv, Mar., 2023 |
```

## Use instead
```markdown
| Title | Venue |
|---|---|
| [Lattice Sketches for Graph Streams](https://arxiv.org/abs/2303.00011) | arXiv, Mar., 2023 |
```

## Fix safety
Unsafe: it rewrites the title text (its link and emphasis stay), and the list's
author may have shortened the title on purpose. Information only; there is no fix
when the title's text cannot be found once in its cell.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.records.identity import is_real_title, loose_key
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
            if mine == loose_key(paper.title):
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


def _fix(ctx: RuleContext, cell: object, old: str, new: str) -> Fix | None:
    span = getattr(cell, "span", None)
    if not isinstance(span, Span) or "|" in new or "*" in new or "[" in new:
        return None
    text = ctx.text[span.start : span.end]
    if text.count(old) != 1:
        return None
    start = span.start + text.index(old)
    return unsafe_fix("write the paper's title", Edit(Span(start, start + len(old)), new))


RULE = TitleMismatch
