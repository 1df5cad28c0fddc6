"""DD401 unsorted-rows, DD402 cell-format, DD403 venue-format, DD404 title-format.

Each rule on its fixture (lines from tests/fixtures/rules/README.md), on inline Markdown
(noop and fix pairs), and on the seed; the format fixes round-trip and are idempotent on
every list shape, and never change what GitHub renders (cmark-gfm as the oracle).
"""

from __future__ import annotations

from pathlib import Path

import cmarkgfm
import pytest
from gfm_oracle import rendered_tables
from helpers import FIXTURES, SEED

from ddlint.api import fix_text, lint_text
from ddlint.engine.config import Config
from ddlint.text.findings import Applicability, Finding

RULES = FIXTURES / "rules"
LISTS = sorted(p for p in (FIXTURES / "lists").glob("*.md") if p.name != "SHAPES.md")
CODES = ["DD401", "DD402", "DD403", "DD404"]

HEADER = "| Author | Title | Venue |\n|---|---|---|\n"


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def lint(text: str, codes: list[str] = CODES, config: Config | None = None) -> list[Finding]:
    return lint_text(text, select=codes, config=config)


def fixed(text: str, codes: list[str] = CODES, config: Config | None = None) -> str:
    return fix_text(text, select=codes, config=config).text


def row(author: str, title: str, venue: str, url: str = "https://arxiv.org/abs/2201.1") -> str:
    return f"| {author} | [**{title}**]({url}) | {venue} |\n"


# -- the fixtures: exact lines ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "code", "lines"),
    [
        pytest.param("unsorted.md", "DD401", [9], id="unsorted"),
        pytest.param("cell-format.md", "DD402", [9], id="cell-format"),
        pytest.param("venue-format.md", "DD403", [9, 10, 12, 13], id="venue-format"),
        pytest.param("title-format.md", "DD404", [9, 10], id="title-format"),
    ],
)
def test_fixture_lines(fixture: str, code: str, lines: list[int]) -> None:
    findings = lint(read(RULES / fixture), [code])
    assert [f.line for f in findings] == lines
    assert all(f.fix is not None and f.fix.applicability is Applicability.SAFE for f in findings)


def test_unsorted_fixture_moves_the_february_row_to_the_end() -> None:
    text = read(RULES / "unsorted.md")
    (finding,) = lint(text, ["DD401"])
    assert finding.span.slice(text) == "arXiv, Feb., 2023"  # the date cell of the row
    assert finding.message == (
        "Rows are not sorted by year and month (newest first): 1 row moves; run --fix"
    )
    lines = text.splitlines(keepends=True)
    assert (
        fixed(text, ["DD401"]).splitlines(keepends=True)
        == lines[:8] + lines[9:14] + [lines[8]] + lines[14:]
    )


def test_cell_format_fixture_points_at_the_first_badly_padded_cell() -> None:
    text = read(RULES / "cell-format.md")
    (finding,) = lint(text, ["DD402"])
    assert finding.span.slice(text) == "Kaito Morita et al"
    line = fixed(text, ["DD402"]).splitlines()[8]
    assert line == (
        "| Kaito Morita et al | [**Condensing Point Clouds with Shape Priors**]"
        "(https://arxiv.org/abs/2309.12280) | Distribution Matching | 3D Classification "
        "| ModelNet40 | ICCV, 2023 | [Code](https://github.com/kmorita/pc-condense) |"
    )


def test_venue_format_fixture() -> None:
    text = read(RULES / "venue-format.md")
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


def test_title_format_fixture() -> None:
    text = read(RULES / "title-format.md")
    findings = lint(text, ["DD404"])
    assert [f.span.slice(text)[:2] for f in findings] == ["[C", "**"]
    out = fixed(text, ["DD404"]).splitlines()
    assert "| [**Condensing Point Clouds with Shape Priors**](https://arxiv.org/abs/2309" in out[8]
    assert (
        "| [**Condensed Graphs for Link Prediction**](https://arxiv.org/abs/2308.06621)" in out[9]
    )


# -- DD402 cell-format --------------------------------------------------------------------

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
    out = fixed(text, ["DD402"], aligned)
    assert out == (
        "| Title                       | Authors      |          Code           |\n"
        "| --------------------------- | ------------ | :---------------------: |\n"
        "| [数据蒸馏](https://a.org/1) | 王伟         |           🚀            |\n"
        "| [Plain](https://a.org/2)    | Ada Lovelace | [Code](https://g.com/x) |\n"
    )
    assert lint(out, ["DD402"], aligned) == []
    assert html(out) == html(text)


# -- DD403 venue-format -------------------------------------------------------------------


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
    assert fixed(text, ["DD403"], config) == HEADER + row("Ada et al", "T", "arXiv, 2022-09")


# -- DD404 title-format -------------------------------------------------------------------


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


# -- DD401 unsorted-rows ------------------------------------------------------------------

