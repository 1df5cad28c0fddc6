"""What the commands' options accept, how a few of them are read, and how an error is said."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Literal, TextIO, get_args

import click

from ddlint.report import OutputFormat
from ddlint.text.findings import FailOn

ColorChoice = Literal["auto", "always", "never"]
COLOR_CHOICES: tuple[ColorChoice, ...] = get_args(ColorChoice)


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
    color: ColorChoice = "auto"


def regexes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--link-exclude``: each a regular expression Python compiles."""
    for value in values:
        try:
            re.compile(value)
        except re.error as exc:
            raise click.BadParameter(f"{value!r} is not a regular expression: {exc}") from None
    return values


def statuses(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> frozenset[int]:
    """``--link-accept 403,429 --link-accept 999``: the status codes, given one by one or
    separated by commas."""
    codes: set[int] = set()
    for part in (p.strip() for value in values for p in value.split(",")):
        if not (part.isdigit() and 100 <= int(part) <= 999):
            raise click.BadParameter(f"{part!r} is not an HTTP status code (100-999)")
        codes.add(int(part))
    return frozenset(codes)


EXIT_CODES = """\b
Exit codes:
  0  no finding at or above the --fail-on severity (or --exit-zero)
  1  findings left; with --exit-non-zero-on-fix, also a file fixed
  2  an error: a path, file, configuration or option, or a fix that failed
     verification (nothing of that file is written)
Flags (options without a value) are off unless given."""


def use_color(choice: ColorChoice, stream: TextIO) -> bool:
    """``--color``: always, never, or (auto) when ``stream`` is a terminal and the
    ``NO_COLOR`` environment variable is unset or empty (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def project_urls() -> dict[str, str]:
    """``[project.urls]`` of the installed ddlint, by label; empty when it names none."""
    from importlib import metadata

    try:
        entries = metadata.metadata("ddlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    pairs = (entry.split(",", 1) for entry in entries if "," in entry)
    return {label.strip(): url.strip() for label, url in pairs}


def fail(message: str, *, debug: bool = False) -> int:
    """Say what went wrong, as ``ddlint: error: …``; the exit code 2."""
    if debug:
        import traceback

        traceback.print_exc()
    click.echo(f"ddlint: error: {message}", err=True)
    return 2
