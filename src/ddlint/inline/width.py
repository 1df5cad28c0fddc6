"""Display width: the columns a text takes in a monospace editor or terminal.

The one place that asks wcwidth, for the table writer and the text report alike.
"""

from __future__ import annotations


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospace editor; ``len`` when wcwidth cannot tell."""
    if text.isascii() and text.isprintable():
        return len(text)
    from wcwidth import wcswidth  # only aligned tables need it (start-up time)

    width = wcswidth(text)
    return width if width >= 0 else len(text)
