"""Hand-written derivations (``claims/derivations/*.yaml``): load, order, evaluate, judge.

A derivation names its inputs (claims, reference facts, or other derivations' results), an
expression over them, what the result is compared with, and the verdict it must keep. Each
is evaluated by the engine (``kb.expr``, ``kb.evaluate``, ``kb.verdict``); any error names
the file, the line and the derivation.

Before anything is evaluated, :func:`check_written` refuses what the arithmetic would
otherwise turn into a crash or a meaningless verdict: a unit outside the unit grammar (``MW/(``,
``MW/0``) in ``unit`` or ``free.unit``, and a number in ``expression`` or ``compare`` that is
not finite (``1e999`` reads as infinity). A division by an interval that contains zero stays
an error (E402) naming the derivation: no verdict can be drawn from an unbounded quotient.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import networkx as nx

from claimkb.core.errors import ClaimkbError
from claimkb.core.models import Derivation, DerivationFile, DerivationInput
from claimkb.core.units import UnitSyntaxError, parse_unit
from claimkb.derive.errors import CalcError
from claimkb.derive.evaluate import evaluate
from claimkb.derive.expr import Number, parse, walk
from claimkb.derive.interval import Interval
from claimkb.derive.stated import value_of_claim, value_of_reference
from claimkb.derive.steps import Step, evaluation_steps
from claimkb.derive.value import Value
from claimkb.derive.verdict import Check, FreeVariable, Verdict, judge
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.ledger.ledger import Located, located_records


class DerivationError(ClaimkbError):
    """A derivation that cannot be evaluated; ``str()`` names file:line and the id."""


@dataclass(frozen=True)
class Outcome:
    """A derivation, where it is written, and the verdict it got."""

    derivation: Derivation
    where: str
    verdict: Verdict
    steps: tuple[Step, ...] = ()
    """The evaluation step by step, for the derivation's page (``kb.steps``)."""

    @property
    def status(self) -> Literal["ok", "regressed"]:
        """``ok`` when the verdict is the expected one, else ``regressed``."""
        return "ok" if self.verdict.kind == self.derivation.expected else "regressed"


def load_derivations(claims_dir: Path) -> list[Located[Derivation]]:
    """Every derivation under ``claims_dir/derivations``, validated, ids unique."""
    found: list[Located[Derivation]] = []
    for path in sorted((claims_dir / "derivations").glob("*.yaml")):
        found += located_records(path, "derivations", DerivationFile)
    seen: dict[str, str] = {}
    for located in found:
        if located.record.id in seen:
            raise DerivationError(
                f"{located.where}: derivation {located.record.id} is also defined at "
                f"{seen[located.record.id]}"
            )
        seen[located.record.id] = located.where
    return found


def evaluation_order(derivations: list[Located[Derivation]]) -> list[Located[Derivation]]:
    """Derivations ordered so that each comes after the ones it uses; a cycle is an error."""
    by_id = {located.record.id: located for located in derivations}
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(sorted(by_id))
    for located in derivations:
        for spec in located.record.inputs.values():
            if spec.derivation is not None:
                if spec.derivation not in by_id:
                    raise DerivationError(
                        f"{located.where}: derivation {located.record.id}: unknown derivation "
                        f"{spec.derivation!r}"
                    )
                graph.add_edge(spec.derivation, located.record.id)
    try:
        order = list(nx.lexicographical_topological_sort(graph))
    except nx.NetworkXUnfeasible:
        cycle = " -> ".join(a for a, _ in nx.find_cycle(graph))
        first = by_id[nx.find_cycle(graph)[0][0]]
        raise DerivationError(f"{first.where}: derivations form a cycle: {cycle}") from None
    return [by_id[name] for name in order]


def _input_value(
    spec: DerivationInput, kb: KnowledgeBase, results: Mapping[str, Value], where: str, did: str
) -> Value:
    claims, references = kb.claims_by_id, kb.references_by_id
    if spec.claim is not None:
        if spec.claim not in claims:
            raise DerivationError(f"{where}: derivation {did}: unknown claim {spec.claim!r}")
        return value_of_claim(claims[spec.claim])
    if spec.reference is not None:
        if spec.reference not in references:
            raise DerivationError(
                f"{where}: derivation {did}: unknown reference {spec.reference!r}"
            )
        return value_of_reference(references[spec.reference])
    assert spec.derivation is not None
    return results[spec.derivation]


def check_written(located: Located[Derivation]) -> None:
    """Refuse units outside the grammar and numbers that are not finite (module docstring)."""
    d, where = located.record, located.where
    units = {"unit": d.unit, "free -> unit": d.free.unit if d.free else None}
    for field, text in units.items():
        if text is None:
            continue
        try:
            parse_unit(text)
        except UnitSyntaxError as error:
            raise DerivationError(f"{where}: derivation {d.id}: {field}: {error}") from None
    for field, text in (("expression", d.expression), ("compare", d.compare)):
        try:
            tree = parse(text)
        except CalcError as error:
            raise DerivationError(f"{where}: derivation {d.id}: {field}: {error}") from None
        for node in walk(tree):
            if isinstance(node, Number) and not math.isfinite(node.value):
                raise DerivationError(
                    f"{where}: derivation {d.id}: {field}: the number at column {node.col} "
                    "is too large to be finite"
                )


def evaluate_one(
    located: Located[Derivation], kb: KnowledgeBase, results: dict[str, Value]
) -> Outcome:
    """The verdict of one derivation; its result is added to ``results`` for later ones."""
    check_written(located)
    d, where = located.record, located.where
    inputs: dict[str, Value | None] = {
        name: _input_value(spec, kb, results, where, d.id) for name, spec in d.inputs.items()
    }
    free = None
    if d.free is not None:
        inputs[d.free.name] = None
        plausible = (
            Interval(d.free.low, d.free.high, False, False)
            if d.free.low is not None and d.free.high is not None
            else None
        )
        free = FreeVariable(d.free.name, d.free.unit, plausible=plausible)
    try:
        known = {name: value for name, value in inputs.items() if value is not None}
        compared = evaluate(parse(d.compare), known, derivation=d.id)
        verdict = judge(
            Check(d.id, d.expression, inputs, compared, d.tolerance, free, d.mode, d.unit)
        )
        if free is None:
            results[d.id] = evaluate(parse(d.expression), known, derivation=d.id, mode=d.mode)
        steps = _steps(d, known, verdict)
    except (CalcError, UnitSyntaxError) as error:
        raise DerivationError(f"{where}: {error}") from None
    return Outcome(d, where, verdict, tuple(steps))


def _steps(d: Derivation, known: Mapping[str, Value], verdict: Verdict) -> list[Step]:
    """The steps of the expression; a free variable takes the value the check solved for."""
    inputs = dict(known)
    assumed: frozenset[str] = frozenset()
    if verdict.assumption is not None:
        a = verdict.assumption
        inputs[a.name] = Value.exact(a.value, a.unit)
        assumed = frozenset({a.name})
    tree = parse(d.expression)
    return evaluation_steps(tree, inputs, derivation=d.id, mode=d.mode, assumed=assumed)


def evaluate_derivations(kb: KnowledgeBase, claims_dir: Path) -> list[Outcome]:
    """Every derivation's outcome, in evaluation order."""
    results: dict[str, Value] = {}
    return [
        evaluate_one(located, kb, results)
        for located in evaluation_order(load_derivations(claims_dir))
    ]
