"""Run ddlint on real paper lists as whole processes and report what a person must look at.

    python -m benchmarks.field DIR…                     # full run -> benchmarks/FIELD.md + out/
    python -m benchmarks.field DIR… --quick             # crashes, cmark-gfm, fix safety; exit 1/0
    python -m benchmarks.field DIR… --out DIR --sample 20 --seed 0 --jobs 2 --timeout 120

Every ``*.md`` / ``*.markdown`` under each DIR (hidden folders, ``node_modules`` and files
named ``SOURCES.md`` skipped) is copied to a temporary folder; ddlint never sees the input
path, so inputs are never modified and every run sees the same, default, configuration.
Per file it runs ``check --output-format json``, ``export --format json``, ``tables
--format json``, ``check --fix-only`` (twice: idempotence) and ``check --fix-only
--unsafe-fixes``, each as ``sys.executable -m ddlint`` with a timeout, and reports:

- crashes: an exit outside {0, 1} (check, fix) or not 0 (export, tables), a traceback on
  stderr, output that is not JSON, or a timeout;
- cmark-gfm disagreements: the body-row lines ddlint's ``tables`` calls rendered vs the
  ``<tr>`` lines cmark-gfm renders (header rows excluded on both sides);
- fix safety: fix exit codes, idempotence, the safe fix's record multiset (DESIGN §3.3
  identity), records lost by unsafe fixes, fewer rendered rows or a deleted non-empty row
  after the safe fix;
- (full mode) record sanity flags, findings per rule per 100 paper rows (exported
  records), and a seeded sample of findings per rule with source excerpts.

Field files are other people's text: excerpts go only to ``--out`` (git-ignored), as
``field-samples.md`` (up to ``--sample`` findings per rule, seeded), ``record-samples.md``
(``--records`` records beside their rows, seeded) and ``field-details.md`` (every failure
and sanity flag). ``--report`` (benchmarks/FIELD.md) holds numbers and file
names only; its "## Judged findings" section, where a person records verdicts, is kept
verbatim. ``--quick`` writes nothing, prints one line per failure and exits 1 on any.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks._field_checks import (
    LINE_BREAK,
    SAFETY_KINDS,
    SANITY_KINDS,
    fix_safety,
    gfm_body_rows,
    rows_of,
    sanity_flags,
)

HERE = Path(__file__).resolve().parent
JUDGED = "## Judged findings"
JUDGED_DEFAULT = f"""{JUDGED}

A person's verdicts on sampled findings (the samples are in the output folder, never
here). The harness keeps this section as written.

| file | line | rule | verdict | reason |
|---|---:|---|---|---|
"""


@dataclass
class FileResult:
    """What one file showed; small and picklable, excerpts are made later from the file."""

    name: str
    path: str
    papers: int = 0
    rendered_rows: int = 0
    crashes: list[tuple[str, str, str]] = field(default_factory=list)  # command, exit, stderr
    gfm_only: list[int] = field(default_factory=list)
    ddlint_only: list[int] = field(default_factory=list)
    safety: dict[str, list[str]] = field(default_factory=dict)  # kind -> details (numbers)
    findings: list[tuple[str, str, int, int, str]] | None = None  # None: quick or crashed
    sanity: list[tuple[str, int]] = field(default_factory=list)  # kind, line
    # line, title, authors, venue as written, year: what the record review looks at
    records: list[tuple[int, str, list[str], str, int | None]] = field(default_factory=list)

    def flag(self, kind: str, detail: str) -> None:
        self.safety.setdefault(kind, []).append(detail)


_FRAME = re.compile(r'File "[^"]*?((?:ddlint|benchmarks)/[^"]+)", line (\d+), in (\S+)')


def _error_line(stderr: str) -> str:
    """The last stderr line, and for a traceback the innermost frame in ddlint's code."""
    tail = (stderr.strip().splitlines() or [""])[-1][:300]
    frames = _FRAME.findall(stderr)
    return f"{tail} (at {frames[-1][0]}:{frames[-1][1]} in {frames[-1][2]})" if frames else tail


