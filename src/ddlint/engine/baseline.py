"""Baselines: adopt ddlint on a list with known defects, and see only the new ones.

A baseline file records each finding's rule, file and content fingerprint (the
linter's ``fingerprint``: the rule, the text of the finding's line and the text it
points at), never its line number, so rows moved or re-sorted stay recognised. It
is count-aware: two identical findings in the baseline hide two, not all.
Paths are stored relative to the baseline file's directory, so the file can be
committed and used from any working directory.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ddlint.text.errors import InputError
from ddlint.text.findings import Finding

VERSION = 1

Key = tuple[str, str, str]  # (path relative to the baseline's directory, code, fingerprint)


class BaselineError(InputError):
    """A baseline file that cannot be read or written; the message names it."""


@dataclass(frozen=True)
class Baseline:
    directory: Path
    counts: Counter[Key]

    def key(self, finding: Finding) -> Key:
        return (relative_path(finding.path, self.directory), finding.code, finding.fingerprint)

    def filter(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """The findings the baseline does not cover, and how many it hid."""
        left = Counter(self.counts)
        kept: list[Finding] = []
        hidden = 0
        for finding in findings:
            key = self.key(finding)
            if left[key] > 0:
                left[key] -= 1
                hidden += 1
            else:
                kept.append(finding)
        return kept, hidden


def relative_path(path: str, directory: Path) -> str:
    if path == "-":
        return path
    absolute = os.path.realpath(os.path.abspath(path))
    return Path(os.path.relpath(absolute, os.path.realpath(directory))).as_posix()


def baseline_json(findings: Sequence[Finding], directory: Path) -> str:
    entries = sorted(
        (
            {
                "path": relative_path(f.path, directory),
                "code": f.code,
                "fingerprint": f.fingerprint,
                "message": f.message,
            }
            for f in findings
        ),
        key=lambda e: (e["path"], e["code"], e["fingerprint"], e["message"]),
    )
    return json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False)


def write_baseline(path: str | os.PathLike[str], findings: Sequence[Finding]) -> None:
    target = Path(path)
    try:
        target.write_text(
            baseline_json(findings, target.absolute().parent) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise BaselineError(f"{target}: cannot write baseline: {exc.strerror or exc}") from None


def read_baseline(path: str | os.PathLike[str]) -> Baseline:
    source = Path(path)
    try:
        data: Any = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{source}: no such baseline file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{source}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{source}: not JSON (line {exc.lineno}): {exc.msg}") from None
    return Baseline(source.absolute().parent, _counts(data, source))


def _counts(data: Any, source: Path) -> Counter[Key]:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(f"{source}: not a ddlint baseline (version {VERSION})")
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f"{source}: 'findings' must be a list")
    counts: Counter[Key] = Counter()
    for index, entry in enumerate(entries):
        key = _key(entry)
        if key is None:
            raise BaselineError(
                f"{source}: findings[{index}] needs string 'path', 'code' and 'fingerprint'"
            )
        counts[key] += 1
    return counts


def _key(entry: Any) -> Key | None:
    if not isinstance(entry, dict):
        return None
    path, code, fingerprint = entry.get("path"), entry.get("code"), entry.get("fingerprint")
    if isinstance(path, str) and isinstance(code, str) and isinstance(fingerprint, str):
        return (path, code, fingerprint)
    return None
