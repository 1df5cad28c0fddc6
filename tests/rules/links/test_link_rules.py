"""DD301–DD308, the link rules, together: on the seed, and on any link target."""

from __future__ import annotations

import pytest
from helpers import SEED_TEXT, lines, link_row, link_table
from hypothesis import given, settings
from hypothesis import strategies as st
from listgen import URL_TEXT, url_like

from ddlint.api import fix_text, lint_text, parse_records


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://[x", id="unclosed-ipv6-bracket"),
        pytest.param("http://[::1/p?utm_source=x", id="unclosed-ipv6-with-query"),
        pytest.param("https://ex\u2100ample.org/p", id="host-changed-by-nfkc"),
    ],
)
def test_targets_urlsplit_rejects_break_no_rule(url: str) -> None:
    """urlsplit raises ValueError for these; every rule, the fixer and the export must not."""
    text = link_table(link_row(url, code=f"[Code]({url})"))
    assert {f.code for f in lint_text(text) if f.line == 3} >= {"DD302"}
    assert fix_text(text, unsafe=True).text.count(url) == 2
    assert parse_records(text)[0].url == url


def test_seed_expectations() -> None:
    assert lines(SEED_TEXT, "DD301") == [31, 42, 79]
    assert lines(SEED_TEXT, "DD303") == [38]
    assert 7 in lines(SEED_TEXT, "DD306")


def test_seed_fixes_together_verify() -> None:
    codes = ["DD301", "DD303", "DD304", "DD305", "DD306", "DD308"]
    result = fix_text(SEED_TEXT, select=codes, unsafe=True)
    assert [f for f in lint_text(result.text, select=codes) if f.fix] == []


LINK_TARGET = st.one_of(url_like(), URL_TEXT).filter(
    lambda url: not any(c in url for c in " \t\n()<>|\\\x00")
)


@settings(max_examples=300, deadline=None)
@given(LINK_TARGET, LINK_TARGET)
def test_no_link_target_breaks_check_fix_or_export(title_url: str, code_url: str) -> None:
    """Every rule reads link targets through ddlint.inline.urls: whatever the target, the
    check, the fixer and the export finish (FixError would be a ddlint bug too)."""
    text = (
        "| Title | Venue | Code |\n|---|---|---|\n"
        f"| [**Engines**]({title_url}) | ICML 2022 | [Code]({code_url}) |\n"
    )
    lint_text(text)
    fix_text(text, unsafe=True)
    parse_records(text)
