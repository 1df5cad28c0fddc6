"""DD202 empty-title: a paper row whose title cell says nothing.

## What it does
Finds rows that hold a paper (authors, a venue or a link) but no title: an empty
Title cell, or the template's `[** **]()` left in while the rest of the row was
filled in. Rows that hold nothing at all are template rows, reported by DD201.

## Why is this bad?
GitHub shows a row without a name: readers cannot tell which paper it is, and the
bold markers of the template may show as literal asterisks.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Turing et al | [** **](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Fix safety
No fix: only the list's author knows the paper's title.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.records.extract import has_text
from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.fields._fields import cell_span, paper_rows
from ddlint.text.findings import Finding


class EmptyTitle(Rule):
    __doc__ = __doc__
    code = "DD202"
    name = "empty-title"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for record, paper in paper_rows(ctx):
            if has_text(paper.title):
                continue
            yield ctx.finding(
                self,
                cell_span(record, "title", "paper_link"),
                "Paper without a title: GitHub shows the row with an empty name; "
                "write the paper's title here",
            )


RULE = EmptyTitle
