"""Adversarial inputs for robustness benchmarks: a linter must stay (near) linear on them.

``generate_pathological(kind, scale)``: ``scale=1.0`` is the full size named in
``PATHOLOGICAL_KINDS``; run the same kind at 2-3 scales and compare times to see growth.
"""

from __future__ import annotations

HEADER = "| Author | Title | Type | Task | Dataset | Venue | Supp. Material |"
DELIMITER = "|---|---|---|---|---|---|---|"
ROW = (
    "| Bo Zhao et al | [**Dataset Condensation with Gradient Matching**]"
    "(https://openreview.net/pdf?id=mSAKhLYLSsl) | Gradient Matching | Image Classification "
    "| CIFAR-10, MNIST | ICLR, 2021 | [Code](https://github.com/VICO-UoE/DatasetCondensation) |"
)
SHORT_ROW = (
    "| A et al | [**T**](https://arxiv.org/abs/2101.00001) | | Image Classification | "
    "| ICLR, 2021 | |"
)
PREAMBLE = f"# Pathological\n\n## 2021\n### Papers in 2021\n\n{HEADER}\n{DELIMITER}\n"

PATHOLOGICAL_KINDS: dict[str, str] = {
    "pipes": "1 MB of '|' (lines of 1 000) under a table header",
    "empty_cells": "one row of 100 000 empty cells",
    "nested_brackets": "50 000 nested '[' ... ']' in a Title cell",
    "nested_emphasis": "50 000 nested '*' ... '*' in a Title cell",
    "long_line": "10 MB on one line (a single table row)",
    "many_tables": "200 000 tables of one row each",
    "nested_comments": "100 000 nested '<!--' lines, pipe rows between, inside a table",
    "blocks_under_stray_rows": "20 000 tables, each with a stray row and a <div> right under it",
}


def _scaled(full: int, scale: float) -> int:
    return max(1, round(full * scale))


def _pipes(scale: float) -> str:
    total = _scaled(1_000_000, scale)
    lines = ["|" * 1000] * (total // 1000)
    if total % 1000:
        lines.append("|" * (total % 1000))
    return PREAMBLE + "\n".join(lines) + "\n"


def _empty_cells(scale: float) -> str:
    return PREAMBLE + "|" + " |" * _scaled(100_000, scale) + "\n"


def _nested(open_: str, close: str, scale: float) -> str:
    depth = _scaled(50_000, scale)
    cell = open_ * depth + "distilled" + close * depth
    return PREAMBLE + f"| A et al | {cell} | | Image Classification | | ICLR, 2021 | |\n"


def _long_line(scale: float) -> str:
    words = "dataset distillation condenses training data into few synthetic samples "
    target = _scaled(10_000_000, scale)
    title = (words * (target // len(words) + 1))[:target]
    return PREAMBLE + f"| A et al | [**{title}**](https://arxiv.org/abs/2101.00001) | | | | | |\n"


def _many_tables(scale: float) -> str:
    block = f"{HEADER}\n{DELIMITER}\n{SHORT_ROW}\n\n"
    return "# Pathological\n\n" + block * _scaled(200_000, scale)


def _nested_comments(scale: float) -> str:
    depth = _scaled(100_000, scale)
    openers = f"<!--\n{SHORT_ROW}\n" * depth
    return PREAMBLE + ROW + "\n" + openers + "-->\n" * depth + ROW + "\n"


def _blocks_under_stray_rows(scale: float) -> str:
    # The rejoin fix of each stray row reads the text again to place the <div> (rules/_rejoin).
    block = f"{HEADER}\n{DELIMITER}\n{SHORT_ROW}\n\n{SHORT_ROW}\n<div>\n\n"
    return "# Pathological\n\n" + block * _scaled(20_000, scale)


def generate_pathological(kind: str, scale: float) -> str:
    """The ``kind`` input (a key of ``PATHOLOGICAL_KINDS``) at ``scale`` of its full size."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    if kind == "nested_brackets":
        return _nested("[", "]", scale)
    if kind == "nested_emphasis":
        return _nested("*", "*", scale)
    builders = {
        "pipes": _pipes,
        "empty_cells": _empty_cells,
        "long_line": _long_line,
        "many_tables": _many_tables,
        "nested_comments": _nested_comments,
        "blocks_under_stray_rows": _blocks_under_stray_rows,
    }
    if kind not in builders:
        raise ValueError(f"unknown kind {kind!r}; known: {', '.join(PATHOLOGICAL_KINDS)}")
    return builders[kind](scale)
