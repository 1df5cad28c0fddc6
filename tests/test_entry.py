"""The command runs without the cyclic garbage collector (``ddlint._entry``).

That is only sound while linting, fixing and exporting make no reference cycles, which
these tests check on every list shape we have: whatever one of them creates must be freed
by reference counting alone. Link checking (asyncio, httpx) does make cycles; the
command collects while it runs (tests/engine/test_linkfindings.py).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from helpers import FIXTURES, SEED

from ddlint.api import fix_text, lint_text, parse_records
from ddlint.records.export import export_papers

LISTS = [SEED, *sorted((FIXTURES / "lists").glob("*.md"))]


@pytest.fixture
def collector_off() -> Iterator[None]:
    """The collector as the command has it, after a first collection clears the slate."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _cycles(action: Callable[[], object]) -> int:
    """How many objects ``action`` leaves in reference cycles (collector off, as in the command)."""
    gc.collect()
    action()
    return gc.collect()


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in LISTS])
def test_lint_fix_and_export_leave_no_reference_cycles(path: Path, collector_off: None) -> None:
    text = path.read_text(encoding="utf-8")
    papers = parse_records(text)
    actions: list[Callable[[], object]] = [
        lambda: lint_text(text),
        lambda: fix_text(text),
        lambda: fix_text(text, unsafe=True),
        lambda: parse_records(text),
    ]
    for action in actions:
        action()  # the first use fills caches and compiles patterns: not garbage
        assert _cycles(action) == 0
    for fmt in ("json", "jsonl", "csv"):
        export_papers(papers, fmt)
        # json's indenting encoder is a few closures that refer to each other: the same
        # handful of objects for one paper as for all of them, none of them ours.
        assert _cycles(partial(export_papers, papers, fmt)) == _cycles(
            partial(export_papers, papers[:1], fmt)
        )


def test_the_command_runs_without_the_collector(tmp_path: Path) -> None:
    target = tmp_path / "README.md"
    target.write_bytes(SEED.read_bytes())
    probe = (
        "import contextlib, gc, io, sys\n"
        "from ddlint._entry import run\n"
        f"sys.argv = ['ddlint', 'check', {str(target)!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = run()\n"
        "print(code, gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "False"]  # the seed's findings: the check really ran


def test_leaving_without_teardown_loses_no_output_and_keeps_the_exit_code(tmp_path: Path) -> None:
    """The command ends with ``os._exit`` after flushing: a long report through a pipe
    arrives whole, and the exit code is the command's."""
    rows = "".join(
        f"| Ada |  [**Engine {n}**](http://arxiv.org/pdf/2201.{n:05d}.pdf) | ICML 2022 |\n"
        for n in range(1, 3001)
    )
    target = tmp_path / "README.md"
    target.write_text("| Author | Title | Venue |\n|---|---|---|\n" + rows, encoding="utf-8")
    command = [sys.executable, "-m", "ddlint", "check", "--output-format", "json", str(target)]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 1
    findings = json.loads(done.stdout)  # the whole array, to its closing bracket
    assert len(done.stdout) > 500_000  # far beyond what a pipe holds
    assert {line for f in findings for line in f.get("rows", [f["line"]])} >= set(range(3, 3003))
    clean = tmp_path / "clean.md"
    clean.write_text("# Nothing to check\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ddlint", "check", str(clean)], capture_output=True
    )
    assert done.returncode == 0
