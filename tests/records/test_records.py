"""Issue: every paper row becomes a typed record; export JSON, JSONL, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from helpers import SEED
from hypothesis import given, settings
from hypothesis import strategies as st
from listgen import paper_list

from ddlint.api import fix_text, parse_records
from ddlint.cli.main import main
from ddlint.gfm.parse import parse_document
from ddlint.records.export import export_papers, paper_schema
from ddlint.records.extract import extract_records
from ddlint.records.identity import paper_identity
from ddlint.records.memo import PaperMemo
from ddlint.records.model import Records


@pytest.fixture(scope="module")
def seed_papers() -> list:  # type: ignore[type-arg]
    return parse_records(SEED.read_text(encoding="utf-8"))


def test_seed_gives_58_records(seed_papers: list) -> None:  # type: ignore[type-arg]
    assert len(seed_papers) == 58
    by_year = Counter(p.section.year for p in seed_papers)
    assert by_year == {2022: 42, 2021: 10, 2020: 4, 2019: 1, 2018: 1}
    rendered_2022 = Counter(p.origin.rendered for p in seed_papers if p.section.year == 2022)
    assert rendered_2022 == {True: 16, False: 26}


def test_template_and_commented_rows_are_not_records(seed_papers: list) -> None:  # type: ignore[type-arg]
    lines = {p.origin.line for p in seed_papers}
    assert not lines & {32, 59, 94, 103, 117}
    assert all("Memory-efficient Trajectory" not in p.title for p in seed_papers)


def test_paper_column_link_is_kept_when_the_title_has_its_own() -> None:
    # issue #18: the Paper column's link was dropped when the Title cell had a link.
    text = (SEED.parent / "repro" / "export-drops-paper-column-link.md").read_text("utf-8")
    (paper,) = parse_records(text)
    assert paper.url == "https://dl.acm.org/doi/10.1145/144798"
    assert [(link.label, link.url) for link in paper.links] == [
        ("pdf", "https://github.com/u/814032")
    ]


@pytest.mark.parametrize(
    ("cells", "url", "links"),
    [
        pytest.param("| [pdf](https://x.org/p) | Notes |", "https://x.org/p", [], id="title-text"),
        pytest.param(
            "| [pdf](https://x.org/p), [code](https://g.com/r) | Notes |",
            "https://x.org/p",
            [("code", "https://g.com/r")],
            id="two-links-in-the-paper-column",
        ),
        pytest.param(
            "| [pdf](https://x.org/p) | [Notes](https://y.org/n) |",
            "https://y.org/n",
            [("pdf", "https://x.org/p")],
            id="title-link-first",
        ),
        pytest.param("| [pdf]() | [Notes](https://y.org/n) |", "https://y.org/n", [], id="empty"),
    ],
)
def test_paper_column_links(cells: str, url: str, links: list[tuple[str, str]]) -> None:
    text = "| Paper | Title | Venue |\n|---|---|---|\n" + cells[:-1] + " ICML, 2022 |\n"
    (paper,) = parse_records(text)
    assert (paper.url, [(link.label, link.url) for link in paper.links]) == (url, links)


def test_rows_without_a_paper_are_unread_unless_templates() -> None:
    text = (
        "| Title | Authors | Notes |\n|---|---|---|\n"
        "| [**A**](https://x.org/a) | Ada | |\n"
        "| | | [Learning Graph](https://arxiv.org/abs/2201.57730) |\n"
        "| [** **]() | | [Code]() |\n"
    )
    records = extract_records(parse_document(text))
    assert [r.kind for r in records.rows] == ["paper", "unread", "placeholder"]
    assert len(records.papers) == 1


def test_seed_record_fields(seed_papers: list) -> None:  # type: ignore[type-arg]
    first = seed_papers[0]
    assert first.title.startswith("Compressed Gastric Image Generation")
    assert first.url == "https://www.sciencedirect.com/science/article/pii/S0169260722005703"
    assert first.authors == ["Guang Li"] and first.et_al
    assert first.venue is not None and first.venue.kind == "journal"
    assert first.origin.line == 16 and first.origin.rendered
    line_20 = next(p for p in seed_papers if p.origin.line == 20)
    assert [(link.label, link.url) for link in line_20.links] == [
        ("Code", "https://github.com/DingfanChen/Private-Set"),
        ("Poster", "https://nips.cc/media/PosterPDFs/NeurIPS%202022/53552.png?t=1668599242.828518"),
    ]
    line_90 = next(p for p in seed_papers if p.origin.line == 90)
    assert line_90.venue is not None and (line_90.venue.name, line_90.venue.year) == (
        "BigCom",
        2021,
    )
    assert line_90.venue.kind is None and line_90.year == 2021 and line_90.section.year == 2020
    line_78 = next(p for p in seed_papers if p.origin.line == 78)
    assert line_78.authors == [] and not line_78.et_al
    line_55 = next(p for p in seed_papers if p.origin.line == 55)
    assert line_55.venue is None and line_55.year == 2022  # from the section


def test_export_json_validates_against_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(SEED), "--format", "json"]) == 0
    papers = json.loads(capsys.readouterr().out)
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert len(papers) == 58
    for paper in papers:
        validator.validate(paper)
    broken = dict(papers[0], year="2022")
    assert not validator.is_valid(broken)


def test_export_jsonl_one_record_per_line(tmp_path: Path) -> None:
    out = tmp_path / "papers.jsonl"
    assert main(["export", str(SEED), "--format", "jsonl", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 58
    assert all(json.loads(line)["origin"]["line"] for line in lines)


def test_export_csv_round_trips_through_csv_reader(seed_papers: list) -> None:  # type: ignore[type-arg]
    text = export_papers(seed_papers, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 58
    assert rows[0]["title"] == seed_papers[0].title
    assert [r["line"] for r in rows] == [str(p.origin.line) for p in seed_papers]


def _identity_of(markdown_row: str) -> tuple[object, ...]:
    table = "| Author | Title | Venue | Code |\n|---|---|---|---|\n" + markdown_row + "\n"
    (paper,) = parse_records(table)
    return paper_identity(paper)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        pytest.param(
            "| Ada et al | [**T**](https://arxiv.org/abs/2201.00001) | ICML 2022 | |",
            "|Ada et al|[**T**](https://arxiv.org/abs/2201.00001)|  ICML, 2022 | |",
            id="padding-and-venue-spelling",
        ),
        pytest.param(
            "| Ada | [**T**](https://arxiv.org/pdf/2201.00001v2.pdf) | ICML, 2022 | |",
            "| Ada | [**T**](https://arxiv.org/abs/2201.00001) | ICML, 2022 | |",
            id="arxiv-forms",
        ),
        pytest.param(
            "| Ada | [**T**](http://github.com/a/b?utm_source=x) | ICML, 2022 | |",
            "| Ada | [**T**](https://github.com/a/b) | ICML, 2022 | |",
            id="tracking-and-scheme",
        ),
        pytest.param(
            "| Ada | [**T**](https://x.org/p) | ICML, 2022 | [Code](https://g.com/r), [Poster]() |",
            "| Ada | [**T**](https://x.org/p) | ICML, 2022 | [Code](https://g.com/r) |",
            id="empty-link-ignored",
        ),
    ],
)
def test_equal_identities(left: str, right: str) -> None:
    assert _identity_of(left) == _identity_of(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        pytest.param(
            "| Ada | [**T**](https://x.org/p) | ICML, 2022 | |",
            "| Ada | [**T**](https://x.org/p) | ICML, 2021 | |",
            id="venue-year",
        ),
        pytest.param(
            "| Ada | [**T**](https://x.org/p) | ICML, 2022 | |",
            "| Ada | [**U**](https://x.org/p) | ICML, 2022 | |",
            id="title",
        ),
    ],
)
def test_different_identities(left: str, right: str) -> None:
    assert _identity_of(left) != _identity_of(right)


def test_schema_has_the_contract_fields() -> None:
    properties = paper_schema()["properties"]
    assert set(properties) == {
        "title", "url", "authors", "et_al", "type", "task", "datasets", "venue",
        "year", "links", "section", "origin", "extra",
    }  # fmt: skip


_REFERENCED = (
    "| Author | Title | Venue |\n|---|---|---|\n"
    "| Ada Lovelace | [**Engines**][engines] | ICML, 2022 |\n"
    "| Bo Zhao | [**Kernels**](https://x.org/k) | ICML, 2022 |\n\n"
)


def _fields(records: Records) -> list[dict[str, object]]:
    return [paper.model_dump() for paper in records.papers]


@pytest.mark.parametrize(
    ("definition", "reused"),
    [
        pytest.param("[engines]: https://x.org/e\n", True, id="same-definitions"),
        pytest.param("[engines]: https://x.org/moved\n", False, id="changed-definitions"),
    ],
)
def test_a_later_text_reuses_the_cell_parses_only_under_the_same_definitions(
    definition: str, reused: bool
) -> None:
    """The fixer hands each pass the last pass's cell parses (``extract_records(inline=)``):
    the records are those of a fresh extraction, and a changed link definition (which
    changes what a reference link points to) gets fresh parses."""
    earlier = extract_records(parse_document(_REFERENCED + "[engines]: https://x.org/e\n"))
    later = parse_document(_REFERENCED.replace("ICML, 2022 |\n\n", "ICML 2022 |\n\n") + definition)
    records = extract_records(later, inline=earlier.inline)
    assert _fields(records) == _fields(extract_records(later))
    assert (records.inline is earlier.inline) is reused


@pytest.mark.parametrize(
    "definition",
    [
        pytest.param("[engines]: https://x.org/e\n", id="same-definitions"),
        pytest.param("[engines]: https://x.org/moved\n", id="changed-definitions"),
    ],
)
def test_a_later_text_reuses_the_papers_of_unchanged_rows(definition: str) -> None:
    """The fixer also hands each pass the run's papers (``extract_records(papers=)``): rows
    whose cells are unchanged are copied with their new origin; the records are those of
    a fresh extraction, and a changed link definition empties the memo."""
    papers = PaperMemo()
    earlier = extract_records(
        parse_document(_REFERENCED + "[engines]: https://x.org/e\n"), papers=papers
    )
    assert papers  # filled by the first extraction
    later = parse_document("Moved down a line.\n\n" + _REFERENCED + definition)
    records = extract_records(later, inline=earlier.inline, papers=papers)
    assert _fields(records) == _fields(extract_records(later))
    assert records.papers[0].origin.line == earlier.papers[0].origin.line + 2


def test_the_papers_memo_follows_the_definitions_it_was_filled_under() -> None:
    """The memo keeps the link definitions its papers were built under, whatever cell
    parses the caller hands in: back to the first definitions after a change, a reference
    link points where they say, not where the last ones said."""
    one = _REFERENCED + "[engines]: https://x.org/e\n"
    two = _REFERENCED + "[engines]: https://x.org/moved\n"
    papers = PaperMemo()
    first = extract_records(parse_document(one), papers=papers)
    extract_records(parse_document(two), inline=first.inline, papers=papers)
    again = extract_records(parse_document(one), inline=first.inline, papers=papers)
    assert again.papers[0].url == "https://x.org/e"
    assert _fields(again) == _fields(first)


@given(paper_list(), st.integers(0, 3))
@settings(max_examples=150, deadline=None)
def test_the_papers_memo_gives_the_records_of_a_fresh_extraction(text: str, shift: int) -> None:
    """What the fix loop does: extract a text, then its fixed version and a copy moved down
    by ``shift`` lines, through one memo; every paper equals a fresh extraction's (origin
    included) and owns its lists, shared with no earlier record (but the empty ones)."""
    papers = PaperMemo()
    first = extract_records(parse_document(text), papers=papers)
    previous = first
    for later_text in (fix_text(text).text, "\n" * shift + text):
        later = extract_records(parse_document(later_text), inline=previous.inline, papers=papers)
        assert _fields(later) == _fields(extract_records(parse_document(later_text)))
        # Empty lists and dicts are one shared object for every record.
        owned = {id(v) for p in first.papers for v in (p.authors, p.links, p.extra) if v}
        assert not owned & {id(v) for p in later.papers for v in (p.authors, p.links, p.extra)}
        previous = later


def test_a_record_changed_by_a_caller_changes_no_other_parse() -> None:
    # Records reach callers of the API: their lists and dicts are their own, empty or not.
    from ddlint.api import parse_records

    table = "| Title | Venue |\n|---|---|\n| **{} Paper Here** | ICML 2022 |\n"
    first = parse_records(table.format("One"))[0]
    first.links.append(first.links[0] if first.links else None)  # type: ignore[arg-type]
    first.datasets.append("changed")
    first.extra["changed"] = "yes"
    again = parse_records(table.format("Two"))[0]
    assert (again.links, again.datasets, again.extra) == ([], [], {})
