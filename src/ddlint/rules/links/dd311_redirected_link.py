"""DD311 redirected-link: A link that redirects: point it at where it ends up.

## What it does
With `--check-links`, reports links that answer with a redirect, and where the
redirects end.

## Why is this bad?
Redirects break when the old address is retired, and they slow readers down.

## Example
```markdown
| Title | Code |
|---|---|
| [**A Paper**](http://github.com/user/repo) | |
```

## Use instead
```markdown
| Title | Code |
|---|---|
| [**A Paper**](https://github.com/user/repo) | |
```

## Fix safety
Safe, and offered only when every hop was permanent (301/308) and the final URL is
the same resource on https (it differs only in the scheme, the host's case or a
trailing slash). Any other redirect is only reported.

## Options
As DD310.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.text.findings import Finding, Severity


class RedirectedLink(Rule):
    __doc__ = __doc__
    code = "DD311"
    name = "redirected-link"
    scope = "row"
    fixable = "sometimes"
    severity = Severity.WARNING
    network = True  # produced from --check-links results by ddlint.engine.linkfindings

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        return iter(())


RULE = RedirectedLink
