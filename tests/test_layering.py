"""DESIGN.md §2: data flows one way. Each module may import only what its row allows.

The map below is the DESIGN table's "may import" column. A module missing from it
fails the test, so a new module has to declare its place.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "ddlint"

# Third-party libraries each live behind exactly one module (or package).
THIRD_PARTY_OWNERS = {
    "mistune": {"inline"},
    "httpx": {"linkcheck"},
    "click": {"cli"},
    "wcwidth": {"render"},
}

_CORE = {"spans", "cells", "document", "inline", "columns", "venues", "records", "findings"}
ALLOWED: dict[str, set[str]] = {
    "__init__": {"api", "document", "spans"},
    "__main__": {"_entry"},
    "_entry": {"cli"},
    "spans": set(),
    "errors": set(),
    "source": {"errors"},
    "cells": set(),
    "gfm": {"cells"},
    "document": {"spans", "cells", "gfm"},
    "inline_scan": {"spans"},
    "inline": {"spans", "inline_scan"},
    "columns": set(),
    "venues": set(),
    "urls": set(),
    "anchors": {"spans", "inline"},
    "records": {"spans", "document", "inline", "columns", "venues", "urls"},
    "findings": {"spans"},
    "render": {"spans", "document", "records", "inline", "columns", "venues", "urls"},
    "rules": _CORE | {"rules", "render", "urls", "anchors"},
    "suppress": {"spans", "document", "findings"},
    "config": {"rules", "findings", "columns", "venues", "render", "errors"},
    "linter": _CORE | {"rules", "render", "suppress", "config", "urls", "anchors"},
    "fixcompose": {"spans", "cells", "document", "findings"},
    "fixer": _CORE | {"rules", "render", "suppress", "config", "linter", "urls", "fixcompose"},
    "linkcheck": {"linkcheck"},
    "linkfindings": _CORE | {"rules", "linter", "linkcheck", "urls"},
    "report": {"findings", "spans", "report"},
    "export": {"records", "spans"},
    "paths": {"errors"},
    "gitdiff": _CORE | {"source", "urls", "errors"},
    "recorddiff": _CORE | {"urls", "source"},
    "baseline": {"findings", "spans", "errors"},
    "api": _CORE
    | {"source", "rules", "render", "suppress", "config", "linter", "fixer", "export", "urls"}
    | {"anchors", "recorddiff", "baseline", "gitdiff"},
    "cli": {"api", "report", "config", "source", "findings", "spans", "export", "rules"}
    | {"recorddiff", "baseline", "gitdiff", "linkfindings", "columns", "document", "records"}
    | {"paths", "linter", "fixer", "errors"},
}


def _module_key(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    return rel.parts[0]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import inside a package
                base = _module_key(path)
                found.add(f"ddlint.{base}")
            elif node.module:
                found.add(node.module)
                if node.module == "ddlint":
                    found.update(f"ddlint.{alias.name}" for alias in node.names)
    return found


def test_every_module_imports_only_to_its_left() -> None:
    problems: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        key = _module_key(path)
        if key not in ALLOWED:
            problems.append(f"{path.relative_to(SRC)}: not placed in the layering map")
            continue
        for name in _imports(path):
            if name == "ddlint.__version__":
                continue
            top = name.split(".")[0]
            if top == "ddlint":
                parts = name.split(".")
                if len(parts) == 1:
                    continue
                target = parts[1]
                if target != key and target not in ALLOWED[key]:
                    problems.append(f"{path.relative_to(SRC)} imports ddlint.{target}")
            elif top in THIRD_PARTY_OWNERS and key not in THIRD_PARTY_OWNERS[top]:
                problems.append(f"{path.relative_to(SRC)} imports {top}")
    assert not problems, "\n".join(problems)
