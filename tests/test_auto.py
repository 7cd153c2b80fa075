"""Derivations found automatically, checked against figures worked out by hand."""

from __future__ import annotations

import math

import pytest

from claimkb.build.stages import knowledge_base
from claimkb.derive.auto import AutoCheck, _star, auto_checks, ratios
from claimkb.derive.interval import Interval
from claimkb.derive.value import Value
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.ledger.sources import load_sources
from tests.conftest import EXAMPLE


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


def test_auto_checks_are_ratios_only(checks: list[AutoCheck]) -> None:
    # five equations give five ratio checks; two groups of two ratios (power per GB300,
    # power per launch) one same-ratio check each; members of a same-claim cluster are
    # not compared (drift reports figures of one quantity)
    assert sorted(c.kind for c in checks) == ["ratio"] * 5 + ["same-ratio"] * 2


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
