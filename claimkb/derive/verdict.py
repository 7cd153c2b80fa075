"""Verdicts: compare a derived interval with the interval it is checked against.

A check (:class:`Check`) names its inputs (each a :class:`~kb.value.Value` built from a claim
or a reference fact, or ``None`` when the input is missing), an expression over them, the value
it is compared with, a relative ``tolerance`` that widens the compared interval (for rounding in
the derivation itself), and optionally a free variable: an unstated assumption to solve for.
:func:`judge` returns a :class:`Verdict` carrying the numbers that justify it:

``consistent``
    the intervals overlap, and the result is precise enough for that to mean something;
``inconsistent``
    the intervals are disjoint; ``factor`` says by how much (result / compared, stated
    values) and ``gap_factor`` by how much at the closest ends;
``implies``
    with a free variable: the claims agree only if the variable takes ``assumption.value``
    (``assumption.low``..``high`` keeps the intervals overlapping);
``unverifiable``
    an input is missing, or the overlap is empty of meaning: the result is unbounded or spans
    more than ``max_decades`` orders of magnitude and is not inside the compared interval
    (a result inside a bound claim, e.g. ``[50, 60]`` vs "mehr als 10", still verifies it).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from claimkb.derive.errors import CalcError, DimensionError
from claimkb.derive.evaluate import Mode, evaluate
from claimkb.derive.expr import Node, parse
from claimkb.derive.interval import Interval
from claimkb.derive.solve import SEARCH, solve_positive
from claimkb.derive.value import Value, unit

VerdictKind = Literal["consistent", "inconsistent", "implies", "unverifiable"]

#: Relative rounding noise of binary floating point that never decides a verdict.
FLOAT_NOISE = 1e-9
#: A result wider than this many orders of magnitude says nothing when it overlaps.
MAX_DECADES = 2.0


@dataclass(frozen=True)
class FreeVariable:
    """An unstated assumption the check solves for, e.g. the mass of one satellite."""

    name: str
    unit: str
    plausible: Interval | None = None
    search: tuple[float, float] = SEARCH


@dataclass(frozen=True)
class Check:
    """Everything one derivation needs; ``inputs`` values of ``None`` are missing inputs."""

    id: str
    expression: str
    inputs: Mapping[str, Value | None]
    compared: Value | None
    tolerance: float = 0.0
    free: FreeVariable | None = None
    mode: Mode = "interval"
    unit: str | None = None
    max_decades: float = MAX_DECADES
    seed: int = 0


@dataclass(frozen=True)
class Assumption:
    """The value of a free variable that makes a check hold, and the range that keeps it."""

    name: str
    value: float
    unit: str
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Verdict:
    """A verdict and the numbers behind it, all in ``unit``."""

    kind: VerdictKind
    derivation: str
    reason: str
    unit: str = ""
    result: Interval | None = None
    compared: Interval | None = None
    result_nominal: float | None = None
    compared_nominal: float | None = None
    factor: float | None = None
    gap_factor: float | None = None
    overlap: Interval | None = None
    assumption: Assumption | None = None
    sources: frozenset[str] = field(default_factory=frozenset)
    missing: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON and RDF: intervals as mappings, sources sorted."""
        data = asdict(self)
        data["sources"] = sorted(self.sources)
        data["missing"] = list(self.missing)
        return data


def judge(check: Check) -> Verdict:
    """Evaluate ``check`` and return its verdict (errors in the check itself raise)."""
    tree = parse(check.expression)
    free_name = {check.free.name} if check.free else set()
    missing = tuple(sorted(n for n, v in check.inputs.items() if v is None and n not in free_name))
    if missing or check.compared is None:
        absent = (*missing, *(["compared value"] if check.compared is None else []))
        return Verdict(
            "unverifiable", check.id, f"missing: {', '.join(absent)}", missing=tuple(absent)
        )
    inputs = {name: value for name, value in check.inputs.items() if value is not None}
    if check.free is not None:
        return _judge_free(check, tree, inputs, check.free, check.compared)
    result = evaluate(tree, inputs, derivation=check.id, mode=check.mode, seed=check.seed)
    return compare(
        check.id,
        result,
        check.compared,
        tolerance=check.tolerance,
        max_decades=check.max_decades,
        report_unit=check.unit,
    )


# -- comparing two values -------------------------------------------------------------------


def compare(
    derivation: str,
    result: Value,
    compared: Value,
    *,
    tolerance: float = 0.0,
    max_decades: float = MAX_DECADES,
    report_unit: str | None = None,
) -> Verdict:
    """The verdict of ``result`` against ``compared`` widened by ``tolerance``."""
    result, compared = _in_common_unit(derivation, result, compared, report_unit)
    # Floating point makes 10 M x (1 - 70 %) come out as 2 999 999.9999999995: a relative
    # 1e-9 absorbs such noise and nothing anybody said.
    target = widen(compared.interval, max(tolerance, FLOAT_NOISE))
    numbers = _numbers(derivation, result, compared)
    overlap = result.interval.intersection(target)
    if overlap is None:
        gap = _gap_factor(result.interval, target)
        return Verdict(
            "inconsistent", reason=_miss_reason(numbers["factor"], gap), gap_factor=gap, **numbers
        )
    vague = _vague(result.interval, target, max_decades)
    if vague:
        return Verdict("unverifiable", reason=vague, overlap=overlap, **numbers)
    return Verdict(
        "consistent", reason=f"the intervals overlap in {overlap}", overlap=overlap, **numbers
    )


