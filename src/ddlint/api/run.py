"""``ddlint check`` end to end, without the command line: files in, findings out.

``check_paths(paths, options)`` finds the files, loads each one's configuration,
lints or fixes it (links included when asked), keeps only the rows changed since a
git revision, applies a baseline, and then writes the fixed files atomically. It
prints nothing: the command line turns the ``CheckRun`` it returns into a report
and an exit code.

What goes wrong with one file (it cannot be read, its fix fails verification, a
rule raises) is recorded in ``CheckRun.errors`` and the other files are still
checked. What is wrong with the run itself (a configuration, an option, a git
revision, a baseline) is raised as ``InputError`` before any file is written:
every configuration is loaded first, and fixed files are written only once every
file was checked.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ddlint import api
from ddlint.engine.config import Config, ConfigError, find_config, load_config, selected_codes
from ddlint.engine.linter import LintResult, default_codes, lint
from ddlint.fix.fixer import FixError, fix_text
from ddlint.rules import ALL_RULES
from ddlint.text.errors import InputError
from ddlint.text.findings import Finding
from ddlint.text.paths import collect_paths
from ddlint.text.source import Source, SourceError, decode, read_source, write_atomic

if TYPE_CHECKING:  # only --check-links loads ddlint.net
    from ddlint.net.model import LinkResult


class UsageError(InputError):
    """A problem with the command itself; exit 2."""


@dataclass(frozen=True)
class RunOptions:
    """What one ``ddlint check`` run does: every option but those of the report."""

    fix: bool = False
    fix_only: bool = False
    unsafe_fixes: bool = False
    show_diff: bool = False
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    stdin_filename: str | None = None
    config_path: str | None = None
    check_links: bool = False
    allow_private: bool = False
    host_concurrency: int | None = None  # None: the link checker's own (``CheckOptions``)
    cache_dir: str | None = None
    no_cache: bool = False
    progress: bool = True
    diff_base: str | None = None
    baseline_path: str | None = None
    write_baseline: str | None = None
    # Rewrite the target of a symlink that points outside the folder checked.
    fix_symlink_targets: bool = False

    @property
    def fixing(self) -> bool:
        return self.fix or self.fix_only or self.show_diff


@dataclass(frozen=True)
class FileError:
    """Why one file was not checked, or not fixed, while the others were."""

    path: str
    message: str  # one line, naming the file
    refused: bool = False  # a fix that failed verification: the file was not written
    traceback: str | None = None  # of an unexpected error, for --debug


@dataclass
class CheckRun:
    """What a run found and did, for the report."""

    config: Config
    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    rewritten: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    # The fixes applied, as (file shown, finding), for --show-fixes.
    applied: list[tuple[str, Finding]] = field(default_factory=list)
    # The fixed text of stdin: it goes to stdout, the report after it.
    fixed_stdin: str | None = None
    paper_tables: int = 0
    baselined: int = 0  # findings hidden by --baseline
    baseline_written: int | None = None  # findings recorded by --write-baseline
    files: int = 0
    errors: list[FileError] = field(default_factory=list)


def check_paths(
    paths: Sequence[str], options: RunOptions, *, stdin: BinaryIO | None = None
) -> CheckRun:
    """Check (and with the fix options, fix) every file under ``paths``."""
    config_cache: dict[Path | None, Config] = {}
    explicit = Path(options.config_path) if options.config_path else None
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"{explicit}: no such config file")
    run = CheckRun(config=_config_for(explicit or find_config(Path.cwd()), config_cache))
    files = collect_paths(paths or (".",), exclude=run.config.exclude)
    # Every configuration and selection first: a bad one ends the run before any work.
    plans = []
    roots = _roots(paths or (".",))
    for name in files:
        config = _config_for(explicit or _find(name), config_cache)
        codes = selected_codes(
            config,
            select=options.select or None,
            extend_select=options.extend_select,
            ignore=options.ignore,
            defaults=default_codes(),
        )
        plans.append((name, config, codes, _root_of(name, roots)))
    if options.baseline_path and not options.write_baseline:
        from ddlint.engine.baseline import read_baseline

        read_baseline(options.baseline_path)  # a missing or broken baseline stops the run here
    # Written once every file was checked: (source, new text, the folder a symlink's
    # target must lie in, None for anywhere).
    fixed: list[tuple[Source, str, Path | None]] = []
    for name, config, codes, root in plans:
        try:
            write = _check_file(name, config, codes, options, run, stdin)
        except Exception as exc:
            if isinstance(exc, InputError) and not isinstance(exc, SourceError):
                raise  # an option or a git revision: wrong for the whole run
            shown = (options.stdin_filename or "-") if name == "-" else name
            run.errors.append(_file_error(shown, exc))
            continue
        if write is not None:
            fixed.append((*write, None if options.fix_symlink_targets else root))
    _apply_baseline(run, options)
    for source, new_text, inside in fixed:
        try:
            if write_atomic(source, new_text, symlink_root=inside):
                run.rewritten.append(source.path)
        except SourceError as exc:
            run.errors.append(FileError(source.path, str(exc)))
    return run


def _roots(paths: Sequence[str]) -> list[Path]:
    """The folders a fixed file may really lie in: the current directory, and each
    directory argument (written as given; ``write_atomic`` resolves them)."""
    found = [Path(os.path.abspath("."))]
    found += [Path(os.path.abspath(name)) for name in paths if name != "-" and Path(name).is_dir()]
    return found


def _root_of(name: str, roots: list[Path]) -> Path:
    """The folder a fixed ``name`` must really lie in: the deepest directory argument
    holding it, else the current directory, else (a file named outside the current
    directory) its own folder."""
    if name == "-":
        return roots[0]
    where = Path(os.path.abspath(name))
    holding = [root for root in roots if root in where.parents]
    return max(holding, key=lambda root: len(root.parts)) if holding else where.parent


def _file_error(name: str, exc: BaseException) -> FileError:
    if isinstance(exc, SourceError):
        return FileError(name, str(exc))
    if isinstance(exc, FixError):
        detail = f"{exc.diff}\n" if exc.diff else ""
        return FileError(
            name,
            f"{detail}{name}: fix refused: verification failed ({exc.check}): {exc.detail}. "
            f"This is a ddlint bug; {name} was not written. Please report it.",
            refused=True,
        )
    return FileError(
        name,
        f"{name}: internal error: {type(exc).__name__}: {exc}. This is a ddlint bug; "
        f"{name} was not written (--debug shows the traceback). Please report it.",
        traceback="".join(traceback.format_exception(exc)),
    )


def _apply_baseline(run: CheckRun, options: RunOptions) -> None:
    """--write-baseline records the findings; --baseline hides them."""
    if not (options.write_baseline or options.baseline_path):
        return
    from ddlint.engine.baseline import read_baseline, write_baseline

    if options.write_baseline:
        write_baseline(options.write_baseline, run.findings)
        run.baseline_written = len(run.findings)
    elif options.baseline_path:
        run.findings, run.baselined = read_baseline(options.baseline_path).filter(run.findings)


def _find(name: str) -> Path | None:
    return find_config(Path(name) if name != "-" else Path.cwd())


def _config_for(path: Path | None, cache: dict[Path | None, Config]) -> Config:
    if path not in cache:
        cache[path] = load_config(path)
    return cache[path]


def _check_file(
    name: str,
    config: Config,
    codes: set[str],
    options: RunOptions,
    run: CheckRun,
    stdin: BinaryIO | None,
) -> tuple[Source, str] | None:
    """Check one file into ``run``; the fixed text to write, if any."""
    if name == "-":
        display = options.stdin_filename or "-"
        source = decode((stdin or sys.stdin.buffer).read(), display)
    else:
        display = name
        source = read_source(name, max_bytes=config.max_file_size)
    run.files += 1
    text = source.text
    link_found: list[Finding] = []
    write: tuple[Source, str] | None = None
    if options.fixing:
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
            outcomes = _fetch_links(lint_result, options, config)
            link_found = _link_findings(lint_result, outcomes, display)
            redirected = _fix_links(new_text, link_found, outcomes, display, config)
            if redirected is not None:
                new_text, applied = redirected.text, applied + list(redirected.applied)
                lint_result = lint(new_text, path=display, codes=codes, settings=config.settings())
                link_found = _link_findings(lint_result, outcomes, display)
        if new_text != text:
            if options.show_diff:
                run.diffs.append(_unified(source, new_text))
            elif name == "-":
                run.fixed_stdin = new_text
            else:
                write = (source, new_text)
            run.applied.extend((display, finding) for finding in applied)
        text_for_report = new_text if not options.show_diff else text
    else:
        lint_result = lint(text, path=display, codes=codes, settings=config.settings())
        text_for_report = text
        if options.check_links:
            outcomes = _fetch_links(lint_result, options, config)
            link_found = _link_findings(lint_result, outcomes, display)
    findings = list(lint_result.findings) + link_found
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    run.paper_tables += sum(1 for t in lint_result.records.tables if t.is_paper)
    run.sources[display] = text_for_report
    if options.diff_base:
        findings = _on_changed_rows(name, findings, options.diff_base)
    run.findings.extend(findings)
    return write


def _on_changed_rows(name: str, findings: list[Finding], base: str) -> list[Finding]:
    if name == "-":
        raise UsageError("--diff-base needs files to compare with git, not stdin")
    from ddlint.engine.gitdiff import changed_lines

    changed = changed_lines(name, base)
    # Findings about a whole table or document have no row of their own to be "changed".
    row_level = ALL_RULES.codes(lambda rule: rule.scope == "row")
    return [f for f in findings if f.code in row_level and _touches(f, changed)]


def _touches(finding: Finding, changed: set[int]) -> bool:
    """Whether a line of the finding changed: a finding over several rows (DD104's block
    of rows) is kept when any of them did."""
    last = finding.end_line
    if last > finding.line and finding.end_column == 1:  # ends where the next line starts
        last -= 1
    return any(line in changed for line in range(finding.line, last + 1))


def _fetch_links(result: LintResult, options: RunOptions, config: Config) -> dict[str, LinkResult]:
    # Imported here: only --check-links pays for httpx (start-up time).
    from ddlint.engine.linkfindings import fetch_link_outcomes
    from ddlint.net.model import CheckOptions

    check = CheckOptions(
        allow_private=options.allow_private,
        cache_dir=Path(options.cache_dir) if options.cache_dir else None,
        use_cache=not options.no_cache,
        progress=options.progress,
    )
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
    found: list[Finding],
    outcomes: Mapping[str, LinkResult],
    path: str,
    config: Config,
) -> api.FixResult | None:
    """The fix of the links the check found redirected, when it changes anything."""
    if not any(f.fix is not None for f in found):
        return None
    result = api.fix_links(text, outcomes, path=path, config=config)
    return result if result.applied else None


def _link_findings(
    result: LintResult, outcomes: Mapping[str, LinkResult], path: str
) -> list[Finding]:
    from ddlint.engine.linkfindings import link_findings

    return link_findings(result, outcomes, path)


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
