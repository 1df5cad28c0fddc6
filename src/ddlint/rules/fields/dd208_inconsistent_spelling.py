"""DD208 inconsistent-spelling: one value of a column spelled two ways.

## What it does
Compares the whole values of the Type and Task columns, and the venue names, across
the document. Values that differ only in case, spacing or hyphenation
(`Continual learning` / `Continual Learning`, `Few-shot` / `Few shot`) are one
value spelled several ways. Each spelling other than the majority's is reported
at its cell. On a tie, the spelling whose words the column writes that way
elsewhere wins (`Learning` when other tasks say `Few-Shot Learning`); failing that,
the first one in the document. A known venue keeps its official spelling: where
one row writes `OpenReview` and five `Openreview`, the five are reported, never the
one (`records.spellings`).

## Why is this bad?
GitHub shows the same task twice under different names; grouping, filtering or
counting papers by value splits them in two.

## Example
```markdown
| Author | Title | Task | Venue |
|---|---|---|---|
| Lovelace et al | [**Engine Notes**](https://x.org/1) | Image Classification | ICML, 2022 |
| Turing et al | [**Tables**](https://x.org/3) | Image classification | ICML, 2022 |
| Hopper et al | [**Compilers**](https://x.org/4) | Image Classification | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Task | Venue |
|---|---|---|---|
| Lovelace et al | [**Engine Notes**](https://x.org/1) | Image Classification | ICML, 2022 |
| Turing et al | [**Tables**](https://x.org/3) | Image Classification | ICML, 2022 |
| Hopper et al | [**Compilers**](https://x.org/4) | Image Classification | ICML, 2022 |
```

## Fix safety
Unsafe: it rewrites a value (the record's Task, Type or venue name changes) to the
majority spelling, taken verbatim from the first cell that uses it. A venue name
written with markup in its cell is only reported.

## Options
None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from ddlint.gfm.document import Cell
from ddlint.records.model import PaperTable
from ddlint.records.spellings import official_spelling
from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.text.findings import Edit, Finding, Fix
from ddlint.text.spans import Span

_SEPARATORS = re.compile(r"[\s\-‐‑–_]+")
_LABEL = {"type": "Type", "task": "Task", "venue": "venue name"}


class _Use(NamedTuple):  # one per cell of three columns: a tuple is the cheapest record
    spelling: str  # the value as GitHub renders it
    cell: Cell
    at: int  # where the spelling's source starts in the document; -1: cannot be rewritten
    source: str  # the source text that writes this spelling

    @property
    def replace(self) -> Span | None:
        """Where the spelling sits in the source, if it can be rewritten."""
        return Span(self.at, self.at + len(self.source)) if self.at >= 0 else None


class InconsistentSpelling(Rule):
    __doc__ = __doc__
    code = "DD208"
    name = "inconsistent-spelling"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "unsafe"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for field, groups in _groups(ctx).items():
            spellings = Counter(u.spelling for uses in groups.values() for u in uses)
            words: Counter[str] = Counter()
            for spelling, uses_of_it in spellings.items():  # split each spelling once
                for word in _spelling_words(spelling):
                    words[word] += uses_of_it
            for uses in groups.values():
                counts = Counter(u.spelling for u in uses)
                if len(counts) < 2:
                    continue
                best = _majority(uses, counts, words, field == "venue")
                model = next(u for u in uses if u.spelling == best)
                for use in uses:
                    if use.spelling == best:
                        continue
                    yield ctx.finding(
                        self,
                        use.cell.span,
                        f"{_LABEL[field].capitalize()} `{use.spelling}` is spelled "
                        f"`{best}` in {counts[best]} other row"
                        f"{'s' if counts[best] != 1 else ''}: GitHub shows two values; "
                        f"use one spelling",
                        fix=_fix(use, model),
                    )


def _groups(ctx: RuleContext) -> dict[str, dict[str, list[_Use]]]:
    """Per field, the uses of each value, keyed by its spelling-free form."""
    groups: dict[str, dict[str, list[_Use]]] = {field: {} for field in _LABEL}
    table: PaperTable | None = None
    columns: tuple[int | None, ...] = ()
    for record in ctx.records.rows:
        paper = record.paper
        if paper is None:
            continue
        if record.table is not table:  # rows come table by table: look the columns up once
            table = record.table
            columns = tuple(table.columns.column_of(f) for f in ("type", "task", "venue"))
        cells, contents = record.cells, record.contents
        for field, column in zip(("type", "task"), columns):
            if column is None or column >= len(cells):
                continue
            cell, content = cells[column], contents[column]
            if cell is not None and content is not None and content.text:
                # The span of the whole cell, unless markup stands around the value.
                at = cell.start if not content.has_markup else -1
                use = _Use(content.text, cell, at, cell.text)
                groups[field].setdefault(_key(content.text), []).append(use)
        column = columns[2]
        cell = cells[column] if column is not None and column < len(cells) else None
        name = paper.venue.name if paper.venue else None
        if cell is not None and name:
            at = cell.text.find(name)
            use = _Use(name, cell, cell.start + at if at >= 0 else -1, name)
            groups["venue"].setdefault(_key(name), []).append(use)
    return groups


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def _spelling_words(spelling: str) -> list[str]:
    return [w for w in _SEPARATORS.split(spelling) if w]


def _majority(uses: list[_Use], counts: Counter[str], words: Counter[str], venue: bool) -> str:
    """A known venue's official spelling, where a row writes it; else most rows; then
    the casing the column uses for these words; then the first."""
    order = list(dict.fromkeys(u.spelling for u in uses))
    if venue:
        official = official_spelling(order[0])
        if official is not None and official in counts:
            return official

    def rank(spelling: str) -> tuple[int, float, int]:
        parts = [w for w in _SEPARATORS.split(spelling) if w]
        casing = sum(words[w] for w in parts) / max(len(parts), 1)
        return (-counts[spelling], -casing, order.index(spelling))

    return min(order, key=rank)


def _fix(use: _Use, model: _Use) -> Fix | None:
    replace = use.replace
    if replace is None:
        return None
    return unsafe_fix(f"write `{model.spelling}`", Edit(replace, model.source))


RULE = InconsistentSpelling
