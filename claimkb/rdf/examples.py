"""The example SPARQL queries: the ones that ship with claimkb, and a project's own.

Every project gets the built-in queries (``claimkb/rdf/queries/*.rq``, each opening with
comment lines that say what it answers) on its SPARQL page and by name at the command line
(``claimkb query ranges``). A project adds its own in its ``queries/`` folder; one with the
name of a built-in query replaces it, so a newsroom can adapt an example without forking.
"""

from __future__ import annotations

from pathlib import Path

BUILT_IN = Path(__file__).with_name("queries")


def query_files(project_queries: Path | None = None) -> list[Path]:
    """The example queries, sorted by name; the project's replace built-ins of that name."""
    found = {path.stem: path for path in BUILT_IN.glob("*.rq")}
    if project_queries is not None and project_queries.is_dir():
        found.update({path.stem: path for path in project_queries.glob("*.rq")})
    return [found[name] for name in sorted(found)]


def named_query(name: str, project_queries: Path | None = None) -> Path | None:
    """The example query called ``name`` (a file stem), or None."""
    return next((p for p in query_files(project_queries) if p.stem == name), None)
