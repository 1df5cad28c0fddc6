"""DD304 insecure-link: ``http://`` to hosts known to serve https."""

from __future__ import annotations

import pytest
from helpers import SEED_TEXT, fixed, lines, link_row, link_table, lint, rule_fixture


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


def test_insecure_links_on_every_row_are_one_finding() -> None:
    rows = [link_row(f"http://proceedings.mlr.press/v139/p{n}.pdf") for n in range(5)]
    findings = lint(link_table(*rows), ["DD304"])
    assert [(f.line, f.rows) for f in findings] == [(3, (3, 4, 5, 6, 7))]
    assert "http://" not in fixed(link_table(*rows), ["DD304"])


def test_one_insecure_link_among_many_rows_is_its_own() -> None:
    rows = [link_row(f"https://arxiv.org/abs/2301.0000{n}") for n in range(4)]
    rows.append(link_row("http://proceedings.mlr.press/v139/p.pdf"))
    (finding,) = lint(link_table(*rows), ["DD304"])
    assert finding.line == 7 and finding.rows == ()
