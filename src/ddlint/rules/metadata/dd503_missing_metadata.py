"""DD503 missing-metadata: a row's authors or venue are empty, and the sources know them.

## What it does
With `--check-metadata`, reports paper rows whose Authors or Venue cell is empty
when the paper's metadata names them. The authors are written as the table writes
them (`First Author et al` where the table does, else the full list); the venue is
the published one if there is one (DBLP), else the source's own (`arXiv` and the
first version's month, a DOI's conference), in the list's venue style. An empty
Venue cell that DD204 fills from the arXiv id is left to DD204, unless the paper
has been published.

## Why is this bad?
An empty cell hides what a reader wants to know, and what the sources already say.

## Example
```markdown
| Authors | Title | Venue |
|---|---|---|
| | [Prism Expert Routing](https://doi.org/10.1145/1234.5678) | |
```

## Use instead
```markdown
| Authors | Title | Venue |
|---|---|---|
| Eli Marsh, Farah Odum | [Prism Expert Routing](https://doi.org/10.1145/1234.5678) | KDD, 2022 |
```

## Fix safety
Unsafe: it adds values to the record, which the list's author has not checked.

## Options
`month-style` (see DD403) is read for the list's venue style.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.rules.fields._fields import arxiv_date, fill_cell
from ddlint.rules.format.dd403_venue_format import MONTH_STYLE
from ddlint.rules.metadata._metadata import (
    LookedUp,
    authors_text,
    described,
    looked_up,
    published,
    venue_text,
)
from ddlint.text.findings import Finding, Severity


class MissingMetadata(Rule):
    __doc__ = __doc__
    code = "DD503"
    name = "missing-metadata"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "unsafe"
    severity = Severity.WARNING
    network = True
    other_options = (MONTH_STYLE,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for found in looked_up(ctx):
            yield from self._authors(ctx, found)
            yield from self._venue(ctx, found)

    def _authors(self, ctx: RuleContext, found: LookedUp) -> Iterator[Finding]:
        paper = described(found)
        cell = found.record.cell("authors")
        if paper is None or not paper.authors or cell is None or found.paper.authors:
            return
        if found.record.content("authors") is None or cell.text.strip():
            return  # a cell with markup or a comment is not empty to its author
        text = authors_text(found.record, paper.authors)
        yield ctx.finding(
            self,
            cell.span,
            f"Empty Authors cell; the paper's authors are known: write `{text}`",
            fix=unsafe_fix("write the paper's authors", fill_cell(ctx.text, cell, text)),
        )

    def _venue(self, ctx: RuleContext, found: LookedUp) -> Iterator[Finding]:
        cell = found.record.cell("venue")
        if cell is None or found.paper.venue is not None or cell.text.strip():
            return
        publication = published(found)
        if publication is None and arxiv_date(found.paper.url or "") is not None:
            return  # DD204 writes the arXiv venue from the id
        source = publication or described(found)
        if source is None or not source.venue or source.year is None:
            return
        month = source.month if source.preprint else None
        text = venue_text(ctx, source.venue, source.year, month)
        if text is None:
            return
        yield ctx.finding(
            self,
            cell.span,
            f"Empty Venue cell; the paper appeared at {source.venue} {source.year}: write `{text}`",
            fix=unsafe_fix("write the paper's venue", fill_cell(ctx.text, cell, text)),
        )


RULE = MissingMetadata
