"""Issue: `ddlint --fix` repairs the list, sorts it, and proves it lost nothing."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from gfm_oracle import render, rendered_tables
from helpers import FIXTURES, SEED
from hypothesis import HealthCheck, given, settings
from listgen import paper_list

from ddlint.api import fix_text, lint_text, parse_records
from ddlint.cli.main import main
from ddlint.engine.config import Config
from ddlint.fix.fixer import FixError, apply_edits
from ddlint.inline.urls import canonical_url
from ddlint.records.diff import diff_papers
from ddlint.records.identity import paper_identity
from ddlint.text.findings import Edit
from ddlint.text.spans import Span


def _values(text: str) -> Counter[tuple[object, ...]]:
    return Counter(paper_identity(p) for p in parse_records(text))


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    shutil.copyfile(SEED, path)
    return path


def test_seed_fix_only_then_clean(seed_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed_copy.read_text(encoding="utf-8")
    assert main(["check", "--fix-only", "--exit-non-zero-on-fix", str(seed_copy)]) == 1
    after = seed_copy.read_bytes()
    assert after != before.encode()
    assert main(["check", "--fix-only", "--exit-non-zero-on-fix", str(seed_copy)]) == 0
    assert seed_copy.read_bytes() == after
    capsys.readouterr()
    main(["check", "--fix", str(seed_copy)])
    assert seed_copy.read_bytes() == after
    remaining = lint_text(after.decode())
    assert all(f.fix is None or f.fix.applicability.value == "unsafe" for f in remaining)
    text = after.decode()
    tables = rendered_tables(text)
    assert [len(rows) for rows in tables] == [42, 10, 4, 1, 1]
    assert sum(len(rows) for rows in tables) == 58
    html = render(text)
    assert "<p>|" not in html and "<p>| " not in html  # no stray pipe row left as text
    assert _values(before) == _values(text)
    assert len(parse_records(text)) == 58


def test_unsafe_fixes_move_line_90(seed_copy: Path) -> None:
    text = seed_copy.read_text(encoding="utf-8")
    fixed = fix_text(text, unsafe=True).text
    papers = parse_records(fixed)
    moved = next(p for p in papers if p.title == "Generative Dataset Distillation")
    assert moved.section.year == 2021
    assert moved.task == "Image Classification" and moved.datasets == ["MNIST"]
    # The record diff lists exactly the rows an unsafe fix was declared on.
    declared = {
        f.line
        for f in lint_text(text)
        if f.fix is not None and f.fix.applicability.value == "unsafe"
    }
    titles = {p.origin.line: p.title for p in parse_records(text)}
    diff = diff_papers(parse_records(text), papers)
    assert not diff.added and not diff.removed
    assert {change.old.title for change in diff.changed} == {titles[line] for line in declared}
    change_90 = next(c for c in diff.changed if c.old.origin.line == 90)
    assert change_90.moved and {f.field for f in change_90.fields} >= {"task", "datasets"}


@pytest.mark.parametrize("encoding", ["crlf", "bom", "crlf+bom"])
def test_crlf_and_bom_are_kept(tmp_path: Path, encoding: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    if "crlf" in encoding:
        text = text.replace("\n", "\r\n")
    data = ("\ufeff" if "bom" in encoding else "").encode() + text.encode()
    path = tmp_path / "README.md"
    path.write_bytes(data)
    assert main(["check", "--fix-only", str(path)]) == 0
    out = path.read_bytes()
    assert out != data
    assert out.startswith(b"\xef\xbb\xbf") == ("bom" in encoding)
    body = out.decode("utf-8-sig")
    if "crlf" in encoding:
        assert "\n" not in body.replace("\r\n", "")
    else:
        assert "\r" not in body
    assert len(parse_records(body)) == 58


def test_pyupgrade_style_cli_run(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(
        "## 2022\n\n| Author | Title | Venue |\n|---|---|---|\n"
        "| Ada et al | [**One**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |\n"
        "| |[** **]() | |\n",
        encoding="utf-8",
    )
    assert main(["check", "--fix-only", "--exit-non-zero-on-fix", str(path)]) == 1
    first = path.read_bytes()
    assert b"[** **]" not in first
    assert main(["check", "--fix-only", "--exit-non-zero-on-fix", str(path)]) == 0
    assert path.read_bytes() == first


def test_diff_writes_nothing(seed_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = seed_copy.read_bytes()
    assert main(["check", "--diff", str(seed_copy)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/") and "\n+++ b/" in out
    assert seed_copy.read_bytes() == before


def test_mode_is_kept(seed_copy: Path) -> None:
    seed_copy.chmod(0o640)
    main(["check", "--fix-only", str(seed_copy)])
    assert seed_copy.stat().st_mode & 0o777 == 0o640


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(FixError):
        apply_edits("abcdef", [Edit(Span(0, 3), "x"), Edit(Span(2, 4), "y")])


# -- golden files: tests/fixtures/fix/NAME.md -> NAME.expected.md ------------------------

GOLDEN = sorted((FIXTURES / "fix").glob("*.md")) if (FIXTURES / "fix").is_dir() else []
GOLDEN = [p for p in GOLDEN if not p.name.endswith(".expected.md")]


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_fix(path: Path) -> None:
    expected = path.with_name(path.stem + ".expected.md").read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    fixed = fix_text(text).text
    assert fixed == expected
    assert fix_text(fixed).text == fixed
    assert _values(text) == _values(fixed)


# -- properties -------------------------------------------------------------------------------


def _outside(text: str) -> list[str]:
    from ddlint.fix.verify import outside_lines
    from ddlint.gfm.parse import parse_document

    return [line for line in outside_lines(parse_document(text)) if not line.startswith("<!--")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paper_list())
def test_safe_fix_keeps_records_and_is_idempotent(text: str) -> None:
    result = fix_text(text)
    assert _values(text) == _values(result.text)
    assert fix_text(result.text).text == result.text
    assert _outside(text) == _outside(result.text)


def _dated(author: str, n: int, venue: str) -> str:
    return f"| {author} | [**Notes {n}**](https://arxiv.org/abs/2201.0000{n}) | {venue} |\n"


def test_a_sort_waits_for_the_unsafe_fix_that_dates_a_row() -> None:
    """DD204 gives Hopper's row a venue, and so a date (January, as Lovelace's and
    Dijkstra's): sorted before that, the row went last and stayed after Dijkstra's.
    Five rows in no clear order of their own: the sort is configured."""
    text = (
        "| Author | Title | Venue |\n|---|---|---|\n"
        + _dated("Alan Turing", 2, "arXiv, Mar., 2022")
        + _dated("Ada Lovelace", 1, "arXiv, Jan., 2022")
        + _dated("Barbara Liskov", 5, "arXiv, Apr., 2022")
        + _dated("Grace Hopper", 3, " ")
        + _dated("Edsger Dijkstra", 4, "arXiv, Jan., 2022")
    )
    result = fix_text(
        text, unsafe=True, config=Config.model_validate({"sort": ["-year", "-month"]})
    )
    authors = [line.split(" | ")[0].strip("| ") for line in result.text.splitlines()[2:]]
    assert authors == [
        "Barbara Liskov",
        "Alan Turing",
        "Ada Lovelace",
        "Grace Hopper",
        "Edsger Dijkstra",
    ]
    assert result.passes == 2


def test_run_memo_of_canonical_urls_gives_the_same_identities() -> None:
    """The fix loop counts identities through its per-run memo of ``canonical_url``; the
    memo must give exactly the identities the plain function gives, on every list shape."""
    from ddlint.fix.verify import CanonicalUrls

    urls = CanonicalUrls()
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "lists").glob("*.md"))]
    for text in texts * 2:  # the second round reads the memo, the first fills it
        for paper in parse_records(text):
            assert paper_identity(paper, urls.__getitem__) == paper_identity(paper)
    assert urls  # the memo was used
    assert all(canonical == canonical_url(url) for url, canonical in urls.items())
