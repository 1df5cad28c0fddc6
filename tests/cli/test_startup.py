"""Start-up: a plain check imports only what it needs (issues: Performance, #21).

httpx and the link checker are for --check-links only; a check of a list without a
config file needs no TOML parser; a text report needs no other report format. Each
case runs in a fresh interpreter, since this test process has imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import SEED

from ddlint import __version__

_PROBE = """
import contextlib, io, json, sys
import ddlint.cli.main
with contextlib.redirect_stdout(io.StringIO()):
    code = ddlint.cli.main.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _modules_after(*argv: str, cwd: Path) -> tuple[int, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


def test_plain_check_does_not_import_the_link_checker(tmp_path: Path) -> None:
    target = tmp_path / "README.md"
    target.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, modules = _modules_after("check", str(target), cwd=tmp_path)
    assert code == 1  # the seed has findings: the check really ran
    assert "httpx" not in modules
    assert not {m for m in modules if m.startswith("ddlint.net")}
    assert "ddlint.engine.linkfindings" not in modules
    assert "tomllib" not in modules and "tomli" not in modules  # no config file
    assert "ddlint.report.sarif" not in modules  # only the format asked for
    assert "ddlint.records.diff" not in modules
    assert "subprocess" not in modules  # git runs only for --diff-base and diff
    assert "csv" not in modules  # only the CSV export writes CSV
    assert "ddlint.engine.gitdiff" not in modules and "ddlint.engine.baseline" not in modules


def test_plain_cells_need_no_mistune(tmp_path: Path) -> None:
    target = tmp_path / "README.md"
    target.write_text(
        "| Author | Title | Venue |\n|---|---|---|\n"
        "| Lovelace et al | [**Engines**](https://x.org/1) | ICML, 2022 |\n",
        encoding="utf-8",
    )
    _, modules = _modules_after("check", str(target), cwd=tmp_path)
    assert "mistune" not in modules
    assert "httpx" not in modules


_ENTRY_PROBE = """
import contextlib, io, json, sys
import ddlint._entry
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = ddlint._entry.run()
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def test_version_imports_nothing_but_the_version() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _ENTRY_PROBE, "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    ours = {m for m in report["modules"] if m.startswith("ddlint")}
    assert ours == {"ddlint", "ddlint._entry"}
    assert not {"click", "pydantic", "mistune"} & set(report["modules"])
    # The same line click's version option prints.
    clicked = subprocess.run(
        [sys.executable, "-c", "import ddlint.cli.main as m; m.main(['--version'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert report["out"] == clicked.stdout == f"ddlint {__version__}\n"


def test_a_plain_check_loads_no_fixer_no_workers_no_platformdirs(tmp_path: Path) -> None:
    target = tmp_path / "one.md"
    target.write_text("# A list\n", encoding="utf-8")
    for argv in (["check", str(target)], ["check", str(target)], ["check", "--no-cache", "."]):
        code, modules = _modules_after(*argv, cwd=tmp_path)  # the second reads the cache
        assert code == 0
        assert not {m for m in modules if m.startswith("ddlint.fix")}
        assert "multiprocessing" not in modules and "concurrent.futures" not in modules
        assert "platformdirs" not in modules  # the link cache's folder: --check-links only
    assert (tmp_path / ".ddlint_cache").is_dir()  # the first two runs kept their result


# As _PROBE, without json for the answer: the names joined by commas.
_PLAIN_PROBE = """
import contextlib, io, sys
import ddlint.cli.main
with contextlib.redirect_stdout(io.StringIO()):
    code = ddlint.cli.main.main(sys.argv[1:])
print(code, ",".join(sorted(sys.modules)))
"""


def test_a_check_without_cache_loads_no_json_no_traceback_no_wcwidth(tmp_path: Path) -> None:
    """The seed holds curly quotes (non-ASCII text that wcwidth need not measure), markup
    cells and findings; a text report of it with --no-cache needs no JSON, no traceback
    and no result cache, and no command's module but check's."""
    target = tmp_path / "README.md"
    target.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _PLAIN_PROBE, "check", "--no-cache", str(target)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    code, names = result.stdout.strip().splitlines()[-1].split(" ", 1)
    modules = set(names.split(","))
    assert code == "1" and "ddlint.rules" in modules
    assert not {"wcwidth", "json", "traceback", "difflib"} & modules
    assert not {"ddlint.engine.resultcache", "ddlint.records.export"} & modules
    assert not {m for m in modules if m.startswith("ddlint.fix")}
