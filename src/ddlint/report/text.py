"""The ``text`` format: ruff-like lines, each with the source line and carets under the finding.

    README.md:59:3: DD201 [placeholder-row] Template row left in the table
       |
    59 | | Author | Title |
       |   ^^^^^^

Carets are placed by terminal cells, not code points: a tab advances to the next
tab stop, and an East Asian wide character or an emoji takes two cells (wcwidth, as
the table writer measures; a ZWJ sequence is one emoji), otherwise the carets under a
CJK or emoji title would drift from what they mark.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ddlint.inline.width import cluster_widths
from ddlint.report._common import SourceLines, Writer, count_fixes, plural, rule_statistics
from ddlint.text.findings import Applicability, Finding
from ddlint.text.spans import LINE_ENDING

TAB_SIZE = 4
MAX_EXCERPT_WIDTH = 160
# How much of a trimmed line stays visible before the finding, so it has context.
_LEFT_CONTEXT = 40
ELLIPSIS = "…"


def format_text(
    findings: Sequence[Finding],
    *,
    sources: Mapping[str, str] | None = None,
    statistics: bool = False,
    failed_files: int = 0,
    color: bool = False,
) -> str:
    """Every finding with its excerpt, then the summary line; with ``statistics``, the
    per-rule table and the summary line instead (as ``ruff --statistics``).

    ``failed_files``: files the run could not check or write; with any, no findings
    is not a pass. ``color``: ANSI colours, for a terminal."""
    parts: list[str] = []
    write_text(
        parts.append,
        findings,
        sources=sources,
        statistics=statistics,
        failed_files=failed_files,
        color=color,
    )
    return "".join(parts)


def write_text(
    write: Writer,
    findings: Sequence[Finding],
    *,
    sources: Mapping[str, str] | None = None,
    statistics: bool = False,
    failed_files: int = 0,
    color: bool = False,
) -> None:
    """``format_text``, one finding at a time."""
    if statistics:
        write(statistics_table(findings, color=color))
        write(summary_line(findings, failed_files) + "\n")
        return
    lines = SourceLines(sources)
    for finding in findings:
        write(_finding_block(finding, lines, color))
        write("\n\n")  # a blank line between findings, and before the summary
    write(summary_line(findings, failed_files) + "\n")


def summary_line(findings: Sequence[Finding], failed_files: int = 0) -> str:
    if not findings and failed_files:
        return f"No findings, but {plural(failed_files, 'file')} failed."
    if not findings:
        return "All checks passed!"
    fixes = count_fixes(findings)
    found = f"Found {plural(len(findings), 'finding')}"
    if not fixes.safe and not fixes.unsafe:
        return found + "."
    detail = f"{fixes.safe} fixable with --fix"
    if fixes.unsafe:
        detail += f", {fixes.unsafe} more with --unsafe-fixes"
    return f"{found} ({detail})."


def statistics_table(findings: Sequence[Finding], *, color: bool = False) -> str:
    """Counts per rule, most frequent first, like ``ruff --statistics``.

    ``[*]`` marks a rule with at least one finding that ``--fix`` repairs; ``[ ]`` one
    that only ``--unsafe-fixes`` or a person can repair. Empty when there are no findings.
    """
    rows = rule_statistics(findings)
    count_width = max((len(str(row.count)) for row in rows), default=0)
    code_width = max((len(row.code) for row in rows), default=0)
    return "".join(
        f"{paint(f'{row.count:>{count_width}}', 'bold', color)}\t"
        f"{paint(f'{row.code:<{code_width}}', 'code', color)}\t"
        f"{paint('[*]', 'fix', color) if row.fixable else '[ ]'} {row.name}\n"
        for row in rows
    )


def _finding_block(finding: Finding, lines: SourceLines, color: bool = False) -> str:
    level = finding.severity.value
    head = (
        f"{paint(finding.path, 'bold', color)}:{finding.line}:{finding.column}: "
        f"{paint(finding.code, level, color)} [{finding.name}] {finding.message}"
    )
    parts = [head]
    line_text = _source_line(lines, finding.path, finding.line)
    if line_text is not None:
        end = finding.end_column if finding.end_line == finding.line else len(line_text) + 1
        excerpt, carets = render_excerpt(line_text, finding.column, end)
        gutter = paint(" " * len(str(finding.line)) + " |", "gutter", color)
        number = paint(f"{finding.line} |", "gutter", color)
        # Trailing blanks of the line stay: they may be what the finding is about.
        shown = f"{number} {excerpt}" if excerpt else number
        parts += [gutter, shown, f"{gutter} {paint(carets, level, color)}"]
    if finding.fix is not None and finding.fix.description:
        unsafe = finding.fix.applicability is Applicability.UNSAFE
        label = paint("unsafe fix" if unsafe else "fix", "fix", color)
        parts.append(f"  = {label}: {finding.fix.description}")
    return "\n".join(parts)


# ANSI styles of the report on a terminal (``--color``): a finding's code and carets take
# its severity's colour, as ruff's do.
_STYLES = {
    "bold": "1",
    "error": "1;31",
    "warning": "1;33",
    "info": "1;36",
    "code": "1;31",
    "gutter": "1;34",
    "fix": "36",
}


def paint(text: str, style: str, color: bool) -> str:
    """``text`` in ``style`` when ``color`` is on; as it is otherwise."""
    if not color or not text.strip():
        return text
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"


def _source_line(lines: SourceLines, path: str, line: int) -> str | None:
    """The text of 1-based ``line`` without its line ending, or None if unknown."""
    text = lines.text(path)
    index = lines.index(path)
    if text is None or index is None or not 1 <= line <= index.line_count:
        return None
    start = index.line_start(line)
    ending = LINE_ENDING.search(text, start)
    return text[start : ending.start() if ending else len(text)]


def render_excerpt(line: str, column: int, end_column: int) -> tuple[str, str]:
    """The line as a terminal shows it, and a caret line under ``[column, end_column)``.

    Columns are 1-based code points. At least one caret is drawn, also for an empty
    span or one at the end of the line. Lines wider than ``MAX_EXCERPT_WIDTH`` cells
    are cut to a window around the finding, with ``…`` where text was left out.
    """
    if line.isascii() and line.isprintable():  # no tab, no control: one cell per character
        return _render_narrow(line, column, end_column)
    if len(line) > 2 * _WINDOW:
        return _render_window(line, column, end_column)
    return _render_any(line, column, end_column)


# Code points kept on each side of a finding on a long line before it is measured: at
# least one cell each, so more than the excerpt can show. The report then measures what
# it prints, not the whole line, however long the row and however many findings it has.
_WINDOW = 2 * MAX_EXCERPT_WIDTH


def _render_window(line: str, column: int, end_column: int) -> tuple[str, str]:
    """``_render_any`` on the part of a long line around ``column``. Tab stops are
    counted from the part's start, not the line's."""
    # A column off the line (not 1 … its length) marks its end, as in ``_render_any``.
    at = column - 1 if 0 <= column - 1 < len(line) else len(line)
    start, stop = max(0, at - _WINDOW), min(len(line), at + _WINDOW)
    excerpt, carets = _render_any(line[start:stop], column - start, end_column - start)
    if start > 0 and not excerpt.startswith(ELLIPSIS):
        excerpt, carets = ELLIPSIS + excerpt, " " + carets
    if stop < len(line) and not excerpt.endswith(ELLIPSIS):
        excerpt += ELLIPSIS
    return excerpt, carets


def _render_narrow(line: str, column: int, end_column: int) -> tuple[str, str]:
    """``_render_any`` for a line of one-cell characters, by slicing (tests prove it equal)."""
    start = column - 1 if 0 <= column - 1 < len(line) else len(line)
    stop = end_column - 1 if 0 <= end_column - 1 < len(line) else len(line)
    carets = max(1, stop - start)
    if len(line) <= MAX_EXCERPT_WIDTH:
        return line, " " * start + "^" * carets
    return _trim_narrow(line, start, carets)


def _render_any(line: str, column: int, end_column: int) -> tuple[str, str]:
    shown_chars = [_visible(char) for char in line]
    # Tabs stand in as one space while the rest is measured; their width is the tab stop's.
    widths = _cell_widths(
        "".join(" " if char == "\t" else shown for char, shown in zip(line, shown_chars))
    )
    cells: list[tuple[str, int]] = []  # what each character shows, and its width
    first = last = None
    position = 0
    for offset, char in enumerate(line):
        if offset == column - 1:
            first = position
        if offset == end_column - 1:
            last = position
        if char == "\t":
            shown = " " * (TAB_SIZE - position % TAB_SIZE)
            width = len(shown)
        else:
            shown, width = shown_chars[offset], widths[offset]
        cells.append((shown, width))
        position += width
    first = position if first is None else first
    last = position if last is None else last
    caret_width = max(1, last - first)
    if position <= MAX_EXCERPT_WIDTH:
        return "".join(shown for shown, _ in cells), " " * first + "^" * caret_width
    return _trim(cells, position, first, caret_width)


def _trim(
    cells: list[tuple[str, int]], total: int, first: int, caret_width: int
) -> tuple[str, str]:
    window = MAX_EXCERPT_WIDTH - 2  # room for an ellipsis on each side
    start = max(0, min(first - _LEFT_CONTEXT, total - window))
    stop = start + window
    kept: list[str] = []
    kept_start: int | None = None
    kept_stop = start
    position = 0
    for shown, width in cells:
        # A tab or wide character straddling an edge is left out whole.
        if position >= start and position + width <= stop:
            kept_start = position if kept_start is None else kept_start
            kept.append(shown)
            kept_stop = position + width
        position += width
    kept_start = start if kept_start is None else kept_start
    left = ELLIPSIS if kept_start > 0 else ""
    right = ELLIPSIS if kept_stop < total else ""
    caret_start = max(first, kept_start) - kept_start + len(left)
    caret_end = min(first + caret_width, kept_stop) - kept_start + len(left)
    carets = " " * caret_start + "^" * max(1, caret_end - caret_start)
    return left + "".join(kept) + right, carets


def _trim_narrow(line: str, first: int, caret_width: int) -> tuple[str, str]:
    """``_trim`` for a line of one-cell characters: plain slicing."""
    total = len(line)
    start = max(0, min(first - _LEFT_CONTEXT, total - (MAX_EXCERPT_WIDTH - 2)))
    stop = start + MAX_EXCERPT_WIDTH - 2
    left = ELLIPSIS if start > 0 else ""
    right = ELLIPSIS if stop < total else ""
    caret_start = max(first, start) - start + len(left)
    caret_end = min(first + caret_width, stop) - start + len(left)
    carets = " " * caret_start + "^" * max(1, caret_end - caret_start)
    return left + line[start:stop] + right, carets


def _visible(char: str) -> str:
    """A control character as a visible symbol, so a README cannot drive the terminal."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    if code == 0x7F:
        return "␡"
    if 0x80 <= code < 0xA0:
        return "\ufffd"
    return char


def _cell_widths(shown: str) -> list[int]:
    """Columns each character of ``shown`` (a line as printed, no tab or control left)
    takes, to place the carets and trim a long line: by wcwidth, as the table writer
    measures, clusters included (a ZWJ emoji is one picture, two columns)."""
    return cluster_widths(shown)
