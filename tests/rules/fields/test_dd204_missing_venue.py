"""DD204 missing-venue: an empty Venue cell, and cells shifted by a missing `|`."""

from __future__ import annotations

import pytest
from helpers import at, lint

HEADER = "| Paper Title | Year | Conference/Journal |\n|---|:---:|:---:|\n"
ROW = "| [Notes on the Engine](https://arxiv.org/abs/2201.00001) | 2022 | ICML |\n"


def test_shifted_cells_are_named_not_a_missing_venue() -> None:
    text = (
        HEADER + ROW + "| [Tables of Tables](https://arxiv.org/abs/2601.00002) 2026 | Arxiv | |\n"
    )
    [finding] = lint(text, ["DD204", "DD103"])
    assert (finding.code, at(text, finding)) == ("DD204", "Arxiv")
    assert finding.message.startswith(
        "Empty Venue cell, and `Arxiv` under Year reads as a venue: the row's cells are shifted"
    )
    assert finding.fix is None


def test_short_shifted_row_is_left_to_dd103() -> None:
    # The pipe before the year is missing and the row ends early: DD103 names the cause.
    text = HEADER + ROW + "| [Tables of Tables](https://arxiv.org/abs/2601.00002) 2026 | Arxiv\n"
    assert [f.code for f in lint(text, ["DD204", "DD103"])] == ["DD103"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            HEADER + ROW + "| [Tables](https://arxiv.org/abs/2601.00002) | 2026 | |\n",
            id="year-beside-it",
        ),
        pytest.param(
            "| Title | Type | Venue |\n|---|---|---|\n"
            "| [Tables](https://example.org/t) | Journal | |\n",
            id="a-type-column-may-say-journal",
        ),
    ],
)
def test_empty_venue_without_a_shift(text: str) -> None:
    [finding] = lint(text, ["DD204"])
    assert finding.message.startswith("Empty Venue cell: GitHub shows a blank")
