"""Derivation outcomes as records and as a table for the terminal."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from claimkb.derive.auto import AutoCheck, auto_checks
from claimkb.derive.derivations import Outcome, evaluate_derivations
from claimkb.derive.interval import Interval
from claimkb.knowledge.knowledge import KnowledgeBase


def derivation_records(kb: KnowledgeBase, claims_dir: Path) -> list[dict[str, Any]]:
    """Every derivation — hand-written first, then the automatic ones — as records."""
    curated = [outcome_record(o) for o in evaluate_derivations(kb, claims_dir)]
    return curated + [auto_record(check) for check in auto_checks(kb)]


def auto_record(check: AutoCheck) -> dict[str, Any]:
    """An automatic derivation with the same fields; it has no expected verdict."""
    v = check.verdict
    return {
        "id": check.id,
        "title": check.title,
        "kind": "auto",
        "inputs": check.inputs,
        "expression": check.expression,
        "result": _interval(v.result, v.result_nominal, v.unit),
        "compared": _interval(v.compared, v.compared_nominal, v.unit),
        "verdict": v.kind,
        "factor": _number(v.factor),
        "assumption": None,
        "reason": v.reason,
        "expected": None,
        "status": "auto",
        "where": None,
    }


def _number(x: float | None) -> float | None:
    return None if x is None or not math.isfinite(x) else x


def _interval(interval: Interval | None, nominal: float | None, unit: str) -> dict[str, Any]:
    return {
        "value": _number(nominal),
        "low": _number(interval.lo) if interval else None,
        "high": _number(interval.hi) if interval else None,
        "unit": unit,
    }


def outcome_record(outcome: Outcome) -> dict[str, Any]:
    """One outcome with the fields of ``claimkb check --format json``."""
    d, v = outcome.derivation, outcome.verdict
    inputs = {
        name: spec.claim or spec.reference or f"derivation:{spec.derivation}"
        for name, spec in d.inputs.items()
    }
    assumption = None
    if v.assumption is not None:
        a = v.assumption
        assumption = {
            "name": a.name,
            "value": a.value,
            "low": a.low,
            "high": a.high,
            "unit": a.unit,
        }
    return {
        "id": d.id,
        "title": d.title,
        "kind": "curated",
        "inputs": inputs,
        "expression": d.expression,
        "compare": d.compare,
        "result": _interval(v.result, v.result_nominal, v.unit),
        "compared": _interval(v.compared, v.compared_nominal, v.unit),
        "verdict": v.kind,
        "factor": _number(v.factor),
        "assumption": assumption,
        "reason": v.reason,
        "expected": d.expected,
        "status": outcome.status,
        "where": outcome.where,
        "steps": [step.record() for step in outcome.steps],
    }


def _short(x: float | None) -> str:
    return "-" if x is None or not math.isfinite(x) else f"{x:.4g}"


def _cell(part: dict[str, Any]) -> str:
    low, high = _short(part["low"]), _short(part["high"])
    return f"{_short(part['value'])} [{low}, {high}] {part['unit']}"


def outcome_table(records: list[dict[str, Any]]) -> str:
    """A plain-text table: id, inputs, result, compared, verdict, expected, status."""
    rows = [("id", "inputs", "result", "compared", "verdict", "expected", "status")]
    for r in records:
        res, cmp = r["result"], r["compared"]
        rows.append(
            (
                r["id"],
                ", ".join(sorted(r["inputs"])),
                _cell(res),
                _cell(cmp),
                r["verdict"],
                r["expected"] or "-",
                r["status"],
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])
