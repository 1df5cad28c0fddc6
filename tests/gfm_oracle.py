"""GitHub's renderer as the oracle: which lines cmark-gfm renders as table body rows."""

from __future__ import annotations

import re

import cmarkgfm
from cmarkgfm.cmark import Options

from ddlint.gfm.document import Document

OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES

_TAG = re.compile(r'<(/?)(table|tbody|tr)(?: data-sourcepos="(\d+):\d+-\d+:\d+")?[^>]*>')


def render(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text, options=OPTIONS)


def rendered_tables(text: str) -> list[list[int]]:
    """Per table cmark-gfm made, the source lines of its body rows.

    The ``<table>`` start line is wrong when text precedes the header (GFM-TABLES
    §10), so only body rows are compared; raw HTML an author wrote carries no
    ``data-sourcepos`` and is ignored.
    """
    tables: list[list[int]] = []
    in_body = False
    for match in _TAG.finditer(render(text)):
        closing, tag, line = match.groups()
        if tag == "table" and not closing and line:
            tables.append([])
        elif tag == "tbody":
            in_body = not closing and bool(tables)
        elif tag == "tr" and not closing and in_body and line:
            tables[-1].append(int(line))
    return tables


def ddlint_tables(document: Document) -> list[list[int]]:
    return [[row.line for row in table.body] for table in document.tables]
