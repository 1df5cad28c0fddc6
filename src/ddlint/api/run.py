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

Several files are checked in worker processes (``api.workers``, ``--jobs``); their
outcomes are taken in the order of the files, so the run is the serial run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ddlint.api.files import Caches, FileError, FileOutcome, UsageError
from ddlint.api.workers import Plan, check_all, default_jobs, worker_count
from ddlint.engine.config import Config, ConfigError, find_config, load_config, selected_codes
from ddlint.engine.gitignore import GitIgnore
from ddlint.engine.linter import default_codes
from ddlint.text.findings import Finding
from ddlint.text.paths import Ignored, collect_paths, excluded, is_left_out
from ddlint.text.source import Source, SourceError, decode, write_atomic

__all__ = ["CheckRun", "FileError", "RunOptions", "UsageError", "check_paths"]


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
    link_timeout: float | None = None  # seconds per request; None: the checker's own
    link_accept: frozenset[int] = frozenset()  # status codes that count as working
    link_exclude: tuple[str, ...] = ()  # regular expressions of URLs not to check
    check_metadata: bool = False  # look each paper up (arXiv, Crossref, DBLP, OpenReview)
    cache_dir: str | None = None  # the root of every cache (``engine.resultcache``)
    no_cache: bool = False
    progress: bool = True
    diff_base: str | None = None
    baseline_path: str | None = None
    write_baseline: str | None = None
    # Rewrite the target of a symlink that points outside the folder checked.
    fix_symlink_targets: bool = False
    # Leave out files named on the command line that ``exclude`` or .gitignore covers.
    force_exclude: bool = False
    jobs: int | None = None  # worker processes; None: the config's, else one per core

    @property
    def fixing(self) -> bool:
        return self.fix or self.fix_only or self.show_diff


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
    # The text of stdin once fixed (changed or not): it goes to stdout, the report to stderr.
    fixed_stdin: str | None = None
    stdin_changed: bool = False  # the fixes changed it
    paper_tables: int = 0
    baselined: int = 0  # findings hidden by --baseline
    baseline_written: int | None = None  # findings recorded by --write-baseline
    files: int = 0
    # Markdown files found but left out by ``exclude`` or .gitignore, and folders .gitignore
    # left out unsearched, for "nothing to check".
    left_out: int = 0
    folders_left_out: int = 0
    errors: list[FileError] = field(default_factory=list)
    workers: int = 0  # the worker processes the files were checked in; 0: this one

    def nothing_to_check(self) -> str:
        """Why a run checked no file: none found, or every one found excluded."""
        if self.left_out:  # found, then excluded: say so, not "none found"
            files = "file found is" if self.left_out == 1 else "files found are"
            found = f"the {self.left_out} Markdown {files} excluded"
            return f"nothing to check: {found} (`exclude` or .gitignore)"
        text = "no Markdown file found (*.md, *.markdown) to check"
        if self.folders_left_out:
            text += f" outside the {self.folders_left_out} folder(s) .gitignore excludes"
        return text


def check_paths(
    paths: Sequence[str], options: RunOptions, *, stdin: BinaryIO | None = None
) -> CheckRun:
    """Check (and with the fix options, fix) every file under ``paths``."""
    config_cache: dict[Path | None, Config] = {}
    explicit = Path(options.config_path) if options.config_path else None
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"{explicit}: no such config file")
    run_config_path = explicit or find_config(Path.cwd())
    run = CheckRun(config=_config_for(run_config_path, config_cache))
    ignored = GitIgnore().ignored
    collected = collect_paths(
        paths or (".",),
        exclude=run.config.exclude,
        ignored=ignored,
        force_exclude=options.force_exclude,
    )
    run.left_out, run.folders_left_out = collected.left_out, collected.folders_left_out
    if "-" in collected.files and _stdin_left_out(
        options, explicit, run.config, config_cache, ignored
    ):
        # An editor passes every buffer with its name: an excluded one is not checked,
        # and a fix gives it back as it came (ruff's way), never an empty buffer.
        collected.files.remove("-")
        run.left_out += 1
        if options.fixing and not options.show_diff:
            run.fixed_stdin = _read_stdin(stdin, options.stdin_filename or "-")
    # Every configuration and selection first: a bad one ends the run before any work.
    plans: list[Plan] = []
    roots = _roots(paths or (".",))
    roots_of: dict[str, Path] = {}
    named = {os.path.normpath(path) for path in paths}
    for name in collected.files:
        config_path = explicit or _find(name)
        config = _config_for(config_path, config_cache)
        within = None if options.force_exclude else _named_folder(name, roots[1:])
        if _excluded_by_its_config(name, config_path, config, named, options.force_exclude, within):
            run.left_out += 1
            continue
        codes = selected_codes(
            config,
            select=options.select or None,
            extend_select=options.extend_select,
            ignore=options.ignore,
            defaults=default_codes(),
        )
        plans.append((name, config, codes))
        roots_of[name] = _root_of(name, roots)
    if options.baseline_path and not options.write_baseline:
        from ddlint.engine.baseline import read_baseline

        read_baseline(options.baseline_path)  # a missing or broken baseline stops the run here
    # Written once every file was checked: (source, new text, the folder a symlink's
    # target must lie in, None for anywhere).
    fixed: list[tuple[Source, str, Path | None]] = []
    jobs = options.jobs or run.config.jobs or default_jobs()
    run.workers = worker_count(plans, options, jobs)
    caches = _caches(options, run.config, run_config_path)
    checked = check_all(plans, options, caches, run.workers, stdin)
    for (name, _, _), outcome in zip(plans, checked):
        if isinstance(outcome, FileError):
            run.files += outcome.read
            run.errors.append(outcome)
            if outcome.unchanged_stdin is not None and options.fixing and not options.show_diff:
                run.fixed_stdin = outcome.unchanged_stdin
            continue
        _add(run, outcome)
        if outcome.write is not None:
            root = None if options.fix_symlink_targets else roots_of[name]
            fixed.append((*outcome.write, root))
    _apply_baseline(run, options)
    for source, new_text, inside in fixed:
        try:
            if write_atomic(source, new_text, symlink_root=inside):
                run.rewritten.append(source.path)
        except SourceError as exc:
            run.errors.append(FileError(source.path, str(exc)))
    return run


