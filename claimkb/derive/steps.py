"""A derivation's evaluation step by step, for people checking it: each input with the interval
and unit it stands for, then every operation of the expression, innermost first, with the
interval and unit it yields.

Each step is the value of one sub-expression evaluated on its own, by the same engine and
mode as the whole expression, so the last step is the derivation's result. In interval mode
that is exactly the intermediate value the engine computes; in Monte Carlo mode each step is
its own sampled estimate. A free variable (the unstated assumption of an "implies" verdict)
takes the value the check solved for, and the step says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from claimkb.core.units import registry
from claimkb.derive.errors import CalcError
from claimkb.derive.evaluate import Mode, evaluate
from claimkb.derive.expr import Name, Node, Number, names, to_string, walk_operands_first
from claimkb.derive.value import Value


@dataclass(frozen=True)
class Step:
    """One sub-expression and its value; ``note`` says where an input's value comes from."""

    expression: str
    low: float | None
    high: float | None
    value: float | None
    unit: str
    note: str = ""


def _finite(x: float | None) -> float | None:
    return None if x is None or not math.isfinite(x) else x


def readable(value: Value) -> Value:
    """The value in a unit a person reads at a glance: a compound unit with two units of one
    dimension (``TW / GW / year``, ``acre * TW / km ** 2 / MW``) is reduced (``1 / year``, a
    plain number); a single unit (``%``, ``GW``) stays as stated."""
    if not re.search(r"[*/]", str(value.unit)):
        return value
    reduced = str(registry().Quantity(1.0, value.unit).to_reduced_units().units)
    return value.to(reduced) if reduced != str(value.unit) else value


def _step(text: str, value: Value, note: str = "") -> Step:
    return Step(
        expression=text,
        low=_finite(value.interval.lo),
        high=_finite(value.interval.hi),
        value=_finite(value.nominal),
        unit=str(value.unit) or "dimensionless",
        note=note,
    )


def evaluation_steps(
    tree: Node,
    inputs: Mapping[str, Value],
    *,
    derivation: str,
    mode: Mode = "interval",
    assumed: frozenset[str] = frozenset(),
) -> list[Step]:
    """The steps of evaluating ``tree``: its names in first use, then each operation once
    (a repeated sub-expression is shown the first time). ``assumed`` names inputs that are
    solved-for assumptions rather than stated values. A sub-expression that cannot be
    evaluated (an input missing) ends the list there, since every later step needs it."""
    steps: list[Step] = []
    seen: set[str] = set()
    for node in walk_operands_first(tree):
        if isinstance(node, Number):
            continue
        text = to_string(node)
        if text in seen:
            continue
        seen.add(text)
        if not names(node) <= inputs.keys():
            break
        if isinstance(node, Name):
            note = "assumed: the value the check solves for" if node.id in assumed else "input"
            steps.append(_step(text, inputs[node.id], note))
            continue
        try:
            value = evaluate(node, inputs, derivation=derivation, mode=mode)
        except CalcError:
            break
        steps.append(_step(text, readable(value)))
    return steps