def _ddlint(
    result: FileResult, args: list[str], target: Path, ok: set[int], timeout: float, again: str = ""
) -> tuple[int | None, Any]:
    """Run ``ddlint ARGS TARGET``: its exit code (None on a timeout) and its parsed JSON
    stdout, None when it crashed (recorded in ``result``) or printed no JSON."""
    label = " ".join(args) + again
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "ddlint", *args, str(target)],
            capture_output=True,
            timeout=timeout,
            cwd=target.parent,  # beside the copy, away from the caller's project
        )
    except subprocess.TimeoutExpired:
        result.crashes.append((label, "timeout", f"no exit after {timeout:g} s"))
        return None, None
    stderr = proc.stderr.decode("utf-8", errors="replace")
    traceback = "Traceback (most recent call last)" in stderr
    if proc.returncode not in ok or traceback:
        code = f"{proc.returncode}, traceback" if traceback else str(proc.returncode)
        result.crashes.append((label, code, _error_line(stderr)))
        return proc.returncode, None
    if "json" not in args:
        return proc.returncode, None
    try:
        return proc.returncode, json.loads(proc.stdout)
    except ValueError as exc:
        result.crashes.append((label, str(proc.returncode), f"stdout is not JSON: {exc}"))
        return proc.returncode, None


def examine(path: str, name: str, quick: bool, timeout: float) -> FileResult:
    """All processes and checks for one file (runs in a pool worker)."""
    result = FileResult(name, path)
    data = Path(path).read_bytes()
    text = data.decode("utf-8", errors="replace")
    with tempfile.TemporaryDirectory(prefix="ddlint-field-") as tmp:
        copies = {}
        for kind in ("orig", "safe", "unsafe"):
            copies[kind] = Path(tmp, kind, Path(path).name)
            copies[kind].parent.mkdir()
            copies[kind].write_bytes(data)
        orig, safe, unsafe = copies["orig"], copies["safe"], copies["unsafe"]

        def run(args: list[str], target: Path, ok: frozenset[int] = frozenset({0})) -> Any:
            return _ddlint(result, args, target, set(ok), timeout)[1]

        findings = run(["check", "--output-format", "json"], orig, frozenset({0, 1}))
        records = run(["export", "--format", "json"], orig)
        tables = run(["tables", "--format", "json"], orig)
        for args, target in (([], safe), (["--unsafe-fixes"], unsafe)):
            # --fix-only exits 0 even when it rewrote the file; 1 or 2 needs a look.
            code, _ = _ddlint(result, ["check", "--fix-only", *args], target, {0, 1}, timeout)
            if code != 0:
                exit_code = "timeout" if code is None else code
                result.flag("fix exit not 0", f"{' '.join(['--fix-only', *args])}: {exit_code}")
        fixed = safe.read_bytes()
        safe_records = run(["export", "--format", "json"], safe)
        safe_tables = run(["tables", "--format", "json"], safe)
        unsafe_records = run(["export", "--format", "json"], unsafe)
        _ddlint(result, ["check", "--fix-only"], safe, {0, 1}, timeout, again=" (2nd run)")
        if safe.read_bytes() != fixed:
            result.flag("not idempotent", "second safe fix changed the file")
        if Path(path).read_bytes() != data:  # cannot happen: ddlint only saw copies
            result.crashes.append(("(harness)", "-", "input file changed during the run"))

    if tables is not None:
        ours = {row["line"] for row in rows_of(tables) if row["rendered"]}
        theirs = gfm_body_rows(text)
        result.rendered_rows = len(ours)
        result.gfm_only, result.ddlint_only = sorted(theirs - ours), sorted(ours - theirs)
    result.papers = len(records or [])
    fixes = (safe_tables, safe_records, unsafe_records, fixed.decode("utf-8", errors="replace"))
    for kind, detail in fix_safety(text, tables, records, *fixes):
        result.flag(kind, detail)
    if quick:
        return result
    if findings is not None:
        result.findings = [
            (f["code"], f["name"], f["line"], f["column"], f["message"]) for f in findings
        ]
    if records is not None:
        lines = LINE_BREAK.split(text)
        for record in records:
            line = record["origin"]["line"]
            row = lines[line - 1] if line <= len(lines) else ""
            result.sanity += [(kind, line) for kind in sanity_flags(record, row)]
            venue = (record.get("venue") or {}).get("raw", "")
            result.records.append(
                (line, record["title"], list(record["authors"]), venue, record["year"])
            )
    return result


