"""``ddlint add`` on lists of several shapes (tests/fixtures/add/): each new row is
written in its table's style, at its place, and ``ddlint check`` finds nothing on it."""

from __future__ import annotations

import pytest
from gfm_oracle import rendered_tables
from helpers import FIXTURES, read

from ddlint.add import AddResult, NewPaper, add_papers
from ddlint.add.duplicates import DuplicateError
from ddlint.add.section import SectionError
from ddlint.api import lint_text, parse_records
from ddlint.rules import RuleSettings

SHAPES = FIXTURES / "add"


def _preprint(title: str, arxiv_id: str, *authors: str) -> NewPaper:
    year, month = 2000 + int(arxiv_id[:2]), int(arxiv_id[2:4])
    return NewPaper(
        title=title,
        authors=authors,
        venue="arXiv",
        year=year,
        month=month,
        preprint=True,
        url=f"https://arxiv.org/abs/{arxiv_id}",
        arxiv_id=arxiv_id,
        given_as=arxiv_id,
    )


def _published(title: str, venue: str, year: int, doi: str, *authors: str) -> NewPaper:
    return NewPaper(
        title=title, authors=authors, venue=venue, year=year,
        url=f"https://doi.org/{doi}", doi=doi, given_as=doi,
    )  # fmt: skip


def _added(name: str, *papers: NewPaper, section: str | None = None) -> tuple[str, AddResult]:
    text = read(SHAPES / name)
    result = add_papers(text, papers, section=section)
    _assert_clean(text, result)
    return text, result


def _assert_clean(before: str, result: AddResult) -> None:
    """The new rows: one record each, rendered in a table, and nothing to report."""
    assert len(parse_records(result.text)) == len(parse_records(before)) + len(result.added)
    rendered = {line for table in rendered_tables(result.text) for line in table}
    findings = lint_text(result.text, select=["ALL"])
    for added in result.added:
        assert added.line in rendered
        assert [f.code for f in findings if f.line == added.line] == []
    assert len(findings) == len(lint_text(before, select=["ALL"]))


def test_year_sections_the_paper_goes_to_its_years_table_at_its_place() -> None:
    paper = _preprint("Sparse Experts Need Less Memory", "2208.00026", "Wes Ford", "Xia Lowe")
    _, result = _added("years.md", paper)
    lines = result.text.split("\n")
    row = (
        "| [Sparse Experts Need Less Memory](https://arxiv.org/abs/2208.00026) "
        "| Wes Ford, Xia Lowe | arXiv 2022 | |"
    )
    # Newest first by arXiv id (the venues write no month): between 2211 and 2207.
    assert lines[result.added[0].line - 1] == row
    assert "2211.00021" in lines[result.added[0].line - 2]
    assert "2207.00022" in lines[result.added[0].line]


def test_year_sections_a_new_year_gets_its_section_and_quick_link() -> None:
    paper = _published("Sparse Routing at Inference", "ICML", 2024, "10.5555/1.2", "Yan Cole")
    _, result = _added("years.md", paper)
    assert (
        "**Jump to:** [2024](#2024) | [2023](#2023) | [2022](#2022) | [2021](#2021)" in result.text
    )
    assert (
        "## 2024\n\n| Title | Authors | Venue | Code |\n|:--|:--|:--|:--|\n"
        "| [Sparse Routing at Inference](https://doi.org/10.5555/1.2) | Yan Cole "
        "| ICML 2024 | |\n\n"
        "## 2023\n"
    ) in result.text


def test_year_sections_an_old_year_goes_last() -> None:
    paper = _published("Early Pruning Heuristics", "NeurIPS", 2019, "10.5555/1.3", "Zoe Pike")
    _, result = _added("years.md", paper)
    assert result.text.endswith(
        "| [Sparse Transformers Under Budget](https://arxiv.org/abs/2106.00032) | Vera Stone "
        "| ICML 2021 | |\n"
        "\n## 2019\n\n| Title | Authors | Venue | Code |\n|:--|:--|:--|:--|\n"
        "| [Early Pruning Heuristics](https://doi.org/10.5555/1.3) | Zoe Pike | NeurIPS 2019 | |\n"
    )
    assert "[2021](#2021) | [2019](#2019)" in result.text


