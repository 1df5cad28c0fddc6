"""DD001 unused-suppression: a suppression comment that silences nothing."""

from __future__ import annotations

import pytest
from helpers import HEADER, ROW_A

from ddlint.api import lint_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<!-- ddlint-disable DD204 -->\n\n" + HEADER + ROW_A, [1], id="unused"),
        pytest.param("<!-- ddlint-disable DD999 -->\n\n" + HEADER + ROW_A, [1], id="unknown-code"),
        pytest.param(
            "<!-- ddlint-disable missing-venue -->\n\n"
            + HEADER
            + "| A | [**T**](https://x.org) | |\n",
            [],
            id="used-by-name",
        ),
        pytest.param(HEADER + ROW_A, [], id="no-comment"),
        # A network rule does not run without --check-links/--check-metadata, and its
        # answers change from run to run: its comment is never called unused.
        pytest.param("<!-- ddlint-disable DD310 -->\n\n" + HEADER + ROW_A, [], id="link-rule"),
        pytest.param(
            "<!-- ddlint-disable title-mismatch -->\n\n" + HEADER + ROW_A, [], id="metadata-rule"
        ),
    ],
)
def test_dd001(text: str, expected: list[int]) -> None:
    findings = lint_text(text, select=["DD001", "DD204"])
    assert [f.line for f in findings if f.code == "DD001"] == expected
    assert not [f for f in findings if f.code == "DD204"]
