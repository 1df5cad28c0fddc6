"""Where link results are cached by default: the platform's user cache folder
(platformdirs), not a path built by hand from XDG variables."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from ddlint.net import default_cache_dir


def test_the_default_is_the_platforms_user_cache_folder() -> None:
    assert default_cache_dir() == Path(platformdirs.user_cache_dir("ddlint")) / "links"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is Linux's convention")
def test_on_linux_xdg_cache_home_is_honoured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "ddlint" / "links"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "ddlint" / "links"
