"""The ``claimkb`` command line: thin wrappers over functions the tests call directly."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import click
import yaml

from claimkb.build.outputs import build_exporters
from claimkb.build.stages import BuildError, bundled_knowledge_base
from claimkb.build.stages import build as run_build
from claimkb.core import paths
from claimkb.core.models import Claim
from claimkb.derive.derivations import DerivationError
from claimkb.derive.records import outcome_table, run_checks_of_derivations
from claimkb.extract import extract_file
from claimkb.extract.reader import InputError
from claimkb.ledger.ledger import extract_ledger, stale_ledgers
from claimkb.ledger.sources import LedgerError, load_sources, source_for
from claimkb.pages.vendor import VendorError
from claimkb.rdf.graph import serialize
from claimkb.rdf.shacl import ShapeError
from claimkb.rdf.store import QueryError, StoreError, format_rows, open_store, read_query, run_query


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
@click.argument("paths_", metavar="PATH...", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "yaml"]),
    default="jsonl",
    show_default=True,
    help="One JSON object per claim, or a YAML list.",
)
@click.option("--check", is_flag=True, help="Compare a fresh extraction with claims/extracted/.")
def extract(paths_: tuple[Path, ...], fmt: str, check: bool) -> None:
    """Print the numeric claims found in each document PATH.

    The language comes from the sources.yaml beside the document, else it is detected.
    With --check, exit non-zero when the committed ledger of the bundled corpus differs
    from a fresh extraction.
    """
    try:
        if check:
            _check_ledger()
            return
        if not paths_:
            raise click.UsageError("give at least one PATH, or --check")
        for path in paths_:
            write_claims(_claims_of(path), sys.stdout, fmt)
    except (InputError, LedgerError) as error:
        raise click.ClickException(str(error)) from None


def _check_ledger() -> None:
    sources = load_sources(paths.SOURCES_YAML)
    stale = stale_ledgers(paths.CLAIMS, extract_ledger(sources, paths.SOURCES))
    if stale:
        raise click.ClickException(
            "the committed ledger differs from a fresh extraction (run `claimkb build`): "
            + ", ".join(stale)
        )
    click.echo(f"claims/extracted/ is up to date ({len(sources)} sources)")


def _progress(stage: str, done: int, total: int) -> None:
    """A progress bar on a terminal; one line per stage in a log."""
    if sys.stderr.isatty():
        filled = int(20 * done / total) if total else 0
        click.echo(f"\r{stage:<12} [{'#' * filled:<20}] {done}/{total}", err=True, nl=False)
        if done == total:
            click.echo("", err=True)
    elif done in (0, total):
        click.echo(f"{stage} ({done}/{total})", err=True)


@main.command()
@click.option(
    "--date",
    "build_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date the site reports predictions against (default: today). Same date, same "
    "inputs: byte-identical output.",
)
def build(build_date: dt.datetime | None) -> None:
    """Build the knowledge base from the bundled corpus into build/.

    Extracts every source into claims/extracted/, loads and checks the ledger, links
    claims, and writes the exports through a temporary folder that replaces build/ only
    when every stage succeeded, so a failed build leaves the previous build/ intact.
    """
    try:
        day = build_date.date() if build_date else dt.date.today()
        summary = run_build(exporters=build_exporters(day), progress=_progress)
    except (BuildError, DerivationError, ShapeError, VendorError, RuntimeError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"{summary.sources} sources, {summary.claims} claims, {summary.links} same-claim links "
        f"in {summary.clusters} clusters, {summary.triples} triples"
    )
    for stage, seconds in summary.timings.items():
        click.echo(f"  {stage:<20} {seconds:6.2f} s")


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table for people, or a JSON list.",
)
def check(fmt: str) -> None:
    """Evaluate every derivation in claims/derivations/ and compare each verdict with the
    expected one; exit non-zero when any verdict differs."""
    try:
        records = run_checks_of_derivations()
    except (BuildError, DerivationError, LedgerError) as error:
        raise click.ClickException(str(error)) from None
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        click.echo(outcome_table(records))
    regressed = [r["id"] for r in records if r["status"] == "regressed"]
    if regressed:
        raise click.ClickException(
            f"verdicts differ from the expected ones: {', '.join(regressed)}"
        )


@main.command()
def links() -> None:
    """Print the groups of claims that state the same thing (same-claim clusters)."""
    try:
        kb = bundled_knowledge_base()
    except (BuildError, LedgerError) as error:
        raise click.ClickException(str(error)) from None
    by_id = kb.claims_by_id
    for number, group in enumerate(kb.clusters, start=1):
        click.echo(f"cluster {number} ({len(group)} claims)")
        for claim_id in group:
            claim = by_id[claim_id]
            surface = f"«{claim.surface}»"
            click.echo(f"  {claim.lang}  {surface:<40} {claim.speaker:<22} {claim_id}")


@main.command()
@click.argument("query")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="How to print the rows.",
)
def query(query: str, fmt: str) -> None:
    """Run a SPARQL QUERY (a .rq file or the query text) on the built knowledge base.

    The project's prefixes (schema:, qudt:, unit:, prov:, oa:, ckb: ...) need not be declared.
    """
    try:
        text, origin = read_query(query)
        columns, rows = run_query(open_store(paths.BUILD), text, origin)
    except (QueryError, StoreError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(format_rows(columns, rows, fmt))


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "jsonld", "jsonl"]),
    required=True,
    help="Turtle, JSON-LD, or one claim per line.",
)
def export(fmt: str) -> None:
    """Print the whole knowledge base in one format, made from the committed ledger."""
    try:
        kb = bundled_knowledge_base()
        if fmt == "jsonl":
            write_claims(kb.claims, sys.stdout, "jsonl")
        else:
            click.echo(serialize(kb, fmt), nl=False)
    except (BuildError, LedgerError, ShapeError) as error:
        raise click.ClickException(str(error)) from None
