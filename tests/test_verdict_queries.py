"""Verdicts are in the RDF and in build/: queryable with SPARQL, written as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest

from claimkb.build.outputs import write_knowledge
from claimkb.build.stages import knowledge_base
from claimkb.derive.records import derivation_records
from claimkb.ledger.sources import load_sources
from claimkb.rdf.examples import BUILT_IN
from claimkb.rdf.store import open_store, read_query, run_query
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("build")
    kb = knowledge_base(EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir)
    write_knowledge(kb, folder, derivation_records(kb, EXAMPLE.claims_dir))
    return folder


def test_verdicts_inconsistent_derivations_with_their_inputs_quotes(built: Path) -> None:
    store: pyoxigraph.Store = open_store(built)
    text, origin = read_query(str(BUILT_IN / "inconsistent-derivations.rq"))
    _, rows = run_query(store, text, origin)
    # Worked out from claims/derivations/*.yaml: the five derivations expected to be
    # inconsistent, each with the claims among its inputs (reference facts and other
    # derivations are not claims). The TeraFab one sets 36Kr's "in 3 Jahren" against
    # Musk's "около «пяти лет»" (about five years), whose surface is "пяти лет"; the hand
    # heading sets 36Kr's "50" against Musk's "26" per hand.
    assert [(row[0], row[2]) for row in rows] == [
        ("optimus-hand-heading-vs-per-hand", "26"),
        ("optimus-hand-heading-vs-per-hand", "50"),
        ("optimus-two-hands-vs-hands-and-forearms", "26"),
        ("optimus-two-hands-vs-hands-and-forearms", "50"),
        ("starship-launches-for-terawatt-a-year", "20–30\u202f000"),
        ("starship-launches-for-terawatt-a-year", "около тераватта"),
        ("starship-launches-per-hour", "10.000"),
        ("starship-launches-per-hour", "ein"),
        ("terafab-scale-up-vs-fab-ramp", "3 Jahren"),
        ("terafab-scale-up-vs-fab-ramp", "пяти лет"),
    ]
    assert all(row[1] == "inconsistent" for row in rows)
    assert any("Jede Hand hat 26 Aktuatoren" in str(row[3]) for row in rows)


def test_verdicts_written_to_build_as_json(built: Path) -> None:
    records = json.loads((built / "derivations.json").read_text(encoding="utf-8"))
    curated = [r for r in records if r["kind"] == "curated"]
    assert len(curated) >= 15 and all(r["status"] == "ok" for r in curated)
    assert {r["verdict"] for r in curated} == {
        "consistent",
        "inconsistent",
        "implies",
        "unverifiable",
    }
