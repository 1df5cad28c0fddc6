"""Issue #22, item 1: ``ddlint add 2212.06152`` on a copy of the seed, against a local
arXiv server that knows the paper."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gfm_oracle import rendered_tables
from helpers import SEED, read, run_cli
from metaserver import Paper, Registry, Servers

from ddlint.api import parse_records
from ddlint.cli.add import AddRequest, run_add

NINE_AUTHORS = "Lei Zhang, Jie Zhang, Bo Lei, Subhabrata Mukherjee, Xiang Pan, Bo Zhao, "
NINE_AUTHORS += "Caiwen Ding, Yao Li, Dongkuan Xu"
AUGMENTATION = Paper(
    "Accelerating Dataset Distillation via Model Augmentation",
    tuple(NINE_AUTHORS.split(", ")),
    published="2022-12-12",
    arxiv_id="2212.06152",
)
ROW = (
    "| Lei Zhang et al |[**Accelerating Dataset Distillation via Model Augmentation**]"
    "(https://arxiv.org/pdf/2212.06152.pdf) | | | | arXiv, Dec., 2022 | |"
)


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "seed-copy.md"
    copy.write_bytes(SEED.read_bytes())
    return copy


def _add(servers: Servers, path: Path, *ids: str) -> int:
    return run_add(AddRequest(ids, str(path), quiet=True), servers.options())


def test_the_row_in_the_seeds_style_at_its_place(
    registry: Registry, servers: Servers, seed_copy: Path
) -> None:
    registry.add(AUGMENTATION)
    before = read(seed_copy)
    assert _add(servers, seed_copy, "2212.06152") == 0
    after = read(seed_copy)
    new_lines = after.split("\n")
    # Newest first by year and month: a December 2022 preprint heads the 2022 table.
    assert new_lines[15] == ROW
    assert new_lines[14].startswith("|---")
    # Every other line is as it was.
    assert new_lines[:15] + new_lines[16:] == before.split("\n")
    assert len(parse_records(after)) == len(parse_records(before)) + 1
    # GitHub renders the new row inside the 2022 table.
    assert 16 in rendered_tables(after)[0]


def test_check_reports_nothing_on_the_new_row(
    registry: Registry, servers: Servers, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.add(AUGMENTATION)
    assert _add(servers, seed_copy, "2212.06152") == 0
    capsys.readouterr()
    _, out = run_cli(capsys, "check", str(seed_copy), "--select", "ALL", "--output-format", "json")
    on_row = [f for f in json.loads(out) if f["line"] <= 16 <= f["end_line"]]
    assert on_row == []


def test_the_same_paper_again_is_refused_naming_its_line(
    registry: Registry, servers: Servers, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.add(AUGMENTATION)
    assert _add(servers, seed_copy, "2212.06152") == 0
    written = read(seed_copy)
    capsys.readouterr()
    assert _add(servers, seed_copy, "2212.06152") == 1
    assert "already in the list at line 16" in capsys.readouterr().err
    assert read(seed_copy) == written


def test_a_paper_the_seed_lists_as_a_pdf_link_is_refused(
    registry: Registry, servers: Servers, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.add(
        Paper(
            "Minimizing the Accumulated Trajectory Error to Improve Dataset Distillation",
            ("Jiawei Du", "Yidi Jiang"),
            published="2022-11-20",
            arxiv_id="2211.11004",
        )
    )
    assert _add(servers, seed_copy, "arXiv:2211.11004v2") == 1
    err = capsys.readouterr().err
    assert "arXiv:2211.11004v2: already in the list at line 27" in err
    assert read(seed_copy) == SEED.read_text(encoding="utf-8")


def test_with_several_ids_one_refused_writes_nothing(
    registry: Registry, servers: Servers, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.add(
        AUGMENTATION,
        Paper(
            "Scaling Up Dataset Distillation to ImageNet-1K with Constant Memory",
            ("Justin Cui",),
            published="2022-11-19",
            arxiv_id="2211.10586",
        ),
    )
    assert _add(servers, seed_copy, "2212.06152", "https://arxiv.org/abs/2211.10586") == 1
    err = capsys.readouterr().err
    assert "https://arxiv.org/abs/2211.10586: already in the list at line 28" in err
    assert read(seed_copy) == SEED.read_text(encoding="utf-8")


def test_an_id_no_source_knows_exits_2_and_writes_nothing(
    servers: Servers, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(servers, seed_copy, "2212.99999") == 2
    assert "2212.99999: no source knows it" in capsys.readouterr().err
    assert read(seed_copy) == SEED.read_text(encoding="utf-8")
