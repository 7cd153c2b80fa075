"""Hostile and faulty input at the edges of querying, exporting, deriving and RDF.

Guards the promise of every user error (one ``Error:`` line naming file:line, exit 1, no
traceback, no file changed; see ``tests/hostile.py``) for:

- ``claimkb query``: read-only (every SPARQL Update form refused by name), local (``SERVICE``
  refused before anything runs: a local HTTP server sees no request), a syntax error with
  the query's line and column, nesting too deep for the parser, a crash of the engine, a
  query text longer than a file name may be, a ``.rq`` file that is missing, binary, not
  UTF-8, empty, too large or a folder, a missing or broken ``build/kb.ttl``, too many rows,
  and a time limit (``--timeout``) that stops a runaway query, and Ctrl-C that stops one
  too;
- ``claimkb export``/``query`` writing to a full device or a closed pipe;
- derivations (``claims/derivations/*.yaml``): schema errors, numbers that are not finite,
  units outside the grammar, unknown inputs, division by zero;
- the RDF layer: numbers that are not finite, and a source text too long for one literal.

Expected messages and positions are worked out by hand from the inputs written here.
"""

from __future__ import annotations

import dataclasses
import http.server
import math
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest

from claimkb.build.outputs import write_knowledge
from claimkb.core.errors import ClaimkbWarning
from claimkb.rdf.graph import RdfError, to_rdf
from claimkb.rdf.store import open_store
from claimkb.rdf.vocab import SCHEMA, iri
from tests.hostile import Case, snapshot
from tests.rdf_fixtures import GERMAN, tiny_kb

REPOSITORY = Path(__file__).resolve().parents[1]
READ_ONLY = r"^query: updates are not allowed; claimkb query is read-only$"
#: Five patterns over every triple: far more solutions than any machine counts in a minute.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
#: The claims of ``sources/wind-report.txt`` in the small project (see tests/hostile.py).
MW_200 = "wind-report/8a984e22"
TURBINES_40 = "wind-report/e10039e4"


# ------------------------------------------------------------------ query: read-only


@pytest.mark.parametrize(
    "update",
    [
        pytest.param("INSERT DATA { <https://claimkb.org/id/x> a schema:Claim }", id="insert"),
        pytest.param("insert data { <https://claimkb.org/id/x> a schema:Claim }", id="lower"),
        pytest.param("DELETE WHERE { ?s ?p ?o }", id="delete-where"),
        pytest.param("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", id="modify"),
        pytest.param("PREFIX ex: <http://example.org/>\nCLEAR ALL", id="clear-after-prefix"),
        pytest.param("DROP DEFAULT", id="drop"),
        pytest.param("CREATE GRAPH <http://example.org/g>", id="create"),
        pytest.param("LOAD <http://127.0.0.1:9/kb.ttl>", id="load"),
        pytest.param("ADD DEFAULT TO <http://example.org/g>", id="add"),
        pytest.param("MOVE DEFAULT TO <http://example.org/g>", id="move"),
        pytest.param("COPY DEFAULT TO <http://example.org/g>", id="copy"),
        pytest.param(
            "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", id="with"
        ),
    ],
)
def test_query_refuses_every_update_form(case: Case, update: str) -> None:
    case.refused("query", update, match=READ_ONLY)


def test_query_refuses_an_update_in_a_query_file_naming_the_file(case: Case) -> None:
    path = case.write("scratch/wipe.rq", "# wipe everything\nDELETE WHERE { ?s ?p ?o }\n")
    case.refused("query", str(path), match=r"scratch/wipe\.rq: updates are not allowed")


def test_query_refuses_an_update_in_a_project_query_naming_it_by_project_path(
    case: Case,
) -> None:
    case.write("queries/tidy.rq", "CLEAR DEFAULT\n")
    case.refused("query", "tidy", match=r"^queries/tidy\.rq: updates are not allowed")


def test_query_update_words_in_variables_strings_and_comments_are_allowed(case: Case) -> None:
    result = case.run("query", 'SELECT ?insert WHERE { BIND("DROP" AS ?insert) } # DELETE ALL')
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "insert\n------\nDROP\n(1 row)\n"


# ------------------------------------------------------------------ query: local only


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(b'{"head": {"vars": []}, "results": {"bindings": [{}]}}')

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[tuple[str, list[str]]]:
    """A SPARQL endpoint on 127.0.0.1 that records every request it gets."""
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()
    server.server_close()


