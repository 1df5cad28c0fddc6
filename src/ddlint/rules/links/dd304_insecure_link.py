"""DD304 insecure-link: an `http://` link to a site that serves `https://`.

## What it does
Finds `http://` link targets of paper rows whose host is known to serve https:
arXiv, OpenReview, GitHub, PMLR, the CVF and NeurIPS proceedings, ACL Anthology,
ACM DL, IEEE Xplore, Springer, DOI and others (`ddlint.inline.urls.HTTPS_HOSTS`), plus the
hosts listed in the `https-hosts` option. When most rows of a table have such a link
(a list written with `http://` throughout), the table gets one finding naming its
rows, with one fix.

## Why is this bad?
The reader's first request goes out unencrypted and is redirected: slower, open to
tampering on the way, and a mixed style across the list.

## Example
```markdown
| Title | Venue | Code |
|---|---|---|
| [**Engine**](http://proceedings.mlr.press/v1/a.pdf) | ICML, 2021 | [Code](http://github.com/a) |
```

## Use instead
```markdown
| Title | Venue | Code |
|---|---|---|
| [**Engine**](https://proceedings.mlr.press/v1/a.pdf) | ICML, 2021 | [Code](https://github.com/a) |
```

## Fix safety
Safe: only the scheme changes, and records compare URLs with `http` and `https` as
one, so no record changes. A bare URL or autolink (its text is the URL) is only
reported.

## Options
`https-hosts`: more hosts known to serve https (exact host names).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.inline.urls import HTTPS_HOSTS as KNOWN_HTTPS_HOSTS
from ddlint.inline.urls import upgrade_scheme
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.links._links import describe, paper_links
from ddlint.rules.options import Option
from ddlint.text.findings import Finding

HTTPS_HOSTS: Option[list[str]] = Option(
    "https-hosts",
    list[str],
    [],
    "more hosts known to serve https",
    expected="a list of host names",
)


class InsecureLink(Rule):
    __doc__ = __doc__
    code = "DD304"
    name = "insecure-link"
    scope = "row"
    fixable = "sometimes"
    options = (HTTPS_HOSTS,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        configured: list[str] = ctx.settings[HTTPS_HOSTS]
        hosts = KNOWN_HTTPS_HOSTS | frozenset(configured)
        found = paper_links(ctx)
        for index, url in enumerate(found.urls):
            url = url.strip()
            if url[:7].lower() != "http://":  # upgrade_scheme's own test, without the call
                continue
            secure = upgrade_scheme(url, hosts)
            if secure == url:
                continue
            located = found.locate(index)
            edit = located.rewrite(secure)
            yield ctx.finding(
                self,
                located.where,
                f"`{describe(located.link)}` uses http:// but its site serves https://: "
                "use https://",
                fix=safe_fix("use https://", edit) if edit else None,
                reason=INSECURE,
            )


# A list written with http:// links gets one finding per table (engine.collapse).
INSECURE = "Links use http:// where their site serves https://: use https://"


RULE = InsecureLink
