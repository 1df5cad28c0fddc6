"""The record classes that keep a field only where it is needed (a list may hold a million
rows): a row cut or padded to its table's columns is a ``PaddedRowRecord``, which keeps
its cells per column; a table whose columns were inferred from its cells (its header
row is empty) is an ``InferredPaperTable``. Every reader sees the same fields either way."""

from __future__ import annotations

from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.model import InferredPaperTable, PaddedRowRecord, PaperTable, RowRecord

HEADER = "| Author | Title | Venue |\n|---|---|---|\n"
FULL = "| Ada | [One](https://arxiv.org/abs/2201.00001) | ICML 2022 |\n"
SHORT = "| Bo | [Two](https://arxiv.org/abs/2201.00002) |\n"
LONG = "| Cy | [Three](https://arxiv.org/abs/2201.00003) | NeurIPS 2021 | spare |\n"


def test_a_row_with_its_tables_cell_count_keeps_its_own_cells() -> None:
    (record,) = extract_records(parse_document(HEADER + FULL)).rows
    assert type(record) is RowRecord
    assert record.cells == record.row.cells
    assert record.cell("venue") is not None and record.cell("venue").text == "ICML 2022"


def test_a_short_row_is_padded_and_a_long_one_cut_to_the_columns() -> None:
    short, long = extract_records(parse_document(HEADER + SHORT + LONG)).rows
    assert isinstance(short, PaddedRowRecord) and isinstance(long, PaddedRowRecord)
    assert len(short.cells) == len(long.cells) == 3
    assert short.cells[2] is None and short.cell("venue") is None
    assert short.paper is not None and short.paper.venue is None
    assert long.cells[2] is not None and long.cells[2].text == "NeurIPS 2021"
    assert long.paper is not None and long.paper.venue is not None
    assert "spare" not in long.paper.model_dump_json()  # GitHub drops the surplus cell


def test_a_table_without_a_header_text_has_its_columns_inferred() -> None:
    blank_header = "| | | |\n|---|---|---|\n" + FULL
    inferred = extract_records(parse_document(blank_header)).tables[0]
    named = extract_records(parse_document(HEADER + FULL)).tables[0]
    assert isinstance(inferred, InferredPaperTable) and inferred.inferred
    assert type(named) is PaperTable and not named.inferred
    assert inferred.columns.column_of("venue") == named.columns.column_of("venue") == 2
