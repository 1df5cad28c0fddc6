"""DD104 broken-table: a header GitHub does not render as a table, checked against it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from gfm_oracle import rendered_tables
from gitrepo import commit_all, init_repo
from helpers import STRUCTURE_CODES, at, fixed, lint, rule_fixture, run_cli

from ddlint.api import parse_records
from ddlint.records.identity import paper_identity
from ddlint.text.findings import Applicability, Finding, Severity


def test_broken_table_points_at_the_delimiter_with_both_counts() -> None:
    text = rule_fixture("broken-table-mismatch.md")
    (finding,) = lint(text, STRUCTURE_CODES)
    assert (finding.line, finding.column) == (7, 1)
    assert at(text, finding).startswith("|--------|")
    assert "6 cells" in finding.message and "7" in finding.message
    assert finding.severity is Severity.ERROR and finding.fix is None
    assert rendered_tables(text) == [[17, 18]]  # only the 2022 table renders


def test_missing_delimiter_points_at_the_header_and_suggests_one() -> None:
    text = rule_fixture("broken-table-no-delimiter.md")
    (finding,) = lint(text, STRUCTURE_CODES)
    assert at(text, finding).startswith("| Author | Title |")
    assert "`|" + " --- |" * 7 + "`" in finding.message
    assert rendered_tables(text) == [[16, 17]]


def test_one_strike_also_reports_the_later_delimiter() -> None:
    text = "| a | b |\n|---|---|---|\n| e | f |\n|---|---|\n"
    assert [f.line for f in lint(text, STRUCTURE_CODES)] == [2, 4]
    assert rendered_tables(text) == []


# -- blocks of pipe rows without a header (issue #19) ------------------------------------

_TABLE_2022 = (
    "## 2022\n\n| Title | Authors | Venue |\n|---|---|---|\n"
    "| [Sharp Priors](https://arxiv.org/abs/2201.00001) | Ann Author | CVPR 2022 |\n"
)
_ROWS_2021 = (
    "| [Older One](https://arxiv.org/abs/2101.00002) | Bo Author | ICML 2021 |\n"
    "| [Older Two](https://arxiv.org/abs/2101.00003) | Cy Author | ICLR 2021 |\n"
    "| [Older Three](https://arxiv.org/abs/2101.00004) | Di Author | ICLR 2021 |\n"
)
HEADERLESS = _TABLE_2022 + "\n## 2021\n\n" + _ROWS_2021


def _block_finding(text: str) -> Finding:
    (finding,) = [f for f in lint(text, ["DD104"])]
    return finding


def test_a_block_without_header_is_reported_over_all_its_rows() -> None:
    finding = _block_finding(HEADERLESS)
    assert (finding.line, finding.end_line) == (9, 11)
    assert at(HEADERLESS, finding) == _ROWS_2021.rstrip("\n")
    assert "table at line 3" in finding.message
    assert "delimiter row under" not in finding.message  # the first row is a paper


def test_the_rows_of_a_block_are_records_shown_as_text() -> None:
    papers = parse_records(HEADERLESS)
    assert [(p.title, p.origin.rendered, p.year) for p in papers] == [
        ("Sharp Priors", True, 2022),
        ("Older One", False, 2021),
        ("Older Two", False, 2021),
        ("Older Three", False, 2021),
    ]
    assert papers[1].authors == ["Bo Author"]


def test_the_fix_inserts_the_header_of_the_table_above() -> None:
    finding = _block_finding(HEADERLESS)
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    assert fixed(HEADERLESS, ["DD104"]) == HEADERLESS  # unsafe: not without --unsafe-fixes
    after = fixed(HEADERLESS, ["DD104"], unsafe=True)
    assert after == HEADERLESS.replace(
        "## 2021\n\n", "## 2021\n\n| Title | Authors | Venue |\n|---|---|---|\n"
    )
    assert rendered_tables(after) == [[5], [11, 12, 13]]
    before = Counter(paper_identity(p) for p in parse_records(HEADERLESS))
    assert Counter(paper_identity(p) for p in parse_records(after)) == before
    assert all(p.origin.rendered for p in parse_records(after))


def test_text_after_the_block_gets_a_blank_line() -> None:
    text = HEADERLESS + "Last updated in 2023.\n"
    after = fixed(text, ["DD104"], unsafe=True)
    assert after.endswith(_ROWS_2021 + "\nLast updated in 2023.\n")
    assert rendered_tables(after) == [[5], [11, 12, 13]]


def test_no_fix_without_a_table_of_that_width_above() -> None:
    text = "# Papers\n\n" + _ROWS_2021
    finding = _block_finding(text)
    assert finding.fix is None
    assert "add a header row and a delimiter row `| --- | --- | --- |`" in finding.message
    assert parse_records(text) == []  # no header to read them by


def test_no_fix_inside_a_list_item() -> None:
    text = _TABLE_2022 + "\n- 2021\n" + _ROWS_2021
    finding = _block_finding(text)
    assert finding.fix is None
    assert len(parse_records(text)) == 4


def test_a_header_of_its_own_gets_a_delimiter_row() -> None:
    text = "| Title | Venue |\n" + "".join(
        f"| [Paper {n}](https://arxiv.org/abs/2001.0000{n}) | AAAI 2020 |\n" for n in (1, 2)
    )
    finding = _block_finding(text)
    assert "add a delimiter row `| --- | --- |` under the header" in finding.message
    assert (finding.line, finding.end_line) == (1, 3)
    after = fixed(text, ["DD104"], unsafe=True)
    assert after.splitlines()[1] == "| --- | --- |"
    assert rendered_tables(after) == [[3, 4]]
    assert [p.origin.rendered for p in parse_records(text)] == [False, False]


def test_a_block_below_a_headed_block_takes_its_header() -> None:
    headed = "| Title | Venue |\n| [Paper 1](https://arxiv.org/abs/2001.00001) | AAAI 2020 |\n"
    rows = "| [Paper 2](https://arxiv.org/abs/1901.00002) | CVPR 2019 |\n" * 2
    text = headed + "\n## 2019\n\n" + rows
    findings = lint(text, ["DD104"])
    assert "the header at line 1 and a delimiter row" in findings[1].message
    after = fixed(text, ["DD104"], unsafe=True)
    assert rendered_tables(after) == [[3], [9, 10]]
    assert len(parse_records(after)) == len(parse_records(text)) == 3


def test_a_line_of_in_page_links_is_no_paper() -> None:
    nav = "| [Top](#papers) | [2022](#2022) | [2021](#2021) |\n" * 2
    text = HEADERLESS + "\n## Links\n\n" + nav
    findings = lint(text, ["DD104"])
    assert [f.line for f in findings] == [9, 15]
    assert findings[1].fix is None
    assert len(parse_records(text)) == 4


def test_a_row_added_to_the_block_keeps_the_fingerprint() -> None:
    added = (
        HEADERLESS + "| [Older Four](https://arxiv.org/abs/2101.00005) | Ed Author | AAAI 2021 |\n"
    )
    assert _block_finding(added).fingerprint == _block_finding(HEADERLESS).fingerprint
    assert _block_finding(added).end_line == 12


def test_a_broken_delimiter_block_reads_its_rows_with_its_header() -> None:
    text = rule_fixture("broken-table-mismatch.md")
    papers = [p for p in parse_records(text) if not p.origin.rendered]
    assert [(p.origin.line, p.venue.raw if p.venue else None) for p in papers] == [
        (8, "arXiv, Nov., 2023"),
        (9, "ICCV, 2023"),
        (10, "ICLR, 2023"),
    ]


def test_diff_base_sees_a_row_added_inside_the_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = init_repo(tmp_path / "list")
    readme = root / "README.md"
    readme.write_text(HEADERLESS + "\n## 2020\n\nNothing yet.\n", encoding="utf-8")
    commit_all(root, "list")
    monkeypatch.chdir(root)
    first, rest = _ROWS_2021.split("\n", 1)
    added = "| [Older Four](https://arxiv.org/abs/2101.00005) | Ed Author | AAAI 2021 |\n"
    grown = HEADERLESS.replace(_ROWS_2021, first + "\n" + added + rest)
    readme.write_text(grown + "\n## 2020\n\nNothing yet.\n", encoding="utf-8")
    code, out = run_cli(
        capsys,
        "check",
        "--select",
        "DD104",
        "--diff-base",
        "HEAD",
        "--output-format",
        "json",
        "README.md",
    )
    assert code == 1
    (finding,) = json.loads(out)
    assert (finding["line"], finding["end_line"]) == (9, 12)  # line 10 is the new one
