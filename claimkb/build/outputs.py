"""The build's exporters: derivations and verdicts, RDF (validated by SHACL), the site (with
its SPARQL page, the downloads and the in-browser engine).

One function so that the graph written is exactly the graph that passed validation, verdicts
included. ``build/`` holds no database: ``claimkb query`` loads ``kb.ttl`` (see
``rdf/store.py``), so two builds of the same input with the same date are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path

from claimkb.build.stages import LEDGER_FOLDER
from claimkb.core.project import DEFAULT_PUBLISHER, Project
from claimkb.derive.drift import drift_groups, drift_json
from claimkb.derive.ratings import Assessment, ClaimRating, assess, dated_ratings
from claimkb.derive.records import CheckRecord, derivation_records, records_json
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.ledger.ratings import RATINGS_FILE, load_ratings, ratings_path, ratings_text
from claimkb.pages.publish import build_site, copy_template
from claimkb.pages.site import generate_pages
from claimkb.pages.sparql import fetch_engine, install_site_files, write_sparql_page
from claimkb.pages.vendor import Opener
from claimkb.rdf.examples import query_files
from claimkb.rdf.graph import knowledge_graph, write_rdf

Exporter = Callable[[KnowledgeBase, Path], int]
DOCS_FOLDER = ".pages"
"""The docs folder mkdocs reads, inside the staging folder; gone once the site is built."""


def write_knowledge(
    kb: KnowledgeBase,
    folder: Path,
    records: list[CheckRecord],
    ratings: Mapping[str, ClaimRating] | None = None,
    publisher: str = DEFAULT_PUBLISHER,
) -> int:
    """Write ``derivations.json`` (``records``), ``drift.json`` (the figures of each
    quantity in the order they were said: ``claimkb drift --format json``), ``kb.ttl`` and
    ``kb.jsonld`` (with a ClaimReview of every claim in ``ratings``) into ``folder``; return
    the number of triples. Nothing is written when the graph breaks a shape."""
    graph = knowledge_graph(kb, records, ratings, publisher)
    data = records_json(records)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (folder / "derivations.json").write_text(text, encoding="utf-8", newline="\n")
    drift = json.dumps(drift_json(drift_groups(kb)), ensure_ascii=False, indent=2, sort_keys=True)
    (folder / "drift.json").write_text(drift + "\n", encoding="utf-8", newline="\n")
    write_rdf(graph, folder)
    return len(graph)


def project_assessment(project: Project, kb: KnowledgeBase, today: dt.date) -> Assessment:
    """The checks of ``project`` and the ratings of its claims, each rating dated by the
    project's ``claims/ratings.yaml`` where it was reached before, else ``today``."""
    records = derivation_records(kb, project.claims_dir)
    return assess(records, kb.claims_by_id, load_ratings(project.claims_dir), today)


def build_exporters(
    project: Project,
    build_date: dt.date,
    opener: Opener = urllib.request.urlopen,
    cache: Path | None = None,
) -> tuple[Exporter, ...]:
    """The build's export stages: the knowledge (verdicts, RDF), then the site, with
    pages generated for ``build_date`` (an input, so builds stay reproducible) into a docs
    folder inside the new build folder, ``mkdocs build --strict`` into its ``site/``, then
    the downloads and the SPARQL engine copied in; the docs folder is removed after.

    The engine is fetched first (or taken from ``cache``, by default the project's
    ``.cache/``), so a build that cannot have it fails before any page is written;
    ``opener`` is what fetches it (``urlopen``; tests pass a stand-in). The derivations
    are evaluated once and shared by both stages."""
    evaluated: dict[int, Assessment] = {}

    def assessment_of(kb: KnowledgeBase) -> Assessment:
        if id(kb) not in evaluated:
            evaluated[id(kb)] = project_assessment(project, kb, build_date)
        return evaluated[id(kb)]

    def export_knowledge(kb: KnowledgeBase, folder: Path) -> int:
        found = assessment_of(kb)
        publisher = project.config.publisher
        triples = write_knowledge(kb, folder, found.records, found.ratings, publisher)
        if found.ratings or ratings_path(project.claims_dir).exists():
            staged = folder / LEDGER_FOLDER
            staged.mkdir(exist_ok=True)
            text = ratings_text(dated_ratings(found.ratings))
            (staged / RATINGS_FILE).write_text(text, encoding="utf-8", newline="\n")
        return triples

    def export_site(kb: KnowledgeBase, folder: Path) -> int:
        engine = fetch_engine(cache or project.cache_dir, opener)
        docs = folder / DOCS_FOLDER
        copy_template(docs)
        found = assessment_of(kb)
        generate_pages(kb, found.records, docs, build_date, project.config, found)
        write_sparql_page(docs, query_files(project.queries_dir))
        site = build_site(project.config, docs, folder / "site", build_date)
        shutil.rmtree(docs)
        install_site_files(site, folder, engine)
        return 0

    return export_knowledge, export_site
