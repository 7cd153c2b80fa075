"""The knowledge base in a SPARQL 1.1 server: ``claimkb push`` and ``claimkb query --endpoint``.

The embedded store (``store.py``) loads ``build/kb.ttl`` for every query; past a few million
triples, or for many readers, a server that keeps the graph loaded is the next step. Two
standard protocols and nothing server-specific, over plain ``urllib``:

**Push: the SPARQL 1.1 Graph Store Protocol.** ``claimkb push --endpoint URL`` sends
``build/kb.ttl`` as ``text/turtle`` in one HTTP ``PUT`` to ``URL?graph=IRI``, which replaces
the named graph ``IRI`` on the server. The graph is **one per project**,
``https://claimkb.org/id/build/<project name>``, replaced by every push. One graph per build
date with a "current" pointer was the alternative: readers would have to resolve the
pointer first (a second request, or a sub-query in every example), the Graph Store Protocol
cannot move a pointer (that needs SPARQL Update), and old graphs would pile up until deleted;
a newsroom that wants to keep past builds can push each with its own ``--graph``. How atomic the
replacement is, is the server's: Oxigraph 0.5 clears the graph and loads the new one in two
transactions (a reader in between sees an empty graph; a body it cannot parse leaves it
empty), Virtuoso 7 replaces it in one request. Either way one ``PUT`` never leaves the old
and the new triples mixed, and a second push of the same build leaves the same triples.

**Query: the SPARQL 1.1 Protocol.** ``claimkb query --endpoint URL`` sends the query by
``POST`` as a form (``query=...``); ``application/sparql-query`` bodies would do too, but
Virtuoso 7.2 never answers them (openlink/virtuoso-opensource issue 842). The answer is asked
for as ``application/sparql-results+json`` (``SELECT``, ``ASK``) or N-Triples
(``CONSTRUCT``, ``DESCRIBE``) and becomes the same plain rows as a local query. The query's
dataset is the pushed graph, named in the request (``default-graph-uri``), so queries see
exactly the project's triples whatever else the server holds and whatever its default graph
is (Oxigraph's is the unnamed graph unless ``--union-default-graph``; Virtuoso's the union of
all). The same rules as locally: the query is checked (:func:`check_query`: no updates, no
``SERVICE``) before anything is sent; the project's prefixes are declared for it (those it
does not declare itself); ``--timeout`` bounds the whole exchange; more than ``MAX_ROWS``
rows is an error.

**Credentials.** ``--user NAME`` with the password in ``CLAIMKB_ENDPOINT_PASSWORD`` (never on
the command line, where other users of the machine could read it); digest or basic, as the
server asks (Virtuoso asks for digest on ``/sparql-graph-crud-auth``). Every failure is one
line naming the URL and what the server said: a refused connection, ``401``, any other
status with the first line of the server's message.
"""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.client import HTTPException, HTTPResponse
from pathlib import Path
from typing import Any

import pyoxigraph

from claimkb.core.errors import ClaimkbError
from claimkb.rdf.store import (
    KB_FILE,
    MAX_ROWS,
    QueryError,
    Row,
    Value,
    check_query,
    convert_term,
    missing_build,
    query_form,
)
from claimkb.rdf.vocab import BASE, PREFIXES

#: Where every project's pushed graph lives: ``<GRAPH_BASE><project name>``.
GRAPH_BASE = f"{BASE}build/"
#: The environment variable holding the server's password (with ``--user``).
PASSWORD_VARIABLE = "CLAIMKB_ENDPOINT_PASSWORD"
#: Seconds a push may take unless ``--timeout`` says otherwise.
PUSH_TIMEOUT = 300.0
#: Most characters of a server's error message repeated in ours.
SERVER_MESSAGE = 200
_CHUNK = 1 << 16
_USER_AGENT = "claimkb"


class EndpointError(ClaimkbError):
    """A server that cannot be reached or refused a request; ``str()`` names its URL."""


class _Unauthorized(EndpointError):
    """A ``401`` with the server's challenge (``WWW-Authenticate``)."""

    def __init__(self, message: str, challenge: str) -> None:
        super().__init__(message)
        self.challenge = challenge


def graph_iri(project_name: str) -> str:
    """The named graph a project's knowledge base is pushed into."""
    return GRAPH_BASE + urllib.parse.quote(project_name, safe="-._~")


def _check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"{url}: not an http(s) URL of a SPARQL server")


def _check_graph(graph: str) -> None:
    parts = urllib.parse.urlsplit(graph)
    if not parts.scheme or re.search(r"[\s<>\"{}|\\^`]", graph):
        raise EndpointError(f"{graph}: not an absolute IRI for a graph")


def _password(user: str) -> str:
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        raise EndpointError(
            f"--user {user}: set the password in the environment variable "
            f"{PASSWORD_VARIABLE} (never on the command line)"
        )
    return password


