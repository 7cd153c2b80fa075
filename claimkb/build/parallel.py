"""The extraction stage over many workers: local processes (``--jobs N``) or the workers of a
Dask cluster (``--scheduler ADDRESS``), with the same result as one process.

The work is cut per source: a task holds what a worker needs to extract one document — the
``Source`` record, the name messages give its file, its cue times, and either the path of
its text (local workers read it themselves) or the text itself (a cluster's workers read
nothing of the project) — and its result is the YAML text of the source's ledger file, or
the error the extraction met, as data. The parent hands the results on in source order,
whatever order the workers finish in, so the ledger the build writes is byte-identical to
a serial build's, and the first error is the one a serial build meets first, raised where
a serial build raises it (``stages.stage_ledger`` names the source and its entry).

Local workers are processes started by ``spawn``, never forked from a parent that may hold
threads; each receives the project's vocabulary once and loads the word tables of the
corpus's languages when it starts (the extractor keeps them for the life of the process).
This process extracts too: alone until a worker has started (so no source waits in a worker
still importing, and a corpus smaller than a worker's start is done before one is ready),
then beside them. A cluster receives the vocabulary once, scattered to every worker.
"""

from __future__ import annotations

import importlib
import multiprocessing
import re
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimkb.core.errors import ClaimkbError
from claimkb.core.models import CueFile, LedgerFile, Source, Vocabulary
from claimkb.core.project import shown
from claimkb.core.yamlio import LedgerError
from claimkb.extract.pipeline import extract_chunks, extract_document
from claimkb.extract.reader import InputError, check_document, read_chunks, read_text, split_chunks
from claimkb.ledger.cues import load_cues, with_cues
from claimkb.ledger.ledger import ledger_text

ADDRESS = re.compile(r"(?:(?:tcp|tls)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):[0-9]{1,5}")
"""A Dask scheduler's address: ``tcp://host:port`` (``tls://`` too; ``host:port`` is TCP)."""
CONNECT_TIMEOUT = "10s"
"""How long ``--scheduler`` waits for the scheduler to answer."""


class WorkerError(ClaimkbError):
    """A worker that could not be started, reached or kept alive."""


@dataclass(frozen=True)
class Workers:
    """Where the extraction stage runs: ``jobs`` local processes (1: this one alone), or,
    with ``scheduler`` (``tcp://host:port``), the workers of that Dask cluster."""

    jobs: int = 1
    scheduler: str | None = None
    share: bool = True
    """Whether this process extracts too (``jobs - 1`` workers then), or only hands the
    sources to ``jobs`` workers and writes what they return."""

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise WorkerError(f"--jobs must be 1 or more, not {self.jobs}")
        if self.scheduler is not None and self.jobs != 1:
            raise WorkerError("--jobs and --scheduler: give one (a cluster has its own workers)")
        if self.scheduler is not None and not ADDRESS.fullmatch(self.scheduler):
            raise WorkerError(
                f"--scheduler: {self.scheduler!r} is not a scheduler's address (tcp://host:port)"
            )


SERIAL = Workers()


@dataclass(frozen=True)
class Task:
    """One source to extract. ``path`` (a local worker reads the file) or ``text`` (the
    document itself, for a worker on another machine); ``cues_error`` is the message of
    a cue file that could not be read, raised after the text is checked, as serially."""

    index: int
    source: Source
    name: str
    path: str | None = None
    text: str | None = None
    cues: CueFile | None = None
    cues_error: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What a worker made of one task: the ledger file's text, or the error it met (an
    ``InputError``'s parts, or a ``LedgerError``'s message), and the warnings it gave."""

    index: int
    text: str | None = None
    input_error: tuple[str, str, int | None] | None = None
    ledger_error: str | None = None
    warnings: tuple[tuple[type[Warning], str], ...] = ()

    def ledger_text(self) -> str:
        """The text; the worker's warnings given again here, its error raised here."""
        for category, message in self.warnings:
            warnings.warn(category(message), stacklevel=2)
        if self.input_error is not None:
            raise InputError(*self.input_error)
        if self.ledger_error is not None:
            raise LedgerError(self.ledger_error)
        assert self.text is not None
        return self.text


def run_task(task: Task, vocabulary: Vocabulary) -> Outcome:
    """Extract one source as ``claimkb build`` does; errors are returned, not raised."""
    try:
        if task.text is None:
            assert task.path is not None
            check_document(Path(task.path))
            chunks: Iterable[str] = read_chunks(Path(task.path))
        else:
            chunks = split_chunks(task.text)
        if task.cues_error is not None:
            return Outcome(task.index, ledger_error=task.cues_error)
        claims = with_cues(extract_chunks(task.source, chunks, vocabulary, task.name), task.cues)
        ledger = LedgerFile(source=task.source.id, claims=list(claims))
        return Outcome(task.index, text=ledger_text(ledger))
    except InputError as error:
        return Outcome(task.index, input_error=(error.shown, error.problem, error.line))