# -- files and the run -----------------------------------------------------------------


def discover(dirs: list[Path]) -> list[tuple[str, Path]]:
    """(display name, path) of every Markdown file, sorted by name; names are relative to
    their DIR, prefixed by the DIR's name when several are given."""
    found: dict[str, Path] = {}
    for root in dirs:
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            parts = path.relative_to(root).parts if path != root else (path.name,)
            if (
                path.is_file()
                and path.suffix.lower() in (".md", ".markdown")
                and path.name != "SOURCES.md"  # the field folder's provenance list
                and not any(p.startswith(".") or p == "node_modules" for p in parts[:-1])
            ):
                name = "/".join(parts)
                found[f"{root.name}/{name}" if len(dirs) > 1 else name] = path
    return sorted(found.items())


def failures(result: FileResult) -> list[str]:
    """One line per failure that makes ``--quick`` exit 1."""
    lines = [
        f"{result.name}: crash: {cmd} (exit {code}): {err}" for cmd, code, err in result.crashes
    ]
    if result.gfm_only or result.ddlint_only:
        lines.append(
            f"{result.name}: cmark-gfm disagrees: rows only cmark-gfm renders "
            f"{_lines(result.gfm_only)}; only ddlint {_lines(result.ddlint_only)}"
        )
    lines += [f"{result.name}: {kind}: {'; '.join(d)}" for kind, d in sorted(result.safety.items())]
    return lines


def _lines(numbers: list[int], limit: int = 12) -> str:
    shown = ", ".join(map(str, numbers[:limit]))
    return f"[{shown}{', …' if len(numbers) > limit else ''}]"


# -- the reports -----------------------------------------------------------------------


def _per100(count: int, papers: int) -> float:
    return 100.0 * count / papers if papers else 0.0


def _judged(report: Path) -> str:
    """The "## Judged findings" section of an existing report, verbatim (the harness
    writes it last, so it runs to the end of the file): a person's verdicts outlive
    every regeneration."""
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    match = re.search(rf"^{JUDGED}[ \t]*$", text, re.MULTILINE)
    return text[match.start() :] if match else JUDGED_DEFAULT


def _table(header: str, align: str, rows: list[str]) -> list[str]:
    """A Markdown table; ``align`` has one letter per column, ``l`` or ``r``."""
    rule = "|" + "".join("---|" if a == "l" else "---:|" for a in align)
    return ["", header, rule, *(rows or ["|" + " – |" * len(align)])]


