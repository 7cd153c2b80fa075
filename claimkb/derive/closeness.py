"""How close the two sides of a check are, in words a reader understands: beside the verdict
of the intervals, a *grade* derived from the numbers.

``within precision``
    the sides meet once each is allowed the rounding its figures were stated with: "10.000
    Starts im Jahr" against "one launch every hour" (8 766 a year) is a gap of 1.14x, but
    "10.000" is a round figure that stands for anything from 5 000 to 15 000;
``close``
    they do not meet even so, but the stated values are less than ``CLOSE_FACTOR`` apart;
``far``
    they are further apart than that.

The rounding of a figure is half a unit of its last significant digit, relative to the
figure, and it depends on the form it was stated in:

* a point figure in digits or words: trailing zeros of a whole number are not significant,
  so "10.000" and "zehntausend" carry +-5 000 (50 %), "110 000" +-5 000 (4.5 %), "12" +-0.5
  (4 %), "2,5" +-0.05 (2 %), "one an hour" +-0.5 (50 %); a scale word counts as zeros ("1,5
  Milliarden" carries +-0.05 billion);
* a range ("20.000 bis 30.000") or a bound ("mehr als 10"): none — the speaker said how wide
  the figure is, or which side of it is meant;
* a hedge ("etwa", "около") is already part of the interval the verdict compared; the
  rounding is allowed on top of it;
* a reference fact: none; its citation gives its range.

A side of a check is allowed the rounding of its *coarsest* figure, not the sum over every
figure it is computed from: the figures of one chain are usually stated together ("100 GW =
10.000 Starts" is exact as an equation), and compounding the full rounding of every round
figure would make any chain of round numbers impossible to contradict.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Literal

from claimkb.core.models import Quantity
from claimkb.derive.interval import Interval
from claimkb.derive.verdict import widen

Grade = Literal["within precision", "close", "far"]

#: Stated values less than this factor apart are ``close``.
CLOSE_FACTOR = 1.5
#: Significant digits read from a stored value: more are binary noise, not a statement.
DIGITS = 12


def rounding(value: float) -> float:
    """Half a unit of the last significant digit of ``value``, relative to it (module
    docstring); 0 for zero or a value that is not finite."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    number = Decimal(f"{abs(value):.{DIGITS}g}").normalize()
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite values only
    return float(Decimal(5).scaleb(exponent - 1) / number)


def stated_rounding(quantity: Quantity) -> float:
    """The rounding a stated quantity carries by its form: a point figure its last
    significant digit's, a range or a bound none."""
    if quantity.bound != "=" or (quantity.low is not None and quantity.high is not None):
        return 0.0
    if quantity.kind == "date":
        return 0.0
    return rounding(quantity.value)


def closeness(
    verdict: str,
    result: Interval,
    compared: Interval,
    factor: float | None,
    allowance: tuple[float, float],
) -> Grade | None:
    """The grade of a check whose verdict compared ``result`` with ``compared`` (in one
    unit), ``allowance`` being the rounding each side may take. ``None`` where no grade
    applies: a check that could not tell (``unverifiable``) or whose answer is an
    assumption (``implies``)."""
    if verdict == "consistent":
        return "within precision"
    if verdict != "inconsistent":
        return None
    if widen(result, allowance[0]).intersection(widen(compared, allowance[1])) is not None:
        return "within precision"
    if factor is not None and factor > 0 and max(factor, 1 / factor) <= CLOSE_FACTOR:
        return "close"
    return "far"
