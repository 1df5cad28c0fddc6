"""DESIGN.md §2: data flows one way, through packages in the order of the pipeline.

``LAYERS`` lists ddlint's packages (and its few top-level modules) from the bottom up.
A module may import its own package and any package listed before it, never one
listed after it. A package or module missing from the list fails the test, so a new
one has to declare its place.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from helpers import ROOT

SRC = ROOT / "src" / "ddlint"

# Bottom first. Each layer's doc line says what it owns.
LAYERS = (
    "text",  # spans, sources, atomic writes, findings and edits, input errors; stdlib only
    "inline",  # a cell's inline Markdown, the link scanner, URLs, display width
    "gfm",  # GitHub's block grammar, cells, the document model, anchors, the table writer
    "records",  # the pydantic models, identity, extraction, columns, venues, sort, export, diff
    "net",  # link checking over the network; its results are read by rules
    "rules",  # the rule base, the registry and one module per rule
    "engine",  # linter, suppression, config, baseline, --diff-base, link results as findings
    "fix",  # the pass loop, edit composition and verification
    "add",  # ddlint add: a new paper's row, in its table, its place and the table's style
    "report",  # the output formats
    "api",  # the library API over the stages
    "cli",  # click only
    "_entry",  # the console script
    "__main__",
    "__init__",
)

# Third-party libraries each live behind exactly one package.
THIRD_PARTY_OWNERS = {
    "mistune": {"inline"},
    "wcwidth": {"inline"},
    "httpx": {"net"},
    "platformdirs": {"net"},
    "click": {"cli"},
    "pydantic": {"records", "engine"},
    "pathspec": {"engine"},
}

# At most this many modules at the top of the package besides the packages.
TOP_LEVEL_MODULES = {"__init__", "__main__", "_entry"}


def _layer(path: Path, src: Path) -> str:
    return path.relative_to(src).with_suffix("").parts[0]


def _imports(path: Path, src: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: stays inside its own package
                found.add(f"ddlint.{_layer(path, src)}")
            elif node.module:
                found.add(node.module)
                if node.module == "ddlint":
                    found.update(f"ddlint.{alias.name}" for alias in node.names)
    return found


def upward_imports(src: Path = SRC) -> list[str]:
    """Every import of a layer above the importing module's, as ``path imports name``."""
    rank = {layer: index for index, layer in enumerate(LAYERS)}
    problems: list[str] = []
    for path in sorted(src.rglob("*.py")):
        layer = _layer(path, src)
        if layer not in rank:
            problems.append(f"{path.relative_to(src)}: not placed in LAYERS")
            continue
        for name in sorted(_imports(path, src)):
            parts = name.split(".")
            if parts[0] == "ddlint":
                if len(parts) == 1 or name == "ddlint.__version__":
                    continue
                target = parts[1]
                if target not in rank:
                    problems.append(f"{path.relative_to(src)} imports unknown ddlint.{target}")
                elif rank[target] > rank[layer]:
                    problems.append(f"{path.relative_to(src)} imports ddlint.{target} (above it)")
            elif parts[0] in THIRD_PARTY_OWNERS and layer not in THIRD_PARTY_OWNERS[parts[0]]:
                problems.append(f"{path.relative_to(src)} imports {parts[0]}")
    return problems


def test_every_module_imports_only_layers_below_it() -> None:
    problems = upward_imports()
    assert not problems, "\n".join(problems)


def test_an_upward_import_fails(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "spans.py").write_text("from ddlint.rules.base import Rule\n")
    (tmp_path / "cli").mkdir()
    (tmp_path / "cli" / "main.py").write_text("from ddlint.text.spans import Span\n")
    assert upward_imports(tmp_path) == ["text/spans.py imports ddlint.rules (above it)"]


def test_the_top_level_holds_only_packages_and_a_few_modules() -> None:
    modules = {path.stem for path in SRC.glob("*.py")}
    assert modules <= TOP_LEVEL_MODULES, modules - TOP_LEVEL_MODULES
    packages = {path.name for path in SRC.iterdir() if (path / "__init__.py").is_file()}
    assert packages == set(LAYERS) - TOP_LEVEL_MODULES


# The cmark-gfm port follows blocks.c function by function; split, it would not.
LONG_MODULES = {"gfm/blocks.py"}
MAX_LINES = 400


def test_no_module_is_over_400_lines_but_the_cmark_gfm_port() -> None:
    long = {
        path.relative_to(SRC).as_posix(): lines
        for path in SRC.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert set(long) <= LONG_MODULES, long


def test_text_uses_the_standard_library_only() -> None:
    outside = {
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted((SRC / "text").rglob("*.py"))
        for name in _imports(path, SRC)
        if name.split(".")[0] not in sys.stdlib_module_names
        and name.split(".")[0] != "ddlint"
        and name != "__future__"
    }
    assert not outside, outside
