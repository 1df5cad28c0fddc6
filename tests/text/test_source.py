"""`--fix` never leaves a half-written README (DESIGN.md §3.4, issue "Bad input, faults")."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.cli.main import main
from ddlint.text.source import TEMP_SUFFIX, SourceError, decode, read_source, write_atomic


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


@pytest.mark.parametrize("failing", ["write", "fsync", "chmod", "replace"])
def test_failure_anywhere_in_the_write_leaves_the_old_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(SEED.read_bytes())
    source = read_source(path)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device (injected)")

    if failing == "write":
        real_fdopen = os.fdopen

        class HalfWriter:
            """Writes half the bytes, then the disk is full."""

            def __init__(self, handle: object) -> None:
                self.handle = handle

            def __enter__(self) -> HalfWriter:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()  # type: ignore[attr-defined]

            def write(self, data: bytes) -> None:
                self.handle.write(data[: len(data) // 2])  # type: ignore[attr-defined]
                boom()

        monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(os, failing, boom)
    with pytest.raises(OSError, match="injected"):
        write_atomic(source, source.text.replace("Guang Li", "G. Li"))
    monkeypatch.undo()
    assert path.read_bytes() == SEED.read_bytes()
    assert _temporaries(tmp_path) == []


_WRITER = """
import sys
from ddlint.text.source import read_source, write_atomic
path = sys.argv[1]
big = "| row |\\n" * 200_000
while True:
    source = read_source(path)
    new = big if not source.text.startswith("| row") else "# small\\n"
    write_atomic(source, new)
"""


def test_killed_writer_leaves_old_or_new_bytes(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("# small\n", encoding="utf-8")
    allowed = {b"# small\n", ("| row |\n" * 200_000).encode()}
    rng = random.Random(7)
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)])
        time.sleep(rng.uniform(0.15, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert path.read_bytes() in allowed
    # A later write sweeps the temporaries the killed processes left behind.
    source = read_source(path)
    write_atomic(source, source.text + "\n" if source.text.startswith("#") else "# small\n")
    assert _temporaries(tmp_path) == []


def test_mode_and_symlink_are_kept(tmp_path: Path) -> None:
    real = tmp_path / "real" / "README.md"
    real.parent.mkdir()
    real.write_bytes(SEED.read_bytes())
    real.chmod(0o640)
    link = tmp_path / "README.md"
    link.symlink_to(real)
    assert main(["check", "--fix-only", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != SEED.read_bytes()
    assert real.stat().st_mode & 0o777 == 0o640
    assert _temporaries(real.parent) == [] and _temporaries(tmp_path) == []


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("# Nothing to fix\n", encoding="utf-8")
    before = path.stat().st_mtime_ns
    time.sleep(0.01)
    assert main(["check", "--fix-only", str(path)]) == 0
    assert path.stat().st_mtime_ns == before


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.binary(), st.text().map(str.encode), st.text().map(("\ufeff").__add__).map(str.encode)
    )
)
def test_source_gives_back_exactly_the_bytes_read(raw: bytes) -> None:
    # Source keeps the text, not the bytes: strict UTF-8 must give them back unchanged.
    try:
        source = decode(raw, "x.md")
    except SourceError:
        return
    assert source.raw == raw


# -- what is read: regular files only, up to a cap --------------------------------------


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "evil.md"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match=r"evil\.md: not a regular file \(a FIFO\)"):
        read_source(fifo)


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "evil.md"
    link.symlink_to("/dev/zero")
    with pytest.raises(SourceError, match=r"not a regular file \(a character device\)"):
        read_source(link)


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 101)
    with pytest.raises(SourceError, match="101 bytes, more than the 100-byte limit"):
        read_source(path, max_bytes=100)
    assert read_source(path, max_bytes=101).text == "x" * 101


# -- what is written: nothing lost, owner kept, no write through an outside symlink -------


def test_an_append_right_before_the_replace_is_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(SEED.read_bytes())
    source = read_source(path)
    appended = (
        b"| Late Author | [**A Late Row**](https://arxiv.org/abs/2301.00001) | ICML, 2023 |\n"
    )

    def append(target: Path) -> None:
        with target.open("ab") as handle:
            handle.write(appended)

    with pytest.raises(SourceError, match="changed on disk since ddlint read it"):
        write_atomic(source, source.text.replace("Guang Li", "G. Li"), before_replace=append)
    assert path.read_bytes() == SEED.read_bytes() + appended
    assert _temporaries(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_fix_run_by_root_keeps_the_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(SEED.read_bytes())
    os.chown(path, 4242, 4343)
    source = read_source(path)
    assert write_atomic(source, source.text.replace("Guang Li", "G. Li"))
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (4242, 4343)


def test_a_symlink_out_of_the_root_is_not_written(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_bytes(SEED.read_bytes())
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "inside.md").write_bytes(SEED.read_bytes())
    (repo / "out-link.md").symlink_to(outside)
    (repo / "in-link.md").symlink_to(repo / "inside.md")
    fixed = SEED.read_text(encoding="utf-8").replace("Guang Li", "G. Li")
    with pytest.raises(SourceError, match=r"out-link\.md: a symlink to .*outside"):
        write_atomic(read_source(repo / "out-link.md"), fixed, symlink_root=repo)
    assert outside.read_bytes() == SEED.read_bytes()
    assert write_atomic(read_source(repo / "in-link.md"), fixed, symlink_root=repo)
    assert (repo / "inside.md").read_text(encoding="utf-8") == fixed
