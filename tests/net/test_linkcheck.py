"""The link checker against real servers on 127.0.0.x: no mocks of httpx, no internet."""

from __future__ import annotations

import asyncio
import io
import json
import time
from dataclasses import replace
from email.utils import formatdate
from pathlib import Path

import httpx
import pytest
from linkserver import (
    Gauge,
    LinkServer,
    RawServer,
    Reply,
    Request,
    free_port,
    garbage_status,
    never_answer,
    reset_connection,
    serving,
)

from ddlint.net import CheckOptions, LinkResult, check_links, check_links_async, guard
from ddlint.net.classify import parse_retry_after
from ddlint.net.progress import Progress

# Loopback is what the guard refuses, so every test but the guard's own allows it.
FAST = CheckOptions(allow_private=True, timeout=1.0, retries=1, backoff=0.01, use_cache=False)


def check_one(url: str, options: CheckOptions = FAST) -> LinkResult:
    return check_links([url], options)[url]


# -- verdicts -------------------------------------------------------------------------


def test_200_is_ok_with_head_only(server: LinkServer) -> None:
    url = server.route("/paper", Reply(200))
    result = check_one(url)
    assert result == LinkResult(url, "ok", 200, None, False, "200 OK")
    assert [r.method for r in server.requests] == ["HEAD"]


@pytest.mark.parametrize(
    ("code", "status", "detail", "methods"),
    [
        pytest.param(404, "dead", "404 Not Found", "HEAD GET", id="404-dead"),
        pytest.param(410, "dead", "410 Gone", "HEAD GET", id="410-dead"),
        pytest.param(401, "unverifiable", "401 Unauthorized (login required)", "HEAD", id="401"),
        pytest.param(403, "unverifiable", "403 Forbidden (publisher blocks bots)", "HEAD GET"),
        pytest.param(999, "unverifiable", "999 Custom (publisher blocks bots)", "HEAD GET"),
        pytest.param(400, "unverifiable", "400 Bad Request", "HEAD GET", id="400"),
    ],
)
def test_status_codes(
    server: LinkServer, code: int, status: str, detail: str, methods: str
) -> None:
    result = check_one(server.route("/x", Reply(code)))
    assert (result.status, result.http_status, result.detail) == (status, code, detail)
    # Answers a HEAD may give where a GET would not are confirmed by a GET.
    assert [r.method for r in server.requests] == methods.split()


def test_5xx_is_retried_then_unverifiable(server: LinkServer) -> None:
    result = check_one(server.route("/x", Reply(500)), replace(FAST, retries=2))
    assert result.status == "unverifiable"
    assert result.detail == "500 Internal Server Error; gave up after 3 tries"
    assert len(server.requests) == 3


@pytest.mark.parametrize("head_code", [405, 501, 403])
def test_get_fallback_never_downloads_the_body(server: LinkServer, head_code: int) -> None:
    size = 50 * 1024 * 1024

    def big(request: Request) -> Reply:
        return Reply(head_code) if request.method == "HEAD" else Reply(200, stream_bytes=size)

    result = check_one(server.route("/dataset.zip", big))
    assert result.status == "ok"
    assert [r.method for r in server.requests] == ["HEAD", "GET"]
    # The client hung up after the headers: the server's writes failed, having sent a
    # small fraction of the body (what socket buffers absorbed), not 50 MB.
    assert server.stream_aborted.wait(5)
    assert server.bytes_streamed < size // 5


# -- redirects -------------------------------------------------------------------------


def test_permanent_redirect_chain(server: LinkServer) -> None:
    end = server.route("/end", Reply(200))
    server.route("/b", Reply(308, {"Location": "/end"}))  # relative Location
    start = server.route("/a", Reply(301, {"Location": server.url("/b")}))
    result = check_one(start)
    assert result.status == "redirected"
    assert (result.permanent, result.final_url, result.http_status) == (True, end, 200)
    assert result.detail == f"permanently redirected to {end} (200 OK)"


