"""What git knows about a file: the lines changed since a revision, a file at a revision,
the Markdown files changed between two revisions.

Everything runs ``git`` as a subprocess in the file's own repository, with a fixed
locale-free interface (``--no-color``, ``--no-ext-diff``, plumbing output), so a
user's git configuration cannot change what is parsed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddlint.text.errors import InputError
from ddlint.text.source import Source, SourceError, decode, read_source

if TYPE_CHECKING:
    import subprocess

MARKDOWN_PATHSPECS = ("*.md", "*.markdown")
# ``@@ -12,3 +14,5 @@``: the new side starts at 14 and spans 5 lines (1 when omitted).
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(InputError):
    """git could not answer: not a repository, an unknown revision, git missing."""


@dataclass(frozen=True)
class RepoPath:
    """A file named relative to its repository's top-level directory."""

    root: Path
    relative: str  # POSIX separators, as git spells paths


def _git(args: Sequence[str], cwd: Path) -> str:
    try:
        done = _run(
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
        lines = re.split(r"\r\n|\r|\n", text)
        return set(range(1, len(lines) + (0 if lines[-1] == "" else 1)))
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
    done = _run(["git", *args], cwd=cwd, capture_output=True, check=False)
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


# -- two versions of a list (``ddlint diff OLD NEW [PATH...]``) ---------------------------


@dataclass(frozen=True)
class Versions:
    """The old and new text of one list; None where the file does not exist."""

    path: str
    old: Source | None
    new: Source | None


def resolve_versions(old: str, new: str, paths: Sequence[str], cwd: Path) -> list[Versions]:
    """Each of ``old`` and ``new`` is a file or a revision; a revision means each PATH at
    that revision (with one file given, that file's path); two revisions and no PATH
    mean every Markdown file changed between them."""
    old_is_file, new_is_file = Path(old).is_file(), Path(new).is_file()
    for name, is_file in ((old, old_is_file), (new, new_is_file)):
        if not is_file and not is_revision(name, cwd):
            raise GitError(f"{name}: neither a file nor a git revision")
    if (old_is_file or new_is_file) and paths:
        raise GitError("PATH arguments need OLD and NEW to be git revisions, not files")
    if old_is_file and new_is_file:
        return [Versions(new, read_source(old), read_source(new))]
    if old_is_file or new_is_file:
        file, revision = (old, new) if old_is_file else (new, old)
        at_revision = file_at(revision, locate(file))
        if old_is_file:
            return [Versions(file, read_source(file), at_revision)]
        return [Versions(file, at_revision, read_source(file))]
    if paths:
        return [_at_revisions(path, locate(path), old, new) for path in paths]
    root, names = changed_markdown_files(old, new, cwd)
    return [_at_revisions(name, RepoPath(root, name), old, new) for name in names]


def _at_revisions(display: str, where: RepoPath, old: str, new: str) -> Versions:
    versions = Versions(display, file_at(old, where), file_at(new, where))
    if versions.old is None and versions.new is None:
        raise GitError(f"{display}: not found at {old} nor at {new}")
    return versions


def _run(argv: list[str], **options: Any) -> subprocess.CompletedProcess[bytes]:
    """``subprocess.run``, imported on first use: only ``--diff-base`` and ``ddlint diff``
    run git, and the module costs every other run start-up time."""
    import subprocess

    return subprocess.run(argv, **options)
