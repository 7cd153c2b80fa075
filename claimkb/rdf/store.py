"""SPARQL on the built knowledge base: ``build/kb.ttl`` loaded into Oxigraph, and queries on
it that can only read, only locally, and only for a limited time.

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
two copies of it, against 1 ms in Oxigraph. pyoxigraph loads a file in bulk and reports
SPARQL syntax errors with a line and column. The Python graph model stays rdflib
(``rdf/graph.py``): it writes the Turtle and JSON-LD and is what pyshacl checks.

**No store in ``build/``.** A build used to write an Oxigraph (RocksDB) database into
``build/store/``; its files differ between two builds of the same input (a random
``IDENTITY``, a ``LOG`` with timestamps and the absolute path, numbered table files), so
``build/`` could not be byte-identical. ``claimkb query`` now loads ``build/kb.ttl`` into an
in-memory store for each query instead: 0.02 s for the example project's 7k triples (and,
from the table above, about 2.3 s at 562k triples), which is less than Python's start-up, so
no cache is kept either and a query writes nothing at all.

**Read-only and local.** :func:`check_query` reads the query's words (outside strings,
IRIs and comments) before anything runs: an update (``INSERT``, ``DELETE``, ``LOAD``,
``CLEAR``, ``DROP``, ``CREATE``, ``ADD``, ``MOVE``, ``COPY``, ``WITH``) is refused, because
Oxigraph would otherwise either change the store or report it as a syntax error ("expected
CONSTRUCT"); ``SERVICE`` is refused because Oxigraph would send the query to the named
endpoint over the network. Brackets nested deeper than ``MAX_DEPTH`` are refused too:
Oxigraph's parser recurses per bracket and crashes (a stack overflow) between 2,000 and 5,000
levels (measured).

**A time limit.** Oxigraph cannot interrupt a query, so :func:`query_build` runs it in a
child process (forked where the platform has ``fork``) that loads the store and sends back
the rows; the parent waits at most ``timeout`` seconds, then kills the child. Measured: a
fork costs about 15 ms and the kill is immediate. A worker thread was the alternative: the
query releases the GIL, so the command could stop waiting, but the abandoned thread would
keep a core busy until the process ends, which inside a long-lived process (tests,
``claimkb serve``) is never. The rows are capped (``MAX_ROWS``) so that a query cannot
fill the memory before its time is up. Ctrl-C in the parent kills the child the same way,
and a crash of the engine ends the child, not the command, which reports it in one line.

Two behaviours of Oxigraph to know when writing queries: it stores integers of derived types
(``oa:start`` is an ``xsd:nonNegativeInteger`` in ``kb.ttl``) as ``xsd:integer``; and a
``BIND`` in the middle of a group splits the join there, which made "predictions past due"
quadratic until its test moved into the final ``FILTER``.
"""

from __future__ import annotations

import csv
import faulthandler
import io
import json
import multiprocessing
import re
import signal
import traceback
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph

from claimkb.core.errors import ClaimkbError
from claimkb.rdf.vocab import BASE, PREFIXES

#: The knowledge base's file inside ``build/`` that queries run on.
KB_FILE = "kb.ttl"
#: Seconds a query may run unless ``--timeout`` says otherwise.
DEFAULT_TIMEOUT = 30.0
#: Longest time limit: a day (the operating system's wait cannot take much more).
MAX_TIMEOUT = 86400.0
#: Most rows ``claimkb query`` prints: a query that would give more (a cross product, say)
#: is stopped before its rows fill the memory (about 400 bytes a row, held twice while they
#: pass from the query process to the command).
MAX_ROWS = 250_000
#: Largest ``.rq`` file read: a query is text a person writes, not data.
MAX_QUERY_BYTES = 1 << 20

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


def open_store(build_dir: Path) -> pyoxigraph.Store:
    """A new in-memory store holding ``build_dir/kb.ttl``."""
    turtle = build_dir / KB_FILE
    if not turtle.is_file():
        raise StoreError(missing_build(build_dir))
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
    except (OSError, SyntaxError, ValueError) as error:
        raise StoreError(
            f"{build_dir.name}/{KB_FILE}: cannot load the knowledge base "
            f"({_one_line(str(error))}); run `claimkb build` again"
        ) from None
    return store


def missing_build(build_dir: Path) -> str:
    """The message for a project with no built knowledge base."""
    return f"{build_dir.name}/{KB_FILE}: no knowledge base; run `claimkb build` first"


