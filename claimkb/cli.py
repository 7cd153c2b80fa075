"""The ``claimkb`` command line: thin wrappers over functions the tests call directly.

Every command but ``init`` and ``extract PATH`` works on a project, found from the current
folder upward (as git finds ``.git``), or named by ``--project DIR`` or ``CLAIMKB_PROJECT``.
Every error a user can cause is a ``ClaimkbError``; the group catches it once and prints its
one line, with exit status 1 and no traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

import click
import yaml

from claimkb.build.outputs import build_exporters, project_assessment
from claimkb.build.parallel import Workers
from claimkb.build.scaffold import init_project
from claimkb.build.serve import SiteServer
from claimkb.build.stages import BuildError, project_knowledge_base
from claimkb.build.stages import build as run_build
from claimkb.core.errors import ClaimkbError, ClaimkbWarning, ProjectError
from claimkb.core.models import Claim, Vocabulary
from claimkb.core.project import Project
from claimkb.derive.drift import drift_groups, drift_json, drift_table
from claimkb.derive.records import derivation_records, outcome_table, records_json
from claimkb.extract import extract_file
from claimkb.ingest import AddOptions, add_documents
from claimkb.ledger.ledger import extract_ledger, stale_ledgers
from claimkb.ledger.sources import load_sources, source_for
from claimkb.ledger.vocabulary import load_vocabulary
from claimkb.rdf.endpoint import PASSWORD_VARIABLE, PUSH_TIMEOUT, graph_iri, push, query_endpoint
from claimkb.rdf.examples import named_query
from claimkb.rdf.graph import WRITERS, knowledge_graph
from claimkb.rdf.store import (
    DEFAULT_TIMEOUT,
    MAX_TIMEOUT,
    format_rows,
    query_build,
    read_query,
)


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


class _Commands(click.Group):
    """Catches every ``ClaimkbError`` of every command once: one line, exit 1; and prints
    every ``ClaimkbWarning`` as one ``warning:`` line on standard error, as it comes."""

    def invoke(self, ctx: click.Context) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("always", ClaimkbWarning)
            warnings.showwarning = _show_warning
            try:
                return super().invoke(ctx)
            except ClaimkbError as error:
                raise click.ClickException(str(error)) from None


def _show_warning(message: Warning | str, category: type[Warning], *args: Any, **kw: Any) -> None:
    """One line per warning of ours; others keep Python's own form."""
    if issubclass(category, ClaimkbWarning):
        click.echo(f"warning: {message}", err=True)
    else:
        click.echo(warnings.formatwarning(message, category, *args[:2]).rstrip(), err=True)


class _Context:
    """What the group's options give every command: the project, found when first asked."""

    def __init__(self, explicit: Path | None) -> None:
        self.explicit = explicit
        self._project: Project | None = None

    @property
    def project(self) -> Project:
        if self._project is None:
            self._project = Project.find(explicit=self.explicit)
        return self._project


pass_context = click.make_pass_decorator(_Context)


@click.group(cls=_Commands)
@click.version_option(package_name="claimkb")
@click.option(
    "--project",
    "project_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The project folder (default: the nearest folder from here upward with a "
    "claimkb.yaml, or $CLAIMKB_PROJECT).",
)
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None) -> None:
    """claimkb: a fact-check knowledge base for the numbers people say in interviews.

    Start with `claimkb init DIR`, bring documents in with `claimkb add FILE|URL`, then
    `claimkb build` writes the knowledge base and the site into build/.
    """
    ctx.obj = _Context(project_dir)


