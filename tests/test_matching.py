"""Same-claim links over the bundled corpus, checked against pairs worked out by hand from
the texts: the same figure in two languages, repeated in one source, and compatible figures
of one quantity; and figures that must stay apart."""

from __future__ import annotations

import math

import pytest

from claimkb.build.stages import knowledge_base
from claimkb.core.models import Quantity
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.knowledge.matching import clusters, normalise, reach, spanning_links
from claimkb.ledger.sources import load_sources
from tests.conftest import EXAMPLE

THREAD = "dwarkesh-x-thread-2026-02-06.de"
DIGEST = "dwarkesh-podcast-digest-2026-02-06.ru"
BARON = "36kr-baron-capital-interview-2025-11-17.de"
ALLIN = "allin-podcast-interview-2025-09.de"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base(
        EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir
    )


def _ids(kb: KnowledgeBase, source: str, surface: str) -> list[str]:
    found = [c.id for c in kb.claims if c.source == source and c.surface == surface]
    assert found, f"no claim {surface!r} in {source}"
    return found


def _cluster_of(kb: KnowledgeBase, claim_id: str) -> set[str]:
    return next((set(group) for group in kb.clusters if claim_id in group), {claim_id})


SAME = [
    # "100 GW = 10.000 Starship-Starts" and «порядка 10 000 запусков Starship»
    ((THREAD, "10.000"), (DIGEST, "порядка 10\u202f000")),
    ((THREAD, "100 GW"), (DIGEST, "100 гигаватт")),
    # "über 10" Neuralink patients (36Kr) and "12 Menschen" (All-In): one figure
    ((BARON, "über 10"), (ALLIN, "12")),
    # "10 Millionen Roboter pro Jahr" (Baron) and «10 миллионов» в год (Optimus 4)
    ((BARON, "10 Millionen"), (DIGEST, "10 миллионов")),
    # Optimus Academy: "Zehntausende" robots, «как минимум 10 000», «20–30 000»
    ((THREAD, "Zehntausende"), (DIGEST, "как минимум 10\u202f000")),
]

APART = [
    # "weniger als 6 Millionen US-Dollar" is not the 60,000 dollars of the same answer
    ((BARON, "weniger als 6 Millionen US-Dollar"), (BARON, "60.000 US-Dollar")),
    # 10,000 launches a year is not "Tausende von Starts pro Jahr" (2,000 to 9,000)
    ((DIGEST, "10\u202f000"), (THREAD, "Tausende")),
    # three business areas and three products: different things counted
    ((ALLIN, "drei"), (ALLIN, "Drei")),
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a[1]}~{b[1]}" for a, b in SAME])
def test_matching_links_the_same_claim(
    kb: KnowledgeBase, a: tuple[str, str], b: tuple[str, str]
) -> None:
    first = _ids(kb, *a)[0]
    others = [i for i in _ids(kb, *b) if i != first]
    assert others and any(other in _cluster_of(kb, first) for other in others)


def test_matching_links_a_figure_repeated_in_one_source(kb: KnowledgeBase) -> None:
    repeated = _ids(kb, ALLIN, "1,7 Milliarden Dollar")
    assert len(repeated) == 3 and set(repeated) <= _cluster_of(kb, repeated[0])


@pytest.mark.parametrize(("a", "b"), APART, ids=[f"{a[1]}!~{b[1]}" for a, b in APART])
def test_matching_keeps_different_figures_apart(
    kb: KnowledgeBase, a: tuple[str, str], b: tuple[str, str]
) -> None:
    for first in _ids(kb, *a):
        assert not _cluster_of(kb, first) & set(_ids(kb, *b)) - {first}


def test_matching_links_point_at_existing_claims(kb: KnowledgeBase) -> None:
    ids = {claim.id for claim in kb.claims}
    assert kb.links and all(a in ids and b in ids and a < b for a, b in kb.links)


def test_matching_spanning_links_connect_each_cluster_with_one_link_fewer_than_claims() -> None:
    # a: every pair of a, b, c, d (6 links); b: x-y, y-z, x-z (a triangle); c: p-q
    links = [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]
    links += [("y", "z"), ("x", "z"), ("x", "y"), ("p", "q")]
    tree = spanning_links(links)
    assert tree == [("a", "b"), ("a", "c"), ("a", "d"), ("p", "q"), ("x", "y"), ("x", "z")]
    assert set(tree) <= set(links)
    assert clusters(tree) == clusters(links) == [["a", "b", "c", "d"], ["x", "y", "z"], ["p", "q"]]
    assert spanning_links([]) == []


def test_matching_reach_holds_every_value_a_partner_could_have() -> None:
    def reach_of(value: float, low: float | None = None, high: float | None = None) -> tuple:
        quantity = Quantity(kind="count", value=value, unit="", low=low, high=high)
        normalised = normalise(quantity)
        assert normalised is not None
        return reach(normalised)

    # 12 meets 9 (hedged, 25 % of 12) and 16 (25 % of 16): 12 ± 4
    assert reach_of(12.0) == (8.0, 16.0)
    assert reach_of(-12.0) == (-16.0, -8.0)
    assert reach_of(0.0) == (0.0, 0.0)
    # a range is what the other must overlap; "über 10" reaches to 20, "unter 6" down to 3
    assert reach_of(25.0, 20.0, 30.0) == (20.0, 30.0)
    assert reach_of(10.0, 10.0, None) == (10.0, 20.0)
    assert reach_of(6.0, None, 6.0) == (3.0, 6.0)
    assert reach_of(0.0, None, 0.0) == (-math.inf, 0.0)
