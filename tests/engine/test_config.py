"""The configuration model: defaults, and the fast default construction."""

from __future__ import annotations

from ddlint.engine.config import Config, default_config


def test_default_config_is_the_declared_defaults() -> None:
    """default_config spells every default out (start-up time); it must not drift."""
    declared = Config.model_construct()
    fast = default_config()
    assert fast == declared == Config.model_validate({})
    assert fast.model_fields_set == declared.model_fields_set == set()
    assert fast.__dict__ == declared.__dict__
    assert list(fast.__dict__) == list(declared.__dict__)  # same field order
    assert fast.settings() == declared.settings()
