"""Issue #18: 2,000 fuzzed paper lists per run, fixed in both modes (safe ``--fix`` and
``--fix --unsafe-fixes``), give no refusal and no crash.

The lists carry the shapes that made the fixer refuse or crash: blocks inside tables
(comments, ``<script>``, ``<div>``, quotes, indented text), rows under the wrong year,
tables whose columns come in another order, rows without a paper, reference definitions
GitHub absorbs into a table, links with pipes, and the defects of ``listgen``. They go
through the library API, not the command line, so that the run stays cheap; the examples
are derandomized, so that every CI run fixes the same 2,000 lists.
"""

from __future__ import annotations

from cellgen import link_cells
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listgen import DELIMITER, HEADER, TEMPLATE, paper_row

from ddlint.api import fix_text

# The same columns in another order: DD205 maps a moved row's cells by header.
SWAPPED = "| Title | Author | Venue | Type | Task | Dataset | Supp. Material |\n"
SHORT = "| Title | Authors | Venue |\n|---|---|---|\n"

# Blocks that stand between two rows of a table, or right under one.
BLOCKS = [
    "<!-- a comment -->",
    "<!-- a comment\nover two lines -->",
    "<script>\nvar x = 1;\n</script>",
    "<script>\nvar x = 1;\n\nvar y = 2;\n</script>",
    "<div>\n",
    "</div>",
    "<img src='x.png'>",
    "<details><summary>More</summary>",
    "<style>\np {}\n</style>",
    "<pre>\n| A | pre | row |\n</pre>",
    "</script>",
    "> a quote",
    "> | A | quoted | row |",
    "- a list item",
    "- | A | listed | row |",
    "1. an ordered item",
    "    indented text",
    "    | An | indented | row |",
    "\tindented text",
    "\t| A | tabbed | row |",
    "## 2020",
    "---",
    "***",
    "&nbsp;",
    "Some text.",
    '[ref0]: https://x.org/a?b=1 "t|itle"',
    "[code]: https://github.com/u/r",
    "```\n| fenced | row |\n```",
    "",
]


@st.composite
def other_row(draw: st.DrawFn) -> str:
    """A row that is no ordinary paper: a metrics row, a row of links, a cell with a pipe."""
    kind = draw(st.integers(0, 6))
    if kind == 0:
        return "| PSNR (peak signal-to-noise ratio) | - | |\n"
    if kind == 1:
        return "| | | [Learning Graph](https://arxiv.org/abs/2201.57730) |\n"
    if kind == 2:
        return f"| {draw(link_cells())} | Ada Lovelace | ICML, 2022 |\n"
    if kind == 3:
        return "| [**Pipes**](https://example.org/x|y) | Ada | NeurIPS, 2021 |\n"
    if kind == 4:
        return "Ada et al | [**No Outer Pipes**](https://arxiv.org/abs/2201.00009) | ICML, 2022\n"
    if kind == 5:
        return "| [**Escaped \\| Pipe**](https://arxiv.org/abs/2201.00008) | Bo | ICML, 2022 |\n"
    return "| |[** **]() | | |\n"


@st.composite
def table(draw: st.DrawFn, year: int, years: list[int], serial: int) -> tuple[str, int]:
    """A table under ``year`` with rows of its year and of others, and blocks among them.
    Now and then every row is followed by the same block (a table with every other row
    commented out), or most rows belong to another section: shapes that took one fix
    pass per row."""
    header = draw(st.sampled_from([HEADER + DELIMITER, SWAPPED + DELIMITER, SHORT]))
    short = header == SHORT
    every = draw(st.sampled_from([None] * 8 + ["<!-- a comment -->", "\n", TEMPLATE]))
    elsewhere = draw(st.sampled_from(years)) if draw(st.integers(0, 5)) == 0 else None
    parts = [header]
    for _ in range(draw(st.integers(1, 14))):
        serial += 1
        kind = draw(st.integers(0, 9))
        if short or kind == 0:
            parts.append(draw(other_row()))
        else:
            row_year = year if kind > 2 else draw(st.integers(2018, 2023))
            row = draw(paper_row(elsewhere or row_year, serial))
            if header.startswith(SWAPPED):  # the title first, as the header says
                cells = row.split("|")
                cells[1], cells[2] = cells[2], cells[1]
                row = "|".join(cells)
            parts.append(row)
        if every is not None:
            parts.append(every if every.endswith("\n") else every + "\n")
            continue
        defect = draw(st.integers(0, 9))
        if defect == 0:
            parts.append(TEMPLATE)
        elif defect in (1, 2, 3):
            for _ in range(draw(st.integers(1, 2))):
                parts.append(draw(st.sampled_from(BLOCKS)) + "\n")
        elif defect == 4:
            parts.append("\n")
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(BLOCKS)) + "\n")
    return "".join(parts), serial


@st.composite
def fuzzed_list(draw: st.DrawFn) -> str:
    years = draw(st.lists(st.integers(2018, 2023), min_size=1, max_size=3, unique=True))
    parts = ["# Papers\n\n"]
    serial = 0
    for year in sorted(years, reverse=True):
        parts.append(f"## {year}\n\n")
        text, serial = draw(table(year, years, serial))
        parts.append(text + "\n")
    text = "".join(parts)
    if draw(st.integers(0, 5)) == 0:
        text = text.replace("\n", "\r\n")
    return text


# 1,000 lists per mode, the same ones on every run.
FUZZ = settings(
    max_examples=1000,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(fuzzed_list())
def test_safe_fix_of_fuzzed_lists_is_never_refused(text: str) -> None:
    fix_text(text)


@FUZZ
@given(fuzzed_list())
def test_unsafe_fix_of_fuzzed_lists_is_never_refused(text: str) -> None:
    fix_text(text, unsafe=True)
