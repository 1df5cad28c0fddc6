"""DD402 cell-format: padding and outer pipes, compact or aligned, never changing what
GitHub renders (cmark-gfm as the oracle)."""

from __future__ import annotations

from pathlib import Path

import cmarkgfm
import pytest
from helpers import FIXTURES, HEADER, LIST_FIXTURES, ROW_A, fixed, lint, read, row, rule_fixture
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
COMPACT = Config.model_validate({"table-style": "compact"})
ALIGNED = Config.model_validate({"table-style": "aligned"})


def rows(template: str, count: int = 6) -> str:
    """``count`` rows from ``template`` with ``{n}`` the row's number (distinct papers)."""
    return "".join(template.format(n=n) for n in range(1, count + 1))


TIGHT = "|Author|Title|Venue|\n|---|---|---|\n" + rows(
    "|Author {n}|[**Paper {n}**](https://arxiv.org/abs/2301.0000{n})|ICML 2023|\n"
)
NO_OUTER = "Author | Title | Venue\n--- | --- | ---\n" + rows(
    "Author {n} | [**Paper {n}**](https://arxiv.org/abs/2301.0000{n}) | ICML 2023\n"
)
NO_TRAILING = "| Title | Year | Venue |\n| --- | :---: | :---: |\n" + rows(
    "| [Paper {n}](https://arxiv.org/abs/2301.0000{n}) | 2023 | ICML\n"
)
ALIGNED_TABLE = (
    "| Title                                        | Year | Venue   |\n"
    "| :------------------------------------------- | :--: | :------ |\n"
    "| [Paper 1](https://arxiv.org/abs/2301.00001)  | 2023 | ICML    |\n"
    "| [Paper 2](https://arxiv.org/abs/2301.00002)  | 2023 | NeurIPS |\n"
    "| [Paper 3](https://arxiv.org/abs/2301.00003)  | 2022 | CVPR    |\n"
    "| [Paper 4](https://arxiv.org/abs/2301.00004)  | 2022 |         |\n"
    "| [Paper 5](https://arxiv.org/abs/2301.00005)  | 2021 | ICLR    |\n"
    "| [Paper 6](https://arxiv.org/abs/2301.00006)  | 2021 | AAAI    |\n"
)
COMPACT_TABLE = HEADER + rows(
    "| Author {n} | [**Paper {n}**](https://arxiv.org/abs/2301.0000{n}) | ICML 2023 |\n"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(CLEAN, id="compact"),
        pytest.param(COMPACT_TABLE, id="compact-table"),
        pytest.param(TIGHT, id="tight-table"),
        pytest.param(NO_OUTER, id="no-outer-pipes-table"),
        pytest.param(NO_TRAILING, id="no-trailing-pipe-table"),
        pytest.param(ALIGNED_TABLE, id="hand-aligned-table"),
        pytest.param(
            "| **Paper**  | **Venue**   |\n| ------------- | ------------- |\n"
            + rows("| [**Paper {n}**](https://arxiv.org/abs/2301.0000{n}) | ICML 2023 |\n"),
            id="header-and-delimiter-are-the-tables-own",
        ),
        pytest.param(
            HEADER + "|Ada et al|  [**T**](https://a.org/1) |ICML, 2022|\n" + ROW_A,
            id="two-rows-no-convention",
        ),
        pytest.param(
            HEADER
            + rows(
                "| Author {n} | [**Paper {n}**](https://arxiv.org/abs/2301.0000{n}) | ICML |\n", 3
            )
            + rows("|Author {n}|[**Paper {n}**](https://arxiv.org/abs/2302.0000{n})|ICML|\n", 3),
            id="mixed-padding-no-convention",
        ),
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


def _break(table: str, line: int, new: str) -> str:
    lines = table.splitlines(keepends=True)
    lines[line] = new
    return "".join(lines)


@pytest.mark.parametrize(
    ("text", "expected", "message"),
    [
        pytest.param(
            _break(
                COMPACT_TABLE,
                4,
                "|Author 3|  [**Paper 3**](https://arxiv.org/abs/2301.00003) |ICML 2023|\n",
            ),
            COMPACT_TABLE,
            "Cell padding unlike the table's: 5 of 6 rows of this table write `| a | b |`",
            id="compact-table-irregular-row",
        ),
        pytest.param(
            _break(
                TIGHT,
                3,
                "| Author 2 | [**Paper 2**](https://arxiv.org/abs/2301.00002) | ICML 2023 |\n",
            ),
            TIGHT,
            "Cell padding unlike the table's: 5 of 6 rows of this table write `|a|b|`",
            id="tight-table-compact-row",
        ),
        pytest.param(
            _break(
                NO_OUTER,
                2,
                "| Author 1 | [**Paper 1**](https://arxiv.org/abs/2301.00001) | ICML 2023 |\n",
            ),
            NO_OUTER,
            "Row with a leading pipe: 5 of 6 rows of this table start without one",
            id="no-outer-pipes-table-row-with-pipes",
        ),
        pytest.param(
            _break(
                NO_TRAILING, 6, "| [Paper 5](https://arxiv.org/abs/2301.00005) | 2023 | ICML |\n"
            ),
            NO_TRAILING,
            "Row with a trailing pipe: 5 of 6 rows of this table end without one",
            id="no-trailing-pipe-table-row-with-one",
        ),
        pytest.param(
            _break(
                COMPACT_TABLE,
                2,
                "| Author 1 | [**Paper 1**](https://arxiv.org/abs/2301.00001) | ICML 2023\n",
            ),
            COMPACT_TABLE,
            "Row without a trailing pipe: 5 of 6 rows of this table end with `|`",
            id="compact-table-row-without-trailing-pipe",
        ),
        pytest.param(
            _break(
                COMPACT_TABLE,
                3,
                "| Author 2 | [**Paper 2**](https://arxiv.org/abs/2301.00002) | ICML 2023 |  \n",
            ),
            COMPACT_TABLE,
            "Trailing whitespace after the row: 5 of 6 rows of this table end without it",
            id="trailing-spaces",
        ),
        pytest.param(
            _break(
                ALIGNED_TABLE, 4, "| [Paper 3](https://arxiv.org/abs/2301.00003) | 2022 | CVPR |\n"
            ),
            ALIGNED_TABLE,
            "Cells not aligned like the table's: 5 of 6 rows of this table put their pipes",
            id="aligned-table-unaligned-row",
        ),
        pytest.param(
            (
                QUOTED
                + rows("> |Author {n}|[**Paper {n}**](https://arxiv.org/abs/2301.0000{n})|ICML|\n")
            ).replace("|Author 2|", "| Author 2 |"),
            QUOTED
            + rows("> |Author {n}|[**Paper {n}**](https://arxiv.org/abs/2301.0000{n})|ICML|\n"),
            "Cell padding unlike the table's",
            id="block-quote-prefix-kept",
        ),
        pytest.param(
            _break(
                TIGHT,
                3,
                "| Author 2 | [**Paper 2**](https://arxiv.org/abs/2301.00002) | ICML 2023 |\n",
            ).replace("\n", "\r\n"),
            TIGHT.replace("\n", "\r\n"),
            "Cell padding unlike the table's",
            id="crlf-kept",
        ),
        pytest.param(
            _break(
                COMPACT_TABLE,
                2,
                "| Author 1 | [**Paper 1**](https://arxiv.org/abs/2301.00001) | ICML | extra |\n",
            ),
            None,
            None,
            id="extra-cell-is-dd103s-business",
        ),
    ],
)
def test_cell_format_fix(text: str, expected: str | None, message: str | None) -> None:
    findings = lint(text, ["DD402"])
    if message is None:
        assert (
            findings == [] or all(f.fix is None for f in findings) or fixed(text, ["DD402"]) == text
        )
        return
    (finding,) = findings
    assert finding.message.startswith(message)
    assert fixed(text, ["DD402"]) == expected
    assert html(fixed(text, ["DD402"])) == html(text)


def test_cell_format_aligned_row_too_wide_is_only_reported() -> None:
    wide = "| [A much longer title](https://arxiv.org/abs/2301.00003) | 2022 | CVPR |\n"
    text = _break(ALIGNED_TABLE, 4, wide)
    (finding,) = lint(text, ["DD402"])
    assert finding.fix is None
    assert "wider than its column" in finding.message


def test_cell_format_never_drops_a_pipe_before_an_empty_cell() -> None:
    """Without a leading pipe an empty first cell would vanish: no fix is offered."""
    text = _break(NO_OUTER, 3, "| | [**Paper 2**](https://arxiv.org/abs/2301.00002) | ICML 2023\n")
    (finding,) = lint(text, ["DD402"])
    assert finding.fix is None


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
            "3 of 3 rows of this table are not in the configured compact style",
            id="no-outer-pipes-one-finding-for-the-table",
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
        pytest.param(
            TIGHT,
            COMPACT_TABLE,
            "7 of 8 rows of this table are not in the configured compact style",
            id="tight-table-one-finding-one-fix",
        ),
    ],
)
def test_cell_format_configured_compact(text: str, expected: str, message: str) -> None:
    """The old default: with `table-style = "compact"` every row is held to `| a | b |`."""
    (finding,) = lint(text, ["DD402"], COMPACT)
    assert finding.message.startswith(message)
    assert fixed(text, ["DD402"], config=COMPACT) == expected


