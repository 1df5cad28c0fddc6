"""DD310 dead-link: A link that leads nowhere: 404, 410, an unknown host, a refused connection.

## What it does
With `--check-links`, reports links whose server answered 404 or 410 (confirmed
with a GET), whose host name does not exist, or that refused every connection after
retries.

## Why is this bad?
A reader who clicks the paper or code link of a list gets nothing.

## Example
```markdown
| Title | Code |
|---|---|
| [**A Paper**](https://arxiv.org/abs/2201.00001) | [Code](https://example.org/gone) |
```

## Use instead
```markdown
| Title | Code |
|---|---|
| [**A Paper**](https://arxiv.org/abs/2201.00001) | [Code](https://example.org/moved-here) |
```

## Fix safety
No fix: only a person knows where the paper or code went.

## Options
`--check-links`, `--host-concurrency`, `--cache-dir`, `--no-cache`, `--allow-private`,
`--link-exclude REGEX`, `--link-accept STATUS`, `--link-timeout SECONDS`, and the config
key `link-deadline`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.links.checked import links_with_status
from ddlint.text.findings import Finding, Severity


class DeadLink(Rule):
    __doc__ = __doc__
    code = "DD310"
    name = "dead-link"
    scope = "row"
    fixable = "never"
    severity = Severity.ERROR
    network = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for place, outcome in links_with_status(ctx, "dead"):
            yield ctx.finding(self, place.span, f"Dead link: {outcome.detail}")


RULE = DeadLink
