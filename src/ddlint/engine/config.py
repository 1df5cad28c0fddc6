"""``[tool.ddlint]`` in ``pyproject.toml``, or the same keys at the top of ``.ddlint.toml``.

The file is found by walking up from the linted file. Keys are validated by
pydantic with unknown keys forbidden; every error names the file, the key and
what it accepts. Command-line options override the file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, field_validator

from ddlint.records.columns import DEFAULT_ALIASES
from ddlint.rules import (
    ALL_RULES,
    Rule,
    RuleSettings,
    UnknownRuleError,
    declared_options,
    resolve,
)
from ddlint.text.errors import InputError
from ddlint.text.findings import FailOn
from ddlint.text.source import DEFAULT_MAX_BYTES

CONFIG_FILES = (".ddlint.toml", "pyproject.toml")
_FIELDS = sorted(set(DEFAULT_ALIASES.values()))


class ConfigError(InputError):
    """An invalid configuration; the message names the file and the key."""


_RULE_LIST = "a list of rule codes or names"


class MetadataConfig(BaseModel):
    """``[tool.ddlint.metadata]``: where ``--check-metadata`` (and ``ddlint add``) ask, and
    how politely. The defaults are the public APIs; tests point them at local servers."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, defer_build=True)

    arxiv_api: str = Field(
        default="https://export.arxiv.org/api/query", alias="arxiv-api", description="a URL"
    )
    crossref_api: str = Field(
        default="https://api.crossref.org", alias="crossref-api", description="a URL"
    )
    dblp_api: str = Field(
        default="https://dblp.org/search/publ/api", alias="dblp-api", description="a URL"
    )
    openreview_api: str = Field(
        default="https://api2.openreview.net", alias="openreview-api", description="a URL"
    )
    # The older forums (before OpenReview's API v2) are served by API v1 only.
    openreview_v1_api: str = Field(
        default="https://api.openreview.net",
        alias="openreview-v1-api",
        description='a URL ("" asks API v2 only)',
    )
    # Sent in the User-Agent header too, which holds printable ASCII only.
    contact: str | None = Field(
        default=None,
        pattern=r"^[\x21-\x7e]+$",
        description="an e-mail address in ASCII (no spaces), sent to Crossref as mailto",
    )
    arxiv_interval: float = Field(
        default=3.0,
        alias="arxiv-interval",
        ge=0,
        le=3600,
        allow_inf_nan=False,
        description="the seconds between two arXiv requests, 0 to 3600 (arXiv asks 3)",
    )
    interval: float = Field(
        default=1.0,
        ge=0,
        le=3600,
        allow_inf_nan=False,
        description="the seconds between two requests to Crossref, DBLP or OpenReview, 0 to 3600",
    )


def metadata_config(config: GeneralConfig) -> MetadataConfig:
    """The ``[tool.ddlint.metadata]`` keys of ``config``, defaults filled in."""
    return config.metadata if config.metadata is not None else MetadataConfig()


