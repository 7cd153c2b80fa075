"""Build time of the whole knowledge base and site: the bundled corpus, then a synthetic corpus
of many copies of it, each stage timed, in one run.

    python benchmarks/bench_site.py [--copies 100] [--date 2026-11-22] [--no-site]
                                    [--jobs 2] [--extraction-only]

Both builds run the real build (``kb.build.build`` with the exporters ``claimkb build`` uses)
in a temporary copy of the project, so the repository's ``build/`` and ledger are untouched.
The synthetic corpus lists the bundled sources once as they are (so the hand-written
derivations find their claims) and ``copies - 1`` more times with every digit varied by a
seeded generator, under ids of their own: many more claims, pages and triples, with the
bundled corpus's mix of languages, speakers and entities.

It prints seconds per stage and, for the site stage, the cost per page of the synthetic build
as a multiple of the bundled one's (about 1 means the site build grows linearly). Nothing is
asserted; the goal for the bundled corpus is a whole build under 10 s on a two-core machine.
``--no-site`` stops after the knowledge stage (RDF, SHACL, Turtle, JSON-LD, store), for
corpora whose site stage takes too long to wait for.

Then the extraction stage alone (``stages.stage_ledger``) on the synthetic corpus with
``--jobs 1`` and with ``--jobs N``, and the speed-up: first each in a new interpreter, as
``claimkb build --jobs N`` runs it (the word tables are loaded within the timed stage, by
this process and by the workers; the imports before it are not timed), then both in this
process, whose tables are loaded already (so only the workers' start is timed). The staged
ledgers are compared byte for byte, and a worker's start is timed alone: what a small
corpus cannot win back. ``--extraction-only`` runs just that.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from claimkb.build.outputs import build_exporters
from claimkb.build.parallel import Workers
from claimkb.build.stages import Summary, build, copy_project, stage_ledger
from claimkb.core.models import Source
from claimkb.core.project import Project
from claimkb.extract import extract_document
from claimkb.ledger.sources import load_sources

_DIGIT = re.compile(r"\d")
EXAMPLE = Project.load(Path(__file__).resolve().parents[1])
"""The example project (the repository root), whose corpus is multiplied."""


def multiply_sources(root: Path, copies: int, seed: int = 7) -> int:
    """Turn ``root/sources`` into ``copies`` copies of the bundled corpus; return the number
    of characters in it. Copy 0 is the bundled corpus itself."""
    rng = random.Random(seed)
    folder = root / "sources"
    bundled = load_sources(folder / "sources.yaml")
    entries = []
    chars = 0
    for copy in range(copies):
        for source in bundled:
            text = (folder / source.file).read_text(encoding="utf-8")
            entry = source.model_dump(mode="json", exclude_none=True)
            if copy:
                text = _DIGIT.sub(lambda _: str(rng.randrange(10)), text)
                entry["id"] = f"{source.id}.copy{copy:03d}"
                entry["file"] = f"{entry['id']}.txt"
                (folder / entry["file"]).write_text(text, encoding="utf-8", newline="")
            entries.append(entry)
            chars += len(text)
    listing = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)
    (folder / "sources.yaml").write_text(listing, encoding="utf-8")
    return chars


def site_pages(project: Project) -> int:
    """How many HTML pages the site build wrote."""
    return sum(1 for _ in (project.build_dir / "site").rglob("*.html"))


def timed_build(project: Project, day: dt.date, site: bool = True) -> tuple[Summary, int]:
    exporters = build_exporters(project, day, cache=EXAMPLE.cache_dir)
    summary = build(project, exporters if site else exporters[:1])
    return summary, site_pages(project) if site else 0


def report(label: str, chars: int, summary: Summary, pages: int) -> None:
    total = sum(summary.timings.values())
    print(
        f"{label}: {chars:,} characters, {summary.sources} sources, {summary.claims:,} claims, "
        f"{summary.triples:,} triples, {pages:,} pages; {total:.2f} s in all"
    )
    for stage, seconds in summary.timings.items():
        print(f"  {stage:<20}{seconds:8.2f} s")


def timed_extraction(project: Project, folder: Path, workers: Workers) -> tuple[float, bytes]:
    """Seconds of the extraction stage on ``workers``, and the staged ledger's bytes."""
    sources = load_sources(project.sources_yaml)
    started = time.perf_counter()
    staged = stage_ledger(project, sources, folder, workers=workers)
    seconds = time.perf_counter() - started
    return seconds, b"".join(path.read_bytes() for _, path in sorted(staged.files.items()))


