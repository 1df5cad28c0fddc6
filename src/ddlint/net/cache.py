"""A small on-disk cache of link results, so re-running the linter is cheap and polite.

One JSON file, ``links.json``, maps each checked URL (fragment stripped) to its
result and the time it was checked. Every verdict is cached, the unflattering ones
too: re-asking a host that just blocked us is exactly the impoliteness the cache
is there to avoid. ``not_checked`` is never cached, because it describes ddlint's
own options, not the link.

A verdict also depends on how the link was asked (the accepted statuses, the
timeout, the retries…), so each entry keeps the options that shaped it
(``verdict_shape``) and is reused only under the same ones: after a 403, a run
with ``--link-accept 403`` or a longer ``--link-timeout`` asks the link again, and
its verdict replaces the old one.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, get_args

from .model import CheckOptions, LinkResult, LinkStatus

# 2: results say where a link moved to (``moved_to``);
# 3: each entry keeps the options that shaped its verdict (``shaped_by``).
CACHE_VERSION = 3


def load_entries(path: Path, version: int) -> dict[str, dict[str, Any]]:
    """The entries of a cache file written as ``{"version": …, "entries": {key: {…}}}``.
    A cache is only ever an optimisation: anything unreadable, or of another version,
    starts it afresh."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != version:
        return {}
    entries = data.get("entries")
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(v, dict)}


CACHE_FILE = "links.json"
_CACHEABLE = frozenset(get_args(LinkStatus)) - {"not_checked"}


def verdict_shape(options: CheckOptions) -> dict[str, Any]:
    """The options that can change a link's verdict, as JSON keeps them (sorted lists,
    so equal options compare equal after a round trip). Left out: what only changes
    how fast or how politely links are asked (concurrency, backoff), the user agent,
    and ``exclude`` (an excluded link is neither asked nor cached)."""
    return {
        "accept": sorted(options.accept),
        "timeout": options.timeout,
        "deadline": options.deadline,
        "retries": options.retries,
        "max_retry_after": options.max_retry_after,
        "max_redirects": options.max_redirects,
        "resolvers": sorted(options.resolvers),
        # A private address is refused (not cached) without it; an entry made with it
        # must not answer for the guard in a run without it.
        "allow_private": options.allow_private,
    }


class LinkCache:
    """Results by URL, loaded once at the start of a run and written once at its end.
    ``shape`` (``verdict_shape``) is this run's: an entry made under another is a miss."""

    def __init__(self, directory: Path, ttl: float, shape: dict[str, Any]) -> None:
        self._path = directory / CACHE_FILE
        self._ttl = ttl
        self._shape = shape
        self._entries: dict[str, dict[str, Any]] = self._load()
        self._dirty = False

    def _load(self) -> dict[str, dict[str, Any]]:
        return load_entries(self._path, CACHE_VERSION)

    def get(self, url: str, now: float | None = None) -> LinkResult | None:
        """The cached result for ``url`` if it is younger than the TTL and was reached
        under this run's verdict-shaping options, else ``None``."""
        entry = self._entries.get(url)
        if entry is None:
            return None
        now = time.time() if now is None else now
        try:
            checked_at = float(entry["checked_at"])
            if not 0 <= now - checked_at <= self._ttl or entry["status"] not in _CACHEABLE:
                return None
            if entry.get("shaped_by") != self._shape:
                return None
            return LinkResult(
                url=url,
                status=entry["status"],
                http_status=_optional_int(entry["http_status"]),
                final_url=_optional_str(entry["final_url"]),
                permanent=bool(entry["permanent"]),
                detail=str(entry["detail"]),
                from_cache=True,
                moved_to=_optional_str(entry.get("moved_to")),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, result: LinkResult, now: float | None = None) -> None:
        """Remember ``result`` (keyed by its URL, with this run's verdict-shaping
        options) unless it is ``not_checked``; it replaces any older entry."""
        if result.status not in _CACHEABLE:
            return
        entry = asdict(replace(result, from_cache=False))
        del entry["url"], entry["from_cache"]
        entry["checked_at"] = time.time() if now is None else now
        entry["shaped_by"] = self._shape
        self._entries[result.url] = entry
        self._dirty = True

    def save(self, now: float | None = None) -> None:
        """Write the cache atomically, dropping expired entries; no-op when unchanged."""
        if not self._dirty:
            return
        now = time.time() if now is None else now
        fresh = {
            url: entry
            for url, entry in self._entries.items()
            if isinstance(entry.get("checked_at"), (int, float))
            and now - entry["checked_at"] <= self._ttl
        }
        payload = json.dumps({"version": CACHE_VERSION, "entries": fresh}, indent=1)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        # temp file + os.replace: a reader (or a crash) never sees half a file.
        fd, temp = tempfile.mkstemp(prefix=".links-", suffix=".tmp", dir=self._path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(temp, self._path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self._dirty = False


def _optional_int(value: object) -> int | None:
    return None if value is None else int(str(value))


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)
