"""The fixer's verification counts every table row that holds something, records or not
(DESIGN.md §3.3): a fix that deletes such a row is refused and nothing is written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ddlint.api import fix_text, parse_records
from ddlint.cli.main import main
from ddlint.fix.verify import FixError, content_rows
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.rules import Rule, RuleContext, registered
from ddlint.rules.base import delete_line, safe_fix
from ddlint.text.findings import Finding

PAPERS = (
    "## Papers\n\n| Author | Title | Venue |\n|---|---|---|\n"
    "| Ada Lovelace | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |\n"
)
METRICS = "\n## Metrics\n\n| Metric | Higher is better | Notes |\n|---|---|---|\n"
PSNR = "| PSNR | - | |\n"
TEXT = PAPERS + METRICS + PSNR + "| SSIM | yes | structural |\n"


class DeletesDashRows(Rule):
    """DD996 deletes-dash-rows: a rule with a bug, whose 'safe' fix deletes every row with
    a dash cell: a row of a metrics table, which no record stands for."""

    code = "DD996"
    name = "deletes-dash-rows"
    scope = "document"
    fixable = "always"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for table in ctx.document.tables:
            for row in table.rows:
                if any(cell.text == "-" for cell in row.cells):
                    fix = safe_fix("delete the row", delete_line(row.line_span))
                    yield ctx.finding(self, row.span, "a row with a dash", fix=fix)


def test_a_fix_that_deletes_a_row_of_no_record_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "README.md"
    path.write_text(TEXT, encoding="utf-8")
    assert len(parse_records(TEXT)) == 1  # the metrics rows are no records
    with registered(DeletesDashRows):
        with pytest.raises(FixError) as refused:
            fix_text(TEXT)
        assert refused.value.check == "rows"
        assert "-| PSNR | - | |" in refused.value.diff
        assert main(["check", "--fix-only", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == TEXT
    err = capsys.readouterr().err
    assert f"{path}: fix refused: verification failed (rows): 1 table row(s)" in err


def _count(text: str) -> int:
    return content_rows(extract_records(parse_document(text)))


def test_template_rows_do_not_count_and_every_other_row_does() -> None:
    template = "| |[** **]() | | Image Classification |\n"
    head = "| Author | Title | Venue | Task |\n|---|---|---|---|\n"
    paper = "| Ada | [**A**](https://arxiv.org/abs/2201.00001) | ICML, 2022 | |\n"
    assert _count(head) == 1  # the header
    assert _count(head + paper) == 2
    assert _count(head + "| | [** **]() | ** | [Code]() |\n") == 1  # empty once stripped
    assert _count(head + template + template) == 1  # a template the list repeats
    assert _count(head + template) == 2  # pasted once: it may be a paper's cells
    assert _count(head + "| | | | [Graph](https://arxiv.org/abs/2201.57730) |\n") == 2
    assert _count(head + paper + "\n" + paper) == 3  # a stray row counts too
    assert _count(TEXT) == 5
