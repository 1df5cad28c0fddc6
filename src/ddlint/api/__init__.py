"""The typed library API over the stages: lint, fix, parse and export one text
(``check_text``, ``lint_text``, ``fix_text``, ``parse_records``, ``export_papers``, …).
``ddlint.api.run`` runs a whole ``ddlint check`` over files, as the CLI's ``check`` does;
the CLI's other commands also call the stage packages directly (config loading,
export, the record diff)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ddlint.engine.config import Config, default_config, selected_codes
from ddlint.engine.linter import LintResult, default_codes, lint, network_codes, paused_gc
from ddlint.gfm.document import Document
from ddlint.gfm.parse import parse_document
from ddlint.records.extract import extract_records
from ddlint.records.model import Paper, Records
from ddlint.text.findings import Finding

if TYPE_CHECKING:
    from ddlint.fix.fixer import FixError, FixResult
    from ddlint.net.metadata.model import MetadataOutcome, PaperId  # only --check-metadata
    from ddlint.net.model import LinkResult  # only --check-links loads ddlint.net
    from ddlint.records.export import export_papers, paper_schema

__all__ = [
    "Config",
    "FixError",
    "FixResult",
    "LintResult",
    "check_text",
    "export_papers",
    "fix_links",
    "fix_metadata",
    "fix_text",
    "lint_text",
    "paper_schema",
    "parse_records",
    "table_overview",
]


def __getattr__(name: str) -> Any:
    # The fixer and the export load on first use: a plain check needs neither
    # (start-up time), yet ``api.FixError`` and ``api.export_papers`` are the API.
    if name in ("FixError", "FixResult"):
        from ddlint.fix import fixer

        return getattr(fixer, name)
    if name in ("export_papers", "paper_schema"):
        from ddlint.records import export

        return getattr(export, name)
    raise AttributeError(f"module 'ddlint.api' has no attribute {name!r}")


def _codes(config: Config, select: Sequence[str] | None, ignore: Sequence[str]) -> set[str]:
    return selected_codes(config, select=select, ignore=ignore, defaults=default_codes())


def check_text(
    text: str,
    *,
    path: str = "-",
    config: Config | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> LintResult:
    """Lint ``text`` and return the document, its records and the findings."""
    config = config or default_config()
    codes = _codes(config, select, ignore)
    return lint(text, path=path, codes=codes, settings=config.settings())


def lint_text(
    text: str,
    *,
    path: str = "-",
    config: Config | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """The findings for ``text``, ordered by position."""
    return list(check_text(text, path=path, config=config, select=select, ignore=ignore).findings)


def fix_text(
    text: str,
    *,
    path: str = "-",
    config: Config | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    unsafe: bool = False,
) -> FixResult:
    """Apply fixes until stable and verify them; raises ``FixError`` on a failed check."""
    from ddlint.fix.fixer import fix_text as _fix_text

    config = config or default_config()
    codes = _codes(config, select, ignore)
    return _fix_text(text, path=path, codes=codes, settings=config.settings(), unsafe=unsafe)


def parse_records(text: str, *, config: Config | None = None) -> list[Paper]:
    """The papers of every paper table in ``text``, in document order."""
    with paused_gc():
        return list(_records(parse_document(text), config).papers)


def _records(document: Document, config: Config | None) -> Records:
    aliases = (config or default_config()).header_aliases or None
    return extract_records(document, aliases)


def table_overview(
    text: str, *, config: Config | None = None, with_fields: bool = False
) -> list[dict[str, Any]]:
    """What ddlint sees: every table GitHub renders, with its rows (``ddlint tables``).

    ``with_fields`` adds, per column, the record fields it feeds (inferred from the
    cells when the header row is empty); the JSON contract of the command has no such key.
    """
    records = _records(parse_document(text), config)
    overview: list[dict[str, Any]] = []
    for paper_table in records.tables:
        table = paper_table.table
        overview.append(
            {
                "line": table.header.line,
                "paper": paper_table.is_paper,
                "columns": [cell.text for cell in table.header.cells],
                "rows": [
                    {
                        "line": row.line,
                        "rendered": row.rendered,
                        "cells": [cell.text for cell in row.cells],
                    }
                    for row in table.rows
                ],
            }
        )
        if with_fields:
            overview[-1]["fields"] = [list(f) for f in paper_table.columns.fields]
            overview[-1]["inferred"] = paper_table.inferred
    return overview


def rules_markdown() -> str:
    """docs/rules.md: every rule's documentation page, from its docstring."""
    from ddlint.rules import ALL_RULES

    parts = [
        "# Rules\n\n",
        "Generated from the rule docstrings by `ddlint rules --markdown`; "
        "a test fails when this file is stale.\n\n",
        "| code | name | fix | summary |\n|---|---|---|---|\n",
    ]
    for rule in ALL_RULES:
        anchor = f"{rule.code.lower()}-{rule.name}"
        summary = rule.summary().replace("|", "\\|")
        parts.append(f"| [{rule.code}](#{anchor}) | {rule.name} | {rule.fixable} | {summary} |\n")
    for rule in ALL_RULES:
        body = (rule.__doc__ or "").strip().split("\n", 1)
        text = body[1].strip() if len(body) > 1 else ""
        text = text.replace("\n## ", "\n### ")
        if text.startswith("## "):
            text = "#" + text
        parts.append(f"\n## {rule.code} {rule.name}\n\n{rule.summary()}\n\n{text}\n")
    return "".join(parts)


def fix_links(
    text: str,
    link_results: Mapping[str, LinkResult],
    *,
    path: str = "-",
    config: Config | None = None,
    unsafe: bool = False,
    codes: Collection[str] | None = None,
) -> FixResult:
    """Apply the fixes the link-check results call for (DD311: links that moved for
    good; the unsafe ones with ``unsafe``), and no other, through the fixer: verified
    like every fix. ``codes``: the run's selection (default: the default set); a link
    rule left out of it fixes nothing."""
    from ddlint.fix.fixer import fix_text as _fix_text

    config = config or default_config()
    return _fix_text(
        text,
        path=path,
        codes=(default_codes() if codes is None else set(codes)) & network_codes(),
        settings=config.settings(),
        unsafe=unsafe,
        link_results=link_results,
    )


def fix_metadata(
    text: str,
    metadata: Mapping[PaperId, MetadataOutcome],
    *,
    path: str = "-",
    config: Config | None = None,
    unsafe: bool = False,
    codes: Collection[str] | None = None,
) -> FixResult:
    """Apply the fixes the --check-metadata outcomes call for (DD501–DD503, all unsafe:
    only with ``unsafe``), and no other, through the fixer: verified like every fix.
    ``codes``: the run's selection (default: the default set); a rule left out of it
    fixes nothing."""
    from ddlint.fix.fixer import fix_text as _fix_text

    config = config or default_config()
    return _fix_text(
        text,
        path=path,
        codes=(default_codes() if codes is None else set(codes)) & network_codes(),
        settings=config.settings(),
        unsafe=unsafe,
        metadata=metadata,
    )
