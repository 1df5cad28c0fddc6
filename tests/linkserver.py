"""Real local servers for the link-checker tests: HTTP routes and raw-socket faults.

Every server runs on one background event-loop thread, so the synchronous
``check_links`` under test can run its own loop in the test's thread. Servers bind
127.0.0.x only; nothing here touches the network beyond loopback.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus

import pytest

ConnectionHandler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    at: float


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream_bytes: int = 0  # a GET streams this many bytes of body, counted as sent


Route = Reply | Callable[[Request], Reply]


class Gauge:
    """Requests in flight right now, and the most ever seen; shareable across servers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.peak = 0

    def enter(self) -> None:
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def leave(self) -> None:
        with self._lock:
            self.now -= 1


class _LoopThread:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def run(self, coro: Awaitable[object]) -> object:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(10)  # type: ignore[arg-type]


_THREAD: _LoopThread | None = None


def _thread() -> _LoopThread:
    global _THREAD
    if _THREAD is None:
        _THREAD = _LoopThread()
    return _THREAD


class RawServer:
    """A TCP server on 127.0.0.x whose connections go to ``handler`` as they are."""

    def __init__(self, handler: ConnectionHandler, host: str = "127.0.0.1") -> None:
        self.host = host
        self.connections = 0
        self._handler = handler
        self._tasks: set[asyncio.Task[None]] = set()
        self._server = _thread().run(self._start())
        assert isinstance(self._server, asyncio.Server)
        self.port: int = self._server.sockets[0].getsockname()[1]

    async def _start(self) -> asyncio.Server:
        return await asyncio.start_server(self._accept, self.host, 0)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._handler(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def close(self) -> None:
        async def stop() -> None:
            self._server.close()
            for task in list(self._tasks):
                task.cancel()

        _thread().run(stop())


class LinkServer(RawServer):
    """A small HTTP/1.1 server (keep-alive, HEAD, delays, streamed bodies) over routes."""

    def __init__(self, host: str = "127.0.0.1", gauge: Gauge | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.gauge = gauge or Gauge()
        self.bytes_streamed = 0
        self.stream_aborted = threading.Event()
        super().__init__(self._serve, host)

    def route(self, path: str, reply: Route) -> str:
        self.routes[path] = reply
        return self.url(path)

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                return
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            request = Request(method, target.split("?")[0], headers, time.monotonic())
            self.requests.append(request)
            route = self.routes.get(request.path, Reply(404))
            reply = route if isinstance(route, Reply) else route(request)
            self.gauge.enter()
            try:
                await asyncio.sleep(reply.delay)
                await self._reply(request, reply, writer)
            finally:
                self.gauge.leave()

    async def _reply(self, request: Request, reply: Reply, writer: asyncio.StreamWriter) -> None:
        try:
            phrase = HTTPStatus(reply.status).phrase
        except ValueError:
            phrase = "Custom"
        size = reply.stream_bytes
        lines = [f"HTTP/1.1 {reply.status} {phrase}", f"Content-Length: {size}"]
        lines += [f"{k}: {v}" for k, v in reply.headers.items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        await writer.drain()
        if request.method == "GET" and size:
            chunk = b"x" * CHUNK
            try:
                while self.bytes_streamed < size:
                    writer.write(chunk)
                    self.bytes_streamed += CHUNK
                    await writer.drain()
            except ConnectionError:
                self.stream_aborted.set()
                raise


def free_port() -> int:
    """A port nothing listens on (bound, then released), for "connection refused"."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def reset_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Read the request, then abort with a TCP RST (SO_LINGER 0) instead of answering."""
    await reader.readuntil(b"\r\n\r\n")
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def garbage_status(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await reader.readuntil(b"\r\n\r\n")
    writer.write(b"HELLO THERE, NOT HTTP\r\n\r\n")
    await writer.drain()


async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await reader.readuntil(b"\r\n\r\n")
    await asyncio.sleep(3600)


@contextmanager
def serving(*servers: RawServer) -> Iterator[None]:
    try:
        yield
    finally:
        for server in servers:
            server.close()


@pytest.fixture
def server() -> Iterator[LinkServer]:
    """One local link server, running for one test."""
    srv = LinkServer()
    with serving(srv):
        yield srv
