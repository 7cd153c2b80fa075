"""Derivation outcomes as records and as a table for the terminal."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

from claimkb.derive.attribution import Scope, attribution
from claimkb.derive.auto import AutoCheck, auto_checks
from claimkb.derive.closeness import Grade
from claimkb.derive.derivations import Outcome, evaluate_derivations
from claimkb.derive.interval import Interval
from claimkb.derive.steps import Step
from claimkb.derive.verdict import VerdictKind
from claimkb.knowledge.knowledge import KnowledgeBase


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class IntervalRecord(_Frozen):
    """A result or compared value: the stated value, the ends of its interval (``None``
    where infinite or unknown) and the unit."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""


class AssumptionRecord(_Frozen):
    """The solved-for value of an ``implies`` check and the range that keeps it."""

    name: str
    value: float
    low: float | None = None
    high: float | None = None
    unit: str


class StepRecord(_Frozen):
    """One step of evaluating a derivation (``kb.steps``)."""

    expression: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    note: str = ""


class PrecisionRecord(_Frozen):
    """The rounding each side of a check may take, relative (``derive.closeness``)."""

    result: float
    compared: float


Kind = Literal["curated", "auto"]
Status = Literal["ok", "regressed", "auto"]


class CheckRecord(_Frozen):
    """One derivation's check, hand-written (``curated``) or automatic (``auto``): what
    ``claimkb check`` prints, ``derivations.json`` holds and RDF and the pages read.

    ``inputs`` maps each input name to a claim id, a reference fact id or
    ``derivation:<id>``. An automatic check has no ``compare`` expression, no expected
    verdict and no steps; its JSON leaves ``compare`` and ``steps`` out.

    ``speakers``, ``claims``, ``scope``, ``precision`` and ``grade`` say whose figures the
    check rests on and how close its sides are (``derive.attribution``); ``explanation`` is
    what a reader sees first: the prose a person wrote for a curated derivation, a sentence
    made of the numbers for an automatic one. ``reason`` is the engine's own account."""

    id: str
    title: str
    kind: Kind
    inputs: dict[str, str]
    expression: str
    compare: str | None = None
    result: IntervalRecord
    compared: IntervalRecord
    verdict: VerdictKind
    factor: float | None = None
    assumption: AssumptionRecord | None = None
    reason: str
    expected: VerdictKind | None = None
    status: Status
    where: str | None = None
    steps: tuple[StepRecord, ...] = ()
    explanation: str = ""
    speakers: dict[str, list[str]] = {}
    claims: tuple[str, ...] = ()
    scope: Scope | None = None
    precision: PrecisionRecord | None = None
    grade: Grade | None = None

    @property
    def curated(self) -> bool:
        """Hand-written, with a page of its own."""
        return self.kind == "curated"

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if self.kind == "auto":
            data.pop("compare", None)
            data.pop("steps", None)
        return data


def derivation_records(kb: KnowledgeBase, claims_dir: Path) -> list[CheckRecord]:
    """Every derivation — hand-written first, then the automatic ones — as records."""
    curated = [outcome_record(o) for o in evaluate_derivations(kb, claims_dir)]
    records = curated + [auto_record(check) for check in auto_checks(kb)]
    return [
        record.model_copy(update={**update, "precision": PrecisionRecord(**update["precision"])})
        for record, update in zip(records, attribution(records, kb.claims_by_id), strict=True)
    ]


def records_json(records: list[CheckRecord]) -> list[dict[str, Any]]:
    """The records as JSON-ready data (``claimkb check --format json``, ``derivations.json``)."""
    return [record.model_dump(mode="json") for record in records]


def auto_record(check: AutoCheck) -> CheckRecord:
    """An automatic derivation with the same fields; it has no expected verdict."""
    v = check.verdict
    return CheckRecord(
        id=check.id,
        title=check.title,
        kind="auto",
        inputs=dict(check.inputs),
        expression=check.expression,
        result=_interval(v.result, v.result_nominal, v.unit),
        compared=_interval(v.compared, v.compared_nominal, v.unit),
        verdict=v.kind,
        factor=_number(v.factor),
        reason=v.reason,
        status="auto",
        explanation=_auto_explanation(check.title, v.result, v.compared, v.unit, v.reason),
    )


