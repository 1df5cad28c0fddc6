"""Read the Venue cell of a paper list: name, year, month, kind; and write it canonically.

Grammar accepted (names and months case-insensitive; a *separator* is whitespace or one of
``, ; : / - – — ' ’ ‘ ```)::

    cell   := "[" venue "]" | venue
    venue  := [name] [month] [year [iso-month]] [month] ["Workshop"] [note]
    year   := 1950..2099 as four digits, not part of a longer number or an arXiv id (2306.12345)
            | "'" two digits                     CVPR'23; '50..'99 -> 19xx, '00..'49 -> 20xx
    month  := Jan | Jan. | January | ... | Sep | Sep. | Sept | Sept. | September | ...
    iso-month := "-" 01..12                      2022-09 (the "number" month style)
    note   := "(" text ")" | words               (Oral), Spotlight, Best Paper

Anything else after the year is kept in ``extra`` too, but :func:`canonical_venue` then
declines (returns None) rather than guess what it means.

Separators between the parts may be any mix, so ``NeurIPS, 2022``, ``ICML 2022``,
``ICML-2022``, ``ECCV2022``, ``[ICML'22]``, ``arXiv, Apr. 2022``, ``arXiv, 2022-09`` and
``ICLR 2024 (Oral)`` all parse. The first four-digit year wins; an apostrophe year is used
only when there is none. The month is the last word before the year, or else the first after
it; a month word alone is a name, not a month. A cell without a year still parses (year None):
rules flag it, nothing is dropped. An arXiv id gives no year: only the list's author knows
whether the paper's venue year is the id's.

Kinds: known names first (:data:`KNOWN_VENUES`, also behind ``IEEE``/``ACM``/``IEEE/CVF``),
then words: Workshop, a known conference plus ``W`` (CVPRW); Journal, Transactions, Letters,
Magazine, ``IEEE T…``/``ACM T…``, Nature…; Conference, Symposium, Proceedings; arXiv,
bioRxiv, Preprint. OpenReview counts as a preprint: it hosts submissions under review, and a
paper that was accepted is listed under its conference.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Literal, NamedTuple

__all__ = [
    "KNOWN_VENUES",
    "MonthStyle",
    "ParsedVenue",
    "VenueKind",
    "canonical_venue",
    "extract_year",
    "known_name",
    "month_number",
    "month_word",
    "parse_venue",
]

VenueKind = Literal["conference", "workshop", "journal", "preprint"]
MonthStyle = Literal["abbrev-dot", "abbrev", "full", "number"]


@dataclass(frozen=True)
class ParsedVenue:
    """One Venue cell, read; ``raw`` keeps the text so nothing the author wrote is lost."""

    raw: str  # the cell text, stripped
    name: str | None  # as written, minus year and month: "ACCV Workshop", "IEEE TCC"
    year: int | None
    month: int | None  # explicit month, else the usual month of a known main conference
    kind: VenueKind | None
    extra: str | None  # a trailing note such as "(Oral)" or "Spotlight"


# Usual month of each main conference. Where it moves between years, the more recent habit.
_CONFERENCES: dict[str, int | None] = {
    "NeurIPS": 12, "NIPS": 12, "ICML": 7, "ICLR": 5, "CVPR": 6, "ICCV": 10, "ECCV": 10,
    "AAAI": 2, "IJCAI": 8, "KDD": 8, "ACL": 7, "EMNLP": 11, "NAACL": 6, "WWW": 4,
    "SIGIR": 7, "MICCAI": 10, "ACCV": 12, "WACV": 1, "BMVC": 11, "ICIP": 10, "ICASSP": 5,
    "IJCNN": 7, "GECCO": 7, "CIKM": 10, "ICDM": 12, "SDM": 4, "ACM MM": 10, "COLT": 7,
    "AISTATS": 4, "UAI": 8, "CoRL": 11, "ICRA": 5, "IROS": 10, "INTERSPEECH": 9, "WSDM": 2,
    "AAMAS": 5, "ICME": 7, "ECML PKDD": 9, "TENCON": None, "LoG": 12,
}  # fmt: skip
_JOURNALS = (
    "TPAMI", "IJCV", "JMLR", "TMLR", "TNNLS", "TIP", "TKDE", "TMM", "TCSVT", "TMI",
    "IEEE TCC", "IEEE Access", "Neurocomputing", "Pattern Recognition", "Neural Networks",
    "Machine Learning", "Neural Computation", "Information Sciences", "Knowledge-Based Systems",
    "Medical Image Analysis", "Computer Methods and Programs in Biomedicine", "Nature",
    "Nature Communications", "Nature Machine Intelligence", "Science", "Science Advances",
    "PNAS", "Proceedings of the IEEE", "JAIR", "Artificial Intelligence",
)  # fmt: skip
_PREPRINTS = (
    "arXiv", "bioRxiv", "medRxiv", "ChemRxiv", "TechRxiv", "SSRN", "Preprint", "OpenReview",
)  # fmt: skip

_CONFERENCE: VenueKind = "conference"
_JOURNAL: VenueKind = "journal"
_PREPRINT: VenueKind = "preprint"
KNOWN_VENUES: Mapping[str, tuple[VenueKind, int | None]] = MappingProxyType(
    {name: (_CONFERENCE, month) for name, month in _CONFERENCES.items()}
    | {name: (_JOURNAL, None) for name in _JOURNALS}
    | {name: (_PREPRINT, None) for name in _PREPRINTS}
)

# Lower-case spelling -> canonical name. NIPS stays its own (historical) name on purpose.
_ALIASES: dict[str, str] = {name.lower(): name for name in KNOWN_VENUES} | {
    "mm": "ACM MM", "acmmm": "ACM MM", "acm multimedia": "ACM MM", "sigkdd": "KDD",
    "the web conference": "WWW", "thewebconf": "WWW", "ecml-pkdd": "ECML PKDD",
    "ecml": "ECML PKDD", "pami": "TPAMI", "t-pami": "TPAMI",
    "cmpb": "Computer Methods and Programs in Biomedicine",
    "ieee transactions on pattern analysis and machine intelligence": "TPAMI",
    "ieee transactions on cloud computing": "IEEE TCC", "corr": "arXiv",
    "nat. commun.": "Nature Communications", "arxiv preprint": "arXiv",
    "proceedings of the national academy of sciences": "PNAS",
}  # fmt: skip
# Publishers' prefixes that do not change which venue is meant ("IEEE/CVF CVPR" is CVPR).
_PREFIXES = ("ieee/cvf ", "ieee ", "acm ", "proceedings of ", "proc. ", "the ")

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_BY_WORD = (
    {name.lower(): number for number, name in enumerate(_MONTH_NAMES, 1)}
    | {name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, 1)}
    | {"sept": 9}
)

# Simple anchored patterns with fixed-width lookarounds only, so matching stays linear.
FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(?<!\d\.)(?:19[5-9]\d|20\d\d)(?!\d)(?!\.\d)")
_APOSTROPHE_YEAR = re.compile(r"['’‘`](\d\d)(?!\d)")
ISO_MONTH = re.compile(r"-(0[1-9]|1[0-2])(?!\d)")
_WORD = re.compile(r"[a-z]+")
_IEEE_ACM_TRANSACTIONS = re.compile(r"(?:IEEE|ACM)\s+T[A-Z]{1,6}")
_SEPARATORS = frozenset(",;:/-–—'’‘`")
_JOURNAL_WORDS = frozenset({"journal", "transactions", "trans", "letters", "magazine"})
_CONFERENCE_WORDS = frozenset({"conference", "symposium", "proceedings", "congress"})
_PREPRINT_WORDS = frozenset({"arxiv", "biorxiv", "medrxiv", "preprint", "openreview"})
_WORKSHOP_WORDS = frozenset({"workshop", "workshops"})


class _Parts(NamedTuple):
    name: str | None
    year: int | None
    month: int | None  # explicit in the text only
    extra: str | None


@lru_cache(maxsize=4096)
def parse_venue(text: str) -> ParsedVenue | None:
    """Parse a Venue cell; None only for an empty or whitespace-only cell.

    Memoised: a list writes the same few hundred venues again and again."""
    raw = text.strip()
    if not raw:
        return None
    parts = _split(raw)
    kind = _classify(parts.name) if parts.name is not None else None
    month = parts.month if parts.month is not None else _usual_month(parts.name, kind)
    return ParsedVenue(raw, parts.name, parts.year, month, kind, parts.extra)


@lru_cache(maxsize=4096)
def extract_year(text: str) -> int | None:
    """The first plausible year (1950..2099) in any text: 2022, 2022-05, May 2022, '22."""
    return _find_year(text)[0]


