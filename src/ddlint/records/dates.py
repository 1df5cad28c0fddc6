"""Years a row shows besides its venue: a date cell, an arXiv id.

A Date column writes dates as lists do: ``2024.06``, ``2024.06.12``, ``20240612``, ``202406``,
``2024-06-12``, ``Jun 2024``, ``06/2024``. ``venues.extract_year`` refuses ``2024.06``
anywhere, where it may be an arXiv id; in a date cell it is a date. An arXiv id
(``2306.14048``, ``cs/0112017``) holds the year and month of its submission.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ddlint.inline.urls import arxiv_parts
from ddlint.records.venues import KNOWN_VENUES, extract_year

_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# `2024.06`, `2024.06.12`, `20240612`, `202406`: a year, then its month (and day).
_DOTTED_DATE = re.compile(
    rf"(?<![\d.])(?P<year>19[5-9]\d|20\d\d)(?:\.{_MONTH_NUMBER}(?:\.\d{{1,2}})?"
    r"|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?)(?![\d.])"
)
# A cell that is a date and nothing else (an `ID` column of dates, a `Time` column).
_WHOLE_DATE = re.compile(
    rf"^\W*(?:(?:19[5-9]\d|20\d\d)(?:[-./]{_MONTH_NUMBER}(?:[-./]\d{{1,2}})?"
    r"|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?)?"
    rf"|{_MONTH_NUMBER}[-./](?:19[5-9]\d|20\d\d)"
    rf"|{_MONTH_WORD},?\s+(?:\d{{1,2}},?\s+)?(?:19[5-9]\d|20\d\d))\W*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def date_year(text: str) -> int | None:
    """The year of a date cell: ``2024.06`` → 2024, as well as all ``extract_year`` reads."""
    found = _DOTTED_DATE.search(text)
    year = extract_year(text)
    if found is None:
        return year
    if year is None or text.find(found.group("year")) <= text.find(str(year)):
        return int(found.group("year"))
    return year


def is_date(text: str) -> bool:
    """Whether the cell is one date and nothing more: ``2024-04-07``, ``2024.06``, ``Jun 2024``."""
    return _WHOLE_DATE.match(text.strip()) is not None and date_year(text) is not None


def arxiv_year(url: str) -> int | None:
    """The year an arXiv paper was submitted, from the id in its URL (2306.14048 → 2023)."""
    parts = arxiv_parts(url)
    if parts is None:
        return None
    identifier = parts[1]
    if "/" in identifier:  # `cs/0112017`: YYMMNNN, from 1991
        yy = int(identifier.split("/")[1][:2])
        return 1900 + yy if yy >= 91 else 2000 + yy
    return 2000 + int(identifier[:2])


_YEAR_IN_HEADING = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
# `AAAI-25`, `CVPR'23`, `ICLR’24`: a known venue with a two-digit year.
_VENUE_SHORT_YEAR = re.compile(
    r"\b(?:"
    + "|".join(re.escape(name) for name in sorted(KNOWN_VENUES, key=len, reverse=True))
    + r")\s?['’-](\d\d)(?!\d)",
    re.IGNORECASE,
)


def heading_year(text: str) -> int | None:
    """The year a heading gives its section: `## 2023`, `Papers (June 2 - June 8) - 2025`,
    `# AAAI-25 Technical Tracks`."""
    found = _YEAR_IN_HEADING.search(text)
    if found:
        return int(found.group(1))
    short = _VENUE_SHORT_YEAR.search(text)
    if short is None:
        return None
    yy = int(short.group(1))
    return 1900 + yy if yy >= 50 else 2000 + yy  # as venues read `CVPR'98`
