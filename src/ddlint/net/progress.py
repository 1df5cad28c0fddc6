"""A dependency-free progress bar for long link checks: ``[####    ] 120/2000 links``."""

from __future__ import annotations

import time
from typing import TextIO

WIDTH = 30
# Redrawing on every link of a 2 000-link run would spend more time on the terminal
# than on some links; ten frames a second looks continuous.
MIN_INTERVAL = 0.1


class Progress:
    """Counts finished links and redraws one ``\\r``-terminated line on ``stream``."""

    def __init__(self, total: int, stream: TextIO, *, enabled: bool, unit: str = "links") -> None:
        self.total = total
        self.unit = unit
        self.done = 0
        self._stream = stream
        self._enabled = enabled and total > 0
        self._last_draw = 0.0

    def advance(self, count: int = 1) -> None:
        """Record ``count`` more finished links."""
        self.done += count
        now = time.monotonic()
        if self._enabled and (now - self._last_draw >= MIN_INTERVAL or self.done >= self.total):
            self._last_draw = now
            self._draw()

    def close(self) -> None:
        """Draw the final state and end the line, so later output starts cleanly."""
        if self._enabled:
            self._draw()
            self._stream.write("\n")
            self._stream.flush()
            self._enabled = False

    def render(self) -> str:
        """The bar as text, e.g. ``[#######                       ] 120/500 links``."""
        filled = WIDTH * self.done // self.total if self.total else WIDTH
        return f"[{'#' * filled}{' ' * (WIDTH - filled)}] {self.done}/{self.total} {self.unit}"

    def _draw(self) -> None:
        self._stream.write("\r" + self.render())
        self._stream.flush()
