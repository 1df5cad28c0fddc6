"""Time one whole process and read its own peak memory.

Peak memory is the child's ``ru_maxrss``, but not read with ``getrusage(RUSAGE_CHILDREN)``
(a running maximum over every child ever reaped, so it cannot go down between
commands), and not read from our own ``wait4`` either: Linux records the old address
space's high-water mark at ``exec``, so a child forked from this (large, list-generating)
Python process starts with our RSS as its floor. So the command runs under a small
launcher that forks it and reports only that grandchild's ``ru_maxrss``: GNU
``/usr/bin/time -f %M`` when present (floor ~2 MB), else ``python -S`` with
``os.wait4`` (floor ~10 MB). Wall time is ``perf_counter`` from just before our spawn
to the reap, so interpreter start-up and imports count, as they do for a user.
"""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

FAILURE_MARKERS = ("Traceback (most recent call last)", "Cannot process file")
GNU_TIME = Path("/usr/bin/time")
PY_LAUNCHER = (
    "import os, sys; pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ); "
    "_, status, usage = os.wait4(pid, 0); "
    "open(sys.argv[1], 'w').write(str(usage.ru_maxrss)); "
    "sys.exit(os.waitstatus_to_exitcode(status) % 256)"
)


def _launcher(rss_file: Path) -> list[str]:
    if GNU_TIME.exists():
        return [str(GNU_TIME), "-f", "%M", "-o", str(rss_file)]
    return [sys.executable, "-S", "-c", PY_LAUNCHER, str(rss_file)]


def _read_kib(rss_file: Path) -> float:
    """GNU time may write "Command exited with non-zero status 1" before the number."""
    try:
        lines = rss_file.read_text().split()
        return float(lines[-1]) if lines else float("nan")
    except (OSError, ValueError):
        return float("nan")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    returncode: int  # negative: killed by that signal
    timed_out: bool
    stderr_tail: str


@dataclass(frozen=True)
class Measurement:
    runs: tuple[Run, ...]
    error: str | None  # None when every run succeeded

    @property
    def median_seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in self.runs)


def run_once(argv: Sequence[str], timeout: float, cwd: Path | None = None) -> Run:
    with (
        tempfile.TemporaryDirectory() as tmp,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        rss_file = Path(tmp) / "maxrss"
        command = [*_launcher(rss_file), *argv]
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            returncode = proc.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        err.seek(0)
        tail = err.read()[-600:].decode("utf-8", "replace").strip()
        # ru_maxrss is in KiB on Linux (bytes on macOS; these benchmarks assume Linux).
        peak_mb = _read_kib(rss_file) / 1024
    return Run(seconds, peak_mb, returncode, timed_out.is_set(), tail)


def measure(
    argv: Sequence[str],
    runs: int,
    timeout: float,
    ok_codes: frozenset[int] = frozenset({0, 1}),
    prepare: Callable[[], None] | None = None,
    cwd: Path | None = None,
) -> Measurement:
    """Run ``argv`` ``runs`` times (``prepare`` before each, untimed); stop at a failure.

    A run fails when it times out, exits outside ``ok_codes`` or prints a failure
    marker: linters exit 1 for "findings", and so do a Python traceback (e.g. a missing
    entry point) and remark's "Cannot process file".
    """
    done: list[Run] = []
    for _ in range(runs):
        if prepare is not None:
            prepare()
        run = run_once(argv, timeout, cwd)
        done.append(run)
        if run.timed_out:
            return Measurement(tuple(done), f"> {timeout:g} s")
        crashed = any(marker in run.stderr_tail for marker in FAILURE_MARKERS)
        if run.returncode not in ok_codes or crashed:
            tail = " ".join(run.stderr_tail.split())[-240:] or "(no stderr)"
            return Measurement(tuple(done), f"failed (exit {run.returncode}): {tail}")
    return Measurement(tuple(done), None)
