"""Render benchmark results as benchmarks/RESULTS.md."""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks._measure import Measurement
from benchmarks._peers import Peer

CHECK, FIX, EXPORT = "ddlint check", "ddlint check --fix", "ddlint export --format json"
JSON_CHECK = "ddlint check --output-format json"
CACHED_CHECK = "ddlint check (cached re-check)"
FOLDER_SERIAL, FOLDER_PARALLEL = "ddlint check DIR --jobs 1", "ddlint check DIR (default --jobs)"
CMARK = "cmark-gfm render (python -c)"
ONE_LINE_BESIDE = "one-line file, in turn with the cached re-check"
PEER_PREFIXES = ("markdownlint", "remark", "prettier", "pymarkdown", "mdformat", "rumdl")
RUMDL = "rumdl check --no-cache"


@dataclass(frozen=True)
class Result:
    tool: str
    input: str
    rows: int | None
    size_bytes: int
    measurement: Measurement

    @property
    def ok(self) -> bool:
        return self.measurement.error is None

    @property
    def defects(self) -> bool:
        return "defects" in self.input

    @property
    def wide(self) -> bool:
        return " wide" in self.input


def _first_line(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if done.returncode == 0 and lines else "?"


def machine_info() -> dict[str, str]:
    cpu, ram = platform.processor() or "?", "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "CPU": cpu,
        "cores (os.cpu_count)": str(os.cpu_count()),
        "RAM": ram,
        "OS": platform.platform(),
        "Python": sys.version.split()[0],
        "node": _first_line(["node", "--version"]),
    }


def tool_versions(ddlint: str | None, peers: list[Peer]) -> dict[str, str]:
    versions = {"ddlint": _first_line([ddlint, "--version"]) if ddlint else "not found"}
    code = "import importlib.metadata as m; print(m.version('cmarkgfm'))"
    versions["cmarkgfm"] = _first_line([sys.executable, "-c", code])
    versions.update({peer.name: peer.version for peer in peers})
    return versions


def _find(
    results: list[Result], tool: str, rows: int | None, defects: bool, wide: bool = False
) -> Result | None:
    for result in results:
        if (result.tool, result.rows, result.defects, result.wide) == (tool, rows, defects, wide):
            return result
    return None


def _by_input(results: list[Result], tool: str, input_label: str) -> Result | None:
    return next((r for r in results if r.tool == tool and r.input == input_label), None)


def _seconds(result: Result | None) -> float | None:
    return result.measurement.median_seconds if result is not None and result.ok else None


def _row(result: Result) -> str:
    m = result.measurement
    size = f"{result.size_bytes / 1e6:.2f}"
    if m.error is not None:
        return f"| {result.tool} | {result.input} | {size} | {m.error} | | | {len(m.runs)} |"
    rate = f"{result.rows / m.median_seconds:,.0f}" if result.rows else ""
    median = f"{m.median_seconds:.3f}"
    cells = [result.tool, result.input, size, median, f"{m.peak_mb:.0f}", rate, str(len(m.runs))]
    return "| " + " | ".join(cells) + " |"


class _Ratios:
    """The rows of the ratio table: what, the value, the limit and whether it holds."""

    def __init__(self) -> None:
        self.lines = ["| # | ratio | value | limit | holds |", "|---|---|---|---|---|"]

    def add(
        self,
        item: str,
        what: str,
        num: float | None,
        den: float | None,
        limit: float | None,
        *,
        at_least: bool = False,
        extra: str = "",
    ) -> None:
        if num is None or den is None or den == 0:
            value, holds = "n/a (missing or failed)", ""
        else:
            ratio = num / den
            value = f"{ratio:.2f}×"
            holds = "" if limit is None else ("yes" if (ratio >= limit) == at_least else "no")
            if limit is not None and ratio == limit:
                holds = "yes"
        bound = "" if limit is None else f"{'≥' if at_least else '≤'} {limit:g}×"
        self.lines.append(f"| {item} | {what} | {value}{extra} | {bound} | {holds} |")


