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


def _ratio(num: float | None, den: float | None, what: str) -> str:
    if num is None or den is None or den == 0:
        return f"n/a ({what} missing or failed)"
    return f"{num / den:.2f}×"


def _row(result: Result) -> str:
    m = result.measurement
    size = f"{result.size_bytes / 1e6:.2f}"
    if m.error is not None:
        return f"| {result.tool} | {result.input} | {size} | {m.error} | | | {len(m.runs)} |"
    rate = f"{result.rows / m.median_seconds:,.0f}" if result.rows else ""
    median = f"{m.median_seconds:.3f}"
    cells = [result.tool, result.input, size, median, f"{m.peak_mb:.0f}", rate, str(len(m.runs))]
    return "| " + " | ".join(cells) + " |"


def _ratios(results: list[Result], sizes: list[int], peer_max: int, notes: list[str]) -> list[str]:
    """The ratios issue #21 asks for ("What must hold"), numbered as there."""
    top = max(sizes)
    peer_size = max((s for s in sizes if s <= peer_max), default=min(sizes))

    def at(tool: str, rows: int | None, defects: bool, wide: bool = False) -> float | None:
        return _seconds(_find(results, tool, rows, defects, wide))

    lines = ["| # | ratio | value |", "|---|---|---|"]
    for wide in (False, True):
        shape = "wide" if wide else "standard"
        text, json = at(CHECK, peer_size, True, wide), at(JSON_CHECK, peer_size, True, wide)
        lines.append(
            f"| 1 | text vs JSON report, {peer_size:,} rows + defects, {shape} shape | "
            f"{_ratio(text, json, 'check or JSON check')} |"
        )
    for defects in (False, True):
        kind = "+ defects" if defects else "clean"
        check, rumdl = at(CHECK, peer_size, defects), at(RUMDL, peer_size, defects)
        lines.append(
            f"| 2 | ddlint check vs rumdl, {peer_size:,} rows {kind} | "
            f"{_ratio(check, rumdl, 'check or rumdl')} |"
        )
    lines.append(
        f"| 2 | ddlint check vs cmark-gfm render, {top:,} rows | "
        f"{_ratio(at(CHECK, top, False), at(CMARK, top, False), 'check or cmark')} |"
    )
    ordered = sorted(sizes)
    for tool in (CHECK, FIX, EXPORT):
        for defects in (False, True):
            steps = []
            for small, big in itertools.pairwise(ordered):
                grown = _ratio(at(tool, big, defects), at(tool, small, defects), tool)
                steps.append(f"{small:,}→{big:,}: {grown} (rows ×{big / small:g})")
            kind = "+ defects" if defects else "clean"
            lines.append(f"| 2 | growth, {tool} ({kind}) | {'; '.join(steps) or 'n/a'} |")
    lines.append(
        f"| 3 | fix vs check, {top:,} rows + defects | "
        f"{_ratio(at(FIX, top, True), at(CHECK, top, True), 'fix or check')} |"
    )
    seed = _by_input(results, CHECK, "seed fixture")
    floor = next((r for r in results if r.tool.startswith("import floor")), None)
    lines.append(
        f"| 4 | seed check vs import floor | {_ratio(_seconds(seed), _seconds(floor), 'seed')} |"
    )
    cached = _seconds(_find(results, CACHED_CHECK, peer_size, False))
    one_line = _seconds(_by_input(results, CHECK, "one-line file"))
    lines.append(
        f"| 5 | cached re-check of {peer_size:,} clean rows vs check of a one-line file | "
        f"{_ratio(cached, one_line, 'cached or one-line check')} |"
    )
    serial = next((r for r in results if r.tool == FOLDER_SERIAL), None)
    parallel = next((r for r in results if r.tool == FOLDER_PARALLEL), None)
    identical = next((n for n in notes if n.startswith("folder report")), "")
    speedup = _ratio(_seconds(serial), _seconds(parallel), "folder runs")
    lines.append(f"| 6 | folder: --jobs 1 vs default --jobs (speed-up) | {speedup} {identical} |")
    check_r, cmark_r = _find(results, CHECK, top, False), _find(results, CMARK, top, False)
    peak = check_r.measurement.peak_mb if check_r and check_r.ok else None
    cmark_peak = cmark_r.measurement.peak_mb if cmark_r and cmark_r.ok else None
    lines.append(
        f"| 7 | peak memory, check vs cmark-gfm, {top:,} rows | "
        f"{_ratio(peak, cmark_peak, 'peak')} |"
    )
    peers = [
        r
        for r in results
        if r.tool.startswith(PEER_PREFIXES) and r.rows == peer_size and not r.defects and r.ok
    ]
    fastest = min(peers, key=lambda r: r.measurement.median_seconds, default=None)
    lines.append(
        f"| - | ddlint check {peer_size:,} vs fastest peer"
        f" ({fastest.tool if fastest else 'none'}) | "
        f"{_ratio(at(CHECK, peer_size, False), _seconds(fastest), 'check or peer')} |"
    )
    return lines


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
