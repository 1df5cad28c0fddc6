"""Network link checking: the only part of ddlint that talks to the network.

``check_links(urls, options)`` returns a ``LinkResult`` per URL. The link rules turn
these into findings; this package knows nothing of findings or Markdown.

The checker (and with it httpx) is imported on first use of ``check_links``: the rules
read the result types of ``ddlint.net.model`` without loading the network stack."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import CheckOptions, LinkResult, LinkStatus, default_cache_dir

if TYPE_CHECKING:
    from .checker import check_links, check_links_async

__all__ = [
    "CheckOptions",
    "LinkResult",
    "LinkStatus",
    "check_links",
    "check_links_async",
    "default_cache_dir",
]


def __getattr__(name: str) -> Any:
    if name in ("check_links", "check_links_async"):
        from . import checker

        return getattr(checker, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
