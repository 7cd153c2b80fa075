"""The one table of verdicts: for each, its rank, the label readers see, the colours and
symbol the claim graph draws it with, and the schema.org rating value it gets.

RDF (``ckb:verdict``, the ``schema:Rating`` of a review), the site (a claim's rating) and
the graph (box colours, symbols, the legend) all read this table, so a verdict is renamed,
recoloured or re-rated in one place.

``unchecked`` is not a verdict of a check but what a claim gets that no check uses; it has a
row so a claim's rating is always one of the table's names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from claimkb.derive.verdict import VerdictKind

RatingName = Literal["consistent", "inconsistent", "implies", "unverifiable", "unchecked"]


@dataclass(frozen=True)
class VerdictInfo:
    """One verdict and how every output shows it."""

    name: RatingName
    rank: int
    """Which verdict decides a claim's rating when it takes part in several checks: the
    lowest rank present wins (a check that cannot tell does not outweigh one that can)."""
    label: str
    """What a reader sees as the claim's rating."""
    colour: str
    """Line and border colour in the claim graph."""
    tint: str
    """Box fill in the claim graph."""
    symbol: str
    """Shown before a derivation's name, so the verdict does not rest on colour alone."""
    rating: int
    """schema.org ``ratingValue``: 1 worst to 4 best."""


#: The verdicts of checks, in the order the graph's legend shows them.
VERDICTS: tuple[VerdictInfo, ...] = (
    VerdictInfo("consistent", 2, "Consistent with other figures", "#2e7d32", "#e8f5e9", "✓", 4),
    VerdictInfo("inconsistent", 1, "Inconsistent with other figures", "#c62828", "#ffebee", "✗", 1),
    VerdictInfo("implies", 3, "Implies a further figure", "#1565c0", "#e3f2fd", "⇒", 3),
    VerdictInfo(
        "unverifiable",
        4,
        "Cannot be checked with the figures at hand",
        "#616161",
        "#eeeeee",
        "?",
        2,
    ),
)
#: A claim no check uses.
UNCHECKED = VerdictInfo(
    "unchecked", 5, "Not checked against other figures", "#616161", "#eeeeee", "–", 2
)

_BY_NAME: dict[str, VerdictInfo] = {v.name: v for v in (*VERDICTS, UNCHECKED)}
WORST_RATING = min(v.rating for v in _BY_NAME.values())
BEST_RATING = max(v.rating for v in _BY_NAME.values())


def verdict_info(name: VerdictKind | RatingName) -> VerdictInfo:
    """The table's row for ``name`` (a verdict, or ``unchecked``)."""
    return _BY_NAME[name]


def claim_rating(verdicts: Iterable[VerdictKind]) -> VerdictInfo:
    """One rating for a claim from the verdicts of the checks it takes part in: the verdict
    of lowest rank (inconsistent if any check finds it so, else consistent, else implies,
    else unverifiable); ``unchecked`` when there are none."""
    return min((verdict_info(v) for v in set(verdicts)), key=lambda v: v.rank, default=UNCHECKED)
