"""SPARQL servers for the tests, each started on 127.0.0.1 on a free port and stopped by its
process id: the Oxigraph server (the ``oxigraph`` binary of PyPI's ``oxigraph``, in the dev
extra) and OpenLink Virtuoso 7 (Debian's packages unpacked, never installed: ``.ci/run``
unpacks them and names the folder in ``CLAIMKB_VIRTUOSO_HOME``).

Where a server is missing its tests skip, saying why; in CI (``CI=true``, which ``.ci/run``
sets) a missing server is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

#: The folder the Virtuoso packages are unpacked into (``usr/bin/virtuoso-t`` below it).
VIRTUOSO_HOME = "CLAIMKB_VIRTUOSO_HOME"
#: Seconds a server may take to come up.
START_SECONDS = 60.0


@dataclass(frozen=True)
class Server:
    """A running server: where to push (Graph Store) and where to query, and its user."""

    name: str
    store_url: str
    query_url: str
    user: str | None = None
    password: str | None = None


def require(problem: str) -> None:
    """Skip with ``problem``, or fail with it in CI."""
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(problem)
    pytest.skip(problem)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped at start: {log.read_text(errors='replace')[-800:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"the server did not listen on 127.0.0.1:{port} in {START_SECONDS:g} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server we started, by its own process id."""
    if process.poll() is None:
        os.kill(process.pid, 15)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, 9)
            process.wait()


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    binary = shutil.which("oxigraph")
    if binary is None:
        require("the Oxigraph server is not installed (pip install -e '.[dev]': oxigraph)")
        raise AssertionError  # not reached
    folder = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_port(port, process, log)
        base = f"http://127.0.0.1:{port}"
        yield Server("oxigraph", f"{base}/store", f"{base}/query")
    finally:
        _stop(process)


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = .
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
"""


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    home = os.environ.get(VIRTUOSO_HOME)
    if not home:
        require(f"Virtuoso is not unpacked here ({VIRTUOSO_HOME} is not set; .ci/run sets it)")
        raise AssertionError  # not reached
    root = Path(home)
    binary = root / "usr/bin/virtuoso-t"
    if not binary.is_file():
        require(f"{VIRTUOSO_HOME}={home}: no usr/bin/virtuoso-t below it")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(
        _VIRTUOSO_INI.format(sql_port=sql_port, http_port=http_port), encoding="utf-8"
    )
    libraries = [root / "usr/lib/x86_64-linux-gnu", root / "lib/x86_64-linux-gnu"]
    environment = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(map(str, libraries))}
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(binary), "+configfile", "virtuoso.ini", "+foreground"],
            cwd=folder,
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + START_SECONDS
        while "Server online" not in log.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Virtuoso did not start: {log.read_text(errors='replace')[-800:]}")
            time.sleep(0.2)
        _wait_for_port(http_port, process, log)
        base = f"http://127.0.0.1:{http_port}"
        yield Server("virtuoso", f"{base}/sparql-graph-crud-auth", f"{base}/sparql", "dba", "dba")
    finally:
        _stop(process)
