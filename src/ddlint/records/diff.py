"""What changed in the records of a list: papers added, removed, moved, edited.

A line diff of a README shows moved rows as deleted and re-added and a re-sorted
table as a wall of red and green. Here papers are matched by who they are, not by
where they sit: first identical records, then the same paper (``same_paper_keys``),
by a shared arXiv id or DOI in the paper's URL first, then by the same title. What
is left unmatched was added or removed. Pure: two sequences of ``Paper`` in, a typed
``RecordDiff`` out (``report.recorddiff`` turns it into text, Markdown or JSON-ready
data).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from ddlint.inline.urls import canonical_url
from ddlint.records.identity import paper_id_keys, paper_identity, title_keys
from ddlint.records.model import Paper


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class PaperChange:
    """One paper found on both sides that moved to another section or changed fields."""

    old: Paper
    new: Paper
    fields: tuple[FieldChange, ...]

    @property
    def moved(self) -> bool:
        return section_name(self.old) != section_name(self.new)


@dataclass(frozen=True)
class RecordDiff:
    added: tuple[Paper, ...]
    removed: tuple[Paper, ...]
    changed: tuple[PaperChange, ...]  # moved, edited, or both

    @property
    def moved(self) -> tuple[PaperChange, ...]:
        return tuple(change for change in self.changed if change.moved)

    @property
    def edited(self) -> tuple[PaperChange, ...]:
        return tuple(change for change in self.changed if change.fields)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def diff_papers(old: Sequence[Paper], new: Sequence[Paper]) -> RecordDiff:
    left = list(range(len(old)))
    right = list(range(len(new)))
    pairs: list[tuple[int, int]] = []
    for key in (_same_record, paper_id_keys, title_keys):
        matched = _match(old, new, left, right, key)
        pairs.extend(matched)
        used_old = {i for i, _ in matched}
        used_new = {j for _, j in matched}
        left = [i for i in left if i not in used_old]
        right = [j for j in right if j not in used_new]
    changes = []
    for i, j in sorted(pairs, key=lambda pair: pair[1]):
        change = PaperChange(old[i], new[j], field_changes(old[i], new[j]))
        if change.moved or change.fields:
            changes.append(change)
    return RecordDiff(
        added=tuple(new[j] for j in right),
        removed=tuple(old[i] for i in left),
        changed=tuple(changes),
    )


def _match(
    old: Sequence[Paper],
    new: Sequence[Paper],
    left: Iterable[int],
    right: Iterable[int],
    keys: Callable[[Paper], tuple[Hashable, ...]],
) -> list[tuple[int, int]]:
    """Pair unmatched papers sharing a key, in order, each at most once."""
    waiting: dict[Hashable, list[int]] = {}
    for i in left:
        for key in keys(old[i]):
            waiting.setdefault(key, []).append(i)
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for j in right:
        for key in keys(new[j]):
            candidates = [i for i in waiting.get(key, ()) if i not in taken]
            if candidates:
                taken.add(candidates[0])
                pairs.append((candidates[0], j))
                break
    return pairs


def _same_record(paper: Paper) -> tuple[Hashable, ...]:
    return (paper_identity(paper),)


# -- fields -----------------------------------------------------------------------------


def section_name(paper: Paper) -> str:
    return paper.section.heading or (str(paper.section.year) if paper.section.year else "")


def _venue(paper: Paper) -> str:
    return paper.venue.raw if paper.venue else ""


def _venue_value(paper: Paper) -> object:
    venue = paper.venue
    return (venue.name, venue.year, venue.month, venue.kind) if venue else None


def _links(paper: Paper) -> str:
    return ", ".join(f"{link.label} <{link.url}>" for link in paper.links if link.url.strip())


def _link_value(paper: Paper) -> object:
    return tuple((link.label, canonical_url(link.url)) for link in paper.links if link.url.strip())


# (field, how it is shown, what is compared): a venue respelt `NeurIPS 2022` ->
# `NeurIPS, 2022` or a link canonicalised is not a change of the record.
_FIELDS: tuple[tuple[str, Callable[[Paper], str], Callable[[Paper], object]], ...] = (
    ("title", lambda p: p.title, lambda p: p.title),
    ("url", lambda p: p.url or "", lambda p: canonical_url(p.url or "")),
    (
        "authors",
        lambda p: ", ".join(p.authors) + (" et al" if p.et_al else ""),
        lambda p: (tuple(p.authors), p.et_al),
    ),
    ("type", lambda p: p.type, lambda p: p.type),
    ("task", lambda p: p.task, lambda p: p.task),
    ("datasets", lambda p: ", ".join(p.datasets), lambda p: tuple(p.datasets)),
    ("venue", _venue, _venue_value),
    ("year", lambda p: str(p.year or ""), lambda p: p.year),
    ("links", _links, _link_value),
    (
        "extra",
        lambda p: ", ".join(f"{k}: {v}" for k, v in sorted(p.extra.items())),
        lambda p: tuple(sorted(p.extra.items())),
    ),
)


def field_changes(old: Paper, new: Paper) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, show(old), show(new))
        for name, show, value in _FIELDS
        if value(old) != value(new)
    )
