"""DD210 cross-listed-paper: the same paper under two topic headings."""

from __future__ import annotations

from helpers import lint, rule_fixture

from ddlint.api import lint_text
from ddlint.engine.config import Config
from ddlint.rules import ALL_RULES
from ddlint.text.findings import Severity

FIXTURE = rule_fixture("cross-listed-paper.md")


def test_fixture_cross_listings_and_duplicate() -> None:
    found = [(f.code, f.line) for f in lint(FIXTURE, ["DD207", "DD210"])]
    # 14: versions, abs/pdf, http; 16: a repeat in one section; 31, 32: under labels
    # that only look like headings (`<b>Privacy</b>`), not under the real heading above.
    assert found == [("DD210", 14), ("DD207", 16), ("DD210", 31), ("DD210", 32)]


def test_message_names_the_heading_and_the_drift() -> None:
    by_line = {f.line: f.message for f in lint(FIXTURE, ["DD210"])}
    assert by_line[14] == (
        "Also listed at line 8 under `Surveys` (same arXiv id): keep both if the paper "
        "belongs to both topics, else remove one"
    )
    assert by_line[31] == (
        "Also listed at line 25 under `Federated learning` (same DOI); the two rows give "
        "different venues (`KDD, 2023` and `KDD, 2024`): bring the copies in line, or "
        "remove one if the paper belongs under one heading only"
    )


def test_is_information_on_by_default_and_can_be_turned_off() -> None:
    rule = next(r for r in ALL_RULES if r.code == "DD210")
    assert rule.severity is Severity.INFO and rule.default_enabled
    assert any(f.code == "DD210" for f in lint_text(FIXTURE))
    ignored = lint_text(FIXTURE, config=Config.model_validate({"ignore": ["cross-listed-paper"]}))
    assert not any(f.code == "DD210" for f in ignored)
    assert any(f.code == "DD207" for f in ignored)


SURVEY = "| [**A Survey of Dataset Condensation**](https://arxiv.org/abs/2301.04272) | ICML 2023 |"


def test_separator_rows_are_topics() -> None:
    drifted = SURVEY.replace("ICML 2023", "arXiv 2023")
    text = (
        f"| Title | Venue |\n|---|---|\n| **Surveys** | |\n{SURVEY}\n| **Graphs** | |\n{drifted}\n"
    )
    [finding] = lint(text, ["DD207", "DD210"])
    assert (finding.code, finding.line) == ("DD210", 6)
    assert "under `Surveys`" in finding.message


def test_message_names_different_years() -> None:
    row = "| [**On Sparse Replay Buffers**](https://example.org/p.pdf) | {year} | UAI |\n"
    table = "| Title | Year | Venue |\n|---|---|---|\n"
    text = "## Replay\n\n" + table + row.format(year=2022)
    text += "\n## Theory\n\n" + table + row.format(year=2023)
    [finding] = lint(text, ["DD210"])
    assert finding.message.startswith(
        "Also listed at line 5 under `Replay` (same title); the two rows give different "
        "years (2022 and 2023)"
    )


def _topics(papers_in_both: int, drifted_venue: str) -> str:
    """Two topic sections that list ``papers_in_both`` papers alike in both, and one
    more paper whose second copy gives ``drifted_venue``."""
    rows = [
        f"| [**Paper on Topic Number {n}**](https://arxiv.org/abs/2301.0000{n}) | ICML 2023 |\n"
        for n in range(papers_in_both)
    ]
    last = "| [**The Drifting Paper Itself**](https://arxiv.org/abs/2302.00001) | {} |\n"
    head = "| Title | Venue |\n|---|---|\n"
    return (
        f"## Vision\n\n{head}{''.join(rows)}{last.format('ICML 2023')}\n"
        f"## Language\n\n{head}{''.join(rows)}{last.format(drifted_venue)}"
    )


