"""Real local servers that answer like arXiv, Crossref, DBLP and OpenReview.

Each API runs on its own loopback address (127.0.0.2 …), so each is its own host to
the client's per-host politeness, as the real APIs are. Answers are written by hand
in each API's documented format from the ``Paper`` objects a test registers. Every
request is recorded (start, end, path, query), and a gauge counts overlapping ones.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

import pytest

from ddlint.net.metadata import MetadataOptions
from ddlint.records.identity import loose_key


@dataclass(frozen=True)
class Paper:
    """One paper as the servers know it."""

    title: str
    authors: tuple[str, ...]
    published: str = "2022-12-12"  # arXiv's first version
    arxiv_id: str | None = None
    doi: str | None = None
    venue: str | None = None  # DBLP's short venue when published
    year: int | None = None  # the venue's year
    crossref_type: str = "proceedings-article"
    event_acronym: str | None = None


@dataclass(frozen=True)
class Seen:
    path: str
    query: dict[str, list[str]]
    start: float
    end: float


@dataclass
class Api:
    """One API's state: what it knows, what it has seen, and scripted failures."""

    host: str
    port: int = 0
    seen: list[Seen] = field(default_factory=list)
    in_flight: int = 0
    peak: int = 0
    # Status codes (with a Retry-After) to answer before the real answers, one a request.
    failures: list[tuple[int, str | None]] = field(default_factory=list)
    # Bodies to answer with 200 OK instead of the real answers, one a request (hostile hosts).
    bodies: list[bytes] = field(default_factory=list)
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"


class Registry:
    """The papers every API knows, and DBLP's search answers."""

    def __init__(self) -> None:
        self.papers: list[Paper] = []
        self.dblp_extra: list[dict[str, object]] = []  # hits DBLP adds for any query
        self.openreview: dict[str, dict[str, object]] = {}  # API v2's notes, by forum
        self.openreview_v1: dict[str, dict[str, object]] = {}  # API v1's (the older forums)

    def add(self, *papers: Paper) -> None:
        self.papers.extend(papers)

    # arXiv: an Atom feed, one entry per known id of id_list.
    def arxiv_feed(self, ids: list[str]) -> bytes:
        entries = []
        for wanted in ids:
            for paper in self.papers:
                if paper.arxiv_id == wanted:
                    entries.append(_atom_entry(paper))
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" '
            'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
            'xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
            "  <title>arXiv Query: id_list</title>\n"
            f"  <opensearch:totalResults>{len(entries)}</opensearch:totalResults>\n"
            + "".join(entries)
            + "</feed>\n"
        ).encode()

    def crossref_work(self, doi: str) -> bytes | None:
        for paper in self.papers:
            if paper.doi == doi.lower():
                return json.dumps(_crossref_message(paper)).encode()
        return None

    def dblp_search(self, query: str) -> bytes:
        # DBLP finds a title by its words, whatever punctuation joins them ("Low-Precision").
        words = [loose_key(word) for word in query.split()]
        hits: list[dict[str, object]] = []
        for paper in self.papers:
            if words and all(word in loose_key(paper.title) for word in words):
                if paper.arxiv_id:  # DBLP lists every arXiv paper as CoRR too
                    hits.append(_dblp_info(paper, "CoRR", int(paper.published[:4]), corr=True))
                if paper.venue:
                    hits.append(_dblp_info(paper, paper.venue, paper.year or 0, corr=False))
        hits.extend(self.dblp_extra)
        answer = {
            "result": {
                "query": query,
                "status": {"@code": "200", "text": "OK"},
                "hits": {
                    "@total": str(len(hits)),
                    "@sent": str(len(hits)),
                    "@first": "0",
                    **({"hit": [{"@score": "1", "info": h} for h in hits]} if hits else {}),
                },
            }
        }
        return json.dumps(answer).encode()


def _atom_entry(paper: Paper) -> str:
    authors = "".join(f"    <author><name>{escape(a)}</name></author>\n" for a in paper.authors)
    title = escape(paper.title)
    # arXiv folds long titles over lines; the client must unfold them.
    if len(title) > 40:
        cut = title.index(" ", 30)
        title = title[:cut] + "\n  " + title[cut + 1 :]
    return (
        "  <entry>\n"
        f"    <id>http://arxiv.org/abs/{paper.arxiv_id}v2</id>\n"
        f"    <updated>{paper.published}T18:00:00Z</updated>\n"
        f"    <published>{paper.published}T17:59:59Z</published>\n"
        f"    <title>{title}</title>\n"
        "    <summary>  An abstract.\n</summary>\n"
        f"{authors}"
        f'    <link href="http://arxiv.org/abs/{paper.arxiv_id}v2" rel="alternate"/>\n'
        '    <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>\n'
        "  </entry>\n"
    )


def _crossref_message(paper: Paper) -> dict[str, object]:
    year = paper.year or int(paper.published[:4])
    message: dict[str, object] = {
        "DOI": paper.doi,
        "type": paper.crossref_type,
        "title": [paper.title],
        "author": [
            {"given": " ".join(a.split()[:-1]), "family": a.split()[-1], "sequence": "additional"}
            for a in paper.authors
        ],
        "container-title": ["Proceedings of an Invented Conference"],
        "published": {"date-parts": [[year, 8, 14]]},
        "issued": {"date-parts": [[year, 8, 14]]},
    }
    if paper.event_acronym:
        message["event"] = {"name": "An invented conference", "acronym": paper.event_acronym}
    return {"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": message}


