"""Deterministic generator of paper-list READMEs shaped like the seed.

    python -m benchmarks.generate --rows 10000 [--defects] [--seed 0] [--shape wide] [-o FILE]
    python -m benchmarks.generate --pathological long_line --scale 0.1 -o FILE

Everything is drawn from one seeded ``random.Random``: the same arguments give the same
bytes on every machine and every run. A clean list has one 7-column table per year
section, rows sorted newest month first; ``defects=True`` injects the seed's defect
classes into ``DEFECT_RATE`` of the rows (see ``DEFECT_CLASSES``). ``shape="wide"``
gives rows of 300–600 characters with several links each, and (with defects) puts
link defects at the end of ``WIDE_DEFECT_RATE`` of the rows, far to the right.
"""

from __future__ import annotations

import argparse
import math
import random
import string
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks import _vocab as V
from benchmarks.pathological import PATHOLOGICAL_KINDS, generate_pathological

__all__ = [
    "DEFECT_CLASSES",
    "DEFECT_RATE",
    "PATHOLOGICAL_KINDS",
    "SHAPES",
    "WIDE_DEFECTS",
    "generate_list",
    "generate_pathological",
]

DEFECT_RATE = 0.05
ROW_DEFECTS = (
    "empty_code_link",
    "missing_venue",
    "template_row",
    "swapped_task_dataset",
    "wrong_year_section",
    "inconsistent_spelling",
    "unsorted",
    "irregular_padding",
)
# Table defects are placed, not drawn: a comment line ends GFM's table, so every later row
# of that table renders as text. Drawn at 5 % a comment would land near the top of every
# big table and turn most rows into text; placed in the last tenth of every third table
# (and a stray block after every second table) they stay seed-like.
TABLE_DEFECTS = ("html_comment_in_table", "stray_rows_after_blank")
DEFECT_CLASSES = ROW_DEFECTS + TABLE_DEFECTS

SHAPES = ("standard", "wide")
WIDE_ROW_CHARS = (300, 600)
WIDE_LABELS = ("Project", "Poster", "Slide", "Video", "Dataset", "Blog", "Demo", "Talk")
# The wide shape's own defects: on the last link of the row, so the finding sits far
# to the right of a long line (what the text report's excerpt has to reach).
WIDE_DEFECTS = ("tracking_params_at_end", "insecure_link_at_end", "empty_link_at_end")
WIDE_DEFECT_RATE = 0.2

LIST_TITLE = "Dataset-distillation-papers"
HEADER = (
    "| Author    | Title     | Type      | Task      | Dataset       | Venue     "
    "| Supp. Material     |"
)
DELIMITER = "|---------" * 7 + "|"
TEMPLATE_ROW = "| |[** **]() |  |  Image Classification |  |  | [Code]() |"
NEWEST_YEAR = 2024
MAX_YEARS = 30


@dataclass(frozen=True)
class Row:
    author: str
    title: str
    url: str
    type: str
    task: str
    datasets: str
    venue: str
    supp: str
    month: int  # sort key only: rows run newest month first within a year

    def cells(self) -> list[str]:
        title = f"[**{self.title}**]({self.url})"
        return [self.author, title, self.type, self.task, self.datasets, self.venue, self.supp]


def format_row(cells: list[str], rng: random.Random | None = None) -> str:
    """``| a | b |``; with ``rng``, the irregular padding hand-edited rows have."""
    if rng is None:
        return "| " + " | ".join(cells) + " |"
    pads = ("", " ", "  ", "   ")
    parts = [f"{rng.choice(pads)}{cell}{rng.choice(pads)}" for cell in cells]
    return "|" + "|".join(parts) + "|"


