"""Real intervals with open or closed ends, and the arithmetic that keeps them enclosing.

A claim rarely states a point: "etwa 100" is a range, "mehr als 10" is ``(10, +inf)``. The
engine therefore computes with intervals. Every operation returns an interval that contains
every result of the operation applied to points of its operands (the *containment* property the
tests check with random points), so a check that calls two intervals disjoint is never wrong
about it. Ends are open or closed because a bound is strict or not ("mehr als 10" excludes
10, "mindestens 10" includes it); infinite ends are always open.

Each operation looks at the candidate end points (corners) of its operands: for ``+ - *`` and
monotone functions the extremes of the result lie on corners, and an extreme is attained (a
closed end) when some corner that reaches it is made of closed ends only.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from claimkb.derive.errors import DomainError, ZeroDivisionIntervalError

INF = math.inf

#: A candidate end point: its value and whether it is excluded (open).
Corner = tuple[float, bool]


@dataclass(frozen=True)
class Interval:
    """The set of reals between ``lo`` and ``hi``; ``lo_open``/``hi_open`` exclude an end."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi):
            raise ValueError(f"interval end is NaN: {self.lo!r}, {self.hi!r}")
        if self.lo > self.hi or self.lo == INF or self.hi == -INF:
            raise ValueError(f"empty interval: lo={self.lo!r} hi={self.hi!r}")
        # Infinite ends are never attained: normalise them to open.
        if self.lo == -INF:
            object.__setattr__(self, "lo_open", True)
        if self.hi == INF:
            object.__setattr__(self, "hi_open", True)
        if self.lo == self.hi and (self.lo_open or self.hi_open):
            raise ValueError(f"empty interval: ({self.lo!r}, {self.hi!r}) with an open end")

    # -- construction -------------------------------------------------------------------

    @classmethod
    def point(cls, value: float) -> Interval:
        """The exact value ``[value, value]``."""
        return cls(value, value)

    @classmethod
    def from_bound(cls, value: float, bound: str, floor: float = -INF) -> Interval:
        """The interval a comparison claim states: ``>`` 10 is ``(10, +inf)``.

        ``floor`` closes the open lower side of ``<``/``<=``: "weniger als 10 t" about a
        size means ``[0, 10)``, not ``(-inf, 10)``.
        """
        if bound == "=":
            return cls.point(value)
        if bound in (">", ">="):
            return cls(value, INF, lo_open=bound == ">")
        if bound in ("<", "<="):
            return cls(min(floor, value), value, hi_open=bound == "<")
        raise ValueError(f"unknown bound {bound!r}")

    # -- queries ------------------------------------------------------------------------

    @property
    def is_point(self) -> bool:
        return self.lo == self.hi

    @property
    def is_bounded(self) -> bool:
        return math.isfinite(self.lo) and math.isfinite(self.hi)

    @property
    def midpoint(self) -> float | None:
        """The centre of a bounded interval; ``None`` when an end is infinite."""
        return (self.lo + self.hi) / 2 if self.is_bounded else None

    def contains(self, x: float) -> bool:
        """True when ``x`` is in the interval, respecting open ends."""
        above = x > self.lo or (x == self.lo and not self.lo_open)
        below = x < self.hi or (x == self.hi and not self.hi_open)
        return above and below

    def contains_zero(self) -> bool:
        return self.contains(0.0)

    def intersection(self, other: Interval) -> Interval | None:
        """The common part, or ``None`` when the intervals are disjoint."""
        lo = max(self.lo, other.lo)
        hi = min(self.hi, other.hi)
        # An end of the intersection is excluded when either operand excludes it.
        lo_open = any(o for v, o in ((self.lo, self.lo_open), (other.lo, other.lo_open)) if v == lo)
        hi_open = any(o for v, o in ((self.hi, self.hi_open), (other.hi, other.hi_open)) if v == hi)
        if lo > hi or (lo == hi and (lo_open or hi_open)):
            return None
        return Interval(lo, hi, lo_open, hi_open)

    def overlaps(self, other: Interval) -> bool:
        return self.intersection(other) is not None

    def within(self, other: Interval) -> bool:
        """True when every point of ``self`` lies in ``other``."""
        lo_ok = self.lo > other.lo or (self.lo == other.lo and (self.lo_open or not other.lo_open))
        hi_ok = self.hi < other.hi or (self.hi == other.hi and (self.hi_open or not other.hi_open))
        return lo_ok and hi_ok

    def decades(self) -> float:
        """How many orders of magnitude the interval spans: ``log10(hi / lo)``.

        Infinite when an end is infinite or the interval reaches zero, because then the
        interval does not pin down even the order of magnitude ("bis zu 100" is ``[0, 100]``).
        """
        if self.is_point:
            return 0.0
        if not self.is_bounded or self.lo <= 0 <= self.hi:
            return INF
        low, high = sorted((abs(self.lo), abs(self.hi)))
        return math.log10(high / low)

    # -- arithmetic ---------------------------------------------------------------------

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, self.hi_open, self.lo_open)

    def __add__(self, other: Interval) -> Interval:
        return _outward(
            self.lo + other.lo,
            self.hi + other.hi,
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        corners = [
            _times(a, b)
            for a in ((self.lo, self.lo_open), (self.hi, self.hi_open))
            for b in ((other.lo, other.lo_open), (other.hi, other.hi_open))
        ]
        return _hull(corners)

    def __truediv__(self, other: Interval) -> Interval:
        return self * other.reciprocal()

    def reciprocal(self) -> Interval:
        """``1 / self``; raises when the interval contains zero (the quotient is unbounded)."""
        if self.contains_zero():
            raise ZeroDivisionIntervalError(f"division by an interval containing zero: {self}")
        if self.hi <= 0:
            return -(-self).reciprocal()
        return _outward(_inverse(self.hi), _inverse(self.lo), self.hi_open, self.lo_open)

    def scale(self, factor: float) -> Interval:
        """Multiply by an exact number (a unit conversion factor)."""
        return self * Interval.point(factor)

    def __pow__(self, exponent: int) -> Interval:
        """Integer powers only: the enclosure of ``x**n`` for ``x`` in the interval."""
        if exponent == 0:
            return Interval.point(1.0)
        if exponent < 0:
            return self.reciprocal() ** (-exponent)
        ends = [
            (_power(self.lo, exponent), self.lo_open),
            (_power(self.hi, exponent), self.hi_open),
        ]
        if exponent % 2 == 0 and self.lo < 0 < self.hi:
            # An even power of an interval around zero: the minimum 0 is attained at x = 0.
            ends.append((0.0, False))
        return _hull(ends)

    def sqrt(self) -> Interval:
        if self.lo < 0:
            raise DomainError(f"sqrt of an interval with negative values: {self}")
        return Interval(math.sqrt(self.lo), math.sqrt(self.hi), self.lo_open, self.hi_open)

    def log10(self) -> Interval:
        if self.lo < 0 or (self.lo == 0 and not self.lo_open):
            raise DomainError(f"log10 of an interval reaching zero or below: {self}")
        low = -INF if self.lo == 0 else math.log10(self.lo)
        return Interval(low, math.log10(self.hi), self.lo_open, self.hi_open)

    def minimum(self, other: Interval) -> Interval:
        """``min(x, y)`` over both intervals: the smaller of each pair of ends."""
        lo = _pick([(self.lo, self.lo_open), (other.lo, other.lo_open)], high=False)
        hi = _pick([(self.hi, self.hi_open), (other.hi, other.hi_open)], high=False)
        return Interval(lo[0], hi[0], lo[1], hi[1])

    def maximum(self, other: Interval) -> Interval:
        """``max(x, y)`` over both intervals: the larger of each pair of ends."""
        lo = _pick([(self.lo, self.lo_open), (other.lo, other.lo_open)], high=True)
        hi = _pick([(self.hi, self.hi_open), (other.hi, other.hi_open)], high=True)
        return Interval(lo[0], hi[0], lo[1], hi[1])

    def __str__(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{left}{self.lo:.6g}, {self.hi:.6g}{right}"


def hull(intervals: Iterable[Interval]) -> Interval:
    """The smallest interval containing all of ``intervals``."""
    corners: list[Corner] = []
    for item in intervals:
        corners += [(item.lo, item.lo_open), (item.hi, item.hi_open)]
    return _hull(corners)


def _pick(corners: list[Corner], *, high: bool) -> Corner:
    """The extreme corner; it is open only if every corner reaching that value is open."""
    value = max(v for v, _ in corners) if high else min(v for v, _ in corners)
    return value, all(o for v, o in corners if v == value)


def _hull(corners: list[Corner]) -> Interval:
    lo, lo_open = _pick(corners, high=False)
    hi, hi_open = _pick(corners, high=True)
    return _outward(lo, hi, lo_open, hi_open)


def _outward(lo: float, hi: float, lo_open: bool, hi_open: bool) -> Interval:
    """An arithmetic result; an end that overflowed past the other side stays enclosing.

    ``1e200 ** 2`` overflows to ``inf`` at both ends; the true value lies above the largest
    float, so ``[max float, inf)`` still contains it.
    """
    if lo == INF:
        lo, lo_open = sys.float_info.max, False
    if hi == -INF:
        hi, hi_open = -sys.float_info.max, False
    return Interval(lo, hi, lo_open, hi_open)


def _times(a: Corner, b: Corner) -> Corner:
    """The product of two ends; a closed zero wins over infinity (``0 * x = 0`` for all x)."""
    (x, x_open), (y, y_open) = a, b
    if x == 0 or y == 0:
        closed_zero = (x == 0 and not x_open) or (y == 0 and not y_open)
        return 0.0, not closed_zero
    return x * y, x_open or y_open


def _inverse(x: float) -> float:
    """``1/x`` for an end of an interval that excludes zero (an open zero end maps to inf)."""
    if x == 0:
        return INF
    return 1 / x


def _power(x: float, n: int) -> float:
    try:
        return float(x**n)
    except OverflowError:
        return INF if x > 0 or n % 2 == 0 else -INF
