"""Machine instructions per character of extraction, counted by Valgrind.

    python benchmarks/bench_instructions.py [--lang de ru en] [--chars 200000]

Time on a shared machine varies by a fifth between runs; the number of instructions a
process executes varies by a few percent at most (the memory addresses a run gets change
how some tables are probed). This script runs itself under ``valgrind --tool=cachegrind
--cache-sim=no`` twice per language: once loading the tables and extracting a warm-up
piece, once also extracting ``--chars`` characters of the bundled texts (the English
sample for ``en``) with every digit varied, as ``bench_extract.py`` builds its corpus. The
difference, divided by ``--chars``, is what extraction costs per character. Run it in two
checkouts to compare two revisions; the ratio of their counts is the speed-up, free of
the machine's other work. Needs Valgrind (Debian package ``valgrind``); about a minute
per language.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
_WARM_UP = 30_000
_TOTAL = re.compile(r"I\s+refs:\s+([\d,]+)")


def _text(lang: str, chars: int) -> str:
    """``chars`` characters of the language's bundled texts (the English sample for
    ``en``), digits varied as ``bench_extract.py`` varies them, ending at a line break."""
    from bench_extract import ENGLISH, _bundled, _vary

    if lang == "en":
        texts = [ENGLISH.read_text(encoding="utf-8")]
    else:
        texts = [text for source, text in _bundled() if source.language == lang]
    rng = random.Random(7)
    parts: list[str] = []
    size = 0
    while size < chars:
        for text in texts:
            parts.append(_vary(text, rng) + "\n")
            size += len(parts[-1])
    joined = "".join(parts)[:chars]
    return joined[: joined.rfind("\n") + 1]


def _child(lang: str, chars: int, extract: bool) -> None:
    """What runs under Valgrind: warm up, then (with ``extract``) extract the text."""
    from bench_extract import VOCABULARY

    from claimkb.core.models import Source
    from claimkb.extract import extract_document

    text = _text(lang, chars)
    source = Source(id=f"bench-{lang}", file=f"bench-{lang}.txt", language=lang)  # type: ignore[arg-type]
    extract_document(source, text[:_WARM_UP], VOCABULARY)
    if extract:
        extract_document(source, text, VOCABULARY)


def _instructions(lang: str, chars: int, extract: bool) -> int:
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        str(HERE),
        "--child",
        "extract" if extract else "warm-up",
        "--lang",
        lang,
        "--chars",
        str(chars),
    ]
    # A fixed hash seed: sets and dicts iterate the same way in every run.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    found = _TOTAL.search(done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in Valgrind's output:\n{done.stderr[-2000:]}")
    return int(found[1].replace(",", ""))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--lang", nargs="+", default=["de", "ru", "en"])
    options.add_argument("--chars", type=int, default=200_000)
    options.add_argument("--child", choices=["warm-up", "extract"], help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.child:
        _child(args.lang[0], args.chars, args.child == "extract")
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    for lang in args.lang:
        work = _instructions(lang, args.chars, True) - _instructions(lang, args.chars, False)
        print(f"{lang}: {work / args.chars:,.0f} instructions per character")


if __name__ == "__main__":
    main()
