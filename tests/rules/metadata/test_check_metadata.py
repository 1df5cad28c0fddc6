"""``ddlint check --check-metadata`` on a list of invented preprints, against local
arXiv and DBLP servers (issue #22, items 3 and 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FIXTURES, read
from metaserver import Registry, Servers
from papers import FIXTURE, PUBLISHED, know_the_fixture

from ddlint.api import parse_records
from ddlint.cli.main import main


def _config(servers: Servers, folder: Path, **extra: object) -> None:
    options = servers.options()
    keys = {
        "arxiv-api": options.arxiv_api,
        "crossref-api": options.crossref_api,
        "dblp-api": options.dblp_api,
        "openreview-api": options.openreview_api,
        "openreview-v1-api": options.openreview_v1_api,
        "contact": "maintainer@example.org",
        "arxiv-interval": 0.05,
        "interval": 0.02,
        **extra,
    }
    body = "".join(f"{key} = {json.dumps(value)}\n" for key, value in keys.items())
    (folder / ".ddlint.toml").write_text(f"[metadata]\n{body}", encoding="utf-8")


def _list(folder: Path) -> Path:
    path = folder / "README.md"
    path.write_text(read(FIXTURES / FIXTURE), encoding="utf-8")
    return path


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]]]:
    capsys.readouterr()
    code = main(["check", "--check-metadata", "--quiet", "--output-format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


def _network(findings: list[dict[str, object]]) -> list[tuple[str, object]]:
    return [(str(f["code"]), f["line"]) for f in findings if str(f["code"]).startswith("DD5")]


@pytest.fixture
def readme(registry: Registry, servers: Servers, tmp_path: Path) -> Path:
    know_the_fixture(registry)
    _config(servers, tmp_path)
    return _list(tmp_path)


def test_every_published_preprint_and_no_other(
    readme: Path, servers: Servers, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, findings = _check(
        capsys, "--allow-private", "--cache-dir", str(tmp_path / "c"), str(readme)
    )
    assert _network(findings) == [("DD501", line) for line in PUBLISHED]
    messages = [f["message"] for f in findings if f["code"] == "DD501"]
    assert messages[0] == (
        "Listed as a preprint, but published at KDD 2023 (DBLP): write `KDD, 2023`"
    )
    assert code == 1
    # Item 4: one arXiv request for the eleven rows; DBLP asked only for the six preprints;
    # nothing overlapped on a host.
    assert len(servers.arxiv.seen) == 1
    assert len(servers.arxiv.seen[0].query["id_list"][0].split(",")) == 11
    assert len(servers.dblp.seen) == 6
    assert all(api.peak <= 1 for api in servers.apis)
    # A second run within the TTL asks nothing and finds the same.
    asked = servers.requests()
    again = _check(capsys, "--allow-private", "--cache-dir", str(tmp_path / "c"), str(readme))
    assert _network(again[1]) == _network(findings)
    assert servers.requests() == asked


def test_the_fix_rewrites_exactly_those_venue_cells(
    readme: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = readme.read_text(encoding="utf-8")
    _check(capsys, "--allow-private", "--no-cache", "--fix", "--unsafe-fixes", str(readme))
    after = readme.read_text(encoding="utf-8")
    changed = [
        (number, new)
        for number, (old, new) in enumerate(
            zip(before.splitlines(), after.splitlines(), strict=True), start=1
        )
        if old != new
    ]
    assert [number for number, _ in changed] == list(PUBLISHED)
    for number, line in changed:
        assert f"| {PUBLISHED[number]} |" in line
    old, new = parse_records(before), parse_records(after)
    for paper, fixed in zip(old, new, strict=True):
        if fixed.origin.line in PUBLISHED:
            assert fixed.venue is not None and fixed.venue.raw == PUBLISHED[fixed.origin.line]
            assert fixed.year == fixed.venue.year  # the record's year is read from the venue
        assert fixed.model_copy(update={"venue": paper.venue, "year": paper.year}) == paper
    _, findings = _check(capsys, "--allow-private", "--no-cache", str(readme))
    assert _network(findings) == []


def test_no_request_reaches_loopback_without_allow_private(
    readme: Path, servers: Servers, capsys: pytest.CaptureFixture[str]
) -> None:
    _, findings = _check(capsys, "--no-cache", str(readme))
    assert servers.requests() == 0
    unverified = [f for f in findings if f["code"] == "DD504"]
    assert [(f["line"], f["severity"]) for f in unverified] == [(9, "info")]
    assert unverified[0]["message"] == (
        "Metadata not checked for 11 rows (this one first): arXiv API: refused by the "
        "address guard: 127.0.0.2 is loopback (--allow-private asks it)"
    )
    assert _network(findings) == [("DD504", 9)]


def test_a_failing_source_is_an_info_finding(
    readme: Path, servers: Servers, capsys: pytest.CaptureFixture[str]
) -> None:
    servers.dblp.failures.extend([(503, "0")] * 20)
    _, findings = _check(capsys, "--allow-private", "--no-cache", str(readme))
    assert _network(findings) == [("DD504", 9)]
    message = next(f["message"] for f in findings if f["code"] == "DD504")
    assert message.startswith("Metadata not checked for 6 rows (this one first): DBLP: 127.0.0.4")


def test_several_files_keep_one_pace_per_host(
    registry: Registry, servers: Servers, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    know_the_fixture(registry)
    _config(servers, tmp_path, **{"arxiv-interval": 0.3})
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(read(FIXTURES / FIXTURE), encoding="utf-8")
    _check(capsys, "--allow-private", "--no-cache", "--jobs", "2", str(tmp_path))
    first, second = servers.arxiv.seen
    assert second.start - first.end >= 0.3 - 0.01
    assert all(api.peak <= 1 for api in servers.apis)


def test_the_rules_follow_the_selection(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--ignore, --select and the config's ignore turn DD501–DD504 off like every rule."""
    base = ("--allow-private", "--no-cache", str(readme))
    _, findings = _check(capsys, "--ignore", "DD501", *base)
    assert _network(findings) == []
    _, findings = _check(capsys, "--select", "DD201", *base)
    assert _network(findings) == []
    _, findings = _check(capsys, "--select", "DD501", *base)
    assert _network(findings) == [("DD501", line) for line in PUBLISHED]
    config = readme.parent / ".ddlint.toml"
    config.write_text('ignore = ["DD501"]\n' + config.read_text(encoding="utf-8"))
    _, findings = _check(capsys, *base)
    assert _network(findings) == []


def test_a_suppression_comment_silences_a_metadata_finding(
    readme: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The comment silences DD501, and DD001 never calls it unused: not with the lookup,
    nor without it (the rule did not run then)."""
    readme.write_text(
        "<!-- ddlint-disable published-preprint -->\n\n" + readme.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    code, findings = _check(capsys, "--allow-private", "--no-cache", str(readme))
    assert _network(findings) == [] and "DD001" not in {f["code"] for f in findings}
    assert code == 0
    capsys.readouterr()
    main(["check", "--quiet", "--no-cache", "--output-format", "json", str(readme)])
    assert "DD001" not in {f["code"] for f in json.loads(capsys.readouterr().out)}


def test_the_fix_leaves_an_ignored_rule_alone(
    readme: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = readme.read_text(encoding="utf-8")
    _check(
        capsys, "--allow-private", "--no-cache", "--fix", "--unsafe-fixes", "--ignore", "DD501",
        str(readme),
    )  # fmt: skip
    assert readme.read_text(encoding="utf-8") == before
