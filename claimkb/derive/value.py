"""Interval quantities with units and provenance: the values a derivation computes with.

A :class:`Value` is an :class:`~kb.interval.Interval` of magnitudes in a pint unit (from the
project's registry, where each currency is a dimension of its own), the ``nominal`` value the
words stated (``None`` for a bare bound, which states no value), and ``sources``: the ids of the
claims and reference facts it was computed from. Every operator merges the sources of its
operands, so a derived value knows its inputs without hand-wiring (``prov:wasDerivedFrom``).

Addition, subtraction, ``min`` and ``max`` convert the right operand into the left one's unit
and raise :class:`~kb.derivation_errors.DimensionError` when the dimensions differ: never a
silent coercion.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pint

from claimkb.core.units import parse_unit, registry
from claimkb.derive.errors import DimensionError, DomainError
from claimkb.derive.interval import Interval


def unit(text: str) -> pint.Unit:
    """A unit of the project's registry; ``""`` and ``"dimensionless"`` are the number 1."""
    return parse_unit(text or "dimensionless")


def _unit(value: Any) -> pint.Unit:
    """A unit expression (a pint ``PlainUnit`` after ``**``) as a registry unit."""
    return registry().Unit(value)


@cache
def conversion_factor(source: pint.Unit, target: pint.Unit) -> float:
    """The number to multiply magnitudes in ``source`` by to express them in ``target``."""
    if source == target:
        return 1.0
    if source.dimensionality != target.dimensionality:
        raise DimensionError(
            f"cannot convert {source} ({_dims(source)}) to {target} ({_dims(target)})"
        )
    return float(registry().Quantity(1.0, source).to(target).magnitude)


def _dims(u: pint.Unit) -> str:
    text = str(u.dimensionality)
    return "dimensionless" if text == "dimensionless" else text


@dataclass(frozen=True)
class Value:
    """An interval of magnitudes in ``unit``, the stated ``nominal`` value, and its sources."""

    interval: Interval
    unit: pint.Unit
    nominal: float | None = None
    sources: frozenset[str] = frozenset()

    @classmethod
    def exact(cls, magnitude: float, unit_text: str = "", source: str | None = None) -> Value:
        """A stated exact value ``[m, m]``; ``source`` is the claim or reference id."""
        return cls(Interval.point(magnitude), unit(unit_text), magnitude, _ids(source))

    @classmethod
    def of(
        cls,
        interval: Interval,
        unit_text: str = "",
        nominal: float | None = None,
        source: str | None = None,
    ) -> Value:
        """A value from an interval; the nominal defaults to the midpoint of a range."""
        return cls(interval, unit(unit_text), _default_nominal(interval, nominal), _ids(source))

    # -- units --------------------------------------------------------------------------

    def to(self, target: pint.Unit | str) -> Value:
        """The same value in another unit of the same dimension."""
        goal = unit(target) if isinstance(target, str) else target
        factor = conversion_factor(self.unit, goal)
        return Value(self.interval.scale(factor), goal, _scaled(self.nominal, factor), self.sources)

    def _aligned(self, other: Value, verb: str) -> Value:
        try:
            return other.to(self.unit)
        except DimensionError as error:
            raise DimensionError(
                f"cannot {verb} {self.unit} ({_dims(self.unit)}) and "
                f"{other.unit} ({_dims(other.unit)})"
            ) from error

    # -- arithmetic ---------------------------------------------------------------------

    def __add__(self, other: Value) -> Value:
        right = self._aligned(other, "add")
        return self._with(self.interval + right.interval, self.unit, right, _op(operator.add))

    def __sub__(self, other: Value) -> Value:
        right = self._aligned(other, "subtract")
        return self._with(self.interval - right.interval, self.unit, right, _op(operator.sub))

    def __mul__(self, other: Value) -> Value:
        product = self.interval * other.interval
        return self._with(product, self.unit * other.unit, other, _op(operator.mul))

    def __truediv__(self, other: Value) -> Value:
        quotient = self.interval / other.interval
        return self._with(quotient, self.unit / other.unit, other, _op(operator.truediv))

    def __neg__(self) -> Value:
        return Value(-self.interval, self.unit, _scaled(self.nominal, -1.0), self.sources)

    def __pow__(self, exponent: int) -> Value:
        stated = self.nominal
        nominal = None if stated is None else _safe(lambda: stated**exponent)
        return Value(self.interval**exponent, _unit(self.unit**exponent), nominal, self.sources)

    def sqrt(self) -> Value:
        nominal = None if self.nominal is None else math.sqrt(max(self.nominal, 0.0))
        return Value(self.interval.sqrt(), _unit(self.unit**0.5), nominal, self.sources)

    def log10(self) -> Value:
        if not self.unit.dimensionality == unit("").dimensionality:
            raise DimensionError(f"log10 needs a dimensionless value, got {self.unit}")
        plain = self.to("")
        nominal = plain.nominal
        log_nominal = math.log10(nominal) if nominal is not None and nominal > 0 else None
        return Value(plain.interval.log10(), plain.unit, log_nominal, self.sources)

    def minimum(self, other: Value) -> Value:
        right = self._aligned(other, "take min of")
        return self._with(self.interval.minimum(right.interval), self.unit, right, _op(min))

    def maximum(self, other: Value) -> Value:
        right = self._aligned(other, "take max of")
        return self._with(self.interval.maximum(right.interval), self.unit, right, _op(max))

    def _with(
        self,
        interval: Interval,
        result_unit: pint.Unit,
        other: Value,
        nominal_op: Callable[[float, float], float | None],
    ) -> Value:
        nominal = None
        if self.nominal is not None and other.nominal is not None:
            nominal = nominal_op(self.nominal, other.nominal)
        if nominal is not None and not interval.contains(nominal):
            # Rounding at an end of a point interval: keep the nominal inside the interval.
            nominal = min(max(nominal, interval.lo), interval.hi)
        return Value(interval, result_unit, nominal, self.sources | other.sources)

    def __str__(self) -> str:
        return (
            f"{self.interval} {self.unit:~P}"
            if str(self.unit) != "dimensionless"
            else str(self.interval)
        )


def _op(function: Callable[[float, float], float]) -> Callable[[float, float], float | None]:
    def apply(a: float, b: float) -> float | None:
        return _safe(lambda: function(a, b))

    return apply


def _safe(compute: Callable[[], float]) -> float | None:
    """A nominal value, or ``None`` when the point arithmetic fails (0/0, overflow)."""
    try:
        result = float(compute())
    except (ZeroDivisionError, OverflowError, DomainError):
        return None
    return result if math.isfinite(result) else None


def _scaled(nominal: float | None, factor: float) -> float | None:
    return None if nominal is None else nominal * factor


def _default_nominal(interval: Interval, nominal: float | None) -> float | None:
    if nominal is not None:
        return nominal
    return interval.midpoint


def _ids(source: str | None) -> frozenset[str]:
    return frozenset() if source is None else frozenset({source})