def canonical_venue(venue: ParsedVenue, month_style: MonthStyle = "abbrev-dot") -> str | None:
    """``ICML, 2022``, ``arXiv, Sep., 2022``, ``ICLR, 2024 (Oral)``; None if that would lose data.

    The name is kept as written (fixing its spelling changes a value; see :func:`known_name`).
    Only a month written in the cell is written back, never a conference's usual month. The
    ``number`` style writes ISO 8601 year-month, ``arXiv, 2022-09``: a bare ``09`` before
    the year could be read as a day or an issue number.
    """
    if venue.name is None or venue.year is None:
        return None
    if venue.extra is not None and not _is_note(venue.extra):
        return None
    note = f" {venue.extra}" if venue.extra is not None else ""
    month = _explicit_month(venue)
    if month is None:
        return f"{venue.name}, {venue.year}{note}"
    if month_style == "number":
        return f"{venue.name}, {venue.year}-{month:02d}{note}"
    return f"{venue.name}, {month_word(month, month_style)}, {venue.year}{note}"


def known_name(name: str) -> str | None:
    """Canonical spelling of a known venue: neurips -> NeurIPS, cvprw -> CVPRW, else None."""
    key = _normalise(name)
    canonical = _lookup(key)
    if canonical is not None:
        return canonical
    base = _workshop_base(key)
    if base is None:
        return None
    return f"{base}W" if key.endswith("w") else f"{base} Workshop"


