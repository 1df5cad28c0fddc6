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

from ddlint.records.model import PaperTable
from ddlint.records.venues import MonthStyle, ParsedVenue, canonical_venue, parse_venue
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.options import Option
from ddlint.text.findings import Edit, Finding

MONTH_STYLE: Option[MonthStyle] = Option(
    "month-style", MonthStyle, "abbrev-dot", "how a written month is spelled"
)


class VenueFormat(Rule):
    __doc__ = __doc__
    code = "DD403"
    name = "venue-format"
    scope = "row"
    fixable = "always"
    options = (MONTH_STYLE,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        style = ctx.settings[MONTH_STYLE]
        canonical: dict[str, str | None] = {}  # cell text → its canonical form, if offered
        table: PaperTable | None = None
        column: int | None = None
        for record in ctx.records.paper_rows:
            if record.table is not table:  # rows come table by table: look the column up once
                table = record.table
                column = _venue_column(table)
            if column is None or column >= len(record.cells):
                continue
            cell, content = record.cells[column], record.contents[column]
            if cell is None or content is None or content.has_markup or not cell.text:
                continue
            if cell.text in canonical:
                new = canonical[cell.text]
            else:
                new = canonical[cell.text] = _canonical(cell.text, style)
            if new is None:
                continue
            yield ctx.finding(
                self,
                cell.span,
                f"Venue `{cell.text}` is not in the list's canonical form `{new}`; run --fix",
                fix=safe_fix(f"write the venue as `{new}`", Edit(cell.span, new)),
            )


def _venue_column(table: PaperTable) -> int | None:
    """The table's Venue column, when exactly one column feeds the venue."""
    if sum("venue" in fields for fields in table.columns.fields) != 1:
        return None
    return table.columns.column_of("venue")


def _canonical(text: str, style: MonthStyle) -> str | None:
    """The canonical spelling of a venue cell, when it differs and reads back the same."""
    old = parse_venue(text)
    new = canonical_venue(old, style) if old is not None else None
    if old is None or new is None or new == text:
        return None
    reread = parse_venue(new)
    if reread is None or _meaning(reread) != _meaning(old):
        return None  # the canonical text would read back differently: never offer it
    return new


def _meaning(venue: ParsedVenue) -> tuple[object, ...]:
    return (venue.name, venue.year, venue.month, venue.kind, venue.extra)


RULE = VenueFormat
