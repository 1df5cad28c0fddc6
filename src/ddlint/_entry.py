"""The ``ddlint`` command's entry point: no cyclic collector, and no teardown.

ddlint's data (documents, records, findings) holds no reference cycles, so reference
counting frees all of it as it goes (tests/test_entry.py checks that a lint leaves no
cycles). The cyclic collector would only walk the hundreds of thousands of objects of a
large list again and again, from the imports on, finding nothing to free. The
one part that makes cycles, link checking (asyncio, httpx), turns it back on
(``cli._fetch_links``). Library users keep their own collector settings; ``api`` only
pauses it while a document is linted (``linter.paused_gc``).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn


def run() -> int:
    """The command, without the cyclic collector; its exit code."""
    if sys.argv[1:] == ["--version"]:
        # What click's version option prints, without loading the command line and
        # everything it imports (start-up time; tests/cli/test_startup.py compares both).
        from ddlint import __version__

        sys.stdout.write(f"ddlint {__version__}\n")
        return 0
    gc.disable()
    from ddlint.cli.main import main as cli_main

    return cli_main()


def main() -> NoReturn:
    code = run()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: exit the usual way
        sys.exit(code)
    # Leave without tearing the interpreter down: it would free every module and object
    # one by one, a visible part of a short check, for memory the OS takes back at
    # once (mypy exits the same way). Nothing of ours runs at exit: no atexit handler, no
    # finalizer, and every file ddlint writes is closed before the report is printed.
    os._exit(code)
