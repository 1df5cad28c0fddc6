"""One rejoin fix brings back every group of stray rows that fix passes would rejoin
one after another (``rules/_rejoin.py``): the same fixed text, in fewer passes."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listgen import DELIMITER, HEADER, TEMPLATE, paper_row

from ddlint.fixer import FixResult, fix_text
from ddlint.rules import _rejoin

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


def _one_group_per_pass(text: str, unsafe: bool) -> FixResult:
    """The fixer with each rejoin fix bringing back one group (as before chaining)."""
    with patch.object(_rejoin, "_chained", lambda *args, **kwargs: []):
        return fix_text(text, unsafe=unsafe)


def _report(result: FixResult) -> list[tuple[object, ...]]:
    return [
        (f.code, f.line, f.column, f.end_line, f.end_column, f.message, f.fingerprint)
        for f in result.remaining.findings
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_stray_table(), st.booleans())
def test_chained_rejoin_fixes_as_one_group_per_pass(text: str, unsafe: bool) -> None:
    expected = _one_group_per_pass(text, unsafe)
    result = fix_text(text, unsafe=unsafe)
    assert result.text == expected.text
    assert _report(result) == _report(expected)
    assert result.passes <= expected.passes


_ROW = "| Ada Lovelace et al | [**Notes {n}**](https://arxiv.org/abs/2201.0000{n}) | ICML, 2022 |\n"
_TABLE = "| Author | Title | Venue |\n|---|---|---|\n" + _ROW.format(n=1)


def test_a_comment_and_the_groups_after_it_rejoin_in_one_pass() -> None:
    text = (
        _TABLE
        + "<!-- withdrawn -->\n"
        + _ROW.format(n=2)
        + "\n"
        + _ROW.format(n=3)
        + "\n\n"
        + _ROW.format(n=4)
    )
    result = fix_text(text)
    assert result.passes == 1
    assert result.text == _one_group_per_pass(text, False).text
    assert result.text == (
        _TABLE + "".join(_ROW.format(n=n) for n in (2, 3, 4)) + "<!-- withdrawn -->\n"
    )


def test_groups_after_blank_lines_rejoin_in_one_pass() -> None:
    text = _TABLE + "\n" + _ROW.format(n=2) + "\n" + _ROW.format(n=3) + "\nText\n"
    result = fix_text(text)
    assert result.passes == 1
    assert result.text == _TABLE + _ROW.format(n=2) + _ROW.format(n=3) + "\nText\n"
