"""Time the stages of one in-process check: parse, records, and each enabled rule.

python -m benchmarks.stages [--rows 10000] [--defects]
"""

from __future__ import annotations

import argparse
import gc
import time

from benchmarks.generate import generate_list


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--defects", action="store_true")
    args = parser.parse_args(argv)

    from ddlint.engine.linter import default_codes
    from ddlint.gfm.parse import parse_document
    from ddlint.records.extract import extract_records
    from ddlint.rules import ALL_RULES, RuleContext, RuleSettings

    text = generate_list(args.rows, args.defects, 0)
    gc.disable()  # as the linter does (linter.paused_gc)
    start = time.perf_counter()
    document = parse_document(text)
    parsed = time.perf_counter()
    records = extract_records(document, None)
    extracted = time.perf_counter()
    print(f"parse    {parsed - start:7.3f} s")
    print(f"records  {extracted - parsed:7.3f} s")
    context = RuleContext(document, records, RuleSettings())
    codes = default_codes()
    timings: list[tuple[float, str, int]] = []
    for rule in ALL_RULES:
        if rule.code in codes:
            begin = time.perf_counter()
            found = list(rule().check(context))
            timings.append((time.perf_counter() - begin, rule.code, len(found)))
    print(f"rules    {sum(t for t, _, _ in timings):7.3f} s")
    for elapsed, code, count in sorted(timings, reverse=True):
        if elapsed >= 0.001:
            print(f"  {code}  {elapsed:7.3f} s  {count} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
