"""Which files git ignores: the ``.gitignore`` files of the repository a path is in.

``ddlint check`` leaves them out of directory walks, and out of files named on the
command line with ``--force-exclude`` (what pre-commit passes), as ruff does. Only inside
a git repository (a folder with ``.git``), as git itself: a ``.gitignore`` elsewhere is
just a file. Each ``.gitignore`` speaks for the paths below its folder, a deeper one
overriding a shallower one, and ``.git/info/exclude`` for the whole repository; a
folder git ignores hides every file in it (git cannot re-include them). The patterns
are read by pathspec's ``GitIgnoreSpec``, which follows git's own matching.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a .gitignore is read (start-up time)
    from pathspec import GitIgnoreSpec


class GitIgnore:
    """``ignored(path)`` for many paths, reading each folder's ``.gitignore`` once."""

    def __init__(self) -> None:
        self._specs: dict[Path, list[GitIgnoreSpec]] = {}
        self._roots: dict[Path, Path | None] = {}

    def ignored(self, path: str, *, is_dir: bool = False) -> bool:
        absolute = Path(os.path.abspath(path))
        root = self._repository(absolute.parent)
        if root is None or absolute == root:
            return False
        parts = absolute.relative_to(root).parts
        if parts[0] == ".git":
            return True
        # A folder git ignores hides all it holds: the folders first, top down.
        for depth in range(1, len(parts)):
            if self._verdict(root, parts[:depth], is_dir=True):
                return True
        return self._verdict(root, parts, is_dir=is_dir)

    def _verdict(self, root: Path, parts: tuple[str, ...], *, is_dir: bool) -> bool:
        """Whether the ``.gitignore`` files above ``root/parts`` ignore it: the deepest
        one with a matching pattern decides."""
        decided = False
        for depth in range(len(parts)):
            folder = root.joinpath(*parts[:depth])
            relative = "/".join(parts[depth:]) + ("/" if is_dir else "")
            for spec in self._folder_specs(folder, root):
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


def _read(path: Path) -> GitIgnoreSpec | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # none there (the common case), or unreadable: it ignores nothing
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)
