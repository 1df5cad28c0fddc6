"""DD303 tracking-params: ``utm_*`` and other trackers in a link, and the fix."""

from __future__ import annotations

import pytest
from helpers import SEED_TEXT, fixed, lines, link_row, link_table, rule_fixture

from ddlint.api import lint_text
from ddlint.inline.urls import canonical_url, strip_tracking


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        pytest.param(
            "https://arxiv.org/abs/2309.12280?utm_source=twitter&utm_medium=social",
            "https://arxiv.org/abs/2309.12280",
            id="utm",
        ),
        pytest.param(
            "https://www.youtube.com/watch?v=Xq7rPz2LmKc&fbclid=IwAR2k",
            "https://www.youtube.com/watch?v=Xq7rPz2LmKc",
            id="fbclid-keeps-v",
        ),
        pytest.param(
            "https://example.org/p?a=1%202&utm_campaign=x&b=c+d",
            "https://example.org/p?a=1%202&b=c+d",
            id="kept-params-verbatim",
        ),
    ],
)
def test_tracking_params_fix(url: str, clean: str) -> None:
    assert strip_tracking(url) == clean
    assert canonical_url(url) == canonical_url(clean)
    assert fixed(link_table(link_row(url)), ["DD303"]) == link_table(link_row(clean))


def test_tracking_params_bare_url_only_reported() -> None:
    source = link_table(link_row(code="https://example.org/x?utm_source=a"))
    findings = lint_text(source, select=["DD303"])
    assert len(findings) == 1 and findings[0].fix is None


def test_tracking_params_fixture_and_seed() -> None:
    assert lines(rule_fixture("tracking-params.md"), "DD303") == [9, 10, 11]
    assert lines(SEED_TEXT, "DD303") == [38]
    assert lines(fixed(SEED_TEXT, ["DD303"]), "DD303") == []
