"""DD504 metadata-unverified: papers `--check-metadata` could not look up.

## What it does
With `--check-metadata`, says which papers could not be checked and why, in one
finding per cause: a source that failed (an HTTP error, a timeout, the address
guard refusing a private address without `--allow-private`) is reported once, at
its first row, with the number of rows it left unchecked; an id the source does
not know (`arXiv does not know 2301.00999`) is reported at its row. DD501–DD503
say nothing of those rows.

## Why is this bad?
It is not: it is information, so that a clean `--check-metadata` run is not read as
"every paper checked" when a source was down.

## Example
```markdown
| Title | Venue |
|---|---|
| [A Paper](https://arxiv.org/abs/2301.00999) | arXiv, Jan., 2023 |
```

## Use instead
```markdown
| Title | Venue |
|---|---|
| [A Paper](https://arxiv.org/abs/2301.00001) | arXiv, Jan., 2023 |
```

## Fix safety
No fix.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.fields._fields import cell_span
from ddlint.rules.metadata._metadata import LookedUp, failures, looked_up
from ddlint.text.findings import Finding, Severity


class MetadataUnverified(Rule):
    __doc__ = __doc__
    code = "DD504"
    name = "metadata-unverified"
    scope = "document"
    severity = Severity.INFO
    network = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        failed: dict[str, list[LookedUp]] = {}
        for found in looked_up(ctx):
            for failure in failures(found):
                if failure.unknown:
                    yield ctx.finding(
                        self,
                        cell_span(found.record, "title"),
                        f"Metadata not checked: {failure.reason}; is the paper's link right?",
                    )
                else:
                    failed.setdefault(failure.reason, []).append(found)
        for reason, rows in failed.items():
            count = len(rows)
            rows_text = "this row" if count == 1 else f"{count} rows (this one first)"
            yield ctx.finding(
                self,
                cell_span(rows[0].record, "title"),
                f"Metadata not checked for {rows_text}: {reason}",
            )


RULE = MetadataUnverified
