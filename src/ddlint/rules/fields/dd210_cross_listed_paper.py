"""DD210 cross-listed-paper: the same paper under two topic headings.

## What it does
Finds a paper listed again under another heading that is not a year section: the
same arXiv id (any version, abs or pdf), DOI, OpenReview id, or title of at least
three words, as DD207 reads them. The later row is reported, naming the line and
heading of the first, and what the two rows say differently: another title (one link
may be wrong), another venue, year or month. A list that cross-lists by design (at
least 5 papers listed again alike) hears only of the copies that drifted apart.
Repeats within one section, or across two year sections, are DD207's; a repeat
across two sections of days (a digest's weekly issues, `Papers of the Week (June 2 -
June 8)`) is a paper featured again, and is not reported.

## Why is this bad?
A topical list often files a paper under every topic it belongs to, on purpose:
that is why this is information, not a warning. But the copies drift apart as only
one of them is corrected (a venue updated in one row, a link fixed in the other),
and readers of one topic see the stale copy.

## Example
```markdown
### Vision

| Title | Venue |
|---|---|
| [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |

### Language

| Title | Venue |
|---|---|
| [**Notes on the Engine**](https://arxiv.org/abs/2201.00001v2) | arXiv, 2022 |
```

## Use instead
```markdown
### Vision

| Title | Venue |
|---|---|
| [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |

### Language

| Title | Venue |
|---|---|
| [**Tables of Tables**](https://arxiv.org/abs/2201.00002) | ICML, 2022 |
```

## Fix safety
No fix: only the list's maintainer knows which copy is right, and whether the paper
belongs under both headings.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.records.model import Venue
from ddlint.records.sort import written_date
from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.fields._duplicates import Repeat, repeats
from ddlint.rules.fields._fields import cell_span
from ddlint.text.findings import Finding, Severity


class CrossListedPaper(Rule):
    __doc__ = __doc__
    code = "DD210"
    name = "cross-listed-paper"
    scope = "row"
    severity = Severity.INFO

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        cross_listed = [(repeat, _drift(repeat)) for repeat in repeats(ctx) if repeat.cross_listed]
        # A list that files papers under every topic they belong to, copies alike, does
        # so by design (issue #19, principle 1): then only the copies that drifted apart
        # speak. Elsewhere a copy alike is reported too: it may stand under the wrong
        # heading.
        by_design = sum(1 for _, drift in cross_listed if not drift) >= CROSS_LISTING_HABIT
        for repeat, drift in cross_listed:
            if by_design and not drift:
                continue
            first = repeat.first
            heading = repeat.first_place.name
            where = f"under `{heading}`" if heading else "under another heading"
            advice = (
                "bring the copies in line, or remove one if the paper belongs under one "
                "heading only"
                if drift
                else "keep both if the paper belongs to both topics, else remove one"
            )
            yield ctx.finding(
                self,
                cell_span(repeat.record, "title", "paper_link"),
                f"Also listed at line {first.row.line} {where} (same {repeat.what}){drift}: "
                + advice,
            )


# Copies alike under two headings that make cross-listing the list's way (a clear
# convention's count of rows).
CROSS_LISTING_HABIT = 5


def _drift(repeat: Repeat) -> str:
    """What the two rows say differently: their titles, venues, years or months."""
    if repeat.other_title is not None:
        return f", under another title (`{repeat.other_title}`: is one link wrong?)"
    before, after = (r.paper for r in (repeat.first, repeat.record))
    if before is None or after is None:
        return ""
    venues = before.venue, after.venue
    if venues[0] is not None and venues[1] is not None and _key(venues[0]) != _key(venues[1]):
        return f"; the two rows give different venues (`{venues[0].raw}` and `{venues[1].raw}`)"
    if before.year is not None and after.year is not None and before.year != after.year:
        return f"; the two rows give different years ({before.year} and {after.year})"
    (year, month), (other_year, other_month) = (
        written_date(repeat.first),
        written_date(repeat.record),
    )
    if None in (year, month, other_year, other_month) or (year, month) == (other_year, other_month):
        return ""
    return (
        f"; the two rows give different dates ({year}-{month:02} and {other_year}-{other_month:02})"
    )


def _key(venue: Venue) -> tuple[str, int | None]:
    return ((venue.name or venue.raw).casefold(), venue.year)


RULE = CrossListedPaper
