"""The build's exporter: derivations and verdicts, RDF (validated by SHACL), the store.

One function so that the graph the store is loaded from is exactly the graph that passed
validation, verdicts included.
"""

from __future__ import annotations

import json
from pathlib import Path

from kb import paths
from kb.knowledge import KnowledgeBase
from kb.rdf import to_rdf, write_rdf
from kb.rdf_verdicts import add_verdicts
from kb.report import derivation_records
from kb.shacl import validate
from kb.store import write_store


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
