"""The ``ddlint`` command's entry point: the process runs without the cyclic collector.

ddlint's data (documents, records, findings) holds no reference cycles, so reference
counting frees all of it as it goes (tests/test_entry.py checks that a lint leaves no
cycles). The cyclic collector would only walk the hundreds of thousands of objects of a
large list again and again, from the imports on: ~10% of a check at 10 000 rows. The
one part that makes cycles, link checking (asyncio, httpx), turns it back on
(``cli._fetch_links``). Library users keep their own collector settings; ``api`` only
pauses it while a document is linted (``linter.paused_gc``).
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    from ddlint.cli import main as cli_main

    return cli_main()
