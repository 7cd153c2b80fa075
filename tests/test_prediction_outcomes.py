"""What became of a prediction, as the reviewed ledger records it: the outcome shows on the
predictions page and in the graph (and the query of predictions past due); a settled outcome
needs evidence, and an outcome of a claim that is no prediction is a file:line error. The
evidence below is invented for the tests."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from claimkb.build.stages import BuildError, knowledge_base
from claimkb.core.yamlio import LedgerError
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.knowledge.predictions import predictions
from claimkb.ledger.ledger import load_ledger
from claimkb.ledger.sources import load_sources
from claimkb.pages.common import PREDICTIONS_PAGE
from claimkb.pages.site import generate_pages
from claimkb.rdf.graph import to_rdf
from claimkb.rdf.shacl import validate
from claimkb.rdf.vocab import CKB, SCHEMA, iri
from tests.conftest import EXAMPLE

KR = "36kr-baron-capital-interview-2025-11-17.de"
#: "xAI wird im ersten Quartal 2026 Grok 5 veröffentlichen." (36Kr, due 2026-03-31)
GROK = f"{KR}/8c2c0db4"
#: The second statement of "in 1 bis 2 Jahren" (first: "in 1-2 Jahren", 9ad072d6).
AGAIN = f"{KR}/51547469"
FIRST = f"{KR}/9ad072d6"

OUTCOMES = f"""reviews:
  - claim: {GROK}
    status: confirmed
    outcome:
      result: did not
      evidence:
        - url: https://example.org/grok-release-notes
          date: 2026-04-02
          note: no release in the first quarter
  - claim: {AGAIN}
    status: confirmed
    outcome:
      result: not yet known
"""


@pytest.fixture
def claims_copy(tmp_path: Path) -> Path:
    target = tmp_path / "claims"
    shutil.copytree(EXAMPLE.claims_dir, target)
    (target / "reviewed").mkdir(exist_ok=True)
    return target


def _kb(claims_dir: Path) -> KnowledgeBase:
    return knowledge_base(claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir)


def test_an_outcome_shows_on_the_predictions_page_and_in_the_graph(
    claims_copy: Path, tmp_path: Path
) -> None:
    (claims_copy / "reviewed" / "outcomes.yaml").write_text(OUTCOMES, encoding="utf-8")
    kb = _kb(claims_copy)
    by_first = {p.claim.id: p for p in predictions(kb)}
    assert by_first[GROK].outcome is not None and by_first[GROK].outcome.result == "did not"
    # Recorded on the second statement, it belongs to the prediction both state.
    assert AGAIN not in by_first and by_first[FIRST].outcome is not None
    assert by_first[FIRST].outcome.result == "not yet known"

    docs = tmp_path / "docs"
    generate_pages(kb, [], docs, dt.date(2026, 11, 22), EXAMPLE.config)
    page = (docs / PREDICTIONS_PAGE).read_text(encoding="utf-8")
    (row,) = [r for r in page.split("<tr") if "xAI wird im" in r]
    assert "<strong>did not</strong>" in row
    assert '<a href="https://example.org/grok-release-notes">2026-04-02</a>' in row
    assert "no release in the first quarter" in row and "due date passed" in row
    (row,) = [r for r in page.split("<tr") if "again" in r and "2027-11-14" in r]
    assert "<strong>not yet known</strong>" in row

    graph = to_rdf(kb)
    validate(graph)
    prediction = iri("prediction", GROK)
    assert (iri("claim", GROK), CKB.prediction, prediction) in graph
    assert (prediction, CKB.dueDate, Literal(dt.date(2026, 3, 31))) in graph
    outcome = iri("outcome", GROK)
    assert (prediction, CKB.outcome, outcome) in graph
    assert (outcome, CKB.result, Literal("did not")) in graph
    evidence = iri("evidence", f"{GROK}/evidence/1")
    assert (outcome, CKB.evidence, evidence) in graph
    assert (evidence, SCHEMA.url, URIRef("https://example.org/grok-release-notes")) in graph
    assert (evidence, SCHEMA.datePublished, Literal(dt.date(2026, 4, 2))) in graph
    merged = iri("prediction", FIRST)
    assert set(graph.objects(merged, CKB.statement)) == {iri("claim", FIRST), iri("claim", AGAIN)}
    assert (iri("outcome", FIRST), CKB.result, Literal("not yet known")) in graph
    # The claim that is past tense says why it is none.
    reasons = {str(o) for o in graph.objects(None, CKB.notAPrediction)}
    assert "past tense: 'hat … abgeschlossen'" in reasons


def test_a_settled_outcome_needs_evidence_and_a_web_url(claims_copy: Path) -> None:
    path = claims_copy / "reviewed" / "bad.yaml"
    path.write_text(
        f"reviews:\n  - claim: {GROK}\n    status: confirmed\n    outcome:\n"
        "      result: came true\n",
        encoding="utf-8",
    )
    with pytest.raises(
        LedgerError, match=r"bad\.yaml:5: reviews -> 0 -> outcome: .*needs evidence"
    ):
        load_ledger(claims_copy)
    path.write_text(
        f"reviews:\n  - claim: {GROK}\n    status: confirmed\n    outcome:\n"
        "      result: partly\n      evidence:\n        - url: ftp://example.org/x\n"
        "          date: 2026-04-02\n",
        encoding="utf-8",
    )
    with pytest.raises(LedgerError, match=r"bad\.yaml:\d+: reviews -> 0 -> outcome -> evidence"):
        load_ledger(claims_copy)
    path.write_text(
        f"reviews:\n  - claim: {GROK}\n    status: confirmed\n    outcome:\n      result: maybe\n",
        encoding="utf-8",
    )
    with pytest.raises(LedgerError, match=r"bad\.yaml:\d+: reviews -> 0 -> outcome -> result"):
        load_ledger(claims_copy)


def test_an_outcome_of_a_claim_that_is_no_prediction_names_its_file_and_line(
    claims_copy: Path,
) -> None:
    # "Neuralink hat dieses Jahr die ersten Implantationsoperationen ... abgeschlossen."
    past = "allin-podcast-interview-2025-09.de/47ddf299"
    (claims_copy / "reviewed" / "past.yaml").write_text(
        f"reviews:\n  - claim: {past}\n    status: confirmed\n    outcome:\n"
        "      result: not yet known\n",
        encoding="utf-8",
    )
    with pytest.raises(
        BuildError,
        match=r"past\.yaml:2: outcome for claim .*47ddf299, which is "
        r"no prediction \(past tense: 'hat … abgeschlossen'\)",
    ):
        _kb(claims_copy)


def test_two_outcomes_of_one_prediction_must_agree(claims_copy: Path) -> None:
    # "in 1-2 Jahren" and "in 1 bis 2 Jahren" state one prediction; two results differ.
    (claims_copy / "reviewed" / "twice.yaml").write_text(
        f"reviews:\n  - claim: {FIRST}\n    status: confirmed\n    outcome:\n"
        "      result: not yet known\n"
        f"  - claim: {AGAIN}\n    status: confirmed\n    outcome:\n"
        "      result: did not\n      evidence:\n"
        "        - url: https://example.org/fab\n          date: 2027-12-01\n",
        encoding="utf-8",
    )
    with pytest.raises(
        BuildError,
        match=r"twice\.yaml:6: outcome for claim .*51547469 differs from the one at "
        r".*twice\.yaml:2",
    ):
        _kb(claims_copy)
