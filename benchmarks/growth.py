"""Hostile input shapes a pull request can carry, and how each grows.

Each shape is built at a size ``n`` (its input grows in proportion to ``n``). A linear
linter takes about 8x the time for 8x the input; ``tests/test_hostile_input.py`` holds
ddlint to at most 12x in cProfile's call count, and this module measures the time:

    python -m benchmarks.growth [--n 2000] [--shapes nested_links,autolink_runs]
    python -m benchmarks.growth --million-tables   # 41 MB of one-row tables: time, peak RSS
    python -m benchmarks.growth --million-tables --distinct   # each body row its own

The million-tables run is not part of CI: it takes minutes and about 1.3 GB (1.8 GB with
--distinct; benchmarks/GROWTH.md has the last results and where the memory goes).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEAD = "# Hostile\n\n## 2021\n\n| Author | Title | Venue |\n|---|---|---|\n"
ROW = "| A | [**T**](https://a.org/t) | ICML, 2021 |\n"


def nested_links(n: int) -> str:
    """``[[x](u)`` repeated in one cell: every link a finding on one long line."""
    return HEAD + "| A | [T](https://a.org) " + "[[x](u)" * n + " | ICML, 2021 |\n"


def autolink_runs(n: int) -> str:
    """Runs of ``<http://a `` (never closed) in one cell."""
    return HEAD + "| A | [**T**](https://a.org) " + "<http://a " * n + "| ICML, 2021 |\n"


def nested_lists(n: int) -> str:
    """One list nested as deep as it has lines: the input is about ``40 n`` bytes."""
    depth = int((40 * n) ** 0.5)
    return "".join("  " * i + "- x\n" for i in range(depth))


def nested_quotes(n: int) -> str:
    """One block quote nested as deep as it has lines: about ``40 n`` bytes."""
    depth = int((40 * n) ** 0.5)
    return "".join("> " * i + "x\n" for i in range(depth))


def stray_rows(n: int) -> str:
    """A table, then ``n`` stray rows each after a blank line (fixed with ``--fix``)."""
    return (
        HEAD
        + ROW
        + "".join(f"\n| B{i} | [**T{i}**](https://b.org/{i}) | ICML |\n" for i in range(n))
    )


def broken_quick_links(n: int) -> str:
    """A quick-links line of ``n`` misspelled section links, and ``n`` sections."""
    line = " | ".join(f"[S{i}](#secton-{i})" for i in range(n))
    sections = "".join(
        f"## Section {i}\n\n| Author | Title |\n|---|---|\n| A | T{i} |\n\n" for i in range(n)
    )
    return "# Hostile\n\n" + line + "\n\n" + sections


# name -> (builder, whether the shape is measured with --fix)
SHAPES: dict[str, tuple[Callable[[int], str], bool]] = {
    "nested_links": (nested_links, False),
    "autolink_runs": (autolink_runs, False),
    "nested_lists": (nested_lists, False),
    "nested_quotes": (nested_quotes, False),
    "stray_rows": (stray_rows, True),
    "broken_quick_links": (broken_quick_links, False),
}


def run_shape(text: str, fix: bool) -> None:
    """What a shape is measured on: a check, or with ``fix`` a fix run."""
    from ddlint import api

    if fix:
        api.fix_text(text)
    else:
        api.lint_text(text)


def _seconds(text: str, fix: bool) -> float:
    started = time.perf_counter()
    run_shape(text, fix)
    return time.perf_counter() - started


def million_tables(distinct: bool = False, count: int = 1_000_000) -> None:
    """One million one-row tables (41 MB), checked by a whole ddlint process.

    ``distinct``: each table's body row differs from every other's, so no two rows can
    share their cells (alike rows do share them, which is most of why they fit).
    """
    head = "| Author | Title |\n|---|---|\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tables.md"
        with path.open("w", encoding="utf-8") as out:
            for number in range(count):
                out.write(f"{head}| A{number} | T |\n\n" if distinct else f"{head}| A | T |\n\n")
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "ddlint", "check", "--output-format", "json", str(path)],
            stdout=subprocess.DEVNULL,
            check=False,
        )
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        size = path.stat().st_size / 1e6
    print(
        f"{count:,} {'distinct ' if distinct else ''}one-row tables ({size:.0f} MB): "
        f"exit {done.returncode}, "
        f"{seconds:.1f} s, peak RSS {peak:.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--million-tables", action="store_true")
    parser.add_argument("--distinct", action="store_true", help="with --million-tables")
    parser.add_argument("--tables", type=int, default=1_000_000, help="with --million-tables")
    args = parser.parse_args(argv)
    if args.million_tables:
        million_tables(args.distinct, args.tables)
        return 0
    print("| shape | n | 8n | time n (s) | time 8n (s) | ratio |\n|---|---|---|---|---|---|")
    for name in args.shapes.split(","):
        build, fix = SHAPES[name]
        small, large = _seconds(build(args.n), fix), _seconds(build(8 * args.n), fix)
        print(
            f"| {name} | {args.n} | {8 * args.n} | {small:.3f} | {large:.3f} | "
            f"{large / small:.1f}x |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
