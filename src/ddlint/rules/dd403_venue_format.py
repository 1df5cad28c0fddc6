"""DD403 venue-format: a Venue cell is not written in the canonical `Name, Year` form.

## What it does
Reads each plain-text Venue cell and compares it with its canonical spelling:
`Name, Year` (`ICML, 2022`), or `Name, Mon., Year` when a month is written
(`arXiv, Sep., 2022`), with a note such as `(Oral)` kept at the end. So `ICML 2022`,
`CVPR'24`, `arXiv, Sept., 2022`, `arXiv, Apr. 2022` and `arXiv, Jan, 2022` are
reported. Cells with links or other markup, and cells that do not parse into a
name and a year (see DD209), are left alone.

## Why is this bad?
Readers scan the Venue column to compare papers; five spellings of the same date
make that harder, and tools that read the list (exports, sorting) have to guess.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2209.00001) | arXiv, Sept. 2022 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2201.00003) | ICML 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2209.00001) | arXiv, Sep., 2022 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Fix safety
Safe: only the cell's text changes, and the fix is offered only when the new text
reads back as the same venue name, year, month, kind and note. The venue's name is
kept as written (`NeurIPS workshop` stays; DD208 is about spelling).

## Options
`month-style`: how a written month is spelled: `abbrev-dot` (default: `Sep.`, `May`),
`abbrev` (`Sep`), `full` (`September`) or `number` (`2022-09`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.findings import Edit, Finding
from ddlint.records import RowRecord
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.venues import ParsedVenue, canonical_venue, parse_venue


class VenueFormat(Rule):
    __doc__ = __doc__
    code = "DD403"
    name = "venue-format"
    scope = "row"
    fixable = "always"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for record in ctx.records.paper_rows:
            if _venue_columns(record) != 1:
                continue
            cell, content = record.cell("venue"), record.content("venue")
            if cell is None or content is None or content.has_markup or not cell.text:
                continue
            old = parse_venue(cell.text)
            new = canonical_venue(old, ctx.settings.month_style) if old is not None else None
            if old is None or new is None or new == cell.text:
                continue
            reread = parse_venue(new)
            if reread is None or _meaning(reread) != _meaning(old):
                continue  # the canonical text would read back differently: never offer it
            yield ctx.finding(
                self,
                cell.span,
                f"Venue `{cell.text}` is not in the list's canonical form `{new}`; run --fix",
                fix=safe_fix(f"write the venue as `{new}`", Edit(cell.span, new)),
            )


def _venue_columns(record: RowRecord) -> int:
    return sum("venue" in fields for fields in record.table.columns.fields)


def _meaning(venue: ParsedVenue) -> tuple[object, ...]:
    return (venue.name, venue.year, venue.month, venue.kind, venue.extra)


RULE = VenueFormat
