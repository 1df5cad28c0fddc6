"""DD404 title-format: paper titles linked and emphasised as most of the list does."""

from __future__ import annotations

import pytest
from helpers import HEADER, fixed, lint, rule_fixture


def test_title_format_fixture() -> None:
    text = rule_fixture("title-format.md")
    findings = lint(text, ["DD404"])
    assert [f.span.slice(text)[:2] for f in findings] == ["[C", "**"]
    out = fixed(text, ["DD404"]).splitlines()
    assert "| [**Condensing Point Clouds with Shape Priors**](https://arxiv.org/abs/2309" in out[8]
    assert (
        "| [**Condensed Graphs for Link Prediction**](https://arxiv.org/abs/2308.06621)" in out[9]
    )


def titles_table(*cells: str) -> str:
    return HEADER + "".join(f"| A{i} et al | {c} | ICML, 2022 |\n" for i, c in enumerate(cells))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            titles_table("[**A**](https://a.org/1)", "[**B**](https://a.org/2)"), id="all-bold"
        ),
        pytest.param(titles_table("[A](https://a.org/1)", "[B](https://a.org/2)"), id="all-plain"),
        pytest.param(titles_table("[A](https://a.org/1)", "[**B**](https://a.org/2)"), id="tie"),
        pytest.param(
            titles_table(
                "[**A**](https://a.org/1)",
                "[**B**](https://a.org/2)",
                "[C](https://a.org/3) [[code]](https://g.com/c)",
            ),
            id="not-a-single-link",
        ),
    ],
)
def test_title_format_noop(text: str) -> None:
    assert lint(text, ["DD404"]) == []


@pytest.mark.parametrize(
    ("odd", "expected"),
    [
        pytest.param("[C](https://a.org/3)", "[**C**](https://a.org/3)", id="plain"),
        pytest.param("**[C](https://a.org/3)**", "[**C**](https://a.org/3)", id="bold-outside"),
        pytest.param("[*C: a, b*](https://a.org/3)", "[**C: a, b**](https://a.org/3)", id="italic"),
        pytest.param("[__C__](https://a.org/3)", "[**C**](https://a.org/3)", id="underscores"),
    ],
)
def test_title_format_fix(odd: str, expected: str) -> None:
    majority = ["[**A**](https://a.org/1)", "[**B**](https://a.org/2)"]
    text = titles_table(*majority, odd)
    (finding,) = lint(text, ["DD404"])
    assert finding.span.slice(text) == odd
    assert fixed(text, ["DD404"]) == titles_table(*majority, expected)
