"""The ``ddlint`` command: a click group, and every command but ``check`` (``check.py``).

The command line is the only place that prints or exits (ruff's exit codes).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from ddlint import __version__, api
from ddlint.cli.add import add
from ddlint.cli.check import check
from ddlint.cli.options import fail
from ddlint.engine.config import Config, ConfigError, find_config, load_config
from ddlint.rules import ALL_RULES, Rule, UnknownRuleError, get_rule
from ddlint.text.source import Source, SourceError, decode, read_source


class _DefaultToCheck(click.Group):
    """``ddlint FILE`` and ``ddlint --fix FILE`` mean ``ddlint check …``; a word that is
    no path but looks like a command (``ddlint expalin``) is a typo, said as such."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            _refuse_a_mistyped_command(args[0], sorted(self.commands))
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _refuse_a_mistyped_command(word: str, commands: list[str]) -> None:
    if word.startswith("-") or word == "-" or os.path.lexists(word):
        return
    if _looks_like_a_path(word):  # `ddlint rules.md`: a missing file, not a typo of `rules`
        return
    import difflib

    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    if close:
        raise SystemExit(fail(f"no such command or file {word!r}; did you mean {close[0]!r}?"))


def _looks_like_a_path(word: str) -> bool:
    return os.sep in word or "/" in word or word.lower().endswith((".md", ".markdown"))


EXIT_CODES = """\b
Exit codes: 0 clean, 1 findings left (or records changed, for diff), 2 an error.
`ddlint PATH` is short for `ddlint check PATH`."""


@click.group(
    cls=_DefaultToCheck,
    epilog=EXIT_CODES,
    context_settings={"help_option_names": ["-h", "--help"], "show_default": True},
)
@click.version_option(__version__, message="ddlint %(version)s")
def cli() -> None:
    """Lint and fix the paper tables of Markdown paper lists, as GitHub renders them."""


cli.add_command(check)
cli.add_command(add)

# Every command that prints data takes --output-format, as check does; --format, the
# name they had first, stays an alias.
FORMAT_HELP = "The output format (--format is an alias)."
READ_EXIT_CODES = "\b\nExit codes: 0 done, 2 an error (a file that cannot be read, a bad config)."
PRINT_EXIT_CODES = "\b\nExit codes: 0 done."


# -- other commands ---------------------------------------------------------------------


@cli.command(epilog=READ_EXIT_CODES)
@click.argument("path")
@click.option(
    "--output-format",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help=FORMAT_HELP,
)
def tables(path: str, fmt: str) -> None:
    """Show every table GitHub renders, and which ddlint reads as paper tables."""
    source = _read_or_exit(path)
    config = _config_or_exit(path)
    overview = api.table_overview(source.text, config=config, with_fields=fmt == "text")
    if fmt == "json":
        import json  # only the commands that print JSON load it (start-up time)

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


@cli.command(
    epilog="\b\nExit codes: 0 done, 2 an error (a file that cannot be read or written, "
    "a bad config)."
)
@click.argument("path")
@click.option(
    "--output-format",
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "csv"]),
    default="json",
    help=FORMAT_HELP,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    default=None,
    help="Write to this file instead of stdout.  [default: - (stdout)]",
)
def export(path: str, fmt: str, output: str | None) -> None:
    """Export the papers of a list as JSON, JSON Lines or CSV."""
    from ddlint.records.export import export_papers  # each command loads its own (start-up)

    source = _read_or_exit(path)
    papers = api.parse_records(source.text, config=_config_or_exit(path))
    data = export_papers(papers, fmt)  # type: ignore[arg-type]
    if output and output != "-":
        _write_or_exit(Path(output), data)
    else:
        sys.stdout.write(data)


def _write_or_exit(target: Path, data: str) -> None:
    """Write an export; a folder that is missing or not writable is an error (exit 2)."""
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise SystemExit(fail(f"{target}: cannot write: the folder {folder} {what}"))
    try:
        target.write_text(data, encoding="utf-8")
    except OSError as exc:
        raise SystemExit(fail(f"{target}: cannot write: {exc.strerror or exc}")) from None


