"""Derivations found automatically, checked against figures worked out by hand."""

from __future__ import annotations

import math

import pytest

from claimkb.build.stages import knowledge_base
from claimkb.derive.auto import AutoCheck, _star, _stated_value, auto_checks, ratios
from claimkb.derive.interval import Interval
from claimkb.derive.value import Value
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.ledger.sources import load_sources
from tests.conftest import EXAMPLE
from tests.rdf_fixtures import tiny_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base(
        EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir
    )


@pytest.fixture(scope="module")
def checks(kb: KnowledgeBase) -> list[AutoCheck]:
    return auto_checks(kb)


def test_auto_ratios_from_equations_in_one_sentence(kb: KnowledgeBase) -> None:
    # 100 GW / 10 000 launches = 10 MW (de, exact; ru, «порядка»); 300 MW / 110 000 GB300 =
    # 2.727 kW; 1 GW / 330 000 GB300 = 3.030 kW; 100 GW / 100 million chips = 1 kW
    in_kw = sorted(
        (r.count.source[:8], r.per, round(float(r.value.to("kW").nominal or 0), 3))
        for r in ratios(kb)
    )
    assert in_kw == [
        ("dwarkesh", "GB300", 2.727),
        ("dwarkesh", "GB300", 3.03),
        ("dwarkesh", "chip", 1.0),
        ("dwarkesh", "launch", 10000.0),
        ("dwarkesh", "launch", 10000.0),
    ]


def test_auto_same_ratios_are_compared(checks: list[AutoCheck]) -> None:
    same = {c.title: c.verdict.kind for c in checks if c.kind == "same-ratio"}
    # power per GB300: [2.45, 3.00] kW and [2.73, 3.33] kW overlap; power per launch:
    # exactly 10 MW inside [3.16, 31.6] MW («порядка» is an order of magnitude)
    assert sorted(same.values()) == ["consistent", "consistent"]
    assert any("GB300" in title for title in same)


def test_auto_cluster_checks_agree(checks: list[AutoCheck]) -> None:
    clusters = [c for c in checks if c.kind == "cluster"]
    assert clusters and all(c.verdict.kind == "consistent" for c in clusters)
    neuralink = [c for c in clusters if "'12'" in c.title]
    assert neuralink and all(c.verdict.kind == "consistent" for c in neuralink)


def test_auto_ids_are_stable_and_unique(kb: KnowledgeBase, checks: list[AutoCheck]) -> None:
    again = [c.id for c in auto_checks(kb)]
    assert again == [c.id for c in checks] and len(set(again)) == len(again)


def test_auto_star_pairs_each_member_with_the_most_precise_one() -> None:
    # relative widths: "über 10" infinite, "12" 0, "11 bis 13" 2/13, "12,5" 0: the anchor is
    # "12", the first of the two points; 3 pairs (n - 1) in the group's order, not 6
    values = [
        Value.of(Interval(10.0, math.inf)),
        Value.exact(12.0),
        Value.of(Interval(11.0, 13.0)),
        Value.exact(12.5),
    ]
    assert list(_star(["a", "b", "c", "d"], values)) == [("a", "b"), ("b", "c"), ("b", "d")]
    assert list(_star(["a"], values[:1])) == []


def test_auto_cluster_checks_are_one_fewer_than_each_clusters_figures(
    kb: KnowledgeBase, checks: list[AutoCheck]
) -> None:
    by_id = kb.claims_by_id
    figures = [[i for i in group if by_id[i].quantity.unit != "date"] for group in kb.clusters]
    expected = sum(len(group) - 1 for group in figures if group)
    assert len([c for c in checks if c.kind == "cluster"]) == expected


def test_auto_a_claim_of_less_than_nothing_is_left_out_of_cluster_checks() -> None:
    # "weniger als 0 Millionen US-Dollar": [0, 0) is empty, so there is nothing to compare
    claim = tiny_kb().claims[0]
    nothing = claim.model_copy(
        update={"quantity": claim.quantity.model_copy(update={"value": 0.0, "bound": "<"})}
    )
    assert _stated_value(nothing) is None
    assert _stated_value(claim) is not None
