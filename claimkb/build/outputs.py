"""The build's exporters: derivations and verdicts, RDF (validated by SHACL), the store,
the site (with its SPARQL page, the downloads and the in-browser engine).

One function so that the graph the store is loaded from is exactly the graph that passed
validation, verdicts included.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimkb.core import paths
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.rdf.graph import to_rdf, write_rdf
from claimkb.rdf.verdicts import add_verdicts
from claimkb.derive.records import derivation_records
from claimkb.rdf.shacl import validate
from claimkb.pages.site import build_site, generate_pages
from claimkb.pages.sparql import fetch_engine, install_site_files, write_sparql_page
from claimkb.rdf.store import write_store
from claimkb.pages.vendor import Opener

Exporter = Callable[[KnowledgeBase, Path], int]


def write_knowledge(kb: KnowledgeBase, folder: Path, records: list[dict[str, Any]]) -> int:
    """Write ``derivations.json`` (``records``), ``kb.ttl``, ``kb.jsonld`` and ``store/`` into
    ``folder``; return the number of triples. Nothing is written when the graph breaks a
    shape."""
    graph = to_rdf(kb)
    add_verdicts(graph, records)
    validate(graph)
    text = json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (folder / "derivations.json").write_text(text, encoding="utf-8", newline="\n")
    write_rdf(graph, folder)
    write_store(folder / "kb.ttl", folder / "store")
    return len(graph)


def build_exporters(
    build_date: dt.date,
    root: Path = paths.ROOT,
    opener: Opener = urllib.request.urlopen,
    cache: Path = paths.CACHE,
) -> tuple[Exporter, ...]:
    """The build's export stages: the knowledge (verdicts, RDF, store), then the site, with
    pages generated into ``site/generated/`` for ``build_date`` (an input, so builds stay
    reproducible) and ``mkdocs build --strict`` into the new build folder's ``site/``, then
    the downloads and the SPARQL engine copied in.

    The engine is fetched first (or taken from ``cache``: by default the project's
    ``.cache/``, shared by builds of any corpus root), so a build that cannot have it fails
    before any page is written; ``opener`` is what fetches it (``urlopen``; tests pass a
    stand-in). The derivations are evaluated once and shared by both stages."""
    evaluated: dict[int, list[dict[str, Any]]] = {}

    def records_of(kb: KnowledgeBase) -> list[dict[str, Any]]:
        if id(kb) not in evaluated:
            evaluated[id(kb)] = derivation_records(kb, root / "claims")
        return evaluated[id(kb)]

    def export_knowledge(kb: KnowledgeBase, folder: Path) -> int:
        return write_knowledge(kb, folder, records_of(kb))

    def export_site(kb: KnowledgeBase, folder: Path) -> int:
        engine = fetch_engine(cache, opener)
        generate_pages(kb, records_of(kb), root / "site", build_date)
        write_sparql_page(root / "site", root / "queries")
        site = build_site(root, site_dir=folder / "site")
        install_site_files(site, folder, engine)
        return 0

    return export_knowledge, export_site
