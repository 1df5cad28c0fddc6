"""Peer Markdown linters/formatters, installed once into a cache dir (default benchmarks/.peers).

Node peers go to ``<dir>/node`` (``npm install``), Python peers to ``<dir>/venv`` (rumdl,
a Rust linter, comes from PyPI as a binary wheel and is installed there too). A peer
that does not install is skipped with a note; nothing is installed outside ``<dir>``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

NODE_PACKAGES = (
    "markdownlint-cli2",
    "remark-cli",
    "remark-gfm",
    "remark-preset-lint-recommended",
    "prettier",
)
RUMDL = "rumdl check --no-cache"
PYTHON_PACKAGES = ("pymarkdownlnt", "mdformat", "mdformat-gfm", "rumdl")


@dataclass(frozen=True)
class Peer:
    name: str  # as shown in RESULTS.md
    argv: tuple[str, ...]  # the input file is appended
    version: str


def _run(argv: list[str], cwd: Path | None = None) -> tuple[bool, str]:
    try:
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return done.returncode == 0, (done.stdout + done.stderr)[-400:]


def _install_node(root: Path) -> str | None:
    bin_dir = root / "node_modules" / ".bin"
    if (bin_dir / "markdownlint-cli2").exists() and (bin_dir / "prettier").exists():
        return None
    root.mkdir(parents=True, exist_ok=True)
    if not (root / "package.json").exists():
        (root / "package.json").write_text('{"name": "ddlint-bench-peers", "private": true}\n')
    ok, out = _run(["npm", "install", "--no-audit", "--no-fund", *NODE_PACKAGES], cwd=root)
    return None if ok else f"npm install failed: {' '.join(out.split())[-200:]}"


def _install_python(venv: Path) -> str | None:
    wanted = ("pymarkdown", "mdformat", "rumdl")
    if all((venv / "bin" / name).exists() for name in wanted):
        return None
    ok, out = (
        (True, "")
        if (venv / "bin" / "pip").exists()
        else _run([sys.executable, "-m", "venv", str(venv)])
    )
    if ok:
        ok, out = _run([str(venv / "bin" / "pip"), "install", "-q", *PYTHON_PACKAGES])
    return None if ok else f"pip install failed: {' '.join(out.split())[-200:]}"


def _node_version(modules: Path, package: str) -> str:
    try:
        data = json.loads((modules / package / "package.json").read_text())
    except (OSError, ValueError):
        return "?"
    return str(data.get("version", "?"))


def _python_version(venv: Path, package: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({package!r}))"
    ok, out = _run([str(venv / "bin" / "python"), "-c", code])
    return out.strip() if ok else "?"


def install_peers(peers_dir: Path) -> tuple[list[Peer], list[str]]:
    """Install (if needed) and describe the peers; returns (usable peers, notes)."""
    notes: list[str] = []
    peers: list[Peer] = []
    node_root = peers_dir / "node"
    node_note = _install_node(node_root)
    if node_note:
        notes.append(f"node peers skipped: {node_note}")
    else:
        modules = node_root / "node_modules"
        bin_dir = modules / ".bin"
        remark_plugins = ("remark-gfm", "remark-preset-lint-recommended")
        # unified-engine imports plugins as ES modules: a directory path does not load.
        remark_use = [
            arg for p in remark_plugins for arg in ("--use", str(modules / p / "index.js"))
        ]
        node_peers = (
            Peer("markdownlint-cli2", (str(bin_dir / "markdownlint-cli2"),), "markdownlint-cli2"),
            Peer(
                "remark-cli + gfm + lint-recommended",
                (str(bin_dir / "remark"), "--no-stdout", "--quiet", *remark_use),
                "remark-cli",
            ),
            Peer("prettier --check", (str(bin_dir / "prettier"), "--check"), "prettier"),
        )
        for peer in node_peers:
            version = _node_version(modules, peer.version)
            if peer.version == "remark-cli":
                extra = ", ".join(f"{p} {_node_version(modules, p)}" for p in remark_plugins)
                version = f"{version} ({extra})"
            peers.append(Peer(peer.name, peer.argv, version))
    venv = peers_dir / "venv"
    python_note = _install_python(venv)
    if python_note:
        notes.append(f"python peers skipped: {python_note}")
    else:
        mdformat = _python_version(venv, "mdformat")
        gfm = _python_version(venv, "mdformat-gfm")
        peers.append(
            Peer(
                "pymarkdown scan",
                (str(venv / "bin" / "pymarkdown"), "scan"),
                _python_version(venv, "pymarkdownlnt"),
            )
        )
        peers.append(
            Peer(
                "mdformat --check (+gfm)",
                (str(venv / "bin" / "mdformat"), "--check"),
                f"{mdformat} (mdformat-gfm {gfm})",
            )
        )
        # --no-cache: every tool is timed doing the work, none reading its last result.
        peers.append(
            Peer(
                RUMDL,
                (str(venv / "bin" / "rumdl"), "check", "--no-cache"),
                _python_version(venv, "rumdl"),
            )
        )
    return peers, notes
