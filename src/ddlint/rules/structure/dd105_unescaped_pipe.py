"""DD105 unescaped-pipe: a `|` meant as text splits its cell in two.

## What it does
Finds a `|` inside a backtick code span, a link (its text, its URL or its title)
or a quoted HTML attribute in a table row, with no `\\` before it. GitHub splits
cells on every unescaped pipe before it reads any Markdown, so backticks and
brackets protect nothing: the cell breaks in two there. The finding points at
the pipe. A pipe escaped as `\\|` is fine and is not reported. A code span is
only trusted when the row has more cells than the header: a lone backtick in each
of two cells would read as one code span around the pipe between them.

## Why is this bad?
The row gets one cell too many: the link or code span is cut in half and shown
as raw text, every later cell moves one column right, and GitHub drops the last
cell without a trace.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Sharp|Flat Minima**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Sharp\\|Flat Minima**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

## Fix safety
Unsafe: escaping the pipe as `\\|` rejoins the cell, so the row's record changes
(the title gets its whole text back and the later cells move back to their
columns). That is the intended record, but it is not the one GitHub shows today,
so the fix needs `--unsafe-fixes`. DD103 leaves rows with such a pipe to this
rule and looks at their cell count again once the pipes are escaped, and DD402
leaves the row's padding alone until then (padding the pipe as a cell boundary
would write spaces into the link, code span or attribute it belongs to).

No fix when the pipe belongs to a link whose URL holds a pipe (in its destination,
or in an HTML `href` or `src`): GitHub links that URL only up to the pipe, or not
at all, so escaping any pipe of the link changes where the row's link goes. Check
the URL and write its pipe as `%7C` (or `\\|`) by hand.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.rules.structure._structure import row_text_pipes, url_pipe_spans
from ddlint.text.findings import Edit, Finding, Severity
from ddlint.text.spans import Span


class UnescapedPipe(Rule):
    __doc__ = __doc__
    code = "DD105"
    name = "unescaped-pipe"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "unsafe"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for table in ctx.document.tables:
            for row in table.rows:
                pipes = row_text_pipes(ctx.text, row, table.columns)
                if not pipes:
                    continue
                cells, columns = len(row.cells), table.columns
                shown = f"GitHub splits the cell here ({cells} cells, the header has {columns})"
                base = row.span.start
                in_urls = [
                    Span(base + start, base + end)
                    for start, end in url_pipe_spans(row.span.slice(ctx.text))
                ]
                for at, what in pipes:
                    if any(span.start <= at < span.end for span in in_urls):
                        yield ctx.finding(
                            self,
                            Span(at, at + 1),
                            f"Unescaped `|` inside {what} whose URL holds a pipe: {shown}, and "
                            "the link goes only up to that pipe; check the URL, then write a "
                            "pipe in it as `%7C` and one in the text as `\\|` (no fix: "
                            "escaping changes where the link goes)",
                        )
                        continue
                    yield ctx.finding(
                        self,
                        Span(at, at + 1),
                        f"Unescaped `|` inside {what}: {shown}; write it as `\\|`",
                        fix=unsafe_fix("escape the pipe as `\\|`", Edit(Span(at, at), "\\")),
                    )


RULE = UnescapedPipe
