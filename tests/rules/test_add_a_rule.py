"""CONTRIBUTING.md's promise: adding a rule is its module, one registry line and its tests.

The rule here is a module written by the test (in a temporary directory, no file of
the repository touched) and registered for the test only (``ddlint.rules.registered``
stands in for its line in ``RULE_MODULES``). It must then run in a lint, have its safe
fix applied by ``fix_text``, have its option in the configuration model, and appear in
``ddlint explain`` and ``ddlint rules --markdown``.
"""

from __future__ import annotations

import importlib.util
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from ddlint.api import fix_text, lint_text
from ddlint.cli.main import cli
from ddlint.engine.config import config_model
from ddlint.rules import ALL_RULES, Rule, UnknownRuleError, get_rule, registered

HEAD = "| Author | Title | Venue |\n|---|---|---|\n"
PAPER = "| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | "
EXAMPLE = HEAD + PAPER + "ICML,  2022 |\n"
USE_INSTEAD = HEAD + PAPER + "ICML, 2022 |\n"

MODULE = f'''
"""DD999 venue-spacing: a venue written with a run of spaces.

## What it does
Reports a venue cell with more spaces in a row than `venue-spaces` allows.

## Why is this bad?
The venue reads unevenly, and searching the list for `ICML, 2022` misses the row.

## Example
```markdown
{EXAMPLE}```

## Use instead
```markdown
{USE_INSTEAD}```

## Fix safety
Safe: the venue's name and date stay as they are.

## Options
`venue-spaces`: the most spaces allowed in a row; `1` (default).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.options import Option
from ddlint.text.findings import Edit, Finding

VENUE_SPACES: Option[int] = Option(
    "venue-spaces", int, 1, "the most spaces allowed in a row", expected="a number"
)


class VenueSpacing(Rule):
    __doc__ = __doc__
    code = "DD999"
    name = "venue-spacing"
    scope = "row"
    fixable = "always"
    options = (VENUE_SPACES,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        run = re.compile(" {{%d,}}" % (ctx.settings[VENUE_SPACES] + 1))
        for record in ctx.records.paper_rows:
            cell = record.cell("venue")
            if cell is not None and run.search(cell.text):
                new = run.sub(" ", cell.text)
                fix = safe_fix(f"write `{{new}}`", Edit(cell.span, new))
                yield ctx.finding(self, cell.span, "Run of spaces in the venue", fix=fix)


RULE = VenueSpacing
'''


def load_rule(directory: Path) -> type[Rule]:
    """The rule of the module above, written to ``directory`` and imported from there."""
    path = directory / "dd999_venue_spacing.py"
    path.write_text(textwrap.dedent(MODULE), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("dd999_venue_spacing", path)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rule: type[Rule] = module.RULE
    return rule


@pytest.fixture
def new_rule(tmp_path: Path) -> Iterator[type[Rule]]:
    """The new rule, registered while the test runs."""
    rule = load_rule(tmp_path)
    with registered(rule):
        yield rule


def test_the_new_rule_runs_and_fixes(new_rule: type[Rule]) -> None:
    assert ("DD999", 3) in [(f.code, f.line) for f in lint_text(EXAMPLE)]  # enabled by default
    assert "DD999" not in [f.code for f in lint_text(EXAMPLE, ignore=["DD9"])]
    assert [(f.code, f.line) for f in lint_text(EXAMPLE, select=["venue-spacing"])] == [
        ("DD999", 3)
    ]
    fixed = fix_text(EXAMPLE, select=["DD999"])
    assert fixed.text == USE_INSTEAD
    assert [f.code for f in fixed.applied] == ["DD999"]
    assert lint_text(USE_INSTEAD, select=["DD999"]) == []


def test_the_new_rule_has_its_option(new_rule: type[Rule]) -> None:
    model = config_model(ALL_RULES)
    relaxed = model.model_validate({"venue-spaces": 2})
    assert lint_text(EXAMPLE, config=relaxed, select=["DD999"]) == []
    assert lint_text(EXAMPLE, config=model.model_validate({}), select=["DD999"]) != []


def test_the_new_rule_is_documented(new_rule: type[Rule]) -> None:
    runner = CliRunner()
    explained = runner.invoke(cli, ["explain", "DD999"])
    assert explained.exit_code == 0
    assert explained.output.startswith("# DD999 venue-spacing\n\n## What it does\n")
    listed = runner.invoke(cli, ["rules"]).output.splitlines()
    assert listed[-1].startswith("DD999 * venue-spacing")
    pages = runner.invoke(cli, ["rules", "--markdown"]).output
    assert "| [DD999](#dd999-venue-spacing) | venue-spacing | always |" in pages
    assert "\n## DD999 venue-spacing\n\nA venue written with a run of spaces.\n" in pages


def test_registration_is_undone(tmp_path: Path) -> None:
    codes = [rule.code for rule in ALL_RULES]
    with registered(load_rule(tmp_path)):
        assert get_rule("DD999").name == "venue-spacing"
        assert [rule.code for rule in ALL_RULES] == [*codes, "DD999"]
    assert [rule.code for rule in ALL_RULES] == codes
    with pytest.raises(UnknownRuleError):
        get_rule("DD999")
    assert "venue-spaces" not in {f.alias for f in config_model(ALL_RULES).model_fields.values()}