class _PaperFactory:
    """Draws unique, plausible paper rows for a given year."""

    def __init__(self, rng: random.Random, wide: bool = False) -> None:
        self.rng = rng
        self.wide = wide
        self.titles: set[str] = set()
        self.urls: set[str] = set()
        self.task_names = [name for name, _ in V.TASKS]
        self.task_weights = [weight for _, weight in V.TASKS]

    def _id(self, alphabet: str, length: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(length))

    def _title(self) -> str:
        rng = self.rng
        for attempt in range(50):
            words = [rng.choice(V.TITLE_LEADS), rng.choice(V.TITLE_JOINS)]
            words.append(rng.choice(V.TITLE_METHODS))
            if rng.random() < 0.6:
                words.append(rng.choice(V.TITLE_TAILS))
            title = " ".join(words)
            if attempt > 3 or rng.random() < 0.45:
                title = f"{self._id(V.ACRONYM_LETTERS, rng.randint(3, 6))}: {title}"
            if title not in self.titles:
                self.titles.add(title)
                return title
        raise RuntimeError("title space exhausted")  # pragma: no cover - 25**6 acronyms

    def _venue(self, year: int) -> tuple[str, str, int]:
        """(display text, name, month)."""
        rng = self.rng
        draw = rng.random()
        if draw < 0.40:
            month = rng.randint(1, 12)
            return f"arXiv, {V.MONTHS[month - 1]}, {year}", "arXiv", month
        if draw < 0.85:
            name = rng.choice(list(V.CONFERENCES))
            month = V.CONFERENCES[name][0]
            text = f"{name} {year}" if rng.random() < 0.1 else f"{name}, {year}"
            return text, name, month
        name = rng.choice(V.JOURNALS)
        return f"{name}, {year}", name, rng.randint(1, 12)

    def _url(self, venue: str, year: int, month: int, title: str, last: str) -> str:
        rng = self.rng
        yy = year % 100
        for attempt in range(1000):
            if attempt:  # a collision: fall back to a publisher page, which draws fresh digits
                venue = "other"
            if venue == "arXiv" and year >= 2008:
                kind = "pdf" if rng.random() < 0.75 else "abs"
                suffix = ".pdf" if kind == "pdf" else ""
                url = f"https://arxiv.org/{kind}/{yy:02d}{month:02d}.{rng.randint(1, 99999):05d}"
                url += suffix
            elif venue in ("NeurIPS", "ICLR", "NeurIPS workshop"):
                alphabet = string.ascii_letters + string.digits + "_-"
                url = f"https://openreview.net/pdf?id={self._id(alphabet, rng.choice((10, 11)))}"
            elif venue == "ICML":
                key = f"{last.lower()}{yy:02d}{rng.choice('abcdefgh')}"
                url = f"https://proceedings.mlr.press/v{rng.randint(97, 235)}/{key}/{key}.pdf"
            elif venue in ("CVPR", "ICCV", "CVPRW", "ECCV"):
                slug = "_".join(title.replace(":", "").replace("-", " ").split()[:8])
                url = (
                    f"https://openaccess.thecvf.com/content/{venue}{year}/papers/"
                    f"{last}_{slug}_{venue}_{year}_paper.pdf"
                )
            elif rng.random() < 0.6:
                url = f"https://ieeexplore.ieee.org/abstract/document/{rng.randint(10**6, 10**7)}"
            else:
                url = (
                    f"https://link.springer.com/chapter/10.1007/978-3-031-"
                    f"{rng.randint(10000, 99999)}-{rng.randint(0, 9)}_{rng.randint(1, 60)}"
                )
            if url not in self.urls:
                self.urls.add(url)
                return url
        raise RuntimeError("URL space exhausted")  # pragma: no cover

    def _supp(self, venue: str, year: int, title: str, first: str, last: str) -> str:
        rng = self.rng
        if rng.random() < 0.25:
            return ""
        user = rng.choice((f"{first}{last}", f"{last}-lab", f"{first[0]}{last}")).lower()
        repo = "-".join(title.split(": ")[-1].split()[:4])
        links = [f"[Code](https://github.com/{user}/{repo})"]
        if rng.random() < 0.6:
            label = "Poster" if venue == "NeurIPS" else rng.choice(V.SUPP_LABELS)
            links.append(f"[{label}]({self._supp_url(label, year, user, repo)})")
        return ", ".join(links)

    def _supp_url(self, label: str, year: int, user: str, repo: str) -> str:
        rng = self.rng
        if label == "Poster":
            stamp = f"{rng.randint(16 * 10**8, 17 * 10**8)}.{rng.randint(0, 999999)}"
            poster = f"{rng.randint(1, 99999)}.png?t={stamp}"
            return f"https://nips.cc/media/PosterPDFs/NeurIPS%20{year}/{poster}"
        if label == "Slide":
            key = self._id(string.ascii_letters + string.digits, 33)
            return f"https://docs.google.com/presentation/d/{key}/edit"
        if label == "Video":
            return f"https://slideslive.com/{rng.randint(10**7, 10**8)}/{repo.lower()}"
        if label == "Dataset":
            return f"https://huggingface.co/datasets/{user}/{repo.lower()}"
        if label in ("Blog", "Talk"):
            return f"https://{user}.github.io/{label.lower()}/{repo.lower()}-{rng.randint(1, 999)}"
        if label == "Demo":
            return f"https://huggingface.co/spaces/{user}/{repo.lower()}"
        return f"https://{user}.github.io/{repo}/"

    def row(self, year: int) -> Row:
        rng = self.rng
        first, last = rng.choice(V.FIRST_NAMES), rng.choice(V.LAST_NAMES)
        author = f"{first} {last} et al" if rng.random() < 0.9 else f"{first} {last}"
        title = self._title()
        venue_text, venue, month = self._venue(year)
        url = self._url(venue, year, month, title, last)
        kind = rng.choice(V.TYPES) if rng.random() < 0.65 else ""
        task = rng.choices(self.task_names, self.task_weights)[0]
        count = rng.choice((0, 1, 2, 3, 3, 4, 4, 5, 6))
        datasets = ", ".join(rng.sample(V.DATASETS, count))
        supp = self._supp(venue, year, title, first, last)
        row = Row(author, title, url, kind, task, datasets, venue_text, supp, month)
        return self._widen(row, first, last) if self.wide else row

    def _widen(self, row: Row, first: str, last: str) -> Row:
        """The row with links in its last cell, as many as bring it nearest a drawn
        length of 300–600 characters (never past 600, at least 300 when links allow)."""
        rng = self.rng
        low, high = WIDE_ROW_CHARS
        target = rng.randint(low, high)
        user = f"{first}{last}".lower()
        repo = "-".join(row.title.split(": ")[-1].split()[:4])
        links = [f"[Code](https://github.com/{user}/{repo})"]
        labels = list(WIDE_LABELS)
        rng.shuffle(labels)
        for label in labels:
            row = replace(row, supp=", ".join(links))
            length = len(format_row(row.cells()))
            extra = f"[{label}]({self._supp_url(label, 2024, user, repo)})"
            grown = length + len(extra) + 2
            if grown > high or (length >= low and grown > target):
                break
            links.append(extra)
        return replace(row, supp=", ".join(links))


