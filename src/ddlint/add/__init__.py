"""``ddlint add``: one new row per paper, in its table, its place and its table's style.

``add_papers`` takes the list's text and the papers (``add.paper.NewPaper``, from the
metadata sources or the offline flags) and gives the new text: each paper's row in the
table ``add.section`` chooses (a year section made when its year has none, and the
quick-links line given the new year by DD308's fix), at the place ``add.place`` finds,
written by ``add.write`` in the style ``add.style`` and ``add.cells`` read. A paper
already in the list (DD207's "same paper") is refused, and then no paper is added.
The result is checked like a fix (``add.verify``) before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ddlint.add.cells import write_row
from ddlint.add.duplicates import refuse_duplicates, refuse_listed_ids
from ddlint.add.paper import NewPaper
from ddlint.add.place import offset, slot, table_rows, top_offset
from ddlint.add.section import choose_table, new_year_section
from ddlint.add.style import read_row_style
from ddlint.add.verify import AddError, verify_added
from ddlint.add.write import paper_cells
from ddlint.gfm.parse import parse_document
from ddlint.net.metadata import PaperId
from ddlint.records.extract import extract_records
from ddlint.records.model import PaperTable, Records
from ddlint.rules import RuleContext, RuleSettings
from ddlint.rules.format._venue_style import list_venue_style
from ddlint.rules.format.dd401_unsorted_rows import SORT
from ddlint.rules.format.dd403_venue_format import MONTH_STYLE
from ddlint.rules.links.dd305_arxiv_form import ARXIV_FORM
from ddlint.rules.links.dd308_nav_out_of_date import NavOutOfDate
from ddlint.text.findings import splice_edits

__all__ = ["AddError", "AddResult", "Added", "NewPaper", "add_papers", "refuse_listed"]


@dataclass(frozen=True)
class Added:
    paper: NewPaper
    line: int  # the new row's line in the new text
    row: str  # its text


@dataclass(frozen=True)
class AddResult:
    text: str
    added: tuple[Added, ...]


def add_papers(
    text: str,
    papers: Sequence[NewPaper],
    *,
    section: str | None = None,
    settings: RuleSettings | None = None,
) -> AddResult:
    """The text with a row for each paper. Raises ``DuplicateError`` (a paper already
    listed, or given twice), ``SectionError`` (no table to tell) or ``AddError``."""
    settings = settings or RuleSettings()
    original = _read(text, settings)
    refuse_duplicates(original, papers)
    current, records = text, original
    rows: list[str] = []
    for paper in papers:
        current, row = _add_one(current, records, paper, section, settings)
        rows.append(row)
        records = _read(current, settings)
    lines = verify_added(original, records, papers)
    added = tuple(Added(p, line, row) for p, line, row in zip(papers, lines, rows))
    return AddResult(current, added)


def refuse_listed(
    text: str,
    ids: Sequence[tuple[str, PaperId]],
    settings: RuleSettings | None = None,
    papers: Sequence[NewPaper] = (),
) -> None:
    """Raise ``DuplicateError`` when an id (with the text it was given as), or a paper,
    names a paper the list already has, or one another names: before any lookup or
    write."""
    records = _read(text, settings or RuleSettings())
    refuse_listed_ids(records, ids)
    refuse_duplicates(records, papers)


def _read(text: str, settings: RuleSettings) -> Records:
    return extract_records(parse_document(text), settings.header_aliases or None)


def _add_one(
    text: str, records: Records, paper: NewPaper, section: str | None, settings: RuleSettings
) -> tuple[str, str]:
    chosen = choose_table(records, paper.year, section)
    if isinstance(chosen, int):
        made = new_year_section(records, chosen)
        model = made.model
        row = _row(records, model, paper, settings)
        new = text[: made.offset] + made.text[: made.row_at] + row + _newline(records, model)
        new += made.text[made.row_at :] + text[made.offset :]
        return _with_quick_link(new, made.year, settings), row
    row = _row(records, chosen, paper, settings)
    newline = _newline(records, chosen)
    top = top_offset(chosen)
    at_top = _insert(text, top, row, newline)
    trial = _read(at_top, settings)
    tables = [t for t in trial.tables if t.table.index == chosen.table.index]
    read = table_rows(trial, tables[0]) if tables else []
    new_record = next((r for r in read if r.row.source.start == top), None)
    existing = [r for r in read if r is not new_record]
    if new_record is None or not existing:
        return at_top, row  # the table's first row (verify_added checks it is read so)
    rows = [r.row for r in table_rows(records, chosen)]
    if len(rows) != len(existing):  # the rows did not read alike: no place to be sure of
        return at_top, row
    at = slot(existing, new_record, settings[SORT])
    return _insert(text, offset(rows, at), row, newline), row


def _row(records: Records, table: PaperTable, paper: NewPaper, settings: RuleSettings) -> str:
    """The row's line, its indent (a list item's, a block quote's) included."""
    ctx = RuleContext(records.document, records, settings)
    style = read_row_style(records, table, settings[ARXIV_FORM])
    cells = paper_cells(paper, table, style, list_venue_style(ctx, settings[MONTH_STYLE]))
    header = table.table.header
    indent = records.document.text[header.source.start : header.source.start + header.indent]
    return indent + write_row(records.document, table.table, cells)


def _newline(records: Records, table: PaperTable) -> str:
    return records.document.lines[table.table.header.line - 1].newline or "\n"


def _insert(text: str, at: int, row: str, newline: str) -> str:
    """The row as a line of its own at ``at`` (a line's start, or the text's end)."""
    if at > 0 and text[at - 1] not in "\r\n":
        return text[:at] + newline + row + text[at:]
    return text[:at] + row + newline + text[at:]


def _with_quick_link(text: str, year: int, settings: RuleSettings) -> str:
    """DD308's own fix adding ``year`` to the quick-links line, if the list has one."""
    records = _read(text, settings)
    ctx = RuleContext(records.document, records, settings)
    wanted = f"add the {year} quick link"
    edits = [
        edit
        for finding in NavOutOfDate().check(ctx)
        if finding.fix is not None and finding.fix.description == wanted
        for edit in finding.fix.edits
    ]
    return splice_edits(text, edits) if edits else text