def run_task_elsewhere(task: Task, vocabulary: Vocabulary) -> Outcome:
    """``run_task`` in a worker: its warnings recorded and sent back with the outcome."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        outcome = run_task(task, vocabulary)
    given = tuple((w.category, str(w.message)) for w in caught)
    return Outcome(outcome.index, outcome.text, outcome.input_error, outcome.ledger_error, given)


def ledger_outcomes(
    sources: list[Source], sources_dir: Path, vocabulary: Vocabulary, workers: Workers = SERIAL
) -> Generator[Outcome, None, None]:
    """One outcome per source, in the order of ``sources``, extracted where ``workers``
    says; lazily, so that a serial build extracts a source only when the last is written.
    Closing the generator stops the workers (and leaves the cluster)."""
    if workers.scheduler is not None:
        yield from _on_cluster(_tasks(sources, sources_dir, texts=True), vocabulary, workers)
        return
    tasks = _tasks(sources, sources_dir, texts=False)
    if workers.jobs == 1 and workers.share:
        for task in tasks:
            yield task if isinstance(task, Outcome) else run_task(task, vocabulary)
        return
    yield from _on_processes(tasks, vocabulary, workers, _languages(sources))


def _tasks(sources: list[Source], sources_dir: Path, texts: bool) -> Iterator[Task | Outcome]:
    """The task of each source, or its outcome at once when the parent already met its
    error (reading a text to send it to a cluster)."""
    for index, source in enumerate(sources):
        path = sources_dir / source.file
        name, text = shown(path), None
        if texts:
            try:
                text = read_text(path)
            except InputError as error:
                yield Outcome(index, input_error=(error.shown, error.problem, error.line))
                continue
        try:
            cues, cues_error = load_cues(sources_dir, source), None
        except LedgerError as error:
            cues, cues_error = None, str(error)
        yield Task(index, source, name, None if texts else str(path), text, cues, cues_error)


@dataclass(frozen=True)
class _Failed:
    """A task whose worker failed (not an error in the document: a crash, a lost worker)."""

    index: int
    error: WorkerError


def _in_order(
    tasks: Iterator[Task | Outcome],
    submit: Callable[[Task], Any],
    first_done: Callable[[set[Any], bool], set[Any]],
    limits: tuple[int, int],
    named: Callable[[Task, BaseException], WorkerError],
    here: Callable[[Task], Outcome] | None = None,
    started: Callable[[], bool] = lambda: True,
) -> Iterator[Outcome]:
    """Outcomes in task order. ``limits``: how many tasks the workers hold at a time, and
    how many outcomes may wait for one before them, so that neither the texts sent nor
    the results kept grow with the corpus. With ``here``, this process takes the next
    task itself whenever the workers hold enough, instead of waiting for them; and the
    workers are given none before ``started()``: this process works while they start
    (and alone, if the sources are done before), and then as one of them."""
    given, kept = limits
    running: dict[Any, Task] = {}
    ready: dict[int, Outcome | _Failed] = {}
    following = 0
    exhausted = False

    def pull() -> Task | None:
        nonlocal exhausted
        while not exhausted:
            item = next(tasks, None)
            if item is None:
                exhausted = True
            elif isinstance(item, Outcome):  # met by this process already
                ready[item.index] = item
            else:
                return item
        return None

    while True:
        while (
            len(running) < given
            and len(ready) < kept
            and started()
            and (task := pull()) is not None
        ):
            running[submit(task)] = task
        while following in ready:
            outcome = ready.pop(following)
            if isinstance(outcome, _Failed):
                raise outcome.error
            yield outcome
            following += 1
        worked = False
        if here is not None and len(ready) < kept and (task := pull()) is not None:
            ready[task.index] = here(task)
            worked = True
        if not running:
            if exhausted and not ready:
                return
            continue
        for future in first_done(set(running), not worked):
            task = running.pop(future)
            try:
                ready[task.index] = future.result()
            except Exception as error:  # raised in its turn, as the outcomes before it
                ready[task.index] = _Failed(task.index, named(task, error))


def _process_context() -> multiprocessing.context.BaseContext:
    """``spawn``: never a plain fork (of a parent that may hold threads). Not
    ``forkserver`` either: its first worker is started only once the server has imported
    everything, and this process would wait for that instead of extracting meanwhile."""
    return multiprocessing.get_context("spawn")


_VOCABULARY = Vocabulary()
"""A local worker's copy of the project's vocabulary, set once when it starts."""


def _start_worker(vocabulary: Vocabulary, languages: tuple[str, ...]) -> None:
    """Keep the vocabulary, and load the word tables of ``languages`` (all the worker
    will need: the extractor keeps them for the life of the process)."""
    global _VOCABULARY
    _VOCABULARY = vocabulary
    for lang in languages:
        warm_up = Source(id="warm-up", file="warm-up.txt", language=lang)  # type: ignore[arg-type]
        extract_document(warm_up, "1\n", vocabulary)


def _started() -> None:
    """A worker's first task: done once it has started (``_start_worker`` ran)."""


