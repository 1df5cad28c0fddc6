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
