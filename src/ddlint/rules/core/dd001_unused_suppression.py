"""DD001 unused-suppression: a `ddlint-disable` comment that silences nothing.

## What it does
Reports suppression comments (`<!-- ddlint-disable … -->`,
`<!-- ddlint-disable-next-line … -->`, and `<!-- ddlint-disable-line … -->` inside a
table cell) that silenced no finding, and those that name a rule ddlint does not know.
It runs after every other rule's findings went through the suppression comments, and
reads which comments silenced one.

Inside a table cell only `<!-- ddlint-disable-line … -->` works: it silences the row it
stands in. A comment of another kind in a cell (`ddlint-disable-next-line`,
`ddlint-disable`, `ddlint-enable`) silences nothing, and is reported with the
`disable-line` comment to write instead. (A comment line between two rows would end
the table: DD101.)

A comment that names a network rule (DD310–DD313 of `--check-links`, DD501–DD504 of
`--check-metadata`) is never reported as unused: without the network those rules do
not run, and with it their answers change from run to run (a link down today, a source
that does not answer), so silencing nothing in one run does not make the comment stale.

## Why is this bad?
A stale suppression hides the next real defect at that place, and a misspelt
code suppresses nothing while looking like it does.

## Example
```markdown
<!-- ddlint-disable-next-line DD204 -->
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

In a cell, a comment of another kind silences nothing:

```markdown
| Author | Title | Venue |
|---|---|---|
| Hopper | [**Note**](https://example.org/n) | <!-- ddlint-disable-next-line missing-venue --> |
```

Use instead:

```markdown
| Author | Title | Venue |
|---|---|---|
| Hopper | [**Note**](https://example.org/n) | <!-- ddlint-disable-line missing-venue --> |
```

## Fix safety
No fix: whether the comment is stale or the code misspelt is for a person to say.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import SUPPRESSION_COMMENT, Rule, RuleContext, Suppression
from ddlint.text.findings import Finding


class UnusedSuppression(Rule):
    __doc__ = __doc__
    code = "DD001"
    name = "unused-suppression"
    scope = "row"
    after_suppressions = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for suppression in ctx.suppressions:
            message = ""
            if suppression.in_cell and suppression.kind != "disable-line":
                message = _misplaced(ctx, suppression)
            elif suppression.unknown:
                message = f"Unknown rule in suppression comment: {', '.join(suppression.unknown)}"
            elif suppression.kind != "enable" and not (suppression.used or suppression.network):
                message = "Unused suppression: no finding here to silence; remove the comment"
            if message:
                yield ctx.finding(self, suppression.span, message)


def _misplaced(ctx: RuleContext, suppression: Suppression) -> str:
    """What to say of a comment in a cell that is not ``disable-line``: the comment that
    silences this row, with the same rules; an ``enable`` never meant to silence, so it
    is only to be removed."""
    if suppression.kind == "enable":
        return (
            "`ddlint-enable` does nothing inside a table cell: a cell's comment only "
            "silences its own row (`ddlint-disable-line`); remove the comment"
        )
    text = suppression.span.slice(ctx.document.text)
    match = SUPPRESSION_COMMENT.fullmatch(text)
    codes = match.group(2).strip() if match is not None else ""
    instead = f"<!-- ddlint-disable-line {codes} -->" if codes else "<!-- ddlint-disable-line -->"
    unknown = f" (unknown rule: {', '.join(suppression.unknown)})" if suppression.unknown else ""
    return (
        f"`ddlint-{suppression.kind}` silences nothing inside a table cell{unknown}: "
        f"only `ddlint-disable-line` works there, for the row it stands in; to silence "
        f"this row (line {suppression.line}), write `{instead}`"
    )


RULE = UnusedSuppression