class GeneralConfig(BaseModel):
    """The keys no rule owns: which rules run, on which files, what fails the run, and
    the header aliases extraction reads. ``config_model`` adds every rule's options.

    Each field's description is what an error message says the key accepts.
    """

    # Built on first validation: without a config file nothing is validated (start-up time).
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, defer_build=True)

    select: list[str] | None = Field(default=None, description=_RULE_LIST)
    extend_select: list[str] = Field(default=[], alias="extend-select", description=_RULE_LIST)
    ignore: list[str] = Field(default=[], description=_RULE_LIST)
    exclude: list[str] = Field(default=[], description="a list of glob patterns")
    fail_on: FailOn = Field(
        default="warning",
        alias="fail-on",
        description=f"one of {', '.join(map(repr, get_args(FailOn)))}",
    )
    link_deadline: float | None = Field(
        default=None,
        alias="link-deadline",
        gt=0,
        description="the seconds one link may take in all, a positive number",
    )
    max_file_size: int = Field(
        default=DEFAULT_MAX_BYTES,
        alias="max-file-size",
        ge=1,
        description="the largest file read, in bytes (a positive integer)",
    )
    cache_dir: str | None = Field(
        default=None,
        alias="cache-dir",
        description="the folder of every cache, relative to this file's folder (a path)",
    )
    jobs: int | None = Field(
        default=None,
        ge=1,
        description="the worker processes that check several files, a positive integer",
    )
    # None: every key's default (``metadata_config``); building a default instance here
    # would build the model's validator at import (start-up time).
    metadata: MetadataConfig | None = Field(
        default=None,
        description="a table of arxiv-api, crossref-api, dblp-api, openreview-api, "
        "openreview-v1-api, contact, arxiv-interval and interval",
    )
    header_aliases: dict[str, str] = Field(
        default={},
        alias="header-aliases",
        description=f"a table of header text = field ({', '.join(_FIELDS)})",
    )

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _known_rules(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            resolve(value)  # raises UnknownRuleError
        return value

    @field_validator("header_aliases")
    @classmethod
    def _alias_fields(cls, value: dict[str, str]) -> dict[str, str]:
        for header, field in value.items():
            if field not in _FIELDS:
                raise ValueError(f"header {header!r} maps to unknown field {field!r}")
        return value

    def settings(self) -> RuleSettings:
        """The rules' option values (every field ``config_model`` added), by key."""
        general = GeneralConfig.model_fields
        values = {
            field.alias or name: getattr(self, name)
            for name, field in type(self).model_fields.items()
            if name not in general
        }
        return RuleSettings(values, header_aliases=self.header_aliases)


def config_model(rules: Iterable[type[Rule]]) -> type[GeneralConfig]:
    """The configuration model: the general keys, then the options ``rules`` declare."""
    fields: dict[str, Any] = {}
    validators: dict[str, Any] = {}
    for option in declared_options(rules):
        fields[option.attribute] = (
            option.type,
            Field(
                default=option.default,
                alias=option.key,
                title=option.help,
                description=option.accepts(),
            ),
        )
        if option.check is not None:
            validators[f"_check_{option.attribute}"] = field_validator(option.attribute)(
                _validator(option.check)
            )
    return create_model(
        "Config", __base__=GeneralConfig, __module__=__name__, __validators__=validators, **fields
    )


def _validator(check: Callable[[Any], None]) -> Any:
    """A validator that runs an option's ``check`` on its value (after the type's)."""

    def validate(cls: type[GeneralConfig], value: Any) -> Any:
        check(value)
        return value

    return classmethod(validate)


if TYPE_CHECKING:
    # The rules' options are fields made at run time, from the registry: type checkers
    # see the general keys, and code reads the options through ``settings()``.
    Config = GeneralConfig
else:
    Config = config_model(ALL_RULES)


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
    """Whether ``pyproject.toml`` has a ``[tool.ddlint]`` table.

    A file that is not valid TOML is an error, not a file without the table: ignoring
    it would lint (and fix) with defaults the user's own settings may forbid.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return _ddlint_table(path, _parse_toml(path, text)) is not None


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return _read_toml(text)
    except ValueError as exc:  # tomllib's message gives the line and column
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _ddlint_table(path: Path, data: dict[str, Any]) -> Any:
    """``[tool.ddlint]`` of a ``pyproject.toml``; None when it has none."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: `tool` must be a table, not {type(tool).__name__}")
    return tool.get("ddlint")


def default_config() -> Config:
    """The defaults, without building the validator (nothing to validate).

    Every field is given (a copy of its default), as ``model_construct`` would without
    them; tests/engine/test_config.py checks these equal the declared defaults.
    """
    defaults = {name: copy(field.default) for name, field in Config.model_fields.items()}
    return Config.model_construct(set(), **defaults)  # set(): nothing was given


def load_config(path: Path | None) -> Config:
    if path is None:
        return default_config()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    data = _parse_toml(path, text)
    table: Any = _ddlint_table(path, data) or {} if path.name == "pyproject.toml" else data
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
    # What each key accepts, by key as written in TOML.
    accepts = {f.alias or name: f.description or "" for name, f in Config.model_fields.items()}
    first = error.errors()[0]
    key = str(first["loc"][0]) if first["loc"] else "?"
    key = key.replace("_", "-")
    if key == "metadata" and len(first["loc"]) > 1:  # a key of [tool.ddlint.metadata]
        inner = {f.alias or n: f.description or "" for n, f in MetadataConfig.model_fields.items()}
        accepts = {f"metadata.{name}": text for name, text in inner.items()}
        key = f"metadata.{str(first['loc'][1]).replace('_', '-')}"
    if first["type"] == "extra_forbidden":
        allowed = ", ".join(sorted(accepts))
        return f"{origin}: unknown key {key!r} (allowed keys: {allowed})"
    expected = accepts.get(key, "")
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
