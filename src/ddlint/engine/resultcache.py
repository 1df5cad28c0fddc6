"""The result cache: a file's findings, kept while the file, the settings and ddlint
stay the same, so a re-check of an unchanged file costs start-up and a hash (as ruff's).

One JSON entry per checked path and settings (as ruff keeps one cache per settings):
``<root>/results-<format>/<sha256>.json``, named by a SHA-256 of the file's path, the name
the report gives it, the enabled rules and every configuration value a finding may
depend on. It holds the findings, the count of paper tables and the key they were made
under: a SHA-256 of the text and of ``salt()``, ddlint's version and its own code (the
bytes of each module, so an edited checkout never reads an older result) and Python's
version. An entry whose key differs is linted again and
overwritten.

Only what the text alone decides is stored: network findings (``--check-links``) never
are, and neither is what ``--fix``, ``--diff-base`` or a baseline make of the findings.

Writes are atomic (a temporary file, then ``os.replace``), so workers may write side by
side. A cache is only an optimisation: an entry that cannot be read or does not hold
well-formed findings for this text is ignored, and a cache that cannot be written is
left unwritten; neither is ever an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ddlint.engine.config import Config
from ddlint.text.findings import Applicability, Edit, Finding, Fix, Severity
from ddlint.text.spans import Span

CACHE_DIR_NAME = ".ddlint_cache"
FORMAT = 1  # of an entry; a new format starts a new folder
# Written into a cache root when ddlint makes it, as ruff does.
GITIGNORE = "# Automatically created by ddlint.\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by ddlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
_PROJECT_MARKERS = (".git", "pyproject.toml")
_SEVERITY = {severity.value: severity for severity in Severity}
_APPLICABILITY = {kind.value: kind for kind in Applicability}
# Configuration keys no finding depends on: changing them keeps the results.
_RUN_ONLY = frozenset({"cache_dir", "exclude", "fail_on", "jobs", "link_deadline", "max_file_size"})


def project_root(cwd: Path, config_path: Path | None) -> Path:
    """The folder of the run's configuration file; without one, the nearest folder up
    from ``cwd`` holding ``.git`` or a ``pyproject.toml``; else ``cwd``."""
    if config_path is not None:
        return config_path.resolve().parent
    here = cwd.resolve()
    for folder in (here, *here.parents):
        if any((folder / marker).exists() for marker in _PROJECT_MARKERS):
            return folder
    return here


def cache_root(option: str | None, config: Config, config_path: Path | None) -> Path | None:
    """The root ``--cache-dir`` or the config's ``cache-dir`` (relative to the config
    file's folder) sets for every cache; None when neither does."""
    if option:
        return Path(option)
    if config.cache_dir:
        base = config_path.resolve().parent if config_path is not None else Path.cwd()
        return base / config.cache_dir
    return None


def salt() -> str:
    """What the findings of a text depend on besides it and the settings: ddlint itself
    (its version and the bytes of its modules: a source checkout edited between two
    runs, or a reinstall, never reads an older result) and Python's version."""
    from ddlint import __version__

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{__version__}\0{sys.version_info[:2]}".encode())
    for folder, dirs, files in os.walk(package):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as module:
                    digest.update(f"\0{name}\0".encode())
                    digest.update(module.read())
    return digest.hexdigest()


@dataclass(frozen=True)
class CachedResult:
    findings: list[Finding]
    paper_tables: int


@dataclass(frozen=True)
class Slot:
    """One entry of the cache: a path under one selection of rules and settings."""

    path: str
    entry: Path
    key: str  # of the text and of ddlint itself