@pytest.mark.parametrize("code", [302, 303, 307])
def test_temporary_hop_makes_the_chain_temporary(server: LinkServer, code: int) -> None:
    server.route("/end", Reply(200))
    server.route("/b", Reply(code, {"Location": "/end"}))
    result = check_one(server.route("/a", Reply(301, {"Location": "/b"})))
    assert (result.status, result.permanent) == ("redirected", False)


def test_redirect_to_a_dead_page_is_dead(server: LinkServer) -> None:
    result = check_one(server.route("/a", Reply(301, {"Location": "/gone"})))
    assert (result.status, result.http_status, result.final_url) == (
        "dead",
        404,
        server.url("/gone"),
    )


def test_redirect_loop_is_dead(server: LinkServer) -> None:
    server.route("/b", Reply(302, {"Location": "/a"}))
    result = check_one(server.route("/a", Reply(302, {"Location": "/b"})))
    assert (result.status, result.detail) == ("dead", "redirect loop")
    assert server.paths() == ["/a", "/b"]


def test_endless_redirects_stop_at_the_cap(server: LinkServer) -> None:
    for n in range(20):
        server.route(f"/r{n}", Reply(301, {"Location": f"/r{n + 1}"}))
    result = check_one(server.url("/r0"), replace(FAST, max_redirects=5))
    assert (result.status, result.detail) == ("dead", "too many redirects (5)")
    assert len(server.requests) == 6


def test_redirect_to_another_scheme_is_unverifiable(server: LinkServer) -> None:
    result = check_one(server.route("/a", Reply(302, {"Location": "ftp://files.example/x"})))
    assert result.status == "unverifiable"
    assert result.detail == "redirects to a non-HTTP URL: ftp://files.example/x"


# -- what gets requested ---------------------------------------------------------------


def test_fragments_and_duplicates_share_one_request(server: LinkServer) -> None:
    url = server.route("/paper", Reply(200))
    urls = [url, f"{url}#method", f"{url}#results", url]
    results = check_links(urls, FAST)
    assert list(results) == [url, f"{url}#method", f"{url}#results"]
    assert {r.status for r in results.values()} == {"ok"}
    assert results[f"{url}#method"].url == f"{url}#method"
    assert server.paths() == ["/paper"]


def test_only_http_links_are_checked(server: LinkServer) -> None:
    urls = ["mailto:a@b.org", "ftp://x.org/f", "./local.md", "doi:10.1/x"]
    results = check_links(urls, FAST)
    assert {r.status for r in results.values()} == {"not_checked"}
    assert server.requests == []


def test_user_agent_and_host_header_when_pinned(server: LinkServer) -> None:
    # "localhost" is resolved by the checker and the connection goes to the vetted IP,
    # yet the server must see an ordinary request for the name.
    server.route("/p", Reply(200))
    url = f"http://localhost:{server.port}/p"
    assert check_one(url).status == "ok"
    (request,) = server.requests
    assert request.headers["host"] == f"localhost:{server.port}"
    assert request.headers["user-agent"] == FAST.user_agent


def test_injected_transport_is_used_as_given(server: LinkServer) -> None:
    url = server.route("/p", Reply(200))
    result = check_links([url], FAST, transport=httpx.AsyncHTTPTransport())[url]
    assert result.status == "ok"


def test_async_entry_point(server: LinkServer) -> None:
    url = server.route("/p", Reply(200))
    results = asyncio.run(check_links_async([url], FAST))
    assert results[url].status == "ok"


# -- network failures and retries ------------------------------------------------------


def test_dns_failure_is_dead() -> None:
    result = check_one("http://no-such-host.invalid/paper")  # RFC 6761: never resolves
    assert result.status == "dead"
    assert result.detail.startswith("DNS lookup failed")