def test_topic_sections_are_named_loosely() -> None:
    paper = _preprint("Condensing Molecule Graphs", "2302.00046", "Ana Roth", "Ben Tull")
    for name in (
        "graph",
        "GRAPH condensation",
        "graph-condens",
        "Graph Cond.",
        "grpah condensation",
    ):
        _, result = _added("topics.md", paper, section=name)
        lines = result.text.split("\n")
        line = result.added[0].line
        assert lines[line - 1] == (
            "| Ana Roth et al | [**Condensing Molecule Graphs**](https://arxiv.org/pdf/2302.00046.pdf)"
            " | arXiv, Feb., 2023 |"
        )
        # Between March and January 2023, in the Graph Condensation table.
        assert "Structure-Free" in lines[line - 2] and "Link Prediction" in lines[line]


def test_topic_sections_the_exact_name_wins_over_a_longer_one() -> None:
    paper = _preprint("Distilled Images for Detection", "2305.00056", "Cy Dunn")
    _, result = _added("topics.md", paper, section="image dataset distillation")
    assert "Trajectories" in result.text.split("\n")[result.added[0].line - 2]


@pytest.mark.parametrize("section", [None, "distillation", "audio"])
def test_topic_sections_unsure_lists_the_sections(section: str | None) -> None:
    paper = _preprint("Distilled Images for Detection", "2305.00056", "Cy Dunn")
    with pytest.raises(SectionError) as raised:
        add_papers(read(SHAPES / "topics.md"), [paper], section=section)
    message = str(raised.value)
    for heading in ("Graph Condensation (line 5)", "Image Dataset Distillation (line 15)"):
        assert heading in message


def test_title_and_authors_in_one_cell() -> None:
    paper = _preprint(
        "Prefix Sharing for Agents", "2308.00076", "Kai Berg", "Lena Moss", "Milo Hart"
    )
    _, result = _added("title-authors.md", paper)
    lines = result.text.split("\n")
    assert lines[result.added[0].line - 1] == (
        "| [Prefix Sharing for Agents](https://arxiv.org/abs/2308.00076)"
        "<br>*Kai Berg, Lena Moss, Milo Hart* | arXiv 2023 | |"
    )


def test_title_and_authors_with_code() -> None:
    paper = _preprint("Prefix Sharing for Agents", "2308.00076", "Kai Berg")
    paper = NewPaper(**{**paper.__dict__, "code": "https://github.com/example/prefix"})
    _, result = _added("title-authors.md", paper)
    assert result.added[0].row.endswith(
        "| arXiv 2023 | [Code](https://github.com/example/prefix) |"
    )


def test_aligned_padding_and_br_authors() -> None:
    paper = _preprint("Tiny Routers", "2309.00086", "Nora Vale", "Otto Kline")
    text, result = _added("aligned.md", paper)
    row = result.added[0].row
    header = text.split("\n")[2]
    assert [i for i, c in enumerate(row) if c == "|"] == [
        i for i, c in enumerate(header) if c == "|"
    ]
    assert row.startswith("| Nora Vale<br>Otto Kline ")
    assert "[**Tiny Routers**](https://arxiv.org/abs/2309.00086)" in row
    assert "| arXiv, Sep., 2023 " in row
    # September 2023 goes between October and July 2023.
    lines = result.text.split("\n")
    assert "Quantised" in lines[result.added[0].line - 2]


def test_several_papers_one_already_listed_adds_none() -> None:
    text = read(SHAPES / "years.md")
    new = _preprint("Sparse Experts Need Less Memory", "2208.00026", "Wes Ford")
    listed = _preprint("Masks That Travel Between Tasks (extended)", "2211.00021v3", "Kai Berg")
    with pytest.raises(DuplicateError) as raised:
        add_papers(text, [new, listed])
    assert raised.value.refused == (
        "2211.00021v3: already in the list at line 19: Masks That Travel Between Tasks",
    )


def test_the_same_title_is_the_same_paper() -> None:
    text = read(SHAPES / "years.md")
    again = _published("pruning as regularisation.", "CVPR", 2022, "10.5555/9.9", "Nora Vale")
    with pytest.raises(DuplicateError, match="at line 21"):
        add_papers(text, [again])


def test_one_paper_given_twice_is_refused() -> None:
    text = read(SHAPES / "years.md")
    new = _preprint("Sparse Experts Need Less Memory", "2208.00026", "Wes Ford")
    with pytest.raises(DuplicateError, match=r"the same paper as 2208\.00026"):
        add_papers(text, [new, new])


