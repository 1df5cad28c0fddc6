"""How a Venue cell is written, apart from what it says: the list's venue style (DD403).

``CVPR 2023``, ``CVPR, 2023``, ``CVPR'23``, ``[CVPR'23]`` and ``arXiv, Nov., 2022`` say
the same kind of thing in different forms. :func:`venue_form` reads the form of one
cell as a *skeleton*, the cell with its parts replaced by placeholders and everything
between them kept as written: ``{name} {year}``, ``{name}'{yy}``,
``{name}, {month}, {year}``, ``{name} {year}-{mm}``. The month's spelling is read
apart, as the month styles it fits (``May`` fits three). A note after the date
(``(Oral)``) is kept as written and is no part of the form.

:func:`write_venue` writes a venue's name, year and month in a skeleton and a month
style. A cell whose parts cannot all be found in order (a name split around the year,
words the parser does not read as a name, a month or a note) has no form: it is
never judged nor rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ddlint.records.venues import (
    FOUR_DIGIT_YEAR,
    ISO_MONTH,
    MonthStyle,
    ParsedVenue,
    month_number,
    month_word,
    parse_venue,
)

__all__ = ["MONTH_STYLES", "VenueForm", "month_word", "venue_form", "write_venue"]

MONTH_STYLES: tuple[MonthStyle, ...] = ("abbrev-dot", "abbrev", "full", "number")
# The year as venues.parse_venue finds it: the first four-digit year (FOUR_DIGIT_YEAR),
# else a 'YY year, here with its apostrophe kept.
_APOSTROPHE_YEAR = re.compile(r"(['’‘`])(\d\d)(?!\d)")
_MONTH_WORD = re.compile(r"[A-Za-z]+\.?")
_SEPARATORS = frozenset(" \t,;:/-–—.")


@dataclass(frozen=True, slots=True)
class VenueForm:
    # "{name} {year}", "{name}'{yy}", "{name}, {month}, {year}", "{name} {year}-{mm}", and
    # a date with no venue named: "{month}, {year}"
    skeleton: str
    month_styles: frozenset[MonthStyle]  # the styles the written month fits; none: no month
    month: str | None  # the month as written: "Nov.", "Sept", "09"
    note: str  # what follows the date, as written (" (Oral)"), or ""
    venue: ParsedVenue


# Memoised like parse_venue: a list writes few distinct venues, and DD401 (twice) and
# DD403 ask for each row's form at every lint, three times in a --fix run.
@lru_cache(maxsize=4096)
def venue_form(text: str) -> VenueForm | None:
    """The form of a Venue cell with a name and a year, or of a date with no name
    (``Nov., 2023``: ``{month}, {year}``), or None (see the module)."""
    venue = parse_venue(text)
    if venue is None or venue.year is None:
        return None
    raw = venue.raw
    prefix = suffix = ""
    if raw.startswith("[") and raw.endswith("]") and not {"[", "]"} & set(raw[1:-1]):
        prefix, suffix, raw = "[", "]", raw[1:-1]
    if venue.name is None:
        return _date_form(venue, raw, prefix, suffix)
    if not raw.startswith(venue.name):
        return None  # the name is split around the year ("ICLR 2023 Workshop")
    found = _year(raw, venue.year)
    if found is None:
        return None
    start, end, token = found
    middle, tail = raw[len(venue.name) : start], raw[end:]
    month = styles = None
    head_month = _MONTH_WORD.search(middle)
    if head_month is not None:  # a month before the year: "arXiv, Nov., 2022"
        styles = _styles(head_month.group())
        if styles is None or middle[head_month.end() :].strip(" \t,;:/-–—'’‘`"):
            return None
        month = head_month.group()
        between = middle[: head_month.start()], middle[head_month.end() :]
        if not _separators(between[0]) or not _separators(between[1]):
            return None
        skeleton = f"{{name}}{between[0]}{{month}}{between[1]}{token}"
    else:
        if not _separators(middle):
            return None
        skeleton = f"{{name}}{middle}{token}"
        iso = ISO_MONTH.match(tail)
        if iso is not None:  # "arXiv, 2022-09"
            month, styles, tail = iso.group(1), frozenset({"number"}), tail[iso.end() :]
            skeleton += "-{mm}"
    note = _note(tail, venue)
    if note is None:
        return None
    if venue.month != (_month_number(month) if month is not None else _usual_month(venue)):
        return None  # a month the parser reads elsewhere ("CVPR 2023 June")
    return VenueForm(prefix + skeleton + suffix, styles or frozenset(), month, note, venue)


def _date_form(venue: ParsedVenue, raw: str, prefix: str, suffix: str) -> VenueForm | None:
    """The form of a date with no venue named: a month word, then the year."""
    assert venue.year is not None
    word = _MONTH_WORD.match(raw)
    styles = _styles(word.group()) if word is not None else None
    found = _year(raw, venue.year)
    if word is None or styles is None or found is None:
        return None
    start, end, token = found
    middle = raw[word.end() : start]
    note = _note(raw[end:], venue)
    if not _separators(middle) or note is None or month_number(word.group()) != venue.month:
        return None
    skeleton = f"{prefix}{{month}}{middle}{token}{suffix}"
    return VenueForm(skeleton, styles, word.group(), note, venue)


def _note(tail: str, venue: ParsedVenue) -> str | None:
    """What follows the date, as written: the parser's note after a space, or "" when
    only separators follow; None when anything else does."""
    if venue.extra is None:
        return "" if _separators(tail) else None
    if tail[:1] not in (" ", "\t") or not tail.endswith(venue.extra):
        return None  # a note follows the date after a space: "ICLR 2024 (Oral)"
    return tail if _separators(tail[: -len(venue.extra)]) else None


def write_venue(
    form: str,
    name: str,
    year: int,
    month: int | None,
    style: MonthStyle,
    note: str = "",
    month_text: str | None = None,
) -> str | None:
    """``name``, ``year`` and ``month`` in the skeleton ``form``, the month in ``style``
    (or as ``month_text``, a month word kept as the cell wrote it). None when the
    skeleton has no place for the month (or a place and no month)."""
    has_word, has_iso = "{month}" in form, "{mm}" in form
    if (month is None) != (not has_word and not has_iso):
        return None
    if month is not None and (style == "number") != has_iso:
        return None
    written = form.replace("{name}", name).replace("{year}", str(year))
    written = written.replace("{yy}", f"{year % 100:02d}")
    if month is not None:
        written = written.replace("{month}", month_text or month_word(month, style))
        written = written.replace("{mm}", f"{month:02d}")
    if written.endswith("]"):
        return written[:-1] + note + "]"
    return written + note


def _year(raw: str, year: int) -> tuple[int, int, str] | None:
    match = FOUR_DIGIT_YEAR.search(raw)
    if match is not None:
        return (match.start(), match.end(), "{year}") if int(match.group()) == year else None
    short = _APOSTROPHE_YEAR.search(raw)
    if short is None or int(short.group(2)) != year % 100:
        return None
    return short.start(), short.end(), short.group(1) + "{yy}"


def _styles(word: str) -> frozenset[MonthStyle] | None:
    """The month styles a month word fits (empty: a month no style writes, ``Sept.``);
    None when the word is no month."""
    number = month_number(word)
    if number is None:
        return None
    return frozenset(s for s in MONTH_STYLES[:3] if month_word(number, s) == word)


def _separators(text: str) -> bool:
    return all(char in _SEPARATORS for char in text)


def _month_number(word: str) -> int:
    # A month word ``_styles`` read, or the digits of an ISO month.
    return int(word) if word.isdigit() else month_number(word) or 0


def _usual_month(venue: ParsedVenue) -> int | None:
    """The month parse_venue gives a cell without one: a known conference's usual month."""
    bare = parse_venue(f"{venue.name} {venue.year}")
    return bare.month if bare is not None else None
