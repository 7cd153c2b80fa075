"""Derivations found automatically, checked against figures worked out by hand."""

from __future__ import annotations

import pytest

from kb import paths
from kb.auto import AutoCheck, auto_checks, ratios
from kb.build import knowledge_base
from kb.knowledge import KnowledgeBase
from kb.sources import load_sources


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base(paths.CLAIMS, load_sources(paths.SOURCES_YAML), paths.SOURCES)


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