def read_query(argument: str) -> tuple[str, str]:
    """The query text and a name for messages: a ``.rq`` file's path, else "query".

    An argument that names an existing file, or ends in ``.rq``, is read as a file; it must
    be UTF-8 text of at most ``MAX_QUERY_BYTES``."""
    path = Path(argument)
    if argument.endswith(".rq") or (
        len(argument) < 4096 and "\n" not in argument and _is_file(path)
    ):
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_QUERY_BYTES + 1)
        except OSError as error:
            raise QueryError(f"{argument}: cannot read the query: {error.strerror}") from None
        if len(data) > MAX_QUERY_BYTES:
            raise QueryError(
                f"{argument}: the query file is larger than {MAX_QUERY_BYTES >> 20} MiB"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise QueryError(
                f"{argument}: not a UTF-8 text file (byte {error.start}); a query is SPARQL text"
            ) from None
        if "\x00" in text:
            raise QueryError(f"{argument}: a binary file (NUL byte); a query is SPARQL text")
        if not text.strip():
            raise QueryError(f"{argument}: the query file is empty")
        return text.removeprefix("\ufeff"), argument
    return argument, "query"


def _is_file(path: Path) -> bool:
    """Whether ``path`` names a file; a query text too long for a file name does not."""
    try:
        return path.is_file()
    except OSError:  # ENAMETOOLONG: a name part over 255 bytes
        return False


# ------------------------------------------------------------------------ what may run

_TOKENS = re.compile(
    r"""(?P<skip>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"   # long strings
    |'''(?:[^'\\]|\\.|'(?!''))*'''
    |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'          # strings
    |<[^<>"{}|^`\\\s]*>                                # IRIs
    |\#[^\n]*)                                         # comments
    |(?P<word>[?$]?[A-Za-z_][\w.-]*(?::[\w.:%-]*)?|:[\w.:%-]*)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
#: Deepest nesting of brackets allowed: Oxigraph's parser recurses per bracket and overflows
#: its stack (a crash) at a few thousand; no real query needs more than a few dozen.
MAX_DEPTH = 256
_DEPTH = {"(": 1, "{": 1, "[": 1, ")": -1, "}": -1, "]": -1}
#: The words only SPARQL Update uses: a query holding one is an update.
UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)


def check_query(text: str, origin: str = "query") -> None:
    """Refuse, before anything runs, an update, a ``SERVICE`` (a query sent elsewhere) and
    brackets nested deeper than ``MAX_DEPTH``.

    Only bare words count: not variables, prefixed names, strings, IRIs or comments, so
    ``?insert``, ``ex:service`` and ``"DROP"`` are allowed."""
    depth = 0
    for match in _TOKENS.finditer(text):
        word = match.group("word")
        if word is None:
            depth += _DEPTH.get(match.group("other") or "", 0)
            if depth > MAX_DEPTH:
                raise QueryError(
                    f"{origin}:{_position(text, match.start())}: brackets nested more than "
                    f"{MAX_DEPTH} deep"
                )
            continue
        if word[0] in "?$:" or ":" in word:
            continue
        keyword = word.upper()
        if keyword in UPDATE_WORDS:
            raise QueryError(f"{origin}: updates are not allowed; claimkb query is read-only")
        if keyword == "SERVICE":
            raise QueryError(
                f"{origin}:{_position(text, match.start())}: SERVICE is not allowed; claimkb "
                "query reads the local knowledge base only"
            )


def query_form(text: str) -> str:
    """The query's form, ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` (its first such
    bare word; ``SELECT`` if none is found)."""
    for match in _TOKENS.finditer(text):
        word = (match.group("word") or "").upper()
        if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return word
    return "SELECT"


def _position(text: str, offset: int) -> str:
    """``line:column`` (both from 1) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def run_query(
    store: pyoxigraph.Store, text: str, origin: str = "query", max_rows: int | None = None
) -> tuple[list[str], list[Row]]:
    """Run a SPARQL query; return column names and rows of plain Python values.

    The query is checked first (:func:`check_query`). IRIs become strings, numeric and
    boolean literals Python numbers and booleans, other literals their text (language tags
    dropped), unbound cells None. ``ASK`` gives one column ``ask``; ``CONSTRUCT``/``DESCRIBE``
    give ``subject, predicate, object``. The project's prefixes (``schema:``, ``qudt:``,
    ``ckb:`` ...) need not be declared. More than ``max_rows`` rows (if given) is an error."""
    check_query(text, origin)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    try:
        result = store.query(text, prefixes=prefixes)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return ["ask"], [(bool(result),)]
        if isinstance(result, pyoxigraph.QueryTriples):
            triples = ((_value(t.subject), _value(t.predicate), _value(t.object)) for t in result)
            return ["subject", "predicate", "object"], _at_most(triples, max_rows, origin)
        columns = [variable.value for variable in result.variables]
        solutions = (tuple(_value(solution[name]) for name in columns) for solution in result)
        rows = _at_most(solutions, max_rows, origin)
    except SyntaxError as error:
        raise QueryError(_syntax_message(str(error), text, origin)) from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"{origin}: {_one_line(str(error))}") from None
    return columns, rows


