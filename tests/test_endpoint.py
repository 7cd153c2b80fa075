"""``claimkb push --endpoint`` and ``claimkb query --endpoint`` against real SPARQL servers
started here on 127.0.0.1 (``tests/server_fixtures.py``): the Oxigraph server and Virtuoso 7.

The bundled project is built once per module (the knowledge exporter only); every example
query must give the same rows through a server as the local ``claimkb query`` does.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner, Result

from claimkb.build.outputs import build_exporters
from claimkb.build.stages import build, copy_project
from claimkb.cli import main
from claimkb.core.project import Project
from claimkb.rdf.endpoint import (
    PASSWORD_VARIABLE,
    EndpointError,
    graph_iri,
    push,
    query_endpoint,
    with_prefixes,
)
from claimkb.rdf.examples import query_files
from claimkb.rdf.store import KB_FILE, QueryError, Row, query_build
from tests.conftest import EXAMPLE
from tests.server_fixtures import (  # noqa: F401 (fixtures)
    Server,
    free_port,
    oxigraph_server,
    virtuoso_server,
)

BUILD_DATE = dt.date(2026, 11, 22)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy of the bundled project with its knowledge base built (no site)."""
    copy = copy_project(EXAMPLE, tmp_path_factory.mktemp("project"))
    build(copy, build_exporters(copy, BUILD_DATE)[:1])
    return copy


@pytest.fixture(scope="module")
def triples(project: Project) -> int:
    """How many triples build/kb.ttl holds, counted by parsing it here."""
    data = (project.build_dir / KB_FILE).read_bytes()
    return sum(1 for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest) -> Server:
    found: Server = request.getfixturevalue(f"{request.param}_server")
    return found


@pytest.fixture
def password(server: Server, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if server.password is not None:
        monkeypatch.setenv(PASSWORD_VARIABLE, server.password)
    else:
        monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    yield


def run(project: Project, *args: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project.root), *args])


def normalised(rows: list[Row]) -> set[tuple[object, ...]]:
    """Rows compared as a set: numbers as floats of 6 significant digits (a server may send
    2.0 where the local store gives 2, and Virtuoso 7.2 writes a double in its JSON results
    with 6 digits: 0.833333 for 0.8333333333333334), blank nodes as one label (each store
    names its own)."""

    def value(cell: object) -> object:
        if isinstance(cell, bool) or cell is None:
            return cell
        if isinstance(cell, int | float):
            return float(f"{float(cell):.6g}")
        text = str(cell)
        return "_:blank" if text.startswith("_:") else text

    return {tuple(value(cell) for cell in row) for row in rows}


def _push(project: Project, server: Server) -> Result:
    result = run(project, "push", "--endpoint", server.store_url, *_user(server))
    assert result.exit_code == 0, result.output
    return result


def _user(server: Server) -> list[str]:
    return ["--user", server.user] if server.user else []


def test_the_graph_is_named_after_the_project(project: Project) -> None:
    assert graph_iri(project.config.name) == "https://claimkb.org/id/build/musk-interviews"


def test_every_example_query_gives_the_local_rows(
    project: Project, server: Server, password: None, triples: int
) -> None:
    result = _push(project, server)
    assert "<https://claimkb.org/id/build/musk-interviews>" in result.output
    graph = graph_iri(project.config.name)
    examples = query_files(project.queries_dir)
    assert len(examples) >= 17
    for path in examples:
        text = path.read_text(encoding="utf-8")
        local_columns, local_rows = query_build(project.build_dir, text, path.stem)
        columns, rows = query_endpoint(server.query_url, text, path.stem, 60, graph, server.user)
        assert columns == local_columns, path.stem
        assert len(rows) == len(local_rows), path.stem
        assert normalised(rows) == normalised(local_rows), path.stem
    _, counted = query_endpoint(server.query_url, COUNT, graph=graph)
    assert counted == [(triples,)]


def test_the_command_prints_the_same_as_locally(
    project: Project, server: Server, password: None
) -> None:
    _push(project, server)
    local = run(project, "query", "claims-per-speaker", "--format", "csv")
    remote = run(
        project, "query", "claims-per-speaker", "--format", "csv", "--endpoint", server.query_url
    )
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output


def test_a_second_push_replaces_the_graph(
    project: Project, server: Server, password: None, triples: int
) -> None:
    graph = graph_iri(project.config.name)
    _push(project, server)
    _push(project, server)
    _, counted = query_endpoint(server.query_url, COUNT, graph=graph)
    assert counted == [(triples,)]  # not twice as many


