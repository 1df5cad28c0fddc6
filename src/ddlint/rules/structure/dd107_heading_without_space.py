"""DD107 heading-without-space: a heading whose `#` marks lack the space after them.

## What it does
Finds a line of text that starts with `#` marks and no space after them, such as
`#####2019` or `##Vision`. GitHub (CommonMark) opens a heading only when the marks
are followed by a space, so it shows the line as plain text, with its `#`s. A line
with one `#` (`#tag`) is reported only when it names a year or a table follows it,
where it plainly was meant to open a section.

## Why is this bad?
The section the line was meant to open does not exist: the table of papers under it
belongs to the section above, has no anchor for the quick links, and its rows are
filed under the wrong heading (and year) by every rule and export.

## Example
```markdown
### 2022

| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |

###2021

| Author | Title | Venue |
|---|---|---|
| Turing et al | [**Tables**](https://arxiv.org/abs/2101.00003) | ICLR, 2021 |
```

## Use instead
```markdown
### 2022

| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |

### 2021

| Author | Title | Venue |
|---|---|---|
| Turing et al | [**Tables**](https://arxiv.org/abs/2101.00003) | ICLR, 2021 |
```

## Fix safety
No fix: the space adds a heading, which moves every row below it into a new section
(their records change), and only a person can confirm the line was meant as one.

## Options
None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ddlint.gfm.document import Document
from ddlint.rules.base import Rule, RuleContext
from ddlint.text.findings import Finding
from ddlint.text.spans import Span

_NO_SPACE_HEADING = re.compile(r" {0,3}(#{1,6})([^#\s].*)")
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")


class HeadingWithoutSpace(Rule):
    __doc__ = __doc__
    code = "DD107"
    name = "heading-without-space"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for heading in unspaced_headings(ctx.document):
            yield ctx.finding(
                self,
                heading.span,
                f"`{heading.marks}{heading.text}` is not a heading: GitHub needs a space "
                "after the `#` marks, so it shows this line as text and the section it "
                f"opens does not exist; write `{heading.marks} {heading.text.strip()}`",
            )


class UnspacedHeading(NamedTuple):
    line: int
    marks: str
    text: str  # after the marks
    span: Span  # from the first mark to the end of the line


def unspaced_headings(document: Document) -> Iterator[UnspacedHeading]:
    """Lines of text that would be headings with a space after their `#` marks."""
    text = document.text
    for index, block in enumerate(document.blocks):
        if block.kind != "paragraph":
            continue
        for number in range(block.first_line, block.last_line + 1):
            line = document.lines[number - 1]
            match = _NO_SPACE_HEADING.fullmatch(text, line.start, line.end)
            if match is None:
                continue
            marks, rest = match.group(1), match.group(2)
            if len(marks) == 1 and not (_YEAR.search(rest) or _table_follows(document, index)):
                continue  # `#tag`: a hashtag, not a heading
            yield UnspacedHeading(number, marks, rest, Span(match.start(1), line.end))


def _table_follows(document: Document, index: int) -> bool:
    """The next block after the paragraph, blank lines aside, is a table."""
    for block in document.blocks[index + 1 :]:
        if block.kind != "blank":
            return block.kind == "table"
    return False


RULE = HeadingWithoutSpace
