"""Derivations found automatically in the knowledge base.

Three kinds, each evaluated by the same engine as the hand-written ones:

``ratio``
    an equation stated in one sentence ("100 GW = 10.000 Starship-Starts", "«каждые 110 000
    GB300» … требуют «примерно 300 мегаватт»") yields the implied ratio — a measure per
    counted thing — as a derived claim: 10 MW per launch. A sentence is an equation when it
    holds an equation marker (``=``, entspricht, соответствовать, требуют, need, equals, …)
    and a count stands right next to a measure.
``same-ratio``
    two ratios of the same measure per the same counted thing (power per GB300, power per
    launch) are compared: do they agree?
``cluster``
    the claims of one same-claim cluster are compared pairwise for agreement ("über 10" and
    "12" Neuralink patients).

Auto derivations carry no expected verdict; ``claimkb check`` reports them and never fails
on them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations, pairwise

from kb.evaluate import evaluate
from kb.expr import parse
from kb.knowledge import KnowledgeBase
from kb.models import Claim
from kb.stated import value_of_claim
from kb.units import registry
from kb.value import Value
from kb.verdict import Verdict, compare

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
        for a, b in combinations(same, 2):
            check_id = auto_id("same-ratio", a.id, b.id)
            yield AutoCheck(
                check_id,
                "same-ratio",
                f"two statements of {a.measure.quantity.unit} per {per} agree?",
                {"first": a.id, "second": b.id},
                "first vs second",
                compare(check_id, a.value, b.value, report_unit=readable_unit(a.value)),
            )


def _cluster_checks(kb: KnowledgeBase) -> Iterator[AutoCheck]:
    by_id = kb.claims_by_id
    for group in kb.clusters:
        for a, b in combinations(group, 2):
            first, second = by_id[a], by_id[b]
            if first.quantity.unit == "date" or second.quantity.unit == "date":
                continue
            check_id = auto_id("cluster", a, b)
            one, other = value_of_claim(first), value_of_claim(second)
            if _width(one) > _width(other):  # the more precise figure is checked against
                one, other = other, one  # the wider one: "12" against "über 10"
            yield AutoCheck(
                check_id,
                "cluster",
                f"{first.surface!r} and {second.surface!r} state the same figure",
                {"first": a, "second": b},
                "first vs second",
                compare(check_id, one, other),
            )


def _width(value: Value) -> float:
    return value.interval.hi - value.interval.lo


def auto_checks(kb: KnowledgeBase) -> list[AutoCheck]:
    """Every automatic derivation of the knowledge base, in a stable order."""
    return [*_ratio_checks(ratios(kb)), *_cluster_checks(kb)]
