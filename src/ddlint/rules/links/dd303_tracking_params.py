"""DD303 tracking-params: a link carries tracking query parameters (`utm_*`, `casa_token`, …).

## What it does
Finds link targets of paper rows with query parameters that only track the reader
and never select the page: `utm_source` and every other `utm_*`, `fbclid`, `gclid`,
`msclkid`, `mc_cid`, `mc_eid`, `casa_token` (ACM's session token), `_hsenc`,
`igshid`, `ref_src`, ….

## Why is this bad?
They make every reader's click count as the contributor's campaign, leak where the
link was copied from, expire (`casa_token`), and hide duplicates: the same paper
with and without them looks like two URLs.

## Example
```markdown
| Title | Venue | Code |
|---|---|---|
| [**Engine**](https://dl.acm.org/doi/10.1145/3534678?casa_token=hjY:EP) | KDD, 2022 | |
| [**Tables**](https://arxiv.org/abs/2201.03) | ICML, 2022 | [Video](https://youtu.be/x?utm_id=t) |
```

## Use instead
```markdown
| Title | Venue | Code |
|---|---|---|
| [**Engine**](https://dl.acm.org/doi/10.1145/3534678) | KDD, 2022 | |
| [**Tables**](https://arxiv.org/abs/2201.03) | ICML, 2022 | [Video](https://youtu.be/x) |
```

## Fix safety
Safe: the tracking parameters are removed and every other parameter is kept as
written; records compare URLs without tracking parameters, so no record changes. A
bare URL or autolink (its text is the URL) or a target written with escapes or
entities is only reported.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.inline.urls import is_tracking_param, split_url, strip_tracking
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.links._links import paper_links
from ddlint.text.findings import Finding


class TrackingParams(Rule):
    __doc__ = __doc__
    code = "DD303"
    name = "tracking-params"
    scope = "row"
    fixable = "sometimes"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        found = paper_links(ctx)
        for index, url in enumerate(found.urls):
            if "?" not in url:  # no query, nothing to strip (strip_tracking's own test)
                continue
            clean = strip_tracking(url)
            if clean == url:
                continue
            located = found.locate(index)
            names = [
                pair.split("=", 1)[0]
                for pair in split_url(url).query.split("&")
                if is_tracking_param(pair.split("=", 1)[0])
            ]
            edit = located.rewrite(clean)
            shown = ", ".join(f"`{name}`" for name in names)
            yield ctx.finding(
                self,
                located.where,
                f"`{located.link.label or url}` carries tracking parameter"
                f"{'s' if len(names) > 1 else ''} {shown}: remove "
                f"{'them' if len(names) > 1 else 'it'}",
                fix=safe_fix("remove the tracking parameters", edit) if edit else None,
            )


RULE = TrackingParams
