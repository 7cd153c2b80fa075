"""Find the value of one free variable that makes a derived quantity hit a target.

Used for the ``implies`` verdict: "a million tonnes of satellites a year at 100 kW each give
100 GW a year" holds only for one satellite mass, and the engine computes it. The relations
met in claims are monotone over positive values (products, quotients, powers, sums of such),
so the solver scans a logarithmic grid of positive values for a sign change and then bisects
in log space. That needs no derivative and no algebra on the tree, is exact to about 1e-12
relative for any continuous monotone relation, and returns ``None`` instead of guessing when
no value in the search range works.
"""

from __future__ import annotations

import math
from collections.abc import Callable

#: Default search range, as magnitudes in the free variable's unit: 24 orders of magnitude.
SEARCH = (1e-12, 1e12)
STEPS_PER_DECADE = 4
BISECTIONS = 200


def solve_positive(
    function: Callable[[float], float | None],
    target: float,
    search: tuple[float, float] = SEARCH,
) -> float | None:
    """The smallest ``x`` in ``search`` found with ``function(x) == target``, or ``None``.

    ``function`` may return ``None`` where it is undefined; such points are skipped.
    """
    grid = _log_grid(*search)
    previous: tuple[float, float] | None = None
    for x in grid:
        gap = _gap(function, x, target)
        if gap is None:
            continue
        if gap == 0:
            return x
        if previous is not None and (previous[1] < 0) != (gap < 0):
            return _bisect(function, target, previous[0], x)
        previous = (x, gap)
    return None


def _log_grid(low: float, high: float) -> list[float]:
    if not 0 < low < high:
        raise ValueError(f"search range must be positive and increasing: {low}, {high}")
    steps = max(2, math.ceil(math.log10(high / low) * STEPS_PER_DECADE))
    return [low * (high / low) ** (i / steps) for i in range(steps + 1)]


def _gap(function: Callable[[float], float | None], x: float, target: float) -> float | None:
    value = function(x)
    if value is None or not math.isfinite(value):
        return None
    return value - target


def _bisect(
    function: Callable[[float], float | None], target: float, low: float, high: float
) -> float | None:
    """Bisection on ``log(x)`` between two points whose gaps have opposite signs."""
    low_gap = _gap(function, low, target)
    if low_gap is None:
        return None
    for _ in range(BISECTIONS):
        middle = math.sqrt(low * high)
        gap = _gap(function, middle, target)
        if gap is None:
            return None
        if gap == 0 or high / low - 1 < 1e-14:
            return middle
        if (gap < 0) == (low_gap < 0):
            low, low_gap = middle, gap
        else:
            high = middle
    return math.sqrt(low * high)
