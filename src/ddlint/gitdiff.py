"""What git knows about a file: the lines changed since a revision, a file at a revision,
the Markdown files changed between two revisions.

Everything runs ``git`` as a subprocess in the file's own repository, with a fixed
locale-free interface (``--no-color``, ``--no-ext-diff``, plumbing output), so a
user's git configuration cannot change what is parsed.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ddlint.source import Source, SourceError, decode

MARKDOWN_PATHSPECS = ("*.md", "*.markdown")
# ``@@ -12,3 +14,5 @@``: the new side starts at 14 and spans 5 lines (1 when omitted).
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(Exception):
    """git could not answer: not a repository, an unknown revision, git missing."""


@dataclass(frozen=True)
class RepoPath:
    """A file named relative to its repository's top-level directory."""

    root: Path
    relative: str  # POSIX separators, as git spells paths


def _git(args: Sequence[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (needed by --diff-base and diff)") from None
    except NotADirectoryError:
        raise GitError(f"{cwd}: not a directory") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(detail[-1] if detail else f"git {args[0]} failed")
    return done.stdout.decode("utf-8", "surrogateescape")


def repo_root(directory: Path) -> Path:
    """The top-level directory of the work tree holding ``directory``."""
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], directory).strip())
    except GitError:
        raise GitError(f"{directory}: not inside a git repository") from None


def locate(path: str | os.PathLike[str]) -> RepoPath:
    """Where ``path`` (which need not exist in the work tree) sits in its repository."""
    absolute = Path(os.path.realpath(os.path.abspath(os.fspath(path))))
    directory = absolute.parent
    while not directory.is_dir() and directory != directory.parent:
        directory = directory.parent
    root = Path(os.path.realpath(repo_root(directory)))
    try:
        relative = absolute.relative_to(root).as_posix()
    except ValueError:
        raise GitError(f"{path}: outside the git repository at {root}") from None
    return RepoPath(root, relative)


def is_revision(ref: str, cwd: Path) -> bool:
    """Whether ``ref`` names a commit in the repository at ``cwd``."""
    if not ref or ref.startswith("-"):
        return False
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except GitError:
        return False
    return True


def _require_revision(ref: str, cwd: Path) -> None:
    if not is_revision(ref, cwd):
        raise GitError(f"{ref!r} is not a revision of the git repository at {cwd}")


def added_lines(diff: str) -> set[int]:
    """Line numbers, in the new file, that a ``--unified=0`` diff adds or changes."""
    lines: set[int] = set()
    for hunk in _HUNK.finditer(diff):
        start = int(hunk.group(1))
        count = int(hunk.group(2)) if hunk.group(2) is not None else 1
        lines.update(range(start, start + count))
    return lines


def changed_lines(path: str | os.PathLike[str], base: str) -> set[int]:
    """Lines of the work-tree file ``path`` added or changed since revision ``base``.

    A file git does not track yet is new since any revision: all its lines count.
    """
    where = locate(path)
    _require_revision(base, where.root)
    tracked = _git(["ls-files", "--", where.relative], where.root).strip()
    if not tracked:
        text = Path(path).read_bytes().decode("utf-8", "replace")
        return set(range(1, len(re.split(r"\r\n|\r|\n", text)) + 1))
    diff = _git(
        ["diff", "--no-color", "--no-ext-diff", "--unified=0", base, "--", where.relative],
        where.root,
    )
    return added_lines(diff)


def file_at(revision: str, where: RepoPath) -> Source | None:
    """The file at ``revision``, or None when it does not exist there."""
    _require_revision(revision, where.root)
    spec = f"{revision}:{where.relative}"
    try:
        _git(["cat-file", "-e", spec], where.root)
    except GitError:
        return None
    raw = _git_bytes(["show", spec], where.root)
    try:
        return decode(raw, f"{revision}:{where.relative}")
    except SourceError as exc:
        raise GitError(str(exc)) from None


def _git_bytes(args: Sequence[str], cwd: Path) -> bytes:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def changed_markdown_files(old: str, new: str, cwd: Path) -> tuple[Path, list[str]]:
    """The repository root and the Markdown files (root-relative) that differ between
    revisions ``old`` and ``new``."""
    root = Path(os.path.realpath(repo_root(cwd)))
    _require_revision(old, root)
    _require_revision(new, root)
    names = _git(["diff", "--name-only", "--no-renames", old, new, "--", *MARKDOWN_PATHSPECS], root)
    return root, [name for name in names.splitlines() if name]
