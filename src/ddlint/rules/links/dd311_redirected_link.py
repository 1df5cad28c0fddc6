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
from urllib.parse import urlsplit

from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.links.checked import links_with_status
from ddlint.text.findings import Edit, Finding, Severity


class RedirectedLink(Rule):
    __doc__ = __doc__
    code = "DD311"
    name = "redirected-link"
    scope = "row"
    fixable = "sometimes"
    severity = Severity.WARNING
    network = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for place, outcome in links_with_status(ctx, "redirected"):
            final = outcome.final_url or ""
            fix = None
            if place.editable and outcome.permanent and _same_resource_on_https(place.url, final):
                fix = safe_fix("point the link at where it redirects", Edit(place.span, final))
            kind = "permanently" if outcome.permanent else "temporarily"
            yield ctx.finding(self, place.span, f"Link redirects {kind} to {final}", fix=fix)


def _same_resource_on_https(url: str, final: str) -> bool:
    try:
        old, new = urlsplit(url), urlsplit(final)
    except ValueError:  # not a URL urlsplit can read: no fix
        return False
    if new.scheme != "https":
        return False
    return (
        (old.hostname or "").lower() == (new.hostname or "").lower()
        and old.path.rstrip("/") == new.path.rstrip("/")
        and old.query == new.query
    )


RULE = RedirectedLink
