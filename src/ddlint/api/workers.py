"""The files of a run, checked in worker processes when there are several (``--jobs``).

Each file is checked whole in one worker (``files.check_file``), and the outcomes come
back in the order of the files, so a parallel run gives the report a serial run gives,
byte for byte. A worker writes nothing: the run writes fixed files at its end.

Workers are used only when they can pay for themselves: several files, more than one
job, and files that add up to ``PARALLEL_MIN_BYTES`` (starting the workers costs about
what linting that much does). Stdin and ``--check-links`` stay in one process: the
link checker's limits per host, its progress bar and its one cache file are per run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO

from ddlint.api.files import Caches, FileError, FileOutcome, check_file
from ddlint.engine.config import Config
from ddlint.text.findings import Edit, Finding, Fix

if TYPE_CHECKING:
    from concurrent.futures import Future

    from ddlint.api.run import RunOptions

PARALLEL_MIN_BYTES = 256 * 1024

# (file name, its configuration, its enabled rule codes)
Plan = tuple[str, Config, set[str]]


def _finding_args(finding: Finding) -> tuple[type[Finding], tuple[object, ...]]:
    return Finding, (
        finding.code,
        finding.name,
        finding.severity,
        finding.message,
        finding.span,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.fix,
        finding.path,
        finding.fingerprint,
        finding.reason,
        finding.parts,
    )


def _fix_args(fix: Fix) -> tuple[type[Fix], tuple[object, ...]]:
    return Fix, (fix.applicability, fix.edits, fix.description)


def _edit_args(edit: Edit) -> tuple[type[Edit], tuple[object, ...]]:
    return Edit, (edit.span, edit.text)


def _pickle_findings_by_constructor() -> None:
    """A worker's findings travel to the run as constructor arguments: by default a
    frozen dataclass pickles a state of named fields and sets them one by one when
    unpickled, a cost the run pays for every finding of every file."""
    import copyreg

    copyreg.pickle(Finding, _finding_args)
    copyreg.pickle(Fix, _fix_args)
    copyreg.pickle(Edit, _edit_args)


def default_jobs() -> int:
    """The cores this process may run on (a container's or CI runner's share)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - macOS, Windows


def worker_count(plans: Sequence[Plan], options: RunOptions, jobs: int) -> int:
    """How many worker processes to check ``plans`` with; 0 checks them in this one."""
    names = [name for name, _, _ in plans]
    network = options.check_links or options.check_metadata  # one process: one host's pace
    if jobs <= 1 or len(names) < 2 or "-" in names or network:
        return 0
    total = 0
    for name in names:
        try:
            total += os.stat(name).st_size
        except OSError:
            continue  # the check will say what is wrong with it
        if total >= PARALLEL_MIN_BYTES:
            return min(jobs, len(names))
    return 0


def check_all(
    plans: Sequence[Plan],
    options: RunOptions,
    caches: Caches,
    workers: int,
    stdin: BinaryIO | None,
) -> Iterator[FileOutcome | FileError]:
    """The outcome of every plan, in order; ``workers`` processes, or this one for 0.

    A run-level ``InputError`` is raised at the file that raised it, as in a serial run.
    """
    if workers == 0:
        for name, config, codes in plans:
            yield check_file(name, config, codes, options, caches, stdin)
        return
    yield from _in_workers(plans, options, caches, workers)


def _in_workers(
    plans: Sequence[Plan], options: RunOptions, caches: Caches, workers: int
) -> Iterator[FileOutcome | FileError]:
    # Imported here: a run of one file never pays for multiprocessing.
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # A forked worker starts with every module this process imported, at no cost. Fork
    # is unsafe in a process with other threads (a library caller's) and on macOS, and
    # missing on Windows: there, a fresh interpreter per worker (forkserver, spawn).
    alone = threading.active_count() == 1
    if sys.platform.startswith("linux"):
        method: str | None = "fork" if alone else "forkserver"
    else:
        method = None  # the platform's default
    # A forked worker would print again what still sits in these buffers when it exits.
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    _pickle_findings_by_constructor()  # before the workers start: forked, they inherit it
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_pickle_findings_by_constructor,
    )
    try:
        futures: list[Future[FileOutcome | FileError]] = [
            pool.submit(check_file, name, config, codes, options, caches)
            for name, config, codes in plans
        ]
        for (name, _, _), future in zip(plans, futures):
            try:
                yield future.result()
            except BrokenProcessPool as exc:  # a worker died (killed, out of memory)
                yield FileError(
                    name,
                    f"{name}: internal error: the worker process checking it stopped "
                    f"({exc}). {name} was not written. Please report it.",
                )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
