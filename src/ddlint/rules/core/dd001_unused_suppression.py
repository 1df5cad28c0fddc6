"""DD001 unused-suppression: a `ddlint-disable` comment that silences nothing.

## What it does
Reports suppression comments (`<!-- ddlint-disable … -->`,
`<!-- ddlint-disable-next-line … -->`, and `<!-- ddlint-disable-line … -->` inside a
table cell) that silenced no finding, and those that name a rule ddlint does not know.
It runs after every other rule's findings went through the suppression comments, and
reads which comments silenced one.

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

## Fix safety
No fix: whether the comment is stale or the code misspelt is for a person to say.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
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
            if suppression.unknown:
                message = f"Unknown rule in suppression comment: {', '.join(suppression.unknown)}"
            elif suppression.kind != "enable" and not (suppression.used or suppression.network):
                message = "Unused suppression: no finding here to silence; remove the comment"
            if message:
                yield ctx.finding(self, suppression.span, message)


RULE = UnusedSuppression
