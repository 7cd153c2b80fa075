"""Claims' ratings, fair to the person they name.

A claim's rating comes only from checks of its speaker's own figures (``scope`` ``own``,
see ``derive.attribution``): against reference facts, against the same speaker's other
figures, or against arithmetic the speaker stated. Of those, a check that compares a figure
with itself (an implied ratio, which restates what one sentence says) tests nothing and
rates nothing, and a check that cannot tell (``unverifiable``) rates nothing either.

A check rates the claims it takes as inputs. One that builds on another derivation's
result ("a terawatt a year at the 10 MW per launch of '100 GW = 10.000 Starts'") rests on
that derivation's claims too, but rates only the claims it adds: the derivation it builds
on has a check of its own, and a figure that agrees with everything it was stated with is
not made wrong by a later figure that does not fit the pair.

An inconsistent check is graded (``derive.closeness``): within the rounding of the figures
it is no error, less than 1.5 times off it is ``close``, beyond that ``inconsistent``. The
claim's rating is the worst its checks give.

A check between the figures of several speakers rates none of them: on each claim it is a
*comparison* — "differs from Dwarkesh Patel's figure by 1.14 times, within the rounding of
the figures". The same holds for a paraphrase: when a writer restates a speaker's figure
and the two differ, the comparison shows how far the restatement drifted; it says nothing
about who was wrong, and it is no verdict on the speaker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from claimkb.core.models import Claim, DatedRating, RatingName
from claimkb.derive.attribution import sides
from claimkb.derive.closeness import Grade
from claimkb.derive.records import CheckRecord
from claimkb.derive.verdict import VerdictKind
from claimkb.derive.verdict_table import rating_info, worst


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ClaimRating(_Frozen):
    """A claim's rating, the checks that decide it, and the day it was first reached."""

    claim: str
    speaker: str
    rating: RatingName
    label: str
    checks: tuple[str, ...]
    """Every check of the speaker's own figures that reached a verdict on the claim."""
    deciding: tuple[str, ...]
    """Those of them whose rating is the claim's."""
    since: dt.date | None = None


class Comparison(_Frozen):
    """How far a claim lies from other speakers' figures in one check; it rates nobody."""

    claim: str
    check: str
    others: tuple[str, ...]
    """The other speakers whose figures the check compares with this claim's."""
    verdict: VerdictKind
    grade: Grade | None
    factor: float | None
    """How many times apart the stated values are (1 or more), where known."""


def check_rating(record: CheckRecord) -> RatingName | None:
    """The rating one check gives the claims it rests on, or ``None`` (module docstring)."""
    if record.scope != "own":
        return None
    result, compared = sides(record)
    if result == compared:
        return None
    if record.verdict == "inconsistent":
        if record.grade == "within precision":
            return "within precision"
        return "close" if record.grade == "close" else "inconsistent"
    if record.verdict in ("consistent", "implies"):
        return record.verdict
    return None


def claim_ratings(
    records: Iterable[CheckRecord], claims: Mapping[str, Claim]
) -> dict[str, ClaimRating]:
    """Every rated claim's rating, by claim id."""
    given: dict[str, list[tuple[RatingName, str]]] = {}
    for record in records:
        rating = check_rating(record)
        if rating is None:
            continue
        for claim_id in sorted({t for t in record.inputs.values() if t in claims}):
            given.setdefault(claim_id, []).append((rating, record.id))
    rated = {}
    for claim_id, found in sorted(given.items()):
        info = worst(name for name, _ in found)
        assert info is not None  # found is never empty
        rated[claim_id] = ClaimRating(
            claim=claim_id,
            speaker=claims[claim_id].speaker,
            rating=info.name,
            label=info.label,
            checks=tuple(sorted({check for _, check in found})),
            deciding=tuple(sorted({check for name, check in found if name == info.name})),
        )
    return rated


def comparisons(
    records: Iterable[CheckRecord], claims: Mapping[str, Claim]
) -> dict[str, list[Comparison]]:
    """For each claim, the checks that set it against other speakers' figures."""
    found: dict[str, list[Comparison]] = {}
    for record in records:
        if record.scope != "between":
            continue
        speakers = {claims[c].speaker for c in record.claims}
        factor = record.factor
        apart = max(factor, 1 / factor) if factor else None
        for claim_id in record.claims:
            own = claims[claim_id].speaker
            found.setdefault(claim_id, []).append(
                Comparison(
                    claim=claim_id,
                    check=record.id,
                    others=tuple(sorted(speakers - {own})),
                    verdict=record.verdict,
                    grade=record.grade,
                    factor=apart,
                )
            )
    return found


def dated(
    ratings: Mapping[str, ClaimRating], before: Mapping[str, DatedRating], today: dt.date
) -> dict[str, ClaimRating]:
    """``ratings`` with the day each was first reached: the day kept from ``before`` while
    the rating is the same, else ``today``."""
    result = {}
    for claim_id, rating in ratings.items():
        kept = before.get(claim_id)
        since = kept.since if kept is not None and kept.rating == rating.rating else today
        result[claim_id] = rating.model_copy(update={"since": since})
    return result


def dated_ratings(ratings: Mapping[str, ClaimRating]) -> list[DatedRating]:
    """The records of ``claims/ratings.yaml`` for ``ratings`` (each must carry its day)."""
    return [
        DatedRating(claim=r.claim, rating=r.rating, since=r.since)
        for r in ratings.values()
        if r.since is not None
    ]


def rating_value(rating: ClaimRating) -> int:
    """The schema.org ``ratingValue`` of a claim's rating."""
    return rating_info(rating.rating).rating


@dataclass(frozen=True)
class Assessment:
    """Every check with its verdict, every rated claim with the day its rating was first
    reached, and every claim's comparisons with other speakers' figures: what the exports
    and pages say about people, computed once."""

    records: list[CheckRecord]
    ratings: dict[str, ClaimRating]
    comparisons: dict[str, list[Comparison]]


def assess(
    records: list[CheckRecord],
    claims: Mapping[str, Claim],
    before: Mapping[str, DatedRating],
    today: dt.date,
) -> Assessment:
    """The assessment of ``records``; a rating already in ``before`` keeps its day."""
    return Assessment(
        records=records,
        ratings=dated(claim_ratings(records, claims), before, today),
        comparisons=comparisons(records, claims),
    )
