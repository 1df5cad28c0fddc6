"""DD307 duplicate-link: one row linking the same target twice."""

from __future__ import annotations

import pytest
from helpers import SEED_TEXT, lines, link_row, link_table, rule_fixture


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


def test_duplicate_link_same_paper_twice_is_dd207s() -> None:
    assert lines(link_table(link_row(), link_row()), "DD307") == []


def test_duplicate_link_seed_is_clean() -> None:
    assert lines(SEED_TEXT, "DD307") == []