def _table_or_json(help_text: str) -> Callable[[Any], Any]:
    """The ``--format table|json`` option of a command that prints records."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json"]),
        default="table",
        show_default=True,
        help=help_text,
    )


@main.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--name", default=None, help="The project's id (default: from the folder name).")
@click.option("--title", default=None, help="The title of its site (default: the name).")
def init(folder: Path | None, name: str | None, title: str | None) -> None:
    """Make a new, buildable project in FOLDER (default: the current folder).

    Writes claimkb.yaml, an empty sources/sources.yaml, the ledger's folders under claims/
    each with a README, and queries/. Never overwrites: an existing project or file is an
    error naming it.
    """
    project = init_project(folder or Path.cwd(), name, title)
    click.echo(f"made project {project.config.name!r} in {project.root}")
    click.echo("next: claimkb add FILE|URL, then claimkb build")


@main.command()
@click.argument("documents", metavar="PATH|URL...", nargs=-1, required=True)
@click.option("--id", "source_id", default=None, help="The source id (default: from the name).")
@click.option(
    "--lang",
    type=click.Choice(["de", "en", "ru"]),
    default=None,
    help="The document's language (default: detected).",
)
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Publication date, YYYY-MM-DD (default: the page's own, if any).",
)
@click.option("--title", default=None, help="Title (default: the page's own, if any).")
@click.option("--author", default=None, help="Author (default: the page's own, if any).")
@click.option("--url", default=None, help="Where the document is published.")
@click.option("--speaker", "speakers", multiple=True, help="Who is interviewed (repeatable).")
@click.option("--interviewer", "interviewers", multiple=True, help="Who asks (repeatable).")
@click.option("--kind", default=None, help="news-article, transcript, web-page, ...")
@click.pass_obj
def add(
    context: _Context,
    documents: tuple[str, ...],
    source_id: str | None,
    lang: str | None,
    published: dt.datetime | None,
    title: str | None,
    author: str | None,
    url: str | None,
    speakers: tuple[str, ...],
    interviewers: tuple[str, ...],
    kind: str | None,
) -> None:
    """Put documents into sources/ and their metadata into sources.yaml.

    Takes .txt, .md, .html/.htm, WebVTT .vtt and SubRip .srt files and http(s) URLs (kept
    as a dated snapshot). The original is kept beside the text the extractor reads; a
    transcript's speaker turns and cue times are kept. The id is a safe, unique slug. All
    or nothing: a refused document leaves the project as it was.
    """
    options = AddOptions(
        id=source_id,
        lang=lang,
        published=published.date() if published else None,
        title=title,
        author=author,
        url=url,
        speakers=speakers,
        interviewers=interviewers,
        kind=kind,
    )
    for added in add_documents(context.project, documents, options):
        for warning in added.warnings:
            click.echo(f"warning: {warning}", err=True)
        source, kept = added.source, ", ".join(f"sources/{n}" for n in added.files[1:])
        click.echo(
            f"added {source.id}: sources/{source.file} ({added.characters} characters, "
            f"{source.language})" + (f"; kept {kept}" if kept else "")
        )


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
@click.pass_obj
def extract(context: _Context, paths_: tuple[Path, ...], fmt: str, check: bool) -> None:
    """Print the numeric claims found in each document PATH.

    The language comes from the sources.yaml beside the document, else it is detected; inside
    a project, its people and product names are used too. With --check, exit non-zero when
    the project's committed claims/extracted/ differs from a fresh extraction.
    """
    if check:
        _check_ledger(context.project)
        return
    if not paths_:
        raise click.UsageError("give at least one PATH, or --check")
    vocabulary = _vocabulary(context)
    for path in paths_:
        write_claims(extract_file(path, source_for(path), vocabulary), sys.stdout, fmt)


def _vocabulary(context: _Context) -> Vocabulary:
    """The project's people and product names; none for documents read outside a project."""
    try:
        project = context.project
    except ProjectError:
        return Vocabulary()
    return load_vocabulary(project.claims_dir)


