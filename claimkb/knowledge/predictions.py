"""Predictions: statements about a future state said before their due date — claims that
name a date still ahead when they were said ("bis 2030", "im ersten Quartal 2026"), or a
span of time counted from that day ("innerhalb von drei Jahren", see ``kb.deadlines``),
in words that look ahead (see ``kb.tense``).

A dated claim is *not* a prediction when its date had come by the day it was said ("am 10.
September" in an interview of that day), or when the clause around it reports the past
("Neuralink hat dieses Jahr … abgeschlossen") or a state that holds now ("die Turbinen sind
bis 2030 ausverkauft"). Those are kept with the reason (``not_predictions``) so that a reader
sees every dated claim somewhere.

The same prediction said more than once by the same speaker — the same due date, the same
quantity (value, range, unit, bound) and the same entities — is one prediction with every
claim that states it, the earliest said first. The reviewed ledger can record what became
of it (``Review.outcome``); the first of its claims that has one gives it.

Whether a due date has passed is judged against a build date the caller passes, never the
clock, so the same inputs give the same pages.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from claimkb.core.models import Claim, Outcome
from claimkb.core.periods import period
from claimkb.knowledge.deadlines import counts_forward, due_after_span
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.knowledge.tense import not_ahead

#: The status of a prediction whose due date lies before the build date.
PASSED = "due date passed"
#: The status of every other prediction: due later, after a date ("über 2030 hinaus"), or
#: with no due date that can be told (a span said on an unknown day).
OPEN = "open"
#: Why a date that had come when it was said is not a prediction.
DATE_HAD_COME = "the date had come when it was said"


@dataclass(frozen=True)
class Prediction:
    """One prediction: the claims that state it (the earliest said first), its kind
    (``date`` or ``deadline``), when it was first said, when it falls due, whether it is
    about what happens *after* that date, and its recorded outcome."""

    claims: tuple[Claim, ...]
    kind: str
    said: dt.date | None
    due: dt.date | None
    after: bool
    outcome: Outcome | None

    @property
    def claim(self) -> Claim:
        """The earliest claim that states it."""
        return self.claims[0]

    def status(self, build_date: dt.date) -> str:
        """``due date passed`` when the due date lies before ``build_date``; ``open``
        otherwise, and always for an "after" claim or one without a due date."""
        if self.due is None or self.after:
            return OPEN
        return PASSED if self.due < build_date else OPEN


@dataclass(frozen=True)
class NotPrediction:
    """A dated claim that is not a prediction, and why."""

    claim: Claim
    kind: str
    said: dt.date | None
    due: dt.date | None
    reason: str


def due_date(claim: Claim) -> dt.date | None:
    """When a date claim falls due: the end of its period (an interval's end). A claim that
    something happens *after* a date (bound ``>``/``>=``) is due at that end as well, but
    the date only opens it; see ``Prediction.status``."""
    time = claim.quantity.time
    if claim.quantity.kind != "date" or not time:
        return None
    return period(time)[1]


@dataclass(frozen=True)
class _Dated:
    claim: Claim
    kind: str
    said: dt.date | None
    due: dt.date | None
    reason: str | None


def _dated(kb: KnowledgeBase) -> list[_Dated]:
    """Every dated claim and every deadline of ``kb``, with why it is not a prediction
    (None when it is one). One pass over the claims."""
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
        reason = not_ahead(claim, text) if ahead else DATE_HAD_COME
        found.append(_Dated(claim, kind, said, due, reason))
    return found


def _key(kb: KnowledgeBase, dated: _Dated) -> tuple[object, ...]:
    """What two claims of one prediction share: speaker, due date, quantity, entities."""
    q = dated.claim.quantity
    entities = tuple(kb.claim_entities.get(dated.claim.id, []))
    return (
        dated.claim.speaker,
        dated.kind,
        dated.due,
        q.value,
        q.low,
        q.high,
        q.unit,
        q.bound,
        entities,
    )


def _said_order(dated: _Dated) -> tuple[dt.date, str, int]:
    return (dated.said or dt.date.max, dated.claim.source, dated.claim.start)


def predictions(kb: KnowledgeBase) -> list[Prediction]:
    """The predictions of ``kb``, duplicates merged, sorted by due date (none last), then
    by the id of their first claim."""
    groups: defaultdict[tuple[object, ...], list[_Dated]] = defaultdict(list)
    for dated in _dated(kb):
        if dated.reason is None:
            groups[_key(kb, dated)].append(dated)
    found = []
    for members in groups.values():
        members.sort(key=_said_order)
        first = members[0]
        claims = tuple(m.claim for m in members)
        outcome = next((kb.outcomes[c.id] for c in claims if c.id in kb.outcomes), None)
        after = first.claim.quantity.bound in (">", ">=")
        found.append(Prediction(claims, first.kind, first.said, first.due, after, outcome))
    found.sort(key=lambda p: (p.due or dt.date.max, p.claim.id))
    return found


def not_predictions(kb: KnowledgeBase) -> list[NotPrediction]:
    """The dated claims of ``kb`` that are not predictions, with the reason, sorted by
    claim id."""
    found = [
        NotPrediction(d.claim, d.kind, d.said, d.due, d.reason)
        for d in _dated(kb)
        if d.reason is not None
    ]
    return sorted(found, key=lambda n: n.claim.id)
