"""Paths to test files that the code and the documents cite exist: a moved test
leaves no comment pointing at where it used to be."""

from __future__ import annotations

import re

from helpers import ROOT

CITED = re.compile(r"\btests/[\w/]+\.py\b")
CITING = ["src/**/*.py", "tests/**/*.py", "benchmarks/*.py", "*.md", "docs/*.md"]


def test_every_cited_test_file_exists() -> None:
    missing = sorted(
        f"{path.relative_to(ROOT)}: {cited}"
        for pattern in CITING
        for path in ROOT.glob(pattern)
        for cited in set(CITED.findall(path.read_text(encoding="utf-8")))
        if not (ROOT / cited).is_file() and "fixtures" not in path.parts
    )
    assert not missing, "\n".join(missing)
