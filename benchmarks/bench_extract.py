"""Extraction speed and memory, reported as throughput and as ratios within one run.

    python benchmarks/bench_extract.py [--size-mb 10] [--quantulum-kb 20]

What it measures, all in this process:

- throughput (characters per second) on a large corpus: the bundled texts repeated to
  ``--size-mb``, each language in the share it has in them, with every digit varied by a
  seeded generator, streamed from a temporary file and extracted from one string in memory;
  per language and for the whole corpus; by wall-clock time and by this process's CPU time
  (which other work on the machine inflates less), and in candidate numbers per CPU
  second, which does not depend on how densely a text is packed with numbers;
- the same for an English sample (a third of the size), a paraphrase of the interviews'
  claims with a candidate number every 29 characters, three times as dense as the bundled
  texts: the hardest case, and no corpus of English articles is bundled;
- cost per character of one 50 KB document against one 1 KB document (should be ~1: linear);
- peak traced memory streaming 1/10 of the corpus against the whole (should be ~1: flat);
- quantulum3 on the same English paragraphs, and our speed as a multiple of its speed.

Nothing here asserts a time; the numbers are for the README and for comparing commits.
"""

from __future__ import annotations

import argparse
import functools
import operator
import random
import re
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from claimkb.core.models import Source
from claimkb.core.project import Project
from claimkb.extract import extract_document, extract_file
from claimkb.extract.pipeline import scanner
from claimkb.ledger.sources import load_sources
from claimkb.ledger.vocabulary import load_vocabulary

EXAMPLE = Project.load(Path(__file__).resolve().parents[1])
"""The example project (the repository root) with the bundled corpus."""
VOCABULARY = load_vocabulary(EXAMPLE.claims_dir)
"""Its people and product names, which the extractor reads its texts with."""
HERE = Path(__file__).resolve().parent
ENGLISH = HERE / "data" / "en-sample.txt"
_DIGIT = re.compile(r"\d")
#: Characters extracted before timing, so that compiling patterns and loading tables (once
#: per process) are not timed.
WARM_UP = 64_000


def _vary(text: str, rng: random.Random) -> str:
    return _DIGIT.sub(lambda _: str(rng.randrange(10)), text)


def _bundled() -> list[tuple[Source, str]]:
    return [
        (s, (EXAMPLE.sources_dir / s.file).read_text(encoding="utf-8"))
        for s in load_sources(EXAMPLE.sources_yaml)
    ]


def _corpus_file(directory: Path, lang: str, texts: list[str], size: int, seed: int) -> Path:
    """A file of at least ``size`` characters: the texts repeated, digits varied."""
    rng = random.Random(seed)
    path = directory / f"big-{lang}-{size}.txt"
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            for text in texts:
                piece = _vary(text, rng) + "\n"
                out.write(piece)
                written += len(piece)
    return path


