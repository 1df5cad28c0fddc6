"""The public entry points: check a batch of links, with cache and progress bar."""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit

import httpx

from .cache import LinkCache, verdict_shape
from .classify import failure
from .model import CheckOptions, LinkResult, default_cache_dir
from .progress import Progress
from .session import SCHEMES, Session

# A module-level default instead of a call in the signature: one shared, frozen value.
DEFAULT_OPTIONS = CheckOptions()


def _request_url(url: str) -> str | None:
    """The URL to request: fragment stripped; ``None`` for non-http(s) links and for
    targets urlsplit rejects (DD302 reports those)."""
    try:
        scheme = urlsplit(url).scheme
    except ValueError:
        return None
    if scheme.lower() not in SCHEMES:
        return None
    return url.split("#", 1)[0]


async def check_links_async(
    urls: Iterable[str],
    options: CheckOptions = DEFAULT_OPTIONS,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> dict[str, LinkResult]:
    """Check ``urls`` and return a result for each distinct one, in input order.

    Links differing only by fragment share one request. Non-http(s) links are
    ``not_checked``. A link ``options.exclude`` matches gets no result: it is not
    checked, and nothing is said of it. An injected ``transport`` is used as is (no
    address pinning).
    """
    excluded = [re.compile(pattern) for pattern in options.exclude]
    wanted = [url for url in dict.fromkeys(urls) if not any(p.search(url) for p in excluded)]
    targets = {url: _request_url(url) for url in wanted}
    unique = list(dict.fromkeys(t for t in targets.values() if t is not None))
    cache = None
    if options.use_cache:
        directory = options.cache_dir or default_cache_dir()
        cache = LinkCache(directory, options.cache_ttl, verdict_shape(options))
    found: dict[str, LinkResult] = {}
    for target in unique:
        hit = cache.get(target) if cache is not None else None
        if hit is not None:
            found[target] = hit
    stream = sys.stderr
    progress = Progress(len(unique), stream, enabled=options.progress and stream.isatty())
    progress.advance(len(found))
    session = Session(options, transport)

    async def check_one(target: str) -> None:
        found[target] = result = await session.check(target)
        if cache is not None:
            cache.put(result)
        progress.advance()

    try:
        await asyncio.gather(*(check_one(t) for t in unique if t not in found))
    finally:
        await session.aclose()
        progress.close()
        if cache is not None:
            with contextlib.suppress(OSError):  # an unwritable cache must not fail a lint
                cache.save()
    results: dict[str, LinkResult] = {}
    for url, request_url in targets.items():
        if request_url is None:
            results[url] = failure(url, "not_checked", "only http and https links are checked")
        else:
            results[url] = replace(found[request_url], url=url)
    return results


def check_links(
    urls: Iterable[str],
    options: CheckOptions = DEFAULT_OPTIONS,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> dict[str, LinkResult]:
    """Synchronous ``check_links_async``: runs its own event loop (not inside one)."""
    return asyncio.run(check_links_async(urls, options, transport=transport))
