"""The link cache answers only under the options that shaped its verdicts (the #20
review, D1): after a 403, ``--link-accept 403`` must take effect at once, and a longer
``--link-timeout`` must ask a timed-out link again, although the cache is on. Real
servers on 127.0.0.1, a real cache folder, the command line as a maintainer runs it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from linkserver import LinkServer, Reply

from ddlint.cli.main import main
from ddlint.net import CheckOptions, check_links
from ddlint.net.cache import CACHE_FILE

FAST = CheckOptions(allow_private=True, timeout=1.0, retries=0, backoff=0.01, use_cache=True)


def _list(tmp_path: Path, *urls: str) -> Path:
    rows = "".join(
        f"| Ada et al | [**Paper {i}**]({url}) | ICML, 2022 |\n" for i, url in enumerate(urls)
    )
    path = tmp_path / "list.md"
    path.write_text("| Author | Title | Venue |\n| --- | --- | --- |\n" + rows, encoding="utf-8")
    return path


def _link_codes(capsys: pytest.CaptureFixture[str], cache: Path, *argv: str) -> list[str]:
    """The DD31x codes one ``check --check-links`` run reports, with the cache on."""
    capsys.readouterr()
    main(["check", "--check-links", "--allow-private", "--cache-dir", str(cache), "--quiet",
          "--output-format", "json", *argv])  # fmt: skip
    findings = json.loads(capsys.readouterr().out)
    return [str(f["code"]) for f in findings if str(f["code"]).startswith("DD31")]


def test_link_accept_takes_effect_on_a_cached_403(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _list(tmp_path, server.route("/blocked", Reply(403)))
    cache = tmp_path / "cache"
    assert _link_codes(capsys, cache, str(path)) == ["DD312"]
    asked = len(server.requests)
    assert _link_codes(capsys, cache, "--link-accept", "403", str(path)) == []
    assert len(server.requests) > asked  # asked again, not answered from the cache


def test_a_longer_link_timeout_asks_a_timed_out_link_again(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _list(tmp_path, server.route("/slow", Reply(200, delay=0.4)))
    cache = tmp_path / "cache"
    assert _link_codes(capsys, cache, "--link-timeout", "0.1", str(path)) == ["DD312"]
    asked = len(server.requests)
    assert _link_codes(capsys, cache, "--link-timeout", "5", str(path)) == []
    assert len(server.requests) == asked + 1
    # The new verdict replaced the old one: a third run with that timeout asks nothing.
    assert _link_codes(capsys, cache, "--link-timeout", "5", str(path)) == []
    assert len(server.requests) == asked + 1


def test_an_unchanged_second_run_asks_the_server_nothing(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _list(tmp_path, server.route("/blocked", Reply(403)), server.route("/ok", Reply(200)))
    cache = tmp_path / "cache"
    argv = ("--link-accept", "429", "--link-timeout", "3", str(path))
    assert _link_codes(capsys, cache, *argv) == ["DD312"]
    asked = len(server.requests)
    # Options that do not shape a verdict (how many requests per host) keep the cache.
    assert _link_codes(capsys, cache, "--host-concurrency", "2", *argv) == ["DD312"]
    assert len(server.requests) == asked


def test_a_verdict_reached_with_allow_private_does_not_answer_for_the_guard(
    tmp_path: Path, server: LinkServer
) -> None:
    url = server.route("/p", Reply(200))
    options = replace(FAST, cache_dir=tmp_path)
    assert check_links([url], options)[url].status == "ok"
    guarded = check_links([url], replace(options, allow_private=False))[url]
    assert (guarded.status, guarded.from_cache) == ("not_checked", False)


@pytest.mark.parametrize(
    "change",
    [
        {"retries": 1},
        {"deadline": 30.0},
        {"max_redirects": 3},
        {"max_retry_after": 5.0},
        {"resolvers": frozenset({"doi.org"})},
    ],
    ids=lambda change: next(iter(change)),
)
def test_each_verdict_shaping_option_is_a_miss_and_replaces_the_entry(
    tmp_path: Path, server: LinkServer, change: dict[str, object]
) -> None:
    url = server.route("/p", Reply(200))
    options = replace(FAST, cache_dir=tmp_path)
    check_links([url], options)
    changed = replace(options, **change)  # type: ignore[arg-type]
    assert check_links([url], changed)[url].from_cache is False
    assert check_links([url], changed)[url].from_cache is True
    assert check_links([url], options)[url].from_cache is False  # one entry per URL
    entries = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))["entries"]
    assert list(entries) == [url]


def test_speed_and_politeness_options_keep_the_cache(tmp_path: Path, server: LinkServer) -> None:
    url = server.route("/p", Reply(200))
    options = replace(FAST, cache_dir=tmp_path)
    check_links([url], options)
    for change in ({"host_concurrency": 1}, {"total_concurrency": 2}, {"backoff": 0.2},
                   {"user_agent": "other"}, {"progress": True}):  # fmt: skip
        assert check_links([url], replace(options, **change))[url].from_cache is True  # type: ignore[arg-type]
    assert len(server.requests) == 1
