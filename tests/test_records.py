"""The typed seam between derivations and their readers: ``CheckRecord`` and its JSON, and
the one verdict table that RDF, the pages and the graph read."""

from __future__ import annotations

import json
from typing import get_args

import pytest
from pydantic import ValidationError
from rdflib import RDF, Graph, Literal, URIRef

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
    RATINGS,
    VERDICTS,
    WORST_RATING,
    rating_info,
    verdict_info,
    worst,
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
    "explanation",
    "speakers",
    "claims",
    "scope",
    "precision",
    "grade",
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
    speakers = {"load": ["Anna Weber"], "count": []}
    first = curated().model_copy(update={"speakers": speakers, "grade": "far"})
    lines = outcome_table([first, automatic()]).splitlines()
    header = "id speakers result compared verdict grade factor expected status"
    assert lines[0].split() == header.split(" ")
    row = "two-loads Anna Weber 6 [5.4, 6.6] t 10 [10, 10] t inconsistent far 0.6 inconsistent ok"
    assert lines[2].split() == row.split()
    assert lines[3].split()[-4:] == ["-", "1", "-", "auto"]


def test_outcome_table_explains_under_each_row() -> None:
    first = curated().model_copy(update={"explanation": "Two loads of 3 t are 6 t, not 10 t."})
    lines = outcome_table([first, automatic()], explain=True).splitlines()
    assert lines[3] == "    Two loads of 3 t are 6 t, not 10 t."
    assert lines[4].startswith("auto-cluster-00000000")


# -- the verdict table --------------------------------------------------------------------


def test_the_table_has_every_verdict_once() -> None:
    assert sorted(v.name for v in VERDICTS) == sorted(get_args(VerdictKind))
    # The graph's legend shows them in this order.
    assert [v.name for v in VERDICTS] == ["consistent", "inconsistent", "implies", "unverifiable"]


def test_ratings_from_worst_to_best() -> None:
    ratings = {r.name: r.rating for r in RATINGS}
    assert ratings == {
        "inconsistent": 1,
        "close": 2,
        "implies": 3,
        "within precision": 4,
        "consistent": 5,
    }
    assert (WORST_RATING, BEST_RATING) == (1, 5)


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


def test_a_claims_rating_is_the_worst_its_checks_give() -> None:
    assert worst([]) is None
    assert worst(["consistent", "implies"]) == rating_info("implies")
    assert worst(["within precision", "consistent"]).name == "within precision"  # type: ignore[union-attr]
    assert worst(["close", "inconsistent", "consistent"]).name == "inconsistent"  # type: ignore[union-attr]
    label = "Differs only within the rounding of the figures"
    assert rating_info("within precision").label == label


def test_rdf_reviews_of_checks_carry_the_verdict_and_the_explanation() -> None:
    graph = Graph()
    explained = curated().model_copy(update={"explanation": "Two loads of 3 t are 6 t."})
    add_verdicts(graph, [explained, automatic()])
    for record, body in ((explained, "Two loads of 3 t are 6 t."), (automatic(), None)):
        review = iri("review", record.id)
        rating = URIRef(f"{review}/rating")
        assert graph.value(rating, SCHEMA.alternateName) == Literal(record.verdict)
        # A check is no claim: its review is a schema:Review and has no rating value.
        assert graph.value(rating, SCHEMA.ratingValue) is None
        assert (review, RDF.type, SCHEMA.Review) in graph
        assert (review, RDF.type, SCHEMA.ClaimReview) not in graph
        assert graph.value(review, SCHEMA.reviewBody) == Literal(body or record.reason)
