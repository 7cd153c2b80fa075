"""Predictions in the graph (see ``knowledge.predictions``): each is a ``ckb:Prediction``
named after its first claim (``claim/<id>/prediction``), with

- ``ckb:statement`` to every claim that states it and ``ckb:firstStatement`` to the
  earliest (its claims point back with ``ckb:prediction``);
- ``ckb:predictionKind`` (``date`` or ``deadline``), ``ckb:dueDate`` when a due date can be
  told, and ``ckb:after true`` for a claim about what happens after that date;
- ``ckb:outcome``, a ``ckb:Outcome`` with ``ckb:result`` (came true, did not, partly, not yet
  known) and ``ckb:evidence``: ``schema:WebPage`` nodes (``claim/<id>/evidence/<n>``) with
  ``schema:url``,
  ``schema:datePublished`` and a ``schema:description`` (the note).

Whether a due date has passed is not stated: it depends on the day one asks, so queries
compare ``ckb:dueDate`` with ``NOW()``. A dated claim that is no prediction carries
``ckb:notAPrediction`` with the reason ("past tense: 'hat … abgeschlossen'").
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.knowledge.predictions import not_predictions, predictions
from claimkb.rdf.vocab import CKB, SCHEMA, iri


def add_predictions(graph: Graph, kb: KnowledgeBase) -> None:
    """The predictions of ``kb``, their outcomes, and the reasons of the dated claims that
    are none, into ``graph``."""
    for found in predictions(kb):
        first = found.claim.id
        node = iri("prediction", first)
        graph.add((node, RDF.type, CKB.Prediction))
        graph.add((node, CKB.predictionKind, Literal(found.kind)))
        graph.add((node, CKB.firstStatement, iri("claim", first)))
        for claim in found.claims:
            graph.add((node, CKB.statement, iri("claim", claim.id)))
            graph.add((iri("claim", claim.id), CKB.prediction, node))
        if found.due is not None:
            graph.add((node, CKB.dueDate, Literal(found.due)))
        if found.after:
            graph.add((node, CKB.after, Literal(True)))
        if found.outcome is None:
            continue
        outcome = iri("outcome", first)
        graph.add((node, CKB.outcome, outcome))
        graph.add((outcome, RDF.type, CKB.Outcome))
        graph.add((outcome, CKB.result, Literal(found.outcome.result)))
        for number, evidence in enumerate(found.outcome.evidence, start=1):
            page = iri("evidence", f"{first}/evidence/{number}")
            graph.add((outcome, CKB.evidence, page))
            graph.add((page, RDF.type, SCHEMA.WebPage))
            graph.add((page, SCHEMA.url, URIRef(evidence.url)))
            graph.add((page, SCHEMA.datePublished, Literal(evidence.date)))
            if evidence.note:
                graph.add((page, SCHEMA.description, Literal(evidence.note)))
    for other in not_predictions(kb):
        graph.add((iri("claim", other.claim.id), CKB.notAPrediction, Literal(other.reason)))
