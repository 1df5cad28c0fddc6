"""A title (or name) from a source is written so that GitHub shows it as the source
wrote it: what Markdown would read as syntax is escaped, and the write check reads the
new row's title back character for character."""

from __future__ import annotations

import pytest
from gfm_oracle import rendered_tables
from helpers import SEED, read
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.add import NewPaper, add_papers
from ddlint.add.verify import AddError, verify_added
from ddlint.api import parse_records
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.title import tidy_title

SEED_TEXT = read(SEED)


def _paper(title: str, *authors: str) -> NewPaper:
    return NewPaper(
        title=title, authors=authors or ("Ada Quill",), venue="ICML", year=2022,
        url="https://doi.org/10.5555/77.1", doi="10.5555/77.1", given_as="10.5555/77.1",
    )  # fmt: skip


def _title_read_back(text: str, line: int) -> str:
    (paper,) = [p for p in parse_records(text) if p.origin.line == line]
    return paper.title


@pytest.mark.parametrize(
    "title",
    [
        "Learning to Segment <Masks> without Labels",
        "A Title That Ends in a Backslash \\",
        "Stars *and* _underscores_ in snake_case Titles",
        "Links [like](https://example.org) and | pipes in Titles",
        "Entities &amp; Ampersands & Code `spans` and ~~strikes~~",
        "Autolinks <https://example.org> in Titles",
    ],
)
def test_a_title_reads_back_as_written(title: str) -> None:
    result = add_papers(SEED_TEXT, [_paper(title)])
    line = result.added[0].line
    assert _title_read_back(result.text, line) == title
    assert line in {n for table in rendered_tables(result.text) for n in table}


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("ab Z09\\*_`~[]()<>&;#!|/-.:'\"$"), min_size=1, max_size=40
    ).filter(lambda t: sum(c.isalnum() for c in t) >= 3)
)
def test_any_title_reads_back_as_written(title: str) -> None:
    title = " ".join(f"Zeta {title}".split())
    result = add_papers(SEED_TEXT, [_paper(title)])  # the write check compares the titles
    assert _title_read_back(result.text, result.added[0].line) == tidy_title(title)


def test_the_check_refuses_a_title_that_reads_back_otherwise() -> None:
    """A row whose title was written unescaped: GitHub would hide ``<Masks>``."""
    title = "Learning to Segment <Masks> without Labels"
    row = f"| Ada Quill |[**{title}**](https://doi.org/10.5555/77.1) | | | | ICML, 2022 | |\n"
    lines = SEED_TEXT.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("|---")) + 1
    after = "\n".join(lines[:at]) + "\n" + row + "\n".join(lines[at:])
    before_records = extract_records(parse_document(SEED_TEXT))
    after_records = extract_records(parse_document(after))
    with pytest.raises(AddError, match="its title reads back as"):
        verify_added(before_records, after_records, [_paper(title)])