NOV, FEB, SEP = (
    row("Ada et al", "Nov", "arXiv, Nov., 2022"),
    row("Alan et al", "Feb", "arXiv, Feb., 2022"),
    row("Grace et al", "Sep", "arXiv, Sep., 2022"),
)
ICLR, OLD, NOMONTH = (
    row("Ken et al", "May", "ICLR, 2022"),
    row("Edsger et al", "Old", "arXiv, Mar., 2021"),
    row("Barbara et al", "Journal", "IEEE TCC, 2022"),
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(HEADER + NOV + SEP + ICLR + FEB + NOMONTH + OLD, id="newest-first"),
        pytest.param(HEADER + OLD + FEB + SEP + NOV, id="oldest-first-kept"),
        pytest.param(HEADER + NOV + FEB, id="two-rows-either-way"),
        pytest.param(
            "| No. | Author | Title | Venue |\n|---|---|---|---|\n"
            + "".join("| 1 " + r for r in (OLD, NOV, FEB)),
            id="numbered-table-left-alone",
        ),
        pytest.param(HEADER + NOV + FEB + "\n" + SEP, id="stray-row-first-rejoined"),
        pytest.param(HEADER + NOV + FEB + "| x | y |\n" + SEP, id="short-row-dd103-first"),
        pytest.param(
            "| Title | Venue |\n|---|---|\n| **2022** | |\n| [A](https://a.org/1) | ICML 2022 |\n"
            "| [B](https://a.org/2) | NeurIPS 2022 |\n| **2021** | |\n"
            "| [C](https://a.org/3) | AAAI 2021 |\n",
            id="separator-groups-each-oldest-first-by-one-pair",
        ),
    ],
)
def test_unsorted_noop(text: str) -> None:
    assert lint(text, ["DD401"]) == []


@pytest.mark.parametrize(
    ("text", "expected", "moves"),
    [
        pytest.param(HEADER + NOV + FEB + SEP, HEADER + NOV + SEP + FEB, 1, id="one-row"),
        pytest.param(
            HEADER + NOMONTH + NOV + ICLR + SEP,
            HEADER + NOV + SEP + ICLR + NOMONTH,
            2,
            id="usual-month-and-unknown-last",
        ),
        pytest.param(
            HEADER + OLD + NOV + FEB + SEP,
            HEADER + NOV + SEP + FEB + OLD,
            2,
            id="year-first",
        ),
        pytest.param(
            (HEADER + NOV + FEB + SEP).replace("\n", "\r\n"),
            (HEADER + NOV + SEP + FEB).replace("\n", "\r\n"),
            1,
            id="crlf",
        ),
        pytest.param(
            HEADER + NOV + FEB + SEP.rstrip("\n"),
            HEADER + NOV + SEP + FEB.rstrip("\n"),
            1,
            id="last-line-without-ending",
        ),
    ],
)
def test_unsorted_fix(text: str, expected: str, moves: int) -> None:
    (finding,) = lint(text, ["DD401"])
    assert f": {moves} row" in finding.message
    assert fixed(text, ["DD401"]) == expected


def test_unsorted_separator_groups_sort_separately() -> None:
    sep22, sep21 = "| **2022** | | |\n", "| **2021** | | |\n"
    dec = row("Old2", "O2", "arXiv, Dec., 2021")
    text = HEADER + sep22 + FEB + NOV + SEP + sep21 + OLD + dec
    expected = HEADER + sep22 + NOV + SEP + FEB + sep21 + dec + OLD
    assert fixed(text, ["DD401"]) == expected


def test_unsorted_configured_keys() -> None:
    by_title = Config.model_validate({"sort": ["title"]})
    text = HEADER + NOV + FEB + SEP
    (finding,) = lint(text, ["DD401"], by_title)
    assert "sorted by title" in finding.message
    assert fixed(text, ["DD401"], by_title) == HEADER + FEB + NOV + SEP
    numbered = "| No. | Author | Title | Venue |\n|---|---|---|---|\n" + "".join(
        "| 1 " + r for r in (OLD, NOV, FEB)
    )
    assert lint(numbered, ["DD401"], Config.model_validate({"sort": ["-year"]}))
    assert lint(HEADER + FEB + NOV, ["DD401"], Config.model_validate({"sort": False})) == []


def test_unsorted_keeps_each_lines_bytes_and_container_prefix() -> None:
    text = "- Topic\n\n  " + HEADER.replace("\n", "\n  ") + NOV + "  " + FEB + "  " + SEP
    out = fixed(text, ["DD401"])
    assert out == "- Topic\n\n  " + HEADER.replace("\n", "\n  ") + NOV + "  " + SEP + "  " + FEB


# -- every list shape: round trip, idempotency, same rendering ----------------------------


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.stem)
def test_format_fixes_are_idempotent_on_every_list(path: Path) -> None:
    text = read(path)
    once = fix_text(text, select=CODES).text
    assert fix_text(once, select=CODES).text == once
    assert lint(once) == [] or all(f.fix is None for f in lint(once))


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("style", ["compact", "aligned"])
def test_cell_format_never_changes_what_github_renders(path: Path, style: str) -> None:
    text = read(path)
    config = Config.model_validate({"table-style": style})
    out = fixed(text, ["DD402"], config)
    assert html(out) == html(text)
    assert fixed(out, ["DD402"], config) == out


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


# -- the seed -----------------------------------------------------------------------------


def test_seed_findings() -> None:
    findings = lint(read(SEED))
    counts = {code: sum(f.code == code for f in findings) for code in CODES}
    # 2022's table still has stray rows, so only 2021 is checked for order before --fix.
    assert counts == {"DD401": 1, "DD402": 63, "DD403": 7, "DD404": 0}


def test_seed_fix_converges_verifies_and_keeps_58_rows() -> None:
    out = fix_text(read(SEED)).text  # every default rule; raises FixError on any mismatch
    assert fix_text(out).text == out
    assert [len(rows) for rows in rendered_tables(out)] == [42, 10, 4, 1, 1]
    assert [f for f in lint(out) if f.fix is not None] == []
    venues = [line.split(" | ")[-2] for line in out.splitlines() if line.startswith("| ")]
    assert "arXiv, Sept., 2022" not in venues and "ICML 2022" not in venues