def _split(raw: str) -> _Parts:
    core = raw
    if core.startswith("[") and core.endswith("]") and not {"[", "]"} & set(core[1:-1]):
        core = core[1:-1]
    year, head, tail = _find_year(core)
    if head.rstrip().endswith("(") and tail.lstrip().startswith(")"):  # "ICML (2022)"
        head, tail = head.rstrip()[:-1], tail.lstrip()[1:]
    name, month = _name_and_month(head)
    if month is None and year is not None:
        iso = ISO_MONTH.match(tail)
        if iso is not None:
            month, tail = int(iso.group(1)), tail[iso.end() :]
        else:
            month, tail = _leading_month(tail)
        lone_month = month_number(name) if month is None and name is not None else None
        if lone_month is not None:
            # A lone month before the year is a date with no venue named (`Nov., 2023`,
            # a preprint's date in the Venue column). With a month after the year it
            # stays the name, so that a venue named `Jan` in February reads back alike.
            name, month = None, lone_month
    first, rest = _leading_word(tail)
    if first.lower() in _WORKSHOP_WORDS and (name is None or _classify(name) != "workshop"):
        # "ICLR 2023 Workshop": the word belongs to the venue. Only once, so that the
        # canonical "ICLR Workshop, 2023 Workshop" re-parses to the same name and note.
        name = first if name is None else f"{name} {first}"
        tail = rest
    tail = _trim(tail, extra=".")
    return _Parts(name, year, month, tail or None)


def _find_year(core: str) -> tuple[int | None, str, str]:
    """The year and the text before and after it; the whole text is the head if none."""
    match = FOUR_DIGIT_YEAR.search(core)
    if match is not None:
        return int(match.group()), core[: match.start()], core[match.end() :]
    match = _APOSTROPHE_YEAR.search(core)
    if match is None:
        return None, core, ""
    two_digits = int(match.group(1))
    year = 1900 + two_digits if two_digits >= 50 else 2000 + two_digits
    return year, core[: match.start()], core[match.end() :]


def _name_and_month(head: str) -> tuple[str | None, int | None]:
    head = _trim(head)
    cut = _last_separator(head)
    month = month_number(head[cut + 1 :])
    name = _trim(head[: cut + 1]) if month is not None else head
    if month is not None and not name:
        # A lone month word is the name ("May 2022"), so that a venue named "Jan" with
        # month Feb writes "Jan, 2022-02" and reads back the same.
        return head, None
    return name or None, month


