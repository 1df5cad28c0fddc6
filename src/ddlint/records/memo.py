"""``PaperMemo``: the papers of earlier versions of a text, kept by the fixer for a run."""

from __future__ import annotations

from collections.abc import Mapping

from ddlint.records.columns import ColumnMap
from ddlint.records.model import Paper

TablePapers = dict[ColumnMap, dict[tuple[object, ...], Paper]]


class PaperMemo:
    """Papers by what they were built from, for ``extract_records(papers=)``: per table
    columns, then by section and cell texts. The fixer keeps one for a run: a pass
    rebuilds only the papers of the rows its edits changed."""

    __slots__ = ("_refs", "_tables", "templates")

    def __init__(self) -> None:
        self._refs: Mapping[str, str] | None = None
        self._tables: TablePapers = {}
        # The cell texts of the template rows the list repeated in an earlier version.
        # A fix pass may delete all copies but one (the last one waits on a colliding
        # fix): that one is still the list's repeated template, whatever pass deletes it.
        self.templates: set[tuple[str, ...]] = set()

    def under(self, refs: Mapping[str, str]) -> TablePapers:
        """The papers built under these link definitions: under others, a cell may link
        elsewhere, so what was kept for those is let go."""
        if refs != self._refs:
            self._refs, self._tables = refs, {}
        return self._tables

    def __len__(self) -> int:
        return sum(len(papers) for papers in self._tables.values())
