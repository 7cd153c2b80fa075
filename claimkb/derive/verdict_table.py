"""The tables of verdicts and ratings.

A *verdict* belongs to a check: its rank, the label readers see, the colours and symbol
the claim graph draws it with. RDF (``ckb:verdict``), the site and the graph (box colours,
symbols, the legend) read ``VERDICTS``, so a verdict is renamed or recoloured in one place.

A *rating* belongs to a claim, and names its speaker: it sums up the checks of that
speaker's own figures (``derive.ratings``), grading an inconsistent one by how far off it is
(``derive.closeness``). ``RATINGS`` gives each its label and its schema.org ``ratingValue``;
a claim no such check reached a verdict on has no rating at all, and no ClaimReview.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimkb.core.models import RatingName
from claimkb.derive.verdict import VerdictKind


@dataclass(frozen=True)
class VerdictInfo:
    """One verdict and how every output shows it."""

    name: VerdictKind
    rank: int
    """The order of verdicts where several are summed up: the lowest rank present wins (a
    check that cannot tell does not outweigh one that can)."""
    label: str
    """What a reader sees as the check's verdict."""
    colour: str
    """Line and border colour in the claim graph."""
    tint: str
    """Box fill in the claim graph."""
    symbol: str
    """Shown before a derivation's name, so the verdict does not rest on colour alone."""


#: The verdicts of checks, in the order the graph's legend shows them.
VERDICTS: tuple[VerdictInfo, ...] = (
    VerdictInfo("consistent", 2, "Consistent", "#2e7d32", "#e8f5e9", "✓"),
    VerdictInfo("inconsistent", 1, "Inconsistent", "#c62828", "#ffebee", "✗"),
    VerdictInfo("implies", 3, "Implies a further figure", "#1565c0", "#e3f2fd", "⇒"),
    VerdictInfo(
        "unverifiable", 4, "Cannot be checked with the figures at hand", "#616161", "#eeeeee", "?"
    ),
)
_BY_NAME: dict[str, VerdictInfo] = {v.name: v for v in VERDICTS}


def verdict_info(name: VerdictKind) -> VerdictInfo:
    """The table's row for the verdict ``name``."""
    return _BY_NAME[name]


@dataclass(frozen=True)
class RatingInfo:
    """One rating a claim can get from the checks of its speaker's own figures, and how
    readers and schema.org see it."""

    name: RatingName
    rank: int
    """The rating of lowest rank among a claim's checks is the claim's."""
    label: str
    rating: int
    """schema.org ``ratingValue``: ``WORST_RATING`` to ``BEST_RATING``."""


#: The ratings of claims, worst first. A check between two speakers' figures gives none
#: (``derive.ratings``); a check that cannot tell gives none either.
RATINGS: tuple[RatingInfo, ...] = (
    RatingInfo("inconsistent", 1, "Inconsistent: off by more than 1.5 times", 1),
    RatingInfo("close", 2, "Off, but by less than 1.5 times", 2),
    RatingInfo("implies", 3, "Holds only under a further assumption", 3),
    RatingInfo("within precision", 4, "Differs only within the rounding of the figures", 4),
    RatingInfo("consistent", 5, "Consistent with the figures it was checked against", 5),
)
_RATINGS: dict[str, RatingInfo] = {r.name: r for r in RATINGS}
WORST_RATING = min(r.rating for r in RATINGS)
BEST_RATING = max(r.rating for r in RATINGS)


def rating_info(name: RatingName) -> RatingInfo:
    """The table's row for the claim rating ``name``."""
    return _RATINGS[name]


def worst(names: Iterable[RatingName]) -> RatingInfo | None:
    """The rating of lowest rank among ``names``; ``None`` when there is none."""
    return min((_RATINGS[n] for n in set(names)), key=lambda r: r.rank, default=None)
