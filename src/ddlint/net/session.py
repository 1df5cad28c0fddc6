"""One checking run's HTTP machinery: polite, patient, and never downloading bodies.

Politeness: at most ``host_concurrency`` requests in flight per host and
``total_concurrency`` overall; a ``Retry-After`` from one response pauses the whole
host. Exactness: HEAD first, GET (headers only) when HEAD is not trusted, redirects
followed by hand so every hop is seen and guarded. See ``classify`` for verdicts.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import httpx

from . import guard
from .classify import (
    GET_FALLBACK_CODES,
    PERMANENT_REDIRECT_CODES,
    REDIRECT_CODES,
    failure,
    final_result,
    is_retryable_status,
    parse_retry_after,
    status_text,
    tries,
)
from .model import CheckOptions, LinkResult, LinkStatus

SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True)
class _Answer:
    """The parts of one response's head that a verdict needs."""

    code: int
    reason: str
    location: str | None
    retry_after: str | None
    note: str = ""


@dataclass(frozen=True)
class _Failure:
    """A hop that ended without a usable response."""

    status: LinkStatus
    detail: str


class _HostGate:
    """Per-host politeness: a concurrency limit, and a pause any response can impose."""

    def __init__(self, limit: int) -> None:
        self._slots = asyncio.Semaphore(limit)
        self._not_before = 0.0

    def pause(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        self._not_before = max(self._not_before, loop.time() + seconds)

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._slots:
            delay = self._not_before - asyncio.get_running_loop().time()
            if delay > 0:
                await asyncio.sleep(delay)
            yield


class Session:
    """Shared state of one run: resolver, gates, semaphores and HTTP clients."""

    def __init__(self, options: CheckOptions, transport: httpx.AsyncBaseTransport | None) -> None:
        self._options = options
        self._resolver = guard.Resolver(options.timeout)
        self._total = asyncio.Semaphore(options.total_concurrency)
        self._gates: dict[str, _HostGate] = {}
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._injected = transport
        # Pinning (connecting to the address the guard vetted) needs our own transport;
        # an injected one, e.g. in a test, is used exactly as given.
        self._pin = transport is None
        self._ssl = httpx.create_ssl_context() if transport is None else None

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()

    def _client(self, host: str) -> httpx.AsyncClient:
        # One client per host when pinning: the pool is keyed by the IP we connect
        # to, and a TLS connection opened for one name must not serve another name
        # that happens to share its IP (CDNs would answer 421 or the wrong site).
        key = host if self._pin else ""
        client = self._clients.get(key)
        if client is None:
            transport = self._injected or httpx.AsyncHTTPTransport(
                verify=self._ssl or True,
                limits=httpx.Limits(max_connections=self._options.host_concurrency),
            )
            client = httpx.AsyncClient(
                transport=transport,
                timeout=httpx.Timeout(self._options.timeout),
                follow_redirects=False,
                headers={"User-Agent": self._options.user_agent},
                trust_env=False,
            )
            self._clients[key] = client
        return client

    def _gate(self, host: str) -> _HostGate:
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = _HostGate(self._options.host_concurrency)
        return gate

    async def check(self, url: str) -> LinkResult:
        """Check one fragment-free http(s) URL, within the deadline for one link."""
        # Each request has its own timeout, but a link may take many hops, tries and
        # Retry-After pauses; without a bound on the whole, one link could hold a CI
        # job for many minutes.
        deadline = self._options.deadline
        try:
            return await asyncio.wait_for(self._follow(url), deadline)
        except asyncio.TimeoutError:
            text = f"gave up after the {deadline:g} s deadline for one link"
            return failure(url, "unverifiable", text, http_status=None, final_url=None)

    async def _follow(self, url: str) -> LinkResult:
        """Check one fragment-free http(s) URL, following redirects hop by hop."""
        current, seen, permanent, redirected = url, {url}, True, False
        moved_to: str | None = None  # where the leading 301/308 hops ended
        last_code: int | None = None
        for _ in range(self._options.max_redirects + 1):
            answer = await self._fetch(current)
            final = current if redirected else None
            if isinstance(answer, _Failure):
                return failure(
                    url,
                    answer.status,
                    answer.detail,
                    http_status=last_code,
                    final_url=final,
                    moved_to=moved_to,
                )
            last_code = answer.code
            accepted = answer.code in self._options.accept
            if accepted or answer.code not in REDIRECT_CODES or not answer.location:
                result = final_result(
                    url,
                    answer.code,
                    answer.reason,
                    final_url=final,
                    permanent=permanent,
                    note=answer.note,
                    accepted=accepted,
                )
                return replace(result, moved_to=moved_to)
            try:
                target = str(httpx.URL(current).join(answer.location)).split("#", 1)[0]
            except httpx.InvalidURL:
                text = f"{status_text(answer.code)} to an invalid URL: {answer.location!r}"
                return failure(url, "unverifiable", text, http_status=answer.code, final_url=final)
            if self._resolves(current, target):
                return _resolved(url, current, target, answer.code, moved_to)
            permanent = permanent and answer.code in PERMANENT_REDIRECT_CODES
            if permanent:
                moved_to = target
            redirected = True
            if _scheme(target) not in SCHEMES:
                text = f"redirects to a non-HTTP URL: {target}"
                return failure(url, "unverifiable", text, http_status=answer.code, final_url=target)
            if target in seen:
                return failure(
                    url, "dead", "redirect loop", http_status=answer.code, final_url=target
                )
            seen.add(target)
            current = target
        text = f"too many redirects ({self._options.max_redirects})"
        return failure(url, "dead", text, http_status=last_code, final_url=current)

    def _resolves(self, current: str, target: str) -> bool:
        """Whether ``current`` is an identifier resolver sending the reader on to the
        publisher: the identifier resolves, which is all the link promises."""
        resolvers = self._options.resolvers
        return _host(current) in resolvers and _host(target) not in resolvers

    async def _fetch(self, url: str) -> _Answer | _Failure:
        """One hop: guard the host, then ask, retrying what may pass."""
        options = self._options
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as error:
            return _Failure("dead", f"invalid URL: {error}")
        if parsed.userinfo:
            # Credentials written into a link are not ours to send (httpx would send
            # them as Basic auth, in the clear over http): check the link without them.
            parsed = parsed.copy_with(userinfo=b"")
        host = parsed.raw_host.decode("ascii").lower()
        if not host:
            return _Failure("dead", "invalid URL: no host")
        addresses: tuple[str, ...] | None = None
        if self._pin or not options.allow_private:
            try:
                addresses = await self._resolver.resolve(host)
            except guard.DnsFailure as error:
                return _Failure("dead" if error.permanent else "unverifiable", error.detail)
            reason = None if options.allow_private else guard.vet(addresses)
            if reason is not None:
                text = f"refused by the address guard: {reason} (--allow-private checks it)"
                return _Failure("not_checked", text)
        gate = self._gate(host)
        last_error: Exception | None = None
        attempts = options.retries + 1
        for attempt in range(1, attempts + 1):
            backoff = options.backoff * 2 ** (attempt - 1)
            try:
                answer = await self._exchange(gate, parsed, addresses)
            except httpx.UnsupportedProtocol as unsupported:
                return _Failure("dead", f"invalid URL: {unsupported}")
            except (httpx.TransportError, asyncio.TimeoutError) as error:
                last_error = error
                if attempt < attempts:
                    await asyncio.sleep(backoff)
                continue
            if not is_retryable_status(answer.code):
                return answer
            if attempt == attempts:
                return replace(answer, note=f"gave up{tries(attempts)}")
            wait = parse_retry_after(answer.retry_after)
            if wait is not None and wait > options.max_retry_after:
                # Retrying sooner than asked is rude and futile; say so and stop.
                cap = options.max_retry_after
                note = f"asked to retry after {wait:g} s, over the {cap:g} s cap"
                return replace(answer, note=note)
            if wait is not None:
                gate.pause(wait)  # the whole host asked us to slow down, not just this URL
            await asyncio.sleep(backoff if wait is None else wait)
        return self._describe_error(last_error, attempts)

    async def _exchange(
        self, gate: _HostGate, url: httpx.URL, addresses: tuple[str, ...] | None
    ) -> _Answer:
        async with gate.slot(), self._total:
            answer = await self._request("HEAD", url, addresses)
            if answer.code in GET_FALLBACK_CODES:
                answer = await self._request("GET", url, addresses)
            return answer

    async def _request(
        self, method: str, url: httpx.URL, addresses: tuple[str, ...] | None
    ) -> _Answer:
        host = url.raw_host.decode("ascii")
        client = self._client(host.lower())
        if not self._pin or addresses is None:
            return await self._send(client, client.build_request(method, url))
        # Connect to the vetted address itself, not to whatever the name resolves to a
        # moment later (DNS rebinding). Host header and TLS SNI/certificate checks
        # still use the name, so servers and certificates see an ordinary request.
        bracketed = f"[{host}]" if ":" in host else host
        headers = {"Host": bracketed if url.port is None else f"{bracketed}:{url.port}"}
        extensions = {"sni_hostname": host} if url.scheme == "https" else {}
        refused: httpx.ConnectError | None = None
        for address in addresses:  # like a browser, fall through the host's addresses
            request = client.build_request(
                method, url.copy_with(host=address), headers=headers, extensions=extensions
            )
            try:
                return await self._send(client, request)
            except httpx.ConnectError as error:
                refused = error
        assert refused is not None  # the resolver never returns an empty tuple
        raise refused

    async def _send(self, client: httpx.AsyncClient, request: httpx.Request) -> _Answer:
        # No cookie jar: a cookie one response sets must not follow this run's later
        # requests to that host (a check is anonymous, and a jar would grow all run).
        client.cookies.clear()
        request.headers.pop("cookie", None)
        # wait_for bounds the request as a whole: httpx's timeouts are per operation, so
        # a server trickling one header byte a second would otherwise never time out.
        response = await asyncio.wait_for(client.send(request, stream=True), self._options.timeout)
        try:
            if request.method == "HEAD":
                # A HEAD response has no body by definition; draining its end lets the
                # connection go back to the pool instead of being torn down.
                await response.aread()
            headers = response.headers
            return _Answer(
                response.status_code,
                response.reason_phrase,
                headers.get("location"),
                headers.get("retry-after"),
            )
        finally:
            # Never read a GET body: close as soon as the head is in, whatever its size.
            await response.aclose()

    def _describe_error(self, error: Exception | None, attempts: int) -> _Failure:
        after = tries(attempts)
        if error is None or isinstance(error, (asyncio.TimeoutError, httpx.TimeoutException)):
            return _Failure("unverifiable", f"timed out after {self._options.timeout:g} s{after}")
        if isinstance(error, httpx.ConnectError):
            if _caused_by(error, ConnectionRefusedError) or "refused" in str(error).lower():
                return _Failure("dead", f"connection refused{after}")
            return _Failure("unverifiable", f"could not connect: {error}{after}")
        if isinstance(error, httpx.RemoteProtocolError):
            return _Failure("unverifiable", f"invalid HTTP response: {error}{after}")
        if _caused_by(error, ConnectionResetError) or "reset" in str(error).lower():
            return _Failure("unverifiable", f"connection reset by the server{after}")
        return _Failure("unverifiable", f"network error: {error or type(error).__name__}{after}")


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _scheme(url: str) -> str:
    """The scheme of a redirect target, "" when urlsplit rejects it (not followed)."""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return ""


def _resolved(url: str, current: str, target: str, code: int, moved_to: str | None) -> LinkResult:
    """A link whose resolver (doi.org) sent the reader on: working, unless it reached the
    resolver through a permanent redirect it should point at instead (http://dx.doi.org)."""
    text = f"resolves to {target} ({status_text(code)})"
    if moved_to is None:
        return failure(url, "ok", text, http_status=code)
    detail = f"permanently redirected to {current}, which {text}"
    return failure(
        url, "redirected", detail, http_status=code, final_url=current, moved_to=moved_to
    )
