"""The embedded SPARQL store: ``build/store/``, an Oxigraph database, and queries on it.

Why Oxigraph (pyoxigraph) and not rdflib's in-memory graph: measured with
``benchmarks/bench_store.py`` on this project's graph and every query in ``queries/`` (17
then), on the 2-core machine the project is built on. Times are the best of 3 runs on the
corpus and of 1 run on the synthetic graph (100 disjoint copies of the corpus):

=====================================  ===========  ==========  ===========
 measured                                 rdflib     pyoxigraph   oxrdflib
=====================================  ===========  ==========  ===========
 corpus (5.6k triples): load              0.26 s      0.056 s      0.81 s
 corpus: all 17 queries                   3.85 s      0.036 s      0.062 s
 100x corpus (562k triples): load        46.4 s       2.3 s       28.3 s
 100x corpus: 16 queries [#]_           377 s         2.9 s        4.2 s
 100x: "claims about an entity"          76.7 s       0.056 s      0.106 s
 100x: "a speaker's power claims"       241 s         1.75 s       2.02 s
=====================================  ===========  ==========  ===========

.. [#] "numbers in a source", 1.8 s in rdflib on the corpus already, was not run by rdflib
   at 100x; pyoxigraph took 0.030 s for it.

Per query at 100x, pyoxigraph was 15x to 1,400x faster than rdflib; against oxrdflib it
ranged from 1.2x slower (the two counting queries) to 4.3x faster.

rdflib evaluates joins in the order they are written and applies ``VALUES`` last, so a
natural query can be quadratic: "numbers in a source" took 2.3 s on the corpus and 17.6 s on
two copies of it, against 1 ms in Oxigraph. rdflib on the Oxigraph store (oxrdflib) loads
through rdflib's parser (as slow as rdflib) and adds per-solution conversion. pyoxigraph
loads a file in bulk, persists it (a second open is instant and read-only, so queries never
change the build) and reports SPARQL syntax errors with a line and column. The Python graph
model stays rdflib (``kb/rdf.py``): it writes the Turtle and JSON-LD and is what pyshacl
checks; the store is loaded from that Turtle.

The store folder is a RocksDB database: its files are not byte-identical between builds
(the triples are), which is why ``kb.ttl`` and not the store is the reference output. Two
behaviours of Oxigraph to know when writing queries: it stores integers of derived types
(``oa:start`` is an ``xsd:nonNegativeInteger`` in ``kb.ttl``) as ``xsd:integer``; and a
``BIND`` in the middle of a group splits the join there, which made "predictions past due"
quadratic until its test moved into the final ``FILTER``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph

from claimkb.core.errors import ClaimkbError
from claimkb.rdf.vocab import BASE, PREFIXES

#: The store's folder inside ``build/``.
STORE_DIR = "store"

Value = str | int | float | bool | None
Row = tuple[Value, ...]

_INTEGERS = {
    f"http://www.w3.org/2001/XMLSchema#{name}"
    for name in (
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOATS = {f"http://www.w3.org/2001/XMLSchema#{name}" for name in ("double", "float", "decimal")}
_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_SYNTAX = re.compile(r"^error at (\d+):(\d+): (.*)$", re.DOTALL)


class QueryError(ClaimkbError):
    """A query that cannot run; ``str()`` is one line naming where and why."""


class StoreError(ClaimkbError):
    """There is no built knowledge base to query."""


def write_store(turtle: Path, folder: Path) -> None:
    """Load ``turtle`` into a new persistent store in ``folder`` (which must not exist)."""
    if folder.exists():
        raise StoreError(f"{folder} already exists; the store is only written into a new build")
    store = pyoxigraph.Store(str(folder))
    store.bulk_load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
    store.flush()
    store.optimize()
    del store  # closes the database, so the build folder can be moved into place


def open_store(build_dir: Path) -> pyoxigraph.Store:
    """The built store, opened read-only; without one, ``kb.ttl`` loaded into memory."""
    folder, turtle = build_dir / STORE_DIR, build_dir / "kb.ttl"
    if folder.is_dir():
        try:
            return pyoxigraph.Store.read_only(str(folder))
        except OSError as error:
            raise StoreError(f"cannot open the store in {folder}: {error}") from None
    if turtle.is_file():
        store = pyoxigraph.Store()
        store.bulk_load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
        return store
    raise StoreError(f"no knowledge base in {build_dir}: run `claimkb build` first")


def read_query(argument: str) -> tuple[str, str]:
    """The query text and a name for messages: a ``.rq`` file's path, else "query".

    An argument that names an existing file, or ends in ``.rq``, is read as a file."""
    path = Path(argument)
    if argument.endswith(".rq") or (
        len(argument) < 4096 and "\n" not in argument and path.is_file()
    ):
        try:
            return path.read_text(encoding="utf-8"), argument
        except OSError as error:
            raise QueryError(f"{argument}: cannot read the query: {error.strerror}") from None
    return argument, "query"


def run_query(
    store: pyoxigraph.Store, text: str, origin: str = "query"
) -> tuple[list[str], list[Row]]:
    """Run a SPARQL query; return column names and rows of plain Python values.

    IRIs become strings, numeric and boolean literals Python numbers and booleans, other
    literals their text (language tags dropped), unbound cells None. ``ASK`` gives one
    column ``ask``; ``CONSTRUCT``/``DESCRIBE`` give ``subject, predicate, object``. The
    project's prefixes (``schema:``, ``qudt:``, ``ckb:`` ...) need not be declared."""
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    try:
        result = store.query(text, prefixes=prefixes)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return ["ask"], [(bool(result),)]
        if isinstance(result, pyoxigraph.QueryTriples):
            triples: list[Row] = [
                (_value(t.subject), _value(t.predicate), _value(t.object)) for t in result
            ]
            return ["subject", "predicate", "object"], triples
        columns = [variable.value for variable in result.variables]
        rows = [tuple(_value(solution[name]) for name in columns) for solution in result]
    except SyntaxError as error:
        raise QueryError(_syntax_message(str(error), text, origin)) from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"{origin}: {_one_line(str(error))}") from None
    return columns, rows


