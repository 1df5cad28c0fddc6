"""DD206 misplaced-cell: STUB, being written.

## What it does
Not written yet.

## Why is this bad?
Not written yet.

## Example
```markdown
```

## Use instead
```markdown
```

## Fix safety
Not written yet.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.findings import Finding
from ddlint.rules.base import Rule, RuleContext


class MisplacedCell(Rule):
    __doc__ = __doc__
    code = "DD206"
    name = "misplaced-cell"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        return iter(())


RULE = MisplacedCell
