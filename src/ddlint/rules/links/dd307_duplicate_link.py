"""DD307 duplicate-link: the same URL twice in one row, or one paper link on two papers.

## What it does
Compares link targets in canonical form (tracking parameters dropped, `http` as
`https`, arXiv `abs`/`pdf` forms as one):

- within a row, the same URL twice as text links, in one cell
  (`[Code](x), [Code](x)`) or in two (the title's link repeated as the Code link:
  the second link tells the reader nothing new, and usually stands where another
  URL belongs). A badge, a link around an image (`[![Star](…/stars/o/r.svg)](…/o/r)`
  beside `[Code](…/o/r)`, `[![arXiv](…)](…/abs/…)` beside the title), is how many
  lists show the same link again, and is not compared; nor is a URL written out in
  the row's prose (an abstract naming its code twice), nor a link cited in a
  description whose paper or tweet the row's link column gives again (also when the
  description names its paper with that link, after words of its own), nor the
  title's link to a project with no paper (its repository or home page) given again
  as its `Code` link. A list that repeats one
  column's link in another column on purpose (at least 80 % of the rows with links
  in both, and 5 rows: a Links column that offers the title's paper again) is not
  reported; otherwise, when most rows of a table repeat it, the table gets one
  finding naming its rows;
- across rows, two papers whose links are the same URL but whose titles and
  first authors differ: a copy-paste error in one of them, or one paper listed
  twice under two titles (renamed between versions). (The same paper listed twice
  under one title is DD207's.) Titles are compared without case, punctuation, a
  leading number, a description after ` - ` or a closing `(Acronym)`; the same
  words in another order, or one title inside the other (`LAMOL: Language Modeling
  for …` and `Language Modeling for …`), count as the same paper. Only links that
  name a paper are compared: a paper's (arXiv, DOI, OpenReview, a proceedings page,
  a PDF) or the title's own link. A link column's repository or home page shared by
  two datasets released together names no paper. Every row of such a group is
  reported.

## Why is this bad?
A reader who clicks a paper's link lands on another paper; a repeated link hides a
missing one (the code link that was meant to be there).

## Example
```markdown
| Author | Title | Code |
|---|---|---|
| Ada | [**Engine**](https://openreview.net/pdf?id=S7) | [Code](https://x.io), [Git](https://x.io) |
| Alan | [**Tables**](https://openreview.net/pdf?id=S7) | |
```

## Use instead
```markdown
| Author | Title | Code |
|---|---|---|
| Ada | [**Engine**](https://openreview.net/pdf?id=A4) | [Code](https://x.org) |
| Alan | [**Tables**](https://openreview.net/pdf?id=S7) | |
```

## Fix safety
No fix: which link is wrong, and what the right URL is, cannot be known.

## Options
None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ddlint.inline.parse import InlineContent, InlineLink
from ddlint.inline.urls import canonical_url
from ddlint.records.cells import is_paper_url
from ddlint.records.model import RowRecord
from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.links._links import Located, PaperLinks, describe, paper_links
from ddlint.text.findings import Finding


class DuplicateLink(Rule):
    __doc__ = __doc__
    code = "DD307"
    name = "duplicate-link"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        by_url: dict[str, list[RowRecord]] = {}
        links = paper_links(ctx)
        keys = list(map(canonical_url, links.urls))
        repeats: list[_Repeat] = []
        for row, record in enumerate(links.records):
            if record.paper is None:
                continue
            start, end = links.bounds[row], links.bounds[row + 1]
            if len(set(keys[start:end])) < end - start:  # else no key repeats
                repeats.extend(self._repeated(ctx, links, keys, start, end))
            url = record.paper.url
            if not url:
                continue
            # The paper's URL is usually its title link's, whose key is known.
            urls = links.urls[start:end]
            at = start + urls.index(url) if url in urls else None
            # A paper link, or the title's own link, names the row's paper: two titles
            # that link one repository are a copy-paste slip. A link column's repository
            # or home page need not: two datasets released in one repository share it.
            if is_paper_url(url) or (at is not None and _in_title(links, at)):
                key = keys[at] if at is not None else canonical_url(url)
                by_url.setdefault(key, []).append(record)
        habits = _habits(links, repeats)
        for repeat in repeats:
            if not repeat.cited and repeat.columns not in habits:
                yield repeat.finding
        for group in by_url.values():
            if len(group) > 1 and _different_papers(group):
                yield from self._shared(ctx, group)

    def _repeated(
        self, ctx: RuleContext, links: PaperLinks, keys: list[str], start: int, end: int
    ) -> Iterator[_Repeat]:
        seen: dict[str, int] = {}
        for index in range(start, end):
            key = keys[index]
            if not key or not _text_link(links.links[index]):
                continue
            first = seen.get(key)
            if first is not None:
                located = links.locate(index)
                finding = ctx.finding(
                    self,
                    located.where,
                    f"`{describe(links.links[index])}` repeats the link of "
                    f"`{describe(links.links[first])}` in this row: remove it or give it its "
                    "own URL",
                    reason=_repeat_reason(located, links.owners[first][1]),
                )
                yield _Repeat(
                    _column_pair(links, first, index),
                    finding,
                    _cited_in_prose(links, first, index) or _links_its_project(links, first),
                )
            else:
                seen[key] = index

    def _shared(self, ctx: RuleContext, group: list[RowRecord]) -> Iterator[Finding]:
        for record in group:
            others = ", ".join(str(other.row.line) for other in group if other is not record)
            cell = record.cell("title") or record.row.cells[0]
            yield ctx.finding(
                self,
                cell.span,
                f"This paper's link is also the link of another paper "
                f"(line{'s' * (len(group) > 2)} {others}): "
                "one of them points at the wrong paper, or one paper is listed under two "
                "titles",
            )


def _cited_in_prose(links: PaperLinks, first: int, repeat: int) -> bool:
    """Whether the first link is a citation in a description (a cell of running text)
    and its repeat stands in another cell: the link column then gives the paper's own
    links, whatever the description cites on the way."""
    (row, column), (_, repeat_column) = links.owners[first], links.owners[repeat]
    record = links.records[row]
    if column == repeat_column:
        return False
    content, cell = record.contents[column], record.cells[column]
    if content is None or cell is None:
        return False
    if _is_title_link(record, column, links.urls[first]) and _opens(
        cell.text, content, links.links[first]
    ):
        return False  # the title's link beside its authors: not a citation
    labels = sum(len(_WORD.findall(link.label)) for link in content.links)
    return len(_WORD.findall(content.text)) - labels >= _PROSE_WORDS


def _in_title(links: PaperLinks, index: int) -> bool:
    row, column = links.owners[index]
    return column == links.records[row].table.columns.column_of("title")


def _links_its_project(links: PaperLinks, first: int) -> bool:
    """Whether the first link is the title's and names no paper: a project with no paper
    links its repository or home page from its title, and its `Code` link to the same
    place is right (a title that links a paper and repeats it as `Code` hides the
    missing code link)."""
    row, column = links.owners[first]
    url = links.urls[first]
    return _is_title_link(links.records[row], column, url) and not is_paper_url(url)


def _opens(text: str, content: InlineContent, link: InlineLink) -> bool:
    """Whether ``link`` opens its cell: before it stand only a number (`3)`), badges and
    other links, markup and emoji, no words of the cell's own. A title link opens its
    cell (its authors follow it); a link that follows words of the cell is cited in
    them (a description that names its paper by a linked word)."""
    before = text[: link.span.start]
    for other in content.links:
        if other.span.end <= link.span.start:
            before = before[: other.span.start] + " " * other.span.length + before[other.span.end :]
    before = _NUMBERING.sub("", _MARKUP_BEFORE.sub(" ", before))
    return not _WORD.search(before)


def _is_title_link(record: RowRecord, column: int, url: str) -> bool:
    paper = record.paper
    title_column = record.table.columns.column_of("title")
    return paper is not None and column == title_column and paper.url == url


# Words of a cell's own text, besides its links' labels, that make it a description.
_PROSE_WORDS = 8


# Two columns of a paper table, by their headers: the same pair in every table of a list.
ColumnPair = tuple[str, str]


@dataclass(frozen=True)
class _Repeat:
    """A link that repeats an earlier one of its row: the columns of the two (None in
    one cell), its finding, and whether the repeat is right (``cited``): the earlier one
    is a citation in prose, or the title's link to a project with no paper."""

    columns: ColumnPair | None
    finding: Finding
    cited: bool


