"""The main job: sources → extracted ledger → validated ledger → knowledge base → exports.

Each stage is a plain function the tests call; ``build`` runs them in order, times them,
and writes everything — the fresh ledger included — into a staging folder first: the
ledger files move into ``claims/extracted/`` and the folder becomes ``build/`` only when
every stage succeeded, so a failed build changes no file of the project.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from claimkb.build.lock import build_lock
from claimkb.build.parallel import SERIAL, Workers, ledger_outcomes
from claimkb.build.staging import PREFIX, describe, recover, remove_entry, swap
from claimkb.core.errors import ClaimkbError
from claimkb.core.models import EntityFile, LedgerFile, ReferenceFile, ReviewFile, Source
from claimkb.core.project import Project
from claimkb.core.yamlio import LINE, LedgerError, read_yaml
from claimkb.extract.reader import InputError, read_text
from claimkb.knowledge.checks import run_checks
from claimkb.knowledge.knowledge import KnowledgeBase, assemble
from claimkb.ledger.ledger import (
    Ledger,
    Located,
    extracted_path,
    load_ledger,
    located_records,
)
from claimkb.ledger.ratings import RATINGS_FILE, ratings_path
from claimkb.ledger.sources import load_sources
from claimkb.ledger.vocabulary import load_vocabulary


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
    """The text of every source, read as the extractor reads it (``extract.reader``: UTF-8,
    line ends and a byte order mark kept), so that claim offsets index these strings; an
    unusable file is an ``InputError`` naming it as the project does, and its entry."""
    entries = _entry_lines(sources_dir / "sources.yaml")
    texts = {}
    for index, source in enumerate(sources):
        with _named(sources_dir, source, entries.get(index)):
            texts[source.id] = read_text(sources_dir / source.file)
    return texts


def _entry_lines(sources_yaml: Path) -> dict[int, int]:
    """The line of each entry of ``sources.yaml`` (by position), for messages."""
    try:
        entries = read_yaml(sources_yaml)
    except LedgerError:
        return {}
    if not isinstance(entries, list):
        return {}
    return {
        index: int(entry.get(LINE, 1))
        for index, entry in enumerate(entries)
        if isinstance(entry, dict)
    }


@contextmanager
def _named(sources_dir: Path, source: Source, line: int | None) -> Iterator[None]:
    """An ``InputError`` raised for ``source``'s file names it as the project does
    (``sources/<file>``, the same words ``claimkb extract sources/<file>`` prints) and
    says where the source is listed."""
    try:
        yield
    except InputError as error:
        shown = f"{sources_dir.name}/{source.file}"
        listed = f"{sources_dir.name}/sources.yaml" + (f":{line}" if line else "")
        raise InputError(
            shown, f"{error.problem} (source {source.id!r}, listed in {listed})", error.line
        ) from None


Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    """The default progress report: none."""


@dataclass(frozen=True)
class StagedLedger:
    """The fresh ledger of a build, written into the staging folder, not yet committed:
    ``files`` maps each ``claims/extracted/<source>.yaml`` to its staged copy."""

    files: dict[Path, Path]


def stage_ledger(
    project: Project,
    sources: list[Source],
    folder: Path,
    progress: Progress = _quiet,
    workers: Workers = SERIAL,
) -> StagedLedger:
    """Extract every source into ``folder`` (one ledger file per source), on ``workers``;
    the files are written here, in source order, so they are the same wherever the work
    ran. Nothing under ``claims/`` is touched until ``commit_ledger``."""
    folder.mkdir(parents=True, exist_ok=True)
    claims_dir = project.claims_dir
    vocabulary = load_vocabulary(claims_dir)
    entries = _entry_lines(project.sources_yaml)
    files: dict[Path, Path] = {}
    progress("extract", 0, len(sources))
    with closing(ledger_outcomes(sources, project.sources_dir, vocabulary, workers)) as outcomes:
        for done, (source, outcome) in enumerate(zip(sources, outcomes, strict=True), start=1):
            with _named(project.sources_dir, source, entries.get(done - 1)):
                text = outcome.ledger_text()
            staged, final = folder / f"{source.id}.yaml", extracted_path(claims_dir, source.id)
            try:
                write_text(staged, text)
            except OSError as error:  # named as the file it would become
                raise OSError(error.errno, error.strerror, str(final)) from None
            files[final] = staged
            progress("extract", done, len(sources))
    return StagedLedger(files)


def load_staged_ledger(claims_dir: Path, staged: StagedLedger) -> Ledger:
    """The ledger as it will be once ``staged`` is committed, read as ``load_ledger`` reads
    ``claims/``, except that each extracted file the build rewrites is read from its staged
    copy (and named by its place in ``claims/extracted/``): a committed file it replaces is
    not read at all, so a broken one is mended by the build, as before."""
    extracted = {path: path for path in (claims_dir / "extracted").glob("*.yaml")}
    extracted.update(staged.files)
    ledger = Ledger()
    for path in sorted(extracted):
        ledger.extracted += [
            Located(located.record, path, located.line)
            for located in located_records(extracted[path], "claims", LedgerFile)
        ]
    for path in sorted((claims_dir / "reviewed").glob("*.yaml")):
        ledger.reviews += located_records(path, "reviews", ReviewFile)
    for path in sorted((claims_dir / "reference").glob("*.yaml")):
        ledger.references += located_records(path, "references", ReferenceFile)
    entities = claims_dir / "entities.yaml"
    if entities.exists():
        ledger.entities += located_records(entities, "entities", EntityFile)
    return ledger


def commit_ledger(staged: StagedLedger, backups: Path) -> Callable[[], None]:
    """Move the staged ledger files into ``claims/extracted/``, each by a rename (a file
    whose bytes are unchanged is left as it is), and return what undoes it. The files
    replaced are kept in ``backups`` (a folder on the same file system) until the build
    has swapped ``build/`` in; if a rename fails, the ones done are undone at once, so
    ``claims/extracted/`` is either as it was or wholly new. An error names the file in
    ``claims/extracted/``."""
    done: list[tuple[Path, Path | None]] = []

    def undo() -> None:
        for final, backup in reversed(done):
            if backup is None:
                with suppress(FileNotFoundError):
                    os.unlink(final)
            else:
                os.replace(backup, final)

    for final, copy in sorted(staged.files.items()):
        if final.is_file() and final.read_bytes() == copy.read_bytes():
            continue
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            backup = backups / final.name if os.path.lexists(final) else None
            if backup is not None:
                os.replace(final, backup)
            done.append((final, backup))
            _move(copy, final)
        except OSError as error:
            undo()
            raise OSError(error.errno, error.strerror, str(final)) from None
        except BaseException:
            undo()
            raise
    return undo


def _move(copy: Path, final: Path) -> None:
    """Rename; across file systems (a ``claims/`` mounted elsewhere), copy atomically."""
    try:
        os.replace(copy, final)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        _write_atomically(final, copy.read_text(encoding="utf-8"))


def write_text(path: Path, text: str) -> None:
    """Write a new file of the build: UTF-8, ``\\n`` line ends."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(text)


