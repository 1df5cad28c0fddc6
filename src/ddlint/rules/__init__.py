"""The explicit registry of rules. An unknown code or name is an error, loudly."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.options import Option, RuleSettings

__all__ = [
    "ALL_RULES",
    "Option",
    "Rule",
    "RuleContext",
    "RuleSettings",
    "UnknownRuleError",
    "declared_options",
    "get_rule",
    "resolve",
]


class UnknownRuleError(ValueError):
    def __init__(self, token: str) -> None:
        super().__init__(f"unknown rule {token!r} (see `ddlint rules`)")
        self.token = token


# The registry, in code order. Each module defines ``RULE``, its rule class.
RULE_MODULES = (
    "core.dd001_unused_suppression",
    "structure.dd101_table_interrupted",
    "structure.dd102_stray_row",
    "structure.dd103_cell_count",
    "structure.dd104_broken_table",
    "structure.dd105_unescaped_pipe",
    "structure.dd106_absorbed_line",
    "fields.dd201_placeholder_row",
    "fields.dd202_empty_title",
    "fields.dd203_missing_authors",
    "fields.dd204_missing_venue",
    "fields.dd205_wrong_section",
    "fields.dd206_misplaced_cell",
    "fields.dd207_duplicate_paper",
    "fields.dd208_inconsistent_spelling",
    "fields.dd209_unparsed_venue",
    "links.dd301_empty_link",
    "links.dd302_malformed_url",
    "links.dd303_tracking_params",
    "links.dd304_insecure_link",
    "links.dd305_arxiv_form",
    "links.dd306_broken_fragment",
    "links.dd307_duplicate_link",
    "links.dd308_nav_out_of_date",
    "links.dd310_dead_link",
    "links.dd311_redirected_link",
    "links.dd312_unverifiable_link",
    "links.dd313_link_not_checked",
    "format.dd401_unsorted_rows",
    "format.dd402_cell_format",
    "format.dd403_venue_format",
    "format.dd404_title_format",
)


def _all_rules() -> tuple[type[Rule], ...]:
    rules: list[type[Rule]] = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"ddlint.rules.{name}")
        rules.append(module.RULE)
    return tuple(rules)


ALL_RULES: tuple[type[Rule], ...] = _all_rules()
_BY_KEY: dict[str, type[Rule]] = {}
for _rule in ALL_RULES:
    for _key in (_rule.code, _rule.name):
        if _key.upper() in _BY_KEY:
            raise RuntimeError(f"duplicate rule key {_key}")
        _BY_KEY[_key.upper()] = _rule


def get_rule(token: str) -> type[Rule]:
    """The rule with this code (``DD201``) or name (``placeholder-row``)."""
    rule = _BY_KEY.get(token.strip().upper())
    if rule is None:
        raise UnknownRuleError(token)
    return rule


def _is_prefix(token: str) -> bool:
    token = token.strip().upper()
    return token in ("ALL", "DD") or any(
        rule.code.startswith(token) for rule in ALL_RULES if token.startswith("DD")
    )


def resolve(tokens: Iterable[str]) -> set[str]:
    """Codes selected by codes, names, prefixes (``DD2``) or ``ALL``."""
    codes: set[str] = set()
    for token in tokens:
        upper = token.strip().upper()
        if upper in _BY_KEY:
            codes.add(_BY_KEY[upper].code)
        elif _is_prefix(upper):
            codes.update(r.code for r in ALL_RULES if upper == "ALL" or r.code.startswith(upper))
        else:
            raise UnknownRuleError(token)
    return codes


def declared_options(rules: Iterable[type[Rule]]) -> list[Option[Any]]:
    """The options ``rules`` declare (``Rule.options``), in rule order; a key declared
    twice is an error."""
    options: dict[str, Option[Any]] = {}
    for rule in rules:
        for option in rule.options:
            if option.key in options:
                raise RuntimeError(f"option {option.key} declared twice ({rule.code})")
            options[option.key] = option
    return list(options.values())
