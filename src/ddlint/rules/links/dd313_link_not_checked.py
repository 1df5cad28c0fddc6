"""DD313 link-not-checked: A link the checker refused to fetch: it resolves to a private address.

## What it does
With `--check-links`, reports links whose host resolves to a loopback, private,
link-local or cloud-metadata address (checked again after every redirect). They
are not fetched unless `--allow-private` is given.

## Why is this bad?
A public README should not point at private addresses; fetching them from CI
could reach internal services.

## Example
```markdown
| Title | Code |
|---|---|
| [**A Paper**](http://127.0.0.1:8000/paper.pdf) | |
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
`--allow-private` lets the checker fetch such links (for local testing).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.links.checked import links_with_status
from ddlint.text.findings import Finding, Severity


class LinkNotChecked(Rule):
    __doc__ = __doc__
    code = "DD313"
    name = "link-not-checked"
    scope = "row"
    fixable = "never"
    severity = Severity.INFO
    network = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for place, outcome in links_with_status(ctx, "not_checked"):
            yield ctx.finding(self, place.span, f"Link not checked: {outcome.detail}")


RULE = LinkNotChecked
