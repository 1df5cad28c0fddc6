"""DD404 title-format: a title is not written in the style most titles of the list use.

## What it does
Looks at every Title cell that is a single link, with optional emphasis inside or
around it and nothing else: `[**Title**](url)`, `[Title](url)`, `**[Title](url)**`,
`[*Title*](url)`, `[__Title__](url)` … Whichever style most of them use is the
list's style (a tie decides nothing); titles in another style are reported. Cells
holding anything else (a second link, a badge, authors after a `<br>`) are not
counted and not reported.

## Why is this bad?
GitHub shows the odd title in a different weight or slant, so the row looks like a
different kind of entry, and contributors copy whichever form they see first.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Alan Turing et al | [On Computable Tables](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
| Grace Hopper et al | [**Compiling Papers**](https://arxiv.org/abs/2201.00004) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Alan Turing et al | [**On Computable Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
| Grace Hopper et al | [**Compiling Papers**](https://arxiv.org/abs/2201.00004) | ICML, 2022 |
```

## Fix safety
Safe: the title's text and the link's destination are kept byte for byte; only the
emphasis markers move. The fix is offered only when the new cell reads back as the
same text and the same single link.

## Options
None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ddlint.gfm.document import Cell
from ddlint.inline.parse import parse_inline
from ddlint.records.model import PaperTable
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.text.findings import Edit, Finding

# (marker outside the link, marker inside the label)
Style = tuple[str, str]
_MARK = r"\*\*|__|\*|_|"
_TITLE_CELL = re.compile(
    rf"(?P<outer>{_MARK})\[(?P<inner>{_MARK})(?P<title>[^\s*_\[\]\\](?:[^\[\]\\]*[^\s*_\[\]\\])?)"
    rf"(?P=inner)\]\((?P<target>[^()\s]+)\)(?P=outer)"
)


class TitleFormat(Rule):
    __doc__ = __doc__
    code = "DD404"
    name = "title-format"
    scope = "row"
    fixable = "always"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        # Only (cell, style) per title, the style one shared tuple: a list of 100 000 rows
        # would otherwise hold a copy of every title and URL while the rule runs.
        titles: list[tuple[Cell, Style]] = []
        styles: dict[Style, Style] = {}
        table: PaperTable | None = None
        column: int | None = None
        for record in ctx.records.paper_rows:
            if record.table is not table:  # rows come table by table: look the column up once
                table = record.table
                column = _title_column(table)
            if column is None:
                continue
            cell = record.cells[column] if column < len(record.cells) else None
            match = _TITLE_CELL.fullmatch(cell.text) if cell is not None else None
            if cell is None or match is None:
                continue
            style = (match.group("outer"), match.group("inner"))
            titles.append((cell, styles.setdefault(style, style)))
        ranked = Counter(style for _, style in titles).most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return
        majority, count = ranked[0]
        shown = _write(majority, "Title", "url")
        for cell, style in titles:
            if style is majority:
                continue
            match = _TITLE_CELL.fullmatch(cell.text)
            assert match is not None  # it matched above
            new = _write(majority, match.group("title"), match.group("target"))
            fix = None
            if _same_meaning(cell.text, new):
                fix = safe_fix(f"write the title as {shown}", Edit(cell.span, new))
            yield ctx.finding(
                self,
                cell.span,
                f"Title written as `{_write(style, 'Title', 'url')}`, but {count} of the "
                f"{len(titles)} titles in this list use `{shown}`; run --fix to match them",
                fix=fix,
            )


def _title_column(table: PaperTable) -> int | None:
    """The table's Title column, when it holds the title alone."""
    column = table.columns.column_of("title")
    if column is None or table.columns.fields[column] != ("title",):
        return None
    return column


def _write(style: Style, title: str, target: str) -> str:
    outer, inner = style
    return f"{outer}[{inner}{title}{inner}]({target}){outer}"


def _same_meaning(old: str, new: str) -> bool:
    before, after = parse_inline(old), parse_inline(new)
    return (
        before.text == after.text
        and len(after.links) == 1
        and [(link.label, link.url) for link in before.links]
        == [(link.label, link.url) for link in after.links]
    )


RULE = TitleFormat
