"""DD403 venue-format: a Venue cell not written in the list's own venue style.

## What it does
Reads how the list writes its venues, from its plain-text Venue cells, and reports
the cells that break that style. Two habits are read over the whole list: the form
of a venue without a month (`CVPR 2023`, `CVPR, 2023`, `CVPR'23`, `CVPR2023`,
`[CVPR'23]`: what stands between the name and the year, and a four-digit or a
`'YY` year), and the form of a venue with a month (`arXiv, Nov., 2022`,
`arXiv Nov 2022`, `arXiv, 2022-11`) with its month's spelling (`Nov.`, `Nov`,
`November`, `2022-11`). A date with no venue named (`Nov., 2023`, a preprint's
date in the Venue column) is no venue named `Nov.`: the form of such dates is a
habit of its own. Each is the list's convention only when at least 80 % of
the cells that show it, and at least 5, share it; a list that mixes forms, or
has few venues, has none, and the rule says nothing about it. A note after the
date (`ICLR 2024 (Oral)`) is kept and is no part of the form. Cells with links or
other markup, cells without a name and a year (see DD209), and cells whose parts
cannot be told apart are left alone. A list that writes `CVPR` alone (the year in
another column or the section) shows no venue form.

## Why is this bad?
Readers scan the Venue column to compare papers; the same date written two ways
makes that harder, and the next contributor copies whichever they see.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2209.00001) | CVPR'22 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2201.00003) | ICML 2022 |
| Grace Hopper et al | [**Compilers**](https://arxiv.org/abs/2201.00004) | ICML'22 |
| Kurt Goedel et al | [**Proofs**](https://arxiv.org/abs/2201.00005) | ICLR'22 |
| Emmy Noether et al | [**Rings**](https://arxiv.org/abs/2201.00006) | AAAI'22 |
| John Neumann et al | [**Games**](https://arxiv.org/abs/2201.00007) | KDD'22 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes**](https://arxiv.org/abs/2209.00001) | CVPR'22 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2201.00003) | ICML'22 |
| Grace Hopper et al | [**Compilers**](https://arxiv.org/abs/2201.00004) | ICML'22 |
| Kurt Goedel et al | [**Proofs**](https://arxiv.org/abs/2201.00005) | ICLR'22 |
| Emmy Noether et al | [**Rings**](https://arxiv.org/abs/2201.00006) | AAAI'22 |
| John Neumann et al | [**Games**](https://arxiv.org/abs/2201.00007) | KDD'22 |
```

## Fix safety
Safe: only the cell's text changes, written in the list's clear style, and the fix
is offered only when the new text reads back as the same venue name, year, month,
kind and note (`CVPR'23` becomes `CVPR 2023` where the list writes `CVPR 2023`).
The name is kept as written (DD208 is about spelling). A cell that breaks the
style but cannot be rewritten so is only reported.

## Options
`month-style`: how a written month is spelled: `abbrev-dot` (`Sep.`, `May`),
`abbrev` (`Sep`), `full` (`September`) or `number` (`2022-09`); unset (the
default), the list's clear style. Set, every month is held to it, and a table
whose venues mostly spell it otherwise gets one finding, with one fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ddlint.gfm.document import Cell
from ddlint.records.venue_form import VenueForm, write_venue
from ddlint.records.venues import MonthStyle, ParsedVenue, canonical_venue, parse_venue
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.format._format import most_rows_break
from ddlint.rules.format._venue_style import Habit, VenueCell, VenueStyle, list_venue_style
from ddlint.rules.options import Option
from ddlint.text.findings import Edit, Finding

MONTH_STYLE: Option[MonthStyle | None] = Option(
    "month-style",
    MonthStyle | None,
    None,
    "how a written month is spelled; unset, the list's clear style",
)


class _Break(NamedTuple):
    cell: VenueCell
    message: str
    new: str | None  # the cell in the list's style, when it reads back the same
    configured: bool  # broken only against the configured month style


class VenueFormat(Rule):
    __doc__ = __doc__
    code = "DD403"
    name = "venue-format"
    scope = "row"
    fixable = "sometimes"
    options = (MONTH_STYLE,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        style = list_venue_style(ctx, ctx.settings[MONTH_STYLE])
        breaks: list[_Break] = []
        for cell in style.cells:
            found = _break(cell, style) if cell.form is not None else None
            if found is not None:
                breaks.append(found)
        by_table: dict[int, list[_Break]] = {}
        for found in breaks:
            if found.configured:
                by_table.setdefault(found.cell.record.table.table.index, []).append(found)
        collapsed = {
            index: group
            for index, group in by_table.items()
            if most_rows_break(len(group), _dated_cells(style, index))
        }
        for found in breaks:
            index = found.cell.record.table.table.index
            if not (found.configured and index in collapsed):
                yield self._finding(ctx, found)
            elif found is collapsed[index][0]:  # the table's one finding, at its first cell
                yield self._table_finding(ctx, style, collapsed[index])

    def _finding(self, ctx: RuleContext, found: _Break) -> Finding:
        cell = _cell(found.cell)
        fix = None
        message = found.message
        if found.new is not None:
            fix = safe_fix(f"write the venue as `{found.new}`", Edit(cell.span, found.new))
            message += f": write `{found.new}`; run --fix"
        return ctx.finding(self, cell.span, message, fix=fix)

    def _table_finding(self, ctx: RuleContext, style: VenueStyle, group: list[_Break]) -> Finding:
        edits = [Edit(_cell(b.cell).span, b.new) for b in group if b.new is not None]
        dated = _dated_cells(style, group[0].cell.record.table.table.index)
        month = style.month.value if style.month is not None else ""
        return ctx.finding(
            self,
            _cell(group[0].cell).span,
            f"{len(group)} of {dated} venues with a month in this table spell it unlike the "
            f"configured month-style `{month}`" + ("; run --fix" if edits else ""),
            fix=safe_fix(f"write {len(edits)} venues' months as `{month}`", *edits)
            if edits
            else None,
        )


def venue_in_list_style(ctx: RuleContext, venue: ParsedVenue) -> str | None:
    """A new venue (DD204 writes one) in the list's clear style with a month, else in
    `Name, Mon., Year` with the configured month style (`abbrev-dot` unset)."""
    configured = ctx.settings[MONTH_STYLE]
    style = list_venue_style(ctx, configured)
    month = style.month_style or "abbrev-dot"
    if style.dated is not None and venue.name and venue.year and venue.month:
        written = write_venue(style.dated.value, venue.name, venue.year, venue.month, month)
        if written is not None:
            return written
    return canonical_venue(venue, month)


def _cell(cell: VenueCell) -> Cell:
    column = cell.record.table.columns.column_of("venue")
    assert column is not None
    found = cell.record.cells[column]
    assert found is not None
    return found


def _dated_cells(style: VenueStyle, table: int) -> int:
    return sum(
        1
        for c in style.cells
        if c.record.table.table.index == table and c.form is not None and c.form.month
    )


def _break(cell: VenueCell, style: VenueStyle) -> _Break | None:
    """How the cell breaks the list's venue style, if it does."""
    form = cell.form
    assert form is not None
    venue = form.venue
    if form.month is None:
        habit = style.plain
        if habit is None or form.skeleton == habit.value:
            return None
        new = _checked(
            venue,
            write_venue(habit.value, _name(venue), _year(venue), None, "abbrev-dot", form.note),
        )
        return _Break(cell, _unlike(form, habit), new, False)
    own = style.dated if venue.name is not None else style.date
    wrong_form = own is not None and form.skeleton != own.value
    month = style.month
    wrong_month = month is not None and month.value not in form.month_styles
    if not (wrong_form or wrong_month):
        return None
    skeleton = own.value if own is not None else form.skeleton
    written = write_venue(
        skeleton,
        _name(venue),
        _year(venue),
        venue.month,
        style.month_style or "abbrev-dot",
        form.note,
        None if month is not None else form.month,
    )
    if written is None and style.month_style is not None and style.configured:
        written = canonical_venue(venue, style.month_style)
    new = _checked(venue, written)
    if wrong_form:
        assert own is not None
        return _Break(cell, _unlike(form, own), new, False)
    assert month is not None
    if style.configured:
        message = (
            f"Venue `{venue.raw}` spells its month unlike the configured month-style "
            f"`{month.value}`"
        )
        return _Break(cell, message, new, True)
    message = (
        f"Venue `{venue.raw}` spells its month unlike this list ({month.rows} of "
        f"{month.shown} venues with a month spell it as in `{month.example}`)"
    )
    return _Break(cell, message, new, False)


def _unlike(form: VenueForm, habit: Habit) -> str:
    what = "venues" if form.venue.name is not None else "dates with no venue"
    return (
        f"Venue `{form.venue.raw}` is not written the way this list writes its {what} "
        f"({habit.rows} of {habit.shown} like `{habit.example}`)"
    )


def _checked(old: ParsedVenue, new: str | None) -> str | None:
    """``new``, when it reads back as the same venue: name, year, month, kind, note."""
    if new is None or new == old.raw:
        return None
    reread = parse_venue(new)
    if reread is None or _meaning(reread) != _meaning(old):
        return None
    return new


def _meaning(venue: ParsedVenue) -> tuple[object, ...]:
    return (venue.name, venue.year, venue.month, venue.kind, venue.extra)


def _name(venue: ParsedVenue) -> str:
    return venue.name or ""  # a date with no venue named has no place for one


def _year(venue: ParsedVenue) -> int:
    assert venue.year is not None
    return venue.year


RULE = VenueFormat
