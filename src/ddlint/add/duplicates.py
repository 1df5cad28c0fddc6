"""A paper already in the list is refused (DD207's "same paper": ``records.identity``).

The same arXiv id (any version or form), the same DOI, the same OpenReview forum, or
the same normalised title of three words or more. With several papers, one refused
refuses them all: nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from ddlint.add.paper import NewPaper
from ddlint.net.metadata import PaperId
from ddlint.records.identity import duplicate_keys
from ddlint.records.model import Records


class DuplicateError(Exception):
    """Papers already listed (exit 1); ``refused``: one line per paper, naming the line."""

    def __init__(self, refused: Sequence[str]) -> None:
        super().__init__("; ".join(refused))
        self.refused = tuple(refused)


def refuse_duplicates(records: Records, papers: Sequence[NewPaper]) -> None:
    listed: dict[str, tuple[int, str]] = {}
    for record in records.paper_rows:
        assert record.paper is not None
        for key in duplicate_keys(record.paper):
            listed.setdefault(key, (record.row.line, record.paper.title))
    refused: list[str] = []
    given: dict[str, str] = {}
    for paper in papers:
        line = next((listed[k] for k in paper.keys if k in listed), None)
        twice = next((given[k] for k in paper.keys if k in given), None)
        if line is not None:
            refused.append(
                f"{paper.given_as}: already in the list at line {line[0]}: {_short(line[1])}"
            )
        elif twice is not None:
            refused.append(f"{paper.given_as}: the same paper as {twice}")
        for key in paper.keys:
            given.setdefault(key, paper.given_as)
    if refused:
        raise DuplicateError(refused)


def refuse_listed_ids(records: Records, ids: Sequence[tuple[str, PaperId]]) -> None:
    """Refuse the ids (each with the text it was given as) that name a paper already
    listed, or one another's paper: known from the ids alone, before any lookup (a paper
    in the list is refused even when its source is down). The title is compared once
    the paper is looked up (``refuse_duplicates``)."""
    refuse_duplicates(records, [_id_only(given, paper_id) for given, paper_id in ids])


def _id_only(given: str, paper_id: PaperId) -> NewPaper:
    if paper_id.kind == "arxiv":
        return NewPaper("", arxiv_id=paper_id.value, given_as=given)
    if paper_id.kind == "doi":
        return NewPaper("", doi=paper_id.value, given_as=given)
    return NewPaper("", openreview_id=paper_id.value, given_as=given)


def _short(text: str, limit: int = 100) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