def test_cell_format_configured_compact_reports_each_row_of_a_mostly_compact_table() -> None:
    text = _break(
        COMPACT_TABLE, 4, "|Author 3|[**Paper 3**](https://arxiv.org/abs/2301.00003)|ICML 2023|\n"
    )
    text = _break(text, 5, "|Author 4|[**Paper 4**](https://arxiv.org/abs/2301.00004)|ICML 2023|\n")
    assert [f.line for f in lint(text, ["DD402"], COMPACT)] == [5, 6]  # 2 of 8: row by row
    assert fixed(text, ["DD402"], config=COMPACT) == COMPACT_TABLE


EMPTY_CELLS = "| Author | Title | Venue | Code |\n|---|---|---|---|\n" + rows(
    "| Author {n} | [**Paper {n}**](https://arxiv.org/abs/2301.0000{n}) |  |  |\n"
)


@pytest.mark.parametrize("style", [None, "compact"])
def test_cell_format_empty_cells_padded_like_their_neighbours_are_not_reported(
    style: str | None,
) -> None:
    """`|  |`: an empty cell padded with the two spaces its neighbours have, in the table's
    own style and in the configured compact one (the benchmark's clean list had thousands)."""
    config = Config.model_validate({"table-style": style} if style else {})
    assert lint(EMPTY_CELLS, ["DD402"], config) == []
    tight = _break(
        EMPTY_CELLS, 4, "|Author 3|[**Paper 3**](https://arxiv.org/abs/2301.00003)|  |  |\n"
    )
    assert [f.line for f in lint(tight, ["DD402"], config)] == [5]  # still seen beside them


