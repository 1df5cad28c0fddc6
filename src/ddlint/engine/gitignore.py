"""Which files git ignores: the ``.gitignore`` files of the repository a path is in.

``ddlint check`` leaves them out of directory walks (a folder named on the command line
is walked all the same: ``within``), and out of files named on the command line with
``--force-exclude`` (what pre-commit passes), as ruff does. Only inside
a git repository (a folder with ``.git``), as git itself: a ``.gitignore`` elsewhere is
just a file. Each ``.gitignore`` speaks for the paths below its folder, a deeper one
overriding a shallower one, and ``.git/info/exclude`` for the whole repository; a
folder git ignores hides every file in it (git cannot re-include them). The patterns
are read by pathspec's ``GitIgnoreSpec``, which follows git's own matching.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a .gitignore is read (start-up time)
    from pathspec import GitIgnoreSpec


class GitIgnore:
    """``ignored(path)`` for many paths, reading each folder's ``.gitignore`` once."""

    def __init__(self) -> None:
        self._specs: dict[Path, list[GitIgnoreSpec]] = {}
        self._roots: dict[Path, Path | None] = {}

    def ignored(self, path: str, *, is_dir: bool = False, within: str | None = None) -> bool:
        """Whether git ignores ``path``. With ``within`` (a folder holding it, named on
        the command line), that folder and those above it hide nothing: it is checked
        as named, and only what it holds is matched."""
        absolute = Path(os.path.abspath(path))
        root = self._repository(absolute.parent)
        if root is None or absolute == root:
            return False
        parts = absolute.relative_to(root).parts
        if parts[0] == ".git":
            return True
        named = 0  # how many of the leading parts are the named folder and those above it
        if within is not None:
            with contextlib.suppress(ValueError):  # a folder above the work tree: all count
                named = len(Path(os.path.abspath(within)).relative_to(root).parts)
        # A folder git ignores hides all it holds: the folders first, top down.
        for depth in range(named + 1, len(parts)):
            if self._verdict(root, parts[:depth], is_dir=True, named=named):
                return True
        return self._verdict(root, parts, is_dir=is_dir, named=named)

    def _verdict(self, root: Path, parts: tuple[str, ...], *, is_dir: bool, named: int) -> bool:
        """Whether the ``.gitignore`` files above ``root/parts`` ignore it: the deepest
        one with a matching pattern decides. A pattern that matches it only through one
        of its first ``named`` folders does not count."""
        decided = False
        for depth in range(len(parts)):
            folder = root.joinpath(*parts[:depth])
            relative = "/".join(parts[depth:]) + ("/" if is_dir else "")
            for spec in self._folder_specs(folder, root):
                if named > depth:
                    include = _own_verdict(spec, relative, named - depth)
                else:
                    include = spec.check_file(relative).include
                if include is not None:
                    decided = include
        return decided

    def _folder_specs(self, folder: Path, root: Path) -> list[GitIgnoreSpec]:
        if folder not in self._specs:
            files = [folder / ".gitignore"]
            if folder == root:
                files.insert(0, root / ".git" / "info" / "exclude")
            self._specs[folder] = [spec for file in files if (spec := _read(file)) is not None]
        return self._specs[folder]

    def _repository(self, folder: Path) -> Path | None:
        """The work tree ``folder`` lies in: the nearest folder holding ``.git``."""
        if folder not in self._roots:
            if (folder / ".git").exists():
                self._roots[folder] = folder
            elif folder.parent == folder:
                self._roots[folder] = None
            else:
                self._roots[folder] = self._repository(folder.parent)
        return self._roots[folder]


def _own_verdict(spec: GitIgnoreSpec, relative: str, named: int) -> bool | None:
    """``spec``'s verdict on ``relative`` when its first ``named`` folders are not
    ignored (they were named on the command line): the last pattern that matches it,
    leaving out those that match only as something inside one of those folders.
    pathspec marks such a match with the group ``ps_d`` (the slash after the folder
    matched); where it does not, a match counts, as in ``check_file``."""
    decided: bool | None = None
    for pattern in spec.patterns:
        if pattern.include is None:
            continue
        result = pattern.match_file(relative)
        if result is None:
            continue
        match = getattr(result, "match", None)
        if isinstance(match, re.Match) and _matched_depth(match, relative) <= named:
            continue
        decided = pattern.include
    return decided


def _matched_depth(match: re.Match[str], relative: str) -> int:
    """How deep in ``relative`` the part a match matched lies: the folder before the
    ``ps_d`` slash (a match of something inside that folder), else the path itself."""
    if match.groupdict().get("ps_d") is None:
        return relative.rstrip("/").count("/") + 1
    return relative[: match.start("ps_d")].count("/") + 1


def _read(path: Path) -> GitIgnoreSpec | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # none there (the common case), or unreadable: it ignores nothing
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)
