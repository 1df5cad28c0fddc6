"""Rejoining stray rows into their table (``rules/structure/_rejoin.py``, DD101 and DD102).

A block that ended the stray rows (a ``<div>``, a heading, a list item) was no part of
the table. Rejoined naively, the rows put it right under the table: there it interrupts
the table, and ddlint (like a reader) takes the rows after it for the table's stray rows,
records that no fix declared, so ``--fix`` refused with "records: a fix changed records
it did not declare". A moved ``<div>`` (HTML block type 6) runs on to the next blank
line and swallowed the block under it. The rejoin now keeps such a block apart from the
table with a blank line, as the stray rows kept it.

One rejoin fix brings back every group of stray rows that fix passes would rejoin one
after another: the same fixed text, in fewer passes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from gfm_oracle import render, rendered_tables
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listgen import DELIMITER, HEADER, TEMPLATE, paper_row

from ddlint.fix.fixer import FixResult, fix_text
from ddlint.gfm.document import Block, Document, Row, Table
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.identity import Identity, paper_identity
from ddlint.records.model import Records
from ddlint.rules import RuleSettings
from ddlint.rules.structure import _rejoin
from ddlint.text.findings import Edit, splice_edits


def _row(n: int) -> str:
    return (
        f"| Ada Lovelace et al | [**Paper {n}**](https://arxiv.org/abs/2201.0000{n}) | "
        f"Gradient Matching | Image Classification | MNIST | ICML, 2022 | |\n"
    )


_TABLE = HEADER + DELIMITER + _row(1)


def _records(text: str) -> Records:
    return extract_records(parse_document(text))


def _identities(text: str) -> Counter[Identity]:
    return Counter(paper_identity(paper) for paper in _records(text).papers)


_CASES = [
    # The input family of test_chained_rejoin_fixes_as_one_group_per_pass, shrunk.
    pytest.param(
        _TABLE + TEMPLATE + "\n" + _row(2) + TEMPLATE + "<div>\n\n" + _row(3),
        ["Paper 1", "Paper 2"],
        id="template-rows-then-div",
    ),
    pytest.param(_TABLE + "\n" + _row(2) + "<div>\n\n" + _row(3), ["Paper 1", "Paper 2"], id="div"),
    pytest.param(
        _TABLE + "\n" + _row(2) + "<div>\n" + _row(3), ["Paper 1", "Paper 2"], id="div-rows"
    ),
    pytest.param(
        _TABLE + "\n" + _row(2) + "## Heading\n" + _row(3), ["Paper 1", "Paper 2"], id="heading"
    ),
    pytest.param(_TABLE + "\n" + _row(2) + "- item\n" + _row(3), ["Paper 1", "Paper 2"], id="list"),
    pytest.param(
        _TABLE + "\n" + _row(2) + "<!-- c -->\n<div>\n\n" + _row(3),
        ["Paper 1", "Paper 2"],
        id="comment-then-div",
    ),
    # DD101: the moved `<div>` would swallow what stood under the rows.
    pytest.param(
        _TABLE + "<div>\n\n" + _row(2) + "Some text\n\n" + _row(3),
        ["Paper 1", "Paper 2"],
        id="moved-div-over-text",
    ),
    pytest.param(
        _TABLE + "<div>\n\n" + _row(2) + "<!-- c -->\n" + _row(3),
        ["Paper 1", "Paper 2", "Paper 3"],
        id="moved-div-over-comment",
    ),
    # DD101: text of the rows' paragraph starts a block of its own under the moved comment.
    pytest.param(
        _TABLE + "<!-- c -->\n" + _row(2) + "<img src=x>\n\n" + _row(3),
        ["Paper 1", "Paper 2"],
        id="moved-comment-over-html-line",
    ),
]


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize(("text", "titles"), _CASES)
def test_rows_rejoin_and_the_block_under_them_stays_apart(
    text: str, titles: list[str], unsafe: bool
) -> None:
    result = fix_text(text, unsafe=unsafe)  # raised FixError("records", …) before
    assert result.applied
    assert _identities(result.text) == _identities(text)
    records = _records(result.text)
    assert [paper.title for paper in records.papers] == titles
    # GitHub shows every paper in a table, and nothing is left to fix.
    in_tables = {line for table in rendered_tables(result.text) for line in table}
    assert all(r.row.line in in_tables for r in records.rows if r.kind == "paper")
    assert not any(f.code in ("DD101", "DD102", "DD201") for f in result.remaining.findings)
    # Only blank lines were added or removed, and only template rows deleted.
    kept = [line for line in text.splitlines() if line.strip() and line != TEMPLATE.rstrip("\n")]
    assert sorted(line for line in result.text.splitlines() if line.strip()) == sorted(kept)


def test_the_div_keeps_a_blank_line_above_it() -> None:
    text = _TABLE + TEMPLATE + "\n" + _row(2) + TEMPLATE + "<div>\n\n" + _row(3)
    fixed = fix_text(text).text
    assert fixed == _TABLE + _row(2) + "\n<div>\n\n" + _row(3)
    # Before and after, GitHub renders the `<div>` as raw HTML and the last row as text.
    as_text = re.compile(r"<div>\n<p[^>]*>\| Ada Lovelace et al \| <a [^>]*><strong>Paper 3<")
    assert as_text.search(render(text))
    assert as_text.search(render(fixed))


@pytest.mark.parametrize(
    ("below", "element"),
    [
        pytest.param("## Heading\n", "<h2", id="heading"),
        pytest.param("```\ncode\n```\n", "<pre", id="code"),
    ],
)
def test_a_moved_div_does_not_swallow_the_block_under_the_rows(below: str, element: str) -> None:
    text = _TABLE + "<div>\n\n" + _row(2) + below + "Text\n"
    fixed = fix_text(text).text
    assert fixed == _TABLE + _row(2) + "<div>\n\n" + below + "Text\n"
    assert element in render(text)
    assert element in render(fixed)


def test_rows_whose_rejoin_would_change_the_text_below_stay_stray() -> None:
    """Where no edit keeps the text below as it was, the last group gets no fix (the
    groups before it still rejoin), so --fix leaves it reported instead of refusing.

    Here the rest of the last row's paragraph, an indented line and a line of text,
    would read as a code block and a paragraph under the moved comment."""
    below = "    code\nText\n"
    text = _TABLE + "<!-- c -->\n" + _row(2) + "\n" + _row(3) + below
    result = fix_text(text)
    assert result.text == _TABLE + _row(2) + "<!-- c -->\n\n" + _row(3) + below
    interrupted = [f for f in result.remaining.findings if f.code == "DD101"]
    assert [(f.line, f.fix) for f in interrupted] == [(5, None)]


# --- the check reads one stretch of the text, not all of it ---------------------------------


_Groups = Sequence[Sequence[Row]]


def _reads_as_before_in_the_whole_text(
    document: Document, table: Table, groups: _Groups, moved: Sequence[Block], edits: Sequence[Edit]
) -> bool:
    """``_rejoin.reads_as_before`` on the whole edited text: the reference."""
    text = document.text
    fixed = parse_document(splice_edits(text, edits))
    if table.index >= len(fixed.tables):
        return False
    rejoined = fixed.tables[table.index]
    if rejoined.first_line != table.first_line:
        return False
    if len(rejoined.body) + len(rejoined.stray) != len(table.body) + len(table.stray):
        return False
    final = groups[-1][-1].line
    expected = [(_rejoin._reading(block.kind), block.span.slice(text)) for block in moved]
    own = document.block_at(final)
    if own.last_line > final:
        expected.append(("text", text[document.lines[final].start : own.span.end]))
    expected += _rejoin._texts_after(document, final)
    return _rejoin._texts_after(fixed, rejoined.last_line) == expected


def test_the_check_reads_from_the_table_to_the_next_tables_delimiter() -> None:
    second = "## B\n\n" + _TABLE
    text = _TABLE + "\n" + _row(2) + "<div>\n\n" + second + "\n" + _row(3) + "## C\n"
    document = parse_document(text)
    first, last = document.tables
    assert _rejoin._stretch(document, first) == (
        0,
        text.index(second) + len("## B\n\n" + HEADER + DELIMITER),
    )
    assert _rejoin._stretch(document, last) == (text.index(HEADER, 1), len(text))


_UNDER = st.sampled_from(["<div>\n", "## Heading\n", "- item\n", "<!-- c -->\n", "***\n", ""])
_GAP = st.sampled_from(["\n", "\n\n", "<div>\n\n", "<!-- c -->\n", "Text\n\n"])


@st.composite
def _tables(draw: st.DrawFn) -> str:
    """One to three tables, each with stray rows and maybe a block right under them."""
    serial = 1
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        parts.append(HEADER + DELIMITER + _row(serial))
        serial += 1
        for _ in range(draw(st.integers(0, 2))):
            parts.append(draw(_GAP) + _row(serial))
            serial += 1
        parts.append(draw(_UNDER) + draw(st.sampled_from(["\n", "", "Text\n\n"])))
    return "".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tables(), st.booleans())
def test_reading_the_stretch_fixes_as_reading_the_whole_text(text: str, unsafe: bool) -> None:
    result = fix_text(text, unsafe=unsafe)
    with pytest.MonkeyPatch.context() as seam:
        seam.setattr(_rejoin, "reads_as_before", _reads_as_before_in_the_whole_text)
        expected = fix_text(text, unsafe=unsafe)
    assert result.text == expected.text
    assert [(f.code, f.line, f.fix) for f in result.remaining.findings] == [
        (f.code, f.line, f.fix) for f in expected.remaining.findings
    ]


# --- one rejoin fix for the groups passes would rejoin one by one -------------------------


# What may stand between two groups of stray rows, or under the last one.
_GAPS = st.sampled_from(
    [
        "\n",
        "\n\n",
        "<!-- a comment -->\n",
        "<!-- a comment -->\n\n",
        "\n<!-- a comment -->\n",
        "<div>\n\n",
        "## Heading\n",
        "\n" + TEMPLATE,
        "\n<!-- ddlint-disable-next-line DD102 -->\n",
        "Some text\n\n",
    ]
)


@st.composite
def _stray_table(draw: st.DrawFn) -> str:
    serial = 0

    def rows(low: int, high: int) -> str:
        nonlocal serial
        made = []
        for _ in range(draw(st.integers(low, high))):
            serial += 1
            made.append(draw(paper_row(draw(st.integers(2018, 2023)), serial)))
            if draw(st.integers(0, 8)) == 0:
                made.append(TEMPLATE)
        return "".join(made)

    parts = ["# Papers\n\n", HEADER, DELIMITER, rows(1, 3)]
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(_GAPS))
        parts.append(rows(1, 3))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["\n", "Text under the rows\n", "<!-- end -->\n"])))
    text = "".join(parts)
    if draw(st.booleans()):
        text = text.rstrip("\n")
    return text


def _one_group_per_pass(text: str, unsafe: bool, rules: RuleSettings | None = None) -> FixResult:
    """The fixer with each rejoin fix bringing back one group (as before chaining)."""
    with pytest.MonkeyPatch.context() as seam:
        seam.setattr(_rejoin, "CHAIN_GROUPS", False)
        return fix_text(text, unsafe=unsafe, settings=rules)


def _report(result: FixResult) -> list[tuple[object, ...]]:
    return [
        (f.code, f.line, f.column, f.end_line, f.end_column, f.message, f.fingerprint)
        for f in result.remaining.findings
    ]


_STYLED = RuleSettings(table_style="compact")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_stray_table(), st.booleans())
def test_chained_rejoin_fixes_as_one_group_per_pass(text: str, unsafe: bool) -> None:
    # A configured padding style: the table's own one is read from the rows it holds,
    # which grow as groups rejoin, so without one the passes may pad by another majority.
    expected = _one_group_per_pass(text, unsafe, _STYLED)
    result = fix_text(text, unsafe=unsafe, settings=_STYLED)
    assert result.passes <= expected.passes
    if result.text == expected.text:
        assert _report(result) == _report(expected)
        return
    # Only an unsafe header insert (DD104) may part them. A chained edit that leaves a
    # `<div>` under the rows keeps a blank line above it, so the rows after the `<div>`
    # stay apart from the table; one group per pass may rejoin that last group after
    # the header insert made those rows a table of their own, with no blank line
    # needed. The two texts then differ in that blank line only, and GitHub shows both
    # alike.
    assert unsafe
    assert _lines_with_text(result.text) == _lines_with_text(expected.text)
    assert _html(result.text) == _html(expected.text)


def _lines_with_text(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _html(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)


_NOTES = (
    "| Ada Lovelace et al | [**Notes {n}**](https://arxiv.org/abs/2201.0000{n}) | ICML, 2022 |\n"
)
_NOTES_TABLE = "| Author | Title | Venue |\n|---|---|---|\n" + _NOTES.format(n=1)


def test_a_comment_and_the_groups_after_it_rejoin_in_one_pass() -> None:
    text = (
        _NOTES_TABLE
        + "<!-- withdrawn -->\n"
        + _NOTES.format(n=2)
        + "\n"
        + _NOTES.format(n=3)
        + "\n\n"
        + _NOTES.format(n=4)
    )
    result = fix_text(text)
    assert result.passes == 1
    assert result.text == _one_group_per_pass(text, False).text
    assert result.text == (
        _NOTES_TABLE + "".join(_NOTES.format(n=n) for n in (2, 3, 4)) + "<!-- withdrawn -->\n"
    )


def test_groups_after_blank_lines_rejoin_in_one_pass() -> None:
    text = _NOTES_TABLE + "\n" + _NOTES.format(n=2) + "\n" + _NOTES.format(n=3) + "\nText\n"
    result = fix_text(text)
    assert result.passes == 1
    assert result.text == _NOTES_TABLE + _NOTES.format(n=2) + _NOTES.format(n=3) + "\nText\n"


# Found by the property with --unsafe-fixes (shrunk by hypothesis). A row without a venue
# (DD204 fills it in from the arXiv id, and with it the row's date) whose fix is deferred
# once, behind another fix of its row; chaining makes the table whole, and so sortable
# (DD401), a pass earlier. The sort used to go first and order the row by its missing
# date; now it waits for the unsafe fixes inside its rows (``fix.plan._waiting_sorts``).
_TRACKED = "https://arxiv.org/{}?utm_source=twitter"


def _paper(n: int, venue: str = "", form: str = "abs/1801.{n:05d}") -> str:
    link = f"[**Dataset Dataset {n}**]({_TRACKED.format(form.format(n=n))})"
    venue = f" {venue} " if venue else " "
    return f"| | {link} | Gradient Matching | Image Classification | MNIST |{venue}| |\n"


def _unpadded(n: int, author: str, form: str = "abs/1801.{n:05d}") -> str:
    link = f"[**Dataset Dataset {n}**]({_TRACKED.format(form.format(n=n))})"
    return f"|{author}|{link}|Gradient Matching|Image Classification|MNIST| | |\n"


# Rows 1, 3, 4 and 5 end up with equal dates (arXiv, Jan. 2018); the sort used to come
# before row 4 had one and put it last, after row 5.
_ROW_ORDER_CASE = (
    "# Papers\n\n"
    + HEADER
    + DELIMITER
    + _paper(1)
    + TEMPLATE
    + _paper(2, "ICML 2018")
    + TEMPLATE
    + _paper(3)
    + TEMPLATE
    + "\n"
    + _unpadded(4, "Bo Zhao et al")
    + TEMPLATE
    + "\n"
    + _paper(5)
)
# The sort used to go ahead of the unsafe fixes pending in its rows (DD204 filling in a
# venue; DD305 dropping row 5's version pin), and then they and the fixes they collide
# with took passes of their own: with an unsafe fix pending, nothing composes. Rejoined
# group by group, the table was sorted once they were made, the safe fixes left riding
# in the sort.
_PASSES_CASES = [
    (
        "# Papers\n\n"
        + HEADER
        + DELIMITER
        + _paper(1)
        + _paper(2)
        + "\n"
        + TEMPLATE
        + "\n"
        + _paper(4, form="abs/1901.{n:05d}")
        + "\n"
        + _unpadded(5, " ", form="pdf/1801.{n:05d}v2.pdf").replace("https:", "http:"),
        (2, 4),
    ),
    (
        "# Papers\n\n"
        + HEADER
        + DELIMITER
        + _paper(1)
        + TEMPLATE
        + "\n"
        + _paper(2, form="abs/1802.{n:05d}")
        + TEMPLATE
        + "\n"
        + _paper(3)
        + _unpadded(4, "Bo Zhao et al", form="pdf/1801.{n:05d}.pdf"),
        (3, 3),
    ),
]


# These tables are too short, or too alike in their dates, to show an order of their own:
# the sort is configured (DD401 then holds every table to it), and so is the padding.
_SORTED = RuleSettings(sort=["-year", "-month"], table_style="compact")


def test_rows_of_equal_dates_keep_their_order_however_the_groups_rejoin() -> None:
    result = fix_text(_ROW_ORDER_CASE, unsafe=True, settings=_SORTED)
    expected = _one_group_per_pass(_ROW_ORDER_CASE, True, _SORTED)
    assert result.text == expected.text
    assert _report(result) == _report(expected)
    assert result.passes <= expected.passes
    titles = [line.split("**")[1] for line in result.text.splitlines() if "**Dataset" in line]
    # ICML 2018 writes no month: it goes after the January preprints (none is guessed).
    assert titles == [f"Dataset Dataset {n}" for n in (1, 3, 4, 5, 2)]


@pytest.mark.parametrize(("text", "passes"), _PASSES_CASES)
def test_a_sort_costs_no_pass_when_the_groups_rejoin_at_once(
    text: str, passes: tuple[int, int]
) -> None:
    result = fix_text(text, unsafe=True, settings=_SORTED)
    expected = _one_group_per_pass(text, True, _SORTED)
    assert result.text == expected.text
    assert _report(result) == _report(expected)
    assert (result.passes, expected.passes) == passes
