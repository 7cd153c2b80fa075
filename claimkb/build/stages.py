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

from claimkb.core import paths
from claimkb.knowledge.checks import run_checks
from claimkb.knowledge.knowledge import KnowledgeBase, assemble
from claimkb.ledger.ledger import Ledger, extract_ledger, extracted_path, ledger_text, load_ledger
from claimkb.core.models import Source
from claimkb.ledger.sources import load_sources
from claimkb.core.yamlio import LedgerError


class BuildError(Exception):
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


def write_ledger(
    claims_dir: Path, sources: list[Source], sources_dir: Path, progress: Progress = _quiet
) -> None:
    """Refresh ``claims/extracted/`` from the sources (one file per source)."""
    folder = claims_dir / "extracted"
    folder.mkdir(parents=True, exist_ok=True)
    progress("extract", 0, len(sources))
    for done, source in enumerate(sources, start=1):
        (ledger,) = extract_ledger([source], sources_dir)
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
        raise BuildError("\n".join(problems))  # one line per problem, each with file:line
    return kb


def bundled_knowledge_base(root: Path = paths.ROOT) -> KnowledgeBase:
    """The knowledge base of the repository's own corpus and committed ledger."""
    return knowledge_base(
        root / "claims", load_sources(root / "sources" / "sources.yaml"), root / "sources"
    )


def copy_build_inputs(target: Path, root: Path = paths.ROOT) -> None:
    """Copy what a build reads — sources, ledger, example queries, the docs folder without
    its generated pages, the mkdocs configuration — from ``root`` into ``target``, so a
    build there (a test's, a benchmark's) cannot touch the repository's own outputs."""
    for folder in ("sources", "claims", "queries"):
        shutil.copytree(root / folder, target / folder)
    shutil.copytree(root / "site", target / "site", ignore=shutil.ignore_patterns("generated"))
    shutil.copy2(root / "mkdocs.yml", target / "mkdocs.yml")


def write_claims_jsonl(kb: KnowledgeBase, folder: Path) -> None:
    """``claims.jsonl``: one reviewed claim per line, in source and text order."""
    with (folder / "claims.jsonl").open("w", encoding="utf-8", newline="\n") as out:
        for claim in kb.claims:
            out.write(json.dumps(claim.flat(), ensure_ascii=False) + "\n")


Exporter = Callable[[KnowledgeBase, Path], int]


def build(
    root: Path = paths.ROOT,
    exporters: tuple[Exporter, ...] = (),
    progress: Progress = _quiet,
) -> Summary:
    """Run every stage for the corpus under ``root``; ``exporters`` write into the new
    ``build/`` and return how many triples they wrote (0 when not RDF)."""
    timings = Timings()
    sources_dir, claims_dir, build_dir = root / "sources", root / "claims", root / "build"
    try:
        with timings.stage("load sources"):
            sources = load_sources(sources_dir / "sources.yaml")
        with timings.stage("extract"):
            write_ledger(claims_dir, sources, sources_dir, progress)
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