def _check_ledger(project: Project) -> None:
    sources = load_sources(project.sources_yaml)
    fresh = extract_ledger(sources, project.sources_dir, load_vocabulary(project.claims_dir))
    stale = stale_ledgers(project.claims_dir, fresh)
    if stale:
        raise BuildError(
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


def _worker_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--jobs`` and ``--scheduler``: where the extraction of the sources runs."""
    jobs = click.option(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        default=1,
        show_default=True,
        help="Extract the sources in N processes at once: this one and N - 1 workers.",
    )
    scheduler = click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="Extract the sources on the workers of the Dask cluster whose scheduler is at "
        "ADDRESS (tcp://host:port); needs claimkb[cluster].",
    )
    return jobs(scheduler(command))


@main.command()
@click.option(
    "--date",
    "build_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The day predictions are judged against (default: the project's build_date, "
    "else today). Same date, same inputs: byte-identical output.",
)
@_worker_options
@click.pass_obj
def build(
    context: _Context, build_date: dt.datetime | None, jobs: int, scheduler: str | None
) -> None:
    """Build the project's knowledge base and site into build/.

    Extracts every source into claims/extracted/, loads and checks the ledger, links
    claims, evaluates the derivations, and writes the exports and the site through a
    temporary folder that replaces build/ only when every stage succeeded, so a failed
    build leaves the previous build/ intact. With --jobs or --scheduler the sources are
    extracted in parallel; the ledger is byte-identical to a build in one process.
    """
    workers = Workers(jobs, scheduler)
    project = context.project
    day = build_date.date() if build_date else project.config.judge_date(dt.date.today())
    exporters = build_exporters(project, day)
    summary = run_build(project, exporters=exporters, progress=_progress, workers=workers)
    click.echo(
        f"{summary.sources} sources, {summary.claims} claims, {summary.links} same-claim links "
        f"in {summary.clusters} clusters, {summary.triples} triples"
    )
    for stage, seconds in summary.timings.items():
        click.echo(f"  {stage:<20} {seconds:6.2f} s")


@main.command()
@_table_or_json("A table for people, or a JSON list.")
@click.option(
    "--explain",
    is_flag=True,
    help="Print each check's explanation under its row (the table only).",
)
@click.pass_obj
def check(context: _Context, fmt: str, explain: bool) -> None:
    """Evaluate every derivation and compare its verdict with the expected one.

    Hand-written derivations (claims/derivations/) and the automatic checks are evaluated
    with units and intervals; each row names the speakers whose figures the check rests
    on, its grade (within precision, close, far) and the factor between its sides. Exit
    non-zero when any verdict differs from the expected one.
    """
    project = context.project
    records = derivation_records(project_knowledge_base(project), project.claims_dir)
    if fmt == "json":
        _write_stdout(json.dumps(records_json(records), ensure_ascii=False, indent=2) + "\n")
    else:
        _write_stdout(outcome_table(records, explain) + "\n")
    regressed = [r.id for r in records if r.status == "regressed"]
    if regressed:
        raise click.ClickException(
            f"verdicts differ from the expected ones: {', '.join(regressed)}"
        )


@main.command()
@click.pass_obj
def links(context: _Context) -> None:
    """Print the groups of claims that state the same thing (same-claim clusters)."""
    kb = project_knowledge_base(context.project)
    by_id = kb.claims_by_id
    for number, group in enumerate(kb.clusters, start=1):
        click.echo(f"cluster {number} ({len(group)} claims)")
        for claim_id in group:
            claim = by_id[claim_id]
            surface = f"«{claim.surface}»"
            click.echo(f"  {claim.lang}  {surface:<40} {claim.speaker:<22} {claim_id}")


@main.command()
@_table_or_json("A table for people, or JSON (the groups, as build/drift.json holds them).")
@click.pass_obj
def drift(context: _Context, fmt: str) -> None:
    """Print the same quantity stated with different figures, per speaker, over time.

    Claims are grouped by what they measure (entity, kind of number, unit dimension with
    its rate, counted thing, measure), whatever their values; in each group every figure
    is listed in the order it was said and compared with the same speaker's previous one:
    agreeing, narrowing, widening, contradicting, or alternatives (two figures joined by
    an "or"), with the factor between the stated values. Comparisons between speakers
    are listed under each group and rate nobody.
    """
    groups = drift_groups(project_knowledge_base(context.project))
    if fmt == "json":
        _write_stdout(json.dumps(drift_json(groups), ensure_ascii=False, indent=2) + "\n")
    else:
        _write_stdout(drift_table(groups) + "\n")


_GRAPH_OPTION = click.option(
    "--graph",
    metavar="IRI",
    default=None,
    help="The named graph on the server (default: https://claimkb.org/id/build/<project name>).",
)
_USER_OPTION = click.option(
    "--user",
    default=None,
    help=f"The server's user name; the password is read from ${PASSWORD_VARIABLE}.",
)


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
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True, max=MAX_TIMEOUT),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Stop a query that runs longer than this.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Query this SPARQL server's query endpoint instead of build/kb.ttl.",
)
@_GRAPH_OPTION
@_USER_OPTION
@click.pass_obj
def query(
    context: _Context,
    query: str,
    fmt: str,
    timeout: float,
    endpoint: str | None,
    graph: str | None,
    user: str | None,
) -> None:
    """Run a SPARQL query on the built knowledge base (build/kb.ttl).

    QUERY is an example query by name (`ranges`), a .rq file, or the query text. The
    project's prefixes (schema:, qudt:, unit:, prov:, oa:, ckb: ...) need not be declared.
    Read-only and local: updates and SERVICE are refused; a query is stopped after
    --timeout seconds. With --endpoint URL the query runs on a SPARQL server, on the graph
    `claimkb push` fills (or --graph), with the same rules.
    """
    project = context.project
    example = named_query(query, project.queries_dir)
    text, origin = read_query(str(example) if example else query)
    if example is not None:  # named as the user knows it: queries/x.rq, or the built-in name
        inside = example.is_relative_to(project.root)
        origin = example.relative_to(project.root).as_posix() if inside else example.stem
    if endpoint is None:
        columns, rows = query_build(project.build_dir, text, origin, timeout)
    else:
        dataset = graph or graph_iri(project.config.name)
        columns, rows = query_endpoint(endpoint, text, origin, timeout, dataset, user)
    _write_stdout(format_rows(columns, rows, fmt))


@main.command("push")
@click.option(
    "--endpoint",
    metavar="URL",
    required=True,
    help="The server's Graph Store endpoint (Oxigraph: .../store; Virtuoso: "
    ".../sparql-graph-crud-auth).",
)
@_GRAPH_OPTION
@_USER_OPTION
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True, max=MAX_TIMEOUT),
    default=PUSH_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Give up when the server has not answered within this time.",
)
@click.pass_obj
def push_command(
    context: _Context, endpoint: str, graph: str | None, user: str | None, timeout: float
) -> None:
    """Load the built knowledge base (build/kb.ttl) into a SPARQL 1.1 server.

    One HTTP PUT (the Graph Store Protocol) replaces the project's named graph, by default
    https://claimkb.org/id/build/<project name>, so every push leaves exactly the latest
    build there; `claimkb query --endpoint` reads the same graph.
    """
    project = context.project
    target = graph or graph_iri(project.config.name)
    started = time.perf_counter()
    size = push(project.build_dir, endpoint, target, user, timeout)
    click.echo(
        f"pushed build/kb.ttl ({size:,} bytes) into <{target}> at {endpoint} "
        f"in {time.perf_counter() - started:.2f} s"
    )


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "jsonld", "jsonl"]),
    required=True,
    help="Turtle, JSON-LD, or one claim per line.",
)
@click.pass_obj
def export(context: _Context, fmt: str) -> None:
    """Print the whole knowledge base in one format.

    Made from the project's committed ledger: the same triples as build/kb.ttl and
    build/kb.jsonld, verdicts included.
    """
    project = context.project
    kb = project_knowledge_base(project)
    if fmt == "jsonl":
        out = io.StringIO()
        write_claims(kb.claims, out, "jsonl")
        _write_stdout(out.getvalue())
        return
    found = project_assessment(project, kb, project.config.judge_date(dt.date.today()))
    graph = knowledge_graph(kb, found.records, found.ratings, project.config.publisher)
    _write_stdout(WRITERS[fmt](graph))


class OutputError(ClaimkbError):
    """Standard output cannot be written (a full disk, a closed pipe)."""


def _write_stdout(text: str) -> None:
    """Write a command's whole output; a failed write is one line, not a traceback.

    A closed pipe (``claimkb export ... | head``) or a full device (``> /dev/full``) ends
    the command with exit status 1; standard output is pointed at ``os.devnull`` so that
    Python's own flush at exit does not fail a second time."""
    stream = sys.stdout  # click.get_text_stream is deprecated from click 8.5 on
    try:
        stream.write(text)
        stream.flush()
    except OSError as error:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        reason = "closed" if isinstance(error, BrokenPipeError) else error.strerror
        raise OutputError(f"standard output: cannot write: {reason}") from None


@main.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="The port on 127.0.0.1 (0: any free one).",
)
@click.option(
    "--no-build", is_flag=True, help="Serve the existing build/site/ without a first build."
)
@click.pass_obj
def serve(context: _Context, port: int, no_build: bool) -> None:
    """Serve the site on 127.0.0.1 and rebuild it when the project changes.

    Builds first (unless --no-build), then looks at claimkb.yaml, sources/, claims/ (but
    not claims/extracted/, which the build writes) and queries/ every second and rebuilds
    when a file changes. A failed rebuild prints its error and the previous site stays
    served. Ctrl-C stops.
    """
    server = SiteServer(context.project, port, echo=click.echo)
    server.run(build_first=not no_build)
