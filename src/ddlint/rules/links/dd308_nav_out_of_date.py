"""DD308 nav-out-of-date: the quick-links line misses a year section, or lists a gone one.

## What it does
Finds quick-links lines: a line outside tables with two or more in-page links
(`#…`) whose labels are years, such as
`**Papers sorted by year:** | [2022](#papers-in-2022) | [2021](#papers-in-2021) |`.
The years with a section are those of the headings that hold a paper table. A year
section missing from the line, or a listed year that has no section any more, is
reported.

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
own separator, linking to the anchor of the year's heading at the level the other
links point at; a stale year's link is removed with its separator. No record changes.

## Options
None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.links._links import HeadingAnchor, Located, fragment_links, heading_anchors
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span

_YEAR_LABEL = re.compile(r"[*_ ]*((?:19|20)\d\d)[*_ ]*")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


class NavOutOfDate(Rule):
    __doc__ = __doc__
    code = "DD308"
    name = "nav-out-of-date"
    scope = "document"
    fixable = "sometimes"
    edits_outside_tables = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        navs: dict[int, list[tuple[int, Located]]] = {}
        for located in fragment_links(ctx):  # the in-page links: quick links are some
            label = _YEAR_LABEL.fullmatch(located.link.label)
            if located.cell is None and located.link.url.startswith("#") and label:
                line = ctx.document.line_index.position(located.span.start)[0]
                navs.setdefault(line, []).append((int(label.group(1)), located))
        navs = {line: links for line, links in navs.items() if len(links) >= 2}
        if not navs:
            return
        headings = heading_anchors(ctx)
        sections = _year_sections(ctx, headings)
        for links in navs.values():
            yield from self._check_line(ctx, links, sections, headings)

    def _check_line(
        self,
        ctx: RuleContext,
        links: list[tuple[int, Located]],
        sections: dict[int, list[HeadingAnchor]],
        headings: list[HeadingAnchor],
    ) -> Iterator[Finding]:
        listed = [year for year, _ in links]
        spans = [located.span for _, located in links]
        whole = Span(spans[0].start, spans[-1].end)
        separator = ctx.text[spans[0].end : spans[1].start]
        newest_first = listed[0] > listed[-1]
        level = _target_level([located for _, located in links], headings)
        anchors = {h.anchor.lower() for h in headings}
        for index, (year, located) in enumerate(links):
            # A link that still reaches a heading is not stale, whatever the heading holds.
            if year in sections or located.link.url[1:].lower() in anchors:
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
        if not level:  # no quick link reaches a heading: nothing to learn the form from
            return
        for year in sorted(set(sections) - set(listed), reverse=newest_first):
            choices = sections[year]
            target = next((h for h in choices if h.heading.level == level), choices[0])
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


def _year_sections(
    ctx: RuleContext, headings: list[HeadingAnchor]
) -> dict[int, list[HeadingAnchor]]:
    """Year → the headings carrying that year above a paper table, outermost first."""
    tables = sorted(t.table.first_line for t in ctx.records.tables if t.is_paper)
    found: dict[int, list[HeadingAnchor]] = {}
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
                chosen = found.setdefault(int(match.group(1)), [])
                if entry not in chosen:
                    chosen.append(entry)
    return found


def _target_level(links: list[Located], headings: list[HeadingAnchor]) -> int:
    """The heading level most of the existing quick links point at."""
    by_anchor = {h.anchor.lower(): h.heading.level for h in headings}
    levels = [by_anchor.get(located.link.url[1:].lower()) for located in links]
    known = [level for level in levels if level is not None]
    return max(set(known), key=known.count) if known else 0


RULE = NavOutOfDate
