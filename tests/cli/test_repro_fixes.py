"""Issue #18's repro inputs through the CLI, as a user runs them: ``check --fix-only``
and ``check --fix-only --unsafe-fixes`` on a copy of each. Never a crash nor exit 2, no
record lost, and the safe fix deletes no row but a template row (issue #19)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from helpers import FIXTURES

from ddlint.cli.main import main
from ddlint.gfm.parse import parse_document

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
