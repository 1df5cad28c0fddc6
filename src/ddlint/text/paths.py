"""Which files a command reads: files as given, directories searched for Markdown."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ddlint.text.errors import InputError

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})

# Whether a path is one to leave out (``is_dir``: it names a folder), such as git's
# ignore files (``ddlint.engine.gitignore``).
Ignored = Callable[..., bool]


class PathError(InputError):
    """A path that names nothing to check; the message names it."""


def collect_paths(
    paths: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    ignored: Ignored | None = None,
    force_exclude: bool = False,
) -> list[str]:
    """Files to check, in a stable order; ``-`` stands for stdin.

    A directory is searched for Markdown files, leaving out hidden folders, those in
    ``SKIPPED_DIRS``, paths matching an ``exclude`` glob and paths ``ignored`` says
    to leave out. A file named as it is is checked as it is, unless ``force_exclude``
    applies ``exclude`` and ``ignored`` to it too (ruff's ``--force-exclude``: what
    pre-commit passes is every staged file). A directory without Markdown adds nothing.
    """
    found: list[str] = []
    for name in paths:
        if name == "-":
            found.append(name)
            continue
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(_walk(path, exclude, ignored)))
        elif not path.exists():
            raise PathError(f"{name}: no such file or directory")
        elif not force_exclude or not _left_out(name, Path("."), exclude, ignored):
            found.append(name)
    return found


def _walk(root: Path, exclude: Sequence[str], ignored: Ignored | None) -> list[str]:
    files: list[str] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED_DIRS
            and not (ignored and ignored(os.path.join(folder, d), is_dir=True))
        )
        for name in names:
            # normpath: `ddlint check .` names `README.md`, not `./README.md`, so GitHub
            # annotations and baselines match the repository's own paths.
            path = os.path.normpath(os.path.join(folder, name))
            if name.lower().endswith(MARKDOWN_SUFFIXES) and not _left_out(
                path, root, exclude, ignored
            ):
                files.append(path)
    return files


def _left_out(path: str, root: Path, exclude: Sequence[str], ignored: Ignored | None) -> bool:
    return excluded(path, root, exclude) or bool(ignored and ignored(path))


def excluded(path: str, root: Path, exclude: Sequence[str]) -> bool:
    """Whether an ``exclude`` glob matches the path (relative to ``root``, or as given)
    or one of the folders it lies in: ``docs/archive`` leaves out all that folder holds."""
    if not exclude:
        return False
    candidates: set[str] = set()
    for name in (os.path.relpath(path, root), os.path.normpath(path)):
        parts = Path(name).as_posix().split("/")
        candidates.update("/".join(parts[:depth]) for depth in range(1, len(parts) + 1))
    return any(fnmatch.fnmatch(name, pattern) for name in candidates for pattern in exclude)
