"""DD207 duplicate-paper: the same paper listed twice in one section.

## What it does
Finds a paper listed more than once in the same section (under the same heading,
in one table or several), or in two year sections: the same title once case,
punctuation, spacing and markup are ignored (`Condensing Point Clouds` and
`condensing point clouds.`), or the same arXiv id, DOI or OpenReview id in the
paper's link. An arXiv id is one paper in every version (`2011.00050v3` and
`2011.00050`), as `abs` or `pdf`, over `http` or `https`. A title counts only when
it has at least three words: a label (`Paper`, `[PDF]`), a badge's alt text
(`Star`) or a model name shared by two rows does not make them one paper. The
later row is reported, naming the line of the first; when the two rows share an
id under two different titles, the finding says one of the links may be wrong.

The same paper under two different topic headings is a cross-listing, which
DD210 `cross-listed-paper` reports instead.

## Why is this bad?
Readers see the paper twice, counts per year are inflated, and the two rows drift
apart as only one of them gets corrected.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Lovelace et al | [**Engine notes.**](https://arxiv.org/pdf/2201.00001.pdf) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

## Fix safety
No fix: the two rows rarely agree cell for cell (one has a code link, the other a
newer venue or more datasets), so deleting either would lose what only it holds.
Merge them by hand and delete the other row.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.fields._duplicates import repeats
from ddlint.rules.fields._fields import cell_span
from ddlint.text.findings import Finding


class DuplicatePaper(Rule):
    __doc__ = __doc__
    code = "DD207"
    name = "duplicate-paper"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for repeat in repeats(ctx):
            if repeat.cross_listed:
                continue
            line = repeat.first.row.line
            other_title = repeat.other_title
            if other_title is not None:
                message = (
                    f"Same {repeat.what} as line {line}, under another title "
                    f"(`{other_title}`): one of the two links is likely wrong; correct "
                    "it, or merge the two rows if the paper was renamed"
                )
            else:
                message = (
                    f"Same paper as line {line} (same {repeat.what}): GitHub lists it "
                    "twice; merge the two rows into one"
                )
            yield ctx.finding(self, cell_span(repeat.record, "title", "paper_link"), message)


RULE = DuplicatePaper
