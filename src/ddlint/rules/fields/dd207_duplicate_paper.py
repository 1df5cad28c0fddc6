"""DD207 duplicate-paper: the same paper listed twice.

## What it does
Finds a paper listed more than once anywhere in the document: the same title once
case, punctuation, spacing and markup are ignored (`Condensing Point Clouds` and
`condensing point clouds.`), or the same arXiv id or DOI in the title link (an
arXiv `abs` and `pdf` link are one paper, even under two title wordings). The
later row is reported, naming the line of the first.

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

from ddlint.records.identity import same_paper_keys
from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.fields._fields import cell_span, paper_rows
from ddlint.text.findings import Finding

_WHAT = {"title": "title", "arxiv": "arXiv id", "doi": "DOI"}


class DuplicatePaper(Rule):
    __doc__ = __doc__
    code = "DD207"
    name = "duplicate-paper"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        first: dict[str, int] = {}  # key -> line of the first row holding it
        for record, paper in paper_rows(ctx):
            keys = same_paper_keys(paper)
            earlier = [(first[key], key) for key in keys if key in first]
            for key in keys:
                first.setdefault(key, record.row.line)
            if not earlier:
                continue
            line, key = min(earlier)
            what = _WHAT[key.split(":", 1)[0]]
            yield ctx.finding(
                self,
                cell_span(record, "title", "paper_link"),
                f"Same paper as line {line} (same {what}): GitHub lists it twice; "
                f"merge the two rows into one",
            )


RULE = DuplicatePaper
