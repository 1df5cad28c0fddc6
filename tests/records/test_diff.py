"""``ddlint diff``: record-level changes, papers matched by who they are, not by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepo import commit_all, init_repo
from helpers import SEED, add_rows_to_2022

from ddlint import api
from ddlint.cli.main import main
from ddlint.records.diff import RecordDiff, diff_papers
from ddlint.report.recorddiff import format_markdown, format_text

HEADER = "| Author | Title | Venue | Supp. Material |\n|---|---|---|---|\n"
ADA = (
    "| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2204.01273)"
    " | ICML, 2022 | |\n"
)
BOB = (
    "| Bob Babbage | [**Difference Tables**](https://openreview.net/forum?id=B1)"
    " | NeurIPS, 2022 | |\n"
)
CAT = "| Cat Hopper | [**Compilers for Lists**](https://example.org/c) | ICLR, 2021 | |\n"


def _list(sections: dict[str, str]) -> str:
    return "# Papers\n\n" + "".join(
        f"## {heading}\n\n{HEADER}{rows}\n" for heading, rows in sections.items()
    )


def _diff(old: str, new: str) -> RecordDiff:
    return diff_papers(api.parse_records(old), api.parse_records(new))


def test_reordered_rows_are_no_change() -> None:
    diff = _diff(_list({"2022": ADA + BOB}), _list({"2022": BOB + ADA}))
    assert not diff
    assert format_text("README.md", diff) == ""


def test_added_and_removed() -> None:
    diff = _diff(_list({"2022": ADA + BOB}), _list({"2022": ADA + CAT}))
    assert [p.title for p in diff.added] == ["Compilers for Lists"]
    assert [p.title for p in diff.removed] == ["Difference Tables"]
    assert not diff.changed


def test_moved_between_sections() -> None:
    diff = _diff(_list({"2022": ADA + CAT, "2021": ""}), _list({"2022": ADA, "2021": CAT}))
    assert not diff.added and not diff.removed
    assert [c.new.title for c in diff.moved] == ["Compilers for Lists"]
    assert diff.moved[0].fields == ()
    assert "section: '2022' -> '2021'" in format_text("README.md", diff)


def test_fields_changed_are_named_with_old_and_new_values() -> None:
    edited = ADA.replace("ICML, 2022", "NeurIPS, 2022").replace("Ada Lovelace et al", "Ada King")
    diff = _diff(_list({"2022": ADA}), _list({"2022": edited}))
    (change,) = diff.edited
    fields = {f.field: (f.old, f.new) for f in change.fields}
    assert fields["venue"] == ("ICML, 2022", "NeurIPS, 2022")
    assert fields["authors"] == ("Ada Lovelace et al", "Ada King")
    assert set(fields) == {"venue", "authors"}
    assert "venue: 'ICML, 2022' -> 'NeurIPS, 2022'" in format_text("README.md", diff)


def test_retitled_paper_is_matched_by_its_arxiv_id() -> None:
    retitled = ADA.replace("Notes on the Engine", "Notes on the Analytical Engine")
    retitled = retitled.replace("arxiv.org/abs/2204.01273", "arxiv.org/pdf/2204.01273v2.pdf")
    diff = _diff(_list({"2022": ADA}), _list({"2022": retitled}))
    (change,) = diff.changed
    assert {f.field for f in change.fields} == {"title"}  # the URL is the same paper


def test_relinked_paper_is_matched_by_its_title() -> None:
    relinked = BOB.replace("**Difference Tables**", "**Difference tables.**")
    relinked = relinked.replace("forum?id=B1", "forum?id=B2")
    diff = _diff(_list({"2022": BOB}), _list({"2022": relinked}))
    (change,) = diff.changed
    assert {f.field for f in change.fields} == {"title", "url"}


def test_respelt_venue_is_no_change() -> None:
    diff = _diff(_list({"2022": ADA}), _list({"2022": ADA.replace("ICML, 2022", "ICML 2022")}))
    assert not diff


def test_duplicates_are_counted() -> None:
    diff = _diff(_list({"2022": ADA + ADA}), _list({"2022": ADA}))
    assert len(diff.removed) == 1 and not diff.added and not diff.changed


@pytest.mark.parametrize(
    ("title", "retitled", "same"),
    [
        pytest.param("Foo-Bar: A Study", "foo bar, a study", True, id="case-and-punctuation"),
        pytest.param("snake_case Tables", "Snake Case tables", True, id="underscore"),
        # Spacing is ignored too: these were two papers to the diff before DD207's
        # definition became the one definition.
        pytest.param("Few-Shot Tables of Data", "Fewshot tables of data.", True, id="spacing"),
        # An accent is a letter to DD207: these were one paper to the diff before.
        pytest.param("Über Tables of Data", "Uber Tables of Data", False, id="accents"),
    ],
)
def test_a_paper_is_the_same_to_the_diff_as_to_dd207(title: str, retitled: str, same: bool) -> None:
    # Titles of three words or more: within one list, DD207 reads no shorter title as
    # the paper's identity (a label or a model name), while the diff still pairs by it.
    row = BOB.replace("Difference Tables", title)
    relinked = BOB.replace("Difference Tables", retitled).replace("forum?id=B1", "forum?id=B2")
    diff = _diff(_list({"2022": row}), _list({"2022": relinked}))
    assert [{f.field for f in c.fields} for c in diff.changed] == (
        [{"title", "url"}] if same else []
    )
    assert (len(diff.added), len(diff.removed)) == ((0, 0) if same else (1, 1))
    duplicates = api.lint_text(_list({"2022": row + relinked}), select=["DD207"])
    assert len(duplicates) == same


def test_markdown_escapes_titles() -> None:
    # The cell says `Tables \| and &lt;b&gt; \[links\]`: the title is `Tables | and <b> [links]`.
    evil = ADA.replace("Notes on the Engine", r"Tables \| and &lt;b&gt; \[links\]")
    markdown = format_markdown([("README.md", _diff(_list({"2022": ""}), _list({"2022": evil})))])
    assert markdown.startswith("## ddlint diff\n")
    assert r"**Tables \| and \<b\> \[links\]**" in markdown


# -- the command, on files and on a real git repository ---------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = init_repo(tmp_path / "list")
    (root / "README.md").write_bytes(SEED.read_bytes())
    (root / "NOTES.md").write_text("# Notes\n\nNo table here.\n")
    commit_all(root, "seed")
    text, _ = add_rows_to_2022((root / "README.md").read_text(encoding="utf-8"))
    (root / "README.md").write_text(text, encoding="utf-8")
    (root / "NOTES.md").write_text("# Notes\n\nStill no table.\n")
    commit_all(root, "two new papers")
    monkeypatch.chdir(root)
    return root


NEW_TITLES = ["A Fine New Paper on Distillation", "A Defective New Paper on Condensation"]


def test_diff_two_revisions_lists_exactly_the_added_papers(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "HEAD~1", "HEAD", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    (changed,) = report["files"]  # NOTES.md changed too, but has no paper table
    assert changed["path"] == "README.md"
    assert [p["title"] for p in changed["added"]] == NEW_TITLES
    assert changed["removed"] == [] and changed["changed"] == []

    assert main(["diff", "HEAD~1", "HEAD"]) == 1
    text = capsys.readouterr().out
    assert text.startswith("README.md: 2 added\n")
    assert all(f"+ {title}" in text for title in NEW_TITLES)


def test_diff_revision_against_the_work_tree(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "HEAD", "README.md"]) == 0
    assert "No paper record changed." in capsys.readouterr().out
    assert main(["diff", "HEAD~1", "README.md", "--format", "markdown"]) == 1
    markdown = capsys.readouterr().out
    assert "### README.md" in markdown and "**2 added**" in markdown


def test_diff_revisions_with_paths(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "HEAD", "HEAD~1", "README.md"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("README.md: 2 removed\n")


def test_diff_two_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(_list({"2022": ADA + BOB}))
    new.write_text(_list({"2022": BOB + ADA}))
    assert main(["diff", str(old), str(new)]) == 0
    new.write_text(_list({"2022": BOB, "2021": ADA}))
    assert main(["diff", str(old), str(new)]) == 1
    assert "1 moved" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["no-such-rev", "HEAD"], "neither a file nor a git revision", id="bad-rev"),
        pytest.param(["HEAD", "README.md", "x.md"], "need OLD and NEW to be git", id="paths"),
        pytest.param(["HEAD~1", "HEAD", "missing.md"], "not found at HEAD~1 nor", id="missing"),
    ],
)
def test_diff_errors(
    repo: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["diff", *args]) == 2
    assert message in capsys.readouterr().err
