"""DD202–DD209, the row-field rules, together.

Each rule is checked on the seed (exact lines, the cell each finding points at), on the
hand-made fixtures (lines from tests/fixtures/rules/README.md), on inline Markdown
(noop and positive cases, other column sets, topic sections) and through its fixes, all
eight at once: a case of one raises none of the others. What concerns one rule alone is
in its test_ddNNN_*.py.
"""

from __future__ import annotations

import pytest
from helpers import FIELD_HEADER, SEED_TEXT, field_row, lint, pairs, rule_fixture

from ddlint.api import fix_text, parse_records
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records

CODES = [f"DD20{n}" for n in range(2, 10)]


def cell_span(text: str, line: int, field: str) -> object:
    records = extract_records(parse_document(text))
    record = next(r for r in records.rows if r.row.line == line)
    cell = record.cell(field)
    assert cell is not None
    return cell.span


SEED_EXPECTED = [
    ("DD204", 23, "venue"),
    ("DD206", 31, "type"),
    ("DD208", 45, "task"),
    ("DD206", 52, "type"),
    ("DD204", 55, "venue"),
    ("DD203", 78, "authors"),
    ("DD206", 90, "task"),
    ("DD206", 90, "datasets"),
    ("DD205", 90, "venue"),
]


def test_seed_findings_are_exactly_the_defects() -> None:
    found = [(f.code, f.line) for f in lint(SEED_TEXT, CODES)]
    assert found == [(code, line) for code, line, _ in SEED_EXPECTED]


@pytest.mark.parametrize(
    ("code", "line", "field"),
    [pytest.param(*e, id=f"{e[0]}-line-{e[1]}-{e[2]}") for e in SEED_EXPECTED],
)
def test_seed_finding_points_at_its_cell(code: str, line: int, field: str) -> None:
    spans = [f.span for f in lint(SEED_TEXT, [code]) if f.line == line]
    assert cell_span(SEED_TEXT, line, field) in spans


def test_seed_unsafe_fix_moves_and_swaps_row_90() -> None:
    fixed = fix_text(SEED_TEXT, select=["DD205", "DD206"], unsafe=True).text
    papers = {p.title: p for p in parse_records(fixed)}
    moved = papers["Generative Dataset Distillation"]
    assert moved.section.year == 2021
    assert moved.task == "Image Classification"
    assert moved.datasets == ["MNIST"]
    federated = papers[
        "Communication-Efficient and Attack-Resistant Federated Edge Learning with Dataset "
        "Distillation"
    ]
    assert federated.type == ""
    assert federated.datasets[:3] == ["MNIST", "Landmark", "IMDB"]
    assert len(parse_records(fixed)) == len(parse_records(SEED_TEXT))
    # Line 52 has no safe target (its Task cell is filled): still reported, not changed.
    assert pairs(fixed, ["DD205", "DD206"]) == [("DD206", 52)]