def test_connection_refused_is_dead_after_retries() -> None:
    result = check_one(f"http://127.0.0.1:{free_port()}/x", replace(FAST, retries=2))
    assert (result.status, result.detail) == ("dead", "connection refused after 3 tries")


def test_429_honours_retry_after_seconds(server: LinkServer) -> None:
    def limited(request: Request) -> Reply:
        first = len(server.requests) == 1
        return Reply(429, {"Retry-After": "1"}) if first else Reply(200)

    result = check_one(server.route("/x", limited))
    assert result.status == "ok"
    first, second = server.requests
    assert second.at - first.at >= 0.9


def test_429_unverifiable_when_retries_run_out(server: LinkServer) -> None:
    url = server.route("/x", Reply(429, {"Retry-After": "0"}))
    result = check_one(url, replace(FAST, retries=2))
    assert result.status == "unverifiable"
    assert result.detail == "429 Too Many Requests (rate limited); gave up after 3 tries"
    assert len(server.requests) == 3


def test_retry_after_beyond_the_cap_gives_up_at_once(server: LinkServer) -> None:
    url = server.route("/x", Reply(503, {"Retry-After": "3600"}))
    result = check_one(url, replace(FAST, retries=2, max_retry_after=5))
    assert result.status == "unverifiable"
    assert "asked to retry after 3600 s, over the 5 s cap" in result.detail
    assert len(server.requests) == 1


def test_503_then_200_is_ok(server: LinkServer) -> None:
    def flaky(request: Request) -> Reply:
        return Reply(503) if len(server.requests) == 1 else Reply(200)

    assert check_one(server.route("/x", flaky)).status == "ok"


