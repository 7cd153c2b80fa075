"""Drift groups in RDF: the figures of one quantity in the order they were said, and how
each compares with an earlier one (see :mod:`claimkb.derive.drift`).

- a group is a ``ckb:DriftGroup`` (``schema:name`` its label, ``schema:about`` its entity,
  ``ckb:measure``, ``ckb:counted``, ``ckb:unit``, ``ckb:size``);
- each figure is a ``ckb:DriftFigure`` (``drift/<group>/figure/<n>``) with ``ckb:group``,
  ``ckb:claim``, ``ckb:order`` (1, 2, ... in the order said) and ``ckb:low``/``ckb:high``
  in the group's unit where finite;
- each finding is a ``ckb:DriftFinding`` (``drift/<group>/finding/<n>``) with
  ``ckb:group``, ``ckb:earlier`` and ``ckb:later`` (figures), ``ckb:scope`` ("own": one
  speaker's figures; "between": two speakers', rating nobody), ``ckb:relation``
  (agreeing, narrowing, widening, contradicting, alternatives) and ``ckb:factor``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import XSD

from claimkb.derive.drift import DriftGroup
from claimkb.rdf.vocab import CKB, SCHEMA, iri


def _double(graph: Graph, node: URIRef, prop: URIRef, value: float | None) -> None:
    if value is not None and math.isfinite(value):
        graph.add((node, prop, Literal(value, datatype=XSD.double)))


def add_drift(graph: Graph, groups: Iterable[DriftGroup]) -> None:
    """Add every drift group, its figures and its findings."""
    for group in groups:
        node = iri("drift", group.id)
        graph.add((node, RDF.type, CKB.DriftGroup))
        graph.add((node, SCHEMA.identifier, Literal(group.id)))
        graph.add((node, SCHEMA.name, Literal(group.label)))
        graph.add((node, SCHEMA.about, iri("entity", group.entity)))
        graph.add((node, CKB.kind, Literal(group.kind)))
        graph.add((node, CKB.size, Literal(len(group.figures))))
        if group.measure:
            graph.add((node, CKB.measure, Literal(group.measure)))
        if group.counted:
            graph.add((node, CKB.counted, Literal(group.counted)))
        if group.unit:
            graph.add((node, CKB.unit, Literal(group.unit)))
        figures: dict[str, URIRef] = {}
        for order, figure in enumerate(group.figures, start=1):
            member = iri("drift", f"{group.id}/figure/{order}")
            figures[figure.claim] = member
            graph.add((member, RDF.type, CKB.DriftFigure))
            graph.add((member, CKB.group, node))
            graph.add((member, CKB.claim, iri("claim", figure.claim)))
            graph.add((member, CKB.order, Literal(order)))
            _double(graph, member, CKB.low, figure.low)
            _double(graph, member, CKB.high, figure.high)
        for number, finding in enumerate(group.findings, start=1):
            found = iri("drift", f"{group.id}/finding/{number}")
            graph.add((found, RDF.type, CKB.DriftFinding))
            graph.add((found, CKB.group, node))
            graph.add((found, CKB.earlier, figures[finding.earlier]))
            graph.add((found, CKB.later, figures[finding.later]))
            graph.add((found, CKB.scope, Literal(finding.scope)))
            graph.add((found, CKB.relation, Literal(finding.relation)))
            _double(graph, found, CKB.factor, finding.factor)