def render_report(results: list[FileResult], dirs: list[str], judged: str) -> str:
    """FIELD.md: aggregate numbers and file names only, never text of the files."""
    papers = sum(r.papers for r in results)
    checked = [r for r in results if r.findings is not None]
    rates = sorted((_per100(len(r.findings or []), r.papers), r.name) for r in checked if r.papers)
    found = [f for r in checked for f in r.findings or []]
    sanity = Counter(kind for r in results for kind, _ in r.sanity)
    flagged = sum(len({line for _, line in r.sanity}) for r in results)

    def pct(count: int) -> str:
        return f"{count} ({_per100(count, papers):.1f} %)"

    summary = [
        f"| files | {len(results)} |",
        f"| paper rows (exported records) | {papers} |",
        f"| rendered table rows (ddlint) | {sum(r.rendered_rows for r in results)} |",
        f"| crashes (runs / files) | {sum(len(r.crashes) for r in results)} / "
        f"{sum(bool(r.crashes) for r in results)} |",
        f"| cmark-gfm disagreements (files / lines) | "
        f"{sum(bool(r.gfm_only or r.ddlint_only) for r in results)} / "
        f"{sum(len(r.gfm_only) + len(r.ddlint_only) for r in results)} |",
    ]
    for kind in SAFETY_KINDS:
        hits = [len(r.safety.get(kind, [])) for r in results]
        summary.append(
            f"| fix safety: {kind} (files / cases) | {sum(map(bool, hits))} / {sum(hits)} |"
        )
    summary.append(f"| record sanity: records flagged | {pct(flagged)} |")
    summary += [f"| record sanity: {kind} | {pct(sanity[kind])} |" for kind in SANITY_KINDS]
    summary.append(f"| findings ({len(checked)} files checked) | {len(found)} |")
    if rates:
        worst = rates[-1]
        summary.append(
            f"| findings per 100 paper rows: all / median / worst over {len(rates)} files | "
            f"{_per100(len(found), papers):.1f} / {statistics.median(r for r, _ in rates):.1f}"
            f" / {worst[0]:.1f} (`{worst[1]}`) |"
        )
    files = []
    for r in results:
        count = "crash" if r.findings is None else str(len(r.findings))
        rate = (
            "–"
            if r.findings is None or not r.papers
            else f"{_per100(len(r.findings), r.papers):.1f}"
        )
        safety = ", ".join(f"{k}: {len(v)}" for k, v in sorted(r.safety.items())) or "ok"
        files.append(
            f"| `{r.name}` | {r.papers} | {r.rendered_rows} | {count} | {rate} | {len(r.crashes)} "
            f"| {len(r.gfm_only) + len(r.ddlint_only)} | {safety} | {len(r.sanity)} |"
        )
    per_rule = Counter((code, name) for code, name, *_ in found)
    rules = [
        f"| {code} {name} | {count} | {_per100(count, papers):.1f} | "
        f"{sum(any(f[0] == code for f in r.findings or []) for r in checked)} |"
        for (code, name), count in sorted(per_rule.items())
    ]
    crashes = [f"| `{r.name}` | `{cmd}` | {code} |" for r in results for cmd, code, _ in r.crashes]
    out = [
        "# Field run",
        "",
        f"`python -m benchmarks.field {' '.join(dirs)}` regenerates every section but the",
        "last. Samples of findings, error lines and excerpts are in the output folder",
        "(git-ignored), never in this file.",
        "",
        "## Summary",
        *_table("| measure | value |", "lr", summary),
        "",
        "## Files",
        *_table(
            "| file | paper rows | rendered rows | findings | per 100 | crashes | cmark-gfm "
            "lines | fix safety | sanity flags |",
            "lrrrrrrlr",
            files,
        ),
        "",
        "## Rules",
        *_table("| rule | findings | per 100 paper rows | files |", "lrrr", rules),
        "",
        "## Crashes",
        *_table("| file | command | exit |", "lll", crashes),
        "",
    ]
    return "\n".join(out) + "\n" + judged.rstrip("\n") + "\n"


