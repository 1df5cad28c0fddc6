"""Redirects as a maintainer reads them, and the link options (issue #20), against real
servers on 127.0.0.x: 301/308 say where a link moved to, 302/303/307 do not, a
resolver's redirect (doi.org) means the identifier resolves; --link-accept,
--link-exclude, --link-timeout; the User-Agent and the guard's message."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from linkserver import LinkServer, Reply

from ddlint import __version__
from ddlint.cli.main import main
from ddlint.net import CheckOptions, LinkResult, check_links
from ddlint.net.model import RESOLVER_HOSTS

FAST = CheckOptions(allow_private=True, timeout=1.0, retries=0, backoff=0.01, use_cache=False)


def check_one(url: str, options: CheckOptions = FAST) -> LinkResult:
    return check_links([url], options)[url]


# -- where a link moved to -----------------------------------------------------------------


@pytest.mark.parametrize("code", [301, 308])
def test_a_permanent_redirect_says_where_the_link_moved(server: LinkServer, code: int) -> None:
    end = server.route("/new", Reply(200))
    result = check_one(server.route("/old", Reply(code, {"Location": "/new"})))
    assert (result.status, result.moved_to, result.permanent) == ("redirected", end, True)


@pytest.mark.parametrize("code", [302, 303, 307])
def test_a_temporary_redirect_moves_nothing(server: LinkServer, code: int) -> None:
    server.route("/now", Reply(200))
    result = check_one(server.route("/latest", Reply(code, {"Location": "/now"})))
    assert (result.status, result.moved_to, result.permanent) == ("redirected", None, False)


def test_the_move_ends_where_the_permanent_hops_end(server: LinkServer) -> None:
    server.route("/today", Reply(200))
    current = server.route("/current", Reply(302, {"Location": "/today"}))
    result = check_one(server.route("/old", Reply(301, {"Location": "/current"})))
    assert (result.status, result.moved_to, result.permanent) == ("redirected", current, False)


# -- a resolver's redirect: the identifier resolves ------------------------------------------

# "localhost" plays doi.org: its redirect to 127.0.0.1 (another host) is a resolution.
AS_RESOLVER = replace(FAST, resolvers=frozenset({"localhost"}))


def test_doi_and_handle_hosts_are_resolvers() -> None:
    assert {"doi.org", "dx.doi.org", "hdl.handle.net"} <= RESOLVER_HOSTS
    assert CheckOptions().resolvers == RESOLVER_HOSTS


def test_a_resolving_identifier_is_ok_and_the_publisher_is_not_asked(server: LinkServer) -> None:
    publisher = server.route("/article", Reply(403))  # a bot wall: never reached
    server.route("/10.1234/abcd", Reply(302, {"Location": publisher}))
    url = f"http://localhost:{server.port}/10.1234/abcd"
    result = check_one(url, AS_RESOLVER)
    assert (result.status, result.moved_to) == ("ok", None)
    assert result.detail == f"resolves to {publisher} (302 Found)"
    assert server.paths() == ["/10.1234/abcd"]


def test_an_identifier_that_does_not_resolve_is_dead(server: LinkServer) -> None:
    url = f"http://localhost:{server.port}/10.1234/missing"
    assert check_one(url, AS_RESOLVER).status == "dead"


def test_a_resolver_reached_through_a_permanent_redirect_is_a_move(server: LinkServer) -> None:
    resolver = f"http://localhost:{server.port}/10.1234/abcd"
    server.route("/10.1234/abcd", Reply(302, {"Location": server.url("/article")}))
    old = server.route("/old-doi", Reply(301, {"Location": resolver}))
    result = check_one(old, AS_RESOLVER)
    assert (result.status, result.moved_to) == ("redirected", resolver)


# -- --link-accept, --link-exclude, --link-timeout -----------------------------------------


def test_accepted_codes_are_working_links(server: LinkServer) -> None:
    blocked = server.route("/blocked", Reply(403))
    moved = server.route("/moved", Reply(301, {"Location": "/elsewhere"}))
    options = replace(FAST, accept=frozenset({403, 301}))
    results = check_links([blocked, moved], options)
    assert [r.status for r in results.values()] == ["ok", "ok"]
    assert results[blocked].detail == "403 Forbidden (accepted)"
    assert "/elsewhere" not in server.paths()  # an accepted redirect is not followed


def test_excluded_links_are_not_checked_nor_reported(server: LinkServer) -> None:
    ok, private = server.route("/ok", Reply(200)), server.route("/intranet/x", Reply(200))
    results = check_links([ok, private], replace(FAST, exclude=(r"/intranet/",)))
    assert list(results) == [ok]
    assert server.paths() == ["/ok"]


def test_the_timeout_bounds_each_request(server: LinkServer) -> None:
    slow = server.route("/slow", Reply(200, delay=0.5))
    assert check_one(slow, replace(FAST, timeout=0.2)).status == "unverifiable"
    assert check_one(slow, replace(FAST, timeout=3.0)).status == "ok"


def test_the_user_agent_is_ddlint_and_its_version(server: LinkServer) -> None:
    check_one(server.route("/ua", Reply(200)), replace(FAST, user_agent=CheckOptions().user_agent))
    assert server.requests[0].headers["user-agent"] == f"ddlint/{__version__}"


def test_the_guard_names_the_option_that_lifts_it(server: LinkServer) -> None:
    result = check_one(server.route("/p", Reply(200)), replace(FAST, allow_private=False))
    assert result.status == "not_checked"
    assert "--allow-private" in result.detail


# -- the command line ----------------------------------------------------------------------


def _list(tmp_path: Path, *urls: str) -> Path:
    rows = "".join(
        f"| Ada et al | [**Paper {i}**]({url}) | ICML, 2022 |\n" for i, url in enumerate(urls)
    )
    path = tmp_path / "list.md"
    path.write_text("| Author | Title | Venue |\n| --- | --- | --- |\n" + rows, encoding="utf-8")
    return path


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]]]:
    capsys.readouterr()
    code = main(["check", "--check-links", "--allow-private", "--no-cache", "--quiet",
                 "--output-format", "json", *argv])  # fmt: skip
    return code, json.loads(capsys.readouterr().out)


def test_cli_301_is_a_warning_with_a_fix_and_302_is_information(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.route("/new", Reply(200))
    moved = server.route("/old", Reply(301, {"Location": "/new"}))
    latest = server.route("/latest", Reply(302, {"Location": "/new"}))
    path = _list(tmp_path, moved, latest)
    code, findings = _check(capsys, "--select", "DD311", str(path))
    assert [(f["code"], f["severity"], f["fix"] is not None) for f in findings] == [
        ("DD311", "warning", True),
        ("DD311", "info", False),
    ]
    assert code == 1
    code, _ = _check(capsys, "--select", "DD311", str(_list(tmp_path, latest)))
    assert code == 0  # information fails nothing by default
    # The move is to another address: an unsafe fix, made with --unsafe-fixes.
    path = _list(tmp_path, moved)
    _check(capsys, "--fix", str(path))
    assert moved in path.read_text(encoding="utf-8")
    _check(capsys, "--fix", "--unsafe-fixes", str(path))
    assert server.url("/new") in path.read_text(encoding="utf-8")


def test_cli_link_options(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = server.route("/blocked", Reply(403))
    slow = server.route("/slow", Reply(200, delay=0.6))
    internal = server.route("/internal/x", Reply(404))
    path = _list(tmp_path, blocked, slow, internal)
    _, before = _check(capsys, "--link-timeout", "0.2", str(path))
    assert {f["code"] for f in before if str(f["code"]).startswith("DD31")} == {"DD310", "DD312"}
    _, after = _check(
        capsys, "--link-accept", "403", "--link-exclude", "/internal/", "--link-timeout", "5",
        str(path),
    )  # fmt: skip
    assert [f for f in after if str(f["code"]).startswith("DD31")] == []


def test_cli_rejects_a_bad_regex_and_a_bad_status(tmp_path: Path) -> None:
    path = _list(tmp_path, "https://example.org/")
    assert main(["check", "--link-exclude", "(", str(path)]) == 2
    assert main(["check", "--link-accept", "abc", str(path)]) == 2
