"""DD207 duplicate-paper: the same paper listed twice."""

from __future__ import annotations

from helpers import lint, rule_fixture


def test_duplicate_names_the_first_line() -> None:
    text = rule_fixture("duplicate-paper.md")
    messages = [f.message for f in lint(text, ["DD207"])]
    assert "line 9 (same title)" in messages[0]
    assert "line 13 (same arXiv id)" in messages[1]
