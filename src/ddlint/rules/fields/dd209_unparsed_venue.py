"""DD209 unparsed-venue: a Venue cell with no year in it.

## What it does
Finds Venue cells that hold text but no readable year, such as `OpenReview`,
`Under review` or `TBD`. Rows whose table has a Year (or Date) column that gives
the year are not reported: there the venue need not repeat it.

## Why is this bad?
Without a year the paper cannot be placed in its year section or sorted, and a
placeholder such as `TBD` goes stale silently once the paper is published.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2201.00003) | Under review |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2201.00003) | arXiv, Jan., 2022 |
```

## Fix safety
No fix: where and when the paper appeared is not in the file.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.fields._fields import cell_span, column_year, paper_rows
from ddlint.text.findings import Finding


class UnparsedVenue(Rule):
    __doc__ = __doc__
    code = "DD209"
    name = "unparsed-venue"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for record, paper in paper_rows(ctx):
            venue = paper.venue
            if venue is None or venue.year is not None or column_year(record) is not None:
                continue
            yield ctx.finding(
                self,
                cell_span(record, "venue"),
                f"Venue `{venue.raw}` has no year: the paper cannot be dated or sorted; "
                "write where and when it appeared (e.g. `ICLR, 2023` or `arXiv, Mar., 2023`)",
            )


RULE = UnparsedVenue
