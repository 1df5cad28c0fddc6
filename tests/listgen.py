"""Hypothesis strategies for paper lists with the defect classes real lists have, and for
the link targets in them."""

from __future__ import annotations

from hypothesis import strategies as st

HEADER = "| Author | Title | Type | Task | Dataset | Venue | Supp. Material |\n"
DELIMITER = "|---------|---------|---------|---------|---------|---------|---------|\n"
TEMPLATE = "| |[** **]() |  |  Image Classification |  |  | [Code]() |\n"
MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov."]

_words = st.sampled_from(
    ["Dataset", "Distillation", "Matching", "Graph", "Condensation", "Learning", "Neural", "Kernel"]
)
_names = st.sampled_from(["Bo Zhao", "Guang Li", "Wei Jin", "Ada Lovelace", "Noel Loo", "Yu Chen"])
_tasks = st.sampled_from(
    [
        "Image Classification",
        "Application: FL",
        "Graph Classification",
        "Application: Continual learning",
        "Application: Continual Learning",
        "Text Classification",
    ]
)
_datasets = st.sampled_from(["MNIST", "CIFAR-10", "SVHN, CIFAR10/100", "Cora, PubMed", ""])
_types = st.sampled_from(["Gradient Matching", "", "Kernel Ridge Regression", "MNIST, IMDB"])


@st.composite
def venue(draw: st.DrawFn, year: int) -> str:
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return ""
    if kind == 1:
        return f"arXiv, {draw(st.sampled_from(MONTHS))}, {year}"
    if kind == 2:
        return f"ICML {year}"
    if kind == 3:
        return f"NeurIPS, {year}"
    if kind == 4:
        return f"CVPRW, {year - draw(st.integers(0, 1))}"
    return "OpenReview"


@st.composite
def paper_row(draw: st.DrawFn, year: int, serial: int) -> str:
    title = " ".join(draw(st.lists(_words, min_size=2, max_size=5))) + f" {serial}"
    arxiv = f"{year % 100:02d}{draw(st.integers(1, 12)):02d}.{serial:05d}"
    form = draw(st.sampled_from([f"abs/{arxiv}", f"pdf/{arxiv}.pdf", f"pdf/{arxiv}v2.pdf"]))
    scheme = draw(st.sampled_from(["https", "https", "http"]))
    url = f"{scheme}://arxiv.org/{form}"
    if draw(st.integers(0, 9)) == 0:
        url += "?utm_source=twitter"
    style = draw(st.sampled_from(["[**{t}**]({u})", "[**{t}**]({u})", "[{t}]({u})"]))
    code = draw(
        st.sampled_from(
            [
                "",
                "[Code]()",
                "[Code](https://github.com/u/r)",
                "[Code](https://github.com/u/r), [Poster]()",
            ]
        )
    )
    author = draw(st.sampled_from(["", draw(_names) + " et al", draw(_names)]))
    cells = [
        author,
        style.format(t=title, u=url),
        draw(_types),
        draw(_tasks),
        draw(_datasets),
        draw(venue(year)),
        code,
    ]
    pad = draw(st.sampled_from([" ", "", "  "]))
    return "|" + "|".join(f"{pad}{c}{pad}" if c else " " for c in cells) + "|\n"


@st.composite
def paper_list(draw: st.DrawFn) -> str:
    years = draw(st.lists(st.integers(2018, 2023), min_size=1, max_size=3, unique=True))
    parts = ["# Papers\n\n"]
    serial = 0
    for year in sorted(years, reverse=True):
        parts.append(f"## {year}\n")
        parts.append(HEADER + DELIMITER)
        rows = []
        for _ in range(draw(st.integers(1, 6))):
            serial += 1
            rows.append(draw(paper_row(year, serial)))
        for row in rows:
            parts.append(row)
            defect = draw(st.integers(0, 12))
            if defect == 0:
                parts.append(TEMPLATE)
            elif defect == 1:
                parts.append("<!-- " + row.rstrip("\n") + " -->\n")
            elif defect == 2:
                parts.append("\n")
        if draw(st.booleans()):
            parts.append("\n" + TEMPLATE)
        parts.append("\n")
    text = "".join(parts)
    if draw(st.integers(0, 5)) == 0:
        text = text.replace("\n", "\r\n")
    return text


# Mostly characters of ordinary web links; now and then one urlsplit treats specially.
URL_PIECES = [
    *"abcXYZ019/:.?=&;%#_~*!-+,@$数é",
    "https://",
    "http://",
    "HTTPS://",
    "www.",
    "%20",
    "arxiv.org",
    "/abs/",
]
HOSTILE_URL = [" ", "\t", "\n", "\x00", "\x7f", "[", "]", "[::1]", "\\", "//", "::", "\u3000"]
URL_TEXT = st.lists(st.sampled_from(URL_PIECES * 8 + HOSTILE_URL), max_size=14).map("".join)
SCHEMES = st.sampled_from(["https", "http", "HTTP", "ftp", "mailto", "a+b", "1x", ""])


@st.composite
def url_like(draw: st.DrawFn) -> str:
    scheme = draw(SCHEMES)
    separator = draw(st.sampled_from(["://", ":", ":/", ":///", ""]))
    return scheme + separator + draw(URL_TEXT)
