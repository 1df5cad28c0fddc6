"""The configuration model: defaults, the fast default construction, and the style keys
that are unset unless a list sets them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ddlint.engine.config import Config, default_config
from ddlint.rules import ALL_RULES, declared_options


def test_default_config_is_the_declared_defaults() -> None:
    """default_config spells every default out (start-up time); it must not drift."""
    declared = Config.model_construct()
    fast = default_config()
    assert fast == declared == Config.model_validate({})
    assert fast.model_fields_set == declared.model_fields_set == set()
    assert fast.__dict__ == declared.__dict__
    assert list(fast.__dict__) == list(declared.__dict__)  # same field order
    assert fast.settings() == declared.settings()


STYLE_KEYS = ("month-style", "table-style", "sort", "arxiv-form")


def test_style_keys_are_unset_by_default() -> None:
    """Unset means each list's (or table's) own clear convention (issue #19)."""
    settings = Config.model_validate({}).settings()
    values = {option.key: settings[option] for option in declared_options(ALL_RULES)}
    assert {key: values[key] for key in STYLE_KEYS} == dict.fromkeys(STYLE_KEYS)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("month-style", "full"),
        ("table-style", "aligned"),
        ("sort", ["-year", "title"]),
        ("sort", False),
        ("arxiv-form", "pdf"),
    ],
)
def test_style_keys_set_are_kept(key: str, value: object) -> None:
    settings = Config.model_validate({key: value}).settings()
    (option,) = [o for o in declared_options(ALL_RULES) if o.key == key]
    assert settings[option] == value


@pytest.mark.parametrize(
    ("key", "value"),
    [("month-style", "roman"), ("table-style", "tight"), ("sort", ["citations"])],
)
def test_style_keys_refuse_unknown_values(key: str, value: object) -> None:
    with pytest.raises(ValidationError):
        Config.model_validate({key: value})


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("contact", "j\u00fcrgen@example.org"),  # the User-Agent header holds ASCII only
        ("contact", "ada@example.org\r\nX-Evil: 1"),
        ("arxiv-interval", float("inf")),
        ("interval", float("nan")),
        ("interval", 1e300),
    ],
)
def test_metadata_keys_refuse_what_a_request_cannot_carry(key: str, value: object) -> None:
    with pytest.raises(ValidationError):
        Config.model_validate({"metadata": {key: value}})
