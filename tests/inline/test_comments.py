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
        pytest.param(
            "<!-- a -- b --> <!-- c -->", ["<!-- a -- b -->", "<!-- c -->"], id="double-dash"
        ),
        pytest.param("<!--> x <!--->", ["<!-->", "<!--->"], id="short-forms"),
        pytest.param("<!--a--->-->", ["<!--a--->-->"], id="ends-past-a-dashed-end"),
        pytest.param("<!-----><!----> x", [], id="no-comment-after-a-failed-opener"),
        pytest.param(
            # `` finds no closer; ` x ` is code; the last ` finds none, as cmark-gfm's memo
            # of the last single backtick now points before it: the comment is hidden.
            "a``<!-- c -->` x ` x `<!-- d --> x `",
            ["<!-- c -->", "<!-- d -->"],
            id="code-span-memo",
        ),
    ],
)
def test_comments_of_a_cell(cell: str, comments: list[str]) -> None:
    assert [cell[a:b] for a, b in html_comment_spans(cell)] == comments


def _rendered_body(cell: str) -> str:
    html = render(f"| h |\n|---|\n| {cell} |\n")
    return html.split("<tbody>", 1)[1] if "<tbody>" in html else ""


def _hidden_exactly(cell: str) -> bool:
    """Whether the comments found are exactly those GitHub hides: each shows raw in the
    rendered cell, and once they are taken out no raw comment opener is left."""
    body = _rendered_body(cell)
    for start, end in html_comment_spans(cell):
        if cell[start:end] not in body:
            return False
        body = body.replace(cell[start:end], "", 1)
    return "<!" not in body


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["`", "``", "\\", "<!--", "<!", "-->", "-", ">", " x ", "a", "<!-- c -->"]),
        max_size=12,
    ).map("".join)
)
def test_the_comments_found_are_those_github_hides(cell: str) -> None:
    assert _hidden_exactly(cell)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["`", "``", "\\", " x ", "a", "<!-- c -->"]), max_size=12))
def test_comments_among_code_spans_are_those_github_hides(pieces: list[str]) -> None:
    assert _hidden_exactly("".join(pieces))
