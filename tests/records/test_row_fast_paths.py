"""Fast paths of ddlint.records give exactly what the slow paths give (issue: Performance).

- ``paper._author_text``: an author cell without markup is its parsed text as it is; it
  must equal parsing each ``<br>``-separated part of the cell and joining them with ``; ``.
- ``extract._row_kind`` decides a row is a paper as soon as a link or a second text shows
  it; it must equal counting every cell first.
"""

from __future__ import annotations

from cellgen import REFS
from hypothesis import given
from hypothesis import strategies as st

from ddlint.gfm.document import Cell
from ddlint.inline.parse import InlineCache, InlineContent, InlineLink, parse_inline
from ddlint.records import extract, paper
from ddlint.records.columns import map_columns
from ddlint.records.venues import extract_year
from ddlint.text.spans import Span

# --- records: an author cell without markup is its parsed text, no `<br>` split needed ----

AUTHOR_PIECES = ["Ada", "Lovelace", " ", ", ", " and ", "; ", "et al.", "<br>", "<BR />"]
AUTHOR_CELL = st.lists(
    st.sampled_from([*AUTHOR_PIECES, "<b>", "*x*", "[Ada](u)", "[code]", "&amp;", "\\|", "`a`"]),
    max_size=6,
).map("".join)


@given(st.lists(AUTHOR_CELL, min_size=1, max_size=3), st.sampled_from(REFS))
def test_author_text_equals_parsing_each_br_part(
    author_cells: list[str], refs: dict[str, str]
) -> None:
    columns = map_columns(["Authors"] * len(author_cells) + ["Title"])
    cells = [Cell(0, len(text), text) for text in author_cells] + [None]
    contents = [InlineCache(refs).parse(text) for text in author_cells] + [None]
    layout = paper.Layout(columns)
    filled = layout.filled(contents)
    found = paper._author_text(layout, cells, contents, filled, InlineCache({}))
    expected = "; ".join(
        parse_inline(part).text for cell in author_cells for part in paper._BR.split(cell)
    )
    assert found == expected


# --- records: a row's kind, decided as soon as a link or a second text shows it is a paper --


def _row_kind_reference(contents: list[InlineContent | None], width: int) -> str:
    filled = [c for c in contents if c is not None and c.text]
    has_link = any(c.links for c in contents if c is not None)
    if len(filled) == 1 and not has_link and width > 1:
        text = filled[0].text
        if (extract_year(text) is not None and len(text) <= 30) or filled[0].has_markup:
            return "separator"
    return "paper"


A_LINK = InlineLink("a", "u", Span(0, 6), Span(4, 5), "inline", False)
CONTENTS = st.none() | st.builds(
    InlineContent,
    st.sampled_from(["", "2021", "**2021**", "x", "Year 2020 " * 4]),
    st.sampled_from([(), (A_LINK,)]),
    st.just(()),
    st.booleans(),
)


@given(st.lists(CONTENTS, max_size=5))
def test_row_kind_equals_counting_every_cell(contents: list[InlineContent | None]) -> None:
    columns = map_columns(["Title"] * len(contents))
    assert extract._row_kind(contents, columns) == _row_kind_reference(contents, len(contents))
