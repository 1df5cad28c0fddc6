"""Issue #19: records read right on the shapes real lists use: titles among badges,
emoji and `<br>` lines, name columns beside title columns, `Title | Description` tables,
years outside the venue. Fixtures are invented (tests/fixtures/lists/SHAPES.md, 17-20).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from helpers import FIXTURES, run_cli

from ddlint.api import parse_records
from ddlint.fix.verify import CanonicalUrls, outside_lines, record_identities
from ddlint.gfm.parse import parse_document
from ddlint.records.columns import map_columns
from ddlint.records.dates import arxiv_year, date_year, heading_year, is_date
from ddlint.records.extract import extract_records
from ddlint.records.identity import paper_identity
from ddlint.records.model import Paper

LISTS = FIXTURES / "lists"
SHAPES = ["badges-around-titles", "name-and-title-columns", "title-description", "years-in-rows"]

ISSUE_CELL = (
    "[![Star](https://img.shields.io/github/stars/o/r.svg)](https://github.com/o/r) "
    "[![Publish](https://img.shields.io/badge/Conference-ICML'23-blue)]() <br> :star: "
    "[A Title](https://arxiv.org/abs/2301.00774) <br> Ann Author, Bo Author"
)


def _one(header: str, cells: str) -> Paper:
    width = header.count("|") - 1
    (paper,) = parse_records(f"{header}\n|{'---|' * width}\n{cells}\n")
    return paper


def test_title_and_authors_cell_of_the_issue() -> None:
    paper = _one("| Title & Authors | Introduction |", f"| {ISSUE_CELL} | intro |")
    assert paper.title == "A Title"
    assert paper.url == "https://arxiv.org/abs/2301.00774"
    assert paper.authors == ["Ann Author", "Bo Author"]
    assert ("Star", "https://github.com/o/r") in [(link.label, link.url) for link in paper.links]


def test_title_cell_with_a_star_image_and_a_bold_link() -> None:
    cell = (
        "![Star](https://img.shields.io/github/stars/o/r.svg) <br> "
        "[**A Title**](https://arxiv.org/pdf/2606.14702) <br>"
    )
    paper = _one("| Title | Venue |", f"| {cell} | ICML 2023 |")
    assert (paper.title, paper.url) == ("A Title", "https://arxiv.org/pdf/2606.14702")


@pytest.mark.parametrize("alt", ["Star", "Publish", "arXiv", "GitHub", "Code", "stars"])
@pytest.mark.parametrize(
    "cell",
    [
        "[![{alt}](https://img.shields.io/b.svg)](https://github.com/o/r) [Real Title](https://arxiv.org/abs/2301.00001)",
        "![{alt}](https://img.shields.io/b.svg) <br> [Real Title](https://arxiv.org/abs/2301.00001)",
        "[Real Title](https://arxiv.org/abs/2301.00001) <br> ![{alt}](https://img.shields.io/b.svg)",
        '<a href="https://github.com/o/r"><img src="https://img.shields.io/b.svg" alt="{alt}"></a>'
        " <br> [Real Title](https://arxiv.org/abs/2301.00001)",
    ],
    ids=["linked-badge-first", "image-line-first", "image-line-after", "html-badge"],
)
def test_a_badge_is_never_the_title(alt: str, cell: str) -> None:
    paper = _one("| Title | Venue |", f"| {cell.format(alt=alt)} | ICML 2023 |")
    assert (paper.title, paper.url) == ("Real Title", "https://arxiv.org/abs/2301.00001")


def test_an_image_is_never_the_title_link() -> None:
    cell = "[![Star](https://img.shields.io/b.svg)](https://github.com/o/r) Plain Title"
    paper = _one("| Title | Venue |", f"| {cell} | ICML 2023 |")
    assert (paper.title, paper.url) == ("Plain Title", None)


def test_authors_never_contain_the_title() -> None:
    # No `<br>` between title and names, and a cell with no names at all.
    paper = _one(
        "| Title & Authors | Venue |", "| [A Title](https://x.org/a) Ann Author | ICML 2023 |"
    )
    assert (paper.title, paper.authors) == ("A Title", ["Ann Author"])
    paper = _one("| Title & Authors | Venue |", "| [A Title](https://x.org/a) | ICML 2023 |")
    assert (paper.title, paper.authors) == ("A Title", [])


@pytest.mark.parametrize(
    ("cell", "title"),
    [
        ("🔥🔥 [Title Here](https://x.org/a) ⭐️", "Title Here"),
        (":fire: **Title Here** :star:", "Title Here"),
        ("🔥[Moon] Moon: A Cache for Model Serving(@Moon Lab)", "Moon: A Cache for Model Serving"),
        ("3) **Bold Title** - what it does.", "Bold Title"),
        ("**ResNet**: Deep Residual Learning", "ResNet: Deep Residual Learning"),
        ("12) Spaced Title  " + "A summary that goes on " * 5, "Spaced Title"),
        ("Deep  Nets", "Deep Nets"),  # two spaces, no summary: one title
        ("1.58-bit Language Models", "1.58-bit Language Models"),
    ],
)
def test_decoration_around_a_title(cell: str, title: str) -> None:
    assert _one("| Title | Venue |", f"| {cell} | ICML 2023 |").title == title


@pytest.mark.parametrize(
    ("headers", "fields"),
    [
        (["Name", "Paper", "Venue"], [(), ("title",), ("venue",)]),
        (["Name", "Paper Title", "Venue"], [(), ("title",), ("venue",)]),
        (["Title", "Paper", "Venue"], [("title",), ("paper_link",), ("venue",)]),
        (["Name", "Year", "Url"], [("title",), ("year",), ("paper_link",)]),
        (["Title", "论文链接", "开源代码"], [("title",), ("paper_link",), ("links",)]),
        (
            ["topic", "title", "repository / paper"],
            [("topic",), ("title",), ("links", "paper_link")],
        ),
    ],
)
def test_the_title_column_wins_over_a_name_column(
    headers: list[str], fields: list[tuple[str, ...]]
) -> None:
    assert list(map_columns(headers).fields) == fields


def test_a_name_is_kept_in_extra() -> None:
    paper = _one(
        "| Name | Paper | Venue | Link |",
        "| TinyRec | Tiny Recommenders | WSDM 2024 | [[Link]](https://arxiv.org/abs/2310.01234) |",
    )
    assert (paper.title, paper.url) == ("Tiny Recommenders", "https://arxiv.org/abs/2310.01234")
    assert paper.extra == {"Name": "TinyRec"}


def test_title_description_tables_hold_papers_when_their_titles_link_to_papers() -> None:
    papers = parse_records((LISTS / "title-description.md").read_text("utf-8"))
    assert [p.title for p in papers] == [
        "Holistic Scoring of Chat Models",
        "Judging the Judges",
        "Contamination in Public Benchmarks",
    ]
    assert papers[0].extra == {"Description": "Scores chat models on many axes at once."}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2024.06", 2024),
        ("`2024.11`", 2024),
        ("2023.12.01", 2023),
        ("20240612", 2024),
        ("2024-06-12", 2024),
        ("Jun 2024", 2024),
        ("06/2024", 2024),
        ("2306.14048", None),  # an arXiv id, not a date
    ],
)
def test_date_year(text: str, year: int | None) -> None:
    assert date_year(text) == year
    assert is_date(text) == (year is not None)


def test_is_date_wants_a_date_and_nothing_more() -> None:
    assert not is_date("CVPR 2023")
    assert not is_date("Updated 2024-01-01")


@pytest.mark.parametrize(
    ("url", "year"),
    [
        ("https://arxiv.org/abs/2306.14048", 2023),
        ("https://arxiv.org/pdf/2403.10997v2.pdf", 2024),
        ("https://arxiv.org/abs/cs/9912001", 1999),
        ("https://arxiv.org/abs/hep-th/0101001", 2001),
        ("https://example.org/2306.14048", None),
    ],
)
def test_arxiv_year(url: str, year: int | None) -> None:
    assert arxiv_year(url) == year


def test_years_come_from_the_row_and_the_section() -> None:
    papers = parse_records((LISTS / "years-in-rows.md").read_text("utf-8"))
    assert [(p.title, p.year) for p in papers] == [
        ("Overthinking as an Attack", 2026),  # the venue's year before the preprint date
        ("Role Play Prompts", 2024),
        ("Suffix Search", 2023),
        ("Guard Prompts", 2024),
        ("Refusal Heads", 2023),
        ("Input Smoothing", 2022),
        ("Attacks through Tool Outputs", 2024),
        ("Attacks through Web Pages", 2024),  # an ID column of dates
        ("Adversarial Patches Revisited", 2018),  # `## 2018`
        ("Many-Shot Prompting Attacks", 2023),  # the arXiv id
        ("Old Style Identifiers", 1999),
    ]


@pytest.mark.parametrize(
    ("heading", "year"),
    [
        ("2018", 2018),
        ("Top Papers of the Week (June 2 - June 8) - 2025", 2025),
        ("AAAI-25 Technical Tracks", 2025),
        ("CVPR'98 Papers", 1998),
        ("Track 25", None),
    ],
)
def test_heading_year(heading: str, year: int | None) -> None:
    assert heading_year(heading) == year


def test_the_section_year_comes_before_the_arxiv_id() -> None:
    table = "| Title | Venue |\n|---|---|\n| [T](https://arxiv.org/abs/2212.00001) | CVPR |\n"
    text = "## 2023\n\n" + table
    assert [p.year for p in parse_records(text)] == [2023]


@pytest.mark.parametrize("name", SHAPES)
def test_export_json_of_each_shape(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = LISTS / f"{name}.md"
    code, out = run_cli(capsys, "export", "--format", "json", str(path))
    assert code == 0
    assert json.loads(out) == json.loads(path.with_suffix(".json").read_text("utf-8"))


@pytest.mark.parametrize("name", SHAPES)
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_keeps_the_records(
    name: str, unsafe: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{name}.md"
    shutil.copy(LISTS / path.name, path)
    before = Counter(paper_identity(p) for p in parse_records(path.read_text("utf-8")))
    flags = ["--unsafe-fixes"] if unsafe else []
    code, _ = run_cli(capsys, "check", "--fix", *flags, str(path))
    assert code in (0, 1)
    after = Counter(paper_identity(p) for p in parse_records(path.read_text("utf-8")))
    if unsafe:
        assert sum(after.values()) == sum(before.values())
    else:
        assert after == before


PIPE_ROWS = FIXTURES / "rules" / "pipe-rows-as-text.md"


def test_export_marks_rows_shown_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(capsys, "export", "--format", "json", str(PIPE_ROWS))
    assert code == 0
    rows = [(r["origin"]["line"], r["origin"]["rendered"], r["title"]) for r in json.loads(out)]
    assert rows == [
        (11, True, "Sharp Priors for Depth"),
        (15, False, "Older Paper One"),
        (16, False, "Older Paper Two"),
        (17, False, "Older Paper Three"),
        (22, False, "Headed Paper One"),
        (23, False, "Headed Paper Two"),
        (27, False, "Headed Paper Three"),
        (28, False, "Headed Paper Four"),
    ]  # the navigation lines (32-33) hold no paper
    code, out = run_cli(capsys, "export", "--format", "csv", str(PIPE_ROWS))
    assert out.splitlines()[2].endswith(",15,False,")


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_keeps_the_rows_shown_as_text(
    unsafe: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / PIPE_ROWS.name
    shutil.copy(PIPE_ROWS, path)
    before = parse_records(path.read_text("utf-8"))
    flags = ["--unsafe-fixes"] if unsafe else []
    code, _ = run_cli(capsys, "check", "--fix", *flags, str(path))
    assert code in (0, 1)
    after = parse_records(path.read_text("utf-8"))
    assert Counter(paper_identity(p) for p in after) == Counter(
        paper_identity(p) for p in before
    ) or (unsafe and sorted(p.title for p in after) == sorted(p.title for p in before))
    # the unsafe fix gives the blocks their header: every paper renders
    assert all(p.origin.rendered for p in after) == unsafe


def test_the_fixer_counts_rows_shown_as_text() -> None:
    # DESIGN.md §3.3: their records are in the multiset the fixer keeps, and their lines
    # are table lines to its check of the text outside tables.
    text = PIPE_ROWS.read_text("utf-8")
    document = parse_document(text)
    identities = record_identities(extract_records(document), CanonicalUrls())
    assert sum(identities.values()) == 8
    outside = outside_lines(document)
    assert not any("Older Paper" in line or "Headed Paper" in line for line in outside)
    lost = text.replace(
        "| [Older Paper Two](https://arxiv.org/abs/2101.00003) | Cy Author | NeurIPS 2021 |\n", ""
    )
    assert (
        sum(record_identities(extract_records(parse_document(lost)), CanonicalUrls()).values()) == 7
    )


def test_a_year_column_that_writes_the_month_gives_the_year() -> None:
    # `2023.10` in a Year column is a date, not an arXiv id: the row's own year wins
    # over its venue's (an October 2023 preprint published at ICLR'24).
    table = (
        "| Year | Title | Venue |\n|---|---|---|\n"
        "| 2023.10 | **Suffix Search** | ICLR'24 |\n"
        "| 2024 | **Guard Prompts** | arXiv |\n"
    )
    assert [p.year for p in parse_records(table)] == [2023, 2024]


def test_a_compact_year_and_month_in_a_date_column_gives_the_year() -> None:
    table = (
        "| Title | Date | Code |\n|---|---|---|\n"
        "| **Suffix Search** | 202508 | - |\n"
        "| **Guard Prompts** | 20240612 | - |\n"
    )
    assert [p.year for p in parse_records(table)] == [2025, 2024]


def test_a_known_venue_in_a_date_column_is_the_venue() -> None:
    # `Pub. Date` holds a conference and its year in one row, a preprint's date in the
    # next: with no Venue column, the conference is the row's venue.
    table = (
        "| Title | Pub. Date |\n|---|---|\n"
        "| **Suffix Search** | ICCV, 2023 |\n"
        "| **Guard Prompts** | Nov., 2023 |\n"
        "| **Role Play Prompts** | Jun 12, 2024 |\n"
    )
    papers = parse_records(table)
    assert [(p.venue.name if p.venue else None, p.year) for p in papers] == [
        ("ICCV", 2023),
        (None, 2023),
        (None, 2024),
    ]
