"""What several report formats share: rule metadata, fix counts, and positions of edits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ddlint.text.findings import Applicability, Finding

if TYPE_CHECKING:
    from ddlint.rules.base import Rule
from ddlint.text.spans import LineIndex

SEVERITY_ORDER = ("error", "warning", "info")

# Where a report goes, one piece at a time: a stream's ``write`` or a list's ``append``.
Writer = Callable[[str], object]
# How many JSON tokens ``write_json_value`` joins per write.
_JSON_BATCH = 4096


@dataclass(frozen=True)
class RuleMeta:
    """What a report needs to know about a rule beyond its findings.

    SARIF consumers (GitHub code scanning) show a rule's summary, its description, its
    help page and a help link next to every alert; the Markdown summary names each rule
    once. ``help`` is the rule's page in Markdown (``Rule.page``), ``description`` its
    "What it does", ``severity`` its default level (``Severity`` value), ``tags`` words
    to filter alerts by.
    """

    code: str
    name: str
    summary: str
    help_uri: str | None = None
    description: str = ""
    help: str = ""
    severity: str | None = None
    enabled: bool = True
    tags: tuple[str, ...] = ()

    @classmethod
    def of(cls, rule: type[Rule], help_uri: str | None = None) -> RuleMeta:
        """The metadata of a registered rule, from its class and its page."""
        tags = [rule.family(), "ddlint"]
        if rule.fixable != "never":
            tags.append("fixable")
        if rule.network:
            tags.append("network")
        if not rule.default_enabled:
            tags.append("opt-in")
        return cls(
            code=rule.code,
            name=rule.name,
            summary=rule.summary(),
            help_uri=help_uri,
            description=" ".join(rule.section("What it does").split()),
            help=rule.page(),
            severity=rule.severity.value,
            enabled=rule.default_enabled,
            tags=tuple(tag for tag in tags if tag),
        )


def rule_help_uri(rules_page: str | None, code: str, name: str) -> str | None:
    """The rule's section of the rules page (its anchor, as ``ddlint rules --markdown``
    writes the heading), or None without a page."""
    return f"{rules_page}#{code.lower()}-{name}" if rules_page else None


@dataclass(frozen=True)
class FixCounts:
    """How many findings ``--fix`` repairs, and how many more ``--unsafe-fixes`` adds."""

    safe: int
    unsafe: int


@dataclass(frozen=True)
class RuleCount:
    """One row of ``--statistics``: a rule, how many findings it has, and whether
    ``--fix`` repairs any of them."""

    code: str
    name: str
    count: int
    fixable: bool


def rule_statistics(findings: Sequence[Finding]) -> list[RuleCount]:
    """Per rule, most findings first (then by code)."""
    counts = Counter(f.code for f in findings)
    names = {f.code: f.name for f in findings}
    fixable = {f.code for f in findings if f.fix and f.fix.applicability is Applicability.SAFE}
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [RuleCount(code, names[code], count, code in fixable) for code, count in ordered]


def count_fixes(findings: Sequence[Finding]) -> FixCounts:
    safe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for f in findings if f.fix and f.fix.applicability is Applicability.UNSAFE)
    return FixCounts(safe, unsafe)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class SourceLines:
    """Line indexes of the sources a report was given, built once per file on demand."""

    def __init__(self, sources: Mapping[str, str] | None) -> None:
        self._sources = sources or {}
        self._indexes: dict[str, LineIndex] = {}

    def text(self, path: str) -> str | None:
        return self._sources.get(path)

    def index(self, path: str) -> LineIndex | None:
        if path not in self._sources:
            return None
        if path not in self._indexes:
            self._indexes[path] = LineIndex(self._sources[path])
        return self._indexes[path]

    def position(self, path: str, offset: int) -> tuple[int, int] | None:
        """1-based line and column of ``offset``, or None without the source (or a stale one)."""
        index = self.index(path)
        if index is None:
            return None
        try:
            return index.position(offset)
        except ValueError:
            # The edit points past the end of the text we were given: the source
            # changed since linting. Report offsets only rather than wrong lines.
            return None


def write_json_value(write: Writer, value: object) -> None:
    """``json.dumps(value, indent=2)``, written in pieces.

    ``json.dumps`` joins the encoder's tokens into one string; here they are joined a
    batch at a time (one write per token would be slow), never all of them at once.
    """
    import json  # only the JSON reports write JSON (start-up time)

    tokens: Iterable[str] = json.JSONEncoder(indent=2).iterencode(value)
    batch: list[str] = []
    for token in tokens:
        batch.append(token)
        if len(batch) == _JSON_BATCH:
            write("".join(batch))
            batch.clear()
    write("".join(batch))
