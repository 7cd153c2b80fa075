"""The main job end to end on a copy of the repository's data: what it writes, and that a
failing build leaves the previous build/ as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimkb.build.outputs import write_knowledge
from claimkb.build.stages import BuildError, build
from claimkb.core import paths
from claimkb.derive.records import derivation_records
from claimkb.knowledge.knowledge import KnowledgeBase


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A repository-like folder with the bundled sources and the ledger."""
    shutil.copytree(paths.SOURCES, tmp_path / "sources")
    shutil.copytree(paths.CLAIMS, tmp_path / "claims")
    (tmp_path / "claims" / "reviewed").mkdir(exist_ok=True)
    return tmp_path


def test_build_writes_every_output_and_reports_the_stages(root: Path) -> None:
    def export(kb: KnowledgeBase, folder: Path) -> int:
        return write_knowledge(kb, folder, derivation_records(kb, root / "claims"))

    summary = build(root, exporters=(export,))
    names = {path.name for path in (root / "build").iterdir()}
    assert {"claims.jsonl", "kb.ttl", "kb.jsonld", "store", "derivations.json"} <= names
    assert (summary.sources, summary.claims) == (5, 144)
    assert summary.triples > 5000 and summary.links >= 20
    assert list(summary.timings)[:3] == ["load sources", "extract", "ledger and checks"]


def test_build_failure_leaves_the_previous_build_intact(root: Path) -> None:
    build(root)
    before = (root / "build" / "claims.jsonl").read_bytes()
    (root / "claims" / "reviewed" / "ghost.yaml").write_text(
        "reviews:\n  - claim: nowhere/00000000\n    status: not_a_claim\n"
    )
    with pytest.raises(BuildError, match=r"ghost\.yaml:2: review of unknown claim"):
        build(root)
    assert (root / "build" / "claims.jsonl").read_bytes() == before
    assert not [p for p in root.iterdir() if p.name.startswith(".build")]