def _run_in_process(task: Task) -> Outcome:
    return run_task_elsewhere(task, _VOCABULARY)


def _languages(sources: list[Source]) -> tuple[str, ...]:
    """The languages ``sources`` are read in: all three if one is to be detected."""
    given = {source.language for source in sources}
    return ("de", "en", "ru") if None in given else tuple(sorted(str(lang) for lang in given))


def _on_processes(
    tasks: Iterator[Task | Outcome],
    vocabulary: Vocabulary,
    workers: Workers,
    languages: tuple[str, ...],
) -> Iterator[Outcome]:
    """``workers.jobs`` processes at work: ``jobs`` workers, or this one and ``jobs - 1``.
    Sharing, this process gives the workers no task before one has started, so that none
    waits in a worker that is still importing; and ends them at once if it did all the
    work itself before one had started."""
    share = workers.share
    count = workers.jobs - 1 if share else workers.jobs
    pool = ProcessPoolExecutor(
        count,
        mp_context=_process_context(),
        initializer=_start_worker,
        initargs=(vocabulary, languages),
    )
    probe = pool.submit(_started) if share else None

    def first_done(futures: set[Future[Outcome]], block: bool) -> set[Future[Outcome]]:
        return wait(futures, None if block else 0, FIRST_COMPLETED).done

    def named(task: Task, error: BaseException) -> WorkerError:
        if isinstance(error, BrokenProcessPool):
            return WorkerError(f"{task.name}: a worker process ended while extracting it")
        return WorkerError(f"{task.name}: extraction failed in a worker process: {error!r}")

    def here(task: Task) -> Outcome:
        return run_task_elsewhere(task, vocabulary)

    try:
        yield from _in_order(
            tasks,
            lambda task: pool.submit(_run_in_process, task),
            first_done,
            (8 * count, 64 * workers.jobs),  # eight each: none idles while this one works
            named,
            here if share else None,
            probe.done if probe is not None else lambda: True,
        )
    finally:
        if probe is not None and not probe.done():
            _stop_starting(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_starting(pool: ProcessPoolExecutor) -> None:
    """End the workers of ``pool``, none of which has started: this process did all the
    work, and a worker still importing would only take a core from the stages after it."""
    stop = getattr(pool, "terminate_workers", None)  # Python 3.14
    if stop is not None:
        stop()
        return
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()


def _on_cluster(
    tasks: Iterator[Task | Outcome], vocabulary: Vocabulary, workers: Workers
) -> Iterator[Outcome]:
    address = workers.scheduler
    try:
        distributed: Any = importlib.import_module("distributed")  # optional: untyped here
    except ImportError:
        raise WorkerError(
            "--scheduler needs dask.distributed: pip install 'claimkb[cluster]'"
        ) from None
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, ValueError, TypeError) as error:
        raise WorkerError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    try:
        if not client.nthreads():
            try:
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except TimeoutError:
                raise WorkerError(f"the Dask cluster at {address} has no workers") from None
        cores = max(1, sum(client.nthreads().values()))
        shared = client.scatter(vocabulary, broadcast=True, hash=False)

        finished = distributed.as_completed(loop=client.loop)

        def submit(task: Task) -> Any:
            future = client.submit(run_task_elsewhere, task, shared, pure=False)
            finished.add(future)
            return future

        def first_done(futures: set[Any], block: bool) -> set[Any]:
            return set(finished.next_batch(block=True))

        def named(task: Task, error: BaseException) -> WorkerError:
            return WorkerError(
                f"{task.name}: extraction failed on the cluster at {address}: {error!r}"
            )

        yield from _in_order(tasks, submit, first_done, (2 * cores, 8 * cores), named)
    finally:
        client.close()


__all__ = ["SERIAL", "Outcome", "Task", "WorkerError", "Workers", "ledger_outcomes", "run_task"]