def test_query_refuses_service_before_any_request(
    case: Case, endpoint: tuple[str, list[str]]
) -> None:
    url, hits = endpoint
    # "SELECT * WHERE { " is 17 characters: SERVICE starts at column 18
    case.refused(
        "query",
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        match=r"^query:1:18: SERVICE is not allowed; claimkb query reads the local knowledge "
        r"base only$",
    )
    assert hits == []


def test_query_refuses_silent_lowercase_service_on_a_later_line(
    case: Case, endpoint: tuple[str, list[str]]
) -> None:
    url, hits = endpoint
    text = (
        "PREFIX ex: <http://example.org/>\n"
        "SELECT ?s WHERE {\n"
        f"  service silent <{url}> {{ ?s ?p ?o }}\n"
        "}"
    )
    case.refused("query", text, match=r"^query:3:3: SERVICE is not allowed")
    assert hits == []


def test_query_the_endpoint_fixture_does_answer_requests(endpoint: tuple[str, list[str]]) -> None:
    """The SERVICE tests' zero hits mean something: the server records a real request."""
    import urllib.request

    url, hits = endpoint
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
    assert hits == ["/sparql"]


def test_query_service_as_a_prefixed_name_is_allowed(case: Case) -> None:
    text = "PREFIX service: <http://example.org/>\nASK { ?s service:SERVICE ?o }"
    result = case.run("query", text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "ask\n-----\nfalse\n(1 row)\n"


# --------------------------------------------------------------- query: bad query text


def test_query_unknown_prefix_names_line_and_column(case: Case) -> None:
    # line 3 is "  ?x a nope:Thing": the name fills columns 8-17, Oxigraph points after it
    text = "SELECT ?x\nWHERE {\n  ?x a nope:Thing\n}"
    case.refused(
        "query",
        text,
        match=r"^query:3:18: SPARQL syntax error: unknown prefix 'nope:': declare it with "
        r"PREFIX$",
    )


def test_query_syntax_error_names_its_line(case: Case) -> None:
    case.refused(
        "query", "SELECT ?x\nWHERE { ?x ?y }", match=r"^query:2:\d+: SPARQL syntax error: "
    )


@pytest.mark.parametrize(
    ("text", "match"),
    [
        # "ASK " is 4 characters: the 257th brace is at column 4 + 257
        pytest.param("ASK " + "{" * 257 + "}" * 257, r"^query:1:261: ", id="braces"),
        # "  FILTER(" is 9 characters and two levels deep with the group's brace: the 255th
        # bracket after it, level 257, is at column 9 + 255
        pytest.param(
            "ASK {\n  FILTER(" + "(" * 300 + "1" + ")" * 301 + "\n}",
            r"^query:2:264: ",
            id="parentheses",
        ),
    ],
)
def test_query_nesting_deeper_than_the_parser_can_take_is_refused(
    case: Case, text: str, match: str
) -> None:
    """Oxigraph's parser crashes at a few thousand levels; 256 is where claimkb stops."""
    case.refused("query", text, match=match + r"brackets nested more than 256 deep$")


def test_query_nesting_256_deep_runs(case: Case) -> None:
    result = case.run("query", "ASK " + "{" * 256 + "}" * 256)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "ask\n----\ntrue\n(1 row)\n"


def test_query_an_engine_crash_is_one_line(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the nesting check (lifted here), Oxigraph's parser overflows its stack: the
    query process dies, the command reports it in one line."""
    monkeypatch.setattr("claimkb.rdf.store.MAX_DEPTH", 1_000_000)
    case.refused(
        "query",
        "ASK " + "{" * 100_000 + "}" * 100_000,
        match=r"^query: the SPARQL engine stopped without an answer \(exit status -\d+\)$",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"SELECT \x00\x01\x02", r"a binary file \(NUL byte\)", id="nul-bytes"),
        pytest.param(b"SELECT \xff\xfe ?x", r"not a UTF-8 text file \(byte 7\)", id="latin-1"),
        pytest.param(b"  \n\n", r"the query file is empty", id="empty"),
        pytest.param(
            b"#" * (1 << 20) + b"\n", r"the query file is larger than 1 MiB", id="too-large"
        ),
    ],
)
def test_query_unusable_rq_file(case: Case, content: bytes, message: str) -> None:
    path = case.write("scratch/bad.rq", content)
    case.refused("query", str(path), match=rf"scratch/bad\.rq: {message}")


def test_query_missing_rq_file(case: Case) -> None:
    missing = case.project.root / "scratch" / "nowhere.rq"
    case.refused(
        "query",
        str(missing),
        match=r"scratch/nowhere\.rq: cannot read the query: No such file or directory$",
    )


def test_query_rq_folder(case: Case) -> None:
    folder = case.project.root / "scratch" / "folder.rq"
    folder.mkdir(parents=True)
    case.refused(
        "query", str(folder), match=r"scratch/folder\.rq: cannot read the query: Is a directory$"
    )


def test_query_without_a_built_knowledge_base(case: Case) -> None:
    (case.project.build_dir / "kb.ttl").unlink()
    case.refused(
        "query",
        "ASK {}",
        match=r"^build/kb\.ttl: no knowledge base; run `claimkb build` first$",
    )


def test_query_on_a_broken_knowledge_base(case: Case) -> None:
    (case.project.build_dir / "kb.ttl").write_text("@prefix broken\n", encoding="utf-8")
    case.refused(
        "query",
        "ASK {}",
        match=r"^build/kb\.ttl: cannot load the knowledge base \(.+\); run `claimkb build` "
        r"again$",
    )


# ------------------------------------------------------------------- query: time limit


def test_query_runaway_stops_at_the_time_limit(case: Case) -> None:
    started = time.monotonic()
    case.refused(
        "query",
        RUNAWAY,
        "--timeout",
        "0.5",
        match=r"^query: stopped after 0\.5 s \(time limit; --timeout to change\)$",
    )
    assert time.monotonic() - started < 20  # generous: the limit is 0.5 s


def test_query_too_many_rows_are_refused(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """The small project's graph squared has far more than 100 rows; the cap (250,000 in
    use) stops such a query before its rows fill the memory."""
    monkeypatch.setattr("claimkb.rdf.store.MAX_ROWS", 100)
    case.refused(
        "query",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }",
        match=r"^query: more than 100 rows; narrow the query or add LIMIT \(`claimkb export` "
        r"prints the whole knowledge base\)$",
    )


def test_query_rows_up_to_the_cap_are_printed(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("claimkb.rdf.store.MAX_ROWS", 4)
    # the four claims of the wind report: exactly the cap
    result = case.run("query", "SELECT ?c WHERE { ?c a schema:Claim }", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "c"
    assert len(result.stdout.splitlines()) == 5


def test_query_a_time_limit_that_is_not_a_number_is_refused(case: Case) -> None:
    case.refused(
        "query",
        "ASK {}",
        "--timeout",
        "nan",
        match=r"^query: the time limit must be more than 0 and at most 86400 s, not nan$",
    )


def test_query_a_quick_query_finishes_well_within_the_limit(case: Case) -> None:
    # the wind report's four claims, each a schema:Claim
    result = case.run(
        "query", "SELECT (COUNT(*) AS ?n) WHERE { ?c a schema:Claim }", "--timeout", "60"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "n\n-\n4\n(1 row)\n"


def _cli(case: Case, *args: str) -> list[str]:
    """``claimkb`` as a real process (run from the repository, so the package is found)."""
    return [sys.executable, "-m", "claimkb", "--project", str(case.project.root), *args]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(word) for word in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_query_ctrl_c_stops_a_running_query_and_its_process(case: Case) -> None:
    process = subprocess.Popen(
        _cli(case, "query", RUNAWAY, "--timeout", "600"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPOSITORY,
    )
    deadline = time.monotonic() + 60
    while not _children(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(process.pid)
    assert workers, "the query process never started"
    time.sleep(0.3)  # the worker is inside the query now
    process.send_signal(signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    assert process.returncode == 1
    assert "Traceback" not in stderr
    assert stderr.strip() == "Aborted!"
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


# ------------------------------------------------------------ writing standard output


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("export", "--format", "ttl"), id="export-ttl"),
        pytest.param(("export", "--format", "jsonl"), id="export-jsonl"),
        pytest.param(("query", "ASK {}"), id="query"),
        pytest.param(("check",), id="check"),
    ],
)
def test_output_to_a_full_device_is_one_line(case: Case, args: tuple[str, ...]) -> None:
    before = snapshot(case.root)
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            _cli(case, *args),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=REPOSITORY,
        )
    assert result.returncode == 1
    assert result.stderr == "Error: standard output: cannot write: No space left on device\n"
    assert snapshot(case.root) == before


def test_output_to_a_closed_pipe_is_one_line(case: Case) -> None:
    with subprocess.Popen(
        _cli(case, "export", "--format", "ttl"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPOSITORY,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # nobody reads: the first write meets a closed pipe
        stderr = process.stderr.read()
        assert process.wait(timeout=120) == 1
    assert stderr == "Error: standard output: cannot write: closed\n"


# ------------------------------------------------------------------------- derivations

DERIVATION = f"""derivations:
  - id: power-per-turbine
    title: 200 MW over 40 turbines is 5 MW each
    inputs:
      total: {{claim: {MW_200}}}
      turbines: {{claim: {TURBINES_40}}}
    expression: total / turbines
    compare: 5 MW
    unit: MW
    expected: consistent
    reason: 200 MW / 40 = 5 MW.
"""
WHERE = r"^claims/derivations/wind\.yaml:2: "


def test_derivation_the_valid_one_is_consistent(case: Case) -> None:
    """The file the cases below break, unbroken: 200 MW / 40 = 5 MW, consistent."""
    case.write("claims/derivations/wind.yaml", DERIVATION)
    result = case.run("check", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"verdict": "consistent"' in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        pytest.param(
            "    unit: MW\n",
            "    unit: MW\n    tolerance: lots\n",
            r"derivations -> 0 -> tolerance .*Input should be a valid number",
            id="wrong-type",
        ),
        pytest.param(
            "    unit: MW\n",
            "    unit: MW\n    colour: red\n",
            r"derivations -> 0 -> colour .*Extra inputs are not permitted",
            id="unknown-field",
        ),
        pytest.param(
            "    expected: consistent\n",
            "",
            r"derivations -> 0 -> expected .*Field required",
            id="missing-field",
        ),
        pytest.param(
            "    unit: MW\n",
            "    unit: MW\n    tolerance: .nan\n",
            r"derivations -> 0 -> tolerance .*finite number",
            id="nan-tolerance",
        ),
        pytest.param(
            "    unit: MW\n",
            "    unit: MW\n    tolerance: 1e999\n",
            r"derivations -> 0 -> tolerance .*finite number",
            id="overflowing-tolerance",
        ),
    ],
)
def test_derivation_schema_error_names_file_line_and_field(
    case: Case, old: str, new: str, match: str
) -> None:
    assert old in DERIVATION
    case.write("claims/derivations/wind.yaml", DERIVATION.replace(old, new))
    case.refused("check", match=WHERE + match)


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        pytest.param(
            "compare: 5 MW",
            "compare: 1e999 MW",
            r"derivation power-per-turbine: compare: the number at column 1 is too large to "
            r"be finite$",
            id="infinite-compare",
        ),
        pytest.param(
            "expression: total / turbines",
            "expression: total / turbines * 2e400",
            r"derivation power-per-turbine: expression: the number at column 20 is too large",
            id="infinite-expression",
        ),
        pytest.param(
            "unit: MW",
            "unit: MW/(h",
            r"derivation power-per-turbine: unit: unit 'MW/\(h': ends too early$",
            id="unbalanced-unit",
        ),
        pytest.param(
            "unit: MW",
            "unit: MW/0",
            r"derivation power-per-turbine: unit: unit 'MW/0': unexpected '0'$",
            id="unit-over-zero",
        ),
        pytest.param(
            "unit: MW",
            "unit: M@W",
            r"derivation power-per-turbine: unit: unit 'M@W': unexpected '@W'$",
            id="odd-unit-token",
        ),
        pytest.param(
            "    unit: MW\n",
            "    unit: MW\n    free: {name: x, unit: 'MW/(', low: 1, high: 3}\n",
            r"derivation power-per-turbine: free -> unit: unit 'MW/\(': ends too early$",
            id="unbalanced-free-unit",
        ),
        pytest.param(
            MW_200,
            "wind-report/00000000",
            r"derivation power-per-turbine: unknown claim 'wind-report/00000000'$",
            id="unknown-claim",
        ),
        pytest.param(
            f"{{claim: {MW_200}}}",
            "{reference: no-such-fact}",
            r"derivation power-per-turbine: unknown reference 'no-such-fact'$",
            id="unknown-reference",
        ),
        pytest.param(
            f"{{claim: {MW_200}}}",
            "{derivation: no-such-check}",
            r"derivation power-per-turbine: unknown derivation 'no-such-check'$",
            id="unknown-derivation",
        ),
        pytest.param(
            "expression: total / turbines",
            "expression: total / turbinez",
            r"E412 derivation 'power-per-turbine': unknown name 'turbinez' at column 9",
            id="unknown-name",
        ),
        pytest.param(
            "expression: total / turbines",
            "expression: total / (turbines - turbines)",
            r"E402 derivation 'power-per-turbine': division by an interval containing zero",
            id="division-by-zero",
        ),
    ],
)
def test_derivation_bad_content_names_file_line_and_derivation(
    case: Case, old: str, new: str, match: str
) -> None:
    assert old in DERIVATION
    case.write("claims/derivations/wind.yaml", DERIVATION.replace(old, new))
    case.refused("check", match=WHERE + match)


def test_derivation_error_refuses_the_build_and_keeps_the_previous_one(case: Case) -> None:
    case.write("claims/derivations/wind.yaml", DERIVATION.replace("unit: MW", "unit: MW/(h"))
    case.refused(
        "build",
        "--date",
        "2026-12-01",
        match=WHERE + r"derivation power-per-turbine: unit: unit 'MW/\(h': ends too early$",
    )


# --------------------------------------------------------------------------------- RDF


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("value", math.inf, id="infinite-value"),
        pytest.param("low", -math.inf, id="minus-infinite-low"),
        pytest.param("high", math.nan, id="nan-high"),
    ],
)
def test_rdf_refuses_a_claim_number_that_is_not_finite(field: str, value: float) -> None:
    kb = tiny_kb()
    first = kb.claims[0]
    broken = first.model_copy(update={"quantity": first.quantity.model_copy(update={field: value})})
    kb = dataclasses.replace(kb, claims=[broken, *kb.claims[1:]])
    with pytest.raises(
        RdfError, match=rf"^claim tiny\.de/00000001: {field} is {value} \(not a finite number\)"
    ):
        to_rdf(kb)


def test_rdf_refuses_an_si_value_that_overflows() -> None:
    """1e300 TW is a finite float, but in watts (1e312) it is not."""
    kb = tiny_kb()
    first = kb.claims[0]
    huge = first.quantity.model_copy(update={"value": 1e300, "unit": "TW"})
    kb = dataclasses.replace(kb, claims=[first.model_copy(update={"quantity": huge})])
    with pytest.raises(RdfError, match=r"^claim tiny\.de/00000001: value in SI units is inf"):
        to_rdf(kb)


def test_rdf_a_source_text_over_the_limit_stays_out_of_the_graph(tmp_path: Path) -> None:
    """17 MiB of German text (the tiny source's sentence, then filler) builds and loads; the
    text is the one literal left out, with a warning naming the file."""
    kb = tiny_kb()
    filler = "Weiter im Text ohne Zahlen.\n" * ((17 << 20) // 28 + 1)
    big = GERMAN + "\n" + filler
    assert len(big.encode("utf-8")) > 17 << 20
    kb = dataclasses.replace(kb, texts={**kb.texts, "tiny.de": big})
    with pytest.warns(
        ClaimkbWarning,
        match=r"^sources/tiny\.de\.txt: its text \(17\.0 MiB\) is not put into the knowledge "
        r"graph \(at most 4 MiB per text\)",
    ):
        write_knowledge(kb, tmp_path, [])
    turtle = tmp_path / "kb.ttl"
    assert turtle.stat().st_size < 1 << 20
    # Store.load, as the in-browser engine reads it, refuses tokens over 16 MiB
    streamed = pyoxigraph.Store()
    streamed.load(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE)
    store = open_store(tmp_path)
    texts = {
        str(row["s"].value).rsplit("/", 1)[1]
        for row in store.query(
            "SELECT ?s WHERE { ?s <https://schema.org/text> ?t . "
            "?s a <https://schema.org/CreativeWork> }"
        )
    }
    assert texts == {"tiny.ru"}


def test_rdf_a_source_text_under_the_limit_is_kept_whole() -> None:
    kb = tiny_kb()
    text = GERMAN + "\n" + "x" * (3 << 20)
    graph = to_rdf(dataclasses.replace(kb, texts={**kb.texts, "tiny.de": text}))
    assert str(graph.value(iri("source", "tiny.de"), SCHEMA.text)) == text
