"""``--jobs``: several files are checked in worker processes, and the report, the exit
code, the files written and the errors are those of a serial run, in the same order.

The lists are generated (``benchmarks/generate.py``); the workers are real processes
(``CheckRun.workers`` counts them). ``PARALLEL_MIN_BYTES`` is lowered so that a few
small lists are enough to start them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from testrules import UNFIXED

from benchmarks.generate import generate_list
from ddlint.api import workers
from ddlint.api.run import RunOptions, check_paths
from ddlint.cli.main import main

TESTS = ROOT / "tests"


@pytest.fixture
def lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 1)
    folder = tmp_path / "lists"
    folder.mkdir()
    for seed in range(4):
        text = generate_list(30 + 10 * seed, defects=True, seed=seed)
        (folder / f"session-{seed}.md").write_text(text, encoding="utf-8")
    (folder / "notes.md").write_text("# Notes\n\nNo table here.\n", encoding="utf-8")
    return folder


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _moved(result: tuple[int, str, str], old: Path, new: Path) -> tuple[int, str, str]:
    """A run's result as it reads on a copy of the folder checked."""
    code, out, err = result
    return code, out.replace(str(old), str(new)), err.replace(str(old), str(new))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_two_jobs_report_what_one_job_reports(
    lists: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    serial = _run(capsys, "--jobs", "1", "--output-format", fmt, str(lists))
    parallel = _run(capsys, "--jobs", "2", "--output-format", fmt, str(lists))
    assert serial[0] == 1  # the generated defects were found
    assert parallel == serial


def test_the_files_are_checked_in_worker_processes(lists: Path) -> None:
    assert check_paths([str(lists)], RunOptions(jobs=2)).workers == 2
    assert check_paths([str(lists)], RunOptions(jobs=1)).workers == 0
    # One file, or stdin among the files, is checked in this process.
    one = str(lists / "session-0.md")
    assert check_paths([one], RunOptions(jobs=2)).workers == 0


def test_few_bytes_stay_in_one_process(lists: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 10**9)
    assert check_paths([str(lists)], RunOptions(jobs=2)).workers == 0


def test_the_jobs_key_of_the_config(lists: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(lists)
    (lists / ".ddlint.toml").write_text("jobs = 1\n", encoding="utf-8")
    assert check_paths(["."], RunOptions()).workers == 0
    assert check_paths(["."], RunOptions(jobs=2)).workers == 2  # the option wins


def test_two_jobs_fix_what_one_job_fixes(lists: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = lists.parent / "copy"
    shutil.copytree(lists, copy)
    serial = _run(capsys, "--jobs", "1", "--fix", "--show-fixes", str(lists))
    parallel = _run(capsys, "--jobs", "2", "--fix", "--show-fixes", str(copy))
    assert parallel == _moved(serial, lists, copy)
    for path in lists.iterdir():
        assert (copy / path.name).read_bytes() == path.read_bytes(), path.name


# The rules of tests/testrules.py reach forked workers only: a process with another
# thread alive (the link tests' server loop) starts its workers fresh, without them.
# So the run happens in a new process of one thread, as the command line's is.
_SERIAL_AND_PARALLEL = """
import json, sys
sys.path[:0] = sys.argv[1:3]
from testrules import LosesRows, Raises
from ddlint.api import workers
from ddlint.cli.main import main
from ddlint.rules import registered
workers.PARALLEL_MIN_BYTES = 1
results = []
with registered(Raises), registered(LosesRows):
    for jobs, folder in (("1", sys.argv[3]), ("2", sys.argv[4])):
        with open(sys.argv[5], "w") as out, open(sys.argv[6], "w") as err:
            sys.stdout, sys.stderr = out, err
            code = main(["check", "--jobs", jobs, "--fix", folder])
            sys.stdout.flush(), sys.stderr.flush()
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        results.append([code, open(sys.argv[5]).read(), open(sys.argv[6]).read()])
print(json.dumps(results))
"""


def test_errors_and_refusals_name_their_files_as_in_a_serial_run(lists: Path) -> None:
    (lists / "a-crash.md").write_text("RAISE\n", encoding="utf-8")
    (lists / "b-binary.md").write_bytes(b"\xff\xfe not utf-8")
    (lists / "c-refused.md").write_text(UNFIXED + "LOSE\n", encoding="utf-8")
    copy = lists.parent / "copy"
    shutil.copytree(lists, copy)
    paths = [TESTS, ROOT, lists, copy, lists.parent / "out.txt", lists.parent / "err.txt"]
    done = subprocess.run(
        [sys.executable, "-c", _SERIAL_AND_PARALLEL, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    serial, parallel = (tuple(result) for result in json.loads(done.stdout))
    assert serial[0] == 2
    assert parallel == _moved(serial, lists, copy)
    errors = [line for line in parallel[2].splitlines() if line.startswith("ddlint: error:")]
    assert [line.split(": ")[2] for line in errors] == [
        str(copy / "a-crash.md"),
        str(copy / "b-binary.md"),
        str(copy / "c-refused.md"),
    ]
    assert (copy / "c-refused.md").read_text(encoding="utf-8") == UNFIXED + "LOSE\n"
