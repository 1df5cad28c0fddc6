"""``ddlint check``: its options, its report and its exit code (ruff's).

0 clean, 1 findings left (or, with ``--exit-non-zero-on-fix``, a file rewritten), 2
an error: bad input, bad config, or a fix that failed verification.
The work itself is ``api.run.check_paths``.
"""

from __future__ import annotations

import sys
from typing import TextIO, get_args

import click

from ddlint import __version__
from ddlint.api.run import CheckRun, RunOptions, check_paths
from ddlint.cli.options import (
    COLOR_CHOICES,
    EXIT_CODES,
    ColorChoice,
    ReportOptions,
    fail,
    project_urls,
    regexes,
    statuses,
    use_color,
)
from ddlint.report import (
    OUTPUT_FORMATS,
    STATISTICS_FORMATS,
    OutputFormat,
    RuleMeta,
    rule_help_uri,
    write_findings,
)
from ddlint.rules import ALL_RULES, UnknownRuleError
from ddlint.text.errors import InputError
from ddlint.text.findings import FailOn, Severity


@click.command(epilog=EXIT_CODES, context_settings={"show_default": True})
@click.argument("paths", nargs=-1)
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what is left.")
@click.option("--fix-only", is_flag=True, help="Apply fixes; report nothing that is left.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that change or move data.")
@click.option(
    "--exit-non-zero-on-fix",
    is_flag=True,
    help="With --fix or --fix-only: exit 1 when a fix changed a file, even if nothing is left.",
)
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a diff; write nothing.")
@click.option("--show-fixes", is_flag=True, help="List the fixes applied (on stderr).")
@click.option(
    "--select",
    multiple=True,
    help="Rules to enable: codes, names, prefixes (DD2) or ALL.  [default: the config's, "
    "else every rule that is not opt-in]",
)
@click.option(
    "--extend-select",
    multiple=True,
    help="Rules to enable on top of the selection.  [default: none]",
)
@click.option(
    "--ignore",
    multiple=True,
    help="Rules to disable.  [default: none]",
)
@click.option(
    "--output-format",
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    help="How findings are reported (--format is an alias).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Count findings per rule instead of listing them, as ruff does (text, github, "
    "json, summary).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option(
    "--fail-on",
    type=click.Choice(get_args(FailOn)),
    default=None,
    show_default=False,
    help="The lowest severity that makes the exit code 1.  [default: the config's fail-on, "
    "else warning]",
)
@click.option(
    "--color",
    "color",
    type=click.Choice(COLOR_CHOICES),
    default="auto",
    help="Colour the text report: auto colours a terminal unless NO_COLOR is set.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Leave out files named on the command line that the config's exclude or "
    ".gitignore covers (for pre-commit, which names every file).",
)
@click.option(
    "--stdin-filename",
    default=None,
    help="The name of the file read from stdin (-), for the report and the config.  [default: -]",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(),
    default=None,
    help="The config file to use.  [default: the nearest .ddlint.toml, or pyproject.toml "
    "with [tool.ddlint], above each file]",
)
@click.option("--check-links", is_flag=True, help="Check every link over the network.")
@click.option(
    "--check-metadata",
    is_flag=True,
    help="Look every paper up against arXiv, Crossref, DBLP and OpenReview.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let the link and metadata checks reach loopback, private and link-local addresses.",
)
# No default here: the link checker's own (ddlint.net.model.CheckOptions) applies.
@click.option(
    "--host-concurrency",
    type=click.IntRange(1, 64),
    default=None,
    help="Link checks in flight per host.  [default: 4]",
)
@click.option(
    "--cache-dir",
    type=click.Path(),
    default=None,
    help="One folder for every cache: results in it, link results in its links/ and "
    "metadata in its metadata/ folder (or the config's cache-dir).  [default: results in "
    ".ddlint_cache/ at the project root, links and metadata in ddlint's folder in the user "
    "cache directory]",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write any cache: results, link results, metadata.",
)
@click.option(
    "--link-exclude",
    metavar="REGEX",
    multiple=True,
    callback=regexes,
    help="Do not check links whose URL this regular expression matches (repeatable).  "
    "[default: none]",
)
@click.option(
    "--link-accept",
    metavar="STATUS",
    multiple=True,
    callback=statuses,
    help="HTTP status codes that count as a working link, e.g. 403,429 (repeatable).  "
    "[default: none]",
)
@click.option(
    "--link-timeout",
    metavar="SECONDS",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Seconds one request may take; the config's link-deadline bounds a link's "
    "every hop and retry together.  [default: 10]",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary line.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option(
    "--diff-base",
    metavar="REF",
    default=None,
    help="Report only rows changed since REF (git).  [default: every row]",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(),
    default=None,
    help="Hide the findings recorded in this file.  [default: none]",
)
@click.option(
    "--write-baseline",
    type=click.Path(),
    default=None,
    help="Record the findings in this file; exit 0.  [default: none]",
)
@click.option(
    "--fix-symlink-targets",
    is_flag=True,
    help="Rewrite a symlink's target even outside the folder checked.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for several files; 1: one process.  "
    "[default: the config's jobs, else one per core]",
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
    color: ColorChoice,
    force_exclude: bool,
    stdin_filename: str | None,
    config_path: str | None,
    check_links: bool,
    check_metadata: bool,
    allow_private: bool,
    host_concurrency: int | None,
    cache_dir: str | None,
    no_cache: bool,
    link_exclude: tuple[str, ...],
    link_accept: frozenset[int],
    link_timeout: float | None,
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
        check_metadata=check_metadata,
        allow_private=allow_private,
        host_concurrency=host_concurrency,
        cache_dir=cache_dir,
        no_cache=no_cache,
        link_exclude=link_exclude,
        link_accept=link_accept,
        link_timeout=link_timeout,
        progress=not quiet,
        diff_base=diff_base,
        baseline_path=baseline_path,
        write_baseline=write_baseline,
        fix_symlink_targets=fix_symlink_targets,
        force_exclude=force_exclude,
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
        color=color,
    )
    raise SystemExit(run_check(paths, run_options, report))


def run_check(paths: tuple[str, ...], options: RunOptions, report: ReportOptions) -> int:
    """Run the check and report it; the exit code."""
    if report.exit_zero and report.exit_non_zero_on_fix:  # one asks 0, the other 1 (as ruff)
        return fail("--exit-zero and --exit-non-zero-on-fix cannot be used together")
    if report.statistics and report.output_format not in STATISTICS_FORMATS:
        formats = ", ".join(STATISTICS_FORMATS)
        return fail(f"--statistics has no {report.output_format} form; use one of {formats}")
    try:
        run = check_paths(paths, options)
    except InputError as exc:  # a file, path, config, git revision or baseline
        return fail(str(exc), debug=report.debug)
    except UnknownRuleError as exc:
        return fail(f"--select/--ignore: {exc}", debug=report.debug)
    if run.files == 0 and not run.errors:
        click.echo(f"ddlint: warning: {run.nothing_to_check()}", err=True)
        if run.fixed_stdin is not None:  # stdin left out by --force-exclude, given back
            sys.stdout.write(run.fixed_stdin)
        elif report.output_format not in ("text", "github"):  # `[]`, an empty SARIF log
            _report(run, options, report, sys.stdout)
        return 0
    # The fixed text of stdin is the only thing on stdout (ruff's way): the report goes to
    # stderr, so `ddlint check --fix - < a.md > b.md` writes exactly the fixed file. Stdin
    # that could not be fixed comes back unchanged, and undecodable stdin not at all.
    out = sys.stdout
    if "-" in paths and options.fixing and not options.show_diff:
        if run.fixed_stdin is not None:
            sys.stdout.write(run.fixed_stdin)
            sys.stdout.flush()
        out = sys.stderr
    if report.show_fixes:
        for display, finding in run.applied:
            click.echo(f"{display}:{finding.line}: fixed {finding.code} {finding.name}", err=True)
    if run.baseline_written is not None:
        click.echo(f"Wrote {run.baseline_written} finding(s) to {options.write_baseline}", err=True)
        code = 0
    else:
        code = _report(run, options, report, out)
    if report.exit_non_zero_on_fix and (run.rewritten or run.stdin_changed):
        code = max(code, 1)
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


def _report(run: CheckRun, options: RunOptions, report: ReportOptions, out: TextIO) -> int:
    if options.show_diff:
        out.write("".join(run.diffs))
        return 1 if run.diffs else 0
    if options.fix_only:
        if run.rewritten and not report.quiet:
            click.echo(f"Fixed {len(run.rewritten)} file(s): {', '.join(run.rewritten)}", err=True)
        return 0
    fmt = report.output_format
    findings = sorted(run.findings, key=lambda f: (f.path, f.line, f.column, f.code))
    home = rules_page = None
    if fmt == "sarif":  # only SARIF links to the project (start-up time)
        from ddlint.report.sarif import project_links

        home, rules_page = project_links(project_urls())
    rules = {r.code: RuleMeta.of(r, rule_help_uri(rules_page, r.code, r.name)) for r in ALL_RULES}
    # Written piece by piece: on a large list the report would otherwise sit in memory
    # whole, next to the findings it is made from (peak memory).
    write_findings(
        out.write,
        findings,
        fmt,
        sources=run.sources,
        rules=rules,
        statistics=report.statistics,
        files_checked=run.files,
        tool_version=__version__,
        failed_files=len(run.errors),
        color=use_color(report.color, out),
        information_uri=home,
        nothing_checked=run.nothing_to_check() if run.files == 0 else None,
    )
    to_stderr = out is sys.stderr
    if fmt == "text" and not report.quiet:
        if run.rewritten:
            click.echo(f"Fixed {len(run.rewritten)} file(s).", err=to_stderr)
        if run.baselined:
            click.echo(f"{run.baselined} finding(s) hidden by the baseline.", err=to_stderr)
        if run.paper_tables == 0 and run.files > 0:
            click.echo(
                f"No paper table found in {run.files} file(s): nothing to check.", err=to_stderr
            )
    if report.exit_zero:
        return 0
    threshold = Severity(report.fail_on or run.config.fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in findings) else 0
