"""DD403 venue-format: venues written ``Name, Year`` with the configured month style."""

from __future__ import annotations

import pytest
from helpers import HEADER, fixed, lint, row, rule_fixture

from ddlint.engine.config import Config


def test_venue_format_fixture() -> None:
    text = rule_fixture("venue-format.md")
    assert [f.span.slice(text) for f in lint(text, ["DD403"])] == [
        "arXiv, Sept., 2022",
        "ICML 2022",
        "arXiv, Apr. 2022",
        "arXiv, Jan, 2022",
    ]
    venues = [line.split(" | ")[-2] for line in fixed(text, ["DD403"]).splitlines()[7:13]]
    assert venues == [
        "NeurIPS, 2022",
        "arXiv, Sep., 2022",
        "ICML, 2022",
        "arXiv, Jun., 2022",
        "arXiv, Apr., 2022",
        "arXiv, Jan., 2022",
    ]


@pytest.mark.parametrize(
    "venue",
    [
        pytest.param("ICML, 2022", id="canonical"),
        pytest.param("arXiv, Sep., 2022", id="canonical-month"),
        pytest.param("arXiv, May, 2022", id="may-has-no-dot"),
        pytest.param("ICLR, 2024 (Oral)", id="note-kept"),
        pytest.param("[ICML'22]", id="markup-left-alone"),
        pytest.param("Under review", id="unparsed-is-dd209s"),
        pytest.param("NeurIPS workshop, 2020", id="name-spelling-kept"),
    ],
)
def test_venue_format_noop(venue: str) -> None:
    assert lint(HEADER + row("Ada et al", "T", venue), ["DD403"]) == []


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        pytest.param("ICML 2022", "ICML, 2022", id="no-comma"),
        pytest.param("arXiv, Sept., 2022", "arXiv, Sep., 2022", id="sept"),
        pytest.param("arXiv, Apr. 2022", "arXiv, Apr., 2022", id="no-comma-before-year"),
        pytest.param("arXiv, Jan, 2022", "arXiv, Jan., 2022", id="no-dot"),
        pytest.param("CVPR'24", "CVPR, 2024", id="apostrophe-year"),
        pytest.param("ICLR 2024 (Oral)", "ICLR, 2024 (Oral)", id="note"),
    ],
)
def test_venue_format_fix(venue: str, expected: str) -> None:
    text = HEADER + row("Ada et al", "T", venue)
    (finding,) = lint(text, ["DD403"])
    assert finding.span.slice(text) == venue
    assert fixed(text, ["DD403"]) == HEADER + row("Ada et al", "T", expected)


def test_venue_format_month_style_option() -> None:
    config = Config.model_validate({"month-style": "number"})
    text = HEADER + row("Ada et al", "T", "arXiv, Sept., 2022")
    assert fixed(text, ["DD403"], config=config) == HEADER + row("Ada et al", "T", "arXiv, 2022-09")
