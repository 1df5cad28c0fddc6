"""Issue #18's repro inputs through the CLI, as a user runs them: ``check --fix-only``
and ``check --fix-only --unsafe-fixes`` on a copy of each. Never a crash nor exit 2, no
record lost, and the safe fix deletes no row but a template row (issue #19)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from gfm_oracle import render, rendered_tables
from helpers import FIXTURES

from ddlint.api import fix_text, parse_records
from ddlint.cli.main import main
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.identity import paper_identity

REPRO = sorted(p for p in (FIXTURES / "repro").glob("*.md") if p.name != "README.md")


def _export(path: Path, capsys: pytest.CaptureFixture[str]) -> Counter[tuple[str, str | None]]:
    capsys.readouterr()
    assert main(["export", str(path), "--format", "json"]) == 0
    return Counter((p["title"], p["url"]) for p in json.loads(capsys.readouterr().out))


# Issue #19's template row, read here on its own (not through ddlint's row kinds): every
# cell empty once whitespace, emphasis markers and empty-target links are removed, or a
# row repeated identically that holds an empty-target link.
_EMPTY_LINK = re.compile(r"!?\[[^\]]*\]\(\s*\)")
_BLANK = re.compile(r"[\s*_~]+")


def _rows(text: str) -> Counter[tuple[str, ...]]:
    """Every table row that is no template row, by its non-empty cells."""
    rows = [
        tuple(cell.text for cell in row.cells)
        for table in parse_document(text).tables
        for row in table.rows
    ]
    repeated = Counter(rows)
    kept: Counter[tuple[str, ...]] = Counter()
    for cells in rows:
        empty = all(not _BLANK.sub("", _EMPTY_LINK.sub("", cell)) for cell in cells)
        template = repeated[cells] > 1 and any(_EMPTY_LINK.search(cell) for cell in cells)
        if not (empty or template):
            kept[tuple(cell for cell in cells if cell)] += 1
    return kept


@pytest.mark.parametrize("source", REPRO, ids=[p.name for p in REPRO])
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_keeps_every_record_and_row(
    source: Path, unsafe: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / source.name
    text = source.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    before = _export(path, capsys)
    code = main(["check", "--fix-only", *(["--unsafe-fixes"] if unsafe else []), str(path)])
    assert code in (0, 1)
    after = _export(path, capsys)
    assert after == before  # no record lost, none changed in title or URL
    fixed = path.read_text(encoding="utf-8")
    if not unsafe:
        assert _rows(fixed) == _rows(text)  # no row but a template row deleted
    else:
        assert sum(_rows(fixed).values()) == sum(_rows(text).values())


# -- fixes that were refused on ordinary shapes (issue #18, "Fixes converge") ----------------


def _repro(name: str) -> str:
    return (FIXTURES / "repro" / name).read_text(encoding="utf-8")


def test_a_table_with_every_other_row_commented_out_is_whole_after_one_pass() -> None:
    """Twelve comments, one after each row: DD101 moved one comment per pass, and the
    eleventh pass hit the cap. The comments between later rows now move with the first."""
    text = _repro("fixrefused-safe-12-comments-in-table-convergence.md")
    result = fix_text(text)
    assert result.passes == 1
    assert [len(rows) for rows in rendered_tables(result.text)] == [12]
    assert result.text.count("<!-- c -->") == 12
    assert result.text.endswith(
        "| [**T11**](https://a.org/11) | Ada Lovelace | ICML, 2022 |\n" + "<!-- c -->\n" * 12
    )


def test_twelve_rows_under_the_wrong_year_move_in_one_pass() -> None:
    """DD205 moved one row per pass (each move inserts at the end of the same table), and
    the eleventh pass hit the cap. The rows appended at one point now go together, in
    the order of their findings, as one pass after another put them."""
    text = _repro("fixrefused-unsafe-12-wrong-section-rows.md")
    result = fix_text(text, unsafe=True)
    assert result.passes == 1
    papers = parse_records(result.text)
    assert [p.title for p in papers if p.section.year == 2021] == [
        "Fine",
        *(f"Paper {n}" for n in range(12)),
    ]
    assert [p.title for p in papers if p.section.year == 2022] == ["Good"]


def test_a_reference_definition_absorbed_into_a_table_is_no_definition() -> None:
    """GitHub reads `[ref0]: https://… "t|itle"` right under a table as a row, not as a
    link definition; ddlint read it as both, and once DD402 padded the row (a leading
    pipe), as a row only: the record changed, a refusal. It is a row in both texts now."""
    text = _repro("fixrefused-safe-absorbed-refdef-pipe.md")
    assert not extract_records(parse_document(text)).link_definitions
    before = parse_records(text)
    fixed = fix_text(text).text
    assert fixed != text
    assert [paper_identity(p) for p in parse_records(fixed)] == [paper_identity(p) for p in before]


# -- found by tests/test_fuzz_fix.py and by helpers: each refused, or read otherwise --------

_HEAD = "| Author | Title | Venue |\n|---|---|---|\n"


def _row(n: int, year: int = 2022) -> str:
    return (
        f"| Ada {n} | [**T{n}**](https://arxiv.org/abs/{year % 100}01.0000{n}) | ICML, {year} |\n"
    )


# A stray row behind a container mark or an indent, under a block that interrupted the
# table: rejoined, the row is no table row (a list item, code), and the records changed.
_REFUSED = {
    "script-then-row-and-lazy-line-of-four-spaces": (
        _HEAD + "<script>\n</script>\n" + _row(5) + "    | i | r | s |\n"
    ),
    "style-then-row-and-lazy-line-of-a-tab": (
        _HEAD + "<style>\n</style>\n" + _row(4) + "\t| t | r | s |\n"
    ),
    "comment-then-row-and-lazy-line-of-a-tab": (
        _HEAD + "<!--\n-->\n" + _row(6) + "\t| t | r | s |\n"
    ),
    "script-then-list-items": _HEAD + "<script>\n</script>\n- | i | r | s |\n\n- | i | r | s |\n",
    "div-then-row-and-quoted-row": (
        _HEAD + _row(1) + "<div>\n" + _row(2) + "\n> | q | r | s |\n" + _row(3)
    ),
    # --unsafe-fixes: DD205 moved a stray row out of the paragraph or HTML block GitHub
    # shows it in, and the lines after it read otherwise (a lazy line became code; a row
    # after the `<details>` block became a stray row of the table).
    "wrong-year-stray-row-over-a-lazy-line": (
        "## 2022\n| Title | Author | Venue |\n|---|---|---|\n"
        "<script>x</script>\n" + _row(2, 2021) + "\t| t | r | s |\n"
        "## 2021\n| Author | Title | Venue |\n|---|---|---|\n"
    ),
    "wrong-year-row-in-a-details-block": (
        "## 2022\n| Title | Authors | Venue |\n|---|---|---|\n## 2021\n"
        "| Title | Authors | Venue |\n|---|---|---|\n<details><summary>More</summary>\n"
        "| [**Escaped \\| Pipe**](https://arxiv.org/abs/2201.00008) | Bo | ICML, 2022 |\n"
        "var x = 1;\n\n| | | [Learning Graph](https://arxiv.org/abs/2201.57730) |\n"
    ),
}


@pytest.mark.parametrize("text", list(_REFUSED.values()), ids=list(_REFUSED))
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fuzzed_shapes_are_fixed_without_refusal(text: str, unsafe: bool) -> None:
    before = Counter(paper_identity(p) for p in parse_records(text))
    result = fix_text(text, unsafe=unsafe)  # raised FixError("records", …) before
    if not unsafe:
        assert Counter(paper_identity(p) for p in parse_records(result.text)) == before
    assert _rows(result.text) == _rows(text) or unsafe


def test_a_comment_is_not_moved_over_a_line_it_would_make_code() -> None:
    """The rest of a stray row's paragraph, indented by four spaces, read as text; under
    the moved comment it was a code block. The rows stay stray, reported without a fix."""
    text = _HEAD + _row(1) + "<!-- c -->\n" + _row(2) + "    indented text\n"
    result = fix_text(text)
    assert result.text == text
    assert "<pre><code>" not in render(result.text)
    assert [(f.code, f.fix) for f in result.remaining.findings if f.code == "DD101"] == [
        ("DD101", None)
    ]