def write_details(
    results: list[FileResult], out: Path, sample: int, seed: int, records: int = 100
) -> None:
    """The output folder: findings samples with excerpts, a seeded sample of ``records``
    records beside their rows, and every failure and flag in full (this is where field
    text may appear; the folder is git-ignored)."""
    out.mkdir(parents=True, exist_ok=True)
    texts = {
        r.name: LINE_BREAK.split(Path(r.path).read_bytes().decode("utf-8", "replace"))
        for r in results
    }

    def excerpt(name: str, line: int, column: int = 1) -> str:
        lines = texts[name]
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        start = max(0, min(column - 1 - 60, len(source) - 240))
        return source[start : start + 240].replace("`", "'")

    by_rule: dict[str, list[tuple[str, int, int, str]]] = {}
    for r in results:
        for code, name, line, column, message in r.findings or []:
            by_rule.setdefault(f"{code} {name}", []).append((r.name, line, column, message))
    doc = [
        "# Sampled findings",
        "",
        f"Up to {sample} per rule, seed {seed}. Judge them in FIELD.md.",
        "",
    ]
    for rule, items in sorted(by_rule.items()):
        picked = sorted(random.Random(f"{seed}:{rule}").sample(items, min(sample, len(items))))
        doc += [f"## {rule} ({len(picked)} of {len(items)})", ""]
        for name, line, column, message in picked:
            doc += [f"- `{name}:{line}:{column}` {message}", f"  `{excerpt(name, line, column)}`"]
        doc.append("")
    (out / "field-samples.md").write_text("\n".join(doc), encoding="utf-8")
    _write_record_sample(results, out, records, seed, texts)
    doc = ["# Failures and flags", ""]
    for r in results:
        doc += [f"- {line}" for line in failures(r)]
        doc += [f"- {r.name}:{line}: {kind}: `{excerpt(r.name, line)}`" for kind, line in r.sanity]
    (out / "field-details.md").write_text("\n".join(doc) + "\n", encoding="utf-8")


def _write_record_sample(
    results: list[FileResult], out: Path, count: int, seed: int, texts: dict[str, list[str]]
) -> None:
    """``count`` records drawn at random (seeded) from every file's export, each with the
    row it was read from: a person checks title, authors, venue and year against it."""
    every = [(r.name, *record) for r in results for record in r.records]
    picked = sorted(random.Random(f"{seed}:records").sample(every, min(count, len(every))))
    doc = [
        "# Sampled records",
        "",
        f"{len(picked)} of {len(every)} records, seed {seed}. Review them in FIELD.md.",
        "",
    ]
    for name, line, title, authors, venue, year in picked:
        lines = texts[name]
        row = (lines[line - 1] if 0 < line <= len(lines) else "")[:600].replace("`", "'")
        doc += [
            f"- `{name}:{line}` title `{title}`; authors {authors}; venue `{venue}`; year {year}",
            f"  `{row}`",
        ]
    (out / "record-samples.md").write_text("\n".join(doc) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path, metavar="DIR")
    parser.add_argument("--quick", action="store_true", help="crashes, cmark-gfm, fix safety")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="samples and details")
    parser.add_argument("--report", type=Path, default=HERE / "FIELD.md")
    parser.add_argument("--sample", type=int, default=20, help="findings sampled per rule")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--records", type=int, default=100, help="records sampled for review")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per process")
    args = parser.parse_args(argv)
    for missing in (d for d in args.dirs if not d.exists()):
        parser.error(f"no such file or folder: {missing}")
    files = discover(args.dirs)
    if not files:
        print("field: no Markdown files found", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        jobs = [(str(path), name, args.quick, args.timeout) for name, path in files]
        results = list(pool.map(examine, *zip(*jobs)))  # map keeps the sorted order
    elapsed = time.perf_counter() - started
    problems = [line for r in results for line in failures(r)]
    if args.quick:
        print("\n".join(problems) if problems else "field: no failures")
        print(
            f"field: {len(files)} files, {len(problems)} failures, {elapsed:.1f} s", file=sys.stderr
        )
        return 1 if problems else 0
    write_details(results, args.out, args.sample, args.seed, args.records)
    judged = _judged(args.report)
    args.report.write_text(
        render_report(results, [str(d) for d in args.dirs], judged), encoding="utf-8"
    )
    print(
        f"field: {len(files)} files, {len(problems)} failures, {elapsed:.1f} s -> {args.report}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
