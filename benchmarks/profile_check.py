"""cProfile ``ddlint.api.lint_text`` on a generated list, in-process; print the top entries.

python -m benchmarks.profile_check [--rows 10000] [--defects] [--top 25] [--sort cumulative]
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import sys
import time
from collections.abc import Callable
from typing import Any

from benchmarks.generate import generate_list


def _lint_text() -> Callable[..., Any]:
    try:
        api = importlib.import_module("ddlint.api")
        lint_text: Callable[..., Any] = api.lint_text
    except (ImportError, AttributeError) as exc:
        raise SystemExit(
            f"profile_check: ddlint.api.lint_text is not available ({exc}); "
            "install ddlint (pip install -e .) and make sure src/ddlint/api.py defines it"
        ) from exc
    return lint_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--defects", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", help="pstats sort key")
    args = parser.parse_args(argv)
    lint_text = _lint_text()
    text = generate_list(args.rows, args.defects, args.seed)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    findings = lint_text(text)
    profiler.disable()
    elapsed = time.perf_counter() - start
    print(
        f"lint_text: {args.rows:,} rows{' + defects' if args.defects else ''}, "
        f"{len(text.encode()) / 1e6:.2f} MB, {len(findings)} findings, "
        f"{elapsed:.2f} s under cProfile"
    )
    pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
