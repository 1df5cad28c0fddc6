"""The command line: the only place that prints or exits (ruff's exit codes).

0 clean, 1 findings left (or, with ``--fix-only --exit-non-zero-on-fix``, a file
rewritten), 2 an error: bad input, bad config, or a fix that failed verification.
"""

from __future__ import annotations

import gc
import json
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from ddlint import __version__, api
from ddlint.engine.config import Config, ConfigError, find_config, load_config, selected_codes
from ddlint.engine.linter import default_codes
from ddlint.fix.fixer import FixError
from ddlint.records.export import export_papers, paper_schema
from ddlint.report import RuleMeta, write_findings
from ddlint.rules import ALL_RULES, UnknownRuleError, get_rule
from ddlint.text.errors import InputError
from ddlint.text.findings import Finding, Severity
from ddlint.text.paths import collect_paths
from ddlint.text.source import Source, SourceError, decode, read_source, write_atomic

OUTPUT_FORMATS = ("text", "json", "sarif", "github", "summary")


class UsageError(InputError):
    """A problem with the command itself; exit 2."""


class _DefaultToCheck(click.Group):
    """``ddlint FILE`` and ``ddlint --fix FILE`` mean ``ddlint check …``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, message="ddlint %(version)s")
def cli() -> None:
    """Lint and fix the paper tables of Markdown paper lists, as GitHub renders them."""


# -- check ------------------------------------------------------------------------------


@dataclass
class _Run:
    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    rewritten: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    paper_tables: int = 0
    baselined: int = 0  # findings hidden by --baseline
    files: int = 0


@cli.command()
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
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None)
@click.option("--stdin-filename", default=None, help="The name of the file read from stdin.")
@click.option("--config", "config_path", type=click.Path(), default=None)
@click.option("--check-links", is_flag=True, help="Check every link over the network.")
@click.option("--allow-private", is_flag=True, help="Let the link check reach private addresses.")
@click.option("--host-concurrency", type=click.IntRange(1, 64), default=4)
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
def check(**options: Any) -> None:
    """Check Markdown paper lists (files, directories, or - for stdin)."""
    raise SystemExit(_check(options))


def _check(options: dict[str, Any]) -> int:
    paths: Sequence[str] = options["paths"] or (".",)
    config_cache: dict[Path | None, Config] = {}
    explicit = Path(options["config_path"]) if options["config_path"] else None
    run = _Run()
    try:
        if explicit is not None and not explicit.is_file():
            raise ConfigError(f"{explicit}: no such config file")
        base_config = _config_for(explicit or find_config(Path.cwd()), config_cache)
        files = collect_paths(paths, exclude=base_config.exclude)
        for name in files:
            config = _config_for(explicit or _find(name), config_cache)
            codes = selected_codes(
                config,
                select=options["select"] or None,
                extend_select=options["extend_select"],
                ignore=options["ignore"],
                defaults=default_codes(),
            )
            _check_file(name, config, codes, options, run)
        if _apply_baseline(run, options):
            return 0
    except InputError as exc:  # a file, path, config, git revision or baseline
        return _fail(str(exc), options)
    except UnknownRuleError as exc:
        return _fail(f"--select/--ignore: {exc}", options)
    except FixError as exc:
        detail = f"{exc.diff}\n" if exc.diff else ""
        return _fail(
            f"{detail}fix refused: verification failed ({exc.check}): {exc.detail}. "
            "This is a ddlint bug; nothing was written. Please report it.",
            options,
        )
    return _report(run, options, base_config)


def _apply_baseline(run: _Run, options: dict[str, Any]) -> bool:
    """--write-baseline records the findings and ends the run (True); --baseline hides them."""
    if not (options["write_baseline"] or options["baseline_path"]):
        return False
    from ddlint.engine.baseline import read_baseline, write_baseline

    if options["write_baseline"]:
        write_baseline(options["write_baseline"], run.findings)
        click.echo(f"Wrote {len(run.findings)} finding(s) to {options['write_baseline']}", err=True)
        return True
    if options["baseline_path"]:
        run.findings, run.baselined = read_baseline(options["baseline_path"]).filter(run.findings)
    return False


def _find(name: str) -> Path | None:
    return find_config(Path(name) if name != "-" else Path.cwd())


def _config_for(path: Path | None, cache: dict[Path | None, Config]) -> Config:
    if path not in cache:
        cache[path] = load_config(path)
    return cache[path]


def _check_file(
    name: str, config: Config, codes: set[str], options: dict[str, Any], run: _Run
) -> None:
    if name == "-":
        display = options["stdin_filename"] or "-"
        source = decode(sys.stdin.buffer.read(), display)
    else:
        display = name
        source = read_source(name)
    run.files += 1
    fixing = options["fix"] or options["fix_only"] or options["show_diff"]
    settings = config.settings()
    text = source.text
    link_found: list[Finding] = []
    if fixing:
        result = api.fix_text(
            text, path=display, config=config, select=sorted(codes), unsafe=options["unsafe_fixes"]
        )
        new_text, lint_result, applied = result.text, result.remaining, list(result.applied)
        if options["check_links"]:
            outcomes = _fetch_links(lint_result, options)
            link_found = _link_findings(lint_result, outcomes, display)
            redirected = _fix_links(new_text, link_found, outcomes, display, config)
            if redirected is not None:
                new_text, applied = redirected.text, applied + list(redirected.applied)
                lint_result = api.check_text(
                    new_text, path=display, config=config, select=sorted(codes)
                )
                link_found = _link_findings(lint_result, outcomes, display)
        if new_text != text:
            if options["show_diff"]:
                run.diffs.append(_unified(source, new_text))
            elif name == "-":
                sys.stdout.write(new_text)
            elif write_atomic(source, new_text):
                run.rewritten.append(display)
            if options["show_fixes"]:
                for finding in applied:
                    click.echo(
                        f"{display}:{finding.line}: fixed {finding.code} {finding.name}", err=True
                    )
        text_for_report = new_text if not options["show_diff"] else text
    else:
        from ddlint.engine.linter import lint

        lint_result = lint(text, path=display, codes=codes, settings=settings)
        text_for_report = text
        if options["check_links"]:
            outcomes = _fetch_links(lint_result, options)
            link_found = _link_findings(lint_result, outcomes, display)
    findings = list(lint_result.findings) + link_found
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    run.paper_tables += sum(1 for t in lint_result.records.tables if t.is_paper)
    run.sources[display] = text_for_report
    if options["diff_base"]:
        findings = _on_changed_rows(name, findings, options["diff_base"])
    run.findings.extend(findings)


def _on_changed_rows(name: str, findings: list[Finding], base: str) -> list[Finding]:
    if name == "-":
        raise UsageError("--diff-base needs files to compare with git, not stdin")
    from ddlint.engine.gitdiff import changed_lines

    changed = changed_lines(name, base)
    # Findings about a whole table or document have no row of their own to be "changed".
    row_level = {rule.code for rule in ALL_RULES if rule.scope == "row"}
    return [f for f in findings if f.code in row_level and f.line in changed]


def _fetch_links(result: Any, options: dict[str, Any]) -> Any:
    # Imported here: only --check-links pays for httpx (start-up time).
    from ddlint.engine.linkfindings import fetch_link_outcomes

    # The command runs without the cyclic collector (``_entry``); asyncio and httpx
    # make reference cycles, so it collects while links are checked.
    paused = not gc.isenabled()
    gc.enable()
    try:
        return fetch_link_outcomes(
            result,
            allow_private=options["allow_private"],
            host_concurrency=options["host_concurrency"],
            cache_dir=options["cache_dir"],
            use_cache=not options["no_cache"],
            progress=not options["quiet"],
        )
    finally:
        if paused:
            gc.disable()


def _fix_links(
    text: str, found: list[Finding], outcomes: Any, path: str, config: Config
) -> api.FixResult | None:
    """The fix of the links the check found redirected, when it changes anything."""
    if not any(f.fix is not None for f in found):
        return None
    result = api.fix_links(text, outcomes, path=path, config=config)
    return result if result.applied else None


def _link_findings(result: Any, outcomes: Any, path: str) -> list[Finding]:
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


def _report(run: _Run, options: dict[str, Any], config: Config) -> int:
    if options["show_diff"]:
        sys.stdout.write("".join(run.diffs))
        return 1 if run.diffs else 0
    if options["fix_only"]:
        if run.rewritten and not options["quiet"]:
            click.echo(f"Fixed {len(run.rewritten)} file(s): {', '.join(run.rewritten)}", err=True)
        return 1 if run.rewritten and options["exit_non_zero_on_fix"] else 0
    fmt = options["output_format"]
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
        statistics=options["statistics"],
        files_checked=run.files,
        tool_version=__version__,
    )
    if fmt == "text" and not options["quiet"]:
        if run.rewritten:
            click.echo(f"Fixed {len(run.rewritten)} file(s).")
        if run.baselined:
            click.echo(f"{run.baselined} finding(s) hidden by the baseline.")
        if run.paper_tables == 0:
            click.echo(f"No paper table found in {run.files} file(s): nothing to check.")
    if options["exit_zero"]:
        return 0
    threshold = Severity(options["fail_on"] or config.fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in findings) else 0


def _fail(message: str, options: dict[str, Any]) -> int:
    if options.get("debug"):
        traceback.print_exc()
    click.echo(f"ddlint: error: {message}", err=True)
    return 2


# -- other commands ---------------------------------------------------------------------


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def tables(path: str, fmt: str) -> None:
    """Show every table GitHub renders, and which ddlint reads as paper tables."""
    source = _read_or_exit(path)
    config = _config_or_exit(path)
    overview = api.table_overview(source.text, config=config, with_fields=fmt == "text")
    if fmt == "json":
        click.echo(json.dumps(overview, ensure_ascii=False, indent=2))
        return
    if not overview:
        click.echo(f"{path}: no table")
    for table in overview:
        kind = "paper table" if table["paper"] else "not a paper table"
        rendered = sum(1 for r in table["rows"] if r["rendered"])
        stray = len(table["rows"]) - rendered
        click.echo(
            f"{path}:{table['line']}: {kind}, {rendered} rendered row(s)"
            + (f", {stray} stray row(s) GitHub shows as text" if stray else "")
        )
        if table["inferred"]:
            click.echo("    (empty header row: columns inferred from the cells)")
        for header, fields in zip(table["columns"], table["fields"]):
            click.echo(f"    {header or '(empty)'} -> {', '.join(fields) or 'extra'}")
        for row in table["rows"]:
            if not row["rendered"]:
                click.echo(f"    line {row['line']}: stray row (rendered as text)")


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json")
@click.option("-o", "--output", type=click.Path(), default=None)
def export(path: str, fmt: str, output: str | None) -> None:
    """Export the papers of a list as JSON, JSON Lines or CSV."""
    source = _read_or_exit(path)
    papers = api.parse_records(source.text, config=_config_or_exit(path))
    data = export_papers(papers, fmt)  # type: ignore[arg-type]
    if output and output != "-":
        Path(output).write_text(data, encoding="utf-8")
    else:
        sys.stdout.write(data)


@cli.command(name="diff")
@click.argument("old")
@click.argument("new")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text")
def diff_records(old: str, new: str, paths: tuple[str, ...], fmt: str) -> None:
    """Papers added, removed, moved or changed between OLD and NEW (files or git revisions).

    A revision means each PATH at that revision; two revisions and no PATH mean every
    Markdown file with a paper table that changed between them. Exit 0 when no record
    changed, 1 when some did, 2 on error.
    """
    from ddlint.engine.gitdiff import GitError, resolve_versions
    from ddlint.report import recorddiff  # only this command needs it (start-up time)

    try:
        versions = resolve_versions(old, new, paths, Path.cwd())
    except (GitError, SourceError) as exc:
        raise SystemExit(_fail(str(exc), {})) from None
    config = _config_or_exit(".")
    diffs: list[tuple[str, recorddiff.RecordDiff]] = []
    for version in versions:
        before = api.parse_records(version.old.text, config=config) if version.old else []
        after = api.parse_records(version.new.text, config=config) if version.new else []
        if before or after or paths:
            diffs.append((version.path, recorddiff.diff_papers(before, after)))
    if fmt == "json":
        files = [recorddiff.to_json(path, diff) for path, diff in diffs]
        click.echo(
            json.dumps({"old": old, "new": new, "files": files}, ensure_ascii=False, indent=2)
        )
    elif fmt == "markdown":
        sys.stdout.write(recorddiff.format_markdown(diffs))
    else:
        sys.stdout.write("".join(recorddiff.format_text(path, diff) for path, diff in diffs))
        if not any(diff for _, diff in diffs):
            click.echo("No paper record changed.")
    raise SystemExit(1 if any(diff for _, diff in diffs) else 0)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of one exported paper."""
    click.echo(json.dumps(paper_schema(), indent=2))


