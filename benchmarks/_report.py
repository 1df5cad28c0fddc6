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
CMARK = "cmark-gfm render (python -c)"
PEER_PREFIXES = ("markdownlint", "remark", "prettier", "pymarkdown", "mdformat")


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


def _find(results: list[Result], tool: str, rows: int | None, defects: bool) -> Result | None:
    for result in results:
        if result.tool == tool and result.rows == rows and result.defects == defects:
            return result
    return None


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


def _ratios(results: list[Result], sizes: list[int], peer_max: int) -> list[str]:
    top = max(sizes)
    peer_size = max((s for s in sizes if s <= peer_max), default=min(sizes))
    peers = [
        r
        for r in results
        if r.tool.startswith(PEER_PREFIXES) and r.rows == peer_size and not r.defects and r.ok
    ]
    fastest = min(peers, key=lambda r: r.measurement.median_seconds, default=None)
    check_peer = _seconds(_find(results, CHECK, peer_size, False))
    check_top = _seconds(_find(results, CHECK, top, False))
    cmark_top = _seconds(_find(results, CMARK, top, False))
    lines = [
        "| ratio | value |",
        "|---|---|",
        f"| ddlint check {peer_size:,} vs fastest peer"
        f" ({fastest.tool if fastest else 'none'}) | "
        f"{_ratio(check_peer, _seconds(fastest), 'check or peer')} |",
        f"| ddlint check {top:,} vs cmark-gfm render {top:,} | "
        f"{_ratio(check_top, cmark_top, 'check or cmark')} |",
    ]
    ordered = sorted(sizes)
    for tool in (CHECK, FIX, EXPORT):
        steps = []
        for small, big in itertools.pairwise(ordered):
            a, b = (
                _seconds(_find(results, tool, small, False)),
                _seconds(_find(results, tool, big, False)),
            )
            steps.append(f"{small:,}→{big:,}: {_ratio(b, a, tool)} (rows ×{big / small:g})")
        lines.append(f"| growth, {tool} (clean) | {'; '.join(steps) or 'n/a'} |")
    fix = _seconds(_find(results, FIX, top, True))
    check = _seconds(_find(results, CHECK, top, True))
    lines.append(f"| fix vs check, {top:,} rows + defects | {_ratio(fix, check, 'fix or check')} |")
    check_r, cmark_r = _find(results, CHECK, top, False), _find(results, CMARK, top, False)
    peak = check_r.measurement.peak_mb if check_r and check_r.ok else None
    cmark_peak = cmark_r.measurement.peak_mb if cmark_r and cmark_r.ok else None
    lines.append(
        f"| peak memory, check vs cmark-gfm, {top:,} rows | {_ratio(peak, cmark_peak, 'peak')} |"
    )
    seed = next((r for r in results if r.tool == CHECK and r.input.startswith("seed")), None)
    floor = next((r for r in results if r.tool.startswith("import floor")), None)
    lines.append(
        f"| seed check vs import floor | {_ratio(_seconds(seed), _seconds(floor), 'seed')} |"
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
        *_ratios(results, args.sizes, args.peer_max_rows),
        "",
        "## Pathological inputs (`ddlint check`, cmark-gfm for reference)",
        "",
        *_pathological(results),
        "",
    ]
    return "\n".join(out)
