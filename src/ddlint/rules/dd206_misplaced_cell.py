"""DD206 misplaced-cell: a value written in the wrong column.

## What it does
Learns each column's vocabulary from the document itself: the Type values, the
Task values and the dataset names (each comma-separated item) of every row. A
Type, Task or Dataset cell whose items (most of them, `etc` aside) are known only
from another of these columns, and never from its own in any other row, is
misplaced: `MNIST` in Task, `Image Classification` in Dataset.

## Why is this bad?
GitHub shows the value under the wrong header, and filters or exports of the list
(papers per task, per dataset) file the paper wrongly.

## Example
```markdown
| Author | Title | Task | Dataset | Venue |
|---|---|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | Image Classification | CIFAR-10 | ICML, 2022 |
| Alan Turing et al | [**On Computable Tables**](https://arxiv.org/abs/2201.00003) | CIFAR-10 | Image Classification | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Task | Dataset | Venue |
|---|---|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | Image Classification | CIFAR-10 | ICML, 2022 |
| Alan Turing et al | [**On Computable Tables**](https://arxiv.org/abs/2201.00003) | Image Classification | CIFAR-10 | ICML, 2022 |
```

## Fix safety
Unsafe: it changes the row's values. Two cells misplaced into each other's columns
are swapped; a value whose own column is empty in that row moves there. Any other
misplaced value is only reported.

## Options
None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ddlint.findings import Edit, Finding, Fix
from ddlint.records import RowRecord
from ddlint.rules._fields import fill_cell, items, loose_key, paper_rows
from ddlint.rules.base import Rule, RuleContext, unsafe_fix

FIELDS = ("type", "task", "datasets")
_LABEL = {"type": "Type", "task": "Task", "datasets": "Dataset"}
Keys = dict[str, frozenset[str]]


class MisplacedCell(Rule):
    __doc__ = __doc__
    code = "DD206"
    name = "misplaced-cell"
    scope = "row"
    fixable = "sometimes"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        rows = [(record, _row_keys(record)) for record, _ in paper_rows(ctx)]
        vocab = {field: Counter(k for _, keys in rows for k in keys[field]) for field in FIELDS}
        for record, keys in rows:
            moves = {f: _target(f, keys, vocab) for f in FIELDS}
            for field, target in moves.items():
                cell = record.cell(field)
                if target is None or cell is None:
                    continue
                yield ctx.finding(
                    self,
                    cell.span,
                    f"`{cell.text}` in the {_LABEL[field]} column is a {_LABEL[target]} "
                    f"value elsewhere in this list: GitHub shows it under the wrong header; "
                    f"move it to {_LABEL[target]}",
                    fix=_fix(ctx, record, field, target, moves[target]),
                )


def _row_keys(record: RowRecord) -> Keys:
    keys: Keys = {}
    for field in FIELDS:
        content = record.content(field)
        text = content.text if content is not None else ""
        keys[field] = frozenset(k for k in (loose_key(i) for i in items(text)) if k)
    return keys


def _target(field: str, keys: Keys, vocab: dict[str, Counter[str]]) -> str | None:
    """The column most of the cell's items belong to, if they never occur in their own."""
    own = keys[field]
    votes: Counter[str] = Counter()
    for key in own:
        if vocab[field][key] > 1:  # seen in this column in another row
            return None
        homes = [other for other in FIELDS if other != field and vocab[other][key] > 0]
        if len(homes) == 1:
            votes[homes[0]] += 1
    if not votes:
        return None
    target, count = votes.most_common(1)[0]
    return target if count * 2 > len(own) else None


def _fix(
    ctx: RuleContext, record: RowRecord, field: str, target: str, back: str | None
) -> Fix | None:
    cell, other = record.cell(field), record.cell(target)
    if cell is None or other is None:
        return None
    if back == field:
        edits = (Edit(cell.span, other.text), Edit(other.span, cell.text))
        return unsafe_fix(f"swap the {_LABEL[field]} and {_LABEL[target]} cells", *edits)
    if not other.text:
        edits = (Edit(cell.span, ""), fill_cell(ctx.text, other, cell.text))
        return unsafe_fix(f"move the value to the {_LABEL[target]} column", *edits)
    return None


RULE = MisplacedCell