def test_seed_safe_fix_changes_nothing() -> None:
    assert fix_text(SEED_TEXT, select=CODES).text == SEED_TEXT


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        pytest.param("duplicate-paper.md", [("DD207", 10), ("DD207", 14)], id="duplicate-paper"),
        pytest.param(
            "unparsed-venue.md", [("DD209", 9), ("DD209", 11), ("DD209", 13)], id="unparsed-venue"
        ),
        pytest.param("wrong-section.md", [("DD205", 10)], id="wrong-section"),
        pytest.param(
            "inconsistent-spelling.md",
            [("DD208", 11), ("DD208", 12)],
            id="inconsistent-spelling",
        ),
        pytest.param("empty-links.md", [], id="clean-empty-links"),
        pytest.param("unsorted.md", [], id="clean-unsorted"),
    ],
)
def test_fixture_lines(fixture: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(rule_fixture(fixture), CODES) == expected


CLEAN = (
    FIELD_HEADER
    + field_row()
    + field_row("On Computable Tables", author="Alan Turing et al", data="MNIST")
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(CLEAN, id="clean-table"),
        pytest.param("# 2022\n" + CLEAN, id="clean-under-year-heading"),
        pytest.param(
            "| Title | Venue |\n|---|---|\n| [Notes](https://x.org/a) | ICML, 2022 |\n",
            id="no-authors-no-type-no-task",
        ),
        pytest.param(
            "| Title | Authors | Year | Venue |\n|---|---|---|---|\n"
            "| [Notes](https://x.org/a) | Ada | 2022 | ICML |\n",
            id="year-column-gives-the-year",
        ),
        pytest.param(
            "## 2015 and before\n"
            + FIELD_HEADER
            + field_row(venue="NIPS, 2014")
            + field_row("B", venue="ICML, 2015"),
            id="open-ended-year-section",
        ),
        pytest.param(
            "## 2020-2021\n"
            + FIELD_HEADER
            + field_row(venue="NeurIPS, 2020")
            + field_row("B", venue="ICML, 2021"),
            id="year-range-section",
        ),
        pytest.param(
            FIELD_HEADER
            + field_row(kind="Label Distillation", data="Label Distillation, MNIST")
            + field_row("B"),
            id="value-in-two-columns-is-not-misplaced",
        ),
        pytest.param(
            FIELD_HEADER
            + field_row(task="Few-Shot Learning")
            + field_row("B", task="Few-Shot Learning"),
            id="same-spelling-twice",
        ),
        pytest.param(
            FIELD_HEADER
            + field_row()
            + field_row("Notes on the Engine II", url="https://arxiv.org/abs/2201.00002"),
            id="similar-titles-are-different-papers",
        ),
        pytest.param(
            FIELD_HEADER
            + field_row()
            + "| |[** **]() |  |  Image Classification |  |  | [Code]() |\n",
            id="template-row-is-dd201s",
        ),
    ],
)
def test_noop(text: str) -> None:
    assert lint(text, CODES) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            FIELD_HEADER + field_row(title="** **"), [("DD202", 3)], id="empty-title-template"
        ),
        pytest.param(
            "| Title | Author | Venue |\n|---|---|---|\n"
            "| [](https://x.org/a) | Ada | ICML, 2022 |\n",
            [("DD202", 3)],
            id="empty-title-other-columns",
        ),
        pytest.param(FIELD_HEADER + field_row(author=""), [("DD203", 3)], id="missing-authors"),
        pytest.param(FIELD_HEADER + field_row(venue=""), [("DD204", 3)], id="missing-venue"),
        pytest.param(
            "# 2022\n" + FIELD_HEADER + field_row(venue="ICLR, 2021"),
            [("DD205", 4)],
            id="wrong-section",
        ),
        pytest.param(
            "## Vision\n| Title | Year | Venue |\n|---|---|---|\n"
            "| [Notes](https://x.org/a) | 2021 | ICML, 2022 |\n",
            [("DD205", 4)],
            id="topic-section-year-column-vs-venue",
        ),
        pytest.param(
            FIELD_HEADER + field_row() + field_row("Notes on the engine.", url="https://x.org/b"),
            [("DD207", 4)],
            id="duplicate-title",
        ),
        pytest.param(
            FIELD_HEADER
            + field_row(url="https://doi.org/10.1145/1234.5678")
            + field_row("Other", url="https://dl.acm.org/doi/10.1145/1234.5678"),
            [("DD207", 4)],
            id="duplicate-doi",
        ),
        pytest.param(
            FIELD_HEADER
            + field_row(kind="Meta Learning")
            + field_row("B", kind="Meta-learning")
            + field_row("C"),
            [("DD208", 4)],
            id="spelling-tie-first-seen-wins",
        ),
        pytest.param(
            FIELD_HEADER
            + field_row(venue="NeurIPS, 2022")
            + field_row("B", venue="Neurips, 2022")
            + field_row("C"),
            [("DD208", 4)],
            id="venue-name-spelling",
        ),
        pytest.param(FIELD_HEADER + field_row(venue="TBD"), [("DD209", 3)], id="unparsed-venue"),
    ],
)
def test_positive(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text, CODES) == expected


def test_points_at_the_cell() -> None:
    text = FIELD_HEADER + field_row(author="", venue="")
    spans = {f.code: f.span for f in lint(text, CODES)}
    assert spans["DD203"] == cell_span(text, 3, "authors")
    assert spans["DD204"] == cell_span(text, 3, "venue")


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        pytest.param(
            FIELD_HEADER + field_row(venue="", url="https://arxiv.org/pdf/2204.01273.pdf"),
            "DD204",
            FIELD_HEADER
            + field_row(venue="arXiv, Apr., 2022", url="https://arxiv.org/pdf/2204.01273.pdf"),
            id="missing-venue-from-arxiv-id",
        ),
        pytest.param(
            FIELD_HEADER
            + field_row()
            + field_row("B", data="Image Classification", task="CIFAR-10")
            + field_row("C"),
            "DD206",
            FIELD_HEADER + field_row() + field_row("B") + field_row("C"),
            id="swap-task-and-dataset",
        ),
        pytest.param(
            FIELD_HEADER
            + field_row()
            + field_row("B", task="Image classification")
            + field_row("C"),
            "DD208",
            FIELD_HEADER + field_row() + field_row("B") + field_row("C"),
            id="majority-spelling",
        ),
        pytest.param(
            "# 2022\n"
            + FIELD_HEADER
            + field_row()
            + field_row("B", venue="ICML, 2021")
            + "\n# 2021\n"
            + FIELD_HEADER
            + field_row("C", venue="ICML, 2021").rstrip("\n"),
            "DD205",
            "# 2022\n"
            + FIELD_HEADER
            + field_row()
            + "\n# 2021\n"
            + FIELD_HEADER
            + field_row("C", venue="ICML, 2021")
            + field_row("B", venue="ICML, 2021").rstrip("\n"),
            id="move-row-to-table-ending-the-file",
        ),
    ],
)
def test_unsafe_fix(text: str, code: str, expected: str) -> None:
    assert fix_text(text, select=[code]).text == text  # unsafe: not applied by default
    assert fix_text(text, select=[code], unsafe=True).text == expected
