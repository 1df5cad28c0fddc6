"""ddlint's tables are GitHub's tables: cmark-gfm is the oracle (DESIGN.md §1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gfm_oracle import ddlint_tables, rendered_tables
from helpers import FIXTURES, MARKDOWN_FIXTURES, SEED_TEXT, read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddlint import parse_document

# Examples from GFM-TABLES.md (each verified there against cmark-gfm), ⏎ = newline.
GRAMMAR_CASES = [
    "| a | b | c |⏎|:--|:-:|--:|⏎| 1 | 2 | 3 |",
    "a | b⏎--|--⏎c | d",
    "| a | b |⏎|---|⏎| c | d |",
    "| a |⏎| :: |",
    "| a |⏎| - - |",
    "| a | b |⏎|---|---| x",
    "| a | b |⏎|---|---|   ",
    "abc⏎:-",
    "abc⏎|---|",
    "abc⏎---|",
    "abc⏎--",
    "| a |⏎---",
    "a | b⏎- | -",
    "a | b⏎-- | --",
    "a | b⏎-|-",
    "| a |⏎   |---|",
    "| a |⏎    |---|",
    "| a |⏎\t|---|",
    "   | a |⏎|---|",
    "    | a |⏎|---|",
    "text⏎    | a |⏎|---|",
    "| a | b |⏎|---|---|---|⏎| e | f |⏎|---|---|",
    "| a | b |⏎|---|---|---|⏎⏎| e | f |⏎|---|---|",
    "# H⏎| a |⏎|---|",
    "***⏎| a |⏎|---|",
    "<!-- c -->⏎| a |⏎|---|",
    "<div>x</div>⏎| a |⏎|---|",
    "- x⏎| a |⏎|---|",
    "> x⏎| a |⏎|---|",
    "> x⏎| a |⏎> |---|",
    "Intro line one⏎intro line two⏎| a | b |⏎|---|---|⏎| c | d |",
    "| a |⏎|---|⏎| b |⏎⏎| c |",
    "| a |⏎|---|⏎  ⏎| c |",
    "| a |⏎|---|⏎|⏎| c |",
    "| a |⏎|---|⏎|  ⏎| c |",
    "| a |⏎|---|⏎# h | x⏎| c |",
    "| a |⏎|---|⏎---⏎| c |",
    "| a |⏎|---|⏎```⏎| c |",
    "| a |⏎|---|⏎    | b |⏎| c |",
    "| a |⏎|---|⏎> q⏎| c |",
    "| a |⏎|---|⏎- x⏎| c |",
    "| a |⏎|---|⏎7) x⏎| c |",
    "| a |⏎|---|⏎-⏎| c |",
    "| a |⏎|---|⏎<!-- c -->⏎| c |",
    "| a |⏎|---|⏎<details>⏎| c |⏎⏎| d |",
    "| a |⏎|---|⏎<br/>⏎| c |",
    "| a |⏎|---|⏎</span>⏎| c |",
    "| a |⏎|---|⏎<pre>⏎| c |⏎⏎| d |",
    "| a |⏎|---|⏎<?x ?>⏎| c |",
    "| a |⏎|---|⏎<!DOCTYPE html>⏎| c |",
    "| a |⏎|---|⏎<![CDATA[x]]>⏎| c |",
    "| a |⏎|---|⏎[^1]: n⏎| c |",
    "| a | b |⏎|---|---|⏎plain text⏎===⏎|---|---|⏎| x | y | z |⏎[x]: /url⏎-x⏎<b>y</b> z"
    "⏎x <!-- c -->⏎||",
    "| a |⏎|---|⏎| x |⏎|---|",
    "| a \\| b | c |⏎|---|---|",
    "| x |⏎|---|⏎| a \\\\| b |",
    "| x | y |⏎|---|---|⏎| `a|b` | c |",
    "| a | b | c |⏎|---|---|---|⏎| 1 |⏎| 1 | 2 | 3 | 4 |",
    "| a | b |⏎|---|---|⏎| |⏎||⏎|  |  |",
    "> | a |⏎> |---|⏎> | b |⏎| c |",
    "- | a |⏎  |---|⏎  | b |⏎| c |",
    "1. | a |⏎   |---|⏎  | b |",
    "- | a |⏎|---|",
    "- | a |⏎  |---|⏎- | b |",
    "x[^1]⏎⏎[^1]: | a |⏎    |---|⏎    | b |",
    "<details>⏎<summary>S</summary>⏎⏎| a |⏎|---|⏎| b |⏎</details>",
    "<details>⏎<summary>S</summary>⏎| a |⏎|---|⏎</details>",
    "| a |\r⏎|---|\r⏎| b |\r⏎",
    "| a |\r|---|\r| b |\r\r| c |\r",
    "| x | y |⏎|---|---|⏎| c \r d |",
    "| a |⏎|---|⏎| b |∎",
    "|\ta\t|\tb\t|⏎|\t---\t|\t---\t|",
    "| a |⏎|---|⏎\t| b |",
    "- item⏎⏎  | a | b |⏎  |---|---|⏎  | c | d |⏎⏎| e |",
    "1. x⏎⏎   | a |⏎   |---|⏎   | b |",
    "> | a |⏎> |---|⏎> | b |⏎>⏎> | c |",
    "```⏎| a |⏎|---|⏎```⏎| a |⏎|---|⏎| b |",
    "~~~~⏎```⏎| a |⏎|---|⏎~~~~",
    "[r]: /u⏎| a |⏎|---|⏎| [r] |",
    "Title⏎===⏎| a |⏎|---|⏎| b |",
    "\ufeff| a |⏎|---|⏎| b |",
]


def _expand(case: str) -> str:
    text = case.replace("⏎", "\n")
    return text[:-1] if text.endswith("∎") else text + "\n"


@pytest.mark.parametrize("case", GRAMMAR_CASES, ids=range(len(GRAMMAR_CASES)))
def test_grammar_cases_match_cmark_gfm(case: str) -> None:
    text = _expand(case)
    assert ddlint_tables(parse_document(text)) == rendered_tables(text)


_WIDE = "|x" * 65536  # one cell more than cmark-gfm's uint16 column count
_TOO_MANY_CELLS = [
    f"{_WIDE}⏎{'|-' * 65536}⏎| b |",  # header and delimiter too wide: no table
    f"| a |⏎{'|-' * 65536}⏎| b |",
    f"{_WIDE}⏎|---|⏎| b |",
    f"| a | b |⏎|---|---|⏎{_WIDE}⏎| c | d |",  # a body line too wide ends the table
    f"{_WIDE}⏎{'|-' * 65536}⏎|---|⏎| b |",
]


@pytest.mark.parametrize("case", _TOO_MANY_CELLS, ids=range(len(_TOO_MANY_CELLS)))
def test_lines_of_too_many_cells_match_cmark_gfm(case: str) -> None:
    text = _expand(case)
    assert ddlint_tables(parse_document(text)) == rendered_tables(text)


@pytest.mark.parametrize("path", MARKDOWN_FIXTURES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixtures_match_cmark_gfm(path: Path) -> None:
    text = read(path).removeprefix("\ufeff")
    assert ddlint_tables(parse_document(text)) == rendered_tables(text)


def test_seed_rendered_rows() -> None:
    text = SEED_TEXT
    tables = ddlint_tables(parse_document(text))
    assert [len(rows) for rows in tables] == [16, 10, 4, 2, 1]
    assert tables == rendered_tables(text)


# -- generated documents ------------------------------------------------------------

_CELL = st.sampled_from(["a", "b c", "", " x ", "`p|q`", "a \\| b", "**t**", "[l](u)", "x\\"])


@st.composite
def _row(draw: st.DrawFn) -> str:
    cells = draw(st.lists(_CELL, min_size=1, max_size=4))
    body = " | ".join(cells)
    lead = draw(st.sampled_from(["| ", "|", "", "  | ", "   |", "    |", "\t|"]))
    trail = draw(st.sampled_from([" |", "|", "", " | ", "|  "]))
    return lead + body + trail


@st.composite
def _delimiter(draw: st.DrawFn) -> str:
    n = draw(st.integers(1, 4))
    cells = [draw(st.sampled_from(["---", ":--", "--:", ":-:", "-", " --- "])) for _ in range(n)]
    lead = draw(st.sampled_from(["|", "", "  |", "    |"]))
    trail = draw(st.sampled_from(["|", "", "| "]))
    return lead + "|".join(cells) + trail


_INTERRUPTERS = st.sampled_from(
    [
        "",
        "   ",
        "\t",
        "<!-- comment -->",
        "<!-- open",
        "-->",
        "<img src='x.png'>",
        "</div>",
        "<div>",
        "<details>",
        "<summary>S</summary>",
        "<pre>",
        "</pre>",
        "# Heading | x",
        "## 2022",
        "---",
        "***",
        "===",
        "```",
        "~~~",
        "- item",
        "-",
        "* item",
        "1. item",
        "2. item",
        "7) x",
        "> quote",
        ">",
        "    indented",
        "\tindented",
        "plain text line",
        "[ref]: https://example.com",
        "[^1]: note",
        "  - nested",
        "Setext",
        "|",
        "||",
    ]
)

_LINE = st.one_of(_row(), _delimiter(), _INTERRUPTERS, _row().map(lambda r: "  " + r))


@st.composite
def _documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(_LINE, min_size=1, max_size=14))
    # GitHub renders one definition per footnote label; later ones vanish with their content.
    notes = [i for i, line in enumerate(lines) if line == "[^1]: note"]
    lines = [line for i, line in enumerate(lines) if i not in notes[1:]]
    endings = draw(
        st.lists(
            st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]),
            min_size=len(lines),
            max_size=len(lines),
        )
    )
    text = "".join(line + end for line, end in zip(lines, endings))
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    # GitHub drops unreferenced footnote definitions (and any table inside them) from
    # the page; a reference keeps the one the generator can write visible.
    return "See[^1].\n\n" + text


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_generated_documents_match_cmark_gfm(text: str) -> None:
    assert ddlint_tables(parse_document(text)) == rendered_tables(text)
