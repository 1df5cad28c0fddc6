"""The explicit registry of rules. An unknown code or name is an error, loudly.

Adding a rule is its module under ``rules/<family>/`` and its line in
``RULE_MODULES``: everything else (selection, the linter, the fixer's facts, the
configuration keys, ``ddlint rules`` and ``ddlint explain``) reads the registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, overload

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
    "registered",
    "resolve",
]


class UnknownRuleError(ValueError):
    def __init__(self, token: str) -> None:
        self.token = token
        self.suggestion = closest_rule(token)
        hint = f"did you mean {self.suggestion!r}? " if self.suggestion else ""
        super().__init__(f"unknown rule {token!r} ({hint}see `ddlint rules`)")


# The registry, in code order. Each module defines ``RULE``, its rule class.
RULE_MODULES = (
    "core.dd001_unused_suppression",
    "structure.dd101_table_interrupted",
    "structure.dd102_stray_row",
    "structure.dd103_cell_count",
    "structure.dd104_broken_table",
    "structure.dd105_unescaped_pipe",
    "structure.dd106_absorbed_line",
    "structure.dd107_heading_without_space",
    "fields.dd201_placeholder_row",
    "fields.dd202_empty_title",
    "fields.dd203_missing_authors",
    "fields.dd204_missing_venue",
    "fields.dd205_wrong_section",
    "fields.dd206_misplaced_cell",
    "fields.dd207_duplicate_paper",
    "fields.dd208_inconsistent_spelling",
    "fields.dd209_unparsed_venue",
    "fields.dd210_cross_listed_paper",
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
    "metadata.dd501_published_preprint",
    "metadata.dd502_title_mismatch",
    "metadata.dd503_missing_metadata",
    "metadata.dd504_metadata_unverified",
)


class Registry(Sequence[type[Rule]]):
    """The registered rules in code order, and each by its code and name (upper case).

    One object for the life of the process: code that imported ``ALL_RULES`` sees a
    rule ``registered`` later.
    """

    def __init__(self, rules: Iterable[type[Rule]]) -> None:
        self._rules: tuple[type[Rule], ...] = ()
        self.by_key: dict[str, type[Rule]] = {}
        self._set(rules)

    def _set(self, rules: Iterable[type[Rule]]) -> None:
        ordered = tuple(sorted(rules, key=lambda rule: rule.code))
        by_key: dict[str, type[Rule]] = {}
        for rule in ordered:
            for key in (rule.code, rule.name):
                if key.upper() in by_key:
                    raise RuntimeError(f"duplicate rule key {key}")
                by_key[key.upper()] = rule
        self._rules, self.by_key = ordered, by_key

    @overload
    def __getitem__(self, index: int) -> type[Rule]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[type[Rule]]: ...
    def __getitem__(self, index: int | slice) -> type[Rule] | Sequence[type[Rule]]:
        return self._rules[index]

    def __len__(self) -> int:
        return len(self._rules)

    def __iter__(self) -> Iterator[type[Rule]]:
        return iter(self._rules)

    def codes(self, fact: Callable[[type[Rule]], bool]) -> frozenset[str]:
        """The codes of the registered rules with a fact, such as the rules that reorder
        rows: ``ALL_RULES.codes(lambda rule: rule.reorders_rows)``."""
        return frozenset(rule.code for rule in self._rules if fact(rule))


def _load(modules: Iterable[str]) -> list[type[Rule]]:
    return [importlib.import_module(f"ddlint.rules.{name}").RULE for name in modules]


ALL_RULES = Registry(_load(RULE_MODULES))


@contextmanager
def registered(*rules: type[Rule]) -> Iterator[None]:
    """Register ``rules`` while the block runs, as if each had its line in
    ``RULE_MODULES``; the registry is as before afterwards.

    For tests, and for trying a rule out before it has its line. The configuration
    model is built from the registry at import, so such a rule's options are keys of
    ``ddlint.engine.config.config_model(ALL_RULES)``, not of ``Config``.
    """
    before = tuple(ALL_RULES)
    ALL_RULES._set((*before, *rules))
    try:
        yield
    finally:
        ALL_RULES._set(before)


def get_rule(token: str) -> type[Rule]:
    """The rule with this code (``DD201``) or name (``placeholder-row``)."""
    rule = ALL_RULES.by_key.get(token.strip().upper())
    if rule is None:
        raise UnknownRuleError(token)
    return rule


def closest_rule(token: str) -> str | None:
    """The code or name most like ``token`` (a typo: ``DD4O2``, ``missing-venu``), spelt
    as the rule spells it; None when none is close."""
    import difflib

    close = difflib.get_close_matches(token.strip().upper(), ALL_RULES.by_key, n=1, cutoff=0.7)
    if not close:
        return None
    rule = ALL_RULES.by_key[close[0]]
    return rule.code if close[0] == rule.code else rule.name


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
        if upper in ALL_RULES.by_key:
            codes.add(ALL_RULES.by_key[upper].code)
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
