"""Developer sessions. ``pip install nox``, then ``nox`` runs tests, lint and docs;
``nox -s benchmarks`` times a small generated list.

nox is not a dependency of ddlint or of its test extras: CI runs the README's test
command directly (``.ci/run``), and the ``tests`` session runs that same command, which
tests/test_project.py checks against the README.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "docs"]

LINTED = ("src", "tests", "benchmarks", "noxfile.py")
RULES_MD = Path("docs") / "rules.md"
# One run of a 1 000-row list, no peers, tiny pathological inputs; written beside the
# quick results, never over benchmarks/RESULTS.md.
SMALL_BENCHMARK = (
    "--runs=1",
    "--sizes=1000",
    "--no-peers",
    "--patho-scales=0.01",
    "--output=benchmarks/out/RESULTS-nox.md",
)


@nox.session
def tests(session: nox.Session) -> None:
    """The README's test command, step by step: the whole suite, ruff and mypy included.
    Arguments after ``--`` go to pytest."""
    session.run("pip", "install", "-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff and mypy --strict alone, without the rest of the suite."""
    session.install("-e", ".[test]")
    session.run("ruff", "check", *LINTED)
    session.run("ruff", "format", "--check", *LINTED)
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Write docs/rules.md from the rule docstrings, as ``ddlint rules --markdown >
    docs/rules.md`` does. ``nox -s docs -- --check`` writes nothing and fails when the
    file is stale."""
    session.install("-e", ".")
    fresh = Path(session.create_tmp()) / "rules.md"
    with fresh.open("w", encoding="utf-8") as out:
        session.run("ddlint", "rules", "--markdown", stdout=out)
    if filecmp.cmp(fresh, RULES_MD, shallow=False):
        session.log(f"{RULES_MD} is current")
    elif "--check" in session.posargs:
        session.error(f"{RULES_MD} is stale: run `nox -s docs`")
    else:
        shutil.copyfile(fresh, RULES_MD)
        session.log(f"wrote {RULES_MD}")


@nox.session
def benchmarks(session: nox.Session) -> None:
    """``python -m benchmarks.run`` on a small list (benchmarks/README.md); arguments after
    ``--`` replace the small defaults, e.g. ``nox -s benchmarks -- --quick``."""
    session.install("-e", ".[test]")  # cmarkgfm, for the cmark-gfm floor
    session.run("python", "-m", "benchmarks.run", *(session.posargs or SMALL_BENCHMARK))
