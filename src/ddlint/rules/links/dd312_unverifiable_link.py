"""DD312 unverifiable-link: A link ddlint could not verify: blocked bots, rate limits, failures.

## What it does
With `--check-links`, reports links answered with 401, 403 or 999 (publishers that
block automated requests), 429 or 503 after every retry (honouring `Retry-After`),
timeouts, resets and other server errors.

## Why is this bad?
It may be fine: the finding is information, never "dead", and does not fail CI by
default (`--fail-on warning`).

## Example
```markdown
| Title | Code |
|---|---|
| [**A Paper**](https://publisher.example/blocks-bots) | |
```

## Use instead
```markdown
| Title | Code |
|---|---|
| [**A Paper**](https://arxiv.org/abs/2201.00001) | |
```

## Fix safety
No fix.

## Options
As DD310.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.links.checked import links_with_status
from ddlint.text.findings import Finding, Severity


class UnverifiableLink(Rule):
    __doc__ = __doc__
    code = "DD312"
    name = "unverifiable-link"
    scope = "row"
    fixable = "never"
    severity = Severity.INFO
    network = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for place, outcome in links_with_status(ctx, "unverifiable"):
            yield ctx.finding(self, place.span, f"Could not verify the link: {outcome.detail}")


RULE = UnverifiableLink