def test_several_papers_each_at_its_place() -> None:
    first = _preprint("Sparse Experts Need Less Memory", "2208.00026", "Wes Ford")
    second = _published("Sparse Routing at Inference", "ICML", 2024, "10.5555/1.2", "Yan Cole")
    _, result = _added("years.md", first, second)
    assert [a.paper.given_as for a in result.added] == ["2208.00026", "10.5555/1.2"]


def _table(*rows: tuple[str, str, str]) -> str:
    lines = ["| Author | Title | Venue |", "|---|---|---|"]
    lines += [f"| {a} | [**{t}**](https://arxiv.org/abs/{i}) | arXiv, 2022 |" for a, t, i in rows]
    return "\n".join(lines) + "\n"


def test_a_configured_sort_places_the_row() -> None:
    text = _table(
        ("Ada Quill et al", "Anchors for Sparse Sets", "2201.00091"),
        ("Boris Fenwick et al", "Cold Starts in Distillation", "2209.00092"),
        ("Chen Rowe et al", "Even Smaller Sets", "2203.00093"),
        ("Dana Ilves et al", "Gentle Condensation", "2211.00094"),
        ("Eli Marsh et al", "Indexing Distilled Data", "2202.00095"),
    )
    paper = _preprint("Fast Condensation", "2206.00096", "Farah Odum", "Gil Prado")
    settings = RuleSettings({"sort": ["title"]})
    result = add_papers(text, [paper], settings=settings)
    assert result.added[0].line == 6  # between "Even Smaller Sets" and "Gentle Condensation"
    assert lint_text(result.text, select=["DD401"], config=None) == []


def test_a_table_without_a_clear_order_gets_the_row_at_its_top() -> None:
    text = _table(
        ("Ada Quill et al", "Anchors for Sparse Sets", "2201.00091"),
        ("Boris Fenwick et al", "Cold Starts in Distillation", "2209.00092"),
        ("Chen Rowe et al", "Even Smaller Sets", "2103.00093"),
        ("Dana Ilves et al", "Gentle Condensation", "2311.00094"),
        ("Eli Marsh et al", "Indexing Distilled Data", "2002.00095"),
        ("Farah Odum et al", "Joint Condensation", "2402.00097"),
    ).replace("arXiv, 2022", "ICML, 2022")
    paper = _preprint("Fast Condensation", "2206.00096", "Gil Prado")
    result = add_papers(text, [paper])
    assert result.added[0].line == 3


def test_a_year_with_several_tables_takes_the_section_named() -> None:
    table = "| Author | Title | Venue |\n|---|---|---|\n"
    row = "| {} et al | [**{}**](https://arxiv.org/abs/{}) | ICML, {} |\n"
    text = (
        "# Papers\n\n## 2023\n\n### Vision\n\n" + table
        + row.format("Ada Quill", "Seeing Small Sets", "2301.00101", 2023)
        + "\n### Language\n\n" + table
        + row.format("Boris Fenwick", "Reading Small Sets", "2302.00102", 2023)
        + "\n## 2022\n\n### Vision\n\n" + table
        + row.format("Chen Rowe", "Seeing Smaller Sets", "2201.00103", 2022)
    )  # fmt: skip
    paper = _preprint("Writing Small Sets", "2305.00104", "Dana Ilves")
    with pytest.raises(SectionError, match="the 2023 section has 2 tables"):
        add_papers(text, [paper])
    result = add_papers(text, [paper], section="lang")
    assert result.added[0].line == 15  # heads the Language table of 2023
    assert "Reading Small Sets" in result.text.split("\n")[15]


def test_year_sections_a_section_named_is_honoured_or_refused() -> None:
    """--section is never dropped: in a list with year sections it names the table, of
    the paper's year first, else of any year; a name that matches none is an error."""
    paper = _preprint("Sparse Experts Need Less Memory", "2208.00026", "Wes Ford", "Xia Lowe")
    with pytest.raises(SectionError, match="--section 'nonexistent thing' matches no section"):
        add_papers(read(SHAPES / "years.md"), [paper], section="nonexistent thing")
    _, result = _added("years.md", paper, section="2022")
    assert "2211.00021" in result.text.split("\n")[result.added[0].line - 2]
    # Another year's section would hold a row DD205 reports: --year says the year.
    with pytest.raises(SectionError, match="names the 2021 section, but the paper is of 2022"):
        add_papers(read(SHAPES / "years.md"), [paper], section="2021")
