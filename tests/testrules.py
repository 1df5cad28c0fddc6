"""Rules that exist only for tests, registered where a test needs them
(``with registered(Raises): ...``): a bug that raises, a 'safe' fix that loses a paper,
and one cause that can fall on any row. A worker process of ``--jobs`` imports them from
here as it would any rule module."""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules import Rule, RuleContext
from ddlint.rules.base import delete_line, safe_fix
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span

# One row with padding of its own: DD402's one fix where a style is configured.
UNFIXED = (
    "| Author | Title | Venue |\n|---|---|---|\n|  A  | [**T**](https://a.org/t) | ICML, 2022 |\n"
)


class Raises(Rule):
    """DD996 always-raises: a rule with a bug, standing for any unexpected error."""

    code = "DD996"
    name = "always-raises"
    scope = "document"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if "RAISE" in ctx.text:
            raise RuntimeError("boom")
        return iter(())


class LosesRows(Rule):
    """DD997 loses-rows: a rule whose 'safe' fix deletes a paper row, which the fixer
    must refuse to write."""

    code = "DD997"
    name = "loses-rows"
    scope = "row"
    fixable = "always"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if "LOSE" not in ctx.text:
            return
        for record in ctx.records.rows:
            if record.paper is not None:
                fix = safe_fix("delete the paper", delete_line(record.row.line_span))
                yield ctx.finding(self, record.row.span, "a paper", fix=fix)


class TrailingSpaces(Rule):
    """DD998 trailing-spaces: a row ends in spaces (one cause that may fall on any row,
    for the table-level finding of ``engine.collapse``)."""

    code = "DD998"
    name = "trailing-spaces"
    scope = "row"
    fixable = "always"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for table in ctx.document.tables:
            for row in table.rows:
                text = row.span.slice(ctx.text)
                stripped = text.rstrip(" ")
                if stripped != text:
                    span = Span(row.span.start + len(stripped), row.span.end)
                    fix = safe_fix("Remove the spaces", Edit(span, ""))
                    yield ctx.finding(
                        self,
                        span,
                        f"line ends in {len(text) - len(stripped)} spaces",
                        fix=fix,
                        reason="rows end in spaces",
                    )
