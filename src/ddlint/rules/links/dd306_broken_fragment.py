"""DD306 broken-fragment: an in-page link (`#anchor`) that matches no heading anchor.

## What it does
Checks every `#fragment` link of the document (quick links, back-to-top links,
tables) against the anchors github.com gives the headings (GFM-TABLES.md §11):
the heading's text, ASCII letters lower-cased, punctuation removed, spaces turned
into `-`, duplicates suffixed `-1`, `-2`, …; plus explicit `id`/`name` targets in
raw HTML. `#user-content-<anchor>` is also valid; an empty `#` and `#top` (in any
case) go to the top of the page without any anchor (the HTML standard's rule for
fragments). A heading's anchor is made from its text without its images: a badge's
alt text is not part of it (`# Awesome [![Awesome](…)](…)` has the anchor
`awesome-`).

A fragment that differs from an anchor only in letter case (`#Papers-in-2022`
for `papers-in-2022`) is reported as info: github.com's JavaScript still finds
the heading (reports from 2021 to 2024; older ones found it case-sensitive), but
the browser's own navigation is case-sensitive, so the link is broken without
JavaScript, in editors' previews, on mirrors and in other renderers. Anchors are
lower-case by construction, so writing them in lower case is always right.
Any other miss is a warning.

## Why is this bad?
A quick link or back-to-top link that matches no anchor does nothing when clicked.

## Example
```markdown
# Dataset-distillation-papers

**Papers sorted by year:** | [2022](#Papers-in-2022) | [2021](#papers-in-2021) |

### Papers in 2022
[[Back-to-top](#Dataset-distillation-papers)]

### Papers in 2021
[[Back-to-top](#dataset-distillation-papers)]
```

## Use instead
```markdown
# Dataset-distillation-papers

**Papers sorted by year:** | [2022](#papers-in-2022) | [2021](#papers-in-2021) |

### Papers in 2022
[[Back-to-top](#dataset-distillation-papers)]

### Papers in 2021
[[Back-to-top](#dataset-distillation-papers)]
```

## Fix safety
Safe for a case-only mismatch with exactly one anchor: the fragment is rewritten
to that anchor (it is text outside the tables, declared by this rule). Any other
miss is only reported, with the nearest anchor as a hint: the intended target is a
guess. A reference-style link is only reported.

The nearest-anchor hint is given for the first 100 broken links of a file: finding
it compares the link with every anchor, and a file with thousands of broken links
and headings would take time in proportion to their product.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from ddlint.gfm.anchors import USER_CONTENT
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.links._links import explicit_ids, fragment_links, heading_anchors
from ddlint.text.findings import Finding, Severity

# Broken links per file that get a "did you mean" hint (see "Fix safety" above).
MAX_HINTS = 100


class BrokenFragment(Rule):
    __doc__ = __doc__
    code = "DD306"
    name = "broken-fragment"
    scope = "document"
    fixable = "sometimes"
    edits_outside_tables = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        links = fragment_links(ctx)
        if not links:
            return
        anchors = {entry.anchor for entry in heading_anchors(ctx)} | explicit_ids(ctx)
        ordered = sorted(anchors)
        folded: dict[str, list[str]] = {}
        for anchor in ordered:
            folded.setdefault(anchor.lower(), []).append(anchor)
        hints: dict[str, str] = {}
        for located in links:
            fragment = unquote(located.link.url[1:])
            prefix = USER_CONTENT if fragment.startswith(USER_CONTENT) else ""
            name = fragment[len(prefix) :]
            if not fragment or name in anchors:
                continue
            same = folded.get(name.lower(), [])
            if len(same) == 1 and not prefix:
                edit = located.rewrite(f"#{same[0]}")
                yield ctx.finding(
                    self,
                    located.where,
                    f"`#{fragment}` differs from the heading anchor `#{same[0]}` only in "
                    "case: it works on github.com through JavaScript only; write "
                    f"`#{same[0]}`",
                    fix=safe_fix(f"write `#{same[0]}`", edit) if edit else None,
                    severity=Severity.INFO,
                )
                continue
            if _is_top(fragment):
                continue
            key = name.lower()
            if key not in hints and len(hints) < MAX_HINTS:
                import difflib  # only a broken fragment needs a suggestion

                close = difflib.get_close_matches(key, ordered, n=1)
                hints[key] = f" (did you mean `#{close[0]}`?)" if close else ""
            hint = hints.get(key, "")
            yield ctx.finding(
                self,
                located.where,
                f"`#{fragment}` matches no heading in this file: the link does nothing{hint}",
            )


def _is_top(fragment: str) -> bool:
    """``#top``: the HTML standard scrolls to the top of the document for it when no
    element has that id, in any letter case (a heading named Top still gets the
    lower-case advice above: the link then goes to the heading)."""
    return fragment.lower() == "top"


RULE = BrokenFragment
