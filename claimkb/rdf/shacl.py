"""Check the knowledge graph against the SHACL shapes in ``kb/shapes.ttl``, and its spans
against the source texts.

pyshacl's own report is a graph, and its text form is a page per problem; a build that fails
should instead say in one line per problem which node broke which rule, so the report names
claims by their ids and properties by their prefixed names.

That every span's characters in the source are its ``oa:exact`` text is checked here in
Python (see the note in ``kb/shapes.ttl``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from claimkb.core.errors import ClaimkbError
from claimkb.rdf.vocab import BASE, OA, PREFIXES, SCHEMA

#: The shapes every exported graph must fit.
SHAPES = Path(__file__).with_name("shapes.ttl")


class ShapeError(ClaimkbError):
    """The graph does not fit the shapes; ``str()`` is the report, one problem per line."""


@cache
def shapes_graph() -> Graph:
    """The shapes, parsed once per process."""
    return Graph().parse(SHAPES, format="turtle")


def validate(graph: Graph) -> None:
    """Raise :class:`ShapeError` with a readable report when ``graph`` breaks a shape."""
    conforms, results, _ = pyshacl_validate(
        graph, shacl_graph=shapes_graph(), inference="none", allow_warnings=True
    )
    assert isinstance(results, Graph)
    lines = ([] if conforms else problems(results)) + span_problems(graph)
    if not lines:
        return
    raise ShapeError(
        f"the RDF graph is not valid ({_count(len(lines))}; shapes in kb/shapes.ttl):\n"
        + "\n".join(lines)
    )


def problems(results: Graph) -> list[str]:
    """One sorted line per ``sh:ValidationResult``: node, property, message, value."""
    lines = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = _short(results.value(result, SH.focusNode))
        path = _path(results, results.value(result, SH.resultPath))
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        line = f"{focus}: {path}: {message}" if path else f"{focus}: {message}"
        if value is not None and value != results.value(result, SH.focusNode):
            line += f" (found {_short(value)})"
        lines.add(line)
    return sorted(lines)


def span_problems(graph: Graph) -> list[str]:
    """One line per annotation whose selected characters are not its ``oa:exact`` text."""
    lines = []
    for target in graph.subjects(RDF.type, OA.SpecificResource):
        text = graph.value(graph.value(target, OA.hasSource), SCHEMA.text)
        start = end = exact = None
        for selector in graph.objects(target, OA.hasSelector):
            start = graph.value(selector, OA.start, default=start)
            end = graph.value(selector, OA.end, default=end)
            exact = graph.value(selector, OA.exact, default=exact)
        if not (isinstance(text, Literal) and isinstance(start, Literal)):
            continue  # a missing text or selector is reported by the shapes
        if not (isinstance(end, Literal) and isinstance(exact, Literal)):
            continue
        found = str(text)[int(start) : int(end)]
        if found != str(exact):
            lines.append(
                f"{_short(target)}: the characters at {int(start)}..{int(end)} of the source "
                f"are {found!r}, not oa:exact {str(exact)!r}"
            )
    return sorted(lines)


def _path(results: Graph, path: Node | None) -> str:
    if path is None:
        return ""
    inverse = results.value(path, SH.inversePath) if not isinstance(path, Literal) else None
    if inverse is not None:
        return f"^{_short(inverse)}"
    return _short(path)


def _short(node: Node | None) -> str:
    """``claim x.de/1a2b3c4d`` for project IRIs, ``schema:author`` for vocabulary IRIs."""
    if node is None:
        return "?"
    if isinstance(node, URIRef):
        text = str(node)
        if text.startswith(BASE):
            kind, _, rest = text[len(BASE) :].partition("/")
            return f"{kind} {rest}"
        for prefix, namespace in PREFIXES.items():
            if text.startswith(str(namespace)):
                return f"{prefix}:{text[len(str(namespace)) :]}"
        return f"<{text}>"
    if isinstance(node, Literal):
        return repr(str(node)) if len(str(node)) <= 60 else repr(str(node)[:57] + "...")
    return "[blank node]"


def _count(number: int) -> str:
    return "1 problem" if number == 1 else f"{number} problems"
