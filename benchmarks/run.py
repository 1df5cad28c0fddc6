"""Time ddlint, its floors and its peers as whole processes; write benchmarks/RESULTS.md.

    python -m benchmarks.run                 # 5 runs, 1k/10k/100k rows, peers, pathological
    python -m benchmarks.run --quick         # 1 run, 1k/10k, no peers -> benchmarks/out/
    python -m benchmarks.run --sizes 1000,10000 --runs 3 --no-pathological

Every number is a median over ``--runs`` whole-process runs (start-up included) and the
peak resident memory of that process (``os.wait4``; see ``benchmarks/_measure.py``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks._measure import Measurement, Run, measure
from benchmarks._peers import RUMDL, Peer, install_peers
from benchmarks._report import CMARK, Result, machine_info, render_results, tool_versions
from benchmarks._scenarios import (
    bench_cached,
    bench_folder,
    bench_one_line,
    load_note,
    use_bytecode,
)
from benchmarks.generate import generate_list
from benchmarks.pathological import PATHOLOGICAL_KINDS, generate_pathological

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "tests" / "fixtures" / "dataset-distillation-papers.md"
CMARK_RENDER = (
    "import sys, cmarkgfm; from cmarkgfm.cmark import Options; "
    "text = open(sys.argv[1], encoding='utf-8').read(); "
    "cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)"
)
# What a plain check cannot do without (httpx is for --check-links only).
IMPORT_FLOOR = "import click, mistune, pydantic"
IMPORT_FLOOR_LABEL = "import floor (click, mistune, pydantic)"
# Every ddlint run of the benchmarks does the work: none reads a result it cached.
NO_CACHE = "--no-cache"
JSON_CHECK = "ddlint check --output-format json"


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Bench:
    """Runs commands, keeps results, and logs one line per measurement."""

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        self.args = args
        self.workdir = workdir
        self.results: list[Result] = []

    def time(
        self,
        tool: str,
        argv: Sequence[str],
        input_label: str,
        rows: int | None,
        size_bytes: int,
        *,
        timeout: float,
        runs: int | None = None,
        ok_codes: frozenset[int] = frozenset({0, 1}),
        prepare: Callable[[], None] | None = None,
    ) -> Result:
        m = measure(
            argv, runs or self.args.runs, timeout, ok_codes, prepare=prepare, cwd=self.workdir
        )
        return self._keep(Result(tool, input_label, rows, size_bytes, m))

    def time_pair(
        self,
        first: tuple[str, Sequence[str], str],
        second: tuple[str, Sequence[str], str],
        rows: int | None,
        size_bytes: tuple[int, int],
        *,
        timeout: float,
        runs: int | None = None,
    ) -> None:
        """Two commands whose ratio is reported, (tool, argv, input) each, run in turn
        (first, second, first, …): a load that changes during the run slows both alike."""
        done: list[list[Run]] = [[], []]
        errors: list[str | None] = [None, None]
        for _ in range(runs or self.args.runs):
            for index, (_, argv, _) in enumerate((first, second)):
                if errors[index] is None:
                    m = measure(argv, 1, timeout, cwd=self.workdir)
                    done[index] += m.runs
                    errors[index] = m.error
        for index, (tool, _, input_label) in enumerate((first, second)):
            m = Measurement(tuple(done[index]), errors[index])
            self._keep(Result(tool, input_label, rows, size_bytes[index], m))

    def _keep(self, result: Result) -> Result:
        self.results.append(result)
        m = result.measurement
        shown = m.error or f"{m.median_seconds:.3f} s, {m.peak_mb:.0f} MB"
        _log(f"  {result.tool:<40} {result.input:<22} {shown}")
        return result


def _ddlint_exe(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    beside = Path(sys.executable).parent / "ddlint"
    return str(beside) if beside.exists() else shutil.which("ddlint")


def _list_label(rows: int, shape: str, defects: bool) -> str:
    wide = " wide" if shape == "wide" else ""
    return f"{rows:,} rows{wide}{' + defects' if defects else ''}"


def _bench_lists(bench: Bench, ddlint: str | None, peers: list[Peer]) -> None:
    args = bench.args
    for rows in args.sizes:
        for defects in (False, True):
            _bench_one_list(bench, ddlint, peers, rows, "standard", defects)
    for rows in args.wide_sizes:
        for defects in (False, True):
            # The wide shape is there for the report's cost on long lines and for the
            # fastest peer: the slow peers time out at these sizes anyway.
            fast = [peer for peer in peers if peer.name == RUMDL]
            _bench_one_list(bench, ddlint, fast, rows, "wide", defects, fix=False)


def _bench_one_list(
    bench: Bench,
    ddlint: str | None,
    peers: list[Peer],
    rows: int,
    shape: str,
    defects: bool,
    *,
    fix: bool = True,
) -> None:
    args = bench.args
    label = _list_label(rows, shape, defects)
    kind = "defects" if defects else "clean"
    path = bench.workdir / f"list-{rows}-{shape}-{kind}.md"
    path.write_text(generate_list(rows, defects, args.seed, shape), encoding="utf-8", newline="")
    size = path.stat().st_size
    _log(f"{label}: {size / 1e6:.2f} MB")
    timeout = args.timeout
    cmark = [sys.executable, "-c", CMARK_RENDER, path.name]
    zero = frozenset({0})
    bench.time(CMARK, cmark, label, rows, size, ok_codes=zero, timeout=timeout)
    if ddlint is not None:
        check = [ddlint, "check", NO_CACHE, path.name]
        if defects and rows <= args.peer_max_rows:  # what the text report costs over JSON
            as_json = [*check, "--output-format", "json"]
            pair = (("ddlint check", check, label), (JSON_CHECK, as_json, label))
            bench.time_pair(*pair, rows, (size, size), timeout=timeout)
        else:
            bench.time("ddlint check", check, label, rows, size, timeout=timeout)
        if fix:
            copy = bench.workdir / f"fix-{path.name}"

            def fresh_copy(src: Path = path, dst: Path = copy) -> None:
                shutil.copyfile(src, dst)

            argv = [ddlint, "check", NO_CACHE, "--fix", copy.name]
            bench.time(
                "ddlint check --fix", argv, label, rows, size, prepare=fresh_copy, timeout=timeout
            )
            export = [ddlint, "export", path.name, "--format", "json", "-o", "/dev/null"]
            bench.time("ddlint export --format json", export, label, rows, size, timeout=timeout)
    if rows <= args.peer_max_rows:
        for peer in peers:
            argv = [*peer.argv, path.name]
            bench.time(peer.name, argv, label, rows, size, timeout=args.peer_timeout)


def _bench_pathological(bench: Bench, ddlint: str | None) -> None:
    args = bench.args
    runs = min(args.runs, 3)
    for kind in PATHOLOGICAL_KINDS:
        for scale in args.patho_scales:
            path = bench.workdir / f"patho-{kind}-{scale:g}.md"
            path.write_text(generate_pathological(kind, scale), encoding="utf-8", newline="")
            size = path.stat().st_size
            label = f"{kind} x{scale:g}"
            cmark = [sys.executable, "-c", CMARK_RENDER, path.name]
            bench.time(
                "patho: cmark-gfm render",
                cmark,
                label,
                None,
                size,
                timeout=args.patho_timeout,
                runs=runs,
                ok_codes=frozenset({0}),
            )
            if ddlint is not None:
                argv = [ddlint, "check", NO_CACHE, path.name]
                timeout = args.patho_timeout
                bench.time(
                    "patho: ddlint check", argv, label, None, size, timeout=timeout, runs=runs
                )
            path.unlink()


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])

    def ints(text: str) -> list[int]:
        return [int(part) for part in text.split(",") if part]

    def floats(text: str) -> list[float]:
        return [float(part) for part in text.split(",") if part]

    parser.add_argument("--runs", type=int, default=5, help="runs per command (median)")
    parser.add_argument("--sizes", type=ints, default=[1000, 10000, 100000], help="rows, CSV")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument(
        "--wide-sizes",
        type=ints,
        default=None,
        help="wide-shape rows, CSV (default: the largest --sizes up to --peer-max-rows)",
    )
    parser.add_argument("--timeout", type=float, default=600, help="per-run timeout, ddlint")
    parser.add_argument("--peer-timeout", type=float, default=120, help="per-run, peers")
    parser.add_argument("--peer-max-rows", type=int, default=10000, help="largest size for peers")
    parser.add_argument("--peers-dir", type=Path, default=HERE / ".peers", help="peer cache")
    parser.add_argument("--no-peers", action="store_true", help="skip peers")
    parser.add_argument(
        "--peer-names", default="", help="only the peers whose name starts with one of these, CSV"
    )
    parser.add_argument("--patho-scales", type=floats, default=[0.1, 0.3, 1.0])
    parser.add_argument("--patho-timeout", type=float, default=120, help="per-run, pathological")
    parser.add_argument("--no-pathological", action="store_true")
    parser.add_argument("--ddlint", help="ddlint executable (default: beside this Python)")
    parser.add_argument("--skip-ddlint", action="store_true", help="floors and peers only")
    parser.add_argument("--workdir", type=Path, default=HERE / "out" / "work")
    parser.add_argument("-o", "--output", type=Path, help="default benchmarks/RESULTS.md")
    parser.add_argument(
        "--folder-lists", type=int, default=200, help="lists in the folder run (0: none)"
    )
    parser.add_argument("--quick", action="store_true", help="1 run, 1k/10k, no peers")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.sizes, args.no_peers = 1, [1000, 10000], True
        args.folder_lists = 20
        args.patho_scales = [0.01, 0.03]
    if args.wide_sizes is None:
        fitting = [size for size in args.sizes if size <= args.peer_max_rows]
        args.wide_sizes = [max(fitting or args.sizes)]
    if args.output is None:
        args.output = HERE / "out" / "RESULTS-quick.md" if args.quick else HERE / "RESULTS.md"
    return args


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    bench = Bench(args, args.workdir)
    ddlint = None if args.skip_ddlint else _ddlint_exe(args.ddlint)
    notes: list[str] = [load_note("at the start")]
    if ddlint is None:
        notes.append("ddlint not run (--skip-ddlint or no executable found): no ddlint rows")
    else:
        notes.append(use_bytecode())
    peers: list[Peer] = []
    if not args.no_peers:
        _log(f"installing/locating peers in {args.peers_dir} ...")
        peers, peer_notes = install_peers(args.peers_dir)
        notes += peer_notes
        wanted = tuple(name for name in args.peer_names.split(",") if name)
        if wanted:
            peers = [peer for peer in peers if peer.name.startswith(wanted)]
    floors_runs = max(args.runs, 5)
    seed_size = SEED.stat().st_size
    floor = (IMPORT_FLOOR_LABEL, [sys.executable, "-c", IMPORT_FLOOR], "-")
    if ddlint is None:
        bench.time(floor[0], floor[1], "-", None, 0, timeout=args.timeout, runs=floors_runs)
    else:  # in turn: their ratio is reported
        seed = ("ddlint check", [ddlint, "check", NO_CACHE, str(SEED)], "seed fixture")
        sizes = (0, seed_size)
        bench.time_pair(floor, seed, None, sizes, timeout=args.timeout, runs=floors_runs)
        bench_one_line(bench, ddlint)
    _bench_lists(bench, ddlint, peers)
    if ddlint is not None:
        fitting = [size for size in args.sizes if size <= args.peer_max_rows]
        bench_cached(bench, ddlint, max(fitting or args.sizes))
        if args.folder_lists:
            notes.append(bench_folder(bench, ddlint, args.folder_lists))
    if not args.no_pathological:
        _bench_pathological(bench, ddlint)
    notes.append(load_note("at the end"))
    text = render_results(
        bench.results,
        machine=machine_info(),
        versions=tool_versions(ddlint, peers),
        notes=notes,
        args=args,
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    _log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
