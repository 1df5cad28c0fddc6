"""DD402 cell-format: padding and outer pipes, compact or aligned, never changing what
GitHub renders (cmark-gfm as the oracle)."""

from __future__ import annotations

from pathlib import Path

import cmarkgfm
import pytest
from helpers import FIXTURES, HEADER, LIST_FIXTURES, fixed, lint, read, row, rule_fixture
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.engine.config import Config
from ddlint.gfm import render
from ddlint.gfm.cells import split_cells
from ddlint.rules.format import dd402_cell_format as dd402


def test_cell_format_fixture_points_at_the_first_badly_padded_cell() -> None:
    text = rule_fixture("cell-format.md")
    (finding,) = lint(text, ["DD402"])
    assert finding.span.slice(text) == "Kaito Morita et al"
    line = fixed(text, ["DD402"]).splitlines()[8]
    assert line == (
        "| Kaito Morita et al | [**Condensing Point Clouds with Shape Priors**]"
        "(https://arxiv.org/abs/2309.12280) | Distribution Matching | 3D Classification "
        "| ModelNet40 | ICCV, 2023 | [Code](https://github.com/kmorita/pc-condense) |"
    )


QUOTED = "> | Author | Title | Venue |\n> |---|---|---|\n"
CLEAN = HEADER + row("Ada Lovelace et al", "Notes", "ICML, 2022")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(CLEAN, id="compact"),
        pytest.param("| A | B |\n|---------|:--:|\n| x | |\n", id="tight-delimiter-and-empty-cell"),
        pytest.param("| A | B |\n| --- | ---: |\n| x \\| y | z |\n", id="escaped-pipe"),
        pytest.param(
            "- Topic\n\n  | Title | Venue |\n  | --- | --- |\n  | [P](https://a.org/1) | ICML |\n",
            id="table-in-list-item",
        ),
        pytest.param("|a|b|\n|-|-|\n|x|y|\n", id="not-a-paper-table"),
        pytest.param(
            "| Author | Title | Venue | Code |\n| --- | --- | --- | --- |\n"
            "| A et al | [**T**](https://a.org/1) | ICML, 2022 | |\n| |[** **]() |  | [Code]() |\n",
            id="placeholder-left-to-DD201",
        ),
    ],
)
def test_cell_format_noop(text: str) -> None:
    assert lint(text, ["DD402"]) == []


@pytest.mark.parametrize(
    ("text", "expected", "message"),
    [
        pytest.param(
            HEADER + "|Ada et al|  [**T**](https://a.org/1) |ICML, 2022|\n",
            HEADER + "| Ada et al | [**T**](https://a.org/1) | ICML, 2022 |\n",
            "Irregular padding around a cell",
            id="irregular-padding",
        ),
        pytest.param(
            HEADER + "| Ada et al | [**T**](https://a.org/1) | ICML, 2022 |   \n",
            HEADER + "| Ada et al | [**T**](https://a.org/1) | ICML, 2022 |\n",
            "Trailing whitespace after the row",
            id="trailing-spaces",
        ),
        pytest.param(
            "Author | Title | Venue\n--- | :---: | ---:\n"
            "Ada et al | [**T**](https://a.org/1) | ICML, 2022\n",
            "| Author | Title | Venue |\n| --- | :---: | ---: |\n"
            "| Ada et al | [**T**](https://a.org/1) | ICML, 2022 |\n",
            "Row without outer pipes",
            id="no-outer-pipes-alignment-kept",
        ),
        pytest.param(
            HEADER + "| Ada et al | [**T**](https://a.org/1) | ICML, 2022 | extra |\n",
            HEADER + "| Ada et al | [**T**](https://a.org/1) | ICML, 2022 | extra |\n",
            None,
            id="extra-cell-is-dd103s-business",
        ),
        pytest.param(
            QUOTED + "> |Ada et al|[**T**](https://a.org/1)|ICML|\n",
            QUOTED + "> | Ada et al | [**T**](https://a.org/1) | ICML |\n",
            "Irregular padding around a cell",
            id="block-quote-prefix-kept",
        ),
        pytest.param(
            HEADER.replace("\n", "\r\n") + "|Ada et al|[**T**](https://a.org/1)|ICML, 2022|\r\n",
            HEADER.replace("\n", "\r\n")
            + "| Ada et al | [**T**](https://a.org/1) | ICML, 2022 |\r\n",
            "Irregular padding around a cell",
            id="crlf-kept",
        ),
    ],
)
def test_cell_format_fix(text: str, expected: str, message: str | None) -> None:
    findings = lint(text, ["DD402"])
    if message is None:
        assert findings == []
        return
    assert findings and findings[0].message.startswith(message)
    assert fixed(text, ["DD402"]) == expected


