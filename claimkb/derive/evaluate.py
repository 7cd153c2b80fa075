"""Evaluate an expression tree over interval values, by interval arithmetic or Monte Carlo.

**Interval arithmetic is the default** because its result is a guaranteed enclosure: every
combination of input values lands inside it, so a verdict of "inconsistent" (disjoint
intervals) is never an artefact of the method. Its weakness is the *dependency problem*: a
name used twice is treated as two independent quantities, so ``x - x`` for ``x`` in
``[1, 2]`` gives ``[-1, 1]`` instead of ``0``. For such expressions (see
:func:`kb.expr.repeated_names`) the **Monte Carlo** mode evaluates the expression at sampled
points, reusing one sample per name everywhere it appears: all corners of the input box
first (where the extremes of monotone expressions lie), then uniform random points from a
seeded generator, so runs are reproducible. Its result is the hull of the sampled values, an
inner estimate: narrower, tighter, but not a guarantee. It needs bounded inputs.

Errors from the arithmetic (dimension mismatch, division by an interval containing zero,
domain errors) are re-raised with the derivation's id and the failing sub-expression.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Mapping
from typing import Literal

from claimkb.derive.errors import CalcError, UnknownNameError, VagueInputError
from claimkb.derive.expr import (
    BinOp,
    Call,
    Name,
    Neg,
    Node,
    Number,
    constant_integer,
    names,
    to_string,
    walk,
)
from claimkb.derive.interval import Interval, hull
from claimkb.derive.value import Value

Mode = Literal["interval", "monte-carlo"]

#: Inputs up to this count get all 2**n corners sampled in Monte Carlo mode.
MAX_CORNER_INPUTS = 10


def evaluate(
    tree: Node,
    inputs: Mapping[str, Value],
    *,
    derivation: str,
    mode: Mode = "interval",
    samples: int = 2000,
    seed: int = 0,
) -> Value:
    """The value of ``tree`` with ``inputs`` bound to its names.

    ``derivation`` names the derivation in every error. ``samples`` and ``seed`` apply to the
    Monte Carlo mode only.
    """
    _check_names(tree, inputs, derivation)
    if mode == "interval":
        return _Evaluator(inputs, derivation).run(tree)
    return monte_carlo(tree, inputs, derivation=derivation, samples=samples, seed=seed)


def _check_names(tree: Node, inputs: Mapping[str, Value], derivation: str) -> None:
    for node in _names_in_order(tree):
        if node.id not in inputs:
            known = ", ".join(sorted(inputs)) or "none"
            raise UnknownNameError(
                f"derivation {derivation!r}: unknown name {node.id!r} at column {node.col} "
                f"in {to_string(tree)} (inputs: {known})"
            )


def _names_in_order(tree: Node) -> list[Name]:
    return sorted((n for n in walk(tree) if isinstance(n, Name)), key=lambda n: n.col)


class _Evaluator:
    """Walks the tree bottom-up; one method per node type."""

    def __init__(self, inputs: Mapping[str, Value], derivation: str) -> None:
        self.inputs = inputs
        self.derivation = derivation

    def run(self, node: Node) -> Value:
        try:
            return self.visit(node)
        except _Located as located:
            error = located.error
            raise type(error)(
                f"derivation {self.derivation!r}: {error.message} in {to_string(located.node)}"
            ) from error

    def visit(self, node: Node) -> Value:
        if isinstance(node, Number):
            return Value.exact(node.value, node.unit or "")
        if isinstance(node, Name):
            return self.inputs[node.id]
        if isinstance(node, Neg):
            return -self.visit(node.operand)
        if isinstance(node, BinOp):
            return self.binop(node)
        return self.call(node)

    def binop(self, node: BinOp) -> Value:
        left = self.visit(node.left)
        if node.op == "**":
            exponent = constant_integer(node.right)
            if exponent is None:  # the parser only builds constant integer exponents
                raise ValueError(f"non-integer exponent in {to_string(node)}")
            return _located(node, lambda: left**exponent)
        right = self.visit(node.right)
        operations: dict[str, Callable[[], Value]] = {
            "+": lambda: left + right,
            "-": lambda: left - right,
            "*": lambda: left * right,
            "/": lambda: left / right,
        }
        return _located(node, operations[node.op])

    def call(self, node: Call) -> Value:
        args = [self.visit(arg) for arg in node.args]
        if node.func == "sqrt":
            return _located(node, args[0].sqrt)
        if node.func == "log10":
            return _located(node, args[0].log10)
        result = args[0]
        for arg in args[1:]:
            combine = result.minimum if node.func == "min" else result.maximum
            result = _located(node, lambda c=combine, a=arg: c(a))  # type: ignore[misc]
        return result


class _Located(Exception):
    """Carries an arithmetic error up to :meth:`_Evaluator.run` with the node it came from."""

    def __init__(self, error: CalcError, node: Node) -> None:
        super().__init__(str(error))
        self.error = error
        self.node = node


def _located(node: Node, compute: Callable[[], Value]) -> Value:
    try:
        return compute()
    except CalcError as error:
        raise _Located(error, node) from error


# -- Monte Carlo ----------------------------------------------------------------------------


def monte_carlo(
    tree: Node,
    inputs: Mapping[str, Value],
    *,
    derivation: str,
    samples: int = 2000,
    seed: int = 0,
) -> Value:
    """The hull of ``tree`` evaluated at the corners and ``samples`` seeded random points."""
    used = sorted(names(tree))
    for name in used:
        if not inputs[name].interval.is_bounded:
            raise VagueInputError(
                f"derivation {derivation!r}: Monte Carlo needs bounded inputs, "
                f"{name!r} is {inputs[name]}"
            )
    # The interval run fixes the result's unit and its nominal (the stated values combined).
    central = _Evaluator(inputs, derivation).run(tree)
    points = [_at(inputs, used, draw) for draw in _draws(inputs, used, samples, seed)]
    results = [_Evaluator(point, derivation).run(tree).to(central.unit) for point in points]
    return Value(hull(r.interval for r in results), central.unit, central.nominal, central.sources)


def _draws(
    inputs: Mapping[str, Value], used: list[str], samples: int, seed: int
) -> list[dict[str, float]]:
    """Corners of the input box (when few inputs vary), then seeded uniform points."""
    rng = random.Random(seed)
    varying = [name for name in used if not inputs[name].interval.is_point]
    draws: list[dict[str, float]] = []
    if len(varying) <= MAX_CORNER_INPUTS:
        ends = [(inputs[n].interval.lo, inputs[n].interval.hi) for n in varying]
        draws += [dict(zip(varying, corner, strict=True)) for corner in itertools.product(*ends)]
    for _ in range(samples):
        draws.append(
            {n: rng.uniform(inputs[n].interval.lo, inputs[n].interval.hi) for n in varying}
        )
    return draws


def _at(
    inputs: Mapping[str, Value], used: list[str], draw: Mapping[str, float]
) -> dict[str, Value]:
    """The inputs with each varying name replaced by one point (same unit and sources)."""
    point: dict[str, Value] = {}
    for name in used:
        value = inputs[name]
        x = draw.get(name, value.interval.lo)
        point[name] = Value(Interval.point(x), value.unit, x, value.sources)
    return point
