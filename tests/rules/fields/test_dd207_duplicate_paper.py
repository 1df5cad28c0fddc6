"""DD207 duplicate-paper: the same paper listed twice in one section."""

from __future__ import annotations

import pytest
from helpers import lint, rule_fixture

TITLE = "Condensing Graphs for Node Classification"


def rows(*cells: str, heading: str = "") -> str:
    """A `Title | Venue` table of rows, each ``title-cell | venue``, under ``heading``."""
    head = f"{heading}\n\n" if heading else ""
    return head + "| Title | Venue |\n|---|---|\n" + "".join(f"| {c} |\n" for c in cells)


def titled(url: str, title: str = TITLE, venue: str = "ICLR, 2023") -> str:
    return f"[**{title}**]({url}) | {venue}"


def test_duplicate_names_the_first_line() -> None:
    text = rule_fixture("duplicate-paper.md")
    messages = [f.message for f in lint(text, ["DD207"])]
    assert "line 9 (same title)" in messages[0]
    assert "line 13 (same arXiv id)" in messages[1]


@pytest.mark.parametrize(
    ("first", "second", "what"),
    [
        pytest.param(
            "https://arxiv.org/abs/2011.00050v3",
            "https://arxiv.org/abs/2011.00050",
            "arXiv id",
            id="arxiv-versions",
        ),
        pytest.param(
            "https://arxiv.org/abs/2011.00050",
            "http://arxiv.org/pdf/2011.00050v1.pdf",
            "arXiv id",
            id="abs-and-pdf-http-and-https",
        ),
        pytest.param(
            "https://doi.org/10.1145/3580305.3599001",
            "https://dl.acm.org/doi/pdf/10.1145/3580305.3599001",
            "DOI",
            id="doi",
        ),
        pytest.param(
            "https://openreview.net/forum?id=Gr4pH5cOnD",
            "https://openreview.net/pdf?id=Gr4pH5cOnD",
            "OpenReview id",
            id="openreview-forum-and-pdf",
        ),
    ],
)
def test_same_id_in_one_section(first: str, second: str, what: str) -> None:
    text = rows(titled(first), titled(second, title="Condensed Graphs for Classifying Nodes"))
    [finding] = lint(text, ["DD207", "DD210"])
    assert (finding.code, finding.line) == ("DD207", 4)
    assert f"Same paper as line 3 (same {what})" in finding.message


def test_same_title_in_two_tables_under_one_heading() -> None:
    one = rows(titled("https://example.org/a"), heading="## Graphs")
    two = rows(titled("https://example.org/b", title=TITLE.lower() + "."))
    assert [(f.code, f.line) for f in lint(one + "\n" + two, ["DD207", "DD210"])] == [("DD207", 9)]


def test_same_paper_in_two_year_sections_is_a_duplicate() -> None:
    url = "https://arxiv.org/abs/2302.11873"
    text = rows(titled(url), heading="## 2023") + "\n" + rows(titled(url), heading="## 2022")
    assert [(f.code, f.line) for f in lint(text, ["DD207", "DD210"])] == [("DD207", 11)]


def test_same_id_under_two_titles_says_a_link_may_be_wrong() -> None:
    url = "https://arxiv.org/abs/2306.03091"
    text = rows(titled(url), titled(url, title="Retrieval for Repository Code Completion"))
    [finding] = lint(text, ["DD207"])
    assert finding.message.startswith(
        f"Same arXiv id as line 3, under another title (`{TITLE}`): one of the two links "
        "is likely wrong"
    )


@pytest.mark.parametrize(
    "cells",
    [
        pytest.param(
            (
                "![Star](https://img.shields.io/github/stars/o/a.svg) | ICML, 2023",
                "![Star](https://img.shields.io/github/stars/o/b.svg) | ICML, 2023",
            ),
            id="badge-alt-text",
        ),
        pytest.param(
            (
                "[Paper](https://example.org/one) | ICML, 2023",
                "[Paper](https://example.org/two) | ICML, 2023",
            ),
            id="generic-label",
        ),
        pytest.param(
            ("[[PDF]](https://example.org/one) | -", "[[PDF]](https://example.org/two) | -"),
            id="bracketed-label",
        ),
        pytest.param(("GraphNet | ICML, 2023", "GraphNet | NeurIPS, 2023"), id="model-name"),
        pytest.param(("N/A | ICML, 2023", "N/A | NeurIPS, 2023"), id="two-words"),
        pytest.param(
            (
                titled("https://arxiv.org/abs/2302.11873"),
                titled("https://arxiv.org/abs/2302.11874", title=TITLE + " II"),
            ),
            id="similar-titles-other-ids",
        ),
    ],
)
def test_not_duplicates(cells: tuple[str, str]) -> None:
    assert lint(rows(*cells), ["DD207", "DD210"]) == []
