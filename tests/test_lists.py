"""Issue: real lists, not just the seed. Every shape in tests/fixtures/lists/ is read,
round-tripped, checked, fixed and compared with cmark-gfm; records match the sibling .json."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from gfm_oracle import ddlint_tables, rendered_tables
from helpers import FIXTURES, LIST_FIXTURES, read

from ddlint import parse_document, render_document
from ddlint.api import fix_text, lint_text, parse_records
from ddlint.cli.main import main
from ddlint.records.identity import paper_identity

FILES = LIST_FIXTURES
LISTS = FIXTURES / "lists"


def test_at_least_twelve_shapes() -> None:
    assert len(FILES) >= 12
    assert all(path.with_suffix(".json").is_file() for path in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_records_match_expected_json(path: Path) -> None:
    papers = [p.model_dump(mode="json") for p in parse_records(read(path))]
    assert papers == json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_round_trip_and_tables_match_cmark_gfm(path: Path) -> None:
    text = read(path)
    document = parse_document(text)
    assert render_document(document) == text
    assert ddlint_tables(document) == rendered_tables(text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_fix_is_idempotent_and_keeps_records(path: Path) -> None:
    text = read(path)
    lint_text(text)  # never crashes
    fixed = fix_text(text).text
    assert fix_text(fixed).text == fixed
    before = Counter(paper_identity(p) for p in parse_records(text))
    assert Counter(paper_identity(p) for p in parse_records(fixed)) == before
    assert ("\r\n" in fixed) == ("\r\n" in text)


def test_crlf_fixture_really_is_crlf() -> None:
    data = (LISTS / "crlf-line-endings.md").read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 0


def test_no_paper_table_exits_zero_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(LISTS / "no-paper-table.md")]) == 0
    out = capsys.readouterr().out
    assert "nothing to check" in out


def test_tables_command_says_which_tables_are_papers(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["tables", "--format", "json", str(LISTS / "multi-table-section-with-datasets.md")])
        == 0
    )
    tables = json.loads(capsys.readouterr().out)
    assert [t["paper"] for t in tables] == [True, True, True, False, False]
    assert set(tables[0]) == {"line", "paper", "columns", "rows"}


TOPIC_WITH_YEAR = """# Papers

## Vision

| Title | Venue | Year |
|---|---|---|
| [**Sharp Priors**](https://arxiv.org/abs/2301.00001) | CVPR 2022 | 2023 |
| [**Soft Priors**](https://arxiv.org/abs/2301.00002) | CVPR 2023 | 2023 |
"""


def test_year_column_feeds_record_year_and_dd205_in_topic_sections() -> None:
    papers = parse_records(TOPIC_WITH_YEAR)
    assert [p.year for p in papers] == [2023, 2023]
    assert papers[0].section.year is None
    findings = [f for f in lint_text(TOPIC_WITH_YEAR) if f.code == "DD205"]
    assert [(f.line, f.code) for f in findings] == [(7, "DD205")]


def test_year_inside_venue_feeds_record_year() -> None:
    papers = parse_records(read(LISTS / "topic-sections-venue-year-forms.md"))
    years = {p.venue.raw: p.year for p in papers if p.venue}
    assert years["CVPR'24"] == 2024 and years["[ICML'22]"] == 2022
    assert years["ICLR 2024 (Oral)"] == 2024


def test_separator_rows_are_not_papers() -> None:
    text = read(LISTS / "year-separator-rows.md")
    papers = parse_records(text)
    assert len(papers) == 11
    assert {p.section.year for p in papers} == {2023, 2022, 2021, 2019, 2015}