def _leading_month(tail: str) -> tuple[int | None, str]:
    word, rest = _leading_word(tail)
    month = month_number(word)
    return (month, rest) if month is not None else (None, tail)


def _leading_word(text: str) -> tuple[str, str]:
    """The first word of ``text`` (up to a separator) and what follows it."""
    text = _trim(text, extra=".")
    end = 0
    while end < len(text) and not _is_separator(text[end]):
        end += 1
    return text[:end], text[end:]


def month_number(word: str) -> int | None:
    """``Nov``, ``Nov.``, ``Sept``, ``November`` (any case): 11; else None."""
    word = word.lower()
    return _MONTH_BY_WORD.get(word[:-1] if word.endswith(".") else word)


def month_word(month: int, style: MonthStyle) -> str:
    """``Sep.``, ``Sep``, ``September``, ``09``; a dot only where letters were cut, so
    ``May`` has none."""
    full = _MONTH_NAMES[month - 1]
    if style == "number":
        return f"{month:02d}"
    if style == "full":
        return full
    if style == "abbrev":
        return full[:3]
    return full if len(full) <= 3 else f"{full[:3]}."


def _classify(name: str) -> VenueKind | None:
    key = _normalise(name)
    canonical = _lookup(key)
    if canonical is not None:
        return KNOWN_VENUES[canonical][0]
    words = set(_WORD.findall(key))
    if words & _WORKSHOP_WORDS or _workshop_base(key) is not None:
        return "workshop"
    if words & _JOURNAL_WORDS or key.startswith("nature "):
        return "journal"
    if _IEEE_ACM_TRANSACTIONS.fullmatch(" ".join(name.split())):
        return "journal"
    if words & _CONFERENCE_WORDS:
        return "conference"
    if words & _PREPRINT_WORDS or key.endswith("rxiv"):
        return "preprint"
    return None


def _usual_month(name: str | None, kind: VenueKind | None) -> int | None:
    if name is None or kind != "conference":
        return None
    canonical = _lookup(_normalise(name))
    return KNOWN_VENUES[canonical][1] if canonical is not None else None


def _explicit_month(venue: ParsedVenue) -> int | None:
    if venue.month is None or _split(venue.raw).month is not None:
        return venue.month
    implied = _usual_month(venue.name, venue.kind)
    return None if venue.month == implied else venue.month


def _lookup(key: str) -> str | None:
    if key in _ALIASES:
        return _ALIASES[key]
    for prefix in _PREFIXES:
        if key.startswith(prefix) and key[len(prefix) :] in _ALIASES:
            return _ALIASES[key[len(prefix) :]]
    return None


def _workshop_base(key: str) -> str | None:
    """The known conference of a workshop name such as ``cvprw`` or ``neurips workshop``."""
    for suffix in (" workshop", " workshops", "w"):
        if key.endswith(suffix):
            base = _lookup(key[: -len(suffix)])
            if base is not None and KNOWN_VENUES[base][0] == "conference":
                return base
    return None


def _is_note(text: str) -> bool:
    if text.startswith("(") and text.endswith(")"):
        inner = text[1:-1]
        return "(" not in inner and ")" not in inner
    return text[:1].isalpha() and all(char.isalpha() or char in " .&'+-" for char in text)


def _normalise(name: str) -> str:
    return " ".join(name.lower().split())


def _is_separator(char: str) -> bool:
    return char.isspace() or char in _SEPARATORS


def _last_separator(text: str) -> int:
    index = len(text) - 1
    while index >= 0 and not _is_separator(text[index]):
        index -= 1
    return index


def _trim(text: str, extra: str = "") -> str:
    """Strip separators (and ``extra`` characters) from both ends, in linear time."""
    start, end = 0, len(text)
    while start < end and (_is_separator(text[start]) or text[start] in extra):
        start += 1
    while end > start and (_is_separator(text[end - 1]) or text[end - 1] in extra):
        end -= 1
    return text[start:end]
