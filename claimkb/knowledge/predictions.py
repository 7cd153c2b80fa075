"""Predictions: claims that name a date still ahead when they were said ("bis 2030", "im
ersten Quartal 2026"), or a span of time counted from that day ("innerhalb von drei
Jahren", see ``kb.deadlines``), with when each falls due and whether that day has passed.

Whether a day has passed is judged against a build date the caller passes, never the
clock, so the same inputs give the same pages. Dated claims about a day that had come when
they were said ("am 10. September" in an interview of that day) are kept too, marked as not
looking ahead, so a reader sees every dated claim somewhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimkb.core.models import Claim
from claimkb.core.periods import period
from claimkb.knowledge.deadlines import counts_forward, due_after_span
from claimkb.knowledge.knowledge import KnowledgeBase


@dataclass(frozen=True)
class Prediction:
    """A dated claim or a deadline, when it was said, when it falls due, and its status:
    ``passed``, ``not yet due``, ``open`` (something happens after a date: no day settles
    it) or ``unknown`` (no due date can be told)."""

    claim: Claim
    kind: str  # "date" or "deadline"
    said: dt.date | None
    due: dt.date | None
    status: str
    ahead: bool


def due_date(claim: Claim) -> dt.date | None:
    """When a date claim falls due: the end of its period (an interval's end). A claim that
    something happens *after* a date (bound ``>``/``>=``) is due at that end as well, but
    the date only opens it; see ``status``."""
    time = claim.quantity.time
    if claim.quantity.kind != "date" or not time:
        return None
    return period(time)[1]


def status(due: dt.date | None, bound: str, build_date: dt.date) -> str:
    """``passed`` when the due date lies before the build date, ``not yet due`` otherwise,
    ``open`` for an "after" claim, ``unknown`` without a due date."""
    if due is None:
        return "unknown"
    if bound in (">", ">="):
        return "open"
    return "passed" if due < build_date else "not yet due"


def predictions(kb: KnowledgeBase, build_date: dt.date) -> list[Prediction]:
    """Every dated claim and every deadline of ``kb``, those looking ahead first, each group
    sorted by due date (unknown last), then by claim id. A date claim looks ahead when the
    period it names ends after the day it was said ("bis 2030" said in 2026); a date on or
    before that day ("am 10. September" said on the 10th) is about the past or present."""
    sources = {source.id: source for source in kb.sources}
    found = []
    for claim in kb.claims:
        source = sources.get(claim.source)
        said = source.reference_date if source else None
        text = kb.texts.get(claim.source, "")
        if claim.quantity.kind == "date":
            due = due_date(claim)
            kind, ahead = "date", due is not None and (said is None or due > said)
        elif counts_forward(claim, text):
            kind, due, ahead = "deadline", due_after_span(claim, said), True
        else:
            continue
        state = status(due, claim.quantity.bound, build_date)
        found.append(Prediction(claim, kind, said, due, state, ahead))
    found.sort(key=lambda p: (not p.ahead, p.due or dt.date.max, p.claim.id))
    return found