def _auto_explanation(
    title: str, result: Interval | None, compared: Interval | None, unit: str, reason: str
) -> str:
    """A sentence of an automatic check's numbers: what it compares and what it found."""
    if result is None or compared is None:
        return f"{title.rstrip('?')}: {reason}."
    if result == compared:  # an implied ratio, stated once
        return f"{title}: {result} {unit}.".replace("  ", " ")
    return f"{title.rstrip('?')}: {result} {unit} against {compared} {unit}; {reason}.".replace(
        "  ", " "
    )


def _number(x: float | None) -> float | None:
    return None if x is None or not math.isfinite(x) else x


def _interval(interval: Interval | None, nominal: float | None, unit: str) -> IntervalRecord:
    return IntervalRecord(
        value=_number(nominal),
        low=_number(interval.lo) if interval else None,
        high=_number(interval.hi) if interval else None,
        unit=unit,
    )


def _step(step: Step) -> StepRecord:
    return StepRecord(
        expression=step.expression,
        value=step.value,
        low=step.low,
        high=step.high,
        unit=step.unit,
        note=step.note,
    )


def outcome_record(outcome: Outcome) -> CheckRecord:
    """One outcome with the fields of ``claimkb check --format json``."""
    d, v = outcome.derivation, outcome.verdict
    inputs = {
        name: spec.claim or spec.reference or f"derivation:{spec.derivation}"
        for name, spec in d.inputs.items()
    }
    assumption = None
    if v.assumption is not None:
        a = v.assumption
        assumption = AssumptionRecord(
            name=a.name, value=a.value, low=a.low, high=a.high, unit=a.unit
        )
    return CheckRecord(
        id=d.id,
        title=d.title,
        kind="curated",
        inputs=inputs,
        expression=d.expression,
        compare=d.compare,
        result=_interval(v.result, v.result_nominal, v.unit),
        compared=_interval(v.compared, v.compared_nominal, v.unit),
        verdict=v.kind,
        factor=_number(v.factor),
        assumption=assumption,
        reason=v.reason,
        expected=d.expected,
        status=outcome.status,
        where=outcome.where,
        steps=tuple(_step(step) for step in outcome.steps),
        explanation=" ".join(d.reason.split()),
    )


def _short(x: float | None) -> str:
    return "-" if x is None or not math.isfinite(x) else f"{x:.4g}"


def _cell(part: IntervalRecord) -> str:
    low, high = _short(part.low), _short(part.high)
    return f"{_short(part.value)} [{low}, {high}] {part.unit}"


def _speakers(record: CheckRecord) -> str:
    """The speakers whose figures a check rests on: one for a check of a speaker's own
    figures, several joined by ``vs`` for a comparison that rates nobody."""
    found = sorted({s for names in record.speakers.values() for s in names})
    return " vs ".join(found) or "-"


def outcome_table(records: list[CheckRecord], explain: bool = False) -> str:
    """A plain-text table: id, whose figures, result, compared, verdict, grade, factor,
    expected, status; with ``explain``, each check's explanation on the lines after it."""
    header = (
        "id", "speakers", "result", "compared", "verdict", "grade", "factor", "expected",
        "status",
    )  # fmt: skip
    rows = [header]
    for r in records:
        rows.append(
            (
                r.id,
                _speakers(r),
                _cell(r.result),
                _cell(r.compared),
                r.verdict,
                r.grade or "-",
                _short(r.factor),
                r.expected or "-",
                r.status,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    out = [lines[0], "  ".join("-" * w for w in widths)]
    for line, record in zip(lines[1:], records, strict=True):
        out.append(line)
        if explain and record.explanation:
            out += [f"    {part}" for part in textwrap.wrap(record.explanation, 88)]
    return "\n".join(out)
