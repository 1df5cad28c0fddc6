"""DD311 redirected-link: A link that moved for good (301/308): point it at where it went.

## What it does
With `--check-links`, reports links whose server answers that they moved for good
(301 Moved Permanently, 308 Permanent Redirect), with where they moved to, and a
fix. A temporary redirect (302, 303, 307) is reported as information only: the
address the server gives may change again, and the link as written is the one to
keep. A persistent identifier that resolves (a `doi.org` or `hdl.handle.net` link
sending the reader to the publisher) is not reported at all: that redirect is what
such a link is for. `--link-accept 301` counts a status as working.

## Why is this bad?
Moved links break when the old address is retired, and they slow readers down.

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
The fix points the link at where the 301/308 hops end (a fragment the link had is
kept). Safe when that is the same resource on https (it differs only in the scheme,
the host's case or a trailing slash); unsafe otherwise, since the record's URL
changes (`--unsafe-fixes`). A link written through a reference definition is only
reported.

## Options
As DD310.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from ddlint.rules.base import Rule, RuleContext, safe_fix, unsafe_fix
from ddlint.rules.links.checked import links_with_status
from ddlint.text.findings import Edit, Finding, Severity


class RedirectedLink(Rule):
    __doc__ = __doc__
    code = "DD311"
    name = "redirected-link"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "mixed"
    severity = Severity.WARNING
    network = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for place, outcome in links_with_status(ctx, "redirected"):
            moved_to = outcome.moved_to
            if moved_to is None:
                final = outcome.final_url or ""
                message = f"Link redirects temporarily to {final}; the link as written is kept"
                yield ctx.finding(self, place.span, message, severity=Severity.INFO)
                continue
            fix = None
            if place.editable:
                target = _with_fragment(moved_to, place.url)
                make = safe_fix if _same_resource_on_https(place.url, target) else unsafe_fix
                fix = make("point the link at where it moved", Edit(place.span, target))
            message = f"Link moved permanently to {moved_to}; point it there"
            yield ctx.finding(self, place.span, message, fix=fix)


def _with_fragment(target: str, url: str) -> str:
    """``target`` with the ``#fragment`` of ``url``: a redirect never carries it."""
    fragment = url.partition("#")[2]
    return f"{target}#{fragment}" if fragment and "#" not in target else target


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
