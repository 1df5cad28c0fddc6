"""One lookup run's HTTP: one request at a time per host, a least interval between two,
``Retry-After`` honoured, the address guard applied, and bounded answers.

The metadata APIs are few hosts asked many times, unlike the link checker's many hosts
asked once, so requests are sequential: no two ever overlap on a host, and each waits
until the host's interval has passed since the previous one ended (start-to-start
spacing is then at least the interval too). The address guard and the pinning to the
vetted address are the link checker's (``ddlint.net.guard``, ``session``).
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

import httpx

from ddlint.net import guard
from ddlint.net.classify import is_retryable_status, parse_retry_after, status_text

# An API answer for fifty papers is tens of kilobytes; a host sending more is broken
# or hostile, and reading it all would only fill memory.
MAX_BODY = 8 * 1024 * 1024


# When each host may next be asked: shared by every client of the process, so that the
# files of one run (each looked up by its own client) keep one pace per host.
_NEXT_AT: dict[str, float] = {}


class SourceError(Exception):
    """A request that got no usable answer: ``detail`` says why, in one line."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes


class PoliteClient:
    """Synchronous HTTP for the metadata sources; ``intervals`` maps a host to its own
    least interval (arXiv sets its own in its terms), others get ``interval``."""

    def __init__(
        self,
        *,
        interval: float,
        intervals: Mapping[str, float],
        allow_private: bool,
        timeout: float,
        retries: int,
        max_retry_after: float,
        user_agent: str,
    ) -> None:
        self._interval = interval
        self._intervals = dict(intervals)
        self._allow_private = allow_private
        self._timeout = timeout
        self._retries = retries
        self._max_retry_after = max_retry_after
        self._next_at = _NEXT_AT
        self._addresses: dict[str, tuple[str, ...] | SourceError] = {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={"User-Agent": user_agent, "Accept-Encoding": "identity"},
            trust_env=False,
        )

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, params: Mapping[str, str]) -> Answer:
        """GET ``url`` with ``params``; a 2xx or 4xx answer, or ``SourceError``."""
        try:
            request_url = httpx.URL(url, params=dict(params))
        except (httpx.InvalidURL, TypeError) as error:
            raise SourceError(f"invalid URL {url!r}: {error}") from None
        host = request_url.host.lower()
        if request_url.scheme not in ("http", "https") or not host:
            raise SourceError(f"invalid URL {url!r}")
        addresses = self._vetted(host)
        for attempt in range(self._retries + 1):
            self._wait_turn(host)
            try:
                answer, retry_after = self._send(request_url, addresses)
            except (httpx.HTTPError, OSError) as error:
                self._done(host, None)
                if attempt == self._retries:
                    raise SourceError(f"{host}: {_describe(error)}") from None
                continue
            wait = parse_retry_after(retry_after)
            self._done(host, wait)
            if not is_retryable_status(answer.status):
                if answer.status >= 500 or 300 <= answer.status < 400:
                    raise SourceError(f"{host}: HTTP {status_text(answer.status)}")
                return answer
            if wait is not None and wait > self._max_retry_after:
                text = f"asked to retry after {wait:g} s, over the {self._max_retry_after:g} s cap"
                raise SourceError(f"{host}: HTTP {status_text(answer.status)}; {text}")
            if attempt == self._retries:
                raise SourceError(f"{host}: HTTP {status_text(answer.status)}")
        raise AssertionError("unreachable")  # pragma: no cover

    def _vetted(self, host: str) -> tuple[str, ...]:
        known = self._addresses.get(host)
        if known is None:
            known = self._resolve(host)
            self._addresses[host] = known
        if isinstance(known, SourceError):
            raise known
        return known

    def _resolve(self, host: str) -> tuple[str, ...] | SourceError:
        try:
            infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            return SourceError(f"DNS lookup failed for {host}: {error}")
        addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            return SourceError(f"DNS lookup failed for {host}")
        reason = None if self._allow_private else guard.vet(addresses)
        if reason is not None:
            return SourceError(f"refused by the address guard: {reason} (--allow-private asks it)")
        return addresses

    def _wait_turn(self, host: str) -> None:
        delay = self._next_at.get(host, 0.0) - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def _done(self, host: str, retry_after: float | None) -> None:
        """The host's next request waits its interval from now, or as long as it asked."""
        wait = self._intervals.get(host, self._interval)
        if retry_after is not None:
            wait = max(wait, min(retry_after, self._max_retry_after))
        self._next_at[host] = time.monotonic() + wait

    def _send(self, url: httpx.URL, addresses: tuple[str, ...]) -> tuple[Answer, str | None]:
        # Connect to the vetted address itself (no DNS rebinding between check and
        # connect); Host header and TLS name stay the host's, as in the link checker.
        host = url.host
        bracketed = f"[{host}]" if ":" in host else host
        headers = {"Host": bracketed if url.port is None else f"{bracketed}:{url.port}"}
        extensions = {"sni_hostname": host} if url.scheme == "https" else {}
        refused: Exception | None = None
        for address in addresses:
            request = self._client.build_request(
                "GET", url.copy_with(host=address), headers=headers, extensions=extensions
            )
            try:
                return self._read(request)
            except httpx.ConnectError as error:
                refused = error
        assert refused is not None  # the resolver never returns an empty tuple
        raise refused

    def _read(self, request: httpx.Request) -> tuple[Answer, str | None]:
        # httpx's timeout is per read: a host trickling bytes would never time out, so
        # the answer as a whole gets a deadline too.
        deadline = time.monotonic() + self._timeout * 3
        response = self._client.send(request, stream=True)
        try:
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BODY:
                    raise httpx.RemoteProtocolError(f"answer over {MAX_BODY} bytes")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("answer too slow")
                chunks.append(chunk)
            return Answer(response.status_code, b"".join(chunks)), response.headers.get(
                "retry-after"
            )
        finally:
            response.close()


def read_json(body: bytes) -> Any:
    """The JSON of an answer; ``SourceError`` when it is none (or nested past what the
    parser can follow: a hostile answer must not crash the run)."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise SourceError("unreadable answer") from None


T = TypeVar("T")
P = ParamSpec("P")


def parsed(read: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``read(…)``, an answer's parse: whatever a value it meets makes it raise (a case
    no parser foresaw) is the answer's fault, a ``SourceError``, never the run's end."""
    try:
        return read(*args, **kwargs)
    except SourceError:
        raise
    except Exception as error:
        raise SourceError(f"unreadable answer ({type(error).__name__})") from None


def _describe(error: Exception) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "timed out"
    if isinstance(error, httpx.ConnectError):
        return f"could not connect ({error})"
    return f"network error ({error or type(error).__name__})"
