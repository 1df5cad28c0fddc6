"""The pure checks of ``benchmarks.field``: cmark-gfm's table rows, record identity, row
matching across a fix, and record sanity. No processes and no files here.

These are deliberately written without ddlint's own helpers: the harness judges ddlint,
so a bug in ddlint's URL canonicalisation or row parsing must not hide itself.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

import cmarkgfm
from cmarkgfm.cmark import Options

Record = dict[str, Any]
T = TypeVar("T")

_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES
_TAG = re.compile(r'<(/?)(table|tbody|tr)(?: data-sourcepos="(\d+):\d+-\d+:\d+")?[^>]*>')
# ddlint's line model (DESIGN §3.1) and cmark's: \r\n, \r and \n each end a line.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def gfm_body_rows(text: str) -> set[int]:
    """Source lines cmark-gfm renders as table body rows (as tests/gfm_oracle.py does).

    Header rows are left out on both sides: the ``<table>`` start line is wrong when text
    precedes the header, and ddlint's ``tables`` JSON lists body rows only. Raw HTML an
    author wrote carries no ``data-sourcepos`` and is ignored.
    """
    rows: set[int] = set()
    in_body = False
    rendered = cmarkgfm.github_flavored_markdown_to_html(text, options=_OPTIONS)
    for match in _TAG.finditer(rendered):
        closing, tag, line = match.groups()
        if tag == "tbody":
            in_body = not closing
        elif tag == "tr" and not closing and in_body and line:
            rows.add(int(line))
    return rows


# -- record identity (DESIGN §3.3) -------------------------------------------------------

_TRACKING = re.compile(
    r"^(utm_\w*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|casa_token|_hsenc|_hsmi|igshid|yclid"
    r"|ref_src)$",
    re.IGNORECASE,
)
_ARXIV = re.compile(
    r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/([^/?#]+?)(?:v\d+)?(?:\.pdf)?/?$"
)
_WEB = re.compile(r"^(https?)://([^/?#]*)([^?#]*)(?:\?([^#]*))?(#.*)?$", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """A URL as safe link fixes may leave it: https, lower-case host, no trailing slash,
    no tracking parameters, one arXiv form; in-page anchors case-folded."""
    url = url.strip()
    if url.startswith("#"):
        return url.casefold()
    match = _WEB.match(url)
    if match is None:
        return url
    _, host, path, query, fragment = match.groups()
    kept = [p for p in (query or "").split("&") if p and not _TRACKING.match(p.split("=")[0])]
    url = f"https://{host.lower()}{path.rstrip('/')}" + (f"?{'&'.join(kept)}" if kept else "")
    arxiv = _ARXIV.match(url)
    return f"arxiv:{arxiv.group(1)}" if arxiv else url + (fragment or "")


def identity(record: Record) -> str:
    """The record without its position (``origin``) and venue spelling (``raw``), its URLs
    canonical and empty-target links dropped, as one comparable string."""
    kept = {k: v for k, v in record.items() if k != "origin"}
    if isinstance(kept.get("venue"), dict):
        kept["venue"] = {k: v for k, v in kept["venue"].items() if k != "raw"}
    kept["url"] = canonical_url(kept.get("url") or "")
    kept["links"] = [
        {**link, "url": canonical_url(link["url"])}
        for link in kept.get("links") or []
        if link.get("url", "").strip()
    ]
    return json.dumps(kept, sort_keys=True, ensure_ascii=False)


def changed_records(before: list[Record], after: list[Record]) -> tuple[list[int], int]:
    """Origin lines of the records a safe fix lost (by identity), and how many it gained."""
    remaining = Counter(identity(r) for r in after)
    lost: list[int] = []
    for record in before:
        key = identity(record)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            lost.append(record["origin"]["line"])
    return lost, sum(remaining.values())


def _match(before: list[T], after: list[T], keys: list[Callable[[T], object]]) -> list[T]:
    """The items of ``before`` left when each, key by key, takes an unused item of
    ``after`` with the same key (empty keys match nothing). Every item of ``after`` serves
    once, so a lost duplicate shows."""
    used = [False] * len(after)
    pending = list(before)
    for key in keys:
        free: dict[object, list[int]] = {}
        for i, item in enumerate(after):
            if not used[i] and key(item) not in ("", (), None):
                free.setdefault(key(item), []).append(i)
        left = []
        for item in pending:
            slots = free.get(key(item))
            if slots:
                used[slots.pop()] = True
            else:
                left.append(item)
        pending = left
    return pending


def lost_records(before: list[Record], after: list[Record]) -> list[int]:
    """Origin lines of records with no counterpart after an unsafe fix: the same title,
    else the same URL, else a record of the same line (a row repaired in place, as a
    title a stray ``|`` had split)."""
    keys: list[Callable[[Record], object]] = [
        lambda r: r["title"].strip(),
        lambda r: canonical_url(r.get("url") or ""),
        lambda r: r["origin"]["line"],
    ]
    return [record["origin"]["line"] for record in _match(before, after, keys)]


# -- rows across a fix ------------------------------------------------------------------

_EMPTY_LINK = re.compile(r"!?\[[^\]]*\]\(\s*\)")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_TAG_OR_URL = re.compile(r"<[^>]*>|https?://\S+")
_WORD = re.compile(r"\w+")
Row = tuple[int, list[str]]  # line, cells


def row_is_empty(cells: list[str]) -> bool:
    """Nothing but whitespace, emphasis markers and empty-target links (``[Code]()``).
    Entities are decoded first: ``&nbsp;`` is whitespace to a reader too."""
    return not re.sub(r"[\s*_]", "", html.unescape(_EMPTY_LINK.sub("", "".join(cells))))


def _words(text: str) -> tuple[str, ...]:
    # Visible words only: link targets and tags are what safe link fixes rewrite.
    return tuple(_WORD.findall(_TAG_OR_URL.sub(" ", _LINK_TARGET.sub("]", text)).lower()))


def _cells(row: Row) -> str:  # the cells up to padding
    return "|".join(" ".join(cell.split()) for cell in row[1])


def _row_words(row: Row) -> tuple[str, ...]:
    return _words(" ".join(row[1]))


def deleted_rows(before: list[Row], after: list[Row], text: str, fixed: str) -> list[int]:
    """Lines of the rows of ``before`` (rows of ``text``) that are not template rows and
    that a fix left nowhere in ``fixed``.

    A row is kept when a row of the fixed tables has the same cells up to padding, else
    the same visible words (a link or a venue respelled), else most of its words (Jaccard
    >= 0.6: a month respelled); else it is kept only if ``fixed`` has as many lines of its
    words as ``text`` had (the row left its table: the rendered-row count reports that).
    """
    # A template row is empty, or identical to another row of the list (the template
    # contributors copy, pre-filled and left in more than once): a safe fix may delete it.
    repeated = Counter(_cells(row) for row in before)
    nonempty = [row for row in before if not row_is_empty(row[1]) and repeated[_cells(row)] < 2]
    pending = _match(nonempty, after, [_cells, _row_words])
    spare = _match(after, nonempty, [_cells, _row_words])  # the fixed rows no row took
    unused = [set(_row_words(row)) for row in spare]
    # Lines of a row's words the fix may still take away: those the text had beyond
    # the ones the fixed text keeps.
    deficit = Counter(_words(line) for line in LINE_BREAK.split(text))
    deficit.subtract(Counter(_words(line) for line in LINE_BREAK.split(fixed)))
    deleted: list[int] = []
    for row in pending:
        words = set(_row_words(row))
        best = max(unused, key=lambda other: _jaccard(words, other), default=None)
        if best is not None and _jaccard(words, best) >= 0.6:
            unused.remove(best)
        elif deficit[_row_words(row)] > 0:
            deficit[_row_words(row)] -= 1
            deleted.append(row[0])
    return deleted


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


# -- fix safety -------------------------------------------------------------------------

SAFETY_KINDS = (
    "fix exit not 0",
    "not idempotent",
    "records changed by safe fix",
    "records lost by unsafe fix",
    "fewer rendered rows after safe fix",
    "non-empty row deleted by safe fix",
)
Tables = list[dict[str, Any]]


def rows_of(tables: Tables) -> list[dict[str, Any]]:
    """Every row of ``ddlint tables --format json``: body rows, rendered or stray."""
    return [row for table in tables for row in table["rows"]]


def fix_safety(
    text: str,
    tables: Tables | None,
    records: list[Record] | None,
    safe_tables: Tables | None,
    safe_records: list[Record] | None,
    unsafe_records: list[Record] | None,
    fixed: str,
) -> list[tuple[str, str]]:
    """(kind, detail) of each failure the fixes show; None is an output a crash denied."""
    flags: list[tuple[str, str]] = []
    if tables is not None and safe_tables is not None:
        rendered = [sum(row["rendered"] for row in rows_of(t)) for t in (tables, safe_tables)]
        if rendered[1] < rendered[0]:
            flags.append(("fewer rendered rows after safe fix", f"{rendered[0]} -> {rendered[1]}"))
        before, after = (
            [(r["line"], r["cells"]) for r in rows_of(t)] for t in (tables, safe_tables)
        )
        for line in deleted_rows(before, after, text, fixed):
            flags.append(("non-empty row deleted by safe fix", f"line {line}"))
    if records is not None and safe_records is not None:
        lost, gained = changed_records(records, safe_records)
        if lost or gained:
            lines = ", ".join(map(str, lost[:20]))
            flags.append(
                ("records changed by safe fix", f"{len(lost)} lost ({lines}), {gained} new")
            )
    if records is not None and unsafe_records is not None:
        flags += [
            ("records lost by unsafe fix", f"line {n}")
            for n in lost_records(records, unsafe_records)
        ]
    return flags


# -- record sanity ----------------------------------------------------------------------

_BADGES = {"star", "stars", "github stars", "github star", "publish", "github", "arxiv"}
_BADGES |= {"code", "paper", "pdf", "website", "project", "project page", "demo", "blog"}
_IMAGE_ALT = re.compile(r"!\[([^\]]*)\]|<img\b[^>]*\balt\s*=\s*[\"']([^\"']*)[\"']", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"^(?:\d{{4}}[-./]\d{{1,2}}(?:[-./]\d{{1,2}})?|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}"
    rf"|{_MONTH},?\s*(?:\d{{1,2}},?\s*)?\d{{4}}|\d{{4}},?\s*{_MONTH}|\d{{8}})$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[#(]?\s*[\d.,]+\s*\)?$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
SANITY_KINDS = (
    "title empty",
    "title is a badge",
    "title is a URL",
    "title is a date",
    "title is a number",
    "title is emoji only",
    "authors contain title",
    "year not in record",
)


def _emoji_only(text: str) -> bool:
    chars = [c for c in text if not c.isspace()]
    symbols = {"So", "Sk", "Mn", "Me", "Cf", "Po"}
    return any(unicodedata.category(c) == "So" for c in chars) and all(
        unicodedata.category(c) in symbols for c in chars
    )


def sanity_flags(record: Record, row: str) -> list[str]:
    """The SANITY_KINDS that ``record`` (exported from source line ``row``) shows."""
    flags: list[str] = []
    title = " ".join(str(record.get("title") or "").split())
    alts = {(a or b).strip().lower() for a, b in _IMAGE_ALT.findall(row)}
    if not title:
        flags.append("title empty")
    elif title.lower() in _BADGES or title.lower() in alts:
        flags.append("title is a badge")
    elif _URL.match(title):
        flags.append("title is a URL")
    elif _DATE.match(title):
        flags.append("title is a date")
    elif _NUMBER.match(title):
        flags.append("title is a number")
    elif _emoji_only(title):
        flags.append("title is emoji only")
    authors = " ".join(str(a) for a in record.get("authors") or []).lower()
    if title and title.lower() in authors:
        flags.append("authors contain title")
    section = record.get("section") or {}
    visible = _TAG_OR_URL.sub(" ", _LINK_TARGET.sub("]", row))
    has_year = bool(_YEAR.search(visible) or _YEAR.search(section.get("heading") or ""))
    venue_year = (record.get("venue") or {}).get("year")
    if has_year and record.get("year") is None and venue_year is None:
        flags.append("year not in record")
    return flags
