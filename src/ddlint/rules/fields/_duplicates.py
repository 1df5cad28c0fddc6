"""A paper listed twice, shared by DD207 (in one section) and DD210 (under two topics).

Two rows are the same paper when they share a key of ``records.identity.duplicate_keys``:
an arXiv id (any version, abs or pdf, http or https), a DOI, an OpenReview id, or a title
of several words. Each later row is paired with the earliest row it repeats. A repeat
within one section (the same heading, or two year sections: one of them is wrong) is a
duplicate, DD207's; a repeat under another topic heading is a cross-listing, DD210's,
which a topical list may want. A repeat across two sections of days (a digest's weekly
issues) is neither: the digest features the paper again on purpose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ddlint.records.identity import duplicate_keys, is_real_title
from ddlint.records.model import PaperTable, RowRecord
from ddlint.rules.base import RuleContext
from ddlint.rules.fields._fields import paper_rows

# What a key is, as a finding names it.
KEY_NAMES = {"title": "title", "arxiv": "arXiv id", "doi": "DOI", "openreview": "OpenReview id"}


@dataclass(frozen=True, slots=True)
class SectionPlace:
    """Which section a row is in: the line of the heading (or heading-like label) above
    its table, 0 for none, and the section the record names (a separator row's text
    within the table). ``name`` is what a finding calls it."""

    line: int
    heading: str | None
    year: int | None
    name: str | None = field(default=None, compare=False)

    @property
    def issue(self) -> str | None:
        """For a section of days (its name gives a day of a month: `Papers of the Week
        (June 2 - June 8) - 2025`, `2025-01-27`), its name without the dates: what every
        issue of a digest shares. None for any other section."""
        if self.name is None or _DAY.search(self.name) is None:
            return None
        return _NUMBERS.sub("", _DAY.sub("", self.name)).strip(" -–—()[],.:").casefold()

    def apart_in_time(self, other: SectionPlace) -> bool:
        """Two issues of one digest (sections of days alike once their dates are set
        aside): a digest that features a paper again in a later issue repeats it on
        purpose, neither in error (DD207) nor under two topics (DD210). `CVPR 2023 (June
        18 - 22)` and `ICCV 2023 (Oct 2 - 6)` are two conferences, not two issues."""
        return self != other and self.issue is not None and self.issue == other.issue

    def same_list_as(self, other: SectionPlace) -> bool:
        """Rows here and in ``other`` repeat each other rather than cross-list: the same
        section, or two sections of different years (a paper has one year)."""
        if self == other:
            return True
        return self.year is not None and other.year is not None and self.year != other.year


@dataclass(frozen=True, slots=True)
class Repeat:
    """``record`` lists the paper of the earlier row ``first`` again, by ``key``."""

    record: RowRecord
    first: RowRecord
    first_place: SectionPlace
    key: str
    cross_listed: bool  # under another topic (DD210), else within its section (DD207)

    @property
    def what(self) -> str:
        return KEY_NAMES[self.key.split(":", 1)[0]]

    @property
    def other_title(self) -> str | None:
        """The earlier row's title when the two rows share an id under two real titles
        with few words in common: one of the two links is likely wrong (or the paper was
        renamed). Titles that differ by a prefix, an acronym or word order are one title."""
        title, earlier = _title(self.record), _title(self.first)
        if self.key.startswith("title:") or not is_real_title(title):
            return None
        if not is_real_title(earlier) or _similar(title, earlier):
            return None
        return earlier


def repeats(ctx: RuleContext) -> list[Repeat]:
    """Every row that repeats an earlier one, worked out once for DD207 and DD210."""
    found: list[Repeat] | None = ctx.shared.get(_REPEATS)
    if found is None:
        found = ctx.shared[_REPEATS] = list(_repeats(ctx))
    return found


_REPEATS = "rules.fields._duplicates.repeats"


def _repeats(ctx: RuleContext) -> list[Repeat]:
    places = _Places(ctx)
    # key -> the first row holding it in each section (a key's rows are few per section)
    first: dict[str, dict[SectionPlace, RowRecord]] = {}
    found: list[Repeat] = []
    for record, paper in paper_rows(ctx):
        keys = duplicate_keys(paper)
        if not keys:
            continue
        place = places.of(record)
        # Per kind (within the section, or across topics): the earliest row, by its line
        # and then by the strength of the key (ids come first).
        best: dict[bool, tuple[int, int, str, RowRecord, SectionPlace]] = {}
        for rank, key in enumerate(keys):
            for where, earlier in first.get(key, {}).items():
                if place.apart_in_time(where):
                    continue
                candidate = (earlier.row.line, rank, key, earlier, where)
                cross = not place.same_list_as(where)
                if cross not in best or candidate[:2] < best[cross][:2]:
                    best[cross] = candidate
        for key in keys:
            first.setdefault(key, {}).setdefault(place, record)
        for cross in (False, True):  # a repeat within the section is the finding to make
            if cross in best:
                _, _, key, earlier, where = best[cross]
                found.append(Repeat(record, earlier, where, key, cross_listed=cross))
                break
    return found


class _Places:
    """The section place of each row. Besides headings, a list may open its topics with
    a line that only looks like one: `<details><summary>1.2 Encoders</summary>`,
    `<b>1.2.1 Ranking</b>`, `**Ranking**` on a line of its own. Each table's place is
    looked up once."""

    def __init__(self, ctx: RuleContext) -> None:
        document = ctx.document
        marks = [(h.line, ctx.records.inline.parse(h.text).text) for h in document.headings]
        for block in document.blocks:
            if block.kind not in ("paragraph", "html"):
                continue
            for number in range(block.first_line, block.last_line + 1):
                label = _LABEL.match(document.line_text(number))
                if label is not None:
                    marks.append((number, _plain(next(g for g in label.groups() if g))))
        marks.sort()
        self.lines = [line for line, _ in marks]
        self.names = [name for _, name in marks]
        self.tables: dict[int, tuple[int, str | None]] = {}

    def of(self, record: RowRecord) -> SectionPlace:
        line, name = self._mark(record.table)
        section = record.paper.section if record.paper is not None else None
        heading, year = (section.heading, section.year) if section is not None else (None, None)
        # A separator row (`| **Vision** | | |`) opens a section inside the table.
        inner = heading != record.table.section.heading
        return SectionPlace(line, heading, year, heading if inner or name is None else name)

    def _mark(self, table: PaperTable) -> tuple[int, str | None]:
        found = self.tables.get(id(table))
        if found is None:
            index = bisect_right(self.lines, table.table.header.line)
            found = (self.lines[index - 1], self.names[index - 1]) if index else (0, None)
            self.tables[id(table)] = found
        return found


_LABEL = re.compile(
    r"\s*(?:<details[^>]*>\s*)?<summary[^>]*>(.+?)</summary>"
    r"|\s*<(?:b|strong|h[1-6])\b[^>]*>([^<]+)</(?:b|strong|h[1-6])>\s*(?:<br\s*/?>)?\s*$"
    r"|\s*(?:\*\*|__)([^*_\s][^*_]*)(?:\*\*|__)\s*:?\s*$",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>|[*_]{2}")


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A day of a month: `June 2`, `2 June`, `Jan. 27`, `2025-01-27`, `2025/01/27`.
_DAY = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}(?![a-z])|\b\d{{4}}[-/.]\d{{2}}[-/.]\d{{2}}\b",
    re.IGNORECASE,
)


_NUMBERS = re.compile(r"\d+")


def _plain(text: str) -> str:
    return " ".join(_TAG.sub(" ", text).split())


_WORD = re.compile(r"[^\W_]+")
_SHARED_WORDS = 0.6  # of the shorter title's words
_STEM = 5  # letters: `Distilling` and `Distillation`, `Dataset` and `Datasets` meet
_STOP_WORDS = frozenset({"the", "and", "for", "with", "via", "from", "into", "using", "towards"})


def _similar(title: str, other: str) -> bool:
    """Most words of the shorter title are in the other, compared by their first letters
    and without little words: `Dataset Distillation for Tabular Data` and `Distilling
    Datasets for Tabular Models`, or a title with an acronym or emoji added."""
    words, others = (_stems(t) for t in (title, other))
    shorter = min(len(words), len(others))
    return shorter > 0 and len(words & others) >= _SHARED_WORDS * shorter


def _stems(title: str) -> set[str]:
    words = (word.casefold() for word in _WORD.findall(title))
    return {word[:_STEM] for word in words if len(word) > 2 and word not in _STOP_WORDS}


def _title(record: RowRecord) -> str:
    return record.paper.title if record.paper is not None else ""