@cli.command(
    name="diff",
    epilog="\b\nExit codes: 0 no record changed, 1 some changed, 2 an error.",
)
@click.argument("old")
@click.argument("new")
@click.argument("paths", nargs=-1)
@click.option(
    "--output-format",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    help=FORMAT_HELP,
)
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
        raise SystemExit(fail(str(exc))) from None
    config = _config_or_exit(".")
    diffs: list[tuple[str, recorddiff.RecordDiff]] = []
    for version in versions:
        before = api.parse_records(version.old.text, config=config) if version.old else []
        after = api.parse_records(version.new.text, config=config) if version.new else []
        if before or after or paths:
            diffs.append((version.path, recorddiff.diff_papers(before, after)))
    if fmt == "json":
        import json

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


@cli.command(epilog=PRINT_EXIT_CODES)
@click.option(
    "--output-format",
    "--format",
    "fmt",
    type=click.Choice(["json"]),
    default="json",
    help=FORMAT_HELP + " A JSON Schema is JSON: the one choice, for scripts that pass it.",
)
def schema(fmt: str) -> None:
    """Print the JSON Schema of one exported paper."""
    import json

    from ddlint.records.export import paper_schema

    click.echo(json.dumps(paper_schema(), indent=2))


@cli.command(name="rules", epilog=PRINT_EXIT_CODES)
@click.option(
    "--output-format",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    help=FORMAT_HELP + " markdown: every rule's page (docs/rules.md).",
)
@click.option("--markdown", is_flag=True, help="Same as --output-format markdown.")
def list_rules(fmt: str, markdown: bool) -> None:
    """List every rule."""
    if markdown and fmt not in ("text", "markdown"):  # text: the default, not a choice
        raise click.UsageError(f"--markdown and --output-format {fmt} ask for two forms")
    if markdown or fmt == "markdown":
        sys.stdout.write(api.rules_markdown())
        return
    if fmt == "json":
        import json

        listed = [_rule_json(rule, page=False) for rule in ALL_RULES]
        click.echo(json.dumps(listed, ensure_ascii=False, indent=2))
        return
    for rule in ALL_RULES:
        fix = {"never": " ", "sometimes": "*", "always": "*"}[rule.fixable]
        off = "" if rule.default_enabled else " (opt-in)"
        click.echo(f"{rule.code} {fix} {rule.name:<24} {rule.summary()}{off}")


@cli.command(epilog="\b\nExit codes: 0 done, 2 no such rule.")
@click.argument("rule")
@click.option(
    "--output-format",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help=FORMAT_HELP,
)
def explain(rule: str, fmt: str) -> None:
    """Show the documentation of a rule (code or name); also `ddlint rule`."""
    try:
        found = get_rule(rule)
    except UnknownRuleError as exc:
        raise SystemExit(fail(str(exc))) from None
    if fmt == "json":
        import json

        click.echo(json.dumps(_rule_json(found, page=True), ensure_ascii=False, indent=2))
        return
    click.echo(f"# {found.code} {found.name}\n")
    click.echo(found.page())


def _rule_json(rule: type[Rule], *, page: bool) -> dict[str, object]:
    """A rule as `rules` and `rule` print it in JSON; ``page``: with its documentation."""
    described: dict[str, object] = {
        "code": rule.code,
        "name": rule.name,
        "family": rule.family(),
        "summary": rule.summary(),
        "severity": rule.severity.value,
        "fix": rule.fixable,
        "fix_safety": rule.fix_safety if rule.fixable != "never" else None,
        "default_enabled": rule.default_enabled,
        "network": rule.network,
    }
    if page:
        described["explanation"] = rule.page()
    return described


# ruff's spelling: `ruff rule F401`.
cli.add_command(explain, name="rule")


def _read_or_exit(path: str) -> Source:
    try:
        if path == "-":
            return decode(sys.stdin.buffer.read(), "-")
        return read_source(path)
    except SourceError as exc:
        raise SystemExit(fail(str(exc))) from None


def _config_or_exit(path: str) -> Config:
    try:
        return load_config(find_config(Path(path) if path != "-" else Path.cwd()))
    except ConfigError as exc:
        raise SystemExit(fail(str(exc))) from None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        cli.main(args=args, prog_name="ddlint", standalone_mode=False)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 0
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.Abort:
        return 2
    except Exception as exc:  # a bug: one line and exit 2 (1 would read as "findings")
        if "--debug" in args:
            import traceback

            traceback.print_exc()
        click.echo(
            f"ddlint: error: internal error: {type(exc).__name__}: {exc}. This is a ddlint "
            "bug (--debug shows the traceback). Please report it.",
            err=True,
        )
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
