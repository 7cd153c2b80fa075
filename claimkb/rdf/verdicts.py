"""Derivations, their verdicts and the ratings of claims in RDF, so they can be queried
("all inconsistent derivations with their inputs' quotes", "every rated claim of a speaker").

Each derivation is a ``ckb:Derivation`` (a ``prov:Entity`` derived from its input claims and
reference facts, ``prov:wasDerivedFrom``) and is reviewed by a ``schema:Review`` whose
``schema:reviewBody`` is the explanation a person wrote for it (or, for an automatic check,
a sentence made of its numbers) and whose ``schema:reviewRating`` has the verdict as
``schema:alternateName``; the numbers that justify the verdict, its grade, its scope and the
speakers of its inputs (``ckb:inputSpeaker``) hang on the derivation in the project
namespace.

A ``schema:ClaimReview`` is published only for a claim that has a rating: one that a check
of its speaker's own figures reached a verdict on (``derive.ratings``). Its
``schema:datePublished`` is the day that rating was first reached, kept in
``claims/ratings.yaml``, so it does not change from build to build.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, XSD

from claimkb.core.models import Claim
from claimkb.derive.ratings import ClaimRating, rating_value
from claimkb.derive.records import CheckRecord, IntervalRecord
from claimkb.derive.verdict_table import BEST_RATING, WORST_RATING
from claimkb.rdf.vocab import CKB, SCHEMA, iri


def _input_iri(value: str) -> URIRef:
    if value.startswith("derivation:"):
        return iri("derivation", value.removeprefix("derivation:"))
    if "/" in value:
        return iri("claim", value)
    return iri("reference", value)


def _number(graph: Graph, node: URIRef, prop: URIRef, value: float | None) -> None:
    if value is not None and math.isfinite(value):
        graph.add((node, prop, Literal(value, datatype=XSD.double)))


def _interval(graph: Graph, node: URIRef, ns: Namespace, name: str, part: IntervalRecord) -> None:
    _number(graph, node, ns[f"{name}Value"], part.value)
    _number(graph, node, ns[f"{name}Low"], part.low)
    _number(graph, node, ns[f"{name}High"], part.high)
    if part.unit:
        graph.add((node, ns[f"{name}Unit"], Literal(part.unit)))


def add_verdicts(graph: Graph, records: Iterable[CheckRecord]) -> None:
    """Add every derivation record (as ``claimkb check --format json`` prints them)."""
    for record in records:
        node = iri("derivation", record.id)
        review = iri("review", record.id)
        rating = URIRef(f"{review}/rating")
        graph.add((node, RDF.type, CKB.Derivation))
        graph.add((node, RDF.type, PROV.Entity))
        graph.add((node, SCHEMA.name, Literal(record.title)))
        graph.add((node, SCHEMA.identifier, Literal(record.id)))
        graph.add((node, CKB.derivationKind, Literal(record.kind)))
        graph.add((node, CKB.expression, Literal(record.expression)))
        for name, value in sorted(record.inputs.items()):
            graph.add((node, PROV.wasDerivedFrom, _input_iri(value)))
            graph.add((node, CKB.input, Literal(f"{name}={value}")))
        _interval(graph, node, CKB, "result", record.result)
        _interval(graph, node, CKB, "compared", record.compared)
        _number(graph, node, CKB.factor, record.factor)
        graph.add((node, CKB.verdict, Literal(record.verdict)))
        if record.grade:
            graph.add((node, CKB.grade, Literal(record.grade)))
        if record.scope:
            graph.add((node, CKB.scope, Literal(record.scope)))
        for speaker in sorted({s for found in record.speakers.values() for s in found}):
            graph.add((node, CKB.inputSpeaker, iri("speaker", speaker)))
        if record.expected:
            graph.add((node, CKB.expectedVerdict, Literal(record.expected)))
        a = record.assumption
        if a:
            graph.add((node, CKB.assumption, Literal(f"{a.name} = {a.value:.4g} {a.unit}")))
        graph.add((review, RDF.type, SCHEMA.Review))
        graph.add((review, SCHEMA.itemReviewed, node))
        graph.add((review, SCHEMA.reviewBody, Literal(record.explanation or record.reason)))
        graph.add((review, SCHEMA.reviewRating, rating))
        graph.add((rating, RDF.type, SCHEMA.Rating))
        graph.add((rating, SCHEMA.alternateName, Literal(record.verdict)))


def add_claim_reviews(
    graph: Graph,
    claims: Mapping[str, Claim],
    ratings: Mapping[str, ClaimRating],
    explanations: Mapping[str, str],
    publisher: str,
) -> None:
    """A ``schema:ClaimReview`` of every rated claim, by ``publisher``, dated the day its
    rating was first reached; its text is the explanation of the checks that decide it
    (``explanations`` by check id)."""
    author = iri("publisher", publisher)
    if ratings:
        graph.add((author, RDF.type, SCHEMA.Organization))
        graph.add((author, SCHEMA.name, Literal(publisher)))
    for claim_id, rated in sorted(ratings.items()):
        claim = claims[claim_id]
        review = iri("claim-review", claim_id)
        rating = URIRef(f"{review}/rating")
        graph.add((review, RDF.type, SCHEMA.ClaimReview))
        graph.add((review, SCHEMA.itemReviewed, iri("claim", claim_id)))
        graph.add((review, SCHEMA.claimReviewed, Literal(claim.quote)))
        graph.add((review, SCHEMA.author, author))
        if rated.since is not None:
            graph.add((review, SCHEMA.datePublished, Literal(rated.since)))
        body = " ".join(explanations[c] for c in rated.deciding if explanations.get(c))
        graph.add((review, SCHEMA.reviewBody, Literal(body or rated.label)))
        for check in rated.deciding:
            graph.add((review, PROV.wasDerivedFrom, iri("derivation", check)))
        graph.add((review, SCHEMA.reviewRating, rating))
        graph.add((rating, RDF.type, SCHEMA.Rating))
        graph.add((rating, SCHEMA.alternateName, Literal(rated.label)))
        graph.add((rating, SCHEMA.ratingValue, Literal(rating_value(rated))))
        graph.add((rating, SCHEMA.worstRating, Literal(WORST_RATING)))
        graph.add((rating, SCHEMA.bestRating, Literal(BEST_RATING)))
