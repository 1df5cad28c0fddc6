"""What many tests share: where the repository, the fixtures and the seed list are, the
shortcuts the rule tests lint and fix with, and the small tables they build cases from.

Every test file imports these instead of working them out again, so moving a test file
never changes what it reads, and a helper is written once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ddlint.api import fix_text, lint_text
from ddlint.cli.main import main
from ddlint.engine.config import Config
from ddlint.text.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "dataset-distillation-papers.md"  # the README ddlint was created for
SEED_TEXT = SEED.read_text(encoding="utf-8")
LIST_FIXTURES = sorted(p for p in (FIXTURES / "lists").glob("*.md") if p.name != "SHAPES.md")
MARKDOWN_FIXTURES = sorted(  # every Markdown file under tests/fixtures
    p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix in (".md", ".markdown")
)


def read(path: Path) -> str:
    """A file's text as it is: unlike ``read_text``, CRLF line endings stay."""
    return path.read_bytes().decode("utf-8")


def rule_fixture(name: str) -> str:
    """A hand-made fixture of tests/fixtures/rules/ (its README.md lists each one's lines)."""
    return read(FIXTURES / "rules" / name)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """``ddlint ARGV`` run in this process: its exit code and what it printed."""
    code = main(list(argv))
    return code, capsys.readouterr().out


# -- linting and fixing ------------------------------------------------------------------

# The four structure rules that read a table's raw rows. Their tests lint for all four,
# so that a case of one shows no finding of the others.
STRUCTURE_CODES = ["DD103", "DD104", "DD105", "DD106"]


def lint(text: str, codes: list[str], config: Config | None = None) -> list[Finding]:
    """The findings of the rules ``codes`` on ``text``."""
    return lint_text(text, select=codes, config=config)


def pairs(text: str, codes: list[str]) -> list[tuple[str, int]]:
    """``(code, line)`` of each finding of the rules ``codes`` on ``text``."""
    return [(f.code, f.line) for f in lint(text, codes)]


def lines(text: str, code: str) -> list[int]:
    """The lines rule ``code`` reports on ``text``."""
    return [f.line for f in lint_text(text, select=[code]) if f.code == code]


def at(text: str, finding: Finding) -> str:
    """The text ``finding`` points at."""
    return finding.span.slice(text)


def fixed(
    text: str, codes: list[str], *, unsafe: bool = False, config: Config | None = None
) -> str:
    """``text`` once the fixes of the rules ``codes`` are made."""
    return fix_text(text, select=codes, unsafe=unsafe, config=config).text


def outcome(function: object, *args: object) -> object:
    """What ``function(*args)`` returns, or the ValueError it raises, to compare two paths."""
    try:
        return function(*args)  # type: ignore[operator]
    except ValueError as error:
        return ("ValueError", str(error))


# -- tables the rule tests build their cases from ----------------------------------------

HEADER = "| Author | Title | Venue |\n|---|---|---|\n"  # of a three-column paper table
ROW_A = "| Ada et al | [**One**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |\n"
ROW_B = "| Bo et al | [**Two**](https://arxiv.org/abs/2201.00002) | ICML, 2022 |\n"
TEMPLATE = "| |[** **]() | |\n"  # the empty row lists keep to copy from (DD201)


def row(author: str, title: str, venue: str, url: str = "https://arxiv.org/abs/2201.1") -> str:
    """A row of the three-column table under ``HEADER``."""
    return f"| {author} | [**{title}**]({url}) | {venue} |\n"


ROW = row("Ada Lovelace et al", "Notes on the Engine", "ICML")

# The seven columns the field rules read (DD2xx).
FIELD_HEADER = (
    "| Author | Title | Type | Task | Dataset | Venue | Code |\n|---|---|---|---|---|---|---|\n"
)


def field_row(
    title: str = "Notes on the Engine",
    *,
    author: str = "Ada Lovelace et al",
    kind: str = "Gradient Matching",
    task: str = "Image Classification",
    data: str = "CIFAR-10",
    venue: str = "ICML, 2022",
    url: str = "",
) -> str:
    """A row of the table under ``FIELD_HEADER``; its url is made from the title."""
    url = url or "https://example.org/" + "-".join(title.split())
    return f"| {author} | [**{title}**]({url}) | {kind} | {task} | {data} | {venue} | |\n"


def link_table(*rows: str) -> str:
    """A four-column table, with a Supp. Material column, of ``link_row`` rows."""
    header = "| Author | Title | Venue | Supp. Material |\n|---|---|---|---|\n"
    return header + "".join(line + "\n" for line in rows)


def link_row(title_url: str = "https://arxiv.org/abs/2201.00001", code: str = "") -> str:
    """A row of ``link_table``: the title links to ``title_url``; ``code`` fills the last cell."""
    last = f" {code} " if code else " "
    return f"| Ada Lovelace et al | [**Notes on the Engine**]({title_url}) | ICML, 2022 |{last}|"


# -- the seed with new rows, as a pull request adds them ---------------------------------

FINE_ROW = (
    "| Ada Lovelace et al | [**A Fine New Paper on Distillation**]"
    "(https://arxiv.org/abs/2212.01234) |  | Image Classification | CIFAR-10 | arXiv, Dec., 2022"
    " | [Code](https://github.com/ada/fine) |"
)
DEFECTIVE_ROW = (
    "| Alan Turing et al | [**A Defective New Paper on Condensation**]"
    "(https://openreview.net/forum?id=Xy12Zw) |  | Image Classification | CIFAR-10 |  | [Code]() |"
)


def add_rows_to_2022(
    text: str, rows: tuple[str, ...] = (FINE_ROW, DEFECTIVE_ROW)
) -> tuple[str, int]:
    """The seed with new rows at the top of the 2022 table; the first new row's line."""
    seed_lines = text.split("\n")
    separator = next(i for i, line in enumerate(seed_lines) if line.startswith("|---"))
    seed_lines[separator + 1 : separator + 1] = list(rows)
    return "\n".join(seed_lines), separator + 2
