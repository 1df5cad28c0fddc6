"""``html_comment_spans``: the HTML comments of a cell as GitHub reads them (the place an
in-cell suppression comment may stand), with cmark-gfm as the oracle."""

from __future__ import annotations

import pytest
from gfm_oracle import render
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.inline.syntax import html_comment_spans


@pytest.mark.parametrize(
    ("cell", "comments"),
    [
        pytest.param("a <!-- x --> b", ["<!-- x -->"], id="plain"),
        pytest.param("`<!-- x -->` <!-- y -->", ["<!-- y -->"], id="code-span"),
        pytest.param("`` a ` <!-- in --> `` <!-- out -->", ["<!-- out -->"], id="long-code-span"),
        pytest.param("\\`` <!-- x -->", ["<!-- x -->"], id="escaped-backtick"),
        pytest.param("` <!-- x -->", ["<!-- x -->"], id="unclosed-code-span"),
        pytest.param("\\<!-- x -->", [], id="escaped-angle"),
        pytest.param("<!-- open", [], id="unclosed"),
        pytest.param("no comment", [], id="none"),
        pytest.param("<!-- a -- b --> <!-- c -->", ["<!-- c -->"], id="double-dash"),
    ],
)
def test_comments_of_a_cell(cell: str, comments: list[str]) -> None:
    assert [cell[a:b] for a, b in html_comment_spans(cell)] == comments


def _rendered_body(cell: str) -> str:
    html = render(f"| h |\n|---|\n| {cell} |\n")
    return html.split("<tbody>", 1)[1] if "<tbody>" in html else ""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["`", "``", "\\", "<!--", "-->", "-", " x ", "a", "<!-- c -->"]),
        max_size=12,
    ).map("".join)
)
def test_every_comment_found_is_one_github_hides(cell: str) -> None:
    body = _rendered_body(cell)
    for start, end in html_comment_spans(cell):
        assert cell[start:end] in body


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["`", "``", "\\", " x ", "a", "<!-- c -->"]), max_size=12))
def test_as_many_comments_as_github_hides(pieces: list[str]) -> None:
    cell = "".join(pieces)
    assert len(html_comment_spans(cell)) == _rendered_body(cell).count("<!--")
