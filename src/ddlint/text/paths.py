"""Which files a command reads: files as given, directories searched for Markdown."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Sequence
from pathlib import Path

from ddlint.text.errors import InputError

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})


class PathError(InputError):
    """A path that names nothing to check; the message names it."""


def collect_paths(paths: Sequence[str], *, exclude: Sequence[str] = ()) -> list[str]:
    """Files to check, in a stable order; ``-`` stands for stdin."""
    found: list[str] = []
    for name in paths:
        if name == "-":
            found.append(name)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(_walk(path, exclude))
            if not files:
                raise PathError(f"{name}: directory holds no Markdown file (*.md, *.markdown)")
            found.extend(files)
        elif path.exists():
            found.append(name)
        else:
            raise PathError(f"{name}: no such file or directory")
    return found


def _walk(root: Path, exclude: Sequence[str]) -> list[str]:
    files: list[str] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in names:
            # normpath: `ddlint check .` names `README.md`, not `./README.md`, so GitHub
            # annotations and baselines match the repository's own paths.
            path = os.path.normpath(os.path.join(folder, name))
            if name.lower().endswith(MARKDOWN_SUFFIXES) and not _excluded(path, root, exclude):
                files.append(path)
    return files


def _excluded(path: str, root: Path, exclude: Sequence[str]) -> bool:
    relative = os.path.relpath(path, root)
    return any(
        fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path, pattern) for pattern in exclude
    )