def fresh_extraction(project: Project, folder: Path, jobs: int) -> tuple[float, bytes]:
    """``timed_extraction`` in a new interpreter, which loads the word tables in the timed
    stage as ``claimkb build --jobs N`` does (its imports are not timed)."""
    command = [sys.executable, __file__, "--time-extraction", str(project.root), str(folder)]
    done = subprocess.run([*command, "--jobs", str(jobs)], check=True, capture_output=True)
    seconds = float(done.stdout.decode().split()[-1])
    return seconds, b"".join(path.read_bytes() for path in sorted(folder.glob("*.yaml")))


def _worker_start() -> float:
    """Seconds a new worker process takes to be ready: the interpreter, the imports and
    the word tables of the three languages (what it does before its first document)."""
    started = time.perf_counter()
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pool.submit(_load_tables).result()
    return time.perf_counter() - started


def _load_tables() -> None:
    for lang in ("de", "en", "ru"):
        extract_document(Source(id="x", file="x.txt", language=lang), "5 GW\n")


def compare_extraction(project: Project, folder: Path, jobs: int) -> None:
    """The extraction stage in one process and on ``jobs`` processes, and the ratio: each
    in a new interpreter (as the command runs it), then in this one (its tables loaded)."""
    load = f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}"
    for how, timed in (("new interpreters", fresh_extraction), ("in this process", None)):
        runs = []
        for n in (1, jobs):
            place = folder / f"{how[:3]}-jobs-{n}"
            if timed is None:
                runs.append(timed_extraction(project, place, Workers(n)))
            else:
                runs.append(timed(project, place, n))
        (serial, serial_ledger), (parallel, parallel_ledger) = runs
        same = "byte-identical" if serial_ledger == parallel_ledger else "DIFFERENT"
        print(
            f"extraction stage, {how}: --jobs 1 {serial:.2f} s, --jobs {jobs} {parallel:.2f} s "
            f"= {serial / parallel:.2f}x ({len(serial_ledger):,} bytes of ledger, {same}; {load})"
        )
    print(f"a worker's start (interpreter, imports, word tables): {_worker_start():.2f} s")


def _time_extraction(root: Path, folder: Path, jobs: int) -> None:
    """Print the seconds of the extraction stage of the project at ``root``."""
    seconds, _ = timed_extraction(Project.load(root), folder, Workers(jobs))
    print(f"{seconds:.3f}")


def main() -> None:
    options = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    options.add_argument("--copies", type=int, default=100)
    options.add_argument("--date", type=dt.date.fromisoformat, default=dt.date(2026, 11, 22))
    options.add_argument("--no-site", dest="site", action="store_false", help="no site stage")
    options.add_argument("--jobs", type=int, default=2, help="worker processes to compare")
    options.add_argument("--extraction-only", action="store_true", help="only the extraction stage")
    options.add_argument("--time-extraction", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.time_extraction:
        _time_extraction(*args.time_extraction, args.jobs)
        return
    if args.extraction_only:
        with tempfile.TemporaryDirectory() as tmp:
            small = copy_project(EXAMPLE, Path(tmp) / "bundled")
            timed_extraction(small, Path(tmp) / "warm-up", Workers(1))  # load the tables here
            big_project = copy_project(EXAMPLE, Path(tmp) / "synthetic")
            chars = multiply_sources(big_project.root, args.copies)
            print(f"{args.copies}x synthetic corpus: {chars:,} characters")
            compare_extraction(big_project, Path(tmp) / "ledgers", args.jobs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        small = copy_project(EXAMPLE, Path(tmp) / "bundled")
        chars = multiply_sources(small.root, 1)
        timed_build(small, args.date, args.site)  # warm-up: imports, patterns, caches
        bundled, bundled_pages = timed_build(small, args.date, args.site)
        report("bundled corpus", chars, bundled, bundled_pages)
        shutil.rmtree(small.root)

        big_project = copy_project(EXAMPLE, Path(tmp) / "synthetic")
        chars = multiply_sources(big_project.root, args.copies)
        big, big_pages = timed_build(big_project, args.date, args.site)
        report(f"{args.copies}x synthetic corpus", chars, big, big_pages)
        compare_extraction(big_project, Path(tmp) / "ledgers", args.jobs)

    per_claim = big.timings["export_knowledge"] / big.claims
    reference_claim = bundled.timings["export_knowledge"] / bundled.claims
    print(
        f"knowledge stage per claim: {per_claim * 1000:.1f} ms vs {reference_claim * 1000:.1f} ms "
        f"bundled ({per_claim / reference_claim:.2f}x)"
    )
    if not args.site:
        return
    per_page = big.timings["export_site"] / big_pages
    reference = bundled.timings["export_site"] / bundled_pages
    print(
        f"site stage per page: {per_page * 1000:.1f} ms vs {reference * 1000:.1f} ms bundled "
        f"({per_page / reference:.2f}x)"
    )


if __name__ == "__main__":
    main()
