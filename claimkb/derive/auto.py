"""Derivations found automatically in the knowledge base.

Two kinds, each evaluated by the same engine as the hand-written ones:

``ratio``
    an equation stated in one sentence ("100 GW = 10.000 Starship-Starts", "«каждые 110 000
    GB300» … требуют «примерно 300 мегаватт»") yields the implied ratio — a measure per
    counted thing — as a derived claim: 10 MW per launch. A sentence is an equation when it
    holds an equation marker (``=``, entspricht, соответствовать, требуют, need, equals, …)
    and a count stands right next to a measure.
``same-ratio``
    ratios of the same measure per the same counted thing (power per GB300, power per
    launch) are compared: do they agree? Each is compared with the most precise of them.

Comparing every member with one anchor, not every pair, keeps the checks linear in the size
of a group: a group of n gives n - 1 checks, not n(n - 1)/2. If every member agrees with the
most precise figure, they agree with each other for all a reader needs: two intervals that
each contain or touch the narrowest one cannot be far apart.

The members of a same-claim cluster are not compared here: a same-claim link joins only
figures that agree, so such a check could only ever say "consistent". Figures of one
quantity that differ are what drift reports (``claimkb.derive.drift``).

Auto derivations carry no expected verdict; ``claimkb check`` reports them and never fails
on them.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from claimkb.core.models import Claim
from claimkb.core.units import registry
from claimkb.derive.evaluate import evaluate
from claimkb.derive.expr import parse
from claimkb.derive.stated import value_of_claim
from claimkb.derive.value import Value
from claimkb.derive.verdict import Verdict, compare
from claimkb.knowledge.knowledge import KnowledgeBase

EQUATION_MARKERS = re.compile(
    r"=|\bentspricht\b|\bentsprechen\b|\bergeben\b|\bbrauchen\b|\bbenötigen\b|соответств\w+|"
    r"требу\w+|\bequals?\b|\bneeds?\b|\brequires?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Ratio:
    """A measure per counted thing implied by one sentence."""

    id: str
    measure: Claim
    count: Claim
    value: Value

    @property
    def per(self) -> str:
        return self.count.quantity.counted or "item"


@dataclass(frozen=True)
class AutoCheck:
    """One automatic derivation and its verdict."""

    id: str
    kind: str
    title: str
    inputs: dict[str, str]
    expression: str
    verdict: Verdict


def auto_id(kind: str, *inputs: str) -> str:
    """A short stable id from the kind and the input ids: ``auto-ratio-1a2b3c4d``."""
    digest = hashlib.blake2b("\x1f".join(inputs).encode("utf-8"), digest_size=4).hexdigest()
    return f"auto-{kind}-{digest}"


def _by_sentence(kb: KnowledgeBase) -> dict[tuple[str, str], list[Claim]]:
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in kb.claims:
        groups.setdefault((claim.source, claim.quote), []).append(claim)
    return groups


def _is_count(claim: Claim) -> bool:
    return claim.quantity.kind == "count" and claim.quantity.counted is not None


def _is_measure(claim: Claim) -> bool:
    return claim.quantity.kind == "measure" and claim.quantity.per is None


def ratios(kb: KnowledgeBase) -> list[Ratio]:
    """Every measure-per-count ratio stated as an equation in one sentence."""
    found = []
    for (_, sentence), claims in sorted(_by_sentence(kb).items()):
        if not EQUATION_MARKERS.search(sentence):
            continue
        ordered = sorted(claims, key=lambda c: c.start)
        used: set[str] = set()
        for a, b in pairwise(ordered):
            if a.id in used or b.id in used:
                continue
            pair = (a, b) if _is_measure(a) and _is_count(b) else (b, a)
            measure, count = pair
            if not (_is_measure(measure) and _is_count(count)):
                continue
            used |= {a.id, b.id}
            inputs = {"measure": value_of_claim(measure), "count": value_of_claim(count)}
            value = evaluate(parse("measure / count"), inputs, derivation="ratio")
            found.append(Ratio(auto_id("ratio", measure.id, count.id), measure, count, value))
    return found


def readable_unit(value: Value) -> str:
    """A unit with an SI prefix that puts the stated value between 1 and 1000 ("MW", not
    "0.01 GW")."""
    magnitude = value.nominal if value.nominal is not None else value.interval.hi
    quantity = registry().Quantity(magnitude, value.unit).to_compact()
    return f"{quantity.units:~}"


def _ratio_checks(found: list[Ratio]) -> Iterator[AutoCheck]:
    for ratio in found:
        verdict = compare(
            ratio.id, ratio.value, ratio.value, report_unit=readable_unit(ratio.value)
        )
        yield AutoCheck(
            ratio.id,
            "ratio",
            f"{ratio.measure.surface} for {ratio.count.surface} {ratio.per}: the implied "
            f"{ratio.measure.quantity.unit} per {ratio.per}",
            {"measure": ratio.measure.id, "count": ratio.count.id},
            "measure / count",
            verdict,
        )
    groups: dict[tuple[str, str], list[Ratio]] = {}
    for ratio in found:
        dimension = str(ratio.value.unit.dimensionality)
        groups.setdefault((dimension, ratio.per), []).append(ratio)
    for (_, per), same in sorted(groups.items()):
        for a, b in _star(same, [ratio.value for ratio in same]):
            check_id = auto_id("same-ratio", a.id, b.id)
            yield AutoCheck(
                check_id,
                "same-ratio",
                f"two statements of {a.measure.quantity.unit} per {per} agree?",
                {"first": a.id, "second": b.id},
                "first vs second",
                compare(check_id, a.value, b.value, report_unit=readable_unit(a.value)),
            )


T = TypeVar("T")


def _star(group: Sequence[T], values: Sequence[Value]) -> Iterator[tuple[T, T]]:
    """The pairs (in the group's order) of the group's most precise member, the anchor, with
    each other member: the one whose value (``values``, one per member) has the smallest
    relative width, the first of equals."""
    if len(group) < 2:
        return
    anchor = min(range(len(group)), key=lambda i: (_relative_width(values[i]), i))
    for i in range(len(group)):
        if i != anchor:
            yield (group[min(i, anchor)], group[max(i, anchor)])


def _relative_width(value: Value) -> float:
    """The width of the interval as a share of its largest magnitude: 0 for a point, 1 for
    "0 to x", infinite for a bound; the same in any unit of the dimension."""
    lo, hi = value.interval.lo, value.interval.hi
    scale = max(abs(lo), abs(hi))
    if not math.isfinite(scale):
        return math.inf
    return (hi - lo) / scale if scale else 0.0


def auto_checks(kb: KnowledgeBase) -> list[AutoCheck]:
    """Every automatic derivation of the knowledge base, in a stable order."""
    return list(_ratio_checks(ratios(kb)))
