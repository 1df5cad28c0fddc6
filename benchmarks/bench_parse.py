"""Parsing alone is linear: time parse_document on 1k/10k/100k-row lists and on
pathological inputs, and write benchmarks/PARSE.md (rows/s and growth ratios).

Run from the repository root: ``python -m benchmarks.bench_parse``.
"""

from __future__ import annotations

import platform
import statistics
import time
from pathlib import Path

from benchmarks.generate import generate_list, generate_pathological
from ddlint.gfm.parse import parse_document

HERE = Path(__file__).resolve().parent


def _median_seconds(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        parse_document(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    lines = [
        "# Parse benchmark",
        "",
        f"`parse_document` only (no records, no rules), median of 3 runs; "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}.",
        "",
        "| input | size | seconds | rows/s | growth vs previous |",
        "|---|---|---|---|---|",
    ]
    previous = None
    for rows in (1_000, 10_000, 100_000):
        text = generate_list(rows, defects=False)
        seconds = _median_seconds(text, 3)
        growth = f"{seconds / previous:.1f}× for 10× rows" if previous else ""
        lines.append(
            f"| list, {rows:,} rows | {len(text) / 1e6:.1f} MB | {seconds:.3f} | "
            f"{rows / seconds:,.0f} | {growth} |"
        )
        previous = seconds
    for kind in ("pipes", "long_line", "empty_cells", "many_tables", "nested_comments"):
        previous = None
        for scale in (0.1, 1.0):
            text = generate_pathological(kind, scale)
            seconds = _median_seconds(text, 3)
            growth = f"{seconds / previous:.1f}× for 10× size" if previous else ""
            lines.append(
                f"| {kind} ×{scale} | {len(text) / 1e6:.1f} MB | {seconds:.3f} | | {growth} |"
            )
            previous = seconds
    output = "\n".join(lines) + "\n"
    (HERE / "PARSE.md").write_text(output, encoding="utf-8")
    print(output)


if __name__ == "__main__":
    main()
