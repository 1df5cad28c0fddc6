"""DD501 published-preprint: a row lists a preprint that has since been published.

## What it does
With `--check-metadata`, reports paper rows whose Venue cell names a preprint
(`arXiv`, `CoRR`, an OpenReview submission) when the paper has a published version,
and says where: "published at CVPR 2023". The published version is DBLP's entry for
the paper: the same title (case, punctuation and spacing aside), a shared author,
and a venue that is not a preprint server. DBLP's own copy of the arXiv version
(venue `CoRR`) and other papers with near-identical titles do not count. A row
whose own link is a DOI or an accepted OpenReview forum is published by its source's
word.

## Why is this bad?
Readers judge a paper by where it appeared; a list that still says `arXiv, 2023` for
a CVPR paper undersells it and looks unmaintained.

## Example
```markdown
| Title | Venue |
|---|---|
| [Lattice Sketches for Graph Streams](https://arxiv.org/abs/2303.00011) | arXiv, Mar., 2023 |
```

## Use instead
```markdown
| Title | Venue |
|---|---|
| [Lattice Sketches for Graph Streams](https://arxiv.org/abs/2303.00011) | KDD, 2023 |
```

## Fix safety
Unsafe: it replaces what the author wrote with the published venue and year, in the
list's venue style (DD403's form for venues without a month, else `Name, Year`).
The link is left as it is.

## Options
`month-style` (see DD403) is read for the list's venue style.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.rules.fields._fields import cell_span, fill_cell
from ddlint.rules.format.dd403_venue_format import MONTH_STYLE
from ddlint.rules.metadata._metadata import (
    SOURCE_NAMES,
    is_preprint_venue,
    looked_up,
    published,
    venue_text,
)
from ddlint.text.findings import Finding, Severity


class PublishedPreprint(Rule):
    __doc__ = __doc__
    code = "DD501"
    name = "published-preprint"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "unsafe"
    severity = Severity.WARNING
    network = True
    other_options = (MONTH_STYLE,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for found in looked_up(ctx):
            if not is_preprint_venue(found.paper):
                continue
            publication = published(found)
            if publication is None or publication.venue is None or publication.year is None:
                continue
            venue, year = publication.venue, publication.year
            cell = found.record.cell("venue")
            text = venue_text(ctx, venue, year)
            fix = None
            if cell is not None and text is not None:
                fix = unsafe_fix("write the published venue", fill_cell(ctx.text, cell, text))
            source = SOURCE_NAMES.get(publication.source, publication.source)
            yield ctx.finding(
                self,
                cell_span(found.record, "venue"),
                f"Listed as a preprint, but published at {venue} {year} ({source})"
                + (f": write `{text}`" if text else ""),
                fix=fix,
            )


RULE = PublishedPreprint
