"""``ddlint diff``'s output: a ``RecordDiff`` as text, Markdown or JSON-ready data.

The command imports this one module: ``diff_papers`` and ``RecordDiff`` are the record
diff of ``records.diff``, named here beside their formats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ddlint.records.diff import FieldChange, PaperChange, RecordDiff, diff_papers, section_name
from ddlint.records.model import Paper

__all__ = ["RecordDiff", "diff_papers", "format_markdown", "format_text", "summary", "to_json"]


def _where(paper: Paper) -> str:
    section = section_name(paper)
    return f"line {paper.origin.line}" + (f", {section}" if section else "")


def _entries(
    diff: RecordDiff,
    paper: Callable[[str, Paper], str],
    moved: Callable[[PaperChange], str],
    field: Callable[[FieldChange], str],
) -> list[str]:
    """A line per paper added (``+``), removed (``-``) and changed (``~``), each change
    followed by its new section and its changed fields: the shape both formats share."""
    lines = [paper("+", p) for p in diff.added]
    lines += [paper("-", p) for p in diff.removed]
    for change in diff.changed:
        lines.append(paper("~", change.new))
        if change.moved:
            lines.append(moved(change))
        lines += [field(f) for f in change.fields]
    return lines


def format_text(path: str, diff: RecordDiff) -> str:
    """Plain text for a terminal; empty when nothing changed."""
    if not diff:
        return ""
    lines = [f"{path}: {summary(diff)}"]
    lines += _entries(
        diff,
        lambda mark, p: f"  {mark} {p.title or '(untitled)'} ({_where(p)})",
        lambda c: f"      section: {section_name(c.old)!r} -> {section_name(c.new)!r}",
        lambda f: f"      {f.field}: {f.old!r} -> {f.new!r}",
    )
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


_MARKDOWN_MARKS = {"+": "➕ added: ", "-": "➖ removed: ", "~": "✏️ "}


def format_markdown(diffs: Sequence[tuple[str, RecordDiff]]) -> str:
    """Markdown for a pull request comment or ``$GITHUB_STEP_SUMMARY``."""
    parts = ["## ddlint diff"]
    if not any(diff for _, diff in diffs):
        parts.append("No paper record changed.")
    for path, diff in diffs:
        if not diff:
            continue
        items = [f"### {_md(path)}", f"**{summary(diff)}**", ""]
        items += _entries(
            diff,
            lambda mark, p: f"- {_MARKDOWN_MARKS[mark]}**{_md(p.title)}** ({_md(_where(p))})",
            lambda c: f"  - section: {_md(section_name(c.old))} → {_md(section_name(c.new))}",
            lambda f: f"  - {f.field}: `{_code(f.old)}` → `{_code(f.new)}`",
        )
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
