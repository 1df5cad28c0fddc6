"""``ddlint add`` on every list fixture of tests/fixtures/lists (and the seed), into
every paper table: the row is added and verified, or the table cannot be told; nothing
else happens, and ``ddlint check`` reports no structure problem on the new row."""

from __future__ import annotations

from pathlib import Path

import pytest
from gfm_oracle import rendered_tables
from helpers import LIST_FIXTURES, SEED, read

from ddlint.add import NewPaper, add_papers
from ddlint.add.section import SectionError, paper_tables
from ddlint.api import lint_text
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records

PAPERS = (
    NewPaper(
        title="Zephyr Sketches for Invented Benchmarks", authors=("Ana Roth", "Ben Tull"),
        venue="arXiv", year=2023, month=5, preprint=True,
        url="https://arxiv.org/abs/2305.99991", arxiv_id="2305.99991", given_as="2305.99991",
    ),
    NewPaper(
        title="Quartz Routing for Made-Up Tasks", authors=("Cy Dunn",), venue="ICML",
        year=2019, url="https://doi.org/10.5555/99.1", doi="10.5555/99.1",
        given_as="10.5555/99.1",
    ),
)  # fmt: skip
STRUCTURE = {"DD101", "DD102", "DD103", "DD104", "DD105", "DD106"}


@pytest.mark.parametrize("path", [SEED, *LIST_FIXTURES], ids=lambda p: p.stem)
def test_add_to_every_table(path: Path) -> None:
    text = read(path)
    tables = paper_tables(extract_records(parse_document(text)))
    headings = [None, *{t.section.heading for t in tables if t.section.heading}]
    for paper in PAPERS:
        for heading in headings:
            try:
                result = add_papers(text, [paper], section=heading)
            except SectionError:
                continue
            line = result.added[0].line
            findings = lint_text(result.text, select=sorted(STRUCTURE))
            assert [f.code for f in findings if f.line == line] == [], (path.name, heading)
            rendered = {n for table in rendered_tables(result.text) for n in table}
            assert line in rendered or line - 1 not in rendered, (path.name, heading)
