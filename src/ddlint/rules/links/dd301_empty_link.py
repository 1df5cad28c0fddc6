"""DD301 empty-link: a link with an empty target, such as `[Code]()`.

## What it does
Finds links of paper rows whose target is empty (`[Code]()`, `[Poster]( )`): a
template link the contributor never filled in. Placeholder rows are left to DD201.

## Why is this bad?
GitHub shows the label as a link that goes nowhere (it reloads the page), so
readers click "Code" and find no code.

## Example
```markdown
| Author | Title | Supp. Material |
|---|---|---|
| Ada et al | [**Engine**](https://arxiv.org/abs/2201.00001) | [Code](https://x.org/e), [Poster]() |
| Alan et al | [**Tables**](https://arxiv.org/abs/2201.00003) | [Code]() |
```

## Use instead
```markdown
| Author | Title | Supp. Material |
|---|---|---|
| Ada et al | [**Engine**](https://arxiv.org/abs/2201.00001) | [Code](https://x.org/e) |
| Alan et al | [**Tables**](https://arxiv.org/abs/2201.00003) | |
```

## Fix safety
Safe, and only in a links column (Code, Supp. Material, …) for a link whose label is
plain text: the link is removed with the separator (`, `, ` `, `;`, `<br>`) joining
it to its neighbour, and a cell left empty becomes `| |`, or gets the list's own
mark for no link where the list's columns of that name have a clear one (`| - |`: at
least 80 %, and 5, of their cells without a link write the same dash or slash).
Empty-target links are no part of a record, so no record changes. A link elsewhere
(a title, an unrecognised column) or one whose label carries markup (an image badge,
`~~struck~~` text) is only reported: removing it would drop text a reader sees.

## Options
None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.format._format import clear_convention
from ddlint.rules.links._links import Located, paper_links
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span

_PLAIN_LABEL = re.compile(r"[\w .'+/-]*")
_SEPARATOR = re.compile(r"[ \t]*(?:[,;·]|<br\s*/?>)?[ \t]*", re.IGNORECASE)


class EmptyLink(Rule):
    __doc__ = __doc__
    code = "DD301"
    name = "empty-link"
    scope = "row"
    fixable = "sometimes"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        found = paper_links(ctx)
        for index, url in enumerate(found.urls):
            if url.strip():
                continue
            located = found.locate(index)
            link = located.link
            label = link.label or "link"
            edit = _removal(located, ctx.text, ctx)
            yield ctx.finding(
                self,
                located.where,
                f"`{label}` links to nothing: GitHub shows a link that goes nowhere; "
                "add its URL or remove it",
                fix=safe_fix(f"remove the empty `{label}` link", edit) if edit else None,
            )


def _no_link_mark(ctx: RuleContext, header: str) -> str:
    """What the list's links columns under ``header`` write in a cell without a link
    (`-`), when that is a clear convention of theirs; else "" (an empty cell)."""
    marks: dict[str, str] | None = ctx.shared.get(_NO_LINK_MARK)
    if marks is None:
        counts: dict[str, Counter[str]] = {}
        for record in ctx.records.paper_rows:
            columns = record.table.columns
            for column, content in enumerate(record.contents):
                if content is None or column >= len(columns.fields):
                    continue
                if columns.fields[column] != ("links",) or content.links or content.images:
                    continue
                name = columns.headers[column].strip().casefold()
                counts.setdefault(name, Counter())[content.text.strip()] += 1
        marks = {}
        for name, seen in counts.items():
            mark = clear_convention(seen) or ""
            marks[name] = mark if _MARK.fullmatch(mark) else ""
        ctx.shared[_NO_LINK_MARK] = marks
    return marks.get(header.strip().casefold(), "")


_NO_LINK_MARK = "dd301:no-link-marks"
# A mark for no link is punctuation (a dash, a slash, a cross), never words a person
# would have to have written.
_MARK = re.compile(r"[-–—/✗×✘]{1,3}")


def _removal(located: Located, document_text: str, ctx: RuleContext) -> Edit | None:
    link, record, cell = located.link, located.record, located.cell
    assert record is not None and cell is not None
    headers = record.table.columns.headers
    mark = _no_link_mark(ctx, headers[located.column] if located.column < len(headers) else "")
    if record.table.columns.fields[located.column] != ("links",) or link.has_image:
        return None
    if link.kind != "inline" or not _PLAIN_LABEL.fullmatch(_raw_label(located)):
        return None
    text, span = cell.text, link.span
    siblings = [other.span for other in record.contents[located.column].links]  # type: ignore[union-attr]
    index = siblings.index(span)
    before = siblings[index - 1] if index else None
    after = siblings[index + 1] if index + 1 < len(siblings) else None
    if before is not None and _SEPARATOR.fullmatch(text, before.end, span.start):
        return Edit(Span(cell.span.start + before.end, cell.span.start + span.end), "")
    if after is not None and _SEPARATOR.fullmatch(text, span.end, after.start):
        return Edit(Span(cell.span.start + span.start, cell.span.start + after.start), "")
    if span != Span(0, len(text)):
        return None
    start, end = cell.span
    if mark:
        return Edit(Span(start, end), mark)  # `| [Code]() |` becomes `| - |`
    if document_text[start - 1 : start] == " " and document_text[end : end + 1] == " ":
        start -= 1  # `| [Code]() |` becomes `| |`
    return Edit(Span(start, end), "")


def _raw_label(located: Located) -> str:
    source = located.link.span.slice(located.text)
    close = source.rfind("](")
    return source[1:close] if source.startswith("[") and close > 0 else ""


RULE = EmptyLink
