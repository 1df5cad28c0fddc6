"""One file of a ``ddlint check``: read, lint or fix it (links too, when asked), keep the
rows changed since a git revision; what it gives is a ``FileOutcome``, whose parts the
run puts together in file order (``api.run``). It writes nothing: fixed text is handed
back, for the run to write once every file was checked.

Everything here may run in a worker process (``api.workers``): arguments and results
are plain data that pickle.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ddlint import api
from ddlint.engine.config import Config
from ddlint.engine.linter import LintResult, lint, lint_parsed
from ddlint.rules import ALL_RULES
from ddlint.text.errors import InputError
from ddlint.text.findings import Finding
from ddlint.text.source import Source, SourceError, decode, read_source

if TYPE_CHECKING:  # loaded by the runs that use them: --check-links, the result cache
    from ddlint.api.run import RunOptions
    from ddlint.engine.resultcache import ResultCache
    from ddlint.net.metadata.model import MetadataOutcome, PaperId
    from ddlint.net.model import LinkResult


class UsageError(InputError):
    """A problem with the command itself; exit 2."""


@dataclass(frozen=True)
class FileError:
    """Why one file was not checked, or not fixed, while the others were."""

    path: str
    message: str  # one line, naming the file
    refused: bool = False  # a fix that failed verification: the file was not written
    traceback: str | None = None  # of an unexpected error, for --debug
    read: bool = False  # it was read (and counts as checked) before it failed
    # Stdin's text when it was read but could not be fixed: a fix of stdin puts it back
    # on stdout unchanged, so `ddlint check --fix - < a.md > b.md` never empties b.md.
    unchanged_stdin: str | None = None


@dataclass
class FileOutcome:
    """What checking one file found, and what its fix would write."""

    display: str  # the name the report gives the file
    text_for_report: str
    findings: list[Finding] = field(default_factory=list)
    paper_tables: int = 0
    write: tuple[Source, str] | None = None  # the fixed text, written at the run's end
    diff: str | None = None  # --diff: the fix as a unified diff
    fixed_stdin: str | None = None  # stdin once fixed (changed or not): it goes to stdout
    stdin_changed: bool = False  # the fixes changed it
    applied: list[tuple[str, Finding]] = field(default_factory=list)


@dataclass(frozen=True)
class Caches:
    """Where a run keeps what it may reuse: lint results (None: not cached), link results
    and paper metadata (None: the network package's own folders)."""

    results: ResultCache | None = None
    links: Path | None = None
    metadata: Path | None = None


def file_error(name: str, exc: BaseException) -> FileError:
    """The one line a failed file gets in the report (and its traceback, for --debug)."""
    if isinstance(exc, SourceError):
        return FileError(name, str(exc))
    verify = sys.modules.get("ddlint.fix.verify")  # loaded by a run that fixes, only
    if verify is not None and isinstance(exc, verify.FixError):
        detail = f"{exc.diff}\n" if exc.diff else ""
        return FileError(
            name,
            f"{detail}{name}: fix refused: verification failed ({exc.check}): {exc.detail}. "
            f"This is a ddlint bug; {name} was not written. Please report it.",
            refused=True,
        )
    import traceback  # a ddlint bug: the one case with a traceback to keep

    return FileError(
        name,
        f"{name}: internal error: {type(exc).__name__}: {exc}. This is a ddlint bug; "
        f"{name} was not written (--debug shows the traceback). Please report it.",
        traceback="".join(traceback.format_exception(exc)),
    )


def check_file(
    name: str,
    config: Config,
    codes: set[str],
    options: RunOptions,
    caches: Caches,
    stdin: BinaryIO | None = None,
) -> FileOutcome | FileError:
    """Check (and with the fix options, fix) one file; ``-`` is stdin.

    What goes wrong with the file is its ``FileError``; what is wrong with the run
    itself (an option, a git revision) is raised as ``InputError``.
    """
    shown = (options.stdin_filename or "-") if name == "-" else name
    try:
        if name == "-":
            source = decode((stdin or sys.stdin.buffer).read(), shown)
        else:
            source = read_source(name, max_bytes=config.max_file_size)
    except Exception as exc:
        if isinstance(exc, InputError) and not isinstance(exc, SourceError):
            raise
        return file_error(shown, exc)
    try:
        return _check_source(name, source, config, codes, options, caches)
    except Exception as exc:
        if isinstance(exc, InputError) and not isinstance(exc, SourceError):
            raise  # an option or a git revision: wrong for the whole run
        unchanged = source.text if name == "-" else None
        return replace(file_error(shown, exc), read=True, unchanged_stdin=unchanged)


def _check_source(
    name: str,
    source: Source,
    config: Config,
    codes: set[str],
    options: RunOptions,
    caches: Caches,
) -> FileOutcome:
    display = source.path
    text = source.text
    outcome = FileOutcome(display, text)
    links: dict[str, LinkResult] | None = None
    metadata: dict[PaperId, MetadataOutcome] | None = None
    if options.fixing:
        from ddlint.fix.fixer import fix_text  # only a fix needs it (start-up time)

        # The codes are already selected (config and options together): the fixer
        # takes them as they are, so an --ignore is not undone by the config.
        result = fix_text(
            text,
            path=display,
            codes=codes,
            settings=config.settings(),
            unsafe=options.unsafe_fixes,
        )
        new_text, lint_result, applied = result.text, result.remaining, list(result.applied)
        if options.check_links:
            links = _fetch_links(lint_result, options, config, caches)
            redirected = _fix_links(new_text, lint_result, links, display, config, codes, options)
            if redirected is not None:
                new_text, applied = redirected.text, applied + list(redirected.applied)
                lint_result = lint(new_text, path=display, codes=codes, settings=config.settings())
        if options.check_metadata:
            from ddlint.api.metadatarun import fix_with_metadata

            new_text, lint_result, metadata, more = fix_with_metadata(
                new_text, lint_result, display, codes, config, options, caches
            )
            applied += more
        if name == "-" and not options.show_diff:
            outcome.fixed_stdin, outcome.stdin_changed = new_text, new_text != text
        if new_text != text:
            if options.show_diff:
                outcome.diff = _unified(source, new_text)
            elif name != "-":
                outcome.write = (source, new_text)
            outcome.applied = [(display, finding) for finding in applied]
        outcome.text_for_report = new_text if not options.show_diff else text
    elif options.check_links or options.check_metadata:
        lint_result = lint(text, path=display, codes=codes, settings=config.settings())
        if options.check_links:
            links = _fetch_links(lint_result, options, config, caches)
        if options.check_metadata:
            from ddlint.api.metadatarun import fetch

            metadata = fetch(lint_result, options, config, caches)
    else:
        cache = caches.results if name != "-" else None  # stdin is not cached
        lint_result = None
        findings, outcome.paper_tables = _lint_or_reuse(display, text, config, codes, cache)
    if lint_result is not None:
        if links is not None or metadata is not None:
            # Once more with the network's results: their rules are selected and
            # suppressed like every rule, and DD001 sees what their comments silenced.
            lint_result = lint_parsed(
                lint_result.document,
                lint_result.records,
                path=display,
                codes=codes,
                settings=config.settings(),
                link_results=links,
                metadata=metadata,
            )
        outcome.paper_tables = _paper_tables(lint_result)
        findings = list(lint_result.findings)
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    if options.diff_base:
        findings = _on_changed_rows(name, findings, options.diff_base)
    outcome.findings = findings
    return outcome


def _paper_tables(result: LintResult) -> int:
    return sum(1 for table in result.records.tables if table.is_paper)


def _lint_or_reuse(
    name: str, text: str, config: Config, codes: set[str], cache: ResultCache | None
) -> tuple[list[Finding], int]:
    """The findings and paper tables of ``text``: from the result cache when it holds
    them for this text and these settings, else linted (and stored)."""
    if cache is None:
        result = lint(text, path=name, codes=codes, settings=config.settings())
        return list(result.findings), _paper_tables(result)
    slot = cache.slot(name, text, codes, config)
    cached = cache.get(slot, text)
    if cached is not None:
        return cached.findings, cached.paper_tables
    result = lint(text, path=name, codes=codes, settings=config.settings())
    tables = _paper_tables(result)
    cache.put(slot, result.findings, tables)
    return list(result.findings), tables


def _on_changed_rows(name: str, findings: list[Finding], base: str) -> list[Finding]:
    if name == "-":
        raise UsageError("--diff-base needs files to compare with git, not stdin")
    from ddlint.engine.gitdiff import changed_lines

    changed = changed_lines(name, base)
    # Findings about a whole table or document have no row of their own to be "changed".
    row_level = ALL_RULES.codes(lambda rule: rule.scope == "row")
    kept: list[Finding] = []
    for finding in findings:
        if finding.code not in row_level:
            continue
        # A table-level finding names the changed rows it stands for, each on its own.
        kept.extend(part for part in finding.parts or (finding,) if _touches(part, changed))
    return kept


def _touches(finding: Finding, changed: set[int]) -> bool:
    """Whether a line of the finding changed: a finding over several rows (DD104's block
    of rows) is kept when any of them did."""
    last = finding.end_line
    if last > finding.line and finding.end_column == 1:  # ends where the next line starts
        last -= 1
    return any(line in changed for line in range(finding.line, last + 1))


def _fetch_links(
    result: LintResult, options: RunOptions, config: Config, caches: Caches
) -> dict[str, LinkResult]:
    # Imported here: only --check-links pays for httpx (start-up time).
    from ddlint.engine.linkfindings import fetch_link_outcomes
    from ddlint.net.model import CheckOptions

    check = CheckOptions(
        allow_private=options.allow_private,
        cache_dir=caches.links,
        use_cache=not options.no_cache,
        progress=options.progress,
        accept=options.link_accept,
        exclude=options.link_exclude,
    )
    if options.link_timeout is not None:
        check = replace(check, timeout=options.link_timeout)
    if options.host_concurrency is not None:
        check = replace(check, host_concurrency=options.host_concurrency)
    if config.link_deadline is not None:  # None: the checker's own deadline
        check = replace(check, deadline=config.link_deadline)
    # The command runs without the cyclic collector (``_entry``); asyncio and httpx
    # make reference cycles, so it collects while links are checked.
    paused = not gc.isenabled()
    gc.enable()
    try:
        return fetch_link_outcomes(result, check)
    finally:
        if paused:
            gc.disable()


def _fix_links(
    text: str,
    result: LintResult,
    outcomes: Mapping[str, LinkResult],
    path: str,
    config: Config,
    codes: set[str],
    options: RunOptions,
) -> api.FixResult | None:
    """The fix of the links the check found redirected, when it changes anything."""
    from ddlint.engine.linkfindings import link_findings

    if not any(f.fix is not None for f in link_findings(result, outcomes, path, codes)):
        return None
    fixed = api.fix_links(
        text, outcomes, path=path, config=config, unsafe=options.unsafe_fixes, codes=codes
    )
    return fixed if fixed.applied else None


def _unified(source: Source, new: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(
            source.text.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{source.path}",
            f"b/{source.path}",
        )
    )
