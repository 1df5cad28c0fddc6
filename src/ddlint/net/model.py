"""The link checker's public data: what a check found, and how to run one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

LinkStatus = Literal["ok", "dead", "redirected", "unverifiable", "not_checked"]


@dataclass(frozen=True)
class LinkResult:
    """The outcome of checking one URL.

    ``status`` is the verdict; ``detail`` says why in words a maintainer can act on.
    ``http_status`` is the last status code seen (``None`` when no response came),
    ``final_url`` is where redirects ended, and ``permanent`` is true only when every
    redirect hop was a 301 or 308, i.e. the link can safely be rewritten.
    """

    url: str
    status: LinkStatus
    http_status: int | None
    final_url: str | None
    permanent: bool
    detail: str
    from_cache: bool = False


@dataclass(frozen=True)
class CheckOptions:
    """How politely, how patiently and how safely to check links.

    ``timeout`` bounds each request as a whole (connect, write, read, pool), and
    ``retries`` are extra tries for connection errors, timeouts, 429 and 5xx.
    ``deadline`` bounds one link as a whole: every hop, try and pause together.
    ``backoff`` is the first pause between such retries (doubling each time) when
    the server sent no ``Retry-After``.
    """

    allow_private: bool = False
    host_concurrency: int = 4
    total_concurrency: int = 64
    timeout: float = 10.0
    deadline: float = 60.0
    retries: int = 2
    max_retry_after: float = 30.0
    max_redirects: int = 10
    cache_dir: Path | None = None
    cache_ttl: float = 86400.0
    use_cache: bool = True
    progress: bool = False
    user_agent: str = "ddlint-linkcheck (+https://github.com/ddlint/ddlint)"
    backoff: float = 0.5


def default_cache_dir() -> Path:
    """``links`` in ddlint's user cache folder, as platformdirs gives it for the platform
    (``$XDG_CACHE_HOME/ddlint/links`` or ``~/.cache/ddlint/links`` on Linux)."""
    from platformdirs import user_cache_dir  # only --check-links needs it

    return Path(user_cache_dir("ddlint", appauthor=False)) / "links"
