"""Hostile input a pull request can carry grows in proportion to its size.

For each shape of ``benchmarks/growth.py``, 8x the input may cost at most 12x the work,
counted as cProfile's total number of calls, and as the number of Python lines run
(counts, not times: they do not depend on the machine; the lines catch a loop that
makes no calls). ``python -m benchmarks.growth`` measures the same shapes in seconds.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from benchmarks.growth import SHAPES, run_shape

SIZE = 150


def _calls(text: str, fix: bool) -> int:
    profile = cProfile.Profile()
    profile.enable()
    run_shape(text, fix)
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


def _lines(text: str, fix: bool) -> int:
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        count += event == "line"
        return tracer

    sys.settrace(tracer)
    try:
        run_shape(text, fix)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_eight_times_the_input_costs_at_most_twelve_times_the_work(shape: str) -> None:
    build, fix = SHAPES[shape]
    small, large = build(SIZE), build(8 * SIZE)
    assert 7 <= len(large) / len(small) <= 9  # the input really grows eightfold
    run_shape(small, fix)  # first use (imports, compiled patterns) is not growth
    ratio = _calls(large, fix) / _calls(small, fix)
    assert ratio <= 12, f"{shape}: 8x the input made {ratio:.1f}x the calls"


# The quick-links shape runs a few million lines at 8x; its growth shows in the calls.
@pytest.mark.parametrize("shape", sorted(set(SHAPES) - {"broken_quick_links"}))
def test_eight_times_the_input_runs_at_most_twelve_times_the_lines(shape: str) -> None:
    build, fix = SHAPES[shape]
    run_shape(build(100), fix)  # first use (imports, compiled patterns) is not growth
    ratio = _lines(build(8 * 100), fix) / _lines(build(100), fix)
    assert ratio <= 12, f"{shape}: 8x the input ran {ratio:.1f}x the lines"
