"""DD208 inconsistent-spelling: a value spelt otherwise than most rows spell it."""

from __future__ import annotations

import pytest
from helpers import HEADER, SEED_TEXT, fixed, lint, row

from ddlint.text.findings import Applicability


def test_seed_spelling_names_the_majority() -> None:
    [finding] = lint(SEED_TEXT, ["DD208"])
    assert "`Application: Continual Learning`" in finding.message
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE


def _venues(*cells: str) -> str:
    return HEADER + "".join(
        row(f"Author {n} et al", f"Paper {n}", venue, f"https://example.org/{n}")
        for n, venue in enumerate(cells, 1)
    )


@pytest.mark.parametrize(
    ("minority", "majority", "official"),
    [
        pytest.param("OpenReview, 2023", "Openreview, 2023", "OpenReview", id="known-venue"),
        pytest.param("RecSys 2023", "Recsys 2023", "RecSys", id="spelling-table"),
    ],
)
def test_a_known_venue_keeps_its_official_spelling(
    minority: str, majority: str, official: str
) -> None:
    text = _venues(minority, majority, majority, majority, minority, majority, majority)
    findings = lint(text, ["DD208"])
    assert [f.line for f in findings] == [4, 5, 6, 8, 9]  # every row but the official ones
    assert all(f"spelled `{official}` in 2 other rows" in f.message for f in findings)
    out = fixed(text, ["DD208"], unsafe=True)
    assert out == _venues(*[minority] * 7)


def test_without_the_official_spelling_the_majority_wins() -> None:
    text = _venues("ArXiv, 2023", "Arxiv, 2023", "Arxiv, 2023")
    (finding,) = lint(text, ["DD208"])
    assert finding.line == 3
    assert "spelled `Arxiv` in 2 other rows" in finding.message