def test_cell_format_aligned_style_with_wide_characters() -> None:
    aligned = Config.model_validate({"table-style": "aligned"})
    text = (
        "| Title | Authors | Code |\n|---|---|:---:|\n"
        "| [数据蒸馏](https://a.org/1) | 王伟 | 🚀 |\n"
        "| [Plain](https://a.org/2) | Ada Lovelace | [Code](https://g.com/x) |\n"
    )
    assert lint(text, ["DD402"]) == []  # compact: already fine
    assert len(lint(text, ["DD402"], aligned)) == 4
    out = fixed(text, ["DD402"], config=aligned)
    assert out == (
        "| Title                       | Authors      |          Code           |\n"
        "| --------------------------- | ------------ | :---------------------: |\n"
        "| [数据蒸馏](https://a.org/1) | 王伟         |           🚀            |\n"
        "| [Plain](https://a.org/2)    | Ada Lovelace | [Code](https://g.com/x) |\n"
    )
    assert lint(out, ["DD402"], aligned) == []
    assert html(out) == html(text)


@pytest.mark.parametrize("path", LIST_FIXTURES, ids=lambda p: p.stem)
@pytest.mark.parametrize("style", ["compact", "aligned"])
def test_cell_format_never_changes_what_github_renders(path: Path, style: str) -> None:
    text = read(path)
    config = Config.model_validate({"table-style": style})
    out = fixed(text, ["DD402"], config=config)
    assert html(out) == html(text)
    assert fixed(out, ["DD402"], config=config) == out


def html(text: str) -> str:
    """What GitHub shows, without source positions (a re-padded row changes its columns)."""
    return str(cmarkgfm.github_flavored_markdown_to_html(text))


def test_no_outer_pipes_fixture_gets_outer_pipes_and_keeps_its_tables() -> None:
    text = read(FIXTURES / "lists" / "no-outer-pipes-alignment.md")
    out = fixed(text, ["DD402"])
    assert "| :--- | :---: | :---: | ---: |" in out
    assert "| --: | :-- |" not in out and "| ---: | :--- |" in out
    # A leading-pipe row of 3 cells (GitHub pads it to 4) keeps exactly its 3 cells.
    assert "(https://arxiv.org/abs/2305.13309) | Samir Khan, Mia Torres | FAccT 2023 |\n" in out


CELL_TEXT = st.lists(st.sampled_from([*"ab |\\\t`*", "\\|", "  ", "数"]), max_size=5).map("".join)


@settings(max_examples=2000)
@given(
    st.lists(CELL_TEXT, max_size=5),
    st.sampled_from(["compact", "aligned"]),
    st.lists(st.integers(0, 8), max_size=5),
)
def test_plain_cells_split_back_unchanged(texts: list[str], style: str, widths: list[int]) -> None:
    """DD402's proof that a rewritten row keeps its cells, without splitting it."""
    if not dd402._splits_plainly(texts):
        return
    new = render.format_row(texts, style=style, widths=widths)  # type: ignore[arg-type]
    cells = split_cells(new, 0, len(new))
    assert cells is not None
    assert [new[a:b] for a, b in cells] == texts
