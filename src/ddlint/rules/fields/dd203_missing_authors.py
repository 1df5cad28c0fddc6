"""DD203 missing-authors: a paper row with an empty Authors cell.

## What it does
Finds paper rows whose Author(s) cell is empty, in tables that have such a column
(a `Title & Authors` column counts: the authors after the title are missing).
Tables without an authors column are not checked.

## Why is this bad?
GitHub shows a blank where every other row names its authors, and exports of the
list carry a paper nobody wrote.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| | [**Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Fix safety
No fix: the authors are not in the file.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.fields._fields import cell_span, has_column, paper_rows
from ddlint.text.findings import Finding


class MissingAuthors(Rule):
    __doc__ = __doc__
    code = "DD203"
    name = "missing-authors"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for record, paper in paper_rows(ctx):
            if paper.authors or paper.et_al or not has_column(record, "authors"):
                continue
            yield ctx.finding(
                self,
                cell_span(record, "authors"),
                "Empty Authors cell: GitHub shows a blank where the authors belong; "
                "add them (e.g. `First Author et al`)",
            )


RULE = MissingAuthors
