"""The command runs without the cyclic garbage collector (``ddlint._entry``).

That is only sound while linting, fixing and exporting make no reference cycles, which
these tests check on every list shape we have: whatever one of them creates must be freed
by reference counting alone. Link checking (asyncio, httpx) does make cycles; the
command collects while it runs (tests/test_linkfindings.py).
"""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

from ddlint.api import fix_text, lint_text, parse_records
from ddlint.export import export_papers

FIXTURES = Path(__file__).parent / "fixtures"
LISTS = [FIXTURES / "dataset-distillation-papers.md", *sorted((FIXTURES / "lists").glob("*.md"))]


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
    target.write_bytes((FIXTURES / "dataset-distillation-papers.md").read_bytes())
    probe = (
        "import contextlib, gc, io, sys\n"
        "from ddlint._entry import main\n"
        f"sys.argv = ['ddlint', 'check', {str(target)!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main()\n"
        "print(code, gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "False"]  # the seed's findings: the check really ran
