"""What every rule is: a code, a name, a docstring that documents it, and ``check``.

A rule reads the parsed document and its records through a ``RuleContext`` and
yields findings. It does no I/O and never touches the network: the link rules read
the results of ``--check-links`` from the context, and DD001 reads what the
suppression comments silenced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ddlint.gfm.document import Document
from ddlint.records.model import Records
from ddlint.rules.options import Option, RuleSettings
from ddlint.text.findings import Applicability, Edit, Finding, Fix, Severity
from ddlint.text.spans import Span

if TYPE_CHECKING:  # only --check-links and --check-metadata load ddlint.net
    from ddlint.net.metadata.model import MetadataOutcome, PaperId
    from ddlint.net.model import LinkResult

Scope = Literal["row", "table", "document"]
Fixability = Literal["never", "sometimes", "always"]
FixSafety = Literal["safe", "unsafe", "mixed"]


class Rule:
    """Base of all rules. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    # What a finding is about. "row": a line of its own (a row, a cell or a link in it, a
    # comment), so ``--diff-base`` keeps the finding when that line changed. "table" or
    # "document": the shape or order of a whole table, or the document, which no changed
    # line owns, so ``--diff-base`` drops it.
    scope: ClassVar[Scope]
    fixable: ClassVar[Fixability] = "never"
    # The applicability of every fix the rule makes: "safe", "unsafe" (the fix passes
    # without --unsafe-fixes leave the rule out), or "mixed" (some of each).
    fix_safety: ClassVar[FixSafety] = "safe"
    # Its fixes may edit text outside tables (quick links, anchors): the fixer's check of
    # the lines outside tables allows one changed line per such fix applied.
    edits_outside_tables: ClassVar[bool] = False
    # Its fixes put rows in order by their values: with unsafe fixes, such a fix waits
    # until no unsafe fix edits the rows it moves (``fix.plan._waiting_sorts``).
    reorders_rows: ClassVar[bool] = False
    # Its fixes append rows at the end of a table: the insertions of several of its fixes
    # at one point go in one pass, in the order of their findings, as one pass after
    # another would put them (``fix.plan.choose_fixes``); others wait for the next pass.
    appends_rows: ClassVar[bool] = False
    # Its findings that share a reason on the rows of one paragraph of stray rows (a run
    # behind one blank gap) have one cause: the linter reports each run once, as it
    # reports a table once when most of its rows share the reason (``engine.collapse``).
    collapses_runs: ClassVar[bool] = False
    severity: ClassVar[Severity] = Severity.WARNING
    # The configuration keys the rule owns (``ddlint.rules.options``), and those it reads
    # that another rule owns.
    options: ClassVar[tuple[Option[Any], ...]] = ()
    other_options: ClassVar[tuple[Option[Any], ...]] = ()
    # Rules a user must opt into (with --select or config).
    default_enabled: ClassVar[bool] = True
    # Findings made from --check-links or --check-metadata results (``ctx.link_results``,
    # ``ctx.metadata``): the rule finds nothing without them. Selected and suppressed like
    # every rule.
    network: ClassVar[bool] = False
    # Runs after the other rules' findings were suppressed, and reads what the
    # suppression comments silenced (``ctx.suppressions``).
    after_suppressions: ClassVar[bool] = False

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def page(cls) -> str:
        """The rule's documentation page: its docstring's Markdown without the title line
        (What it does, Why is this bad?, Example, Use instead, Fix safety, Options)."""
        parts = (cls.__doc__ or "").strip().split("\n", 1)
        return parts[1].strip() if len(parts) > 1 else ""

    @classmethod
    def section(cls, title: str) -> str:
        """The text of the page's ``## title`` section; empty when the page has none."""
        for block in ("\n" + cls.page()).split("\n## ")[1:]:
            heading, _, body = block.partition("\n")
            if heading.strip() == title:
                return body.strip()
        return ""

    @classmethod
    def family(cls) -> str:
        """Its family, the package its module lives in: core, structure, fields, links or
        format (``ddlint.rules.<family>.ddNNN_name``); "" for a rule defined elsewhere."""
        parts = cls.__module__.split(".")
        return parts[2] if len(parts) > 3 and parts[:2] == ["ddlint", "rules"] else ""

    @classmethod
    def summary(cls) -> str:
        """The docstring's title line, without its ``DDxxx name:`` prefix."""
        first = (cls.__doc__ or "").strip().split("\n", 1)[0]
        summary = first.split(": ", 1)[-1].strip() or cls.name
        return summary[:1].upper() + summary[1:]


