"""`ddlint check --check-links` end to end, against a real server on 127.0.0.1."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from linkserver import LinkServer, Reply

from ddlint.cli.main import main


def _list(tmp_path: Path, server: LinkServer) -> Path:
    ok = server.route("/ok", Reply(200))
    gone = server.route("/gone", Reply(404))
    moved = server.route("/moved", Reply(301, {"Location": server.url("/ok")}))
    blocked = server.route("/blocked", Reply(403))
    path = tmp_path / "list.md"
    path.write_text(
        "| Author | Title | Venue | Code |\n| --- | --- | --- | --- |\n"
        f"| Ada et al | [**One**]({ok}) | ICML, 2022 | [Code]({gone}) |\n"
        f"| Bo et al | [**Two**]({moved}) | ICML, 2022 | [Code]({blocked}) |\n",
        encoding="utf-8",
    )
    return path


def _findings(
    capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "--output-format", "json", "--no-cache", "--quiet", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_link_results_become_findings(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _list(tmp_path, server)
    code, findings = _findings(capsys, "--check-links", "--allow-private", str(path))
    by_code = {(f["code"], f["line"]) for f in findings}
    assert ("DD310", 3) in by_code  # 404 on the Code link
    assert ("DD311", 4) in by_code  # 301 to /ok
    assert ("DD312", 4) in by_code  # 403: could not verify, never dead
    dead = next(f for f in findings if f["code"] == "DD310")
    assert dead["severity"] == "error" and "404" in str(dead["message"])
    unverifiable = next(f for f in findings if f["code"] == "DD312")
    assert unverifiable["severity"] == "info"
    assert code == 1


def test_links_are_checked_with_the_collector_on_and_it_is_left_off(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command runs without the cyclic collector (``ddlint._entry``); asyncio and
    httpx make reference cycles, so it collects while links are checked."""
    path = _list(tmp_path, server)
    collections: list[str] = []

    def record(phase: str, info: dict[str, int]) -> None:
        collections.append(phase)

    gc.disable()
    gc.callbacks.append(record)
    try:
        code, _ = _findings(capsys, "--check-links", "--allow-private", str(path))
        assert not gc.isenabled()
    finally:
        gc.callbacks.remove(record)
        gc.enable()
    assert code == 1
    assert "start" in collections


def test_without_allow_private_nothing_is_fetched(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _list(tmp_path, server)
    code, findings = _findings(
        capsys, "--check-links", "--select", "DD310,DD311,DD312,DD313", str(path)
    )
    assert {f["code"] for f in findings} == {"DD313"}
    assert len(findings) == 4
    assert server.requests == []
    assert code == 0  # info findings do not fail by default


def test_plain_check_does_not_touch_the_network(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _list(tmp_path, server)
    _findings(capsys, str(path))
    assert server.requests == []


def test_a_link_that_moved_is_fixed_safely_on_https_and_unsafely_elsewhere() -> None:
    from ddlint.api import check_text, fix_links
    from ddlint.engine.linkfindings import link_findings
    from ddlint.net import LinkResult

    text = (
        "| Author | Title | Venue | Code |\n| --- | --- | --- | --- |\n"
        "| Ada et al | [**One**](http://example.org/paper) | ICML, 2022 "
        "| [Code](http://example.org/old#usage) |\n"
    )
    paper, code = "http://example.org/paper", "http://example.org/old#usage"
    outcomes = {
        paper: LinkResult(paper, "redirected", 200, "https://example.org/paper/", True, "301",
                          moved_to="https://example.org/paper/"),
        code: LinkResult(code, "redirected", 200, "https://example.org/new", True, "301",
                         moved_to="https://example.org/new"),
    }  # fmt: skip
    findings = link_findings(check_text(text), outcomes, "list.md")
    assert [(f.code, f.severity.value) for f in findings] == [("DD311", "warning")] * 2
    assert [f.fix.applicability.value for f in findings if f.fix] == ["safe", "unsafe"]
    result = fix_links(text, outcomes, path="list.md")
    assert len(result.applied) == 1
    assert "[**One**](https://example.org/paper/)" in result.text
    assert "[Code](http://example.org/old#usage)" in result.text
    both = fix_links(text, outcomes, path="list.md", unsafe=True)
    assert len(both.applied) == 2
    assert "[Code](https://example.org/new#usage)" in both.text


def _one_row(url: str) -> str:
    header = "| Author | Title | Venue |\n| --- | --- | --- |\n"
    return f"{header}| Ada | [**One**]({url}) | ICML, 2022 |\n"


def test_a_temporary_redirect_is_information_without_a_fix() -> None:
    from ddlint.api import check_text
    from ddlint.engine.linkfindings import link_findings
    from ddlint.net import LinkResult

    url = "https://example.org/latest"
    text = _one_row(url)
    outcomes = {url: LinkResult(url, "redirected", 200, "https://example.org/v2", False, "302")}
    (finding,) = link_findings(check_text(text), outcomes, "list.md")
    assert (finding.code, finding.severity.value, finding.fix) == ("DD311", "info", None)


def test_a_resolved_doi_is_clean() -> None:
    """The checker calls a doi.org link that resolves ``ok`` (tests/net: the resolver's
    redirect is not followed); the link rules say nothing of it."""
    from ddlint.api import check_text
    from ddlint.engine.linkfindings import link_findings
    from ddlint.net import LinkResult

    url = "https://doi.org/10.1234/abcd"
    text = _one_row(url)
    outcomes = {url: LinkResult(url, "ok", 302, None, False, "resolves to https://pub.example/x")}
    assert link_findings(check_text(text), outcomes, "list.md") == []


def test_link_deadline_from_the_config_bounds_each_link(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    slow = server.route("/slow", Reply(200, delay=1.0))
    path = tmp_path / "README.md"
    path.write_text(
        "| Author | Title | Venue |\n| --- | --- | --- |\n"
        f"| Ada et al | [**One**]({slow}) | ICML, 2022 |\n",
        encoding="utf-8",
    )
    (tmp_path / ".ddlint.toml").write_text("link-deadline = 0.2\n", encoding="utf-8")
    _, findings = _findings(capsys, "--check-links", "--allow-private", str(path))
    [unverified] = [f for f in findings if f["code"] == "DD312"]
    assert "0.2 s deadline for one link" in str(unverified["message"])


def test_link_findings_follow_the_selection_and_the_comments(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _list(tmp_path, server)
    base = ("--check-links", "--allow-private", str(path))
    _, findings = _findings(capsys, "--ignore", "DD310", *base)
    assert "DD310" not in {f["code"] for f in findings}
    _, findings = _findings(capsys, "--select", "DD204", *base)
    assert findings == []
    path.write_text(
        "<!-- ddlint-disable dead-link -->\n\n" + path.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    _, findings = _findings(capsys, *base)
    codes = {f["code"] for f in findings}
    assert "DD310" not in codes and "DD001" not in codes and "DD311" in codes
