"""DD206 misplaced-cell: a value written in the wrong column.

## What it does
Learns each column's vocabulary from the document itself: the Type values, the
Task values and the dataset names (each comma-separated item) of every row. A
Type, Task or Dataset cell whose items (most of them, `etc` aside) are known only
from another of these columns (at least twice), and never from its own in any
other row, is misplaced: `MNIST` in Task, `Image Classification` in Dataset. A
value's head before a colon counts too: `Application: Privacy` in Type is a task
when the Task column says `Application: …` elsewhere.

## Why is this bad?
GitHub shows the value under the wrong header, and filters or exports of the list
(papers per task, per dataset) file the paper wrongly.

## Example
```markdown
| Author | Title | Task | Dataset | Venue |
|---|---|---|---|---|
| Lovelace et al | [**Engines**](https://x.org/1) | Image Classification | CIFAR-10 | ICML, 2022 |
| Turing et al | [**Tables**](https://x.org/3) | CIFAR-10 | Image Classification | ICML, 2022 |
| Hopper et al | [**Compilers**](https://x.org/4) | Image Classification | CIFAR-10 | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Task | Dataset | Venue |
|---|---|---|---|---|
| Lovelace et al | [**Engines**](https://x.org/1) | Image Classification | CIFAR-10 | ICML, 2022 |
| Turing et al | [**Tables**](https://x.org/3) | Image Classification | CIFAR-10 | ICML, 2022 |
| Hopper et al | [**Compilers**](https://x.org/4) | Image Classification | CIFAR-10 | ICML, 2022 |
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

from ddlint.records.identity import loose_key
from ddlint.records.model import RowRecord
from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.rules.fields._fields import field_texts, fill_cell, items
from ddlint.text.findings import Edit, Finding, Fix

FIELDS = ("type", "task", "datasets")
_LABEL = {"type": "Type", "task": "Task", "datasets": "Dataset"}
# Per column, the cell's items; each item is its features (see ``_features``).
Keys = dict[str, tuple[tuple[str, ...], ...]]
Vocabulary = dict[str, Counter[str]]
_MIN_EVIDENCE = 2


class MisplacedCell(Rule):
    __doc__ = __doc__
    code = "DD206"
    name = "misplaced-cell"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "unsafe"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        # Each column's texts, counted: the rows are read again only when a cell is in
        # doubt, so no list of every row's texts is held.
        written: list[Counter[str]] = [Counter() for _ in FIELDS]
        for _, texts in field_texts(ctx, FIELDS):
            for counter, text in zip(written, texts):
                counter[text] += 1
        keys_of = _Keys()
        vocab = _vocabulary(written, keys_of)
        # A cell with an item its own column writes in another row is never misplaced:
        # most cells are, and that is decided once per column and text.
        doubtful = [
            {t for t in counter if not _settled(field, keys_of(t), vocab)}
            for counter, field in zip(written, FIELDS)
        ]
        if not any(doubtful):  # a list without misplaced cells: nothing to judge row by row
            return
        decided: dict[tuple[str, ...], dict[str, str | None]] = {}
        for record, texts in field_texts(ctx, FIELDS):
            if all(text not in found for text, found in zip(texts, doubtful)):
                continue
            # Rows with the same values are judged the same against the same vocabulary.
            moves = decided.get(texts)
            if moves is None:
                keys = {field: keys_of(text) for field, text in zip(FIELDS, texts)}
                moves = decided[texts] = {f: _target(f, keys, vocab) for f in FIELDS}
            for field, target in moves.items():
                cell = record.cell(field)
                if target is None or cell is None:
                    continue
                yield ctx.finding(
                    self,
                    cell.span,
                    f"`{cell.text}` in the {_LABEL[field]} column is what this list writes "
                    f"under {_LABEL[target]}: GitHub shows it under the wrong header; "
                    f"move it to {_LABEL[target]}",
                    fix=_fix(ctx, record, field, target, moves[target]),
                )


class _Keys:
    """A cell text's items, each as its features (see ``_features``), memoised: a list
    repeats its values, and its items even more."""

    def __init__(self) -> None:
        self.texts: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.items: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> tuple[tuple[str, ...], ...]:
        found = self.texts.get(text)
        if found is None:
            features = map(self._features, items(text))
            found = self.texts[text] = tuple(dict.fromkeys(f for f in features if f[0]))
        return found

    def _features(self, item: str) -> tuple[str, ...]:
        found = self.items.get(item)
        if found is None:
            found = self.items[item] = _features(item)
        return found


def _vocabulary(written: list[Counter[str]], keys_of: _Keys) -> Vocabulary:
    """Per column, in how many rows each feature occurs (once per row); ``written``:
    per column, in how many rows each text is."""
    vocab: Vocabulary = {}
    for texts, field in zip(written, FIELDS):
        counter: Counter[str] = Counter()
        for text, rows_with_it in texts.items():
            for feature in {f for item in keys_of(text) for f in item}:
                counter[feature] += rows_with_it
        vocab[field] = counter
    return vocab


def _settled(field: str, own: tuple[tuple[str, ...], ...], vocab: Vocabulary) -> bool:
    """``_target`` is None for these items whatever the row's other cells hold: there are
    none, or one is seen in this column in another row."""
    counts = vocab[field]
    return not own or any(counts[f] > 1 for item in own for f in item)


def _features(item: str) -> tuple[str, ...]:
    """An item's key, and its head before a colon (the `Application:` of a task)."""
    head, colon, _ = item.partition(":")
    key = loose_key(item)
    return (key, loose_key(head) + ":") if colon and loose_key(head) else (key,)


def _target(field: str, keys: Keys, vocab: Vocabulary) -> str | None:
    """The column most of the cell's items belong to, if none occurs in its own column."""
    own = keys[field]
    votes: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    for item in own:
        if any(vocab[field][f] > 1 for f in item):  # seen in this column in another row
            return None
        support = {o: _elsewhere(o, item, keys, vocab) for o in FIELDS if o != field}
        best = max(support.values())
        homes = [other for other, count in support.items() if count == best]
        if best and len(homes) == 1:
            votes[homes[0]] += 1
            evidence[homes[0]] += best
    if not votes:
        return None
    target, count = votes.most_common(1)[0]
    # One other row is no evidence: two rows with swapped cells would accuse each other.
    return target if count * 2 > len(own) and evidence[target] >= _MIN_EVIDENCE else None


def _elsewhere(field: str, item: tuple[str, ...], keys: Keys, vocab: Vocabulary) -> int:
    """How often the item's features occur in ``field`` in other rows."""
    mine = {f for other in keys[field] for f in other}
    return sum(vocab[field][f] - (f in mine) for f in item)


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