def test_a_list_that_cross_lists_by_design_hears_of_the_drifted_copies_only() -> None:
    text = _topics(5, "arXiv 2023")
    (finding,) = lint(text, ["DD210"])
    assert "different venues (`ICML 2023` and `arXiv 2023`)" in finding.message
    assert lint(_topics(5, "ICML 2023"), ["DD210"]) == []


def test_a_few_copies_alike_are_still_reported() -> None:
    assert len(lint(_topics(2, "ICML 2023"), ["DD210"])) == 3


def test_two_copies_of_one_year_in_different_months() -> None:
    row = "| {date} | [**On Sparse Replay Buffers**](https://example.org/p.pdf) |\n"
    table = "| Date | Title |\n|---|---|\n"
    text = "## Replay\n\n" + table + row.format(date="2024.02")
    text += "\n## Others\n\n" + table + row.format(date="2024.06")
    [finding] = lint(text, ["DD210"])
    assert "the two rows give different dates (2024-02 and 2024-06)" in finding.message


def test_a_digest_featuring_a_paper_again_in_a_later_week_is_no_cross_listing() -> None:
    paper = "| [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | {venue} |\n"
    other = "| [**Tables of Tables**](https://arxiv.org/abs/2201.00002) | ICML 2025 |\n"
    head = "| Paper | Venue |\n|---|---|\n"
    text = (
        f"## Top Papers of the Week (June 2 - June 8) - 2025\n\n{head}"
        f"{paper.format(venue='arXiv 2025')}{other}\n"
        f"## Top Papers of the Week (June 16 - June 22) - 2025\n\n{head}"
        f"{paper.format(venue='ICML 2025')}"
    )
    assert lint(text, ["DD207", "DD210"]) == []
    topics = text.replace("(June 2 - June 8) - 2025", "on Engines").replace(
        "(June 16 - June 22) - 2025", "on Tables"
    )
    assert [f.code for f in lint(topics, ["DD207", "DD210"])] == ["DD210"]


def test_two_conferences_with_dates_are_no_digest() -> None:
    paper = "| [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | {venue} |\n"
    head = "| Paper | Venue |\n|---|---|\n"
    text = (
        f"## CVPR 2023 (June 18 - June 22)\n\n{head}{paper.format(venue='CVPR 2023')}\n"
        f"## ICCV 2023 (Oct 2 - Oct 6)\n\n{head}{paper.format(venue='ICCV 2023')}"
    )
    assert [f.code for f in lint(text, ["DD207", "DD210"])] == ["DD210"]


def test_a_digest_re_feature_across_a_new_year_is_no_duplicate() -> None:
    paper = "| [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | A note. |\n"
    head = "| Paper | Summary |\n|---|---|\n"
    text = (
        f"## Top Papers of the Week (December 23 - December 29) - 2024\n\n{head}{paper}\n"
        f"## Top Papers of the Week (January 6 - January 12) - 2025\n\n{head}{paper}"
    )
    assert lint(text, ["DD207", "DD210"]) == []


def test_dates_in_the_venue_column_differ_as_dates() -> None:
    row = "| [**On Sparse Replay Buffers**](https://example.org/p.pdf) | {date} |\n"
    table = "| Title | Pub. & Date |\n|---|---|\n"
    text = "## Replay\n\n" + table + row.format(date="May, 2023")
    text += "\n## Theory\n\n" + table + row.format(date="Jul., 2023")
    [finding] = lint(text, ["DD210"])
    assert "the two rows give different dates (2023-05 and 2023-07)" in finding.message


def test_a_selection_of_the_lists_papers_is_no_topic() -> None:
    paper = "| [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML 2022 |\n"
    head = "| Title | Venue |\n|---|---|\n"
    text = f"## 🔥 Trending\n\n{head}{paper}\n## Engines\n\n{head}{paper}"
    assert lint(text, ["DD210"]) == []
    drifted = text[: text.rindex("ICML 2022")] + "arXiv 2022 |\n"
    assert len(lint(drifted, ["DD210"])) == 1
