"""Derivations and their verdicts in RDF, so they can be queried ("all inconsistent
derivations with their inputs' quotes").

Each derivation is a ``ckb:Derivation`` (a ``prov:Entity`` derived from its input claims and
reference facts, ``prov:wasDerivedFrom``) and is reviewed by a ``schema:ClaimReview`` whose
``schema:reviewRating`` has the verdict as ``schema:alternateName``; the numbers that justify
the verdict hang on the derivation in the project namespace.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, XSD

from claimkb.derive.records import CheckRecord, IntervalRecord
from claimkb.derive.verdict_table import BEST_RATING, WORST_RATING, verdict_info
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
        if record.expected:
            graph.add((node, CKB.expectedVerdict, Literal(record.expected)))
        a = record.assumption
        if a:
            graph.add((node, CKB.assumption, Literal(f"{a.name} = {a.value:.4g} {a.unit}")))
        graph.add((review, RDF.type, SCHEMA.ClaimReview))
        graph.add((review, SCHEMA.itemReviewed, node))
        graph.add((review, SCHEMA.reviewBody, Literal(record.reason)))
        graph.add((review, SCHEMA.reviewRating, rating))
        graph.add((rating, RDF.type, SCHEMA.Rating))
        graph.add((rating, SCHEMA.alternateName, Literal(record.verdict)))
        graph.add((rating, SCHEMA.ratingValue, Literal(verdict_info(record.verdict).rating)))
        graph.add((rating, SCHEMA.worstRating, Literal(WORST_RATING)))
        graph.add((rating, SCHEMA.bestRating, Literal(BEST_RATING)))
