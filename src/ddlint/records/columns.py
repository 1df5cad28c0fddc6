"""Header text → the record field(s) a column feeds.

Paper lists name their columns freely (``**Title**``, ``📄 Paper``, ``Conf.``,
``Title & Authors``), so a header is matched word by word after ``header_key`` strips its
markup, emoji and case. A header splits into parts at ``&``, ``/``, ``+``, ``,``, ``and``
and parentheses; each part feeds at most one field, so ``Title & Authors`` feeds two
while ``Paper Title`` feeds one. When a part holds several aliases, the most specific
field wins (``Publication Date`` is a date, ``Conference Name`` a venue), in the order
of ``_PRIORITY``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, get_args

Field = Literal[
    "authors", "title", "paper_link", "type", "task", "datasets", "venue", "year", "date",
    "links", "number", "topic",
]  # fmt: skip
FIELDS: tuple[Field, ...] = get_args(Field)

# One "|"-separated string per field keeps the table readable; phrases are matched whole.
_ALIAS_TABLE: dict[Field, str] = {
    "authors": "author|authors|author(s)|first author|作者",
    "title": "title|paper|papers|name|paper name|论文|标题|题目|论文标题|名称",
    "paper_link": "paper link|paper url|url|pdf|论文链接|论文地址",
    # "Method" columns of paper lists hold what the seed's "Type" holds: the approach.
    "type": "type|method|methods",
    "task": "task|tasks|application|applications",
    "datasets": "dataset|datasets|data",
    "venue": "venue|conference|conf|journal|publication|pub|published|published in|where"
    "|会议|期刊|发表",
    "year": "year|年份",
    "date": "date|time|published date|日期|时间",
    "links": "code|supp material|supplementary|links|link|resources|project|project page"
    "|github|repo|repository|implementation|website|代码|开源代码|链接",
    "number": "no|#|index|id",
    # "Category" columns hold areas or kinds of work (Survey, NLP, CV): a topic, not a method.
    "topic": "topic|topics|keywords|tags|category|categories",
}
DEFAULT_ALIASES: Mapping[str, Field] = {
    alias: field for field, aliases in _ALIAS_TABLE.items() for alias in aliases.split("|")
}
# Most specific first: the field a part feeds when it names several.
_PRIORITY: tuple[Field, ...] = (
    "number", "date", "year", "authors", "venue", "datasets", "task", "paper_link", "links",
    "type", "topic", "title",
)  # fmt: skip
_TITLE_ISH: frozenset[Field] = frozenset({"title", "paper_link"})
_RECORD_ISH: frozenset[Field] = frozenset({"authors", "venue", "year", "date", "links"})
# The words that make a column the title, weakest last: beside a "Title" column, a
# "Paper" column holds the paper's link, and a "Name" column a short name (kept in extra).
_PAPER_WORDS = frozenset({"paper", "papers", "论文"})
_NAME_WORDS = frozenset({"name", "名称"})
_LONGEST_ALIAS = 3  # words

_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG_RE = re.compile(r"<[^>]*>")
_PART_SPLIT_RE = re.compile(r"\s*(?:[&/+,()]|\band\b)\s*")


@dataclass(frozen=True)
class ColumnMap:
    """Which fields each column of one table feeds."""

    headers: tuple[str, ...]
    fields: tuple[tuple[Field, ...], ...]

    def column_of(self, field: Field) -> int | None:
        """Index of the first column feeding ``field``."""
        return self._first_column.get(field)

    @cached_property
    def _first_column(self) -> dict[str, int]:
        # Rules ask this for every row: answer from a table built once per table.
        first: dict[str, int] = {}
        for index, fields in enumerate(self.fields):
            for field in fields:
                first.setdefault(field, index)
        return first

    @property
    def is_paper_table(self) -> bool:
        """A title-ish column and a column only paper records have: authors, venue or a
        date. Links alone are not enough when the title column is only a "Name": a
        datasets or contributors table has names and links too."""
        fed = {field for fields in self.fields for field in fields}
        if not fed & _TITLE_ISH:
            return False
        if fed & (_RECORD_ISH - {"links"}):
            return True
        return "links" in fed and any(
            word in header_key(header).split()
            for header, fields in zip(self.headers, self.fields)
            if fields and fields[0] in _TITLE_ISH
            for word in ("paper", "papers", "title", "titles")
        )


def _keep(char: str) -> bool:
    # Letters and digits carry meaning; "#", "." and "&/+,()" are aliases or separators.
    return unicodedata.category(char)[0] in "LN" or char in "#.&/+,()"


def header_key(header: str) -> str:
    """The normalised header used for matching: no markup, emoji or symbols; case-folded."""
    text = _LINK_RE.sub(r"\1", header)
    text = html.unescape(_TAG_RE.sub(" ", text))
    text = "".join(char if _keep(char) else " " for char in text)
    text = re.sub(r"author\s*\(\s*s\s*\)", "authors", text.casefold())
    return " ".join(text.split())


def _words(part: str) -> list[str]:
    # "Conf." and "Conf", "No." and "No" are the same word; a lone "." is noise.
    return [word.rstrip(".") or word for word in part.split() if word != "."]


def _alias_key(alias: str) -> str:
    return " ".join(_words(header_key(alias))) or alias.strip().casefold()


def _matches(words: list[str], aliases: Mapping[str, Field]) -> list[tuple[Field, str]]:
    """Aliases found in ``words``, longest phrases first, each word used once."""
    found: list[tuple[Field, str]] = []
    index = 0
    while index < len(words):
        for size in range(min(_LONGEST_ALIAS, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + size])
            if phrase in aliases:
                found.append((aliases[phrase], phrase))
                index += size
                break
        else:
            index += 1
    return found


def _part_field(part: str, user: Mapping[str, Field]) -> tuple[Field, set[str]] | None:
    """The field one part feeds and the alias phrases that named it."""
    words = _words(part)
    for aliases in (user, DEFAULT_ALIASES):
        found = _matches(words, aliases)
        if found:
            field = min((field for field, _ in found), key=_PRIORITY.index)
            return field, {phrase for named, phrase in found if named == field}
    return None


_TITLE, _PAPER, _NAME = 0, 1, 2  # how surely a column's title words name the title


def _column_fields(header: str, user: Mapping[str, Field]) -> tuple[list[Field], int]:
    """The fields of one header, and how surely its title words name the title
    (``_TITLE``, ``_PAPER``: only "Paper", ``_NAME``: only "Name")."""
    whole = _alias_key(header)
    if whole in user:  # a user alias naming the whole header wins outright
        return [user[whole]], _TITLE
    fields: list[Field] = []
    title_words: set[str] = set()
    for part in _PART_SPLIT_RE.split(header_key(header)):
        match = _part_field(part, user)
        if match is None:
            continue
        field, phrases = match
        if field == "title":
            title_words |= phrases
        if field not in fields:
            fields.append(field)
    if title_words and title_words <= _NAME_WORDS:
        return fields, _NAME
    if title_words and title_words <= _PAPER_WORDS:
        return fields, _PAPER
    return fields, _TITLE


def _check_aliases(aliases: Mapping[str, str]) -> dict[str, Field]:
    checked: dict[str, Field] = {}
    for header, field in aliases.items():
        if field not in FIELDS:
            allowed = ", ".join(FIELDS)
            raise ValueError(f"unknown field {field!r} for header {header!r}; allowed: {allowed}")
        checked[_alias_key(header)] = field
    return checked


def map_columns(headers: Sequence[str], aliases: Mapping[str, str] | None = None) -> ColumnMap:
    """Map each header to the fields it feeds; ``aliases`` (header → field) win over defaults.

    Raises ValueError when ``aliases`` names a field that does not exist.
    """
    user = _check_aliases(aliases or {})
    columns = [_column_fields(header, user) for header in headers]
    surest = min((sure for fields, sure in columns if "title" in fields), default=_TITLE)
    result: list[tuple[Field, ...]] = []
    for fields, sure in columns:
        if "title" in fields and sure > surest:
            # "Title" and "Paper" side by side: the title is in one, the paper's link in
            # the other. "Name" beside either: a short name, kept under its header.
            replaced: list[Field] = ["paper_link"] if sure == _PAPER else []
            fields = [
                new for field in fields for new in (replaced if field == "title" else [field])
            ]
        result.append(tuple(dict.fromkeys(fields)))
    return ColumnMap(tuple(headers), tuple(result))
