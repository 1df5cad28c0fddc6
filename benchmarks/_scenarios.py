"""The benchmarks of issue #21 beyond one command on one list: start-up on a one-line
file, a cached re-check, and a folder of many lists checked with one or more jobs."""

from __future__ import annotations

import compileall
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks._report import CACHED_CHECK, FOLDER_PARALLEL, FOLDER_SERIAL, ONE_LINE_BESIDE
from benchmarks.generate import generate_list

if TYPE_CHECKING:
    from benchmarks.run import Bench

FOLDER_ROWS = (100, 1500)  # rows of each list of the folder, drawn uniformly


def use_bytecode() -> str:
    """Time ddlint as an installed package runs: from bytecode. A development shell may
    set PYTHONDONTWRITEBYTECODE, and every run would then compile every module again."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    import ddlint

    package = Path(ddlint.__file__).parent
    compileall.compile_dir(str(package), quiet=1)
    return f"ddlint loaded from bytecode ({package}, compiled before timing)"


def bench_one_line(bench: Bench, ddlint: str) -> None:
    path = bench.workdir / "one-line.md"
    path.write_text("# A paper list\n", encoding="utf-8")
    argv = [ddlint, "check", "--no-cache", path.name]
    runs = max(bench.args.runs, 5)
    size = path.stat().st_size
    bench.time("ddlint check", argv, "one-line file", None, size, runs=runs, timeout=600)


def bench_cached(bench: Bench, ddlint: str, rows: int) -> None:
    """A re-check of the unchanged clean list, its result cached by a first run, in turn
    with the check of a one-line file; and the same after ``--fix`` (little to report)."""
    clean = bench.workdir / f"list-{rows}-standard-clean.md"
    fixed = bench.workdir / f"list-{rows}-standard-fixed.md"
    one_line = bench.workdir / "one-line.md"
    if not clean.is_file():
        return
    shutil.copyfile(clean, fixed)
    fix = [ddlint, "check", "--no-cache", "--fix-only", fixed.name]
    subprocess.run(fix, cwd=bench.workdir, capture_output=True, check=False)
    cache = bench.workdir / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    small = ("ddlint check", [ddlint, "check", "--no-cache", one_line.name], ONE_LINE_BESIDE)
    for path, label in ((clean, f"{rows:,} rows"), (fixed, f"{rows:,} rows, after --fix")):
        argv = [ddlint, "check", "--cache-dir", cache.name, path.name]
        subprocess.run(argv, cwd=bench.workdir, capture_output=True, check=False)  # fills it
        sizes = (path.stat().st_size, one_line.stat().st_size)
        bench.time_pair((CACHED_CHECK, argv, label), small, rows, sizes, timeout=600, runs=5)
        small = (small[0], small[1], f"{ONE_LINE_BESIDE} (after --fix)")


def bench_folder(bench: Bench, ddlint: str, count: int) -> str:
    """``count`` defective lists of 100–1 500 rows in one folder, checked with
    ``--jobs 1`` and with the default; the note says whether the reports are identical."""
    # Outside the repository: a directory walk leaves out what .gitignore covers, and
    # benchmarks/out/ is ignored (the walk would find no list at all).
    folder = Path(tempfile.gettempdir()) / "ddlint-benchmark-folder"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    rng = random.Random(bench.args.seed)
    rows = 0
    for index in range(count):
        size = rng.randint(*FOLDER_ROWS)
        rows += size
        text = generate_list(size, defects=True, seed=bench.args.seed + index)
        (folder / f"session-{index:03d}.md").write_text(text, encoding="utf-8", newline="")
    total = sum(path.stat().st_size for path in folder.iterdir())
    label = f"{count} lists, {rows:,} rows"
    serial = [ddlint, "check", "--no-cache", "--jobs", "1", str(folder)]
    parallel = [ddlint, "check", "--no-cache", str(folder)]
    pair = ((FOLDER_SERIAL, serial, label), (FOLDER_PARALLEL, parallel, label))
    bench.time_pair(*pair, rows, (total, total), timeout=bench.args.timeout)
    reports = [
        subprocess.run(argv, cwd=bench.workdir, capture_output=True, check=False).stdout
        for argv in (serial, parallel)
    ]
    same = "yes" if reports[0] == reports[1] else "NO"
    if not reports[0]:
        same = "NO LIST CHECKED"  # an empty report: the walk found no file
    return (
        f"folder report of the default --jobs ({os.cpu_count()} cores) byte-identical to "
        f"--jobs 1: {same} ({len(reports[0]):,} bytes)"
    )


def load_note(when: str) -> str:
    if not hasattr(os, "getloadavg"):
        return f"load average {when}: n/a"
    one, five, fifteen = os.getloadavg()
    return f"load average {when} (1, 5, 15 min): {one:.2f}, {five:.2f}, {fifteen:.2f}"
