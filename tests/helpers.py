"""What many tests share: where the repository, the fixtures and the seed list are.

Every test file imports these instead of working the paths out from its own place, so
moving a test file never changes what it reads.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "dataset-distillation-papers.md"  # the README ddlint was created for
SEED_TEXT = SEED.read_text(encoding="utf-8")
LIST_FIXTURES = sorted(p for p in (FIXTURES / "lists").glob("*.md") if p.name != "SHAPES.md")
