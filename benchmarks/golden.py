"""Snapshot everything ddlint outputs, to prove a performance change changed nothing.

    python -m benchmarks.golden write DIR     # before the change
    python -m benchmarks.golden compare DIR   # after: exit 1 and name the differing outputs

Inputs: every Markdown fixture under ``tests/fixtures`` plus generated lists (clean and
with defects) and small pathological inputs. Outputs per input: the findings as JSON
(with fingerprints), the exported records, and the safe and unsafe fix results.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from benchmarks.generate import PATHOLOGICAL_KINDS, generate_list, generate_pathological

ROOT = Path(__file__).resolve().parent.parent


def _inputs() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.md")):
        text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
        yield str(path.relative_to(ROOT)), text
    for rows in (300, 2000):
        for defects in (False, True):
            for seed in (0, 1):
                yield f"generated-{rows}-{defects}-{seed}", generate_list(rows, defects, seed)
    for kind in PATHOLOGICAL_KINDS:
        yield f"pathological-{kind}", generate_pathological(kind, 0.002)


def _outputs(text: str) -> dict[str, str]:
    from ddlint.api import FixError, export_papers, fix_text, lint_text, parse_records
    from ddlint.report import format_findings

    out = {
        "findings": format_findings(lint_text(text), "json"),
        "fingerprints": "\n".join(f.fingerprint for f in lint_text(text)),
        "export": export_papers(parse_records(text), "json"),
    }
    for unsafe in (False, True):
        try:
            result = fix_text(text, unsafe=unsafe)
            out[f"fix-unsafe={unsafe}"] = result.text + f"\n--passes {result.passes}"
            out[f"fix-remaining-unsafe={unsafe}"] = format_findings(
                list(result.remaining.findings), "json"
            )
        except FixError as exc:
            out[f"fix-unsafe={unsafe}"] = f"FixError {exc}"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("write", "compare"))
    parser.add_argument("directory", type=Path)
    args = parser.parse_args(argv)
    args.directory.mkdir(parents=True, exist_ok=True)
    differing = new = 0
    for name, text in _inputs():
        outputs = _outputs(text)
        key = hashlib.sha256(name.encode()).hexdigest()[:16]
        target = args.directory / f"{key}.json"
        if args.mode == "write":
            target.write_text(json.dumps({"name": name, **outputs}, indent=1), encoding="utf-8")
            continue
        if not target.is_file():  # a fixture added since the snapshot: nothing to compare
            new += 1
            print(f"NEW: {name}: no snapshot", file=sys.stderr)
            continue
        expected = json.loads(target.read_text(encoding="utf-8"))
        for kind, value in outputs.items():
            if expected.get(kind) != value:
                differing += 1
                print(f"DIFFERS: {name}: {kind}", file=sys.stderr)
    if args.mode == "compare":
        verdict = "identical" if not differing else f"{differing} outputs differ"
        print(f"golden: {verdict}" + (f" ({new} new inputs without a snapshot)" if new else ""))
    return 1 if differing or new else 0


if __name__ == "__main__":
    raise SystemExit(main())
