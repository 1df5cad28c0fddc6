"""The metadata cache: one JSON file of answers, trusted for a TTL that fits the answer.

A published paper's metadata does not change, so it is kept long (``published_ttl``);
a preprint may be published any day, so its metadata and "no publication yet" are
kept short (``preprint_ttl``); "no such id" shorter still (``unknown_ttl``: an id
quoted before its source lists it, a DOI registered yesterday, is known within hours).
An answer that could not be had (a network error, a refusal) is never cached: it says
nothing about the paper. A "no such id" read from the cache says so in its reason.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from ..cache import load_entries
from .model import LookupFailure, MetadataOptions, PaperId, PaperMetadata

CACHE_VERSION = 2  # 2: unknown ids kept for ``unknown_ttl``
CACHE_FILE = "metadata.json"
Cached = PaperMetadata | LookupFailure | None


class MetadataCache:
    """Answers by key (``meta:arxiv:2212.06152``, ``pub:arxiv:…``), loaded once and saved once."""

    def __init__(self, directory: Path, options: MetadataOptions) -> None:
        self._path = directory / CACHE_FILE
        self._options = options
        self._entries = self._load()
        self._dirty = False

    def _load(self) -> dict[str, dict[str, Any]]:
        return load_entries(self._path, CACHE_VERSION)

    def get(self, key: str, now: float | None = None) -> tuple[bool, Cached]:
        """``(True, answer)`` for a fresh entry (the answer may be None: "none"), else
        ``(False, None)``."""
        entry = self._entries.get(key)
        if entry is None:
            return False, None
        now = time.time() if now is None else now
        try:
            if not 0 <= now - float(entry["at"]) <= self._ttl(entry):
                return False, None
            value = _decode(entry["value"])
        except (KeyError, TypeError, ValueError):
            return False, None
        if isinstance(value, LookupFailure):
            value = replace(value, reason=f"{value.reason} (cached; --no-cache asks again)")
        return True, value

    def put(self, key: str, value: Cached, now: float | None = None) -> None:
        if isinstance(value, LookupFailure) and not value.unknown:
            return
        published = isinstance(value, PaperMetadata) and not value.preprint
        unknown = isinstance(value, LookupFailure)
        at = time.time() if now is None else now
        self._entries[key] = {
            "at": at,
            "published": published,
            "unknown": unknown,
            "value": _encode(value),
        }
        self._dirty = True

    def _ttl(self, entry: dict[str, Any]) -> float:
        if entry.get("unknown"):
            return self._options.unknown_ttl
        if entry.get("published"):
            return self._options.published_ttl
        return self._options.preprint_ttl

    def save(self, now: float | None = None) -> None:
        """Write atomically, dropping expired entries; an unwritable cache is ignored."""
        if not self._dirty:
            return
        now = time.time() if now is None else now
        fresh = {
            key: entry
            for key, entry in self._entries.items()
            if isinstance(entry.get("at"), (int, float)) and now - entry["at"] <= self._ttl(entry)
        }
        payload = json.dumps({"version": CACHE_VERSION, "entries": fresh}, indent=1)
        with contextlib.suppress(OSError):
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".metadata-", suffix=".tmp", dir=self._path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(payload)
                os.replace(temp, self._path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        self._dirty = False


def _encode(value: Cached) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, LookupFailure):
        return {"failure": value.reason, "id": asdict(value.id)}
    data = asdict(value)
    data["authors"] = list(value.authors)
    return data


def _decode(data: Any) -> Cached:
    if data is None:
        return None
    kind = data["id"]["kind"]
    if kind not in ("arxiv", "doi", "openreview"):
        raise ValueError(kind)
    paper_id = PaperId(kind, str(data["id"]["value"]))
    if "failure" in data:
        return LookupFailure(paper_id, str(data["failure"]), True)
    return PaperMetadata(
        id=paper_id,
        title=str(data["title"]),
        authors=tuple(str(name) for name in data["authors"]),
        year=_int(data["year"]),
        month=_int(data["month"]),
        venue=_str(data["venue"]),
        preprint=bool(data["preprint"]),
        arxiv_id=_str(data["arxiv_id"]),
        doi=_str(data["doi"]),
        url=_str(data["url"]),
        source=str(data["source"]),
    )


def _int(value: object) -> int | None:
    return None if value is None else int(str(value))


def _str(value: object) -> str | None:
    return None if value is None else str(value)
