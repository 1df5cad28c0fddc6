"""ddlint.records.identity: the fast path of ``loose_key`` gives what the regex gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.records import identity


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from([*"aZ09 _-:.,'()[]*", "é", "ß", "İ", "数", "\u00b2"])))
def test_loose_key_ascii_path_equals_regex(text: str) -> None:
    assert identity.loose_key(text) == identity._NOT_WORD.sub("", text.casefold())
