"""DD301 empty-link: a link without a target, and the fix that drops it."""

from __future__ import annotations

import pytest
from helpers import fixed, lines, link_row, link_table, rule_fixture

from ddlint.api import lint_text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            link_table(link_row(code="[Code](https://github.com/x), [Poster]()")),
            link_table(link_row(code="[Code](https://github.com/x)")),
            id="after-a-real-link",
        ),
        pytest.param(
            link_table(link_row(code="[Poster](), [Code](https://github.com/x)")),
            link_table(link_row(code="[Code](https://github.com/x)")),
            id="before-a-real-link",
        ),
        pytest.param(
            link_table(link_row(code="[Code]() [Video](https://youtu.be/x)")),
            link_table(link_row(code="[Video](https://youtu.be/x)")),
            id="space-separated",
        ),
        pytest.param(
            link_table(link_row(code="[Code]()")),
            link_table(link_row()),
            id="alone-leaves-an-empty-cell",
        ),
        pytest.param(
            link_table(link_row(code="[Code](), [Poster]( )")),
            link_table(link_row()),
            id="two-empty-links",
        ),
    ],
)
def test_empty_link_fix(source: str, expected: str) -> None:
    assert lines(source, "DD301")
    assert fixed(source, ["DD301"]) == expected


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            link_table(link_row(code="[![stars](https://img.shields.io/x)]()")), id="badge"
        ),
        pytest.param(link_table(link_row(code="[~~Code~~]()")), id="struck-label"),
        pytest.param(
            "| Author | Title |\n|---|---|\n| Ada et al | [**Notes**]() |\n",
            id="title-link",
        ),
    ],
)
def test_empty_link_reported_without_fix(source: str) -> None:
    findings = lint_text(source, select=["DD301"])
    assert len(findings) == 1 and findings[0].fix is None


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(link_table(link_row(code="[Code](https://github.com/x)")), id="real-link"),
        pytest.param(link_table("| |[** **]() | | [Code]() |"), id="placeholder-row-is-dd201s"),
    ],
)
def test_empty_link_noop(source: str) -> None:
    assert lines(source, "DD301") == []


def test_empty_link_fixture() -> None:
    text = rule_fixture("empty-links.md")
    assert lines(text, "DD301") == [9, 10]
    assert lines(fixed(text, ["DD301"]), "DD301") == []


def _code_table(*codes: str) -> str:
    return "| Title | Venue | Code |\n|---|---|---|\n" + "".join(
        f"| [**Paper {n}**](https://arxiv.org/abs/2201.0000{n}) | ICML, 2022 | {code} |\n"
        for n, code in enumerate(codes)
    )


def test_the_emptied_cell_gets_the_lists_mark_for_no_link() -> None:
    # Every code cell without a link writes `-`: the emptied cell does too.
    text = _code_table("-", "-", "[Code](https://example.org/c)", "-", "-", "-", "[Code]()")
    out = fixed(text, ["DD301"])
    assert out == _code_table("-", "-", "[Code](https://example.org/c)", "-", "-", "-", "-")


def test_no_clear_mark_leaves_the_cell_empty() -> None:
    text = _code_table("-", "", "-", "", "N/A", "[Code]()")
    expected = _code_table("-", "", "-", "", "N/A", "")
    assert fixed(text, ["DD301"]) == expected[: expected.rstrip().rfind("|  |")] + "| |\n"


def test_the_mark_is_read_per_column_and_is_never_words() -> None:
    header = "| Title | Venue | Code | Data |\n|---|---|---|---|\n"

    def rows(*cells: tuple[str, str]) -> str:
        return header + "".join(
            f"| [**P{n}**](https://arxiv.org/abs/2201.0000{n}) | ICML, 2022 | {code} | {data} |\n"
            for n, (code, data) in enumerate(cells)
        )

    dashes = [("-", "")] * 5
    text = rows(*dashes, ("[Code]()", ""))
    assert fixed(text, ["DD301"]) == rows(*dashes, ("-", ""))
    words = rows(*[("N/A", "")] * 5, ("[Code]()", ""))
    assert fixed(words, ["DD301"]).endswith("| ICML, 2022 | |  |\n")
