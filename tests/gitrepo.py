"""Real git repositories for tests: hermetic (no user or system git config) and quiet."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "ddlint tests",
    "GIT_AUTHOR_EMAIL": "tests@ddlint.invalid",
    "GIT_COMMITTER_NAME": "ddlint tests",
    "GIT_COMMITTER_EMAIL": "tests@ddlint.invalid",
}


def git_env() -> dict[str, str]:
    return {**os.environ, **GIT_ENV}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env=git_env(), capture_output=True, text=True, check=True
    )
    return done.stdout


def init_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    return path


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()
