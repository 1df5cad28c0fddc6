"""DD202–DD209: the row-field rules.

Each rule is checked on the seed (exact lines, the cell each finding points at), on the
hand-made fixtures (lines from tests/fixtures/rules/README.md), on inline Markdown
(noop and positive cases, other column sets, topic sections) and through its fixes.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SEED_TEXT

from ddlint.api import fix_text, lint_text, parse_records
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.text.findings import Applicability, Finding

CODES = [f"DD20{n}" for n in range(2, 10)]

HEADER = (
    "| Author | Title | Type | Task | Dataset | Venue | Code |\n|---|---|---|---|---|---|---|\n"
)


def row(
    title: str = "Notes on the Engine",
    *,
    author: str = "Ada Lovelace et al",
    kind: str = "Gradient Matching",
    task: str = "Image Classification",
    data: str = "CIFAR-10",
    venue: str = "ICML, 2022",
    url: str = "",
) -> str:
    url = url or "https://example.org/" + "-".join(title.split())
    return f"| {author} | [**{title}**]({url}) | {kind} | {task} | {data} | {venue} | |\n"


def lint(text: str, codes: list[str] = CODES) -> list[Finding]:
    return lint_text(text, select=codes)


def pairs(text: str, codes: list[str] = CODES) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint(text, codes)]


def cell_span(text: str, line: int, field: str) -> object:
    records = extract_records(parse_document(text))
    record = next(r for r in records.rows if r.row.line == line)
    cell = record.cell(field)
    assert cell is not None
    return cell.span


# -- the seed -----------------------------------------------------------------------------

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
    found = [(f.code, f.line) for f in lint(SEED_TEXT)]
    assert found == [(code, line) for code, line, _ in SEED_EXPECTED]


@pytest.mark.parametrize(
    ("code", "line", "field"),
    [pytest.param(*e, id=f"{e[0]}-line-{e[1]}-{e[2]}") for e in SEED_EXPECTED],
)
def test_seed_finding_points_at_its_cell(code: str, line: int, field: str) -> None:
    spans = [f.span for f in lint(SEED_TEXT, [code]) if f.line == line]
    assert cell_span(SEED_TEXT, line, field) in spans


def test_seed_spelling_names_the_majority() -> None:
    [finding] = lint(SEED_TEXT, ["DD208"])
    assert "`Application: Continual Learning`" in finding.message
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE


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


# -- the fixtures -------------------------------------------------------------------------


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
    assert pairs((FIXTURES / "rules" / fixture).read_text(encoding="utf-8")) == expected


def test_duplicate_names_the_first_line() -> None:
    text = (FIXTURES / "rules" / "duplicate-paper.md").read_text(encoding="utf-8")
    messages = [f.message for f in lint(text, ["DD207"])]
    assert "line 9 (same title)" in messages[0]
    assert "line 13 (same arXiv id)" in messages[1]


def test_wrong_section_fixture_moves_row_to_2021() -> None:
    text = (FIXTURES / "rules" / "wrong-section.md").read_text(encoding="utf-8")
    fixed = fix_text(text, select=["DD205"], unsafe=True).text
    lines = fixed.split("\n")
    assert "Cyclic Learning Rates" in lines[-2]  # last row of the 2021 table
    assert pairs(fixed, ["DD205"]) == []


def test_year_separator_rows_are_sections() -> None:
    text = (FIXTURES / "lists" / "year-separator-rows.md").read_text(encoding="utf-8")
    findings = lint(text, ["DD205"])
    assert [f.line for f in findings] == [20, 23]
    assert all(f.fix is None for f in findings)  # one table: nowhere to move the row


# -- inline: noop -------------------------------------------------------------------------

CLEAN = HEADER + row() + row("On Computable Tables", author="Alan Turing et al", data="MNIST")


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
            + HEADER
            + row(venue="NIPS, 2014")
            + row("B", venue="ICML, 2015"),
            id="open-ended-year-section",
        ),
        pytest.param(
            "## 2020-2021\n" + HEADER + row(venue="NeurIPS, 2020") + row("B", venue="ICML, 2021"),
            id="year-range-section",
        ),
        pytest.param(
            HEADER + row(kind="Label Distillation", data="Label Distillation, MNIST") + row("B"),
            id="value-in-two-columns-is-not-misplaced",
        ),
        pytest.param(
            HEADER + row(task="Few-Shot Learning") + row("B", task="Few-Shot Learning"),
            id="same-spelling-twice",
        ),
        pytest.param(
            HEADER + row() + row("Notes on the Engine II", url="https://arxiv.org/abs/2201.00002"),
            id="similar-titles-are-different-papers",
        ),
        pytest.param(
            HEADER + row() + "| |[** **]() |  |  Image Classification |  |  | [Code]() |\n",
            id="template-row-is-dd201s",
        ),
    ],
)
def test_noop(text: str) -> None:
    assert lint(text) == []


# -- inline: positive ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(HEADER + row(title="** **"), [("DD202", 3)], id="empty-title-template"),
        pytest.param(
            "| Title | Author | Venue |\n|---|---|---|\n"
            "| [](https://x.org/a) | Ada | ICML, 2022 |\n",
            [("DD202", 3)],
            id="empty-title-other-columns",
        ),
        pytest.param(HEADER + row(author=""), [("DD203", 3)], id="missing-authors"),
        pytest.param(HEADER + row(venue=""), [("DD204", 3)], id="missing-venue"),
        pytest.param(
            "# 2022\n" + HEADER + row(venue="ICLR, 2021"), [("DD205", 4)], id="wrong-section"
        ),
        pytest.param(
            "## Vision\n| Title | Year | Venue |\n|---|---|---|\n"
            "| [Notes](https://x.org/a) | 2021 | ICML, 2022 |\n",
            [("DD205", 4)],
            id="topic-section-year-column-vs-venue",
        ),
        pytest.param(
            HEADER + row() + row("Notes on the engine.", url="https://x.org/b"),
            [("DD207", 4)],
            id="duplicate-title",
        ),
        pytest.param(
            HEADER
            + row(url="https://doi.org/10.1145/1234.5678")
            + row("Other", url="https://dl.acm.org/doi/10.1145/1234.5678"),
            [("DD207", 4)],
            id="duplicate-doi",
        ),
        pytest.param(
            HEADER + row(kind="Meta Learning") + row("B", kind="Meta-learning") + row("C"),
            [("DD208", 4)],
            id="spelling-tie-first-seen-wins",
        ),
        pytest.param(
            HEADER + row(venue="NeurIPS, 2022") + row("B", venue="Neurips, 2022") + row("C"),
            [("DD208", 4)],
            id="venue-name-spelling",
        ),
        pytest.param(HEADER + row(venue="TBD"), [("DD209", 3)], id="unparsed-venue"),
    ],
)
def test_positive(text: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(text) == expected


def test_points_at_the_cell() -> None:
    text = HEADER + row(author="", venue="")
    spans = {f.code: f.span for f in lint(text)}
    assert spans["DD203"] == cell_span(text, 3, "authors")
    assert spans["DD204"] == cell_span(text, 3, "venue")


# -- fixes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        pytest.param(
            HEADER + row(venue="", url="https://arxiv.org/pdf/2204.01273.pdf"),
            "DD204",
            HEADER + row(venue="arXiv, Apr., 2022", url="https://arxiv.org/pdf/2204.01273.pdf"),
            id="missing-venue-from-arxiv-id",
        ),
        pytest.param(
            HEADER + row() + row("B", data="Image Classification", task="CIFAR-10") + row("C"),
            "DD206",
            HEADER + row() + row("B") + row("C"),
            id="swap-task-and-dataset",
        ),
        pytest.param(
            HEADER + row() + row("B", task="Image classification") + row("C"),
            "DD208",
            HEADER + row() + row("B") + row("C"),
            id="majority-spelling",
        ),
        pytest.param(
            "# 2022\n"
            + HEADER
            + row()
            + row("B", venue="ICML, 2021")
            + "\n# 2021\n"
            + HEADER
            + row("C", venue="ICML, 2021").rstrip("\n"),
            "DD205",
            "# 2022\n"
            + HEADER
            + row()
            + "\n# 2021\n"
            + HEADER
            + row("C", venue="ICML, 2021")
            + row("B", venue="ICML, 2021").rstrip("\n"),
            id="move-row-to-table-ending-the-file",
        ),
    ],
)
def test_unsafe_fix(text: str, code: str, expected: str) -> None:
    assert fix_text(text, select=[code]).text == text  # unsafe: not applied by default
    assert fix_text(text, select=[code], unsafe=True).text == expected


def test_crlf_survives_a_move() -> None:
    text = "# 2022\n" + HEADER + row(venue="ICML, 2021") + "\n# 2021\n" + HEADER + row("C")
    crlf = text.replace("ICML, 2022", "ICML, 2021").replace("\n", "\r\n")
    fixed = fix_text(crlf, select=["DD205"], unsafe=True).text
    assert "\n" not in fixed.replace("\r\n", "")
    assert pairs(fixed, ["DD205"]) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("# 2022\n" + HEADER + row(venue="ICML, 2021"), id="no-table-for-the-year"),
        pytest.param(
            "# 2022\n"
            + HEADER
            + row(venue="ICML, 2021")
            + "\n# 2021\n"
            + HEADER
            + row("C", venue="ICML, 2021")
            + "\n# Also 2021\n"
            + HEADER
            + row("D", venue="ICML, 2021"),
            id="two-tables-for-the-year",
        ),
        pytest.param(
            "# 2022\n"
            + HEADER
            + row(venue="ICML, 2021")
            + "\n# 2021\n| Title | Venue |\n|---|---|\n| [C](https://x.org/c) | ICML, 2021 |\n",
            id="other-column-count",
        ),
    ],
)
def test_wrong_section_reports_without_fix(text: str) -> None:
    [finding] = lint(text, ["DD205"])
    assert finding.fix is None and "move the row to the 2021 section" in finding.message


# -- DD205: a move maps cells by column (issue #18) -----------------------------------------


def _records_by_paper(text: str) -> dict[tuple[str, str | None], dict[str, object]]:
    """Exported records by (title, url), without the fields a move may change."""
    found = {}
    for paper in parse_records(text):
        record = paper.model_dump(mode="json")
        for moved in ("section", "origin"):
            record.pop(moved)
        found[(paper.title, paper.url)] = record
    return found


def test_move_into_a_table_with_other_column_order_maps_cells_by_column() -> None:
    name = "unsafe-dd205-moves-row-into-table-with-other-column-order.md"
    text = (FIXTURES / "repro" / name).read_text(encoding="utf-8")
    [finding] = lint(text, ["DD205"])
    assert finding.fix is not None
    fixed = fix_text(text, select=["DD205"], unsafe=True).text
    assert (
        "| [**Compilers**](https://arxiv.org/abs/2203.00007) | Grace Hopper | CVPR, 2022 |"
        in (fixed.split("## 2021")[0])
    )
    # Only the section and the place of the moved record change.
    assert _records_by_paper(fixed) == _records_by_paper(text)
    moved = {p.title: p.section.year for p in parse_records(fixed)}
    assert moved == {"Engine Notes": 2022, "Tables": 2021, "Compilers": 2022}


def test_move_maps_a_renamed_column_by_its_field() -> None:
    # `Author` and `Authors` are other headers of the same field.
    text = (
        "# 2022\n| Title | Authors | Venue |\n|---|---|---|\n"
        "| [**A**](https://x.org/a) | Ada | ICML, 2022 |\n"
        "\n# 2021\n| Venue | Author | Title |\n|---|---|---|\n"
        "| ICLR, 2021 | Alan | [**B**](https://x.org/b) |\n"
        "| CVPR, 2022 | Grace | [**C**](https://x.org/c) |\n"
    )
    fixed = fix_text(text, select=["DD205"], unsafe=True).text
    assert "| [**C**](https://x.org/c) | Grace | CVPR, 2022 |\n\n# 2021" in fixed
    assert _records_by_paper(fixed) == _records_by_paper(text)


def test_move_keeps_a_row_verbatim_when_the_columns_agree() -> None:
    moved = row("C", venue="ICML, 2022").replace(" | ", "|")  # its own padding
    text = "# 2022\n" + HEADER + row() + "\n# 2021\n" + HEADER + row("B", venue="ICML, 2021")
    text += moved
    fixed = fix_text(text, select=["DD205"], unsafe=True).text
    assert fixed.count(moved) == 1 and fixed.index(moved) < fixed.index("# 2021")


@pytest.mark.parametrize(
    "other",
    [
        pytest.param("| Venue | Title | Notes |", id="no-authors-column"),
        pytest.param("| Venue | Title | Title |", id="no-column-takes-the-authors"),
    ],
)
def test_no_move_when_a_cell_has_no_column_in_the_target(other: str) -> None:
    text = (
        "# 2022\n| Title | Authors | Venue |\n|---|---|---|\n"
        "| [**A**](https://x.org/a) | Ada | ICML, 2021 |\n"
        f"\n# 2021\n{other}\n|---|---|---|\n"
        "| ICLR, 2021 | [**B**](https://x.org/b) | |\n"
    )
    [finding] = lint(text, ["DD205"])
    assert finding.fix is None and "move the row to the 2021 section" in finding.message
