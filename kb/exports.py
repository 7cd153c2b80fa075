"""The build's exporter: derivations and verdicts, RDF (validated by SHACL), the store.

One function so that the graph the store is loaded from is exactly the graph that passed
validation, verdicts included.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from kb import paths
from kb.knowledge import KnowledgeBase
from kb.rdf import to_rdf, write_rdf
from kb.rdf_verdicts import add_verdicts
from kb.report import derivation_records
from kb.shacl import validate
from kb.site import build_site, generate_pages
from kb.store import write_store

Exporter = Callable[[KnowledgeBase, Path], int]


def export_knowledge(kb: KnowledgeBase, folder: Path, claims_dir: Path = paths.CLAIMS) -> int:
    """Write ``derivations.json``, ``kb.ttl``, ``kb.jsonld`` and ``store/`` into ``folder``;
    return the number of triples. Nothing is written when the graph breaks a shape."""
    records = derivation_records(kb, claims_dir)
    graph = to_rdf(kb)
    add_verdicts(graph, records)
    validate(graph)
    text = json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (folder / "derivations.json").write_text(text, encoding="utf-8", newline="\n")
    write_rdf(graph, folder)
    write_store(folder / "kb.ttl", folder / "store")
    return len(graph)


def site_exporter(build_date: dt.date, root: Path = paths.ROOT) -> Exporter:
    """The build's site stage: pages generated into ``site/generated/`` for ``build_date``
    (an input, so that builds stay reproducible), then ``mkdocs build --strict`` into the
    new build folder's ``site/``."""

    def export_site(kb: KnowledgeBase, folder: Path) -> int:
        records = derivation_records(kb, root / "claims")
        generate_pages(kb, records, root / "site", build_date)
        build_site(root, site_dir=folder / "site")
        return 0

    return export_site
