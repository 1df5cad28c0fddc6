"""Bytes on disk <-> text, without losing a byte.

Reading is strict UTF-8; a BOM is remembered and stripped, so the rest of ddlint
sees the text GitHub renders. Writing is atomic (DESIGN.md §3.4): a temporary file
beside the target, fsync, ``os.replace``, the mode kept, and a refusal when the
file changed since it was read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
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
        return hashlib.sha256(self.raw).hexdigest()

    def encode(self, text: str) -> bytes:
        return ((BOM if self.bom else "") + text).encode("utf-8")


def dominant_newline(text: str) -> str:
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


def read_source(path: str | os.PathLike[str]) -> Source:
    name = os.fspath(path)
    try:
        raw = Path(name).read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{name}: is a directory") from None
    except PermissionError:
        raise SourceError(f"{name}: permission denied (cannot read)") from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return decode(raw, name)


def write_atomic(source: Source, text: str) -> bool:
    """Write ``text`` over ``source.path`` if its bytes differ; return whether it wrote.

    Refuses when the file on disk no longer holds the bytes that were read. A
    symlink is followed: the link stays, its target is rewritten.
    """
    if text == source.text:
        return False
    data = source.encode(text)
    target = Path(os.path.realpath(source.path))
    try:
        current = target.read_bytes()
    except OSError as exc:
        raise SourceError(f"{source.path}: cannot re-read before writing: {exc}") from None
    if current != source.raw:
        raise SourceError(
            f"{source.path}: changed on disk since ddlint read it; not written (run again)"
        )
    mode = stat.S_IMODE(target.stat().st_mode)
    # Root may write anything; a file without write bits is still meant read-only.
    if not os.access(target, os.W_OK) or not mode & stat.S_IWUSR:
        raise SourceError(f"{source.path}: file is read-only; not written")
    _remove_stale_temporaries(target)
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
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_directory(target.parent)
    return True


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
