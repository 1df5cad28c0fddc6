"""``--check-metadata`` within one file's check: the options from the config and the
command line, the lookup, the findings, and with ``--fix --unsafe-fixes`` their fixes.

Imported only when the option is given: nothing else loads httpx (start-up time).
"""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ddlint import api
from ddlint.engine.config import Config, metadata_config
from ddlint.engine.linter import LintResult, lint
from ddlint.engine.metadatafindings import fetch_metadata_outcomes, metadata_findings
from ddlint.net.metadata import (
    MetadataOptions,
    MetadataOutcome,
    PaperId,
    default_metadata_cache_dir,
)
from ddlint.text.findings import Finding

if TYPE_CHECKING:
    from ddlint.api.files import Caches
    from ddlint.api.run import RunOptions


def options_from_config(
    config: Config,
    *,
    allow_private: bool = False,
    cache_dir: Path | None = None,
    progress: bool = False,
    timeout: float | None = None,
) -> MetadataOptions:
    """``[tool.ddlint.metadata]`` with a command's network options, as the lookup takes
    them (``ddlint check --check-metadata`` and ``ddlint add`` alike)."""
    keys = metadata_config(config)
    found = MetadataOptions(
        arxiv_api=keys.arxiv_api,
        crossref_api=keys.crossref_api,
        dblp_api=keys.dblp_api,
        openreview_api=keys.openreview_api,
        openreview_v1_api=keys.openreview_v1_api,
        contact=keys.contact,
        arxiv_interval=keys.arxiv_interval,
        interval=keys.interval,
        allow_private=allow_private,
        cache_dir=cache_dir,
        progress=progress,
    )
    return found if timeout is None else replace(found, timeout=timeout)


def metadata_options(options: RunOptions, config: Config, caches: Caches) -> MetadataOptions:
    """The lookup's options for a ``ddlint check`` run."""
    return options_from_config(
        config,
        allow_private=options.allow_private,
        cache_dir=None if options.no_cache else caches.metadata or default_metadata_cache_dir(),
        progress=options.progress,
        timeout=options.link_timeout,
    )


def fetch(
    result: LintResult, options: RunOptions, config: Config, caches: Caches
) -> dict[PaperId, MetadataOutcome]:
    # The command runs without the cyclic collector (``_entry``); httpx makes reference
    # cycles, so it collects while papers are looked up.
    paused = not gc.isenabled()
    gc.enable()
    try:
        return fetch_metadata_outcomes(result, metadata_options(options, config, caches))
    finally:
        if paused:
            gc.disable()


def fix_with_metadata(
    text: str,
    result: LintResult,
    path: str,
    codes: set[str],
    config: Config,
    options: RunOptions,
    caches: Caches,
) -> tuple[str, LintResult, dict[PaperId, MetadataOutcome], list[Finding]]:
    """The text once the metadata fixes of the rules among ``codes`` are applied (all
    unsafe: with ``--unsafe-fixes`` only), its lint, the outcomes looked up and the fixes
    applied."""
    outcomes = fetch(result, options, config, caches)
    if not options.unsafe_fixes:
        return text, result, outcomes, []
    found = metadata_findings(result, outcomes, path, codes)
    if not any(f.fix is not None for f in found):
        return text, result, outcomes, []
    fixed = api.fix_metadata(text, outcomes, path=path, config=config, unsafe=True, codes=codes)
    if not fixed.applied:
        return text, result, outcomes, []
    result = lint(fixed.text, path=path, codes=codes, settings=config.settings())
    return fixed.text, result, outcomes, list(fixed.applied)