def _year_counts(rows: int) -> dict[int, int]:
    """Rows per year section: more papers in recent years, every section non-empty."""
    years = max(1, min(MAX_YEARS, math.ceil(rows / 150), rows))
    weights = [1.2**-i for i in range(years)]
    total = sum(weights)
    counts = [max(1, math.floor(rows * w / total)) for w in weights]
    i = 0
    while sum(counts) != rows:  # hand the rounding remainder out, newest first
        step = 1 if sum(counts) < rows else -1
        if counts[i % years] + step >= 1:
            counts[i % years] += step
        i += 1
    return {NEWEST_YEAR - i: count for i, count in enumerate(counts)}


def _break_last_link(row: Row, defect: str) -> Row:
    """``row`` with its last link broken the way ``defect`` says."""
    head, sep, last = row.supp.rpartition("](")
    if not sep:
        return row
    target = last[:-1]  # the link's target, without its closing parenthesis
    if defect == "tracking_params_at_end":
        joiner = "&" if "?" in target else "?"
        target += f"{joiner}utm_source=twitter&utm_medium=social"
    elif defect == "insecure_link_at_end":
        target = target.replace("https://", "http://", 1)
    else:  # empty_link_at_end
        target = ""
    return replace(row, supp=f"{head}]({target})")


def _misspell(task: str) -> str:
    head, _, last = task.rpartition(" ")
    if last.isupper() or not head:
        return "Application: Continual learning"
    return f"{head} {last.lower()}"