def test_parse_retry_after() -> None:
    now = time.time()
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(formatdate(now + 60, usegmt=True), now=now) == pytest.approx(60, abs=1)
    assert parse_retry_after(formatdate(now - 60, usegmt=True), now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_faults_end_with_clear_results_and_spare_the_other_links() -> None:
    good = LinkServer()
    good.route("/ok", Reply(200))
    for n in range(50):
        good.route(f"/loop{n}", Reply(302, {"Location": f"/loop{n + 1}"}))
    reset, garbage, silent = (
        RawServer(h) for h in (reset_connection, garbage_status, never_answer)
    )
    with serving(good, reset, garbage, silent):
        urls = [reset.url(), garbage.url(), good.url("/loop0"), silent.url(), good.url("/ok")]
        options = replace(FAST, timeout=0.5, retries=1)
        started = time.monotonic()
        results = check_links(urls, options)
        elapsed = time.monotonic() - started
    verdicts = {url: (r.status, r.detail) for url, r in results.items()}
    assert verdicts[reset.url()] == ("unverifiable", "connection reset by the server after 2 tries")
    assert verdicts[garbage.url()][0] == "unverifiable"
    assert verdicts[garbage.url()][1].startswith("invalid HTTP response")
    assert verdicts[good.url("/loop0")] == ("dead", "too many redirects (10)")
    assert verdicts[silent.url()] == ("unverifiable", "timed out after 0.5 s after 2 tries")
    assert verdicts[good.url("/ok")] == ("ok", "200 OK")
    assert (reset.connections, garbage.connections, silent.connections) == (2, 2, 2)
    assert elapsed < 5  # the silent server's two timed-out tries, run alongside the rest


# -- politeness ------------------------------------------------------------------------


def test_host_concurrency_caps_requests_in_flight(server: LinkServer) -> None:
    urls = [server.route(f"/p{n}", Reply(200, delay=0.05)) for n in range(30)]
    results = check_links(urls, replace(FAST, host_concurrency=4))
    assert {r.status for r in results.values()} == {"ok"}
    assert 1 < server.gauge.peak <= 4


def test_total_concurrency_caps_all_hosts() -> None:
    gauge = Gauge()
    servers = [LinkServer(f"127.0.0.{n}", gauge) for n in (1, 2, 3)]
    with serving(*servers):
        urls = [s.route(f"/p{n}", Reply(200, delay=0.05)) for s in servers for n in range(6)]
        results = check_links(urls, replace(FAST, host_concurrency=4, total_concurrency=3))
    assert {r.status for r in results.values()} == {"ok"}
    assert gauge.peak == 3


# -- the address guard -----------------------------------------------------------------


def test_guard_refuses_loopback_without_a_request(server: LinkServer) -> None:
    server.route("/p", Reply(200))
    urls = [server.url("/p"), f"http://localhost:{server.port}/p"]
    results = check_links(urls, replace(FAST, allow_private=False))
    assert [r.status for r in results.values()] == ["not_checked", "not_checked"]
    assert results[urls[0]].detail == (
        "refused by the address guard: 127.0.0.1 is loopback (--allow-private checks it)"
    )
    assert "is loopback" in results[urls[1]].detail
    assert server.requests == []
    assert server.connections == 0
    assert {r.status for r in check_links(urls, FAST).values()} == {"ok"}


def test_guard_is_applied_to_every_redirect_hop(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend 127.0.0.1 is public and 127.0.0.2 private: a "public" page redirecting
    # into the private network must not lead the checker there.
    def only_2_is_private(address: guard.IPAddress) -> str | None:
        return f"{address} is private" if str(address) == "127.0.0.2" else None

    monkeypatch.setattr(guard, "refusal_reason", only_2_is_private)
    inside = LinkServer("127.0.0.2")
    outside = LinkServer("127.0.0.1")
    with serving(inside, outside):
        target = inside.route("/admin", Reply(200))
        url = outside.route("/innocent", Reply(302, {"Location": target}))
        result = check_one(url, replace(FAST, allow_private=False))
    assert result.status == "not_checked"
    assert result.detail == (
        "refused by the address guard: 127.0.0.2 is private (--allow-private checks it)"
    )
    assert result.final_url == target
    assert outside.paths() == ["/innocent"]
    assert inside.connections == 0


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "127.0.0.1 is loopback"),
        ("::1", "::1 is loopback"),
        ("::ffff:127.0.0.1", "127.0.0.1 is loopback"),
        ("10.1.2.3", "10.1.2.3 is private"),
        ("192.168.0.1", "192.168.0.1 is private"),
        ("fc00::1", "fc00::1 is private"),
        ("169.254.1.1", "169.254.1.1 is link-local"),
        ("169.254.169.254", "169.254.169.254 is a cloud metadata address"),
        ("fd00:ec2::254", "fd00:ec2::254 is a cloud metadata address"),
        ("224.0.0.1", "224.0.0.1 is multicast"),
        ("0.0.0.0", "0.0.0.0 is unspecified"),
        ("240.0.0.1", "240.0.0.1 is private"),  # Python files 240/4 under private too
        ("100.64.0.1", "100.64.0.1 is not globally routable"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_refusal_reasons(address: str, reason: str | None) -> None:
    import ipaddress

    assert guard.refusal_reason(ipaddress.ip_address(address)) == reason


# -- cache -----------------------------------------------------------------------------


def test_cache_answers_the_second_run_without_requests(server: LinkServer, tmp_path: Path) -> None:
    server.route("/new", Reply(200))
    urls = [
        server.url("/ok"),
        server.route("/ok", Reply(200)),
        server.route("/gone", Reply(404)),
        server.route("/moved", Reply(301, {"Location": "/new"})),
        server.route("/blocked", Reply(403)),
        "mailto:someone@example.org",
    ]
    options = replace(FAST, use_cache=True, cache_dir=tmp_path)
    first = check_links(urls, options)
    sent = len(server.requests)
    second = check_links(urls, options)
    assert len(server.requests) == sent
    for url in urls:
        expected = first[url]
        assert second[url] == replace(expected, from_cache=expected.status != "not_checked")
    assert [p.name for p in tmp_path.iterdir()] == ["links.json"]  # no temp files left
    stored = json.loads((tmp_path / "links.json").read_text())["entries"]
    assert "mailto:someone@example.org" not in stored


def test_cache_entries_expire(server: LinkServer, tmp_path: Path) -> None:
    url = server.route("/p", Reply(200))
    options = replace(FAST, use_cache=True, cache_dir=tmp_path, cache_ttl=0.2)
    check_links([url], options)
    time.sleep(0.3)
    assert check_links([url], options)[url].from_cache is False
    assert len(server.requests) == 2


def test_corrupt_cache_is_ignored(server: LinkServer, tmp_path: Path) -> None:
    (tmp_path / "links.json").write_text("{not json", encoding="utf-8")
    url = server.route("/p", Reply(200))
    options = replace(FAST, use_cache=True, cache_dir=tmp_path)
    assert check_links([url], options)[url].status == "ok"
    assert check_links([url], options)[url].from_cache is True


def test_use_cache_false_neither_reads_nor_writes(server: LinkServer, tmp_path: Path) -> None:
    url = server.route("/p", Reply(200))
    check_links([url], replace(FAST, use_cache=True, cache_dir=tmp_path))
    result = check_links([url], replace(FAST, use_cache=False, cache_dir=tmp_path / "other"))
    assert result[url].from_cache is False
    assert len(server.requests) == 2
    assert not (tmp_path / "other").exists()


# -- progress --------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_tty(server: LinkServer, monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = _Tty()
    monkeypatch.setattr("sys.stderr", stderr)
    urls = [server.route(f"/p{n}", Reply(200)) for n in range(3)]
    check_links(urls, replace(FAST, progress=True))
    assert stderr.getvalue().startswith("\r[")
    assert stderr.getvalue().endswith(f"[{'#' * 30}] 3/3 links\n")


def test_no_progress_bar_when_not_a_tty(
    server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    check_links([server.route("/p", Reply(200))], replace(FAST, progress=True))
    assert capsys.readouterr().err == ""


def test_progress_render() -> None:
    bar = Progress(2000, io.StringIO(), enabled=False)
    bar.advance(120)
    assert bar.render() == f"[#{' ' * 29}] 120/2000 links"


# -- what a check never sends, and how long one link may take --------------------------


def test_cookies_a_host_sets_are_never_sent_back(server: LinkServer) -> None:
    end = server.route("/end", Reply(200, {"Set-Cookie": "late=1; Path=/"}))
    start = server.route("/start", Reply(302, {"Location": end, "Set-Cookie": "sid=1; Path=/"}))
    other = server.route("/other", Reply(200))
    results = check_links([start, other, end], replace(FAST, host_concurrency=1))
    assert {result.status for result in results.values()} <= {"ok", "redirected"}
    assert len(server.requests) >= 4
    assert all("cookie" not in request.headers for request in server.requests)


def test_credentials_in_a_link_are_not_sent(server: LinkServer) -> None:
    url = server.route("/private", Reply(200))
    with_credentials = url.replace("http://", "http://user:secret@")
    result = check_one(with_credentials)
    assert result.status == "ok"
    assert [r.path for r in server.requests] == ["/private"]
    assert all("authorization" not in request.headers for request in server.requests)


def test_one_link_has_a_deadline_across_hops(server: LinkServer) -> None:
    hops = [server.url(f"/hop{i}") for i in range(6)]
    for i in range(5):
        server.route(f"/hop{i}", Reply(301, {"Location": hops[i + 1]}, delay=0.2))
    server.route("/hop5", Reply(200))
    started = time.monotonic()
    result = check_one(hops[0], replace(FAST, deadline=0.5))
    assert result.status == "unverifiable"
    assert result.detail == "gave up after the 0.5 s deadline for one link"
    assert time.monotonic() - started < 5
