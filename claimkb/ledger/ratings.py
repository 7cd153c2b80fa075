"""``claims/ratings.yaml``: the day each claim's rating was first reached.

A published ClaimReview carries the date of its verdict. The build date would change it
every day; the date the rating was first reached does not, as long as the rating holds.
So the build keeps this file beside the rest of the ledger — machine-written, committed,
byte-identical while the ratings stay — and a rating that changes gets the day it changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from claimkb.core.models import DatedRating, RatingsFile
from claimkb.core.yamlio import dump_yaml
from claimkb.ledger.ledger import located_records

RATINGS_FILE = "ratings.yaml"


def ratings_path(claims_dir: Path) -> Path:
    return claims_dir / RATINGS_FILE


def load_ratings(claims_dir: Path) -> dict[str, DatedRating]:
    """The dated ratings of the last build, by claim id; none when the file is absent."""
    path = ratings_path(claims_dir)
    if not path.is_file():
        return {}
    return {
        located.record.claim: located.record
        for located in located_records(path, "ratings", RatingsFile)
    }


def ratings_text(ratings: Iterable[DatedRating]) -> str:
    """The file's text, sorted by claim id, the same bytes for the same ratings."""
    listed = RatingsFile(ratings=sorted(ratings, key=lambda r: r.claim))
    header = (
        "# The day each claim's rating was first reached, kept by `claimkb build` so that a\n"
        "# published review keeps its date. Machine-written: do not edit.\n"
    )
    return header + dump_yaml(listed.model_dump(mode="json"))
