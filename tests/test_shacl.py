"""SHACL validation: the exported graph fits kb/shapes.ttl, and a broken one fails with a
report that names each problem on its own line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD

from claimkb.build.outputs import write_knowledge
from claimkb.rdf.graph import to_rdf
from claimkb.rdf.qudt import TABLE, qudt_unit
from claimkb.rdf.shacl import SHAPES, ShapeError, shapes_graph, validate
from claimkb.rdf.vocab import CKB, OA, QUDT, SCHEMA, UNIT, iri
from tests.rdf_fixtures import corpus_kb, tiny_kb

CLAIM = "tiny.de/00000001"


def _broken() -> Graph:
    graph = to_rdf(tiny_kb())
    graph.remove((iri("claim", CLAIM), SCHEMA.author, None))
    graph.set((iri("quantity", CLAIM), QUDT.hasUnit, UNIT.GW))  # QUDT has no unit:GW
    graph.remove((iri("quantity", "tiny.ru/00000004"), QUDT.numericValue, None))
    # "20 bis 30" is at 48..57; a start of 60 is after its end and selects no characters
    position = iri("position", "tiny.de/00000002")
    graph.set((position, OA.start, Literal(60, datatype=XSD.nonNegativeInteger)))
    return graph


def test_shacl_the_corpus_graph_is_valid() -> None:
    validate(to_rdf(corpus_kb()))


def test_shacl_the_tiny_graph_is_valid() -> None:
    validate(to_rdf(tiny_kb()))


def test_shacl_a_broken_graph_fails_with_one_line_per_problem() -> None:
    with pytest.raises(ShapeError) as raised:
        validate(_broken())
    report = str(raised.value)
    header, *lines = report.splitlines()
    assert header == "the RDF graph is not valid (5 problems; shapes in kb/shapes.ttl):"
    assert lines == sorted(lines[:4]) + lines[4:]
    assert lines[0] == (
        "claim tiny.de/00000001/quantity: qudt:hasUnit: a quantity needs exactly one unit IRI: "
        "a QUDT unit kb/units_qudt.py knows, or a project unit defined as a qudt:Unit "
        "(found unit:GW)"
    )
    assert lines[1] == (
        "claim tiny.de/00000001: schema:author: a claim needs exactly one author (the speaker), "
        "a schema:Person or schema:Organization"
    )
    assert lines[2] == (
        "claim tiny.de/00000002/position: oa:start: a span needs one integer oa:start, "
        "less than its oa:end (found '60')"
    )
    assert lines[3].startswith("claim tiny.ru/00000004/quantity: qudt:numericValue: ")
    assert lines[4] == (
        "claim tiny.de/00000002/target: the characters at 60..57 of the source are '', "
        "not oa:exact '20 bis 30'"
    )


def test_shacl_a_span_that_does_not_select_its_text_is_reported() -> None:
    graph = to_rdf(tiny_kb())
    graph.set((iri("position", CLAIM), OA.start, Literal(22, datatype=XSD.nonNegativeInteger)))
    with pytest.raises(
        ShapeError, match=r"the characters at 22\.\.32 of the source are 'twa 100 GW'"
    ):
        validate(graph)


def test_shacl_export_writes_nothing_when_the_graph_is_invalid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claimkb.rdf.graph.to_rdf", lambda kb: _broken())
    with pytest.raises(ShapeError):
        write_knowledge(tiny_kb(), tmp_path, [])
    assert list(tmp_path.iterdir()) == []


def test_shacl_shapes_list_exactly_the_qudt_units_of_the_unit_table() -> None:
    shapes = shapes_graph()
    listed = {
        item
        for node in shapes.objects(None, SH["in"])
        for item in Collection(shapes, node)
        if str(item).startswith(str(UNIT))
    }
    table = {qudt_unit(name).unit for name in TABLE}
    assert listed == {unit for unit in table if str(unit).startswith(str(UNIT))}
    assert SHAPES.name == "shapes.ttl"


def test_shacl_a_cluster_needs_its_size_and_two_claims() -> None:
    graph = to_rdf(tiny_kb())
    cluster = iri("cluster", CLAIM)
    graph.remove((cluster, CKB.size, None))
    graph.remove((iri("claim", "tiny.ru/00000004"), CKB.cluster, cluster))
    with pytest.raises(ShapeError) as raised:
        validate(graph)
    assert str(raised.value).splitlines()[1:] == [
        "cluster tiny.de/00000001: ^ckb:cluster: a cluster needs at least two claims (ckb:cluster)",
        "cluster tiny.de/00000001: ckb:size: a cluster needs its size, an integer of at least 2",
    ]
