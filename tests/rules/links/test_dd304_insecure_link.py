"""DD304 insecure-link: ``http://`` to hosts known to serve https."""

from __future__ import annotations

import pytest
from helpers import SEED_TEXT, fixed, lines, link_row, link_table, rule_fixture


def test_insecure_link_fix() -> None:
    source = link_table(
        link_row("http://proceedings.mlr.press/v139/a.pdf", "[Code](http://github.com/x)")
    )
    expected = link_table(
        link_row("https://proceedings.mlr.press/v139/a.pdf", "[Code](https://github.com/x)")
    )
    assert fixed(source, ["DD304"]) == expected


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("http://example.org/paper.pdf", id="unknown-host"),
        pytest.param("https://github.com/x", id="already-https"),
    ],
)
def test_insecure_link_noop(url: str) -> None:
    assert lines(link_table(link_row(url)), "DD304") == []


def test_insecure_link_fixture_and_seed() -> None:
    assert lines(rule_fixture("insecure-links.md"), "DD304") == [9, 10]
    assert lines(SEED_TEXT, "DD304") == [75]
