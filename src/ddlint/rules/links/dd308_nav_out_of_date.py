"""DD308 nav-out-of-date: the quick-links line misses a year section, or lists a gone one.

## What it does
Finds quick-links lines: a paragraph outside tables with two or more in-page links
(`#…`) whose labels are years, such as
`**Papers sorted by year:** | [2022](#papers-in-2022) | [2021](#papers-in-2021) |`.
A paragraph wrapped over several lines is one quick-links line. The links of one line
that follow one form (`#papers-in-YYYY`, `#cvpr-YYYY`) make one set, so a line of
CVPR years and a line of ICCV years are checked apart. The years with a section are
those of the headings of that form that hold a paper table. A year section missing
from the set, or a listed year that has no section any more, is reported.

## Why is this bad?
Readers jump through the list by these links; a new year added without its link is
out of reach from the top, and a stale link leads nowhere.

## Example
```markdown
# Dataset-distillation-papers

**Papers sorted by year:** | [2022](#papers-in-2022) | [2021](#papers-in-2021) |

### Papers in 2023
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2301.00001) | ICML, 2023 |

### Papers in 2022
| Author | Title | Venue |
|---|---|---|
| Alan Turing et al | [**On Computable Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Use instead
```markdown
# Dataset-distillation-papers

**Papers sorted by year:** | [2023](#papers-in-2023) | [2022](#papers-in-2022) |

### Papers in 2023
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2301.00001) | ICML, 2023 |

### Papers in 2022
| Author | Title | Venue |
|---|---|---|
| Alan Turing et al | [**On Computable Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Fix safety
Safe: the line is outside the tables and this rule declares its edit. A missing
year is inserted in the line's order (newest first or oldest first) with the line's
own separator, linking to the anchor of the year's heading of the links' form; a
stale year's link is removed with its separator. No record changes.

## Options
None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from urllib.parse import unquote

from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.links._links import HeadingAnchor, Located, fragment_links, heading_anchors
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span

_YEAR_LABEL = re.compile(r"[*_ ]*((?:19|20)\d\d)[*_ ]*")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_LINE_BREAK = re.compile(r"\s*[\r\n]\s*")

# The links of one quick-links set: (year of the label, the link), in document order.
QuickLinks = list[tuple[int, Located]]


class NavOutOfDate(Rule):
    __doc__ = __doc__
    code = "DD308"
    name = "nav-out-of-date"
    scope = "document"
    fixable = "sometimes"
    edits_outside_tables = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        navs: dict[tuple[int, str], QuickLinks] = {}
        document = ctx.document
        for located in fragment_links(ctx):  # the in-page links: quick links are some
            label = _YEAR_LABEL.fullmatch(located.link.label)
            if located.cell is None and located.link.url.startswith("#") and label:
                line = document.line_index.position(located.span.start)[0]
                block = document.block_at(line).first_line  # a wrapped line is one line
                key = (block, form(located.link.url[1:]))
                navs.setdefault(key, []).append((int(label.group(1)), located))
        navs = {key: links for key, links in navs.items() if len(links) >= 2}
        if not navs:
            return
        headings = heading_anchors(ctx)
        sections = _year_sections(ctx, headings)
        anchors = {h.anchor.lower() for h in headings}
        for (_, nav_form), links in navs.items():
            yield from self._check_set(ctx, links, sections.get(nav_form, {}), anchors)

    def _check_set(
        self,
        ctx: RuleContext,
        links: QuickLinks,
        sections: dict[int, HeadingAnchor],
        anchors: set[str],
    ) -> Iterator[Finding]:
        listed = [year for year, _ in links]
        spans = [located.span for _, located in links]
        whole = Span(spans[0].start, spans[-1].end)
        separator = _separator(ctx.text, spans)
        newest_first = listed[0] > listed[-1]
        for index, (year, located) in enumerate(links):
            # A link that still reaches a heading is not stale, whatever the heading holds.
            if year in sections or unquote(located.link.url[1:]).lower() in anchors:
                continue
            if index + 1 < len(spans):
                cut = Span(located.span.start, spans[index + 1].start)
            else:
                cut = Span(spans[index - 1].end, located.span.end)
            yield ctx.finding(
                self,
                located.span,
                f"Quick link `{year}` leads to no year section with papers: remove it",
                fix=safe_fix(f"remove the {year} quick link", Edit(cut, "")),
            )
        for year in sorted(set(sections) - set(listed), reverse=newest_first):
            target = sections[year]
            link = f"[{year}](#{target.anchor})"
            after = [i for i, y in enumerate(listed) if (y < year if newest_first else y > year)]
            if after:
                edit = Edit(Span(spans[after[0]].start, spans[after[0]].start), link + separator)
            else:
                edit = Edit(Span(whole.end, whole.end), separator + link)
            yield ctx.finding(
                self,
                whole,
                f"The quick links miss the {year} section (line {target.heading.line}): add {link}",
                fix=safe_fix(f"add the {year} quick link", edit),
            )


def form(anchor: str) -> str:
    """An anchor with its years written ``YYYY``: `papers-in-2022` → `papers-in-YYYY`.
    Quick links of one set, and the headings they lead to, share it."""
    return _YEAR.sub("YYYY", unquote(anchor).lower())


def _separator(text: str, spans: list[Span]) -> str:
    """What the line puts between two quick links: the most common text between
    neighbours on one line (a wrapped line also has one with a line break)."""
    between = [text[left.end : right.start] for left, right in pairwise(spans)]
    on_one_line = [piece for piece in between if "\n" not in piece and "\r" not in piece]
    if not on_one_line:  # `[2023](…) |⏎[2022](…)`: the line break becomes a space
        on_one_line = [_LINE_BREAK.sub(" ", piece) for piece in between]
    return Counter(on_one_line).most_common(1)[0][0]


def _year_sections(
    ctx: RuleContext, headings: list[HeadingAnchor]
) -> dict[str, dict[int, HeadingAnchor]]:
    """Anchor form → year → the outermost heading of that form carrying that year above
    a paper table."""
    tables = sorted(t.table.first_line for t in ctx.records.tables if t.is_paper)
    found: dict[str, dict[int, HeadingAnchor]] = {}
    open_: list[HeadingAnchor] = []  # the current heading at each level, outermost first
    position = 0
    for table_line in tables:
        while position < len(headings) and headings[position].heading.line < table_line:
            entry = headings[position]
            open_ = [h for h in open_ if h.heading.level < entry.heading.level] + [entry]
            position += 1
        for entry in open_:
            match = _YEAR.search(entry.text)
            if match is not None:
                found.setdefault(form(entry.anchor), {}).setdefault(int(match.group(1)), entry)
    return found


RULE = NavOutOfDate
