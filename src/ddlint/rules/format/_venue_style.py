"""The list's venue style, read from its Venue cells (DD403; DD204 writes in it).

Two habits are read over the whole list (a list writes its venues one way, whatever
table they are in), each a clear convention only at 80 % of the cells that show it,
and at least 5 (``_format``):

* the form of a venue without a month: ``{name} {year}``, ``{name}, {year}``,
  ``{name}'{yy}``, … (``records.venue_form``);
* the form of a venue with a month, ``{name}, {month}, {year}``, and the month's
  spelling (``Nov.``, ``Nov``, ``November``, ``2022-11``), or the one ``month-style``
  sets.

A date with no venue named (``Nov., 2023``, a preprint's date in the Venue column) has
a habit of its own, ``{month}, {year}``: counted as a venue named ``Nov.``, a list of
dated preprints would make its comma the form of the list's conference venues. Its
month's spelling counts with the others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ddlint.records.model import PaperTable, RowRecord
from ddlint.records.venue_form import MONTH_STYLES, VenueForm, venue_form
from ddlint.records.venues import MonthStyle, parse_venue
from ddlint.rules.base import RuleContext
from ddlint.rules.format._format import clear_convention, is_clear


@dataclass(frozen=True, slots=True)
class VenueCell:
    record: RowRecord
    form: VenueForm | None  # None: a dated venue whose form cannot be read


@dataclass(frozen=True)
class Habit:
    """One clear convention of the list: its value, how many cells follow it of how many
    show it, and one of them, to quote."""

    value: str
    rows: int
    shown: int
    example: str


@dataclass(frozen=True)
class VenueStyle:
    plain: Habit | None  # the form of venues without a month
    dated: Habit | None  # the form of venues with a month
    date: Habit | None  # the form of dates with no venue named
    month: Habit | None  # the spelling of the month, read or configured
    month_style: MonthStyle | None  # the same, typed
    configured: bool  # the month style is the configuration's
    cells: tuple[VenueCell, ...]


def list_venue_style(ctx: RuleContext, configured: MonthStyle | None) -> VenueStyle:
    """The list's venue style, read once per document (DD403 and DD204 both ask)."""
    key = f"venue-style:{configured}"
    style = ctx.shared.get(key)
    if style is None:
        style = ctx.shared[key] = _read(ctx, configured)
    assert isinstance(style, VenueStyle)
    return style


def _read(ctx: RuleContext, configured: MonthStyle | None) -> VenueStyle:
    cells: list[VenueCell] = []
    table: PaperTable | None = None
    column: int | None = None
    for record in ctx.records.paper_rows:
        if record.table is not table:  # rows come table by table: look the column up once
            table = record.table
            column = venue_column(table)
        if column is None or column >= len(record.cells):
            continue
        cell, content = record.cells[column], record.contents[column]
        if cell is None or content is None or content.has_markup or not cell.text:
            continue
        form = venue_form(cell.text)
        if form is None:
            venue = parse_venue(cell.text)
            if venue is None or venue.name is None or venue.year is None:
                continue  # no dated venue: it shows no form (DD209's business)
        cells.append(VenueCell(record, form))
    forms = [c.form for c in cells]
    plain = [f for f in forms if f is None or f.month is None]
    with_month = [f for f in forms if f is not None and f.month is not None]
    dated = [f for f in with_month if f.venue.name is not None]
    dates = [f for f in with_month if f.venue.name is None]
    plain_forms = Counter(f.skeleton for f in plain if f is not None)
    dated_forms = Counter(f.skeleton for f in dated)
    date_forms = Counter(f.skeleton for f in dates)
    plain_value = clear_convention(plain_forms, len(plain))
    dated_value = clear_convention(dated_forms, len(dated))
    date_value = clear_convention(date_forms, len(dates))
    months: Counter[str] = Counter()
    for form in with_month:
        months.update(form.month_styles)
    month_value: MonthStyle | None = configured
    if configured is None:
        best = max(MONTH_STYLES, key=lambda s: months[s])  # the first style wins a tie
        month_value = best if is_clear(months[best], len(with_month)) else None

    def habit(
        value: str | None, counts: Counter[str], shown: Sequence[VenueForm | None]
    ) -> Habit | None:
        if value is None:
            return None
        following = [f for f in shown if f is not None and value in (f.skeleton, *f.month_styles)]
        # The example quoted follows every habit of the list, if one does.
        used = Counter(f.venue.raw for f in following)
        following.sort(
            key=lambda f: (_oddity(f, dated_value, date_value, month_value), -used[f.venue.raw])
        )
        example = following[0].venue.raw if following else ""
        return Habit(value, counts[value], len(shown), example)

    return VenueStyle(
        habit(plain_value, plain_forms, plain),
        habit(dated_value, dated_forms, dated),
        habit(date_value, date_forms, dates),
        habit(month_value, months, with_month)
        if configured is None
        else Habit(configured, 0, 0, ""),
        month_value,
        configured is not None,
        tuple(cells),
    )


def _oddity(form: VenueForm, dated: str | None, date: str | None, month: str | None) -> int:
    """How poor an example ``form`` is: a note, an unknown kind of venue, a month form
    or spelling unlike the list's."""
    odd = bool(form.note) + (form.venue.kind is None)
    if form.month is not None:
        own = dated if form.venue.name is not None else date
        odd += (own is not None and form.skeleton != own) + (
            month is not None and month not in form.month_styles
        )
    return odd


def venue_column(table: PaperTable) -> int | None:
    """The table's Venue column, when exactly one column feeds the venue."""
    if sum("venue" in fields for fields in table.columns.fields) != 1:
        return None
    return table.columns.column_of("venue")
