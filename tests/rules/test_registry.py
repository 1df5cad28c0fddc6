"""The registry: what a rule declares about itself holds, and nothing outside the rules
names a rule by its code."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import get_args

import pytest

from ddlint.api import check_text, lint_text
from ddlint.engine.config import Config, default_config
from ddlint.engine.linkfindings import link_findings
from ddlint.engine.metadatafindings import metadata_findings
from ddlint.net import LinkResult, LinkStatus
from ddlint.net.metadata import LookupFailure, MetadataOutcome, PaperMetadata
from ddlint.rules import ALL_RULES, Rule, declared_options, get_rule
from ddlint.rules.metadata._metadata import row_paper_id
from ddlint.text.findings import Applicability, Finding

TESTS = Path(__file__).resolve().parent.parent
SRC = TESTS.parent / "src" / "ddlint"
_FENCE = re.compile(r"```markdown\n(?P<code>.*?)```", re.DOTALL)
_IDS = [rule.code for rule in ALL_RULES]


@cache
def _fixes() -> dict[str, set[Applicability]]:
    """Every rule's fixes over the fixtures and the rules' documented examples, by code:
    the applicabilities seen."""
    runs = [(p.read_text(encoding="utf-8"), "ALL") for p in sorted(TESTS.glob("fixtures/**/*.md"))]
    for rule in ALL_RULES:  # each example with its own rule (as tests/rules/test_rule_docs.py)
        runs += [(m.group("code"), rule.code) for m in _FENCE.finditer(rule.__doc__ or "")]
    seen: dict[str, set[Applicability]] = defaultdict(set)
    for text, selected in runs:
        findings = lint_text(text, select=[selected])
        if selected == "ALL" or get_rule(selected).network:
            findings += _checked(text)
        for finding in findings:
            if finding.fix is not None:
                seen[finding.code].add(finding.fix.applicability)
    return seen


def _checked(text: str) -> list[Finding]:
    """The link rules' findings for ``text`` were every link found redirected to https
    (permanently or not; moved for good to its https form or elsewhere), or with any
    other status."""
    result = check_text(text)
    urls = [
        link.url for row in result.records.paper_rows for c in row.contents if c for link in c.links
    ]
    findings: list[Finding] = []
    for status in get_args(LinkStatus):
        for permanent in (True, False):
            for moved in (None, "https:", "https://elsewhere.example/"):
                outcomes = {
                    url: LinkResult(
                        url,
                        status,
                        200,
                        url.replace("http:", "https:"),
                        permanent,
                        "",
                        moved_to=moved
                        and (moved if "//" in moved else url.replace("http:", moved)),
                    )
                    for url in urls
                }
                findings += link_findings(result, outcomes)
    return findings + _looked_up(text)


def _looked_up(text: str) -> list[Finding]:
    """The metadata rules' findings for ``text`` were every row's paper a preprint under
    a title one letter off, published at KDD 2023 (or its source down)."""
    result = check_text(text)
    titles = {i: p.title for p in result.records.papers if (i := row_paper_id(p)) is not None}
    findings: list[Finding] = []
    for paper_id, title in titles.items():
        misspelt = f"{title}{title[-1:]}"  # the last word misspelt: DD502's near miss
        described = PaperMetadata(paper_id, misspelt, ("Ada Quill", "Bo Li"),
                                  2023, 3, "arXiv", True, None, None, None, "arxiv")  # fmt: skip
        published = replace(described, venue="KDD", preprint=False, source="dblp")
        for outcome in (
            MetadataOutcome(described, published),
            MetadataOutcome(described),
            MetadataOutcome(LookupFailure(paper_id, "a source is down", False)),
        ):
            findings += metadata_findings(result, {paper_id: outcome})
    return findings


@pytest.mark.parametrize("rule", ALL_RULES, ids=_IDS)
def test_fixes_have_the_declared_safety(rule: type[Rule]) -> None:
    """``fix_safety`` is what the fixer trusts: a rule declared "unsafe" is left out of
    the passes without --unsafe-fixes, so it must never make a safe fix."""
    seen = _fixes().get(rule.code, set())
    if rule.fixable == "never":
        assert not seen
        return
    assert seen, f"{rule.code}: no fix in the fixtures or examples to check"
    allowed = {
        "safe": {Applicability.SAFE},
        "unsafe": {Applicability.UNSAFE},
        "mixed": {Applicability.SAFE, Applicability.UNSAFE},
    }[rule.fix_safety]
    assert seen <= allowed


_SECTION = re.compile(r"## (?P<title>[^\n]+)\n(?P<body>.*?)(?=\n## |\Z)", re.DOTALL)
KEYS = {option.key for option in declared_options(ALL_RULES)}


def _options_section(rule: type[Rule]) -> str:
    found = {m.group("title"): m.group("body") for m in _SECTION.finditer(rule.__doc__ or "")}
    return found["Options"]


@pytest.mark.parametrize("rule", ALL_RULES, ids=_IDS)
def test_options_section_names_the_declared_options(rule: type[Rule]) -> None:
    """The docstring's "## Options" is written by hand: it names exactly the keys the
    rule declares or reads, as spelled in TOML."""
    section = _options_section(rule)
    named = {key for key in KEYS if f"`{key}`" in section}
    assert named == {option.key for option in (*rule.options, *rule.other_options)}
    python_names = [key.replace("-", "_") for key in KEYS if "-" in key]
    assert not [name for name in python_names if f"`{name}`" in (rule.__doc__ or "")]


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if r.options], ids=lambda r: r.code)
def test_options_section_gives_the_declared_defaults(rule: type[Rule]) -> None:
    """A value default is named as "`value` (default"; an unset one is not named."""
    section = _options_section(rule)
    for option in rule.options:
        start = section.index(f"`{option.key}`")
        others = [section.find(f"`{o.key}`", start + 1) for o in rule.options]
        text = section[start : min([end for end in others if end > start], default=len(section))]
        if isinstance(option.default, str):
            assert f"`{option.default}` (default" in text
        else:
            assert not option.default and "(default" not in text


def test_every_option_read_is_declared_once() -> None:
    owned = [option for rule in ALL_RULES for option in rule.options]
    assert len({option.key for option in owned}) == len(owned)
    for rule in ALL_RULES:
        assert all(option in owned for option in rule.other_options), rule.code


def test_config_has_a_key_for_every_option() -> None:
    fields = {field.alias or name for name, field in Config.model_fields.items()}
    assert fields >= KEYS
    settings = default_config().settings()
    assert all(settings[option] == option.default for option in declared_options(ALL_RULES))


_CODE = re.compile(r"DD\d{3}")


def _docstrings(tree: ast.Module) -> set[int]:
    """The ``id`` of each docstring's constant in ``tree``."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def code_literals(src: Path = SRC) -> list[str]:
    """Each string constant outside ``rules/`` that names a rule code, docstrings aside:
    other code takes a rule's code (and its facts) from the rule class."""
    found: list[tuple[str, int, str]] = []
    for path in sorted(src.rglob("*.py")):
        if path.relative_to(src).parts[0] == "rules":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and _CODE.search(node.value)
            ):
                found.append((str(path.relative_to(src)), node.lineno, node.value))
    return [f"{path}:{line}: {value!r}" for path, line, value in sorted(found)]


def test_no_rule_code_outside_the_rules() -> None:
    assert code_literals() == []


def test_the_code_literal_check_finds_one(tmp_path: Path) -> None:
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "m.py").write_text(
        '"""DD001 in a docstring is fine."""\n'
        "def f():\n"
        '    """So is DD002."""\n'
        '    return "DD003"  # a comment on DD004 too\n'
        'X = f"{1} DD005"\n',
        encoding="utf-8",
    )
    assert code_literals(tmp_path) == ["engine/m.py:4: 'DD003'", "engine/m.py:5: ' DD005'"]
