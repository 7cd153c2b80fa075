"""The main job end to end on a copy of the repository's data: what it writes, and that a
failing build leaves the previous build/ as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkb.build.outputs import write_knowledge
from claimkb.build.stages import BuildError, build, copy_project
from claimkb.core.project import Project
from claimkb.derive.records import derivation_records
from claimkb.knowledge.knowledge import KnowledgeBase
from tests.conftest import EXAMPLE


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of the example project."""
    return copy_project(EXAMPLE, tmp_path / "project")


def test_build_writes_every_output_and_reports_the_stages(project: Project) -> None:
    def export(kb: KnowledgeBase, folder: Path) -> int:
        return write_knowledge(kb, folder, derivation_records(kb, project.claims_dir))

    summary = build(project, exporters=(export,))
    names = {path.name for path in project.build_dir.iterdir()}
    assert {"claims.jsonl", "kb.ttl", "kb.jsonld", "derivations.json"} <= names
    assert (summary.sources, summary.claims) == (5, 144)
    assert summary.triples > 5000 and summary.links >= 20
    assert list(summary.timings)[:3] == ["load sources", "extract", "ledger and checks"]


def test_build_failure_leaves_the_previous_build_intact(project: Project) -> None:
    build(project)
    before = (project.build_dir / "claims.jsonl").read_bytes()
    (project.claims_dir / "reviewed" / "ghost.yaml").write_text(
        "reviews:\n  - claim: nowhere/00000000\n    status: not_a_claim\n"
    )
    with pytest.raises(BuildError, match=r"^claims/reviewed/ghost\.yaml:2: review of unknown"):
        build(project)
    assert (project.build_dir / "claims.jsonl").read_bytes() == before
    assert not [p for p in project.root.iterdir() if p.name.startswith(".build")]


def test_build_lists_the_first_fifty_problems_and_counts_the_rest(project: Project) -> None:
    reviews = "".join(
        f"  - claim: nowhere/{number:08x}\n    status: not_a_claim\n" for number in range(120)
    )
    (project.claims_dir / "reviewed" / "many.yaml").write_text(f"reviews:\n{reviews}")
    with pytest.raises(BuildError) as raised:
        build(project)
    lines = str(raised.value).splitlines()
    assert len(lines) == 51
    assert lines[0] == (
        "claims/reviewed/many.yaml:2: review of unknown claim nowhere/00000000 "
        "[check_that_reviews_point_at_claims]"
    )
    assert lines[49].startswith("claims/reviewed/many.yaml:100: ")
    assert lines[50] == "... and 70 more problems"
