"""ddlint: lint and fix the paper tables of Markdown paper lists, as GitHub renders them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Document", "__version__", "parse_document", "render_document"]

if TYPE_CHECKING:
    from ddlint.gfm.document import Document
    from ddlint.gfm.parse import parse_document, render_document


def __getattr__(name: str) -> Any:
    # Loaded on first use: ``ddlint --version`` needs none of it (start-up time).
    if name == "Document":
        from ddlint.gfm.document import Document

        return Document
    if name in ("parse_document", "render_document"):
        from ddlint.gfm import parse

        return getattr(parse, name)
    raise AttributeError(f"module 'ddlint' has no attribute {name!r}")