class _SectionWriter:
    """Turns one year's rows into Markdown lines, injecting defects when asked."""

    def __init__(self, factory: _PaperFactory, defects: bool) -> None:
        self.factory = factory
        self.rng = factory.rng
        self.defects = defects

    def _pick_defects(self, count: int, section: int) -> list[str | None]:
        picks: list[str | None] = []
        wide = self.factory.wide
        for _ in range(count):
            drawn = self.defects and self.rng.random() < DEFECT_RATE
            pick = self.rng.choice(ROW_DEFECTS) if drawn else None
            if pick is None and wide and self.defects and self.rng.random() < WIDE_DEFECT_RATE:
                pick = self.rng.choice(WIDE_DEFECTS)
            picks.append(pick)
        if self.defects and section % 3 == 0 and count >= 10:
            picks[count * 9 // 10] = "html_comment_in_table"
        if self.defects and section % 2 == 0 and count >= 4:
            picks[-1] = picks[-2] = "stray_rows_after_blank"
        return picks

    def lines(self, year: int, count: int, section: int) -> list[str]:
        factory, rng = self.factory, self.rng
        rows = sorted((factory.row(year) for _ in range(count)), key=lambda r: -r.month)
        picks = self._pick_defects(count, section)
        body: list[str] = []
        stray: list[str] = []
        for i, defect in enumerate(picks):
            row = rows[i]
            if defect == "unsorted":
                later = next((j for j in range(i + 1, count) if rows[j].month != row.month), None)
                if later is not None:
                    rows[i], rows[later] = rows[later], row
                    row = rows[i]
            elif defect == "empty_code_link":
                code = row.supp.split(")", 1)
                row = replace(row, supp="[Code]()" + (code[1] if len(code) > 1 else ""))
            elif defect == "missing_venue":
                row = replace(row, venue="")
            elif defect == "swapped_task_dataset":
                row = replace(row, task=row.datasets, datasets=row.task)
            elif defect == "wrong_year_section":
                row = factory.row(year + rng.choice((-1, 1)))
            elif defect == "inconsistent_spelling":
                row = replace(row, task=_misspell(row.task))
            elif defect in WIDE_DEFECTS:
                row = _break_last_link(row, defect)
            padded = format_row(row.cells(), rng if defect == "irregular_padding" else None)
            if defect == "stray_rows_after_blank":
                stray.append(padded)
                continue
            body.append(padded)
            if defect == "template_row":
                body.append(TEMPLATE_ROW)
            elif defect == "html_comment_in_table":
                body.append(f"<!-- {format_row(factory.row(year).cells())} -->")
        head = [f"## {year}", f"### Papers in {year} [[Back-to-top](#{LIST_TITLE})]", ""]
        tail = ["", *stray] if stray else []
        return [*head, HEADER, DELIMITER, *body, *tail, "", "", ""]


def generate_list(rows: int, defects: bool, seed: int = 0, shape: str = "standard") -> str:
    """A paper list of exactly ``rows`` paper rows (template rows and comments come on top)."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}")
    counts = _year_counts(rows)
    factory = _PaperFactory(random.Random(seed), wide=shape == "wide")
    writer = _SectionWriter(factory, defects)
    nav = " | ".join(f"[{year}](#Papers-in-{year}-back-to-top)" for year in counts)
    lines = [
        f"# {LIST_TITLE}",
        "",
        "This repository aims to provide a full list of works about dataset distillation (DD) "
        "or dataset condensation (DC).",
        "",
        "",
        "## Quick links",
        f"**Papers sorted by year:** | {nav} | ",
        "",
        "",
    ]
    for section, (year, count) in enumerate(counts.items()):
        lines.extend(writer.lines(year, count, section))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000, help="paper rows (default 1000)")
    parser.add_argument(
        "--defects", action="store_true", help=f"inject defects ({DEFECT_RATE:.0%})"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--shape", choices=SHAPES, default="standard", help="wide: rows of 300-600 characters"
    )
    parser.add_argument("--pathological", choices=PATHOLOGICAL_KINDS, help="a robustness input")
    parser.add_argument("--scale", type=float, default=1.0, help="pathological scale (1.0 = full)")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    if args.pathological:
        text = generate_pathological(args.pathological, args.scale)
    else:
        text = generate_list(args.rows, args.defects, args.seed, args.shape)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8", newline="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
