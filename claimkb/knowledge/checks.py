"""Named integrity checks over the ledger and the knowledge base.

Each check returns a list of problems (empty when all is well), each naming the file and line
where the fix belongs. ``run_checks`` runs them all; the build, the CLI and the tests call it.
"""

from __future__ import annotations

from collections.abc import Callable

from claimkb.core.models import Outcome
from claimkb.core.units import is_unit
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.knowledge.predictions import not_predictions, predictions
from claimkb.ledger.ledger import Ledger

Check = Callable[[Ledger, KnowledgeBase | None], list[str]]


def _repeated(keyed: list[tuple[str, str]], what: str) -> list[str]:
    """``where: <what> <key> (first at <where>)`` for every (where, key) whose key came
    before: the fix belongs to the later one."""
    first: dict[str, str] = {}
    problems = []
    for where, key in keyed:
        if key in first:
            problems.append(f"{where}: {what} {key} (first at {first[key]})")
        else:
            first[key] = where
    return problems


def _file_of(where: str) -> str:
    """The file of a ``file:line``."""
    return where.rsplit(":", 1)[0]


def check_that_claim_ids_are_unique(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    return _repeated([(c.where, c.record.id) for c in ledger.extracted], "duplicate claim id")


def check_that_ledgers_have_sources(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    """One problem per ledger file whose claims belong to a source ``sources.yaml`` does
    not list (a source removed from the listing leaves its ledger behind; the build writes
    ledgers of listed sources only and never deletes a committed file)."""
    if kb is None:
        return []
    listed = {source.id for source in kb.sources}
    stale: dict[str, str] = {}
    for located in ledger.extracted:
        if located.record.source not in listed:
            stale.setdefault(_file_of(located.where), located.record.source)
    return [
        f"{path}: ledger of source {source!r}, which sources/sources.yaml does not list "
        "(remove the file or list the source)"
        for path, source in stale.items()
    ]


def check_that_offsets_match_quotes(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    """Every claim's offsets give its surface in its source's text (claims of a source
    that is not listed are reported once per file, by ``check_that_ledgers_have_sources``)."""
    if kb is None:
        return []
    problems = []
    for located in ledger.extracted:
        claim = located.record
        text = kb.texts.get(claim.source)
        if text is None:
            continue
        if text[claim.start : claim.end] != claim.surface:
            problems.append(
                f"{located.where}: claim {claim.id}: text[{claim.start}:{claim.end}] is "
                f"{text[claim.start : claim.end]!r}, not {claim.surface!r}"
            )
        elif claim.surface not in claim.quote:
            problems.append(f"{located.where}: claim {claim.id}: quote does not hold the surface")
    return problems


def check_that_reviews_point_at_claims(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    ids = {located.record.id for located in ledger.extracted}
    return [
        f"{located.where}: review of unknown claim {located.record.claim}"
        for located in ledger.reviews
        if located.record.claim not in ids
    ]


def check_that_reviews_are_unique(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    return _repeated([(r.where, r.record.claim) for r in ledger.reviews], "claim reviewed twice:")


def check_that_units_are_known(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    units: list[tuple[str, str | None]] = [
        (review.where, review.record.quantity.unit if review.record.quantity else None)
        for review in ledger.reviews
    ]
    units += [(ref.where, ref.record.unit) for ref in ledger.references]
    units += [(claim.where, claim.record.quantity.unit) for claim in ledger.extracted]
    return [
        f"{where}: unknown unit {unit!r}"
        for where, unit in units
        if unit and unit != "date" and not is_unit(unit)
    ]


def check_that_reference_ids_are_unique(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    return _repeated([(r.where, r.record.id) for r in ledger.references], "duplicate reference id")


def check_that_entity_ids_are_unique(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    return _repeated([(e.where, e.record.id) for e in ledger.entities], "duplicate entity id")


def check_that_review_entities_exist(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    known = {located.record.id for located in ledger.entities}
    return [
        f"{located.where}: unknown entity {entity!r}"
        for located in ledger.reviews
        for entity in located.record.entities
        if entity not in known
    ]


def check_that_links_point_at_claims(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    if kb is None:
        return []
    ids = {claim.id for claim in kb.claims}
    return [
        f"same-claim link {a} -- {b} points at a claim that does not exist"
        for a, b in kb.links
        if a not in ids or b not in ids
    ]


def check_that_outcomes_are_of_predictions(ledger: Ledger, kb: KnowledgeBase | None) -> list[str]:
    """An outcome recorded for a claim that is no prediction would show nowhere, and two
    outcomes of one prediction (recorded on two claims that state it) must agree."""
    if kb is None:
        return []
    first = {claim.id: found.claim.id for found in predictions(kb) for claim in found.claims}
    why = {other.claim.id: other.reason for other in not_predictions(kb)}
    problems: list[str] = []
    seen: dict[str, tuple[str, Outcome]] = {}
    for located in ledger.reviews:
        claim, outcome = located.record.claim, located.record.outcome
        if outcome is None or claim not in kb.claims_by_id:
            continue
        if claim not in first:
            reason = why.get(claim, "no date ahead and no span counted from the day said")
            problems.append(
                f"{located.where}: outcome for claim {claim}, which is no prediction ({reason})"
            )
            continue
        earlier = seen.setdefault(first[claim], (located.where, outcome))
        if earlier[1] != outcome:
            problems.append(
                f"{located.where}: outcome for claim {claim} differs from the one at {earlier[0]} "
                "for the same prediction"
            )
    return problems


CHECKS: tuple[Check, ...] = (
    check_that_claim_ids_are_unique,
    check_that_ledgers_have_sources,
    check_that_offsets_match_quotes,
    check_that_reviews_point_at_claims,
    check_that_reviews_are_unique,
    check_that_units_are_known,
    check_that_reference_ids_are_unique,
    check_that_entity_ids_are_unique,
    check_that_review_entities_exist,
    check_that_links_point_at_claims,
    check_that_outcomes_are_of_predictions,
)


def run_checks(ledger: Ledger, kb: KnowledgeBase | None = None) -> list[str]:
    """Every problem every check finds, prefixed with the check's name."""
    return [f"{problem} [{check.__name__}]" for check in CHECKS for problem in check(ledger, kb)]