def _opener(url: str, user: str | None) -> urllib.request.OpenerDirector:
    """An opener that answers the server's digest or basic challenge for ``user``."""
    handlers: list[urllib.request.BaseHandler] = []
    if user is not None:
        password = _password(user)
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, user, password)
        handlers += [
            urllib.request.HTTPDigestAuthHandler(manager),
            urllib.request.HTTPBasicAuthHandler(manager),
        ]
    return urllib.request.build_opener(*handlers)


def _send(
    request: urllib.request.Request, user: str | None, deadline: float, shown: str
) -> tuple[HTTPResponse, bytes]:
    """Send ``request``; its status and whole body, read before ``deadline``."""
    request.add_header("User-Agent", _USER_AGENT)
    opener = _opener(request.full_url, user)
    remaining = deadline - time.monotonic()
    try:
        response = opener.open(request, timeout=max(remaining, 0.001))
        with response:
            body = _read(response, deadline, shown)
    except urllib.error.HTTPError as error:
        challenge = error.headers.get("WWW-Authenticate") if error.headers else None
        if error.code == 401 and challenge:
            raise _Unauthorized(_status_message(shown, error), challenge) from None
        raise EndpointError(_status_message(shown, error)) from None
    except urllib.error.URLError as error:
        raise EndpointError(f"{shown}: cannot connect: {_reason(error.reason)}") from None
    except TimeoutError:
        raise _timed_out(shown, deadline) from None
    except (OSError, HTTPException) as error:
        raise EndpointError(f"{shown}: the connection failed: {_reason(error)}") from None
    return response, body


def _read(response: HTTPResponse, deadline: float, shown: str) -> bytes:
    chunks: list[bytes] = []
    while True:
        if time.monotonic() > deadline:
            raise _timed_out(shown, deadline)
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _timed_out(shown: str, deadline: float) -> EndpointError:
    return EndpointError(f"{shown}: no complete answer within the time limit (--timeout)")


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return " ".join(str(reason).split()) or type(reason).__name__


def _status_message(shown: str, error: urllib.error.HTTPError) -> str:
    try:
        detail = error.read(4096).decode("utf-8", "replace")
    except (OSError, HTTPException):
        detail = ""
    if "html" in (error.headers.get_content_type() if error.headers else ""):
        detail = re.sub(r"<[^>]*>", "\n", detail)
    # the first line: Virtuoso goes on with the whole query it was sent
    detail = next((line.strip() for line in detail.splitlines() if line.strip()), "")
    if len(detail) > SERVER_MESSAGE:
        detail = detail[: SERVER_MESSAGE - 1] + "…"
    message = f"{shown}: the server answered {error.code} {error.reason}".rstrip()
    if error.code == 401:
        message += f" (give --user and set {PASSWORD_VARIABLE})"
    return message + (f": {detail}" if detail else "")


# --------------------------------------------------------------------------------- push


def push(
    build_dir: Path,
    url: str,
    graph: str,
    user: str | None = None,
    timeout: float = PUSH_TIMEOUT,
) -> int:
    """PUT ``build_dir/kb.ttl`` into ``graph`` at the Graph Store endpoint ``url``; return
    the number of bytes sent. Any failure is an :class:`EndpointError` naming the URL."""
    _check_url(url)
    _check_graph(graph)
    turtle = build_dir / KB_FILE
    if not turtle.is_file():
        raise EndpointError(missing_build(build_dir))
    data = turtle.read_bytes()
    separator = "&" if urllib.parse.urlsplit(url).query else "?"
    target = f"{url}{separator}{urllib.parse.urlencode({'graph': graph})}"
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        target,
        data=data,
        method="PUT",
        headers={"Content-Type": "text/turtle; charset=utf-8"},
    )
    _authorize(request, user, deadline, url)
    _send(request, None, deadline, url)
    return len(data)


def _authorize(
    request: urllib.request.Request, user: str | None, deadline: float, shown: str
) -> None:
    """Add the credentials the server asks for to ``request`` before its body is sent.

    Answering the challenge of a ``PUT`` after sending it would send the knowledge base
    twice, and Virtuoso closes the connection on a ``401`` before reading the body (a
    "broken pipe" instead of its answer); so a ``HEAD`` to the same URL fetches the
    challenge, a second one checks the credentials, and the ``PUT`` goes once, signed."""
    password = _password(user) if user is not None else ""
    challenge = _challenge(request.full_url, None, deadline, shown)
    if challenge is None:  # the server asks for nothing
        return
    if user is None:
        raise EndpointError(
            f"{shown}: the server answered 401 Unauthorized (give --user and set "
            f"{PASSWORD_VARIABLE})"
        )
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, request.full_url, user, password)
    scheme, _, parameters = challenge.partition(" ")
    probe = urllib.request.Request(request.full_url, method="HEAD")
    for signed in (probe, request):
        if scheme.lower() == "digest":
            digest = urllib.request.HTTPDigestAuthHandler(manager)
            fields = urllib.request.parse_keqv_list(
                list(filter(None, urllib.request.parse_http_list(parameters)))
            )
            authorization = digest.get_authorization(signed, fields)
            if authorization is None:
                raise EndpointError(f"{shown}: cannot answer the server's digest challenge")
            header = f"Digest {authorization}"
        elif scheme.lower() == "basic":
            token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            header = f"Basic {token}"
        else:
            raise EndpointError(f"{shown}: the server asks for {scheme} authentication")
        signed.add_unredirected_header("Authorization", header)
        if signed is probe and _challenge(probe.full_url, header, deadline, shown):
            raise EndpointError(
                f"{shown}: the server answered 401 Unauthorized: wrong user or password "
                f"(--user {user}, ${PASSWORD_VARIABLE})"
            )