def _ratios(results: list[Result], sizes: list[int], peer_max: int, notes: list[str]) -> list[str]:
    """The ratios issue #21 asks for ("What must hold"), numbered as there."""
    top = max(sizes)
    peer_size = max((s for s in sizes if s <= peer_max), default=min(sizes))

    def at(tool: str, rows: int | None, defects: bool, wide: bool = False) -> float | None:
        return _seconds(_find(results, tool, rows, defects, wide))

    table = _Ratios()
    for wide in (False, True):
        shape = "wide" if wide else "standard"
        text, json = at(CHECK, peer_size, True, wide), at(JSON_CHECK, peer_size, True, wide)
        what = f"text vs JSON report, {peer_size:,} rows + defects, {shape} shape"
        table.add("1", what, text, json, 1.15)
    for defects in (False, True):
        kind = "+ defects" if defects else "clean"
        what = f"ddlint check vs rumdl, {peer_size:,} rows {kind}"
        table.add("2", what, at(CHECK, peer_size, defects), at(RUMDL, peer_size, defects), 3)
    what = f"ddlint check vs cmark-gfm render, {top:,} rows"
    table.add("2", what, at(CHECK, top, False), at(CMARK, top, False), 6)
    for tool in (CHECK, FIX, EXPORT):
        for defects in (False, True):
            kind = "+ defects" if defects else "clean"
            for small, big in itertools.pairwise(sorted(sizes)):
                limit = 11 if big == 10 * small else None
                what = f"growth, {tool} ({kind}), {small:,}→{big:,} rows"
                table.add("2", what, at(tool, big, defects), at(tool, small, defects), limit)
    what = f"fix vs check, {top:,} rows + defects"
    table.add("3", what, at(FIX, top, True), at(CHECK, top, True), 2)
    seed = _seconds(_by_input(results, CHECK, "seed fixture"))
    floor = _seconds(next((r for r in results if r.tool.startswith("import floor")), None))
    table.add("4", "seed check vs import floor", seed, floor, 1.3)
    one_line = _seconds(_by_input(results, CHECK, ONE_LINE_BESIDE))
    cached = _seconds(_by_input(results, CACHED_CHECK, f"{peer_size:,} rows"))
    what = f"cached re-check of {peer_size:,} clean rows vs check of a one-line file"
    table.add("5", what, cached, one_line, 1.5)
    one_line = _seconds(_by_input(results, CHECK, f"{ONE_LINE_BESIDE} (after --fix)"))
    fixed = _seconds(_by_input(results, CACHED_CHECK, f"{peer_size:,} rows, after --fix"))
    what = f"(the same, {peer_size:,} rows after --fix: little to report)"
    table.add("5", what, fixed, one_line, 1.5)
    serial = _seconds(next((r for r in results if r.tool == FOLDER_SERIAL), None))
    parallel = _seconds(next((r for r in results if r.tool == FOLDER_PARALLEL), None))
    identical = next((n for n in notes if n.startswith("folder report")), "")
    extra = f" ({identical})" if identical else ""
    what = "folder: speed-up of the default --jobs over --jobs 1"
    table.add("6", what, serial, parallel, 1.7, at_least=True, extra=extra)
    check_r, cmark_r = _find(results, CHECK, top, False), _find(results, CMARK, top, False)
    peak = check_r.measurement.peak_mb if check_r and check_r.ok else None
    cmark_peak = cmark_r.measurement.peak_mb if cmark_r and cmark_r.ok else None
    table.add("7", f"peak memory, check vs cmark-gfm, {top:,} rows", peak, cmark_peak, 1)
    peers = [
        r
        for r in results
        if r.tool.startswith(PEER_PREFIXES) and r.rows == peer_size and not r.defects and r.ok
    ]
    fastest = min(peers, key=lambda r: r.measurement.median_seconds, default=None)
    what = f"ddlint check {peer_size:,} vs fastest peer ({fastest.tool if fastest else 'none'})"
    table.add("-", what, at(CHECK, peer_size, False), _seconds(fastest), None)
    return table.lines


def _pathological(results: list[Result]) -> list[str]:
    patho = [r for r in results if r.tool.startswith("patho: ")]
    if not patho:
        return ["(not run)"]
    lines = [
        "| tool | input | MB | median s | peak MB | growth vs previous scale |",
        "|---|---|---|---|---|---|",
    ]
    previous: dict[str, Result] = {}
    for r in patho:
        kind = r.input.split(" x")[0]
        key = f"{r.tool}/{kind}"
        prev = previous.get(key)
        growth = ""
        if prev is not None and prev.ok and r.ok:
            t = r.measurement.median_seconds / prev.measurement.median_seconds
            growth = f"time ×{t:.2f} for size ×{r.size_bytes / prev.size_bytes:.2f}"
        previous[key] = r
        m = r.measurement
        if m.error is not None:
            cells = f"{m.error} | |"
        else:
            cells = f"{m.median_seconds:.3f} | {m.peak_mb:.0f}"
        lines.append(
            f"| {r.tool[7:]} | {r.input} | {r.size_bytes / 1e6:.2f} | {cells} | {growth} |"
        )
    return lines


def render_results(
    results: list[Result],
    machine: dict[str, str],
    versions: dict[str, str],
    notes: list[str],
    args: argparse.Namespace,
) -> str:
    command = " ".join(["python -m benchmarks.run", *sys.argv[1:]])
    out = [
        "# ddlint benchmarks",
        "",
        f"Generated by `{command}`: {args.runs} run(s) per command, "
        "median wall time of the whole process "
        "(start-up included), peak RSS of that process (its own `ru_maxrss`, reported by a "
        "small launcher: see `benchmarks/_measure.py`). Inputs from "
        f"`benchmarks/generate.py` (seed {args.seed}); peers only up to "
        f"{args.peer_max_rows:,} rows, per-run timeout {args.peer_timeout:g} s.",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in machine.items()],
        "",
        "## Tool versions",
        "",
        *[f"- {key}: {value}" for key, value in versions.items()],
        "",
    ]
    if notes:
        out += ["## Notes", "", *[f"- {note}" for note in notes], ""]
    out += [
        "## Results",
        "",
        "| tool | input | input MB | median s | peak MB | rows/s | runs |",
        "|---|---|---|---|---|---|---|",
        *[_row(r) for r in results if not r.tool.startswith("patho: ")],
        "",
        "## Ratios",
        "",
        'Numbered as the items of issue #21\'s "What must hold when resolved".',
        "",
        *_ratios(results, args.sizes, args.peer_max_rows, notes),
        "",
        "## Pathological inputs (`ddlint check`, cmark-gfm for reference)",
        "",
        *_pathological(results),
        "",
    ]
    return "\n".join(out)
