"""ddlint.inline.urls: the fast url splitting and canonical forms give exactly what the
general code (urllib.parse) gives.

Each property builds inputs of the shape the fast path is for, with hostile characters
mixed in so that its refusals are exercised too, and compares with the reference.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import pytest
from helpers import outcome
from hypothesis import given, settings
from hypothesis import strategies as st
from listgen import SCHEMES, URL_TEXT, url_like

from ddlint.inline import urls


@settings(max_examples=3000)
@given(st.one_of(url_like(), URL_TEXT, st.text(max_size=20)))
def test_split_url_equals_urlsplit(url: str) -> None:
    """Equal to urlsplit; where urlsplit raises, the whole target is one opaque path."""
    expected = outcome(urlsplit, url)
    if isinstance(expected, tuple) and expected[0] == "ValueError":
        assert urls.split_url(url) == ("", "", url, "", "")
        return
    assert urls.split_url(url) == expected
    assert urls.split_url(url).hostname == urlsplit(url).hostname


PART = st.lists(st.sampled_from([*"ab/:?#.", "//", ""]), max_size=5).map("".join)


@settings(max_examples=2000)
@given(st.tuples(SCHEMES, PART, PART, PART, PART))
def test_join_url_equals_urlunsplit(parts: tuple[str, str, str, str, str]) -> None:
    assert urls.join_url(*parts) == urlunsplit(parts)


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/2201.00001",
        "http://github.com/a/b?utm_source=x&id=3#readme",
        "HTTPS://Example.org:8080/p",
        "https://user@host/p",
        "https://[::1]/x",
        "https://exa mple.org",
    ],
)
def test_split_url_examples(url: str) -> None:
    assert outcome(urls.split_url, url) == outcome(urlsplit, url)


def test_the_host_class_is_printable_ascii_without_delimiters() -> None:
    """``_HOST_CHAR`` spelled as ranges is the class ``[^/?#\\[\\]\\x00-\\x20\\x7f-\\U0010ffff]``:
    every code point checked."""
    host = re.compile(urls._HOST_CHAR)
    wanted = {chr(c) for c in range(0x21, 0x7F)} - set("/?#[]")
    assert {chr(c) for c in range(0x110000) if host.fullmatch(chr(c))} == wanted


@pytest.mark.parametrize("url", ["https://[x", "http://[::1/p", "https://ex\u2100ample.org/"])
def test_split_url_takes_what_urlsplit_rejects_as_an_opaque_path(url: str) -> None:
    assert urls.split_url(url) == ("", "", url, "", "")


@settings(max_examples=3000)
@given(st.one_of(url_like(), URL_TEXT))
def test_canonical_web_url_equals_general_path(url: str) -> None:
    url = url.strip()
    fast = outcome(urls._canonical_web_url, url)
    if fast is not None:
        assert fast == outcome(urls._canonical_url, url)
