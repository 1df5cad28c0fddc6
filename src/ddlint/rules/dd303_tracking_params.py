"""DD303 tracking-params: STUB, being written.

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


class TrackingParams(Rule):
    __doc__ = __doc__
    code = "DD303"
    name = "tracking-params"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        return iter(())


RULE = TrackingParams
