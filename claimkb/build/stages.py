"""The main job: sources → extracted ledger → validated ledger → knowledge base → exports.

Each stage is a plain function the tests call; ``build`` runs them in order, times them, and
writes ``build/`` through a temporary folder that replaces the old one only when every
stage succeeded, so a failed build leaves the previous one intact.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from claimkb.knowledge.checks import run_checks
from claimkb.knowledge.knowledge import KnowledgeBase, assemble
from claimkb.ledger.ledger import Ledger, extract_ledger, extracted_path, ledger_text, load_ledger
from claimkb.core.errors import ClaimkbError
from claimkb.core.models import Source
from claimkb.core.project import Project
from claimkb.ledger.sources import load_sources
from claimkb.ledger.vocabulary import load_vocabulary
from claimkb.core.yamlio import LedgerError


class BuildError(ClaimkbError):
    """A build that cannot finish; ``str()`` is the report for the user."""


@dataclass
class Timings:
    """Seconds per stage, in the order the stages ran."""

    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.stages[name] = time.perf_counter() - started


@dataclass(frozen=True)
class Summary:
    """What a build made, for the user and for tests."""

    sources: int
    claims: int
    links: int
    clusters: int
    triples: int
    timings: dict[str, float]


def read_texts(sources: list[Source], sources_dir: Path) -> dict[str, str]:
    """The text of every source, decoded as the extractor reads it."""
    return {s.id: (sources_dir / s.file).read_text(encoding="utf-8") for s in sources}


Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    """The default progress report: none."""


def write_ledger(project: Project, sources: list[Source], progress: Progress = _quiet) -> None:
    """Refresh ``claims/extracted/`` from the sources (one file per source)."""
    claims_dir = project.claims_dir
    project.extracted_dir.mkdir(parents=True, exist_ok=True)
    vocabulary = load_vocabulary(claims_dir)
    progress("extract", 0, len(sources))
    for done, source in enumerate(sources, start=1):
        (ledger,) = extract_ledger([source], project.sources_dir, vocabulary)
        _write_atomically(extracted_path(claims_dir, ledger.source), ledger_text(ledger))
        progress("extract", done, len(sources))


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(tmp, path)


def knowledge_base(claims_dir: Path, sources: list[Source], sources_dir: Path) -> KnowledgeBase:
    """Load and check the ledger, and assemble the knowledge base; problems raise."""
    ledger: Ledger = load_ledger(claims_dir)
    texts = read_texts(sources, sources_dir)
    problems = run_checks(ledger)
    if not problems:
        kb = assemble(ledger, sources, texts)
        problems = run_checks(ledger, kb)
    if problems:
        raise BuildError(report_problems(problems))
    return kb


MAX_PROBLEMS = 50
"""How many problems a failed build lists; a count stands for the rest."""


def report_problems(problems: list[str]) -> str:
    """One line per problem, each with file:line, the first ``MAX_PROBLEMS`` of them: a
    hundred megabytes of bad reviews makes one screen of errors, not hundreds of thousands."""
    shown = problems[:MAX_PROBLEMS]
    if len(problems) > MAX_PROBLEMS:
        shown.append(f"... and {len(problems) - MAX_PROBLEMS:,} more problems")
    return "\n".join(shown)


def project_knowledge_base(project: Project) -> KnowledgeBase:
    """The knowledge base of a project's sources and committed ledger."""
    try:
        sources = load_sources(project.sources_yaml)
        return knowledge_base(project.claims_dir, sources, project.sources_dir)
    except LedgerError as error:
        raise BuildError(str(error)) from None


def copy_project(project: Project, target: Path) -> Project:
    """Copy what a build reads — configuration, sources, ledger, queries — into ``target``
    and return the copy as a project, so a build there (a test's, a benchmark's) cannot
    touch the original's outputs."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(project.config_path, target / project.config_path.name)
    for folder in (project.sources_dir, project.claims_dir, project.queries_dir):
        if folder.is_dir():
            shutil.copytree(folder, target / folder.name)
    return Project.load(target)


def write_claims_jsonl(kb: KnowledgeBase, folder: Path) -> None:
    """``claims.jsonl``: one reviewed claim per line, in source and text order."""
    with (folder / "claims.jsonl").open("w", encoding="utf-8", newline="\n") as out:
        for claim in kb.claims:
            out.write(json.dumps(claim.flat(), ensure_ascii=False) + "\n")


Exporter = Callable[[KnowledgeBase, Path], int]


def build(
    project: Project,
    exporters: tuple[Exporter, ...] = (),
    progress: Progress = _quiet,
) -> Summary:
    """Run every stage for ``project``; ``exporters`` write into the new ``build/`` and
    return how many triples they wrote (0 when not RDF)."""
    timings = Timings()
    sources_dir, claims_dir = project.sources_dir, project.claims_dir
    build_dir = project.build_dir
    try:
        with timings.stage("load sources"):
            sources = load_sources(sources_dir / "sources.yaml")
        with timings.stage("extract"):
            write_ledger(project, sources, progress)
        progress("ledger", 0, 1)
        with timings.stage("ledger and checks"):
            kb = knowledge_base(claims_dir, sources, sources_dir)
    except LedgerError as error:
        raise BuildError(str(error)) from None
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=build_dir.parent, prefix=".build."))
    triples = 0
    try:
        with timings.stage("claims.jsonl"):
            write_claims_jsonl(kb, staging)
        for exporter in exporters:
            progress(exporter.__name__, 0, 1)
            with timings.stage(exporter.__name__):
                triples = max(triples, exporter(kb, staging))
        _swap(staging, build_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Summary(
        sources=len(sources),
        claims=len(kb.claims),
        links=len(kb.links),
        clusters=len(kb.clusters),
        triples=triples,
        timings=timings.stages,
    )


def _swap(staging: Path, build_dir: Path) -> None:
    """Replace ``build_dir`` by ``staging``; the old one is removed only after the move.
    Other contents of an existing ``build/`` (the site, benchmarks) are carried over."""
    if build_dir.exists():
        for item in build_dir.iterdir():
            target = staging / item.name
            if not target.exists():
                os.replace(item, target)
        old = build_dir.with_name(f".{build_dir.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(build_dir, old)
        os.replace(staging, build_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, build_dir)
