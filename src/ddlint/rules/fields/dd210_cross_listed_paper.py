"""DD210 cross-listed-paper: the same paper under two topic headings.

## What it does
Finds a paper listed again under another heading that is not a year section: the
same arXiv id (any version, abs or pdf), DOI, OpenReview id, or title of at least
three words, as DD207 reads them. The later row is reported, naming the line and
heading of the first, and what the two rows say differently: another title (one link
may be wrong), another venue, year or month. A list that cross-lists by design (at
least 5 papers listed again alike) hears only of the copies that drifted apart, and
so does a copy alike in a selection of the list's papers (`Trending`, `Highlights`,
`🔥 Hot`). Venues are compared by name: cells that are dates differ by their dates.
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

import re
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
            if not drift and (by_design or _in_a_selection(repeat)):
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
    one, other = before.venue, after.venue
    # Only named venues are compared: a cell that is a date (`May, 2023`) differs by its
    # date, below; a year in the Venue column (cells swapped) names no venue.
    if one and other and one.name and other.name and _key(one) != _key(other):
        return f"; the two rows give different venues (`{one.raw}` and `{other.raw}`)"
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


def _in_a_selection(repeat: Repeat) -> bool:
    """Whether either copy stands in a selection of the list's papers (`Trending`,
    `Highlights`, `Latest updates`, `🔥 Hot`): a section that shows again papers the
    list files under their topics, not a topic of its own."""
    section = repeat.record.paper.section if repeat.record.paper is not None else None
    names = (repeat.first_place.name, section.heading if section is not None else None)
    return any(name is not None and _SELECTION.search(name) for name in names)


_SELECTION = re.compile(
    r"\b(?:trending|highlights?|featured|hot|popular|must[- ]reads?|recommended|latest"
    r"|news|spotlights?|top picks|updates)\b|🔥",
    re.IGNORECASE,
)


def _key(venue: Venue) -> tuple[str, int | None]:
    return ((venue.name or venue.raw).casefold(), venue.year)


RULE = CrossListedPaper