def _timed(work: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    count = work()
    return time.perf_counter() - started, count


def _timed_both(work: Callable[[], int]) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds of ``work``: on a shared machine the wall clock also counts
    other processes' work, CPU time only this one's, so CPU figures compare across runs."""
    wall, cpu = time.perf_counter(), time.process_time()
    count = work()
    return time.perf_counter() - wall, time.process_time() - cpu, count


def _stream(path: Path, lang: str) -> int:
    source = Source(id=path.stem, file=path.name, language=lang)  # type: ignore[arg-type]
    return sum(1 for _ in extract_file(path, source, VOCABULARY))


def _peak_memory(path: Path, lang: str) -> int:
    tracemalloc.start()
    _stream(path, lang)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def _sized(text: str, size: int) -> str:
    repeated = (text + "\n") * (size // max(1, len(text)) + 1)
    return repeated[:size].rsplit("\n", 1)[0] + "\n"


def _per_char_cost(source: Source, text: str, size: int, rounds: int) -> float:
    doc = _sized(text, size)
    started = time.perf_counter()
    for _ in range(rounds):
        extract_document(source, doc, VOCABULARY)
    return (time.perf_counter() - started) / (rounds * len(doc))


def _quantulum(paragraphs: list[str]) -> float | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    started = time.perf_counter()
    for paragraph in paragraphs:
        parser.parse(paragraph)
    return time.perf_counter() - started


@dataclass(frozen=True)
class _Row:
    """What one run extracted, and in how long."""

    chars: int
    claims: int
    numbers: int
    wall: float
    cpu: float

    def __add__(self, other: _Row) -> _Row:
        return _Row(
            self.chars + other.chars,
            self.claims + other.claims,
            self.numbers + other.numbers,
            self.wall + other.wall,
            self.cpu + other.cpu,
        )

    def line(self, name: str) -> str:
        return (
            f"{name:<26}{self.chars:>11,}{self.claims:>9,}{self.numbers:>9,}"
            f"{self.wall:>8.2f}{self.cpu:>8.2f}{self.chars / self.wall / 1e6:>10.2f}"
            f"{self.chars / self.cpu / 1e6:>9.2f}{self.numbers / self.cpu / 1e3:>12.1f}"
        )


def _throughput(directory: Path, lang: str, texts: list[str], size: int) -> dict[str, _Row]:
    """Streamed and in-memory runs over ``texts`` repeated to ``size`` characters."""
    path = _corpus_file(directory, lang, texts, size, seed=7)
    text = path.read_text(encoding="utf-8")
    source = Source(id=path.stem, file=path.name, language=lang)  # type: ignore[arg-type]
    extract_document(source, text[:WARM_UP], VOCABULARY)  # compile patterns, load tables
    numbers = scanner(lang).candidate_count(text)
    runs = {
        "streamed": lambda: _stream(path, lang),
        "in memory": lambda: len(extract_document(source, text, VOCABULARY)),
    }
    rows = {}
    for how, run in runs.items():
        wall, cpu, claims = _timed_both(run)
        rows[how] = _Row(len(text), claims, numbers, wall, cpu)
    return rows


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--size-mb", type=float, default=10.0)
    options.add_argument("--quantulum-kb", type=float, default=20.0)
    args = options.parse_args()
    size = int(args.size_mb * 1_000_000)
    bundled = _bundled()
    by_lang: dict[str, list[str]] = {}
    for source, text in bundled:
        by_lang.setdefault(source.language or "de", []).append(text)
    total = sum(len(text) for _, text in bundled)
    english = ENGLISH.read_text(encoding="utf-8")

    print(
        f"{'corpus':<26}{'chars':>11}{'claims':>9}{'numbers':>9}{'wall s':>8}{'CPU s':>8}"
        f"{'MB/s wall':>10}{'MB/s CPU':>9}{'k num/s CPU':>12}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        # The bundled corpus: each language's texts in the share they have in it.
        rows = {
            lang: _throughput(Path(tmp), lang, texts, size * sum(map(len, texts)) // total)
            for lang, texts in sorted(by_lang.items())
        }
        for how in ("streamed", "in memory"):
            for lang, by_how in rows.items():
                print(by_how[how].line(f"{how} {lang}"))
            combined = functools.reduce(operator.add, (by_how[how] for by_how in rows.values()))
            print(combined.line(f"{how} bundled corpus"))
        # The English sample, a third of the size: a candidate number every 29 characters.
        for how, row in _throughput(Path(tmp), "en", [english], size // 3).items():
            print(row.line(f"{how} en (dense sample)"))
        de_texts = by_lang["de"]
        small = _corpus_file(Path(tmp), "de-small", de_texts, size // 20, seed=8)
        large = _corpus_file(Path(tmp), "de-large", de_texts, size // 2, seed=8)
        small_peak, large_peak = _peak_memory(small, "de"), _peak_memory(large, "de")
        print(
            f"\npeak traced memory streaming {size // 2:,} vs {size // 20:,} chars: "
            f"{large_peak / 1e6:.1f} MB vs {small_peak / 1e6:.1f} MB = "
            f"{large_peak / small_peak:.2f}x"
        )

    source, text = bundled[0]
    small_cost = _per_char_cost(source, text, 1_000, rounds=200)
    large_cost = _per_char_cost(source, text, 50_000, rounds=4)
    print(
        f"cost per character, 50 KB vs 1 KB document: {large_cost / small_cost:.2f}x "
        f"({1 / large_cost / 1e6:.2f} MB/s on the 50 KB document)"
    )

    paragraphs = _sized(english, int(args.quantulum_kb * 1000)).splitlines()
    ours, _ = _timed(
        lambda: sum(
            len(extract_document(Source(id="en", file="en.txt", language="en"), p))
            for p in paragraphs
        )
    )
    theirs = _quantulum(paragraphs)
    if theirs is None:
        print("quantulum3 is not installed: no comparison")
    else:
        chars = sum(map(len, paragraphs))
        print(
            f"English paragraphs, {chars:,} chars: claimkb {chars / ours / 1e3:,.0f} k chars/s, "
            f"quantulum3 {chars / theirs / 1e3:,.0f} k chars/s: {theirs / ours:.1f}x faster"
        )


if __name__ == "__main__":
    main()
