"""DD208 inconsistent-spelling: a value spelt otherwise than most rows spell it."""

from __future__ import annotations

from helpers import SEED_TEXT, lint

from ddlint.text.findings import Applicability


def test_seed_spelling_names_the_majority() -> None:
    [finding] = lint(SEED_TEXT, ["DD208"])
    assert "`Application: Continual Learning`" in finding.message
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
