"""Display width: the columns a text takes in a monospace editor or terminal.

The one place that asks wcwidth: the table writer (``gfm.render``) measures cells with
it, and the text report (``report.text``) places its carets with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ZWJ = "\u200d"  # joins the emoji on each side into one picture (a family, a flag)

# Code points wcwidth counts one column each, alone and beside one another: printable
# ASCII and Latin (accented letters up to the combining marks at U+0300), Greek and
# Cyrillic letters, Vietnamese letters, and General Punctuation's dashes, quotes and
# primes (tests/inline/test_width.py checks each against wcwidth). A text of only these
# is measured by its length: most non-ASCII text of a paper list is names and quotes,
# and wcwidth is slow to import (start-up time).
NARROW_TEXT = re.compile(
    "[ -~\xa1-\xac\xae-\u02ff\u0391-\u03a1\u03a3-\u0482\u048a-\u052f"
    "\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*"
)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospace editor; ``len`` when wcwidth cannot tell."""
    if (text.isascii() and text.isprintable()) or NARROW_TEXT.fullmatch(text):
        return len(text)
    from wcwidth import wcswidth  # only aligned tables need it (start-up time)

    width = wcswidth(text)
    return width if width >= 0 else len(text)


def cluster_widths(text: str) -> list[int]:
    """The columns each code point of ``text`` adds, as wcwidth counts them: a grapheme
    cluster (a character and its marks, a ZWJ emoji, a flag) takes its width on its
    first code point and 0 on the others. So a ZWJ family emoji is two columns, not six.

    ``text`` holds no tab or control character (the caller shows them otherwise);
    an unprintable one counts one column.
    """
    if text.isascii() or NARROW_TEXT.fullmatch(text):
        return [1] * len(text)
    import wcwidth

    widths: list[int] = []
    # UAX #29 clusters where wcwidth has them (0.3 and later); before, a character
    # and what joins it: zero-width marks, a variation selector, ZWJ and what follows.
    graphemes = getattr(wcwidth, "iter_graphemes", None) or _joined
    for cluster in graphemes(text):
        widths.append(max(wcwidth.wcswidth(cluster), 0))
        widths.extend([0] * (len(cluster) - 1))
    return widths


def _joined(text: str) -> Iterator[str]:
    from wcwidth import wcwidth

    start = 0
    for index in range(1, len(text)):
        char = text[index]
        if not (char == ZWJ or text[index - 1] == ZWJ or wcwidth(char) == 0):
            yield text[start:index]
            start = index
    if text:
        yield text[start:]
