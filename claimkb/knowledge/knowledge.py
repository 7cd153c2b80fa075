"""The knowledge base in memory: reviewed claims, what they are about, which state the same
thing, and the graph of sources, speakers, claims, entities and reference facts.

Every export (RDF, JSON Lines, pages) is made from one ``KnowledgeBase``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from claimkb.core.models import Claim, Entity, Outcome, Reference, Source, alias_pattern
from claimkb.knowledge.matching import clusters, same_claim_links
from claimkb.ledger.ledger import Ledger, apply_reviews


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the exports need, already validated and linked."""

    sources: list[Source]
    texts: dict[str, str]
    claims: list[Claim]
    entities: list[Entity]
    references: list[Reference]
    claim_entities: dict[str, list[str]]
    links: list[tuple[str, str]]
    claim_measures: dict[str, str] = field(default_factory=dict)
    """What a review says a claim's figure measures (``Review.measures``), by claim id."""
    #: What became of the predictions, by claim id, as reviews record it.
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        """Claims by id, for lookups from links, derivations and pages."""
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def references_by_id(self) -> dict[str, Reference]:
        """Reference facts by id."""
        return {reference.id: reference for reference in self.references}

    @cached_property
    def clusters(self) -> list[list[str]]:
        """Groups of claims that state the same thing (connected same-claim links)."""
        return clusters(self.links)

    @cached_property
    def graph(self) -> nx.MultiDiGraph[str]:
        """Sources, speakers, claims, entities and reference facts as one graph."""
        return claim_graph(self)


def link_entities(
    claims: Iterable[Claim],
    entities: Iterable[Entity],
    extra: dict[str, list[str]],
    texts: dict[str, str],
) -> dict[str, list[str]]:
    """Entity ids per claim: those whose alias occurs in the claim's sentence; when the
    sentence names none, those named in the line before it and in its own line up to it
    ("Neuralink ist bereits in Betrieb. Bei 12 Menschen ..."); plus the ones a review
    adds. Sorted, so the result does not depend on table order."""
    patterns = [(entity.id, alias_pattern(entity.aliases)) for entity in entities if entity.aliases]

    def named(text: str) -> set[str]:
        return {entity_id for entity_id, pattern in patterns if pattern.search(text)}

    result: dict[str, list[str]] = {}
    for claim in claims:
        found = named(claim.quote) or named(_context_before(texts.get(claim.source, ""), claim))
        result[claim.id] = sorted(found | set(extra.get(claim.id, [])))
    return result


def _context_before(text: str, claim: Claim) -> str:
    """The line before the claim's line, and its own line up to the claim."""
    line_start = text.rfind("\n", 0, claim.start) + 1
    previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    return text[previous_start : claim.end]


def assemble(ledger: Ledger, sources: list[Source], texts: dict[str, str]) -> KnowledgeBase:
    """The knowledge base from a validated ledger and the source texts."""
    reviews = [located.record for located in ledger.reviews]
    claims = apply_reviews((located.record for located in ledger.extracted), reviews)
    entities = [located.record for located in ledger.entities]
    extra = {review.claim: review.entities for review in reviews if review.entities}
    claim_entities = link_entities(claims, entities, extra, texts)
    return KnowledgeBase(
        sources=sources,
        texts=texts,
        claims=claims,
        entities=entities,
        references=[located.record for located in ledger.references],
        claim_entities=claim_entities,
        links=same_claim_links(claims, claim_entities),
        claim_measures={r.claim: r.measures for r in reviews if r.measures},
        outcomes={review.claim: review.outcome for review in reviews if review.outcome},
    )


def claim_graph(kb: KnowledgeBase) -> nx.MultiDiGraph[str]:
    """Nodes are ``source:``, ``speaker:``, ``claim:``, ``entity:`` and ``reference:`` ids;
    edges say ``in``, ``by``, ``about`` and ``same_as``."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for source in kb.sources:
        graph.add_node(f"source:{source.id}", kind="source", label=source.title or source.id)
    for entity in kb.entities:
        graph.add_node(f"entity:{entity.id}", kind="entity", label=entity.name)
    for reference in kb.references:
        graph.add_node(f"reference:{reference.id}", kind="reference", label=reference.title)
    for claim in kb.claims:
        node = f"claim:{claim.id}"
        graph.add_node(node, kind="claim", label=claim.surface)
        graph.add_node(f"speaker:{claim.speaker}", kind="speaker", label=claim.speaker)
        graph.add_edge(node, f"source:{claim.source}", key="in")
        graph.add_edge(node, f"speaker:{claim.speaker}", key="by")
        for entity_id in kb.claim_entities.get(claim.id, []):
            graph.add_edge(node, f"entity:{entity_id}", key="about")
    for a, b in kb.links:
        graph.add_edge(f"claim:{a}", f"claim:{b}", key="same_as")
    return graph