def _column_pair(links: PaperLinks, first: int, repeat: int) -> ColumnPair | None:
    """The headers of the columns of a link and of its repeat, or None in one cell."""
    (_, column), (row, repeat_column) = links.owners[first], links.owners[repeat]
    if column == repeat_column:
        return None
    headers = links.records[row].table.columns.headers
    return _header_of(headers, column), _header_of(headers, repeat_column)


def _header_of(headers: tuple[str, ...], column: int) -> str:
    return headers[column].strip().casefold() if column < len(headers) else ""


def _habits(links: PaperLinks, repeats: list[_Repeat]) -> set[ColumnPair]:
    """The column pairs whose repeat is the list's form (issue #19, principle 1): of the
    rows with a text link in both columns, at least 80 %, and 5 rows, repeat it (a
    Links column that offers the title's paper link again on every row)."""
    repeated = Counter(repeat.columns for repeat in repeats if repeat.columns is not None)
    if not repeated:
        return set()
    both: Counter[ColumnPair] = Counter()
    for row, record in enumerate(links.records):
        headers = record.table.columns.headers
        linked = {
            _header_of(headers, links.owners[index][1])
            for index in links.of_row(row)
            if _text_link(links.links[index])
        }
        both.update(pair for pair in repeated if pair[0] in linked and pair[1] in linked)
    return {
        pair
        for pair, count in repeated.items()
        if count >= HABIT_ROWS and count >= HABIT_SHARE * both[pair]
    }


