"""Which files a command reads: files as given, directories searched for Markdown."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ddlint.text.errors import InputError

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})

# Whether a path is one to leave out (``is_dir``: it names a folder; ``within``: only
# what lies below that folder counts), such as git's ignore files
# (``ddlint.engine.gitignore``).
Ignored = Callable[..., bool]


class PathError(InputError):
    """A path that names nothing to check; the message names it."""


@dataclass(frozen=True)
class Collected:
    """The files to check, and how many Markdown files ``exclude`` or ``ignored`` left
    out, and folders ``ignored`` left out unsearched (so "nothing to check" can say why)."""

    files: list[str]
    left_out: int = 0
    folders_left_out: int = 0


def collect_paths(
    paths: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    ignored: Ignored | None = None,
    force_exclude: bool = False,
) -> Collected:
    """Files to check, in a stable order; ``-`` stands for stdin.

    A directory is searched for Markdown files, leaving out hidden folders, those in
    ``SKIPPED_DIRS``, and what it holds that an ``exclude`` glob matches or ``ignored``
    says to leave out. The path named is never left out itself, nor for the folders
    it lies in (ruff's way): with ``exclude = ["archive"]``, ``archive`` checks the
    folder, while ``archive/old`` in ``exclude`` still leaves that out of it. A file
    named as it is is checked as it is. ``force_exclude`` (ruff's ``--force-exclude``:
    what pre-commit passes is every staged file) applies ``exclude`` and ``ignored`` to
    the paths named too. A directory without Markdown adds nothing.
    """
    found: list[str] = []
    left_out = folders_left_out = 0
    for name in paths:
        if name == "-":
            found.append(name)
            continue
        path = Path(name)
        if path.is_dir():
            walk = _walk(path, exclude, ignored, None if force_exclude else name)
            found.extend(sorted(walk.files))
            left_out += walk.left_out
            folders_left_out += walk.folders_left_out
        elif not path.exists():
            raise PathError(f"{name}: no such file or directory")
        elif not force_exclude or not is_left_out(name, Path("."), exclude, ignored, None):
            found.append(name)
        else:
            left_out += 1
    return Collected(found, left_out, folders_left_out)


def _walk(
    root: Path, exclude: Sequence[str], ignored: Ignored | None, within: str | None
) -> Collected:
    """The Markdown files under ``root`` that are not left out, and what was."""
    files: list[str] = []
    left_out = folders_left_out = 0
    for folder, dirs, names in os.walk(root):
        searched = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        dirs[:] = [
            d
            for d in searched
            if not (ignored and ignored(os.path.join(folder, d), is_dir=True, within=within))
        ]
        folders_left_out += len(searched) - len(dirs)
        for name in names:
            if not name.lower().endswith(MARKDOWN_SUFFIXES):
                continue
            # normpath: `ddlint check .` names `README.md`, not `./README.md`, so GitHub
            # annotations and baselines match the repository's own paths.
            path = os.path.normpath(os.path.join(folder, name))
            if is_left_out(path, root, exclude, ignored, within):
                left_out += 1
            else:
                files.append(path)
    return Collected(files, left_out, folders_left_out)


def is_left_out(
    path: str, root: Path, exclude: Sequence[str], ignored: Ignored | None, within: str | None
) -> bool:
    """Whether an ``exclude`` glob or ``ignored`` (.gitignore) leaves ``path`` out."""
    if excluded(path, root, exclude, within=within):
        return True
    return bool(ignored and ignored(path, within=within))


def excluded(path: str, root: Path, exclude: Sequence[str], *, within: str | None = None) -> bool:
    """Whether an ``exclude`` glob matches the path (relative to ``root``, or as given)
    or one of the folders it lies in: ``docs/archive`` leaves out all that folder holds.
    With ``within`` (a folder holding the path), only the folders below it count: the
    folder named on the command line is checked, whatever ``exclude`` says of it."""
    if not exclude:
        return False
    # How many of the path's last parts lie below ``within``: counted from the end, it
    # holds for each spelling of the path (relative, absolute, through a symlink).
    below = None
    if within is not None:
        below = len(Path(os.path.relpath(os.path.abspath(path), os.path.abspath(within))).parts)
    candidates: set[str] = set()
    for name in (os.path.relpath(path, root), os.path.normpath(path)):
        parts = Path(name).as_posix().split("/")
        first = 1 if below is None else max(1, len(parts) - below + 1)
        candidates.update("/".join(parts[:depth]) for depth in range(first, len(parts) + 1))
    return any(fnmatch.fnmatch(name, pattern) for name in candidates for pattern in exclude)