def _caches(options: RunOptions, config: Config, config_path: Path | None) -> Caches:
    """The run's caches: results only for a check that neither fixes nor fetches links or
    metadata (network findings are never stored), nothing with ``--no-cache``."""
    if options.no_cache:
        return Caches()
    from ddlint.engine.resultcache import CACHE_DIR_NAME, ResultCache, cache_root, project_root
    from ddlint.engine.resultcache import salt as ddlint_salt

    root = cache_root(options.cache_dir, config, config_path)
    links = root / "links" if root is not None else None
    metadata = root / "metadata" if root is not None else None
    if options.fixing or options.check_links or options.check_metadata:
        return Caches(links=links, metadata=metadata)
    results_root = root or project_root(Path.cwd(), config_path) / CACHE_DIR_NAME
    return Caches(ResultCache(results_root, ddlint_salt()), links, metadata)


def _add(run: CheckRun, outcome: FileOutcome) -> None:
    """One file's outcome into the run, as it comes (in the order of the files)."""
    run.files += 1
    if outcome.diff is not None:
        run.diffs.append(outcome.diff)
    if outcome.fixed_stdin is not None:
        run.fixed_stdin, run.stdin_changed = outcome.fixed_stdin, outcome.stdin_changed
    run.applied.extend(outcome.applied)
    run.paper_tables += outcome.paper_tables
    run.sources[outcome.display] = outcome.text_for_report
    run.findings.extend(outcome.findings)


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


def _named_folder(name: str, folders: list[Path]) -> str | None:
    """The deepest folder named on the command line that holds ``name`` (found in it)."""
    if name == "-":
        return None
    where = Path(os.path.abspath(name))
    holding = [folder for folder in folders if folder in where.parents]
    return str(max(holding, key=lambda folder: len(folder.parts))) if holding else None


def _stdin_left_out(
    options: RunOptions,
    explicit: Path | None,
    run_config: Config,
    config_cache: dict[Path | None, Config],
    ignored: Ignored,
) -> bool:
    """Whether ``--force-exclude`` leaves out stdin for the name ``--stdin-filename`` gives
    it: the run's ``exclude`` and .gitignore (as for a file named on the command line),
    and the named file's own configuration."""
    name = options.stdin_filename
    if not options.force_exclude or not name:
        return False
    if is_left_out(name, Path("."), run_config.exclude, ignored, None):
        return True
    config_path = explicit or _find(name)
    config = _config_for(config_path, config_cache)
    return _excluded_by_its_config(name, config_path, config, set(), True, None)


def _read_stdin(stdin: BinaryIO | None, shown: str) -> str | None:
    """Stdin's text, to give back unchanged; None when it is not text (nothing to give)."""
    try:
        return decode((stdin or sys.stdin.buffer).read(), shown).text
    except SourceError:
        return None


def _excluded_by_its_config(
    name: str,
    config_path: Path | None,
    config: Config,
    named: set[str],
    force: bool,
    within: str | None,
) -> bool:
    """Whether the file's own configuration excludes it: its ``exclude`` globs read from
    the configuration's folder (a nested one too, and whatever the working directory).
    A file found in a folder named on the command line (``within``) is matched only for
    the folders below that one; a file named as such is excluded only with --force-exclude."""
    if name == "-" or config_path is None or not config.exclude:
        return False
    if os.path.normpath(name) in named and not force:
        return False
    root = config_path.parent.resolve()
    return excluded(os.path.abspath(name), root, config.exclude, within=within)


def _config_for(path: Path | None, cache: dict[Path | None, Config]) -> Config:
    if path not in cache:
        cache[path] = load_config(path)
    return cache[path]
