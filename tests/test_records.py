"""The typed seam between derivations and their readers: ``CheckRecord`` and its JSON, and
the one verdict table that RDF, the pages and the graph read."""

from __future__ import annotations

import json
from typing import get_args

import pytest
from pydantic import ValidationError
from rdflib import Graph, Literal, URIRef

from claimkb.derive.records import (
    AssumptionRecord,
    CheckRecord,
    IntervalRecord,
    StepRecord,
    outcome_table,
    records_json,
)
from claimkb.derive.verdict import VerdictKind
from claimkb.derive.verdict_table import (
    BEST_RATING,
    UNCHECKED,
    VERDICTS,
    WORST_RATING,
    claim_rating,
    verdict_info,
)
from claimkb.rdf.verdicts import add_verdicts
from claimkb.rdf.vocab import SCHEMA, iri

ORDER_CURATED = [
    "id",
    "title",
    "kind",
    "inputs",
    "expression",
    "compare",
    "result",
    "compared",
    "verdict",
    "factor",
    "assumption",
    "reason",
    "expected",
    "status",
    "where",
    "steps",
]


def curated() -> CheckRecord:
    """2 × 3 t (± 10 %) is 5.4 to 6.6 t against a stated 10 t: off by 6 / 10 = 0.6."""
    return CheckRecord(
        id="two-loads",
        title="Two loads",
        kind="curated",
        inputs={"load": "tiny.de/00000001", "count": "two"},
        expression="count * load",
        compare="total",
        result=IntervalRecord(value=6.0, low=5.4, high=6.6, unit="t"),
        compared=IntervalRecord(value=10.0, low=10.0, high=10.0, unit="t"),
        verdict="inconsistent",
        factor=0.6,
        assumption=None,
        reason="the intervals are disjoint",
        expected="inconsistent",
        status="ok",
        where="claims/derivations/loads.yaml:3",
        steps=(
            StepRecord(expression="load", value=3.0, low=2.7, high=3.3, unit="t", note="input"),
            StepRecord(expression="(count * load)", value=6.0, low=5.4, high=6.6, unit="t"),
        ),
    )


def automatic() -> CheckRecord:
    same = IntervalRecord(value=100.0, low=90.0, high=110.0, unit="GW")
    return CheckRecord(
        id="auto-cluster-00000000",
        title="auto",
        kind="auto",
        inputs={"first": "tiny.de/00000001", "second": "tiny.ru/00000004"},
        expression="first",
        result=same,
        compared=same,
        verdict="consistent",
        factor=1.0,
        reason="the intervals overlap in [90, 110]",
        status="auto",
    )


def test_curated_json_has_every_field_in_the_order_check_prints_them() -> None:
    data = curated().model_dump(mode="json")
    assert list(data) == ORDER_CURATED
    assert data["result"] == {"value": 6.0, "low": 5.4, "high": 6.6, "unit": "t"}
    assert list(data["steps"][0]) == ["expression", "value", "low", "high", "unit", "note"]
    assert data["steps"][1]["note"] == ""


def test_automatic_json_leaves_out_compare_and_steps() -> None:
    data = automatic().model_dump(mode="json")
    assert list(data) == [k for k in ORDER_CURATED if k not in ("compare", "steps")]
    assert (data["assumption"], data["expected"], data["where"]) == (None, None, None)


def test_records_json_round_trips_through_json() -> None:
    records = [curated(), automatic()]
    text = json.dumps(records_json(records), sort_keys=True)
    back = [CheckRecord.model_validate(item) for item in json.loads(text)]
    assert back == records


def test_a_record_refuses_an_unknown_verdict_or_field() -> None:
    with pytest.raises(ValidationError):
        curated().model_validate({**curated().model_dump(), "verdict": "plausible"})
    with pytest.raises(ValidationError):
        curated().model_validate({**curated().model_dump(), "colour": "red"})


def test_assumption_record_keeps_its_range() -> None:
    a = AssumptionRecord(name="mass", value=1.0, low=0.9, high=1.1, unit="t")
    assert a.model_dump() == {"name": "mass", "value": 1.0, "low": 0.9, "high": 1.1, "unit": "t"}


def test_outcome_table_reads_the_record_fields() -> None:
    lines = outcome_table([curated(), automatic()]).splitlines()
    header = "id inputs result compared verdict expected status"
    assert lines[0].split() == header.split(" ")
    row = "two-loads count, load 6 [5.4, 6.6] t 10 [10, 10] t inconsistent inconsistent ok"
    assert lines[2].split() == row.split()
    assert lines[3].split()[-3:] == ["consistent", "-", "auto"]


# -- the verdict table --------------------------------------------------------------------


def test_the_table_has_every_verdict_once() -> None:
    assert sorted(v.name for v in VERDICTS) == sorted(get_args(VerdictKind))
    # The graph's legend shows them in this order.
    assert [v.name for v in VERDICTS] == ["consistent", "inconsistent", "implies", "unverifiable"]


def test_ratings_from_worst_to_best() -> None:
    ratings = {v.name: v.rating for v in (*VERDICTS, UNCHECKED)}
    assert ratings == {
        "inconsistent": 1,
        "unverifiable": 2,
        "unchecked": 2,
        "implies": 3,
        "consistent": 4,
    }
    assert (WORST_RATING, BEST_RATING) == (1, 4)


def test_graph_colours_and_symbols() -> None:
    assert (verdict_info("consistent").colour, verdict_info("consistent").symbol) == (
        "#2e7d32",
        "✓",
    )
    assert (verdict_info("inconsistent").tint, verdict_info("inconsistent").symbol) == (
        "#ffebee",
        "✗",
    )
    assert verdict_info("implies").symbol == "⇒"
    assert verdict_info("unverifiable").symbol == "?"


def test_a_claims_rating_is_its_strongest_verdict() -> None:
    assert claim_rating([]) is UNCHECKED
    assert claim_rating(["unverifiable"]).name == "unverifiable"
    # A check that cannot tell does not outweigh one that can.
    assert claim_rating(["unverifiable", "implies"]).name == "implies"
    assert claim_rating(["implies", "consistent"]).name == "consistent"
    assert claim_rating(["consistent", "inconsistent", "implies"]).name == "inconsistent"
    assert claim_rating(["consistent"]).label == "Consistent with other figures"
    assert UNCHECKED.label == "Not checked against other figures"


def test_rdf_ratings_come_from_the_table() -> None:
    graph = Graph()
    add_verdicts(graph, [curated(), automatic()])
    for record, value in ((curated(), 1), (automatic(), 4)):
        rating = URIRef(f"{iri('review', record.id)}/rating")
        assert graph.value(rating, SCHEMA.ratingValue) == Literal(value)
        assert graph.value(rating, SCHEMA.alternateName) == Literal(record.verdict)
        assert graph.value(rating, SCHEMA.worstRating) == Literal(1)
        assert graph.value(rating, SCHEMA.bestRating) == Literal(4)
