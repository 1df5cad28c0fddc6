"""What changed in the records of a list: papers added, removed, moved, edited.

A line diff of a README shows moved rows as deleted and re-added and a re-sorted
table as a wall of red and green. Here papers are matched by who they are, not by
where they sit: first identical records, then a shared arXiv id or DOI in the
paper's URL, then the same normalised title. What is left unmatched was added or
removed. Pure: two sequences of ``Paper`` in, a typed ``RecordDiff`` out, and
formatters that turn it into text, Markdown or JSON-ready data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ddlint.inline.urls import canonical_url, paper_ids
from ddlint.records.identity import paper_identity
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


def normalized_title(title: str) -> str:
    """Case, accents, punctuation and spacing removed: ``**Foo-Bar**`` == ``foo bar``."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", letters.replace("_", " ")))


def diff_papers(old: Sequence[Paper], new: Sequence[Paper]) -> RecordDiff:
    left = list(range(len(old)))
    right = list(range(len(new)))
    pairs: list[tuple[int, int]] = []
    for key in (_same_record, _ids, _title):
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


def _ids(paper: Paper) -> tuple[Hashable, ...]:
    return paper_ids(paper.url or "")


def _title(paper: Paper) -> tuple[Hashable, ...]:
    title = normalized_title(paper.title)
    return (title,) if title else ()


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


# -- output -----------------------------------------------------------------------------


def _where(paper: Paper) -> str:
    section = section_name(paper)
    return f"line {paper.origin.line}" + (f", {section}" if section else "")


def format_text(path: str, diff: RecordDiff) -> str:
    """Plain text for a terminal; empty when nothing changed."""
    if not diff:
        return ""
    lines = [f"{path}: {summary(diff)}"]
    lines += [f"  + {p.title or '(untitled)'} ({_where(p)})" for p in diff.added]
    lines += [f"  - {p.title or '(untitled)'} ({_where(p)})" for p in diff.removed]
    for change in diff.changed:
        lines.append(f"  ~ {change.new.title or '(untitled)'} ({_where(change.new)})")
        if change.moved:
            lines.append(
                f"      section: {section_name(change.old)!r} -> {section_name(change.new)!r}"
            )
        lines += [f"      {f.field}: {f.old!r} -> {f.new!r}" for f in change.fields]
    return "\n".join(lines) + "\n"


def summary(diff: RecordDiff) -> str:
    counts = (
        (len(diff.added), "added"),
        (len(diff.removed), "removed"),
        (len(diff.moved), "moved"),
        (len(diff.edited), "changed"),
    )
    said = [f"{count} {word}" for count, word in counts if count]
    return ", ".join(said) if said else "no record changed"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def format_markdown(diffs: Sequence[tuple[str, RecordDiff]]) -> str:
    """Markdown for a pull request comment or ``$GITHUB_STEP_SUMMARY``."""
    parts = ["## ddlint diff"]
    if not any(diff for _, diff in diffs):
        parts.append("No paper record changed.")
    for path, diff in diffs:
        if not diff:
            continue
        items = [f"### {_md(path)}", f"**{summary(diff)}**", ""]
        items += [f"- ➕ added: **{_md(p.title)}** ({_md(_where(p))})" for p in diff.added]
        items += [f"- ➖ removed: **{_md(p.title)}** ({_md(_where(p))})" for p in diff.removed]
        for change in diff.changed:
            items.append(f"- ✏️ **{_md(change.new.title)}** ({_md(_where(change.new))})")
            if change.moved:
                items.append(
                    f"  - section: {_md(section_name(change.old))} → "
                    f"{_md(section_name(change.new))}"
                )
            items += [f"  - {f.field}: `{_code(f.old)}` → `{_code(f.new)}`" for f in change.fields]
        parts.append("\n".join(items))
    return "\n\n".join(parts) + "\n"


def _code(text: str) -> str:
    # Inside a code span only a backtick can end it early.
    return " ".join(text.split()).replace("`", "'") or " "


def to_json(path: str, diff: RecordDiff) -> dict[str, Any]:
    def paper(p: Paper) -> dict[str, Any]:
        return p.model_dump(mode="json")

    return {
        "path": path,
        "added": [paper(p) for p in diff.added],
        "removed": [paper(p) for p in diff.removed],
        "changed": [
            {
                "title": change.new.title,
                "old_line": change.old.origin.line,
                "new_line": change.new.origin.line,
                "moved": (
                    {"from": section_name(change.old), "to": section_name(change.new)}
                    if change.moved
                    else None
                ),
                "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in change.fields],
            }
            for change in diff.changed
        ],
    }
