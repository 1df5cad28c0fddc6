"""Hypothesis strategies for paper lists shaped like the ones maintainers write by hand:
any columns in any order, badges and images around titles, labelled and empty links,
HTML, dates in every form, short and long rows, tables with no body, and pipe rows
GitHub shows as text. Every value is invented here; none comes from a real list."""

from __future__ import annotations

from hypothesis import strategies as st

COLUMNS = [
    "Title", "Paper", "Paper Title", "Title & Authors", "Name", "Model", "Method",
    "Authors", "Author", "Venue", "Conference", "Publication", "Year", "Date", "Time",
    "Code", "Links", "Link", "Description", "Stars", "Publish", "Task", "Dataset", "Notes",
]  # fmt: skip

_ids = st.builds(
    lambda yy, mm, n: f"{yy:02d}{mm:02d}.{n:05d}",
    st.integers(15, 26),
    st.integers(1, 12),
    st.integers(1, 99999),
)
_words = st.sampled_from(["Graph", "Neural", "Kernel", "Learning", "Sparse", "Agents", "Vision"])
_title = st.lists(_words, min_size=1, max_size=5).map(" ".join)
_authors = st.lists(
    st.sampled_from(["Ada Lovelace", "Alan Turing", "Grace Hopper", "Bo Li", "Yu Chen"]),
    min_size=1,
    max_size=4,
).map(", ".join)


@st.composite
def _arxiv_url(draw: st.DrawFn) -> str:
    form = draw(st.sampled_from(["abs", "pdf"]))
    version = draw(st.sampled_from(["", "v1", "v3"]))
    scheme = draw(st.sampled_from(["https", "http"]))
    return f"{scheme}://arxiv.org/{form}/{draw(_ids)}{version}"


_url = st.one_of(
    _arxiv_url(),
    st.sampled_from(
        [
            "https://github.com/o/r",
            "https://example.org/paper.pdf",
            "https://doi.org/10.1000/xyz123",
            "https://openreview.net/forum?id=abc",
            "https://example.org/x?utm_source=feed",
            "#top",
            "#2023",
            "",
            "https://example.org/a|b",
            "<https://example.org/angle>",
        ]
    ),
)
_badge = st.sampled_from(
    [
        "![Star](https://img.shields.io/github/stars/o/r.svg?style=social&label=Star)",
        "[![Star](https://img.shields.io/github/stars/o/r.svg)](https://github.com/o/r)",
        "[![Publish](https://img.shields.io/badge/Conference-ICML'23-blue)]()",
        "[![arXiv](https://img.shields.io/badge/arXiv-2301.00001-b31b1b.svg)](https://arxiv.org/abs/2301.00001)",
        '<img src="https://example.org/i.png" width="20">',
        ":star:",
        "🔥",
    ]
)
_date = st.sampled_from(
    ["2023", "2024.06", "2024-06-12", "Jun 2024", "06/2024", "Jun, 2024", "20-", "'23", ""]
)
_venue = st.sampled_from(
    [
        "CVPR 2023", "CVPR'23", "CVPR, 2023", "arXiv, Nov., 2022", "arXiv", "NeurIPS",
        "ICML 2022 (Oral)", "OpenReview", "Openreview", "**ICLR 2024**", "", "-", "TBD",
    ]
)  # fmt: skip
_html = st.sampled_from(
    ["<br>", "<br/>", "<!-- note -->", "<sub>x</sub>", '<a href="https://example.org">a</a>', ""]
)


@st.composite
def cell(draw: st.DrawFn) -> str:
    """One cell's text: a mix of the pieces real cells are made of."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.integers(0, 11))
        if kind == 0:
            pieces.append(draw(_badge))
        elif kind == 1:
            emphasis = draw(st.sampled_from(["", "**", "*"]))
            pieces.append(f"[{emphasis}{draw(_title)}{emphasis}]({draw(_url)})")
        elif kind == 2:
            label = draw(st.sampled_from(["Code", "[pdf]", "PDF", "Paper", "Coming soon", "abs"]))
            pieces.append(f"[{label}]({draw(_url)})")
        elif kind == 3:
            pieces.append(draw(_authors))
        elif kind == 4:
            pieces.append(draw(_venue))
        elif kind == 5:
            pieces.append(draw(_date))
        elif kind == 6:
            pieces.append(draw(_html))
        elif kind == 7:
            pieces.append(draw(_title))
        elif kind == 8:
            pieces.append(draw(st.sampled_from(["\\|", "`a|b`", "a \\| b", "&#124;", "|"])))
        elif kind == 9:
            pieces.append(draw(_url))
        elif kind == 10:
            pieces.append(f"[{draw(_title)}][ref]")
        else:
            pieces.append(draw(st.text(alphabet="ab *_[]()<>!#:`\\-é😀", max_size=8)))
    return draw(st.sampled_from([" ", "", "  "])).join(pieces)


@st.composite
def row(draw: st.DrawFn, columns: int, outer: bool) -> str:
    count = max(1, columns + draw(st.sampled_from([0, 0, 0, 0, -1, 1, -2])))
    cells = [draw(cell()) for _ in range(count)]
    pad = draw(st.sampled_from([" ", "", "  "]))
    body = "|".join(f"{pad}{text}{pad}" for text in cells)
    return f"|{body}|" if outer else body


@st.composite
def table(draw: st.DrawFn) -> str:
    headers = draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=6))
    outer = draw(st.booleans()) or len(headers) == 1
    marks = [draw(st.sampled_from(["---", ":---", ":-:", "--:", "-"])) for _ in headers]
    header, delimiter = " | ".join(headers), "|".join(marks)
    if outer:
        header, delimiter = f"| {header} |", f"|{delimiter}|"
    lines = [header, delimiter]
    if draw(st.integers(0, 9)) == 0:
        lines.pop()  # pipe rows with no delimiter: text on GitHub
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 19))
        if kind == 0:
            lines.append("")  # a blank line: the rows after it are stray
        elif kind == 1:
            lines.append(draw(st.sampled_from(["<!-- ddlint-disable-next-line -->", "<!-- x -->"])))
        else:
            lines.append(draw(row(len(headers), outer)))
    return "\n".join(lines)


_heading = st.sampled_from(["## 2023", "## 2022", "### Vision", "#####2021", "## CVPR 2023"])


@st.composite
def field_list(draw: st.DrawFn) -> str:
    """A whole list: headings (year sections, topics, broken ones), a quick-links line,
    tables and pipe blocks, reference definitions."""
    parts = ["# Papers"]
    if draw(st.booleans()):
        parts.append("[2023](#2023) | [2022](#2022) | [Top](#top)")
    for _ in range(draw(st.integers(1, 4))):
        parts += [draw(_heading), draw(table())]
        if draw(st.integers(0, 4)) == 0:
            parts.append("> a quote\n    indented text")
    if draw(st.booleans()):
        parts.append("[ref]: https://example.org/ref|x")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(part.replace("\n", newline) for part in parts) + newline
