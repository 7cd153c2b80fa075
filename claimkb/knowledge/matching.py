"""Same-claim links: claims in different sentences (or sources, or languages) that state the
same quantity about the same thing.

Two claims are the same claim when all of these hold:

1. they share at least one entity (what they are about);
2. their quantities have the same dimension after normalising units with pint (GW and MW
   compare; dollars and euros never do), the same rate (``per``) and the same counted noun,
   or one of them names none;
3. their intervals are compatible: two point values differ by at most the matching
   tolerance — 1 % for exact values, 25 % when either is hedged; ranges and vague quantities
   overlap; a bound holds for the other value and lies within a factor of 2 of it ("über
   10" and "12" agree, "weniger als 6 Millionen" and "60.000" are different figures);
   a counted noun named on one side only is accepted between two plain point values;
4. for dates, the ISO ``time`` strings are equal and so are the bounds.

Claims are never linked by their wording. Links are undirected; clusters are the connected
components of the link graph. The RDF states each cluster once (every member points to one
cluster node) and only the links of a spanning tree of it (:func:`spanning_links`): a figure
written in words ("zwei", "hundert") is the same claim in every copy of a text, and a cluster
of n such claims has n(n - 1)/2 links but needs only n - 1 to be connected.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import networkx as nx

from claimkb.core.models import Claim, Quantity
from claimkb.core.units import parse_unit, registry

EXACT_TOLERANCE = 0.01
HEDGED_TOLERANCE = 0.25
#: A bound and a value are one figure only when they are this close ("über 10" and "12").
BOUND_FACTOR = 2.0
#: Counted nouns that name the same people or things.
SYNONYMS = {"person": "person", "patient": "person", "user": "person", "people": "person"}


@dataclass(frozen=True)
class Normalised:
    """A quantity in base units: an interval [low, high] and its dimension."""

    dimension: str
    value: float
    low: float
    high: float
    exact_point: bool
    approx: bool


@cache
def normalise(quantity: Quantity) -> Normalised | None:
    """The quantity in pint base units, or None for dates (compared by their ``time``)."""
    if quantity.unit == "date":
        return None
    unit = parse_unit(quantity.unit)
    factor = registry().Quantity(1.0, unit).to_base_units()
    scale, dimension = float(factor.magnitude), str(factor.units)

    def base(x: float | None, default: float) -> float:
        return default if x is None else x * scale

    point = quantity.low is None and quantity.high is None
    low = base(quantity.low, -math.inf if not point else quantity.value * scale)
    high = base(quantity.high, math.inf if not point else quantity.value * scale)
    return Normalised(dimension, quantity.value * scale, low, high, point, quantity.approx)


def _compatible_intervals(a: Normalised, b: Normalised) -> bool:
    if a.exact_point and b.exact_point:
        tolerance = HEDGED_TOLERANCE if (a.approx or b.approx) else EXACT_TOLERANCE
        scale = max(abs(a.value), abs(b.value)) or 1.0
        return abs(a.value - b.value) <= tolerance * scale
    if not (a.low <= b.high and b.low <= a.high):
        return False
    for bound, other in ((a, b), (b, a)):
        if math.isinf(bound.low) or math.isinf(bound.high):
            # "über 10" and "12" are one figure; "weniger als 6 Millionen" and "60.000" are
            # not, though 60,000 is less: the other value must be near the bound.
            edge = bound.high if math.isinf(bound.low) else bound.low
            nearest = min((other.low, other.high), key=lambda x: abs(x - edge))
            if not math.isfinite(nearest) or not _within(nearest, edge, BOUND_FACTOR):
                return False
    return True


def _within(x: float, y: float, factor: float) -> bool:
    if x == 0 or y == 0 or (x < 0) != (y < 0):
        return x == y
    return max(abs(x), abs(y)) / min(abs(x), abs(y)) <= factor


def _counted(claim: Claim) -> str | None:
    counted = claim.quantity.counted
    return SYNONYMS.get(counted, counted) if counted else None


def _is_plain(quantity: Quantity) -> bool:
    return quantity.low is None and quantity.high is None


def same_claim(a: Claim, b: Claim, entities_a: set[str], entities_b: set[str]) -> bool:
    """True when ``a`` and ``b`` state the same quantity about the same thing."""
    if not entities_a & entities_b or (a.quote == b.quote and a.source == b.source):
        return False
    qa, qb = a.quantity, b.quantity
    if qa.per != qb.per or qa.kind != qb.kind:
        return False
    # a counted noun named on one side only is a wildcard between two plain point values
    counted_a, counted_b = _counted(a), _counted(b)
    if counted_a != counted_b:
        one_sided = not (counted_a and counted_b) and _is_plain(qa) and _is_plain(qb)
        if not one_sided:
            return False
    if qa.unit == "date" or qb.unit == "date":
        return qa.time == qb.time and qa.bound == qb.bound
    na, nb = normalise(qa), normalise(qb)
    if na is None or nb is None or na.dimension != nb.dimension:
        return False
    return _compatible_intervals(na, nb)


def same_claim_links(
    claims: Sequence[Claim], entities: dict[str, list[str]]
) -> list[tuple[str, str]]:
    """Every pair of claim ids that are the same claim, sorted.

    Only candidates are put to :func:`same_claim`, and found through an index rather than by
    trying every pair: claims are grouped by entity, kind, rate and dimension (dates by their
    time and bound), and within a group sorted by the interval of values a partner could
    have (:func:`reach`); a sweep over that order pairs only claims whose reaches overlap.
    Every linked pair is a candidate, so the links are those of the rule applied to all
    pairs; the work grows with the number of claims and of near pairs, not with the square
    of a group."""
    groups: dict[tuple[object, ...], list[tuple[float, float, Claim]]] = {}
    for claim in claims:
        quantity = claim.quantity
        if quantity.unit == "date":
            kind: tuple[object, ...] = ("date", quantity.time, quantity.bound)
            low, high = 0.0, 0.0
        else:
            normalised = normalise(quantity)
            assert normalised is not None
            kind = ("value", normalised.dimension)
            low, high = reach(normalised)
        for entity in entities.get(claim.id, []):
            key = (entity, quantity.kind, quantity.per, *kind)
            groups.setdefault(key, []).append((low, high, claim))
    about = {claim.id: set(entities.get(claim.id, [])) for claim in claims}
    links: set[tuple[str, str]] = set()
    for group in groups.values():
        group.sort(key=lambda item: (item[0], item[2].id))
        for i, (_, high, a) in enumerate(group):
            for j in range(i + 1, len(group)):
                low_b, _, b = group[j]
                if low_b > high:
                    break  # sorted by low: no later claim can reach this one
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if pair not in links and same_claim(a, b, about[a.id], about[b.id]):
                    links.add(pair)
    return sorted(links)


#: Two point values are the same figure within this share of either one: the widest
#: tolerance t, as t / (1 - t), since it is measured from the larger of the two.
_POINT_REACH = HEDGED_TOLERANCE / (1 - HEDGED_TOLERANCE)


def reach(n: Normalised) -> tuple[float, float]:
    """An interval that meets the reach of every quantity :func:`same_claim` could link
    ``n`` to (of the same dimension): for a point value v, v ± v/3 (two points within 25 %
    of the larger are within a third of each); for a range, the range, which the other must
    overlap; for a bound x with a positive edge, [x, 2x] ("über x") or [x/2, x] ("unter x"):
    the other must overlap the open interval and have an end within a factor of 2 of x."""
    if n.exact_point:
        margin = abs(n.value) * _POINT_REACH
        return n.value - margin, n.value + margin
    low, high = n.low, n.high
    if math.isinf(high) and math.isfinite(low) and low > 0:
        return low, low * BOUND_FACTOR
    if math.isinf(low) and math.isfinite(high) and high > 0:
        return high / BOUND_FACTOR, high
    return low, high


def spanning_links(links: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The links, taken in sorted order, that join two claims not yet connected by the links
    taken before: a spanning tree of each cluster (n - 1 links for n claims), sorted. Every
    one is a link by the rule, and they connect exactly the clusters all the links do."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    tree = []
    for a, b in sorted(links):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            tree.append((a, b))
    return tree


def clusters(links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of the links, each sorted, largest first then by first id."""
    graph: nx.Graph[str] = nx.Graph()
    graph.add_edges_from(links)
    groups = [sorted(component) for component in nx.connected_components(graph)]
    return sorted(groups, key=lambda group: (-len(group), group[0]))
