"""A rule's options: declared once, on the rule that owns them, and read through the settings.

An ``Option`` is one key of ``[tool.ddlint]``: its name as written in TOML, the type
its value must have, its default, and what it sets. The rule that owns it lists it in
``Rule.options``; a rule that reads another rule's option lists it in
``Rule.other_options``. ``ddlint.engine.config`` builds the configuration model from
the options of the registered rules, as yamllint's rules carry their ``CONF`` and
``DEFAULT``; a rule reads the value of a run as ``ctx.settings[OPTION]``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast, get_args, get_origin

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Option(Generic[T]):
    """One configuration key (its identity is the object: declare it once, import it)."""

    key: str  # as written in TOML: ``month-style``
    type: Any  # what pydantic validates a value against
    default: T
    help: str  # one line: what the key sets
    # What an error message says the key accepts; for a Literal type, its values.
    expected: str = ""
    # Raises ``ValueError`` for a value of the right type that is still wrong.
    check: Callable[[T], None] | None = None

    @property
    def attribute(self) -> str:
        """The key as a Python name, the configuration model's field: ``month_style``."""
        return self.key.replace("-", "_")

    def accepts(self) -> str:
        """What the key accepts, in the words of an error message."""
        if self.expected:
            return self.expected
        values = [repr(v) for arg in _union(self.type) for v in get_args(arg)]
        return f"one of {', '.join(values)}"


def _union(annotation: Any) -> tuple[Any, ...]:
    """The Literal parts of ``annotation`` (a Literal, or a union holding one)."""
    if get_origin(annotation) is Literal:
        return (annotation,)
    return tuple(arg for arg in get_args(annotation) if get_origin(arg) is Literal)


class RuleSettings:
    """The option values of a run (``[tool.ddlint]``, validated in ``ddlint.engine.config``).

    Values are keyed by option key; a key not given has its option's default. Keywords
    name an option by its Python name: ``RuleSettings(table_style="aligned")``.
    ``header_aliases`` is not a rule's option: it maps header text to record fields,
    and extraction reads it before any rule runs.
    """

    __slots__ = ("_values", "header_aliases")

    def __init__(
        self,
        values: Mapping[str, object] | None = None,
        *,
        header_aliases: Mapping[str, str] | None = None,
        **options: object,
    ) -> None:
        self._values = dict(values or {})
        self._values.update((name.replace("_", "-"), value) for name, value in options.items())
        self.header_aliases = dict(header_aliases or {})

    def __getitem__(self, option: Option[T]) -> T:
        return cast(T, self._values.get(option.key, option.default))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RuleSettings):
            return NotImplemented
        return (self._values, self.header_aliases) == (other._values, other.header_aliases)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"RuleSettings({self._values!r}, header_aliases={self.header_aliases!r})"
