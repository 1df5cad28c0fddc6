"""DD205 wrong-section: a paper under another year's section, and the unsafe move."""

from __future__ import annotations

import pytest
from helpers import FIELD_HEADER, FIXTURES, field_row, lint, pairs, rule_fixture

from ddlint.api import fix_text, parse_records


def test_wrong_section_fixture_moves_row_to_2021() -> None:
    text = rule_fixture("wrong-section.md")
    fixed = fix_text(text, select=["DD205"], unsafe=True).text
    lines = fixed.split("\n")
    assert "Cyclic Learning Rates" in lines[-2]  # last row of the 2021 table
    assert pairs(fixed, ["DD205"]) == []


def test_year_separator_rows_are_sections() -> None:
    text = (FIXTURES / "lists" / "year-separator-rows.md").read_text(encoding="utf-8")
    findings = lint(text, ["DD205"])
    assert [f.line for f in findings] == [20, 23]
    assert all(f.fix is None for f in findings)  # one table: nowhere to move the row


def test_crlf_survives_a_move() -> None:
    text = (
        "# 2022\n"
        + FIELD_HEADER
        + field_row(venue="ICML, 2021")
        + "\n# 2021\n"
        + FIELD_HEADER
        + field_row("C")
    )
    crlf = text.replace("ICML, 2022", "ICML, 2021").replace("\n", "\r\n")
    fixed = fix_text(crlf, select=["DD205"], unsafe=True).text
    assert "\n" not in fixed.replace("\r\n", "")
    assert pairs(fixed, ["DD205"]) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "# 2022\n" + FIELD_HEADER + field_row(venue="ICML, 2021"), id="no-table-for-the-year"
        ),
        pytest.param(
            "# 2022\n"
            + FIELD_HEADER
            + field_row(venue="ICML, 2021")
            + "\n# 2021\n"
            + FIELD_HEADER
            + field_row("C", venue="ICML, 2021")
            + "\n# Also 2021\n"
            + FIELD_HEADER
            + field_row("D", venue="ICML, 2021"),
            id="two-tables-for-the-year",
        ),
        pytest.param(
            "# 2022\n"
            + FIELD_HEADER
            + field_row(venue="ICML, 2021")
            + "\n# 2021\n| Title | Venue |\n|---|---|\n| [C](https://x.org/c) | ICML, 2021 |\n",
            id="other-column-count",
        ),
    ],
)
def test_wrong_section_reports_without_fix(text: str) -> None:
    [finding] = lint(text, ["DD205"])
    assert finding.fix is None and "move the row to the 2021 section" in finding.message


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
    moved = field_row("C", venue="ICML, 2022").replace(" | ", "|")  # its own padding
    text = (
        "# 2022\n"
        + FIELD_HEADER
        + field_row()
        + "\n# 2021\n"
        + FIELD_HEADER
        + field_row("B", venue="ICML, 2021")
    )
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


# -- a preprint's date is not the paper's year (issue #19) -------------------------------

DATED = "| Date | Title | Venue |\n|---|---|---|\n"


def dated_row(date: str, venue: str, title: str = "Notes on the Engine") -> str:
    return f"| {date} | [**{title}**](https://arxiv.org/abs/2212.00001) | {venue} |\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("## 2023\n" + DATED + dated_row("2022-12-08", "CVPR'23"), id="venue-year"),
        pytest.param(
            "## 2022\n" + DATED + dated_row("2022-12-08", "CVPR'23"),
            id="a-list-filed-by-preprint-date",
        ),
        pytest.param(
            "## 2023\n" + DATED.replace("Date", "Time") + dated_row("2022.12", "CVPR 2023"),
            id="time-column-of-year-dot-month",
        ),
        pytest.param(
            "## Robots\n" + DATED + dated_row("2022-12-08", "ICRA '24"),
            id="topic-section-date-column-is-not-compared",
        ),
        pytest.param(
            "## Robots\n" + DATED.replace("Date", "Year") + dated_row("2023.10", "ICLR'24"),
            id="topic-section-year-column-of-dates-is-not-compared",
        ),
    ],
)
def test_preprint_date_is_not_a_wrong_section(text: str) -> None:
    assert lint(text, ["DD205"]) == []


def test_section_compared_with_the_venue_not_the_date() -> None:
    text = "## 2023\n" + DATED + dated_row("2021-03-02", "ICML 2021")
    [finding] = lint(text, ["DD205"])
    assert finding.message.startswith("Paper of 2021 in the 2023 section")
    assert finding.span.slice(text) == "ICML 2021"


def test_date_column_judges_a_row_without_venue_year() -> None:
    text = "## 2023\n" + DATED + dated_row("2021-03-02", "arXiv")
    [finding] = lint(text, ["DD205"])
    assert finding.message.startswith("Paper of 2021 in the 2023 section")
    assert finding.span.slice(text) == "2021-03-02"