def test_cell_format_aligned_style_with_wide_characters() -> None:
    text = (
        "| Title | Authors | Code |\n|---|---|:---:|\n"
        "| [数据蒸馏](https://a.org/1) | 王伟 | 🚀 |\n"
        "| [Plain](https://a.org/2) | Ada Lovelace | [Code](https://g.com/x) |\n"
    )
    assert lint(text, ["DD402"]) == []  # its own style: too few rows for a convention
    assert lint(text, ["DD402"], COMPACT) == []
    (finding,) = lint(text, ["DD402"], ALIGNED)  # every row differs: one finding
    assert finding.message.startswith("4 of 4 rows of this table are not in the configured aligned")
    out = fixed(text, ["DD402"], config=ALIGNED)
    assert out == (
        "| Title                       | Authors      |          Code           |\n"
        "| --------------------------- | ------------ | :---------------------: |\n"
        "| [数据蒸馏](https://a.org/1) | 王伟         |           🚀            |\n"
        "| [Plain](https://a.org/2)    | Ada Lovelace | [Code](https://g.com/x) |\n"
    )
    assert lint(out, ["DD402"], ALIGNED) == []
    assert lint(out, ["DD402"]) == []
    assert html(out) == html(text)


@pytest.mark.parametrize("path", LIST_FIXTURES, ids=lambda p: p.stem)
@pytest.mark.parametrize("style", [None, "compact", "aligned"])
def test_cell_format_never_changes_what_github_renders(path: Path, style: str | None) -> None:
    text = read(path)
    config = Config.model_validate({"table-style": style} if style else {})
    out = fixed(text, ["DD402"], config=config)
    assert html(out) == html(text)
    assert fixed(out, ["DD402"], config=config) == out


def html(text: str) -> str:
    """What GitHub shows, without source positions (a re-padded row changes its columns)."""
    return str(cmarkgfm.github_flavored_markdown_to_html(text))


def test_no_outer_pipes_fixture_gets_outer_pipes_and_keeps_its_tables() -> None:
    text = read(FIXTURES / "lists" / "no-outer-pipes-alignment.md")
    out = fixed(text, ["DD402"], config=COMPACT)
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


PAD = st.sampled_from(["", " ", "  ", "\t"])
CELL = st.sampled_from(["", "x", "Ada et al", "[**T**](https://a.org/1)", "a \\| b", "数据"])


@st.composite
def own_style_tables(draw: st.DrawFn) -> str:
    """A paper table whose rows mostly share one random style, with random deviations."""
    columns = draw(st.integers(2, 4))
    style = (draw(st.booleans()), draw(st.booleans()), draw(PAD), draw(PAD))

    def line(cells: list[str], shape: tuple[bool, bool, str, str]) -> str:
        leading, trailing, before, after = shape
        inner = "|".join(before + c + after for c in cells)
        return ("|" if leading else "") + inner + ("|" if trailing else "")

    header = ["Title", "Venue", "Year", "Code"][:columns]
    lines = [line(header, style), line(["---"] * columns, style)]
    for number in range(draw(st.integers(1, 9))):
        cells = [f"[P{number}](https://a.org/{number})"] + [draw(CELL) for _ in range(columns - 1)]
        own = (
            style
            if draw(st.integers(0, 4))
            else (*draw(st.tuples(st.booleans(), st.booleans())), draw(PAD), draw(PAD))
        )
        lines.append(line(cells, own))  # type: ignore[arg-type]
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(own_style_tables())
def test_own_style_fix_keeps_what_github_renders(text: str) -> None:
    out = fixed(text, ["DD402"])
    assert html(out) == html(text)
    assert fixed(out, ["DD402"]) == out
    assert [f for f in lint(out, ["DD402"]) if f.fix is not None] == []  # in the table's style
