"""The link checker's public data: what a check found, and how to run one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ddlint import __version__

LinkStatus = Literal["ok", "dead", "redirected", "unverifiable", "not_checked"]


@dataclass(frozen=True)
class LinkResult:
    """The outcome of checking one URL.

    ``status`` is the verdict; ``detail`` says why in words a maintainer can act on.
    ``http_status`` is the last status code seen (``None`` when no response came),
    ``final_url`` is where redirects ended, and ``permanent`` is true only when every
    redirect hop was a 301 or 308. ``moved_to`` is where the leading 301/308 hops
    ended (the address the server says the link has moved to for good), ``None`` when
    the first answer was no permanent redirect.
    """

    url: str
    status: LinkStatus
    http_status: int | None
    final_url: str | None
    permanent: bool
    detail: str
    from_cache: bool = False
    moved_to: str | None = None


# Hosts that resolve a persistent identifier (a DOI, a handle) by redirecting to the
# publisher, every time and on purpose: their redirect means the identifier resolves,
# and the link is already in its lasting form.
RESOLVER_HOSTS = frozenset({"doi.org", "dx.doi.org", "hdl.handle.net"})


@dataclass(frozen=True)
class CheckOptions:
    """How politely, how patiently and how safely to check links.

    ``timeout`` bounds each request as a whole (connect, write, read, pool), and
    ``retries`` are extra tries for connection errors, timeouts, 429 and 5xx.
    ``deadline`` bounds one link as a whole: every hop, try and pause together.
    ``backoff`` is the first pause between such retries (doubling each time) when
    the server sent no ``Retry-After``. ``accept``: status codes that count as a
    working link (``--link-accept``; a redirect code among them is not followed).
    ``exclude``: regular expressions of URLs not to check at all (``--link-exclude``).
    ``resolvers``: hosts whose redirect means "resolves" (``RESOLVER_HOSTS``).
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
    # No URL: the project names none of its own yet (``[project.urls]``).
    user_agent: str = f"ddlint/{__version__}"
    backoff: float = 0.5
    accept: frozenset[int] = frozenset()
    exclude: tuple[str, ...] = ()
    resolvers: frozenset[str] = RESOLVER_HOSTS


def default_cache_dir() -> Path:
    """``links`` in ddlint's user cache folder, where the platform keeps caches
    (platformdirs: ``$XDG_CACHE_HOME/ddlint`` or ``~/.cache/ddlint`` on Linux,
    ``~/Library/Caches/ddlint`` on macOS, ``%LOCALAPPDATA%\\ddlint\\Cache`` on Windows)."""
    from platformdirs import user_cache_dir  # only --check-links needs it (start-up time)

    return Path(user_cache_dir("ddlint", appauthor=False)) / "links"