@dataclass(frozen=True)
class ResultCache:
    """The result entries under ``root``; ``salt`` as ``salt()`` gives it."""

    root: Path
    salt: str

    @property
    def directory(self) -> Path:
        return self.root / f"results-{FORMAT}"

    def slot(self, path: str, text: str, codes: Collection[str], config: Config) -> Slot:
        """Where the results of ``path`` under these rules and settings are kept, and
        the key they must have been stored under to be this text's."""
        names = sorted(set(type(config).model_fields) - _RUN_ONLY)
        settings = {name: getattr(config, name) for name in names}
        where = hashlib.sha256(os.fsencode(os.path.abspath(path)))
        where.update(f"\0{path}\0{','.join(sorted(codes))}\0".encode(errors="surrogatepass"))
        where.update(json.dumps(settings, sort_keys=True, default=repr).encode())
        key = hashlib.sha256(self.salt.encode())
        key.update(text.encode("utf-8", "surrogatepass"))
        return Slot(path, self.directory / f"{where.hexdigest()}.json", key.hexdigest())

    def get(self, slot: Slot, text: str) -> CachedResult | None:
        """The findings stored in ``slot`` for ``text``; None for a miss or a bad entry."""
        try:
            with open(slot.entry, encoding="utf-8") as handle:
                data = json.load(handle)
            if not isinstance(data, dict) or data.get("key") != slot.key:
                return None
            tables = data["paper_tables"]
            findings = [_load(item, slot.path, len(text)) for item in data["findings"]]
        except Exception:  # unreadable, not JSON, too deep, not findings: a miss
            return None
        if type(tables) is not int or tables < 0:
            return None
        return CachedResult(findings, tables)

    def put(self, slot: Slot, findings: Sequence[Finding], paper_tables: int) -> None:
        """Store the findings in ``slot``, atomically; quietly not at all when the cache
        cannot be written (a read-only checkout, a full disk)."""
        entry = {
            "key": slot.key,
            "paper_tables": paper_tables,
            "findings": [_dump(finding) for finding in findings],
        }
        try:
            self._ensure_root()
            _write_atomic(slot.entry, json.dumps(entry, separators=(",", ":")))
        except (OSError, ValueError):
            return

    def _ensure_root(self) -> None:
        if self.directory.is_dir():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            with contextlib.suppress(FileExistsError), open(self.root / name, "x") as handle:
                handle.write(text)
        self.directory.mkdir(exist_ok=True)


def _write_atomic(target: Path, text: str) -> None:
    import tempfile  # only a run that writes an entry needs it

    fd, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _dump(finding: Finding) -> list[Any]:
    fix = finding.fix
    stored_fix = None
    if fix is not None:
        edits = [[edit.span.start, edit.span.end, edit.text] for edit in fix.edits]
        stored_fix = [fix.applicability.value, fix.description, edits]
    return [
        finding.code,
        finding.name,
        finding.severity.value,
        finding.message,
        finding.span.start,
        finding.span.end,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        stored_fix,
        finding.fingerprint,
        finding.reason,
        [_dump(part) for part in finding.parts],
    ]


def _load(item: Any, path: str, length: int) -> Finding:
    """A stored finding, checked field by field (a ``TypeError`` or ``ValueError`` for
    anything that is not what ``_dump`` writes for a text of ``length``): a bad entry
    must be a miss, never a report that fails later."""
    if type(item) is not list or len(item) != 14:
        raise ValueError("not a stored finding")
    (code, name, severity, message, start, end, line, column, end_line, end_column) = item[:10]
    stored_fix, fingerprint, reason, parts = item[10:]
    if not (
        type(code) is str
        and type(name) is str
        and type(message) is str
        and type(fingerprint) is str
        and type(reason) is str
        and type(line) is int
        and type(column) is int
        and type(end_line) is int
        and type(end_column) is int
        and line >= 1
        and column >= 1
        and end_line >= 1
        and end_column >= 1
        and type(parts) is list
    ):
        raise TypeError("not a stored finding")
    fix = None
    if stored_fix is not None:
        applicability, description, edits = stored_fix
        if type(description) is not str:
            raise TypeError("not a fix description")
        fix = Fix(_APPLICABILITY[applicability], _edits(edits, length), description)
    return Finding(
        code,
        name,
        _SEVERITY[severity],
        message,
        _span(start, end, length),
        line,
        column,
        end_line,
        end_column,
        fix,
        path,
        fingerprint,
        reason,
        tuple([_load(part, path, length) for part in parts]) if parts else (),
    )


def _edits(stored: Iterable[Any], length: int) -> tuple[Edit, ...]:
    edits = []
    for start, end, text in stored:
        if type(text) is not str:
            raise TypeError("not an edit's text")
        edits.append(Edit(_span(start, end, length), text))
    return tuple(edits)


def _span(start: Any, end: Any, length: int) -> Span:
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
        raise ValueError("a span outside the text")
    return Span(start, end)
