"""``[tool.ddlint]`` in ``pyproject.toml``, or the same keys at the top of ``.ddlint.toml``.

The file is found by walking up from the linted file. Keys are validated by
pydantic with unknown keys forbidden; every error names the file, the key and
what it accepts. Command-line options override the file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ddlint.records.columns import DEFAULT_ALIASES
from ddlint.rules import RuleSettings, UnknownRuleError, resolve
from ddlint.text.errors import InputError

CONFIG_FILES = (".ddlint.toml", "pyproject.toml")
_FIELDS = sorted(set(DEFAULT_ALIASES.values()))


class ConfigError(InputError):
    """An invalid configuration; the message names the file and the key."""


class Config(BaseModel):
    # Built on first validation: without a config file nothing is validated (start-up time).
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, defer_build=True)

    select: list[str] | None = None
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    ignore: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    fail_on: Literal["error", "warning", "info"] = Field(default="warning", alias="fail-on")
    month_style: Literal["abbrev-dot", "abbrev", "full", "number"] = Field(
        default="abbrev-dot", alias="month-style"
    )
    sort: list[str] | Literal[False] | None = None
    table_style: Literal["compact", "aligned"] = Field(default="compact", alias="table-style")
    https_hosts: list[str] = Field(default_factory=list, alias="https-hosts")
    arxiv_form: Literal["abs", "pdf"] | None = Field(default=None, alias="arxiv-form")
    header_aliases: dict[str, str] = Field(default_factory=dict, alias="header-aliases")

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _known_rules(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            resolve(value)  # raises UnknownRuleError
        return value

    @field_validator("sort")
    @classmethod
    def _sort_keys(
        cls, value: list[str] | Literal[False] | None
    ) -> list[str] | Literal[False] | None:
        allowed = {"year", "month", "venue", "title", "authors", "type", "task"}
        if isinstance(value, list):
            for key in value:
                if key.lstrip("-+") not in allowed:
                    raise ValueError(f"unknown sort key {key!r}; allowed: {sorted(allowed)}")
        return value

    @field_validator("header_aliases")
    @classmethod
    def _alias_fields(cls, value: dict[str, str]) -> dict[str, str]:
        for header, field in value.items():
            if field not in _FIELDS:
                raise ValueError(f"header {header!r} maps to unknown field {field!r}")
        return value

    def settings(self) -> RuleSettings:
        return RuleSettings(
            month_style=self.month_style,
            sort=self.sort,
            table_style=self.table_style,
            https_hosts=frozenset(self.https_hosts),
            arxiv_form=self.arxiv_form,
            header_aliases=dict(self.header_aliases),
        )


_EXPECTED = {
    "select": "a list of rule codes or names",
    "extend-select": "a list of rule codes or names",
    "ignore": "a list of rule codes or names",
    "exclude": "a list of glob patterns",
    "fail-on": "one of 'error', 'warning', 'info'",
    "month-style": "one of 'abbrev-dot', 'abbrev', 'full', 'number'",
    "sort": "false, or a list of keys such as ['-year', 'venue', 'title']",
    "table-style": "one of 'compact', 'aligned'",
    "https-hosts": "a list of host names",
    "arxiv-form": "one of 'abs', 'pdf'",
    "header-aliases": f"a table of header text = field ({', '.join(_FIELDS)})",
}


def find_config(start: Path) -> Path | None:
    """The nearest ``.ddlint.toml``, or ``pyproject.toml`` with a ``[tool.ddlint]`` table."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory.resolve(), *directory.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _read_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads``, imported only when there is a file to read (start-up time).
    Its ``TOMLDecodeError`` is a ``ValueError``."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(text)


def _has_tool_table(path: Path) -> bool:
    try:
        return "ddlint" in _read_toml(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, ValueError):  # UnicodeDecodeError and TOMLDecodeError included
        return False


def default_config() -> Config:
    """The defaults, without building the validator (nothing to validate).

    Every field is given: for a missing one, model_construct calls its default factory
    and first inspects the factory's signature, ~1 ms per field (start-up time).
    tests/test_config.py checks these equal the declared defaults.
    """
    return Config.model_construct(
        set(),  # _fields_set: nothing was given, as for model_construct()
        select=None,
        extend_select=[],
        ignore=[],
        exclude=[],
        fail_on="warning",
        month_style="abbrev-dot",
        sort=None,
        table_style="compact",
        https_hosts=[],
        arxiv_form=None,
        header_aliases={},
    )


def load_config(path: Path | None) -> Config:
    if path is None:
        return default_config()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    try:
        data = _read_toml(text)
    except ValueError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    table: Any = data.get("tool", {}).get("ddlint", {}) if path.name == "pyproject.toml" else data
    return parse_config(table, str(path))


def parse_config(table: Any, origin: str) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{origin}: [tool.ddlint] must be a table")
    try:
        return Config.model_validate(table)
    except UnknownRuleError as exc:
        raise ConfigError(f"{origin}: {exc}") from None
    except ValidationError as exc:
        raise ConfigError(_describe(exc, origin)) from None


def _describe(error: ValidationError, origin: str) -> str:
    first = error.errors()[0]
    key = str(first["loc"][0]) if first["loc"] else "?"
    key = key.replace("_", "-")
    if first["type"] == "extra_forbidden":
        allowed = ", ".join(sorted(_EXPECTED))
        return f"{origin}: unknown key {key!r} (allowed keys: {allowed})"
    expected = _EXPECTED.get(key, "")
    detail = first["msg"].removeprefix("Value error, ")
    if expected:
        return f"{origin}: key {key!r}: expected {expected} ({detail})"
    return f"{origin}: key {key!r}: {detail}"


def selected_codes(
    config: Config,
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    defaults: set[str],
) -> set[str]:
    """The enabled rule codes: command line over config over the default set.

    Command-line values may hold several comma-separated tokens, as in ruff.
    """
    select = _split_commas(select) if select is not None else None
    extend_select, ignore = _split_commas(extend_select), _split_commas(ignore)
    base = select if select is not None else config.select
    codes = set(defaults) if base is None else resolve(base)
    codes |= resolve([*config.extend_select, *extend_select])
    codes -= resolve([*config.ignore, *ignore])
    return codes


def _split_commas(tokens: Sequence[str]) -> list[str]:
    return [part.strip() for token in tokens for part in token.split(",") if part.strip()]