def test_another_graph_is_left_alone(project: Project, server: Server, password: None) -> None:
    other = "https://example.org/graph/other"
    push(project.build_dir, server.store_url, other, server.user)
    _push(project, server)
    _, counted = query_endpoint(server.query_url, COUNT, graph=other)
    _, ours = query_endpoint(server.query_url, COUNT, graph=graph_iri(project.config.name))
    assert counted == ours


def test_construct_gives_triples(project: Project, server: Server, password: None) -> None:
    _push(project, server)
    text = "CONSTRUCT { ?s schema:name ?name } WHERE { ?s a schema:Person ; schema:name ?name }"
    graph = graph_iri(project.config.name)
    _, local = query_build(project.build_dir, text)
    columns, rows = query_endpoint(server.query_url, text, graph=graph)
    assert columns == ["subject", "predicate", "object"]
    assert rows and normalised(rows) == normalised(local)


def test_a_server_syntax_error_is_one_line_with_the_users_line(
    project: Project, server: Server
) -> None:
    result = run(project, "query", "SELECT ?x\nWHERE { ?x ?y }}", "--endpoint", server.query_url)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"Error: {server.query_url}: the server answered 400")


def test_virtuoso_refuses_a_push_without_credentials(
    project: Project, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    virtuoso: Server = request.getfixturevalue("virtuoso_server")
    url = virtuoso.store_url
    result = run(project, "push", "--endpoint", url)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {url}: the server answered 401 Unauthorized "
        f"(give --user and set {PASSWORD_VARIABLE})\n"
    )
    monkeypatch.setenv(PASSWORD_VARIABLE, "not-the-password")
    result = run(project, "push", "--endpoint", url, "--user", "dba")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {url}: the server answered 401 Unauthorized: wrong user or password "
        f"(--user dba, ${PASSWORD_VARIABLE})\n"
    )
    monkeypatch.delenv(PASSWORD_VARIABLE)
    result = run(project, "push", "--endpoint", url, "--user", "dba")
    assert result.output == (
        f"Error: --user dba: set the password in the environment variable "
        f"{PASSWORD_VARIABLE} (never on the command line)\n"
    )


# ------------------------------------------------------------------ no server needed


def test_an_update_is_refused_before_anything_is_sent(project: Project) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"  # nothing listens: a send would fail
    with pytest.raises(QueryError, match="updates are not allowed"):
        query_endpoint(url, "DELETE WHERE { ?s ?p ?o }")
    result = run(project, "query", "--endpoint", url, "CLEAR ALL")
    assert result.exit_code == 1
    assert result.output == "Error: query: updates are not allowed; claimkb query is read-only\n"
    result = run(project, "query", "--endpoint", url, "SELECT * { SERVICE <http://x/> {} }")
    assert "SERVICE is not allowed" in result.output


@pytest.mark.parametrize("command", ["push", "query"])
def test_a_refused_connection_is_one_line(project: Project, command: str) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    args = [command, "--endpoint", url] + (["ranges"] if command == "query" else [])
    result = run(project, *args)
    assert result.exit_code == 1
    assert result.output == f"Error: {url}: cannot connect: connection refused\n"


def test_a_url_that_is_not_http_is_refused(project: Project) -> None:
    result = run(project, "push", "--endpoint", "file:///etc/passwd")
    assert result.output == "Error: file:///etc/passwd: not an http(s) URL of a SPARQL server\n"


def test_push_without_a_build_says_so(tmp_path: Path) -> None:
    copy = copy_project(EXAMPLE, tmp_path / "p")
    with pytest.raises(EndpointError, match="no knowledge base; run `claimkb build` first"):
        push(copy.build_dir, "http://127.0.0.1:1/store", graph_iri("x"))


def test_prefixes_are_declared_on_the_first_line_unless_the_query_does() -> None:
    sent = with_prefixes("PREFIX schema: <https://schema.org/>\nSELECT * { ?s ?p ?o }")
    first, rest = sent.split("\n", 1)
    assert "PREFIX qudt: <http://qudt.org/schema/qudt/>" in first
    assert first.count("PREFIX schema:") == 1  # only the query's own
    assert rest == "SELECT * { ?s ?p ?o }"


def test_the_password_is_never_an_option() -> None:
    result = CliRunner().invoke(main, ["push", "--help"])
    assert "--password" not in result.output
    assert PASSWORD_VARIABLE in result.output


def test_a_server_that_does_not_answer_is_stopped_after_the_timeout(project: Project) -> None:
    with socket.socket() as silent:  # listens, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        result = run(project, "query", "--endpoint", url, "--timeout", "0.5", "ranges")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {url}: no complete answer within the time limit (--timeout)\n"
    )
