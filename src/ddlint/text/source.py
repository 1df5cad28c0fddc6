"""Bytes on disk <-> text, without losing a byte.

Reading is strict UTF-8; a BOM is remembered and stripped, so the rest of ddlint
sees the text GitHub renders. Writing is atomic (DESIGN.md §3.4): a temporary file
beside the target, fsync, ``os.replace``, the mode kept, and a refusal when the
file changed since it was read.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ddlint.text.errors import InputError

BOM = "\ufeff"
_BOM_BYTES = BOM.encode("utf-8")


class SourceError(InputError):
    """A file ddlint cannot read or write; the message names the file and the problem."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str  # without the BOM
    bom: bool
    newline: str  # the dominant line ending: "\n", "\r\n" or "\r"

    @property
    def raw(self) -> bytes:
        """Exactly the bytes that were read, to detect changes before writing.

        Strict UTF-8 decoding is one-to-one, so the text and the BOM give them back;
        not keeping them halves what a read file holds (35 MB on a 100 000-row list).
        """
        return self.encode(self.text)

    @property
    def digest(self) -> str:
        import hashlib  # only a run that compares files by digest needs it (start-up time)

        return hashlib.sha256(self.raw).hexdigest()

    def encode(self, text: str) -> bytes:
        return ((BOM if self.bom else "") + text).encode("utf-8")


def dominant_newline(text: str) -> str:
    if "\r" not in text:  # one scan instead of three counts, for the common case
        return "\n"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def decode(raw: bytes, path: str) -> Source:
    """Decode ``raw`` strictly; errors name the line and byte offset of the first bad byte."""
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        line = raw.count(b"\n", 0, offset) + 1
        raise SourceError(
            f"{path}: looks like a binary file (NUL byte at line {line}, byte offset {offset})"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            f"{path}: not valid UTF-8: byte 0x{raw[exc.start]:02x} at line {line}, "
            f"column {column} (byte offset {exc.start})"
        ) from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    return Source(path=path, text=text, bom=bom, newline=dominant_newline(text))


# The largest file read by default. A real paper list is a few hundred kilobytes; a
# file past this is most likely not a list at all, and reading it whole would hold
# its text several times over while it is parsed.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def read_source(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a regular file of at most ``max_bytes`` bytes, strictly decoded.

    Anything else (a FIFO, a device, a socket, a symlink to one) is refused before a
    byte is read: a pull request can carry a symlink to ``/dev/zero`` or a FIFO named
    ``*.md``, and reading either would never end.
    """
    name = os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise SourceError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{name}: is a directory") from None
    except PermissionError:
        raise SourceError(f"{name}: permission denied (cannot read)") from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        raw = _read_regular(fd, name, max_bytes)
    finally:
        os.close(fd)
    return decode(raw, name)


def _read_regular(fd: int, name: str, max_bytes: int) -> bytes:
    """The bytes behind ``fd`` if it is a regular file within the size cap."""
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{name}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{name}: not a regular file ({_file_kind(info.st_mode)}); not read")
        if info.st_size > max_bytes:
            raise SourceError(_too_large(name, info.st_size, max_bytes))
        chunks: list[bytes] = []
        size = 0
        # Read to the end, but never past the cap: the file may grow while it is read.
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise SourceError(_too_large(name, size, max_bytes))
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a plain file"


def _too_large(name: str, size: int, max_bytes: int) -> str:
    return (
        f"{name}: {size:,} bytes, more than the {max_bytes:,}-byte limit; not read "
        "(raise max-file-size in the config to read it)"
    )


def write_atomic(
    source: Source,
    text: str,
    *,
    before_replace: Callable[[Path], None] | None = None,
    symlink_root: str | os.PathLike[str] | None = None,
) -> bool:
    """Write ``text`` over ``source.path`` if its bytes differ; return whether it wrote.

    Refuses when the file on disk no longer holds the bytes that were read: once
    before the temporary file is made, and again right before ``os.replace``, so a
    line another process appended while the new text was written is not lost.
    ``before_replace(target)`` runs just before that last comparison (a hook for
    tests and callers that must act at that moment).

    A symlink is followed: the link stays, its target is rewritten. With
    ``symlink_root``, a symlink whose target lies outside that folder is refused, so
    a link committed to a repository cannot make a fix write elsewhere.
    """
    if text == source.text:
        return False
    data = source.encode(text)
    target = Path(os.path.realpath(source.path))
    if symlink_root is not None and not _inside(target, Path(os.path.realpath(symlink_root))):
        raise SourceError(
            f"{source.path}: a symlink to {target}, outside {os.fspath(symlink_root)}; "
            "not written (--fix-symlink-targets allows it)"
        )
    _check_unchanged(source, target)
    info = target.stat()
    mode = stat.S_IMODE(info.st_mode)
    # Root may write anything; a file without write bits is still meant read-only.
    if not os.access(target, os.W_OK) or not mode & stat.S_IWUSR:
        raise SourceError(f"{source.path}: file is read-only; not written")
    _remove_stale_temporaries(target)
    import tempfile  # only a run that writes needs it (start-up time)

    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
    except PermissionError:
        raise SourceError(
            f"{source.path}: directory {target.parent} is not writable; not written"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_owner(tmp_name, info)
        # After the owner: giving a file away may clear its set-id bits.
        os.chmod(tmp_name, mode)
        if before_replace is not None:
            before_replace(target)
        _check_unchanged(source, target)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_directory(target.parent)
    return True


def _check_unchanged(source: Source, target: Path) -> None:
    try:
        current = target.read_bytes()
    except OSError as exc:
        raise SourceError(f"{source.path}: cannot re-read before writing: {exc}") from None
    if current != source.raw:
        raise SourceError(
            f"{source.path}: changed on disk since ddlint read it; not written (run again)"
        )


def _keep_owner(tmp_name: str, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group, where this process may.

    The temporary file belongs to whoever runs ddlint: without this, a fix run by
    root would hand the file to root. A user may not give a file away, and may set
    only a group they belong to; whatever is not allowed stays as it is.
    """
    if not hasattr(os, "chown"):
        return
    tmp_info = os.stat(tmp_name)
    if (tmp_info.st_uid, tmp_info.st_gid) == (info.st_uid, info.st_gid):
        return
    with contextlib.suppress(OSError):
        os.chown(tmp_name, info.st_uid, info.st_gid)
        return
    with contextlib.suppress(OSError):
        os.chown(tmp_name, -1, info.st_gid)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


TEMP_SUFFIX = ".ddlint-tmp"


def _remove_stale_temporaries(target: Path) -> None:
    """Delete temporaries a killed ddlint left beside ``target`` (their pid is gone)."""
    for leftover in target.parent.glob(f".{glob_escape(target.name)}.*{TEMP_SUFFIX}"):
        pid_text = leftover.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid_text.isdigit() and not _alive(int(pid_text)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_directory(directory: Path) -> None:
    # The rename is durable only once the directory entry is on disk.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
