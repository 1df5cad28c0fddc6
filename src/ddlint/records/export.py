"""Records out: JSON, JSON Lines, CSV, and the JSON Schema of one ``Paper``."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any, Literal

from ddlint.records.model import Paper

ExportFormat = Literal["json", "jsonl", "csv"]

CSV_COLUMNS = (
    "title",
    "url",
    "authors",
    "et_al",
    "type",
    "task",
    "datasets",
    "venue",
    "venue_name",
    "venue_year",
    "venue_month",
    "venue_kind",
    "year",
    "links",
    "section",
    "section_year",
    "line",
    "rendered",
    "extra",
)


def export_papers(papers: Sequence[Paper], fmt: ExportFormat) -> str:
    if fmt == "json":
        return (
            json.dumps([p.model_dump(mode="json") for p in papers], ensure_ascii=False, indent=2)
            + "\n"
        )
    if fmt == "jsonl":
        return "".join(p.model_dump_json() + "\n" for p in papers)
    if fmt == "csv":
        return _csv(papers)
    raise ValueError(f"unknown export format {fmt!r}; use json, jsonl or csv")


def _csv(papers: Sequence[Paper]) -> str:
    import csv  # only the CSV export pays for it (start-up time)

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for paper in papers:
        writer.writerow(_csv_row(paper))
    return buffer.getvalue()


def _csv_row(paper: Paper) -> list[Any]:
    venue = paper.venue
    return [
        paper.title,
        paper.url or "",
        "; ".join(paper.authors),
        paper.et_al,
        paper.type,
        paper.task,
        "; ".join(paper.datasets),
        venue.raw if venue else "",
        (venue.name or "") if venue else "",
        venue.year if venue and venue.year is not None else "",
        venue.month if venue and venue.month is not None else "",
        (venue.kind or "") if venue else "",
        paper.year if paper.year is not None else "",
        " ".join(f"{link.label} <{link.url}>" for link in paper.links),
        paper.section.heading or "",
        paper.section.year if paper.section.year is not None else "",
        paper.origin.line,
        paper.origin.rendered,
        json.dumps(paper.extra, ensure_ascii=False) if paper.extra else "",
    ]


def paper_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one exported ``Paper``."""
    schema = Paper.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:ddlint:schema:paper:v1"
    return schema