def _at_most(rows: Iterator[Row], limit: int | None, origin: str) -> list[Row]:
    found: list[Row] = []
    for row in rows:
        if limit is not None and len(found) == limit:
            raise QueryError(
                f"{origin}: more than {limit:,} rows; narrow the query or add LIMIT "
                "(`claimkb export` prints the whole knowledge base)"
            )
        found.append(row)
    return found


def query_build(
    build_dir: Path, text: str, origin: str = "query", timeout: float = DEFAULT_TIMEOUT
) -> tuple[list[str], list[Row]]:
    """:func:`run_query` on ``build_dir/kb.ttl`` in a child process, stopped (killed) after
    ``timeout`` seconds or when the caller is interrupted (Ctrl-C)."""
    if not 0 < timeout <= MAX_TIMEOUT:  # also false for NaN
        raise QueryError(
            f"{origin}: the time limit must be more than 0 and at most {MAX_TIMEOUT:g} s, "
            f"not {timeout:g}"
        )
    check_query(text, origin)
    if not (build_dir / KB_FILE).is_file():
        raise StoreError(missing_build(build_dir))
    context = (
        multiprocessing.get_context("fork")
        if "fork" in multiprocessing.get_all_start_methods()
        else multiprocessing.get_context("spawn")
    )
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_query_child, args=(sender, build_dir, text, origin), daemon=True
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(
                f"{origin}: stopped after {timeout:g} s (time limit; --timeout to change)"
            )
        try:
            kind, payload = receiver.recv()
        except EOFError:
            child.join()
            raise QueryError(
                f"{origin}: the SPARQL engine stopped without an answer "
                f"(exit status {child.exitcode})"
            ) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if kind == "error":
        raise QueryError(payload)
    if kind == "crash":
        raise RuntimeError(f"the query process failed:\n{payload}")
    columns, rows = payload
    return columns, rows


def _query_child(sender: Connection, build_dir: Path, text: str, origin: str) -> None:
    """The child of :func:`query_build`. Ctrl-C is the parent's to handle (it kills us), and
    so is a crash (the parent reports it), so no fault handler of the parent's dumps here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    faulthandler.disable()
    answer: tuple[str, object]
    try:
        answer = ("ok", run_query(open_store(build_dir), text, origin, MAX_ROWS))
    except ClaimkbError as error:
        answer = ("error", str(error))
    except Exception:  # a bug: handed to the parent, which raises it with this traceback
        answer = ("crash", traceback.format_exc())
    sender.send(answer)
    sender.close()


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


def convert_term(text: str, datatype: str | None) -> Value:
    """A literal's lexical form as a plain value: integers and decimals as Python numbers,
    booleans as ``bool``, anything else (or a malformed number) as its text."""
    try:
        if datatype in _INTEGERS:
            return int(text)
        if datatype in _FLOATS:
            return float(text)
    except ValueError:
        return text
    if datatype == _BOOLEAN:
        return text in ("true", "1")
    return text


def _value(term: object) -> Value:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        return convert_term(term.value, term.datatype.value)
    if isinstance(term, pyoxigraph.NamedNode):
        return term.value
    return str(term)


# ---------------------------------------------------------------------------- formatting

#: Longest cell in the table format; CSV and JSON are never cut.
TABLE_CELL = 80


#: How a CSV cell that a spreadsheet would read as a formula starts, and the plain numbers
#: among them that stay as they are (the SPARQL page's CSV applies the same rule).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: a value from a source that starts like a
    formula (``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``) gets a leading ``'``, as
    OWASP advises against CSV injection; plain numbers (``-5``, ``+1.5e3``) stay numbers."""
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def format_rows(columns: Sequence[str], rows: Sequence[Row], fmt: str = "table") -> str:
    """Rows as an aligned text table, CSV (RFC 4180, header first, formula-like cells
    neutralised by ``csv_cell``) or JSON (a list of objects, keys in column order)."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[csv_cell(_text(value)) for value in row] for row in rows])
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