_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:[\w.-]*$")
#: Longest explanation kept from the parser: its lists of expected tokens can run to pages.
MESSAGE_CHARS = 160


def _syntax_message(message: str, text: str, origin: str) -> str:
    """``origin:line:column: SPARQL syntax error: why``, on one line."""
    match = _SYNTAX.match(message)
    if match is None:
        return f"{origin}: SPARQL syntax error: {_one_line(message)}"
    line, column, why = match.groups()
    if "Prefix not found" in why:
        lines = text.splitlines()
        before = lines[int(line) - 1][: int(column) - 1] if int(line) <= len(lines) else ""
        prefixed = _PREFIXED.search(before.rstrip())
        name = f"'{prefixed.group(1) or ''}:'" if prefixed else "a prefix"
        why = f"unknown prefix {name}: declare it with PREFIX"
    return f"{origin}:{line}:{column}: SPARQL syntax error: {_one_line(why)}"


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MESSAGE_CHARS else text[: MESSAGE_CHARS - 1] + "…"


def _value(term: object) -> Value:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == _BOOLEAN:
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, pyoxigraph.NamedNode):
        return term.value
    return str(term)


# ---------------------------------------------------------------------------- formatting

#: Longest cell in the table format; CSV and JSON are never cut.
TABLE_CELL = 80


def format_rows(columns: Sequence[str], rows: Sequence[Row], fmt: str = "table") -> str:
    """Rows as an aligned text table, CSV (RFC 4180, header first) or JSON (a list of
    objects, keys in column order)."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_text(value) for value in row] for row in rows])
        return out.getvalue()
    if fmt == "json":
        objects = [dict(zip(columns, row, strict=True)) for row in rows]
        return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return _table(columns, rows)
    raise ValueError(f"unknown format {fmt!r}: use table, csv or json")


def _table(columns: Sequence[str], rows: Sequence[Row]) -> str:
    cells = [[_cut(_short(value)) for value in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    lines = [
        "  ".join(name.ljust(width) for name, width in zip(columns, widths, strict=True)),
        "  ".join("-" * width for width in widths),
    ]
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    noun = "row" if len(rows) == 1 else "rows"
    return "\n".join([*(line.rstrip() for line in lines), f"({len(rows)} {noun})"]) + "\n"


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number(value)
    return str(value)


def _number(value: float) -> str:
    """100.0 → "100", 1e10 → "10000000000", 0.1 → "0.1", 3.828e26 → "3.828e+26"."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def _short(value: Value) -> str:
    """Table cells: IRIs as prefixed names (``unit:GigaW``) or project paths."""
    text = _text(value)
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        if value.startswith(BASE):
            return value[len(BASE) :]
        for prefix, namespace in PREFIXES.items():
            if value.startswith(str(namespace)):
                return f"{prefix}:{value[len(str(namespace)) :]}"
    return text


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL else text[: TABLE_CELL - 1] + "…"
