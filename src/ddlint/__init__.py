"""ddlint: lint and fix the paper tables of Markdown paper lists, as GitHub renders them."""

from __future__ import annotations

from ddlint.gfm.document import Document
from ddlint.gfm.parse import parse_document, render_document

__version__ = "0.1.0"

__all__ = ["Document", "__version__", "parse_document", "render_document"]
