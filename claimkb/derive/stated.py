"""What a claim or reference fact states, as an interval :class:`~kb.value.Value`.

The rules, in order:

* an explicit range ("20.000 bis 30.000": ``low`` and ``high``) is that closed range;
* a bound ("mehr als 10": ``bound`` ``>``) is a half-open interval; the open side of "less
  than" stops at zero, because claims state sizes ("weniger als 10 t" is ``[0, 10)``);
* otherwise the stated value, exact unless hedged;
* a hedge (``approx`` with the ``hedge`` word) then widens the finite ends by the tolerance of
  :mod:`kb.hedges` for the claim's language: "etwa 20 bis 30" is ``[18, 33]``.

A rate (``per: year``) divides the unit by its period when the period is a unit ("GW pro Jahr"
is ``GW / year``); a counted denominator ("pro Satellit") is a count, dimensionless.
"""

from __future__ import annotations

from claimkb.core.models import Claim, Quantity, Reference
from claimkb.core.units import is_unit, kind_of_unit
from claimkb.derive.hedges import HedgeTable, Tolerance, default_table
from claimkb.derive.interval import Interval
from claimkb.derive.value import Value, unit


def quantity_interval(quantity: Quantity, tolerance: Tolerance | None) -> Interval:
    """The interval ``quantity`` asserts, widened by ``tolerance`` when it is hedged."""
    base = _base_interval(quantity)
    if tolerance is None:
        return base
    low = tolerance.widen(base.lo).lo if base.lo != -float("inf") else base.lo
    high = tolerance.widen(base.hi).hi if base.hi != float("inf") else base.hi
    return Interval(min(low, high), max(low, high), base.lo_open, base.hi_open)


def _base_interval(quantity: Quantity) -> Interval:
    if quantity.bound != "=":
        return Interval.from_bound(quantity.value, quantity.bound, floor=0.0)
    if quantity.low is not None and quantity.high is not None:
        return Interval(quantity.low, quantity.high)
    return Interval.point(quantity.value)


def quantity_unit(quantity: Quantity) -> str:
    """The pint unit string, with a rate's period as the denominator when it is a period of
    time. Any other ``per`` ("hand", "unit", "reticle") names a counted thing, and counts
    are dimensionless — pint would otherwise read "hand" as 4 inches."""
    if quantity.unit == "date":
        raise ValueError("a date is not a quantity to compute with")
    text = "" if quantity.unit == "dimensionless" else quantity.unit
    if quantity.per and is_unit(quantity.per) and kind_of_unit(quantity.per) == "duration":
        return f"({text or 'dimensionless'}) / {quantity.per}"
    return text


def value_of_quantity(
    quantity: Quantity,
    source: str,
    lang: str | None = None,
    table: HedgeTable | None = None,
) -> Value:
    """A stated quantity as a :class:`Value` whose provenance is ``source``."""
    tolerance = None
    if quantity.approx:
        tolerance = (table or default_table()).lookup(quantity.hedge, lang)
    interval = quantity_interval(quantity, tolerance)
    nominal = None if quantity.bound != "=" else quantity.value
    return Value(interval, unit(quantity_unit(quantity)), nominal, frozenset({source}))


def value_of_claim(claim: Claim, table: HedgeTable | None = None) -> Value:
    """A claim's quantity, hedged by the tolerance of its language."""
    return value_of_quantity(claim.quantity, claim.id, claim.lang, table)


def value_of_reference(reference: Reference) -> Value:
    """A reference fact: its range if it gives one, else its exact value."""
    if reference.low is not None and reference.high is not None:
        interval = Interval(reference.low, reference.high)
    else:
        interval = Interval.point(reference.value)
    return Value(interval, unit(reference.unit), reference.value, frozenset({reference.id}))