def _dblp_info(paper: Paper, venue: str, year: int, *, corr: bool) -> dict[str, object]:
    authors = [{"@pid": f"00/{i}", "text": name} for i, name in enumerate(paper.authors)]
    info: dict[str, object] = {
        "authors": {"author": authors[0] if len(authors) == 1 else authors},
        "title": paper.title + ".",
        "venue": venue,
        "year": str(year),
        "type": "Informal and Other Publications" if corr else "Conference and Workshop Papers",
        "key": f"journals/corr/abs-{(paper.arxiv_id or 'x').replace('.', '-')}"
        if corr
        else f"conf/{venue.lower()}/Invented{year}",
        "url": "https://dblp.org/rec/invented",
    }
    doi = f"10.48550/arXiv.{paper.arxiv_id}" if corr else paper.doi
    if doi:
        info["doi"] = doi
        info["ee"] = f"https://doi.org/{doi}"
    return info


def dblp_hit(title: str, authors: tuple[str, ...], venue: str, year: int) -> dict[str, object]:
    """A DBLP hit for a paper the registry does not hold (a near-identical title)."""
    return _dblp_info(Paper(title, authors), venue, year, corr=False)


class Servers:
    """The APIs (OpenReview's two), each on its own loopback host, sharing one
    ``Registry``."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.arxiv = Api("127.0.0.2")
        self.crossref = Api("127.0.0.3")
        self.dblp = Api("127.0.0.4")
        self.openreview = Api("127.0.0.5")
        self.openreview_v1 = Api("127.0.0.6")
        self._servers: list[ThreadingHTTPServer] = []

    @property
    def apis(self) -> tuple[Api, ...]:
        return (self.arxiv, self.crossref, self.dblp, self.openreview, self.openreview_v1)

    def options(self, **changes: object) -> MetadataOptions:
        values: dict[str, object] = {
            "arxiv_api": f"{self.arxiv.base}/api/query",
            "crossref_api": self.crossref.base,
            "dblp_api": f"{self.dblp.base}/search/publ/api",
            "openreview_api": self.openreview.base,
            "openreview_v1_api": self.openreview_v1.base,
            "allow_private": True,
            "arxiv_interval": 0.05,
            "interval": 0.02,
            "timeout": 5.0,
            "retries": 1,
            "contact": "maintainer@example.org",
        }
        values.update(changes)
        return MetadataOptions(**values)  # type: ignore[arg-type]

    def start(self) -> None:
        for api in self.apis:
            server = ThreadingHTTPServer((api.host, 0), _handler(self, api))
            server.daemon_threads = True
            api.port = server.server_address[1]
            # shutdown() waits for serve_forever's next poll: at the default half second,
            # five servers per test made stopping them the slowest part of the tests.
            serve = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
            )
            serve.start()
            self._servers.append(server)

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def requests(self) -> int:
        return sum(len(api.seen) for api in self.apis)

    def answer(self, api: Api, path: str, query: dict[str, list[str]]) -> tuple[int, bytes, str]:
        one = {key: values[0] for key, values in query.items()}
        registry = self.registry
        if api is self.arxiv and path == "/api/query":
            ids = [i for i in one.get("id_list", "").split(",") if i]
            return 200, registry.arxiv_feed(ids), "application/atom+xml; charset=utf-8"
        if api is self.crossref and path.startswith("/works/"):
            body = registry.crossref_work(unquote(path[len("/works/") :]))
            if body is None:
                return 404, b"Resource not found.", "text/plain"
            return 200, body, "application/json"
        if api is self.dblp and path == "/search/publ/api":
            return 200, registry.dblp_search(one.get("q", "")), "application/json"
        if api in (self.openreview, self.openreview_v1) and path == "/notes":
            notes = registry.openreview if api is self.openreview else registry.openreview_v1
            note = notes.get(one.get("id", ""))
            if note is None:
                error = {
                    "name": "NotFoundError",
                    "message": "The Note was not found",
                    "status": 404,
                }
                return 404, json.dumps(error).encode(), "application/json"
            return 200, json.dumps({"notes": [note], "count": 1}).encode(), "application/json"
        return 404, b"no such route", "text/plain"


def _handler(servers: Servers, api: Api) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            start = time.monotonic()
            answered = False
            with api.lock:
                api.in_flight += 1
                api.peak = max(api.peak, api.in_flight)
                failure = api.failures.pop(0) if api.failures else None
                raw = api.bodies.pop(0) if api.bodies and failure is None else None
            try:
                if api.delay:
                    time.sleep(api.delay)
                parts = urlsplit(self.path)
                if failure is not None:
                    status, body, kind = failure[0], b"busy", "text/plain"
                elif raw is not None:
                    status, body, kind = 200, raw, "application/octet-stream"
                else:
                    status, body, kind = servers.answer(api, parts.path, parse_qs(parts.query))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if failure is not None and failure[1] is not None:
                    self.send_header("Retry-After", failure[1])
                self.end_headers()
                # Counted as answered before the body leaves: a client that has its answer
                # may look at once, or ask again, and must find this request done.
                with api.lock:
                    api.in_flight -= 1
                    answered = True
                    api.seen.append(
                        Seen(parts.path, parse_qs(parts.query), start, time.monotonic())
                    )
                self.wfile.write(body)
            finally:
                if not answered:
                    with api.lock:
                        api.in_flight -= 1

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def running(registry: Registry) -> Iterator[Servers]:
    servers = Servers(registry)
    servers.start()
    try:
        yield servers
    finally:
        servers.stop()


@pytest.fixture
def registry() -> Registry:
    """The papers the local APIs know (empty until a test adds some)."""
    return Registry()


@pytest.fixture
def servers(registry: Registry) -> Iterator[Servers]:
    """The four local APIs, running for one test."""
    with running(registry) as started:
        yield started
