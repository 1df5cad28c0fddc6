"""Network link checking: the only part of ddlint that talks to the network.

``check_links(urls, options)`` returns a ``LinkResult`` per URL. The linter turns
these into findings; this package knows nothing of findings or Markdown."""

from __future__ import annotations

from .checker import check_links, check_links_async
from .model import CheckOptions, LinkResult, LinkStatus, default_cache_dir

__all__ = [
    "CheckOptions",
    "LinkResult",
    "LinkStatus",
    "check_links",
    "check_links_async",
    "default_cache_dir",
]