def _write_atomically(path: Path, text: str) -> None:
    """Write ``path`` through a temporary file beside it, removed if the write fails."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def knowledge_base(claims_dir: Path, sources: list[Source], sources_dir: Path) -> KnowledgeBase:
    """Load and check the ledger, and assemble the knowledge base; problems raise."""
    return checked_knowledge_base(load_ledger(claims_dir), sources, sources_dir)


def checked_knowledge_base(
    ledger: Ledger, sources: list[Source], sources_dir: Path
) -> KnowledgeBase:
    """Check ``ledger`` and assemble the knowledge base of it and the sources' texts."""
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
    except OSError as error:
        raise BuildError(describe(error, project.build_dir)) from None


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


LEDGER_FOLDER = ".ledger"
"""Where in the staging folder the fresh ledger waits for the build to succeed."""


def build(
    project: Project,
    exporters: tuple[Exporter, ...] = (),
    progress: Progress = _quiet,
    workers: Workers = SERIAL,
) -> Summary:
    """Run every stage for ``project``; ``exporters`` write into the new ``build/`` and
    return how many triples they wrote (0 when not RDF).

    All or nothing: the fresh ledger and every output are written into a staging folder,
    and only when every stage has succeeded are the ledger files moved into
    ``claims/extracted/`` and the staging folder swapped in as ``build/``. A build that
    fails — bad input, a check, an exporter, a full disk, a folder it may not write —
    leaves ``claims/extracted/`` and ``build/`` byte-identical and no staging folder behind;
    an operating system error is one line naming the path and the system's reason. One
    build of a project runs at a time (``build.lock``), and each first puts right what a
    killed build left (``build.staging.recover``)."""
    build_dir = project.build_dir
    try:
        with build_lock(project.root):
            recover(build_dir)
            return _build(project, exporters, progress, workers)
    except LedgerError as error:
        raise BuildError(str(error)) from None
    except OSError as error:
        raise BuildError(describe(error, build_dir)) from None


def _with_ratings(staged: StagedLedger, folder: Path, claims_dir: Path) -> StagedLedger:
    """``staged`` and, when an exporter wrote one into ``folder``, the ratings file
    (``ledger.ratings``): it is committed with the extracted ledger, all or nothing."""
    ratings = folder / RATINGS_FILE
    if not ratings.is_file():
        return staged
    return StagedLedger({**staged.files, ratings_path(claims_dir): ratings})


def _staging_folder(root: Path) -> Path:
    """A new ``.build.<random>`` folder in the project's root; a root the build may not
    write is named in the error."""
    try:
        return Path(tempfile.mkdtemp(dir=root, prefix=PREFIX))
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(root)) from None


def _build(
    project: Project, exporters: tuple[Exporter, ...], progress: Progress, workers: Workers
) -> Summary:
    timings = Timings()
    build_dir = project.build_dir
    with timings.stage("load sources"):
        sources = load_sources(project.sources_yaml)
    staging = _staging_folder(build_dir.parent)
    backups: Path | None = None
    triples = 0
    try:
        with timings.stage("extract"):
            staged = stage_ledger(project, sources, staging / LEDGER_FOLDER, progress, workers)
        progress("ledger", 0, 1)
        with timings.stage("ledger and checks"):
            ledger = load_staged_ledger(project.claims_dir, staged)
            kb = checked_knowledge_base(ledger, sources, project.sources_dir)
        with timings.stage("claims.jsonl"):
            write_claims_jsonl(kb, staging)
        for exporter in exporters:
            progress(exporter.__name__, 0, 1)
            with timings.stage(exporter.__name__):
                triples = max(triples, exporter(kb, staging))
        staged = _with_ratings(staged, staging / LEDGER_FOLDER, project.claims_dir)
        backups = _staging_folder(build_dir.parent)
        undo = commit_ledger(staged, backups)
        try:
            shutil.rmtree(staging / LEDGER_FOLDER)
            swap(staging, build_dir)
        except BaseException:
            undo()
            raise
    except OSError as error:
        raise BuildError(describe(error, build_dir, staging)) from None
    finally:
        for folder in (staging, backups):  # what is left here, the next build removes
            with suppress(OSError):
                if folder is not None:
                    remove_entry(folder)
    return Summary(
        sources=len(sources),
        claims=len(kb.claims),
        links=len(kb.links),
        clusters=len(kb.clusters),
        triples=triples,
        timings=timings.stages,
    )
