"""Whose figures a check rests on, and so whom its verdict may rate.

A published rating names a person, so it may only come from a check of that person's own
figure. Each check record gets:

``speakers``
    for each input, the speakers whose stated figures it carries (a reference fact carries
    none; another derivation's result carries the speakers of every claim it rests on);
``claims``
    every claim the check rests on, through the derivations it uses;
``scope``
    ``own`` when every claim is by one speaker — the check tests that speaker's figures
    against reference facts, against each other, or against arithmetic the speaker stated;
    ``between`` when the claims are by several speakers — a comparison that says how far
    apart their figures are and rates none of them (Musk's "10.000 Starts im Jahr" against
    Dwarkesh Patel's "one launch every hour": which of them is wrong, the check cannot
    tell); ``facts`` when it uses reference facts only;
``precision`` and ``grade``
    the rounding each side may take and how close the sides are (``derive.closeness``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from claimkb.core.models import Claim
from claimkb.derive.closeness import closeness, stated_rounding
from claimkb.derive.errors import CalcError
from claimkb.derive.expr import names, parse
from claimkb.derive.interval import Interval

if TYPE_CHECKING:  # records build on this module; it reads their fields only
    from claimkb.derive.records import CheckRecord, IntervalRecord

Scope = Literal["own", "between", "facts"]

DERIVATION_PREFIX = "derivation:"
#: How an automatic comparison writes its two sides in ``expression``.
VERSUS = " vs "


def _expression_names(text: str | None) -> set[str]:
    if not text:
        return set()
    try:
        return names(parse(text))
    except CalcError:
        return set()


def sides(record: CheckRecord) -> tuple[list[str], list[str]]:
    """The input names on the result side and on the compared side of a check: the names
    its expression and its ``compare`` use; an automatic comparison ``first vs second`` has
    one input on each side; a check without a compared side (an implied ratio) compares its
    result with itself."""
    inputs = set(record.inputs)
    if record.compare is not None:
        result = _expression_names(record.expression) & inputs
        compared = _expression_names(record.compare) & inputs
    elif VERSUS in record.expression:
        first, _, second = record.expression.partition(VERSUS)
        result, compared = {first.strip()} & inputs, {second.strip()} & inputs
    else:
        result = compared = _expression_names(record.expression) & inputs
    return sorted(result), sorted(compared)


class _Resolver:
    """The claims behind an input: a claim itself, the claims of a derivation or automatic
    ratio it names (through its result side), none for a reference fact."""

    def __init__(self, records: Iterable[CheckRecord], claims: Mapping[str, Claim]) -> None:
        self.records = {record.id: record for record in records}
        self.claims = claims
        self.memo: dict[str, frozenset[str]] = {}

    def claims_of(self, target: str) -> frozenset[str]:
        if target in self.claims:
            return frozenset({target})
        key = target.removeprefix(DERIVATION_PREFIX)
        record = self.records.get(key)
        if record is None:
            return frozenset()
        if key not in self.memo:
            self.memo[key] = frozenset()  # derivations form no cycle; this guards anyway
            result, _ = sides(record)
            self.memo[key] = frozenset().union(
                *(self.claims_of(record.inputs[name]) for name in result)
            )
        return self.memo[key]


def _interval(part: IntervalRecord) -> Interval | None:
    low = -math.inf if part.low is None else part.low
    high = math.inf if part.high is None else part.high
    return Interval(low, high) if low <= high else None


def attribution(records: list[CheckRecord], claims: Mapping[str, Claim]) -> list[dict[str, Any]]:
    """For each of ``records``, its speakers, claims, scope, precision (the rounding each
    side may take) and grade, as the fields to update."""
    resolver = _Resolver(records, claims)
    done = []
    for record in records:
        behind = {name: resolver.claims_of(target) for name, target in record.inputs.items()}
        speakers = {
            name: sorted({claims[c].speaker for c in found}) for name, found in behind.items()
        }
        everyone = {s for found in speakers.values() for s in found}
        scope: Scope = "facts" if not everyone else "own" if len(everyone) == 1 else "between"
        result_side, compared_side = sides(record)
        allowance = tuple(
            max(
                (stated_rounding(claims[c].quantity) for n in side for c in behind[n]),
                default=0.0,
            )
            for side in (result_side, compared_side)
        )
        result, compared = _interval(record.result), _interval(record.compared)
        grade = None
        if result is not None and compared is not None and record.assumption is None:
            grade = closeness(
                record.verdict, result, compared, record.factor, (allowance[0], allowance[1])
            )
        done.append(
            {
                "speakers": speakers,
                "claims": tuple(sorted(set().union(*behind.values()))),
                "scope": scope,
                "precision": {"result": allowance[0], "compared": allowance[1]},
                "grade": grade,
            }
        )
    return done