@cli.command(name="rules")
@click.option("--markdown", is_flag=True, help="Print every rule's page (docs/rules.md).")
def list_rules(markdown: bool) -> None:
    """List every rule."""
    if markdown:
        sys.stdout.write(api.rules_markdown())
        return
    for rule in ALL_RULES:
        fix = {"never": " ", "sometimes": "*", "always": "*"}[rule.fixable]
        off = "" if rule.default_enabled else " (opt-in)"
        click.echo(f"{rule.code} {fix} {rule.name:<24} {rule.summary()}{off}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show the documentation of a rule (code or name)."""
    try:
        found = get_rule(rule)
    except UnknownRuleError as exc:
        click.echo(f"ddlint: error: {exc}", err=True)
        raise SystemExit(2) from None
    click.echo(f"# {found.code} {found.name}\n")
    click.echo((found.__doc__ or "").split("\n", 1)[-1].strip())


def _read_or_exit(path: str) -> Source:
    try:
        if path == "-":
            return decode(sys.stdin.buffer.read(), "-")
        return read_source(path)
    except SourceError as exc:
        click.echo(f"ddlint: error: {exc}", err=True)
        raise SystemExit(2) from None


def _config_or_exit(path: str) -> Config:
    try:
        return load_config(find_config(Path(path) if path != "-" else Path.cwd()))
    except ConfigError as exc:
        click.echo(f"ddlint: error: {exc}", err=True)
        raise SystemExit(2) from None


def main(argv: Sequence[str] | None = None) -> int:
    try:
        cli.main(
            args=list(argv) if argv is not None else None, prog_name="ddlint", standalone_mode=False
        )
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 0
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.Abort:
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
