"""Time one whole process and read its own peak memory.

Peak memory comes from ``os.wait4``: the kernel hands back the ``rusage`` of exactly the
child being reaped, whose ``ru_maxrss`` is the peak resident set of that child (or of the
largest descendant it waited for itself, e.g. node behind a shell shim). Unlike
``getrusage(RUSAGE_CHILDREN)``, which is a running maximum over every child ever reaped
and so cannot go down between commands, it is per command, and it needs no
``/usr/bin/time``. Wall time is ``perf_counter`` from just before ``fork`` to the reap,
so interpreter start-up and imports count, as they do for a user.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


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
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=cwd, start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
        err.seek(0)
        tail = err.read()[-600:].decode("utf-8", "replace").strip()
    # Linux reports ru_maxrss in KiB (macOS in bytes; these benchmarks assume Linux).
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, timed_out.is_set(), tail)


def measure(
    argv: Sequence[str],
    runs: int,
    timeout: float,
    ok_codes: frozenset[int] = frozenset({0, 1}),
    prepare: Callable[[], None] | None = None,
    cwd: Path | None = None,
) -> Measurement:
    """Run ``argv`` ``runs`` times (``prepare`` before each, untimed); stop at a failure.

    A run fails when it times out, exits outside ``ok_codes`` or prints a Python
    traceback (a missing entry point exits 1, which a linter also uses for "findings").
    """
    done: list[Run] = []
    for _ in range(runs):
        if prepare is not None:
            prepare()
        run = run_once(argv, timeout, cwd)
        done.append(run)
        if run.timed_out:
            return Measurement(tuple(done), f"> {timeout:g} s")
        if run.returncode not in ok_codes or "Traceback (most recent call last)" in run.stderr_tail:
            tail = " ".join(run.stderr_tail.split())[-240:] or "(no stderr)"
            return Measurement(tuple(done), f"failed (exit {run.returncode}): {tail}")
    return Measurement(tuple(done), None)
