"""DD307 duplicate-link: one row linking the same target twice."""

from __future__ import annotations

import pytest
from helpers import SEED_TEXT, lines, link_row, link_table, lint, rule_fixture


def test_duplicate_link_fixture() -> None:
    assert lines(rule_fixture("duplicate-link.md"), "DD307") == [9, 10, 11]


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            link_table(link_row(code="[Code](https://arxiv.org/pdf/2201.00001.pdf)")),
            id="title-as-code",
        ),
        pytest.param(
            link_table(link_row(code="[Code](http://github.com/x), [Repo](https://github.com/x/)")),
            id="same-after-canonical-form",
        ),
    ],
)
def test_duplicate_link_in_row(source: str) -> None:
    assert lines(source, "DD307") == [3]


STAR = "[![Star](https://img.shields.io/github/stars/ada/engine.svg?style=social)]"
ARXIV_BADGE = "[![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)]"


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            link_table(
                link_row(
                    code=f"{STAR}(https://github.com/ada/engine) [Code](https://github.com/ada/engine)"
                )
            ),
            id="star-badge-beside-code-link",
        ),
        pytest.param(
            link_table(link_row(code=f"{ARXIV_BADGE}(https://arxiv.org/abs/2201.00001)")),
            id="arxiv-badge-repeating-the-title-link",
        ),
        pytest.param(
            "| Title | Summary | Links |\n|---|---|---|\n"
            "| [**Engine**](https://arxiv.org/abs/2201.00001) | A short note on the engine, "
            "first shown in [a thread](https://example.org/t/1) last spring. | "
            "[Thread](https://example.org/t/1) |\n",
            id="a-description-cites-what-the-link-column-gives",
        ),
        pytest.param(
            "| Paper | Links |\n|---|---|\n"
            "| 4) Analytical Engine  Ada's notes on the [Engine](https://arxiv.org/abs/2201.00001) "
            "show how it would compute Bernoulli numbers, step by step. | "
            "[Paper](https://arxiv.org/abs/2201.00001) |\n",
            id="a-description-names-its-paper-that-the-link-column-gives",
        ),
        pytest.param(
            link_table(
                link_row("https://github.com/ada/engine", "[Github](https://github.com/ada/engine)")
            ),
            id="a-project-with-no-paper-links-its-repository-from-the-title",
        ),
        pytest.param(
            link_table(
                link_row(
                    code="Code at https://github.com/ada/engine; the data too, "
                    "https://github.com/ada/engine."
                )
            ),
            id="url-written-twice-in-prose",
        ),
    ],
)
def test_duplicate_link_badges_and_prose_are_not_compared(source: str) -> None:
    assert lines(source, "DD307") == []


def test_duplicate_link_two_text_links_beside_a_badge() -> None:
    code = (
        f"{STAR}(https://github.com/ada/engine) [Code](https://github.com/ada/engine), "
        "[Repo](https://github.com/ada/engine)"
    )
    assert lines(link_table(link_row(code=code)), "DD307") == [3]


def test_duplicate_link_same_paper_twice_is_dd207s() -> None:
    assert lines(link_table(link_row(), link_row()), "DD307") == []


def test_duplicate_link_seed_is_clean() -> None:
    assert lines(SEED_TEXT, "DD307") == []


def paper_row(n: int, paper: str) -> str:
    return link_row(f"https://arxiv.org/abs/2301.0000{n}", f"[Paper]({paper})")


def test_a_list_that_repeats_the_title_link_in_a_column_does_so_on_purpose() -> None:
    # Five rows, all offering the title's link again as `Paper`: the list's own form.
    rows = [paper_row(n, f"https://arxiv.org/abs/2301.0000{n}") for n in range(5)]
    assert lines(link_table(*rows), "DD307") == []


def test_most_rows_of_a_table_repeating_the_title_link_are_one_finding() -> None:
    rows = [paper_row(n, f"https://arxiv.org/abs/2301.0000{n}") for n in range(3)]
    rows.append(paper_row(3, "https://example.org/p3"))
    (finding,) = lint(link_table(*rows), ["DD307"])
    assert finding.rows == (3, 4, 5)
    assert "`Supp. Material` column's link repeats the `Title` column's link" in finding.message


def test_one_repeated_link_among_many_rows_is_its_own() -> None:
    rows = [paper_row(n, f"https://example.org/p{n}") for n in range(4)]
    rows.append(paper_row(4, "https://arxiv.org/abs/2301.00004"))
    (finding,) = lint(link_table(*rows), ["DD307"])
    assert finding.line == 7 and "`Paper` repeats the link of" in finding.message


def titled_row(title: str, url: str = "https://arxiv.org/abs/2301.00001") -> str:
    return f"| Ada Lovelace et al | [**{title}**]({url}) | ICML, 2022 | |"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param("Notes on the Engine (NOTE)", "Notes on the Engine (NoteBench)", id="acronym"),
        pytest.param(
            "ENG: Notes on the Analytical Engine",
            "Notes on the Analytical Engine",
            id="name-before-the-title",
        ),
        pytest.param(
            "Analytical Engines with Small Tables",
            "On Small Tables in Analytical Engines",
            id="renamed-between-versions",
        ),
        pytest.param(
            "2) Notes on the Engine - a note on the engine",
            "5) Notes on the Engine - engines, noted again",
            id="numbered-with-a-description",
        ),
    ],
)
def test_one_paper_under_two_forms_of_its_title(one: str, other: str) -> None:
    rows = [titled_row(one), titled_row(other).replace("Ada Lovelace", "Bo Chen")]
    assert lines(link_table(*rows), "DD307") == []


def test_two_papers_sharing_a_link() -> None:
    rows = [
        titled_row("Notes on the Analytical Engine"),
        titled_row("Tables of Computable Numbers").replace("Ada Lovelace", "Alan Turing"),
    ]
    assert lines(link_table(*rows), "DD307") == [3, 4]


def test_two_papers_of_one_series_sharing_a_link() -> None:
    # One word apart: two papers, and one of them links the other.
    rows = [
        titled_row("Table Condensation with Gradient Matching"),
        titled_row("Table Condensation with Moment Matching").replace("Ada Lovelace", "Bo Chen"),
    ]
    assert lines(link_table(*rows), "DD307") == [3, 4]


DATASETS = "| Name | Year | Source | Url |\n|---|---|---|---|\n"


def dataset(name: str, url: str) -> str:
    return f"| {name} | 2018 | Ada Lab | [link]({url}) |\n"


def test_datasets_sharing_a_home_page_in_a_link_column() -> None:
    # Two datasets released in one repository, or two versions of one dataset: a Url
    # column's shared home page names no paper.
    text = (
        DATASETS
        + dataset("TableQA 2.0", "https://example.org/tableqa/")
        + dataset("TableQA", "https://example.org/tableqa/")
    )
    assert lines(text, "DD307") == []


def test_two_titles_linking_one_repository() -> None:
    # The title's own link names the row's work: a second title on it is a slip.
    rows = [
        titled_row("Notes on the Analytical Engine", "https://github.com/ada/engine"),
        titled_row("Tables of Computable Numbers", "https://github.com/ada/engine").replace(
            "Ada Lovelace", "Alan Turing"
        ),
    ]
    assert lines(link_table(*rows), "DD307") == [3, 4]
