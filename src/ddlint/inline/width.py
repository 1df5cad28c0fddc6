"""Display width: the columns a text takes in a monospace editor or terminal.

The one place that asks wcwidth; it serves the table writer (``gfm.render``). The
text report still measures its carets with ``unicodedata`` (``report.text._cell_width``)
until issue #20 moves it here.
"""

from __future__ import annotations


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospace editor; ``len`` when wcwidth cannot tell."""
    if text.isascii() and text.isprintable():
        return len(text)
    from wcwidth import wcswidth  # only aligned tables need it (start-up time)

    width = wcswidth(text)
    return width if width >= 0 else len(text)
