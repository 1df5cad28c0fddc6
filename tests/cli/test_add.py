"""``ddlint add`` on the command line: flags, exit codes, what is written and when not.

The lookups go to the local API servers of tests/metaserver.py, named in the list's
``.ddlint.toml`` (``[metadata]``) as a maintainer's config names the real ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED, read
from metaserver import Paper, Registry, Servers

from ddlint.cli.add import _write
from ddlint.cli.main import main
from ddlint.engine.config import default_config
from ddlint.net.metadata import MetadataOptions
from ddlint.text.source import read_source

SEED_TEXT = SEED.read_text(encoding="utf-8")
AUGMENTATION = Paper(
    "Accelerating Dataset Distillation via Model Augmentation",
    ("Lei Zhang", "Jie Zhang"),
    published="2022-12-12",
    arxiv_id="2212.06152",
)


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    copy = tmp_path / "README.md"
    copy.write_bytes(SEED.read_bytes())
    return copy


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``ddlint ARGV`` in this process: the exit code, stdout and stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _configure(folder: Path, options: MetadataOptions) -> None:
    (folder / ".ddlint.toml").write_text(
        "[metadata]\n"
        f'arxiv-api = "{options.arxiv_api}"\n'
        f'crossref-api = "{options.crossref_api}"\n'
        f'dblp-api = "{options.dblp_api}"\n'
        f'openreview-api = "{options.openreview_api}"\n'
        f'openreview-v1-api = "{options.openreview_v1_api}"\n'
        'contact = "maintainer@example.org"\n'
        "arxiv-interval = 0.05\n"
        "interval = 0.02\n",
        encoding="utf-8",
    )


def test_an_id_through_the_config(
    registry: Registry, servers: Servers, listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.add(AUGMENTATION)
    _configure(listed.parent, servers.options())
    argv = ("add", "2212.06152", "--file", str(listed), "--allow-private", "--no-cache")
    code, _, _ = run(capsys, *argv)
    assert code == 0
    assert read(listed).split("\n")[15].startswith("| Lei Zhang et al |[**Accelerating")
    assert servers.arxiv.seen[0].query["id_list"] == ["2212.06152"]


def test_the_cache_dir_of_the_config_and_the_cached_unknown_id(
    registry: Registry, servers: Servers, listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """add caches where check does (the config's cache-dir, beside the config file), and
    an unknown id read from that cache says so."""
    _configure(listed.parent, servers.options())
    config = listed.parent / ".ddlint.toml"
    config.write_text('cache-dir = "shared-cache"\n' + config.read_text(encoding="utf-8"))
    argv = ("add", "2399.00001", "--file", str(listed), "--allow-private")
    code, _, err = run(capsys, *argv)
    assert code == 2 and "cached" not in err
    assert (listed.parent / "shared-cache" / "metadata" / "metadata.json").is_file()
    code, _, err = run(capsys, *argv)
    assert code == 2 and "(cached; --no-cache asks again)" in err
    assert len(servers.arxiv.seen) == 1


def test_without_allow_private_nothing_reaches_127_0_0_x(
    registry: Registry, servers: Servers, listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.add(AUGMENTATION)
    _configure(listed.parent, servers.options())
    code, _, err = run(capsys, "add", "2212.06152", "--file", str(listed), "--no-cache")
    assert code == 2
    assert "could not look it up" in err
    assert servers.requests() == 0
    assert read(listed) == SEED_TEXT


def test_offline_flags_build_the_row(listed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "add",
        "--file", str(listed),
        "--title", "A Survey of Condensed Datasets",
        "--authors", "Ana Roth, Ben Tull and Cy Dunn",
        "--venue", "ICML",
        "--year", "2022",
        "--url", "https://proceedings.example.org/survey.pdf",
        "--code", "https://github.com/example/survey",
    )  # fmt: skip
    assert code == 0
    assert read(listed).split("\n")[15] == (
        "| Ana Roth et al |[**A Survey of Condensed Datasets**]"
        "(https://proceedings.example.org/survey.pdf) | | | | ICML, 2022 "
        "| [Code](https://github.com/example/survey) |"
    )
    assert "README.md:16: added | Ana Roth et al" in err


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (("--title", "", "--venue", "ICML"), "--title holds no word"),
        (("--title", "  ", "--venue", "ICML"), "--title holds no word"),
        (("--title", "A Brand New Offline Paper", "--year", "2022"), "a title alone is no paper"),
        (("--title", "A Brand New Offline Paper", "--venue", "ICML"), "the paper has no year"),
        (("--venue", "ICML"), "give a paper id"),
    ],
)
def test_bad_offline_input_is_a_usage_error(
    listed: Path, capsys: pytest.CaptureFixture[str], flags: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, "add", "--file", str(listed), *flags)
    assert code == 2
    assert message in err and "bug" not in err
    assert read(listed) == SEED_TEXT


def test_add_takes_debug_as_its_internal_error_message_says(
    listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "add", "--debug", "--file", str(listed), "--title", "")
    assert code == 2 and "--title holds no word" in err


def test_a_short_title_with_no_id_is_added(
    listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two words and a link with no paper id: no key DD207 compares, yet the row is the
    paper's (its title read back)."""
    code, _, err = run(
        capsys, "add", "--file", str(listed), "--title", "Tiny Sets",
        "--url", "https://example.org/tiny", "--year", "2022",
    )  # fmt: skip
    assert code == 0, err
    assert "| |[**Tiny Sets**](https://example.org/tiny) | | | | | |" in read(listed)


def test_flags_with_an_id_replace_the_sources_values(
    registry: Registry, servers: Servers, listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.add(AUGMENTATION)
    _configure(listed.parent, servers.options())
    argv = ("add", "2212.06152", "--file", str(listed), "--allow-private", "--no-cache")
    code, _, err = run(capsys, *argv, "--venue", "ICML, 2023", "--authors", "Lei Zhang")
    assert code == 0, err
    row = next(line for line in read(listed).split("\n") if "Model Augmentation" in line)
    assert row.startswith("| Lei Zhang |") and row.endswith("| ICML, 2023 | |")
    two = ("add", "2401.00001", "2301.00001", "--file", str(listed), "--venue", "ICML")
    code, _, err = run(capsys, *two)
    assert code == 2 and "give one id with them" in err


def test_diff_shows_the_change_and_writes_nothing(
    listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "add", "--file", str(listed), "--diff",
        "--title", "A Survey of Condensed Datasets", "--venue", "ICML", "--year", "2022",
    )  # fmt: skip
    assert code == 0
    assert out.startswith(f"--- a/{listed}\n+++ b/{listed}\n")
    added = [line for line in out.split("\n") if line.startswith("+|")]
    assert added == ["+| |**A Survey of Condensed Datasets** | | | | ICML, 2022 | |"]
    assert read(listed) == SEED_TEXT


def test_a_listed_paper_exits_1(listed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "add", "--file", str(listed),
        "--title", "Dataset Distillation by Matching Training Trajectories", "--year", "2022",
    )  # fmt: skip
    assert code == 1
    assert "already in the list at line 47" in err and "nothing was written" in err
    assert read(listed) == SEED_TEXT


@pytest.mark.parametrize("flags", [(), ("--allow-private",)], ids=["guard", "source-down"])
def test_a_listed_id_exits_1_before_any_request(
    servers: Servers, listed: Path, capsys: pytest.CaptureFixture[str], flags: tuple[str, ...]
) -> None:
    """The seed lists 2211.11004 as a pdf link: refused from the id alone, whether the
    source is refused by the address guard or down, and nothing is asked."""
    _configure(listed.parent, servers.options())
    for api in servers.apis:
        api.failures.extend([(503, None)] * 5)
    code, _, err = run(
        capsys, "add", "arXiv:2211.11004v2", "--file", str(listed), "--no-cache", *flags
    )
    assert code == 1
    assert "arXiv:2211.11004v2: already in the list at line 27" in err
    assert servers.requests() == 0
    assert read(listed) == SEED_TEXT


def test_two_ids_of_one_paper_exit_1_before_any_request(
    servers: Servers, listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _configure(listed.parent, servers.options())
    argv = ("add", "2301.00001", "https://arxiv.org/abs/2301.00001v3", "--file", str(listed))
    code, _, err = run(capsys, *argv, "--no-cache", "--allow-private")
    assert code == 1
    assert "the same paper as 2301.00001" in err
    assert servers.requests() == 0


def test_a_file_that_is_not_utf8_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "list.md"
    bad.write_bytes(b"| Title |\n|---|\n| caf\xe9 |\n")
    code, _, err = run(capsys, "add", "--file", str(bad), "--title", "A Paper About Things")
    assert code == 2
    assert f"{bad}: not valid UTF-8" in err
    assert bad.read_bytes() == b"| Title |\n|---|\n| caf\xe9 |\n"


def test_a_file_changed_since_it_was_read_is_not_written(
    listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = read_source(listed)
    with listed.open("a", encoding="utf-8") as handle:  # another edit lands meanwhile
        handle.write("| Someone et al | [**Their Paper**](https://example.org/p) |\n")
    changed = read(listed)
    from ddlint.add.paper import offline_paper

    paper = offline_paper(
        title="A Survey of Condensed Datasets", authors=None, venue="ICML", year=2022,
        url=None, code=None,
    )  # fmt: skip
    assert _write(source, [paper], default_config(), None, False, True) == 2
    assert "changed on disk since ddlint read it" in capsys.readouterr().err
    assert read(listed) == changed


def test_an_unparsable_id_exits_2(listed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add", "not-an-id", "--file", str(listed), "--no-cache")
    assert code == 2
    assert "not-an-id: not an arXiv id or URL" in err