def _challenge(url: str, authorization: str | None, deadline: float, shown: str) -> str | None:
    """The ``WWW-Authenticate`` challenge a ``HEAD`` to ``url`` gets, or None if it gets
    no ``401``."""
    probe = urllib.request.Request(url, method="HEAD")
    if authorization is not None:
        probe.add_unredirected_header("Authorization", authorization)
    try:
        _send(probe, None, deadline, shown)
    except _Unauthorized as error:
        return error.challenge
    except EndpointError:
        return None  # a server with no HEAD: the PUT's own answer will say what is wrong
    return None


# -------------------------------------------------------------------------------- query

_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)


def with_prefixes(text: str) -> str:
    """``text`` with the project's prefixes that it does not declare itself declared first,
    all on its first line, so that a server's error names the line of the user's text."""
    declared = {match.group(1) or "" for match in _DECLARED.finditer(text)}
    prologue = [
        f"PREFIX {prefix}: <{namespace}>"
        for prefix, namespace in sorted(PREFIXES.items())
        if prefix not in declared
    ]
    return " ".join([*prologue, text])


def query_endpoint(
    url: str,
    text: str,
    origin: str = "query",
    timeout: float = 30.0,
    graph: str | None = None,
    user: str | None = None,
) -> tuple[list[str], list[Row]]:
    """Run a read-only query at the SPARQL endpoint ``url`` on ``graph`` (the dataset's
    default graph; the server's own default when None): columns and rows as
    :func:`claimkb.rdf.store.run_query` gives them locally."""
    check_query(text, origin)
    _check_url(url)
    fields = [("query", with_prefixes(text))]
    if graph is not None:
        _check_graph(graph)
        fields.append(("default-graph-uri", graph))
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(fields).encode("ascii"),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            # one type only: asked for results, Virtuoso answers a CONSTRUCT as ?s ?p ?o rows
            "Accept": "application/n-triples"
            if query_form(text) in ("CONSTRUCT", "DESCRIBE")
            else "application/sparql-results+json",
        },
    )
    response, body = _send(request, user, time.monotonic() + timeout, url)
    media = (response.headers.get_content_type() or "").lower()
    try:
        if media in ("application/n-triples", "text/plain"):
            return ["subject", "predicate", "object"], _at_most(_triples(body), origin)
        return _json_rows(json.loads(body), origin)
    except (ValueError, SyntaxError, KeyError, TypeError, AttributeError) as error:
        raise EndpointError(
            f"{url}: not a SPARQL results answer ({media or 'no media type'}: "
            f"{' '.join(str(error).split())[:SERVER_MESSAGE]})"
        ) from None


def _json_rows(answer: Any, origin: str) -> tuple[list[str], list[Row]]:
    if "boolean" in answer:
        return ["ask"], [(bool(answer["boolean"]),)]
    columns = [str(name) for name in answer["head"]["vars"]]
    bindings = answer["results"]["bindings"]
    rows = (tuple(_json_value(binding.get(name)) for name in columns) for binding in bindings)
    return columns, _at_most(rows, origin)


def _json_value(term: dict[str, str] | None) -> Value:
    """A SPARQL JSON results term as the local store gives it (``typed-literal`` is the
    older type name some servers, Virtuoso among them, still send)."""
    if term is None:
        return None
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return value
    if kind == "bnode":
        return f"_:{value}"
    return convert_term(value, term.get("datatype"))


def _triples(body: bytes) -> Iterator[Row]:
    for triple in pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES):
        yield (
            _node(triple.subject),
            _node(triple.predicate),
            _node(triple.object),
        )


def _node(term: object) -> Value:
    if isinstance(term, pyoxigraph.Literal):
        return convert_term(term.value, term.datatype.value)
    if isinstance(term, pyoxigraph.NamedNode):
        return term.value
    return str(term)


def _at_most(rows: Iterator[Row], origin: str) -> list[Row]:
    found: list[Row] = []
    for row in rows:
        if len(found) == MAX_ROWS:
            raise QueryError(
                f"{origin}: more than {MAX_ROWS:,} rows; narrow the query or add LIMIT"
            )
        found.append(row)
    return found
