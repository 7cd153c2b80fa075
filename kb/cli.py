"""The ``claimkb`` command line: thin wrappers over functions the tests call directly."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import click
import yaml

from extract import extract_file
from extract.reader import InputError
from kb import paths
from kb.models import Claim
from kb.sources import LedgerError, load_sources, source_for


def _claims_of(path: Path) -> Iterator[Claim]:
    return extract_file(path, source_for(path))


def write_claims(claims: Iterable[Claim], out: TextIO, fmt: str) -> int:
    """Write claims as JSON Lines or as a YAML list; return how many were written."""
    count = 0
    for claim in claims:
        if fmt == "jsonl":
            out.write(json.dumps(claim.flat(), ensure_ascii=False) + "\n")
        else:
            out.write(yaml.safe_dump([claim.flat()], allow_unicode=True, sort_keys=False))
        count += 1
    return count


@click.group()
@click.version_option(package_name="claimkb")
def main() -> None:
    """claimkb: a fact-check knowledge base for numeric claims (de, ru, en)."""


@main.command()
@click.argument(
    "paths_", metavar="PATH...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "yaml"]),
    default="jsonl",
    show_default=True,
    help="One JSON object per claim, or a YAML list.",
)
def extract(paths_: tuple[Path, ...], fmt: str) -> None:
    """Print the numeric claims found in each document PATH.

    The language comes from the sources.yaml beside the document, else it is detected.
    """
    try:
        for path in paths_:
            write_claims(_claims_of(path), sys.stdout, fmt)
    except (InputError, LedgerError) as error:
        raise click.ClickException(str(error)) from None


@main.command()
def build() -> None:
    """Extract every bundled source into build/claims.jsonl.

    Output is written to a temporary file and moved into place only when every source
    succeeded, so a failed build leaves the previous build/ intact.
    """
    started = time.perf_counter()
    try:
        sources = load_sources(paths.SOURCES_YAML)
        paths.BUILD.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=paths.BUILD, prefix=".claims.", suffix=".jsonl")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                count = sum(
                    write_claims(extract_file(paths.SOURCES / s.file, s), out, "jsonl")
                    for s in sources
                )
            os.replace(tmp, paths.CLAIMS_JSONL)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (InputError, LedgerError) as error:
        raise click.ClickException(str(error)) from None
    elapsed = time.perf_counter() - started
    click.echo(
        f"{len(sources)} sources, {count} claims -> "
        f"{paths.CLAIMS_JSONL.relative_to(paths.ROOT)} ({elapsed:.2f} s)"
    )