# A clear convention (issue #19): this share of the rows that show it, and this many.
HABIT_SHARE = 0.8
HABIT_ROWS = 5


def _repeat_reason(located: Located, first_column: int) -> str:
    """The cause of a repeated link in words no row changes: the columns of the two
    links (a list that repeats the title's link as its Paper link on every row gets one
    finding for the table, engine.collapse)."""
    if located.record is None:
        return ""
    headers = located.record.table.columns.headers
    column, first = located.column, first_column
    name = _header(headers, column)
    if column == first:
        return f"A link of the {name} column repeats another link of its cell"
    return f"The {name} column's link repeats the {_header(headers, first)} column's link"


def _header(headers: tuple[str, ...], column: int) -> str:
    text = headers[column].strip() if 0 <= column < len(headers) else ""
    return f"`{text}`" if text else f"column {column + 1}"


def _text_link(link: InlineLink) -> bool:
    """A link the row's author wrote as text: not a badge (a link around an image, such
    as a star badge to the repository beside its `Code` link, or an arXiv badge beside
    the title: how many lists are written), not a URL written out in prose (an abstract
    that names its code twice)."""
    return not link.has_image and link.kind != "bare"


def _different_papers(group: list[RowRecord]) -> bool:
    """Not all the same paper: titles and first authors both differ somewhere."""
    first = group[0].paper
    assert first is not None
    words = _title_words(first.title)
    for record in group[1:]:
        paper = record.paper
        assert paper is not None
        same_title = _same_title(_title_words(paper.title), words)
        same_author = paper.authors[:1] == first.authors[:1] and bool(paper.authors)
        if not same_title and not same_author:
            return True
    return False


def _title_words(title: str) -> tuple[str, ...]:
    """A title's words, case folded, without what lists write around it: a number
    (`2) `), a description after ` - `, a closing `(Acronym)` naming the method
    (`Attacks on Aligned Models (GCG)` and `… (AdvBench)` are one paper)."""
    title = _NUMBERING.sub("", title)
    title = _DESCRIPTION.split(title, maxsplit=1)[0]
    return tuple(_WORD.findall(_CLOSING_PARENTHESES.sub("", title).casefold()))


def _same_title(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """The same title, the same words in another order (a paper renamed between its
    versions: `Continual Learning with Tiny Memories`, `On Tiny Memories in Continual
    Learning`), or one inside the other (`LAMOL: Language Modeling for …` and
    `Language Modeling for …`) when the shorter has words enough to name a paper."""
    if one == other:
        return True
    short, long_ = sorted((one, other), key=len)
    if len(short) < _MIN_TITLE_WORDS:
        return False
    if set(one) - _SMALL_WORDS == set(other) - _SMALL_WORDS:
        return True
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


_WORD = re.compile(r"\w+")
_NUMBERING = re.compile(r"^\s*\d{1,3}[.)]\s+")
_MARKUP_BEFORE = re.compile(r"<[^<>]*>|:[a-z0-9_+-]+:|&[a-z]+;")  # tags, emoji, entities
_DESCRIPTION = re.compile(r"\s+[-–—]\s+")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "with", "for", "to", "and", "via"})
_CLOSING_PARENTHESES = re.compile(r"\s*\([^()]*\)\s*$")
_MIN_TITLE_WORDS = 3


RULE = DuplicateLink
