"""DD204 missing-venue: a paper row with an empty Venue cell.

## What it does
Finds paper rows whose Venue (Conference, Journal, Publication…) cell is empty, in
tables that have such a column. When the paper's link is an arXiv abs/pdf link,
the fix writes the preprint's venue from the arXiv id (`2204.01273` was submitted
in April 2022): `arXiv, Apr., 2022`.

When the Venue cell is empty because the row's cells are shifted (a `|` missing or
doubled, so the venue sits in the next column over, such as `Arxiv` under Year), the
finding says so instead of asking for a venue. If the row is also short, DD103
`cell-count` reports the missing cell and this rule stays quiet: one cause, one
finding.

## Why is this bad?
Readers cannot tell whether the paper is published, and the row cannot be dated,
sorted or checked against its year section.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://openreview.net/forum?id=Ab12Cd) | ICML, 2022 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2204.01273) | |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://openreview.net/forum?id=Ab12Cd) | ICML, 2022 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2204.01273) | arXiv, Apr., 2022 |
```

## Fix safety
Unsafe, and only for arXiv links: it adds a value (the record gains a venue), and
a paper on arXiv may also have appeared at a conference the list should name.
Other rows are only reported, and shifted cells get no fix. The month is written in
the `month-style` setting.

## Options
`month-style` (see DD403) decides how the month of the written venue is spelled.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.gfm.document import Cell
from ddlint.records.model import Paper, RowRecord
from ddlint.records.venues import ParsedVenue, canonical_venue, parse_venue
from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.rules.fields._fields import arxiv_date, cell_span, fill_cell, has_column, paper_rows
from ddlint.rules.format.dd403_venue_format import MONTH_STYLE
from ddlint.text.findings import Finding, Fix


class MissingVenue(Rule):
    __doc__ = __doc__
    code = "DD204"
    name = "missing-venue"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "unsafe"
    other_options = (MONTH_STYLE,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for record, paper in paper_rows(ctx):
            if paper.venue is not None or not has_column(record, "venue"):
                continue
            shifted = _shifted_venue(record)
            if shifted is None:
                yield ctx.finding(
                    self,
                    cell_span(record, "venue"),
                    "Empty Venue cell: GitHub shows a blank where the venue belongs; write "
                    "where and when the paper appeared (e.g. `ICML, 2022` or `arXiv, Apr., 2022`)",
                    fix=self._fix(ctx, record, paper),
                )
            elif len(record.row.cells) >= len(record.cells):  # a short row is DD103's
                header, cell = shifted
                yield ctx.finding(
                    self,
                    cell.span,
                    f"Empty Venue cell, and `{cell.text}` under {header} reads as a venue: "
                    "the row's cells are shifted by a missing or extra `|`; put each "
                    "value under its header",
                )

    @staticmethod
    def _fix(ctx: RuleContext, record: RowRecord, paper: Paper) -> Fix | None:
        cell = record.cell("venue")
        date = arxiv_date(paper.url or "")
        if cell is None or date is None:
            return None
        venue = ParsedVenue("", "arXiv", date[0], date[1], "preprint", None)
        text = canonical_venue(venue, ctx.settings[MONTH_STYLE])
        if text is None:
            return None
        return unsafe_fix("write the arXiv venue", fill_cell(ctx.text, cell, text))


# Columns that never hold a venue (a Type or Topic column may say `Journal` or `Survey`).
_NO_VENUE = frozenset({"year", "date", "authors", "links", "number"})


def _shifted_venue(record: RowRecord) -> tuple[str, Cell] | None:
    """The header and cell of a column beside the Venue column that holds a venue (a
    known name or kind), where that column is not a venue column itself."""
    columns = record.table.columns
    venue = columns.column_of("venue")
    if venue is None:
        return None
    for index in (venue - 1, venue + 1):
        if not 0 <= index < len(record.cells) or not set(columns.fields[index]) <= _NO_VENUE:
            continue
        cell, content = record.cells[index], record.contents[index]
        if cell is None or content is None:
            continue
        parsed = parse_venue(content.text)
        if parsed is not None and parsed.kind is not None and parsed.extra is None:
            return columns.headers[index].strip(" *_") or "the next column", cell
    return None


RULE = MissingVenue