def widen(interval: Interval, tolerance: float) -> Interval:
    """``interval`` with its finite ends moved outwards by ``tolerance`` of their size."""
    if tolerance < 0:
        raise ValueError(f"tolerance must not be negative: {tolerance}")
    return Interval(
        interval.lo - abs(interval.lo) * tolerance if math.isfinite(interval.lo) else interval.lo,
        interval.hi + abs(interval.hi) * tolerance if math.isfinite(interval.hi) else interval.hi,
        interval.lo_open,
        interval.hi_open,
    )


def _in_common_unit(
    derivation: str, result: Value, compared: Value, report_unit: str | None
) -> tuple[Value, Value]:
    """Both values in the report unit, by default the compared claim's own unit."""
    goal = unit(report_unit) if report_unit else compared.unit
    try:
        return result.to(goal), compared.to(goal)
    except DimensionError as error:
        raise DimensionError(
            f"derivation {derivation!r}: the result in {result.unit} cannot be compared "
            f"with {compared.unit} ({error.message})"
        ) from error


def _numbers(derivation: str, result: Value, compared: Value) -> dict[str, Any]:
    return {
        "derivation": derivation,
        "unit": f"{result.unit:~P}" if str(result.unit) != "dimensionless" else "",
        "result": result.interval,
        "compared": compared.interval,
        "result_nominal": result.nominal,
        "compared_nominal": compared.nominal,
        "factor": _ratio(_central(result), _central(compared)),
        "sources": result.sources | compared.sources,
    }


def _central(value: Value) -> float | None:
    return value.nominal if value.nominal is not None else value.interval.midpoint


def _ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def _gap_factor(result: Interval, target: Interval) -> float | None:
    """Result / compared at the closest ends of two disjoint intervals of one sign."""
    if result.lo >= target.hi:
        return _ratio(result.lo, target.hi) if target.hi > 0 else None
    return _ratio(result.hi, target.lo) if result.hi > 0 else None


def _miss_reason(factor: float | None, gap: float | None) -> str:
    text = "the intervals are disjoint"
    if factor is not None:
        text += f"; the result is {factor:.3g}x the compared value"
    if gap is not None:
        text += f" ({gap:.3g}x at the closest ends)"
    return text


def _vague(result: Interval, target: Interval, max_decades: float) -> str | None:
    """Why an overlap says nothing, or ``None`` when it does."""
    if result.within(target):
        return None
    if not result.is_bounded:
        return f"the result {result} is unbounded beyond the compared {target}"
    if result.decades() > max_decades:
        return f"the result {result} spans more than {max_decades:g} orders of magnitude"
    if target.is_bounded and target.decades() > max_decades:
        return f"the compared {target} spans more than {max_decades:g} orders of magnitude"
    return None


# -- implied assumptions --------------------------------------------------------------------


def _judge_free(
    check: Check, tree: Node, inputs: dict[str, Value], free: FreeVariable, compared: Value
) -> Verdict:
    """Solve for the free variable, then report the check at that value."""
    target = widen(compared.interval, check.tolerance)

    def at(x: float) -> Value | None:
        point = {**inputs, free.name: Value.exact(x, free.unit)}
        try:
            return evaluate(tree, point, derivation=check.id, mode=check.mode).to(compared.unit)
        except DimensionError:
            raise
        except CalcError:
            return None

    goal = _central(compared)
    if goal is None:
        return Verdict("unverifiable", check.id, f"the compared value {target} has no centre")
    value = solve_positive(lambda x: _attr(at(x), "central"), goal, free.search)
    if value is None:
        start, stop = free.search
        return Verdict(
            "unverifiable",
            check.id,
            f"no {free.name} between {start:g} and {stop:g} {free.unit} makes the sides equal",
        )
    low = _solve_end(at, "lo", target.hi, free.search)
    high = _solve_end(at, "hi", target.lo, free.search)
    ends = sorted(x for x in (low, high) if x is not None)
    assumption = Assumption(
        free.name,
        value,
        free.unit,
        ends[0] if len(ends) == 2 else None,
        ends[-1] if len(ends) == 2 else None,
    )
    result = at(value)
    if result is None:  # pragma: no cover - the solver only returns points where at() works
        raise ValueError(f"derivation {check.id!r}: evaluation failed at the solution")
    return _implied_verdict(check, result, compared, assumption, free)


def _attr(value: Value | None, which: str) -> float | None:
    if value is None:
        return None
    if which == "central":
        return _central(value)
    return value.interval.lo if which == "lo" else value.interval.hi


def _solve_end(
    at: Callable[[float], Value | None], which: str, target: float, search: tuple[float, float]
) -> float | None:
    """The free value where the result's ``which`` end meets ``target`` (an infinite one: never)."""
    if not math.isfinite(target):
        return None
    return solve_positive(lambda x: _attr(at(x), which), target, search)


def _implied_verdict(
    check: Check, result: Value, compared: Value, assumption: Assumption, free: FreeVariable
) -> Verdict:
    base = compare(check.id, result, compared, tolerance=check.tolerance, report_unit=check.unit)
    shown = f"{free.name} = {assumption.value:.4g} {free.unit}"
    if free.plausible is not None and not free.plausible.contains(assumption.value):
        reason = f"holds only if {shown}, outside the plausible {free.plausible} {free.unit}"
        kind: VerdictKind = "inconsistent"
    else:
        reason = f"holds only if {shown}"
        kind = "implies"
    return Verdict(
        kind,
        check.id,
        reason,
        unit=base.unit,
        result=base.result,
        compared=base.compared,
        result_nominal=base.result_nominal,
        compared_nominal=base.compared_nominal,
        factor=base.factor,
        overlap=base.overlap,
        assumption=assumption,
        sources=base.sources,
    )
