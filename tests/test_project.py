"""The project's own habits: the version written once.

Each test reads the files it guards as text, so it needs none of the tools (hatchling)
those files are written for.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import ddlint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


# -- the version, in one place -------------------------------------------------------------


def test_version_is_written_only_in_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    assert "version" not in project, "pyproject.toml reads the version from ddlint/__init__.py"
    assert "version" in project["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/ddlint/__init__.py"
    init = (ROOT / "src" / "ddlint" / "__init__.py").read_text(encoding="utf-8")
    written = re.findall(r'^__version__ = "([^"]+)"$', init, flags=re.MULTILINE)
    assert written == [ddlint.__version__]