# The syntax of a suppression comment, ``<!-- ddlint-disable DD204 -->`` (applied by
# ``ddlint.engine.suppress``): the directive's name alone, group 1 its kind; and the
# whole comment, group 1 its kind and group 2 its codes. ``disable-line`` stands inside a
# table cell and silences its own row (a comment line between rows would end the table).
SUPPRESSION_DIRECTIVE = re.compile(
    r"ddlint-(disable-next-line|disable-line|disable|enable)", re.IGNORECASE
)
SUPPRESSION_COMMENT = re.compile(
    rf"<!--\s*{SUPPRESSION_DIRECTIVE.pattern}\b([^>]*?)\s*-->", re.IGNORECASE
)


@dataclass
class Suppression:
    """A suppression comment, as the linter applied it (``ddlint.engine.suppress``)."""

    kind: str  # "disable", "disable-next-line", "disable-line" or "enable"
    codes: frozenset[str]  # empty: every rule
    span: Span
    line: int
    used: bool = False  # it silenced a finding
    # It names a network rule (DD310–DD313, DD501–DD504), whose findings need the network
    # and change from run to run: whether it silences one now says little of whether it
    # is stale.
    network: bool = False
    unknown: list[str] = field(default_factory=list)  # names no rule has
    # It stands inside a table cell. There only ``disable-line`` works: a comment of
    # another kind is read, applied to nothing, and reported (DD001).
    in_cell: bool = False


@dataclass
class RuleContext:
    document: Document
    records: Records
    settings: RuleSettings = field(default_factory=RuleSettings)
    # Where the findings are reported; ``finding`` makes them final, fingerprint included:
    # every finding is made by it.
    path: str = "-"
    # The --check-links result of each URL checked; None when links were not checked.
    link_results: Mapping[str, LinkResult] | None = None
    # The --check-metadata outcome of each paper id looked up; None when not looked up.
    metadata: Mapping[PaperId, MetadataOutcome] | None = None
    # The document's suppression comments, once the findings of the rules that run
    # before them were suppressed (``Rule.after_suppressions``).
    suppressions: Sequence[Suppression] = ()
    # Per-document data several rules read (the links of every row, …), computed once by
    # the helper that owns it (``rules/_links.py``), keyed by that helper's name.
    shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # Fingerprints made, and per rule and line the hash that has read the line.
    _fingerprints: dict[tuple[str, int, int, int], Any] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    @cached_property
    def text(self) -> str:
        return self.document.text

    def position(self, offset: int) -> tuple[int, int]:
        """``document.line_index.position(offset)``: 1-based line and column."""
        return self.document.line_index.position(offset)

    def finding(
        self,
        rule: Rule,
        span: Span,
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        reason: str = "",
    ) -> Finding:
        """The finding, made final. ``reason``: the cause in words that name no row,
        for a finding the rule may make on most rows of a table (``engine.collapse``)."""
        document = self.document
        line, column = self.position(span.start)
        end_line, end_column = self.position(max(span.end, span.start))
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=severity or rule.severity,
            message=message,
            span=span,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=fix,
            path=self.path,
            fingerprint=fingerprint(document, rule.code, line, span, self._fingerprints),
            reason=reason,
        )


def fingerprint(
    document: Document,
    code: str,
    line: int,
    span: Span,
    memo: dict[tuple[str, int, int, int], Any] | None = None,
) -> str:
    """A content fingerprint that survives line moves: the rule, the text of the
    finding's line, and the text it points at.

    ``memo`` keeps, per rule and line, the hash that has read the line, and each
    fingerprint already made: a rule can report thousands of findings on one long
    line (often at the same span, a cell whose links cannot be told apart), and
    hashing the line again for each would cost the line's length every time.
    """
    key = (code, line, span.start, span.end)
    if memo is not None and key in memo:
        return str(memo[key])
    line_key = (code, line, -1, -1)
    hasher = memo.get(line_key) if memo is not None else None
    if hasher is None:
        import hashlib  # fingerprints are made for SARIF and baselines only (start-up time)

        line_text = document.line_text(line).strip() if document.lines else ""
        hasher = hashlib.sha256(f"{code}\0{line_text}\0".encode())
        if memo is not None:
            memo[line_key] = hasher
    hasher = hasher.copy()
    hasher.update(document.text[span.start : span.end].encode())
    digest = hasher.hexdigest()[:20]
    if memo is not None:
        memo[key] = digest
    return digest


def safe_fix(description: str, *edits: Edit) -> Fix:
    return Fix(Applicability.SAFE, tuple(edits), description)


def unsafe_fix(description: str, *edits: Edit) -> Fix:
    return Fix(Applicability.UNSAFE, tuple(edits), description)


def delete_line(span: Span) -> Edit:
    return Edit(span, "")
