"""The knowledge base as RDF: vocabularies, QUDT units, selectors, determinism, round trips."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph
import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, XSD

from claimkb.build.outputs import write_knowledge
from claimkb.core.periods import period
from claimkb.rdf.graph import (
    WRITERS,
    RdfError,
    double_lexical,
    jsonld,
    si_value,
    to_rdf,
    turtle,
)
from claimkb.rdf.qudt import TABLE, UnknownUnitError, qudt_unit
from claimkb.rdf.shacl import validate
from claimkb.rdf.store import open_store
from claimkb.rdf.vocab import CKB, OA, QUANTITYKIND, QUDT, SCHEMA, UNIT, iri, slug
from tests.conftest import EXAMPLE
from tests.rdf_fixtures import GERMAN, corpus_kb, tiny_kb

# ----------------------------------------------------------------------------- identity


def test_vocab_iri_of_a_claim_keeps_the_id_as_its_path() -> None:
    assert iri("claim", "x.de/1a2b3c4d") == URIRef("https://claimkb.org/id/claim/x.de/1a2b3c4d")
    assert iri("quantity", "x.de/1a2b3c4d") == URIRef(
        "https://claimkb.org/id/claim/x.de/1a2b3c4d/quantity"
    )


def test_vocab_iri_of_a_speaker_is_a_slug_of_the_name() -> None:
    assert iri("speaker", "Elon Musk") == URIRef("https://claimkb.org/id/speaker/elon-musk")
    assert iri("speaker", "elon  MUSK") == iri("speaker", "Elon Musk")


def test_vocab_iri_of_a_non_latin_name_is_percent_encoded_and_decodes_back() -> None:
    node = iri("speaker", "36Kr (36氪的朋友们)")
    assert str(node).isascii()
    assert unquote(str(node)).endswith("/speaker/36kr-36氪的朋友们")
    assert slug("---") == "unnamed"


# ------------------------------------------------------------------------------ units


@pytest.mark.parametrize(
    ("unit", "qudt", "kind"),
    [
        ("GW", UNIT.GigaW, QUANTITYKIND.Power),
        ("MW", UNIT.MegaW, QUANTITYKIND.Power),
        ("kW", UNIT.KiloW, QUANTITYKIND.Power),
        ("TW", UNIT.TeraW, QUANTITYKIND.Power),
        ("t", UNIT.TONNE, QUANTITYKIND.Mass),
        ("percent", UNIT.PERCENT, QUANTITYKIND.DimensionlessRatio),
        ("year", UNIT.YR, QUANTITYKIND.Time),
        ("month", UNIT.MO, QUANTITYKIND.Time),
        ("mile", UNIT.MI, QUANTITYKIND.Length),
        ("km**2", UNIT.KiloM2, QUANTITYKIND.Area),
        ("USD", UNIT.CCY_USD, QUANTITYKIND.Currency),
        ("EUR", UNIT.CCY_EUR, QUANTITYKIND.Currency),
        ("dimensionless", UNIT.NUM, QUANTITYKIND.Count),
        ("times", UNIT.UNITLESS, QUANTITYKIND.DimensionlessRatio),
        ("date", CKB.CalendarYear, None),
        ("gigawatt", UNIT.GigaW, QUANTITYKIND.Power),  # any spelling pint reads as GW
    ],
)
def test_units_qudt_maps_claimkb_units_to_qudt_iris(
    unit: str, qudt: URIRef, kind: URIRef | None
) -> None:
    mapped = qudt_unit(unit)
    assert (mapped.unit, mapped.kind) == (qudt, kind)


def test_units_qudt_unknown_unit_is_an_error_naming_it() -> None:
    with pytest.raises(UnknownUnitError, match="'furlong'"):
        qudt_unit("furlong")
    with pytest.raises(UnknownUnitError, match="'no such unit'"):
        qudt_unit("no such unit")


def test_units_qudt_covers_every_unit_the_extractor_can_produce() -> None:
    tables = [EXAMPLE.root / "claimkb" / "extract" / "lang" / "units.yaml"]
    tables += sorted((EXAMPLE.root / "claimkb" / "extract" / "lang").glob("*/units.yaml"))
    units = {"dimensionless", "date"}
    for table in tables:
        for section in yaml.safe_load(table.read_text(encoding="utf-8")).values():
            if isinstance(section, dict):
                units |= set(section)
    # a multiple is recorded in its base unit ("a century" as 100 years), never as itself
    shared = yaml.safe_load(tables[0].read_text(encoding="utf-8"))
    converted = set(shared.get("multiples", {})) - set(TABLE)
    assert converted <= {"century"}, converted
    missing = sorted(unit for unit in units - converted if unit not in TABLE)
    assert missing == []


def test_units_qudt_never_uses_a_symbol_as_a_qudt_name() -> None:
    names = {str(qudt_unit(unit).unit).rsplit("/", 1)[-1] for unit in TABLE}
    assert not names & {"GW", "MW", "kW", "TW", "t", "km", "USD", "EUR", "percent"}


# ------------------------------------------------------------------------------ model


def test_rdf_every_claim_is_one_schema_claim_with_one_quantity_value() -> None:
    kb = corpus_kb()
    graph = to_rdf(kb)
    claims = set(graph.subjects(RDF.type, SCHEMA.Claim))
    assert len(claims) == len(kb.claims)
    for claim in claims:
        (quantity,) = graph.objects(claim, CKB.quantity)
        assert (quantity, RDF.type, QUDT.QuantityValue) in graph
        assert len(list(graph.objects(quantity, QUDT.numericValue))) == 1
        assert len(list(graph.objects(claim, SCHEMA.author))) == 1


def test_rdf_a_power_claim_has_its_qudt_unit_kind_bounds_and_rate() -> None:
    # orbital-ai-compute-plan.de: "mehr als 100 Terawatt ... pro Jahr" (ledger id b5dfbfe2)
    graph = to_rdf(corpus_kb())
    quantity = iri("quantity", "orbital-ai-compute-plan.de/b5dfbfe2")
    assert graph.value(quantity, QUDT.numericValue) == Literal(100.0)
    assert graph.value(quantity, QUDT.hasUnit) == UNIT.TeraW
    assert graph.value(quantity, QUDT.hasQuantityKind) == QUANTITYKIND.Power
    assert graph.value(quantity, CKB.bound) == Literal(">")
    assert graph.value(quantity, CKB.low) == Literal(100.0)
    assert graph.value(quantity, CKB.high) is None
    assert graph.value(quantity, CKB.per) == Literal("year")
    assert graph.value(quantity, CKB.perUnit) == UNIT.YR
    assert graph.value(quantity, CKB.siValue) == Literal(1e14)


def test_rdf_claim_points_to_speaker_source_and_extraction() -> None:
    graph = to_rdf(corpus_kb())
    claim = iri("claim", "orbital-ai-compute-plan.de/b5dfbfe2")
    source = iri("source", "orbital-ai-compute-plan.de")
    assert graph.value(claim, SCHEMA.author) == iri("speaker", "Elon Musk")
    assert graph.value(iri("speaker", "Elon Musk"), SCHEMA.name) == Literal("Elon Musk")
    assert graph.value(claim, SCHEMA.appearance) == source
    assert graph.value(claim, PROV.wasQuotedFrom) == source
    assert graph.value(claim, PROV.wasGeneratedBy) == iri("activity", "extraction")
    assert graph.value(source, SCHEMA.inLanguage) == Literal("de")
    text = graph.value(claim, SCHEMA.text)
    assert isinstance(text, Literal)
    assert text.language == "de"
    assert str(text).startswith("Im Endzustand ist von mehr als 100 Terawatt")


def test_rdf_selectors_give_offsets_exact_text_and_32_characters_of_context() -> None:
    kb = tiny_kb()
    graph = to_rdf(kb)
    claim = iri("claim", "tiny.de/00000001")
    annotation = graph.value(predicate=OA.hasBody, object=claim)
    target = graph.value(annotation, OA.hasTarget)
    assert graph.value(target, OA.hasSource) == iri("source", "tiny.de")
    position, quote = iri("position", "tiny.de/00000001"), iri("quote", "tiny.de/00000001")
    assert set(graph.objects(target, OA.hasSelector)) == {position, quote}
    # "Musk sagt, es werden etwa 100 GW pro Jahr." - "etwa 100 GW" starts at character 21
    assert graph.value(position, OA.start) == Literal(21, datatype=XSD.nonNegativeInteger)
    assert graph.value(position, OA.end) == Literal(32, datatype=XSD.nonNegativeInteger)
    assert graph.value(quote, OA.exact) == Literal("etwa 100 GW")
    assert graph.value(quote, OA.prefix) == Literal("Musk sagt, es werden ")
    assert graph.value(quote, OA.suffix) == Literal(GERMAN[32:64])
    assert len(GERMAN[32:64]) == 32


def test_rdf_same_claims_are_linked_both_ways_and_share_a_cluster() -> None:
    graph = to_rdf(tiny_kb())
    de, ru = iri("claim", "tiny.de/00000001"), iri("claim", "tiny.ru/00000004")
    assert (de, CKB.sameClaimAs, ru) in graph
    assert (ru, CKB.sameClaimAs, de) in graph
    cluster = iri("cluster", "tiny.de/00000001")
    assert graph.value(de, CKB.cluster) == cluster == graph.value(ru, CKB.cluster)
    assert graph.value(cluster, CKB.size) == Literal(2)


def test_rdf_a_cluster_is_stated_once_and_its_links_along_a_spanning_tree() -> None:
    # the four tiny claims as one cluster where every pair is linked: 6 links by the rule;
    # the graph states the 3 a spanning tree takes in sorted order (1-2, 1-3, 1-4: each
    # later pair joins two claims already connected), both ways, and 4 cluster memberships
    ids = [claim.id for claim in tiny_kb().claims]
    assert ids == [f"tiny.de/0000000{n}" for n in (1, 2, 3)] + ["tiny.ru/00000004"]
    links = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    kb = dataclasses.replace(tiny_kb(), links=links)
    graph = to_rdf(kb)
    same = sorted((str(s)[-10:], str(o)[-10:]) for s, o in graph.subject_objects(CKB.sameClaimAs))
    one, two, three, four = "e/00000001", "e/00000002", "e/00000003", "u/00000004"
    assert same == sorted(
        [(one, two), (two, one), (one, three), (three, one), (one, four), (four, one)]
    )
    cluster = iri("cluster", ids[0])
    assert sorted(graph.subjects(CKB.cluster, cluster)) == sorted(iri("claim", i) for i in ids)
    assert graph.value(cluster, CKB.size) == Literal(4)
    assert len(kb.links) == 6 and kb.clusters == [ids]


def test_rdf_dates_get_a_period_and_the_date_they_were_stated_on() -> None:
    graph = to_rdf(tiny_kb())
    quantity = iri("quantity", "tiny.de/00000003")
    assert graph.value(quantity, QUDT.hasUnit) == CKB.CalendarYear
    assert graph.value(quantity, CKB.timeStart) == Literal(dt.date(2027, 1, 1))
    assert graph.value(quantity, CKB.timeEnd) == Literal(dt.date(2027, 12, 31))
    # stated on the interview's date, not the publication's
    claim = iri("claim", "tiny.de/00000003")
    assert graph.value(claim, CKB.statedOn) == Literal(dt.date(2026, 1, 1))
    assert (CKB.CalendarYear, RDF.type, QUDT.Unit) in graph


def test_rdf_reference_fact_carries_its_citation() -> None:
    graph = to_rdf(tiny_kb())
    fact = iri("reference", "hours-per-year")
    assert (fact, RDF.type, CKB.ReferenceFact) in graph
    citation = graph.value(fact, SCHEMA.citation)
    assert graph.value(citation, SCHEMA.datePublished) == Literal(dt.date(1989, 1, 1))
    publisher = graph.value(citation, SCHEMA.publisher)
    assert graph.value(publisher, SCHEMA.name) == Literal("International Astronomical Union")
    url = URIRef("https://www.iau.org/static/publications/stylemanual1989.pdf")
    assert graph.value(fact, URIRef("http://purl.org/dc/terms/source")) == url
    quantity = graph.value(fact, CKB.quantity)
    assert graph.value(quantity, QUDT.hasUnit) == UNIT.HR


def test_rdf_an_ambiguous_reading_says_why_and_still_conforms() -> None:
    # "до 60 человек" after no verb of change: the reviewer must see that "до" may also
    # name the level reached; the note is English prose, tagged as such.
    kb = tiny_kb()
    claim = kb.claims[1]
    why = "'до' may name an upper bound or the level reached"
    noted = claim.model_copy(
        update={"quantity": claim.quantity.model_copy(update={"ambiguity": why})}
    )
    claims = [noted if c.id == claim.id else c for c in kb.claims]
    graph = to_rdf(dataclasses.replace(kb, claims=claims))
    quantity = iri("quantity", claim.id)
    assert graph.value(quantity, CKB.ambiguity) == Literal(why, lang="en")
    validate(graph)  # raises ShapeError when the shapes refuse it
    plain = to_rdf(kb)
    assert list(plain.objects(quantity, CKB.ambiguity)) == []


def test_rdf_bad_time_is_an_error_naming_the_claim() -> None:
    kb = tiny_kb()
    claim = kb.claims[2]
    broken = claim.model_copy(
        update={"quantity": claim.quantity.model_copy(update={"time": "soon"})}
    )
    bad = dataclasses.replace(kb, claims=[broken])
    with pytest.raises(RdfError, match=r"claim tiny\.de/00000003: time 'soon'"):
        to_rdf(bad)


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("time", "start", "end"),
    [
        ("2030", dt.date(2030, 1, 1), dt.date(2030, 12, 31)),
        ("2025-12", dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2025-11-14", dt.date(2025, 11, 14), dt.date(2025, 11, 14)),
        ("2026-01-01/2026-03-31", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        ("2026/2027-06", dt.date(2026, 1, 1), dt.date(2027, 6, 30)),
    ],
)
def test_rdf_period_of_iso_dates(time: str, start: dt.date, end: dt.date) -> None:
    assert period(time) == (start, end)


@pytest.mark.parametrize(
    ("value", "text"),
    [(1041400800.0, "1.0414008E9"), (100.0, "1.0E2"), (0.1, "1.0E-1"), (3.828e26, "3.828E26")],
)
def test_rdf_doubles_keep_every_digit(value: float, text: str) -> None:
    assert double_lexical(value) == text
    assert float(text) == value


def test_rdf_si_value_is_in_base_units_and_absent_for_counts_money_and_dates() -> None:
    assert si_value(1.0, "TW") == 1e12
    assert si_value(2.0, "year") == 63115200.0
    assert si_value(5.0, "dimensionless") is None
    assert si_value(5.0, "USD") is None
    assert si_value(2030.0, "date") is None


# ----------------------------------------------------------------------- serialising


def test_rdf_turtle_and_jsonld_are_byte_identical_across_runs_and_hash_seeds() -> None:
    graph = to_rdf(corpus_kb())
    here = turtle(graph) + jsonld(graph)
    again = to_rdf(corpus_kb())
    assert turtle(again) + jsonld(again) == here
    program = (
        "import sys; from tests.rdf_fixtures import corpus_kb; from claimkb.rdf.graph import *;"
        "g = to_rdf(corpus_kb()); sys.stdout.buffer.write((turtle(g) + jsonld(g)).encode())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-c", program], cwd=EXAMPLE.root, env=env, capture_output=True, check=True
    )
    assert other.stdout.decode("utf-8") == here


def test_rdf_jsonld_is_deterministic_and_reads_back_as_the_same_graph() -> None:
    graph = to_rdf(corpus_kb())
    text = jsonld(graph)
    assert jsonld(to_rdf(corpus_kb())) == text
    assert '"@context"' in text
    # read by Oxigraph's JSON-LD parser (rdflib's warns about its own deprecated internals)
    triples = pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.JSON_LD)
    ntriples = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert isinstance(ntriples, bytes)
    assert isomorphic(Graph().parse(data=ntriples, format="nt"), graph)


def test_rdf_turtle_reads_back_as_the_same_graph() -> None:
    graph = to_rdf(corpus_kb())
    assert isomorphic(Graph().parse(data=turtle(graph), format="turtle"), graph)


def test_rdf_writers_give_turtle_and_jsonld() -> None:
    graph = to_rdf(tiny_kb())
    assert WRITERS["ttl"](graph) == turtle(graph)
    assert WRITERS["jsonld"](graph) == jsonld(graph)
    assert sorted(WRITERS) == ["jsonld", "ttl"]


def test_rdf_write_knowledge_writes_turtle_jsonld_and_no_store_and_counts_triples(
    tmp_path: Path,
) -> None:
    count = write_knowledge(tiny_kb(), tmp_path, [])
    assert count == len(to_rdf(tiny_kb()))
    assert (tmp_path / "kb.ttl").read_text(encoding="utf-8") == turtle(to_rdf(tiny_kb()))
    assert (tmp_path / "kb.jsonld").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "derivations.json",
        "drift.json",
        "kb.jsonld",
        "kb.ttl",
    ]
    assert len(open_store(tmp_path)) == count
    jsonld_store = pyoxigraph.Store()
    jsonld_store.load(path=str(tmp_path / "kb.jsonld"), format=pyoxigraph.RdfFormat.JSON_LD)
    assert len(jsonld_store) == count
