"""``ddlint check``: its options, its report and its exit code (ruff's).

0 clean, 1 findings left (or, with ``--fix-only --exit-non-zero-on-fix``, a file
rewritten), 2 an error: bad input, bad config, or a fix that failed verification.
The work itself is ``api.run.check_paths``.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass
from typing import get_args

import click

from ddlint import __version__
from ddlint.api.run import CheckRun, RunOptions, check_paths
from ddlint.report import OUTPUT_FORMATS, OutputFormat, RuleMeta, write_findings
from ddlint.rules import ALL_RULES, UnknownRuleError
from ddlint.text.errors import InputError
from ddlint.text.findings import FailOn, Severity


@dataclass(frozen=True)
class ReportOptions:
    """How a run's findings are shown, and what they make the exit code."""

    output_format: OutputFormat = "text"
    statistics: bool = False
    exit_zero: bool = False
    fail_on: FailOn | None = None
    exit_non_zero_on_fix: bool = False
    show_fixes: bool = False
    quiet: bool = False
    debug: bool = False


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what is left.")
@click.option("--fix-only", is_flag=True, help="Apply fixes; report nothing that is left.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that change or move data.")
@click.option("--exit-non-zero-on-fix", is_flag=True, help="With --fix-only: exit 1 if rewritten.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a diff; write nothing.")
@click.option("--show-fixes", is_flag=True, help="List the fixes applied.")
@click.option("--select", multiple=True, help="Rules to enable (codes, names, prefixes).")
@click.option("--extend-select", multiple=True, help="Rules to enable on top of the selection.")
@click.option("--ignore", multiple=True, help="Rules to disable.")
@click.option("--output-format", type=click.Choice(OUTPUT_FORMATS), default="text")
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option("--fail-on", type=click.Choice(get_args(FailOn)), default=None)
@click.option("--stdin-filename", default=None, help="The name of the file read from stdin.")
@click.option("--config", "config_path", type=click.Path(), default=None)
@click.option("--check-links", is_flag=True, help="Check every link over the network.")
@click.option("--allow-private", is_flag=True, help="Let the link check reach private addresses.")
# No default here: the link checker's own (ddlint.net.model.CheckOptions) applies.
@click.option("--host-concurrency", type=click.IntRange(1, 64), default=None)
@click.option("--cache-dir", type=click.Path(), default=None)
@click.option("--no-cache", is_flag=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary line.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option(
    "--diff-base", metavar="REF", default=None, help="Report only rows changed since REF."
)
@click.option(
    "--baseline", "baseline_path", type=click.Path(), default=None, help="Hide known findings."
)
@click.option("--write-baseline", type=click.Path(), default=None, help="Record findings; exit 0.")
@click.option(
    "--fix-symlink-targets",
    is_flag=True,
    help="Rewrite a symlink's target even outside the folder checked.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for several files (default: one per core; 1: one process).",
)
def check(
    paths: tuple[str, ...],
    fix: bool,
    fix_only: bool,
    unsafe_fixes: bool,
    exit_non_zero_on_fix: bool,
    show_diff: bool,
    show_fixes: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: OutputFormat,
    statistics: bool,
    exit_zero: bool,
    fail_on: FailOn | None,
    stdin_filename: str | None,
    config_path: str | None,
    check_links: bool,
    allow_private: bool,
    host_concurrency: int | None,
    cache_dir: str | None,
    no_cache: bool,
    quiet: bool,
    debug: bool,
    diff_base: str | None,
    baseline_path: str | None,
    write_baseline: str | None,
    fix_symlink_targets: bool,
    jobs: int | None,
) -> None:
    """Check Markdown paper lists (files, directories, or - for stdin)."""
    run_options = RunOptions(
        fix=fix,
        fix_only=fix_only,
        unsafe_fixes=unsafe_fixes,
        show_diff=show_diff,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        stdin_filename=stdin_filename,
        config_path=config_path,
        check_links=check_links,
        allow_private=allow_private,
        host_concurrency=host_concurrency,
        cache_dir=cache_dir,
        no_cache=no_cache,
        progress=not quiet,
        diff_base=diff_base,
        baseline_path=baseline_path,
        write_baseline=write_baseline,
        fix_symlink_targets=fix_symlink_targets,
        jobs=jobs,
    )
    report = ReportOptions(
        output_format=output_format,
        statistics=statistics,
        exit_zero=exit_zero,
        fail_on=fail_on,
        exit_non_zero_on_fix=exit_non_zero_on_fix,
        show_fixes=show_fixes,
        quiet=quiet,
        debug=debug,
    )
    raise SystemExit(run_check(paths, run_options, report))


def run_check(paths: tuple[str, ...], options: RunOptions, report: ReportOptions) -> int:
    """Run the check and report it; the exit code."""
    try:
        run = check_paths(paths, options)
    except InputError as exc:  # a file, path, config, git revision or baseline
        return fail(str(exc), debug=report.debug)
    except UnknownRuleError as exc:
        return fail(f"--select/--ignore: {exc}", debug=report.debug)
    if run.fixed_stdin is not None:
        sys.stdout.write(run.fixed_stdin)
    if report.show_fixes:
        for display, finding in run.applied:
            click.echo(f"{display}:{finding.line}: fixed {finding.code} {finding.name}", err=True)
    if run.baseline_written is not None:
        click.echo(f"Wrote {run.baseline_written} finding(s) to {options.write_baseline}", err=True)
        code = 0
    else:
        code = _report(run, options, report)
    if run.errors:
        _report_errors(run, report)
        return 2
    return code


def _report_errors(run: CheckRun, report: ReportOptions) -> None:
    """One line per file that could not be checked or fixed, after the report of the
    others; a refusal also says which files were written."""
    written = f"Written: {', '.join(run.rewritten)}." if run.rewritten else "No file was written."
    for error in run.errors:
        if report.debug and error.traceback:
            click.echo(error.traceback.rstrip("\n"), err=True)
        message = f"{error.message} {written}" if error.refused else error.message
        click.echo(f"ddlint: error: {message}", err=True)


def _report(run: CheckRun, options: RunOptions, report: ReportOptions) -> int:
    if options.show_diff:
        sys.stdout.write("".join(run.diffs))
        return 1 if run.diffs else 0
    if options.fix_only:
        if run.rewritten and not report.quiet:
            click.echo(f"Fixed {len(run.rewritten)} file(s): {', '.join(run.rewritten)}", err=True)
        return 1 if run.rewritten and report.exit_non_zero_on_fix else 0
    fmt = report.output_format
    findings = sorted(run.findings, key=lambda f: (f.path, f.line, f.column, f.code))
    rules = {r.code: RuleMeta(r.code, r.name, r.summary()) for r in ALL_RULES}
    # Written piece by piece: on a large list the report would otherwise sit in memory
    # whole, next to the findings it is made from (peak memory).
    write_findings(
        sys.stdout.write,
        findings,
        fmt,
        sources=run.sources,
        rules=rules,
        statistics=report.statistics,
        files_checked=run.files,
        tool_version=__version__,
        failed_files=len(run.errors),
    )
    if fmt == "text" and not report.quiet:
        if run.rewritten:
            click.echo(f"Fixed {len(run.rewritten)} file(s).")
        if run.baselined:
            click.echo(f"{run.baselined} finding(s) hidden by the baseline.")
        if run.paper_tables == 0:
            click.echo(f"No paper table found in {run.files} file(s): nothing to check.")
    if report.exit_zero:
        return 0
    threshold = Severity(report.fail_on or run.config.fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in findings) else 0


def fail(message: str, *, debug: bool = False) -> int:
    """Say what went wrong, as ``ddlint: error: …``; the exit code 2."""
    if debug:
        traceback.print_exc()
    click.echo(f"ddlint: error: {message}", err=True)
    return 2
