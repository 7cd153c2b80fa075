"""kb.ttl read by a second, independent RDF toolkit: Raptor's ``rapper`` (Debian package
raptor2-utils) must parse it and find the same triples rdflib wrote."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from claimkb.build.outputs import write_knowledge
from claimkb.rdf.graph import to_rdf
from tests.rdf_fixtures import corpus_kb

RAPPER = shutil.which("rapper")
pytestmark = pytest.mark.skipif(
    RAPPER is None, reason="rapper is not installed (apt-get install raptor2-utils)"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("build")
    return folder / "kb.ttl", write_knowledge(corpus_kb(), folder, [])


def _rapper(*args: str) -> subprocess.CompletedProcess[bytes]:
    assert RAPPER is not None
    return subprocess.run([RAPPER, *args], capture_output=True, check=False, timeout=120)


def test_interop_rapper_counts_the_same_triples(built: tuple[Path, int]) -> None:
    turtle, triples = built
    result = _rapper("--input", "turtle", "--count", str(turtle))
    errors = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, errors
    assert "rapper: Error" not in errors
    match = re.search(r"Parsing returned (\d+) triples", errors)
    assert match is not None, errors
    assert int(match.group(1)) == triples


def test_interop_rapper_reads_the_same_graph(built: tuple[Path, int]) -> None:
    turtle, _ = built
    result = _rapper("--input", "turtle", "--output", "ntriples", str(turtle))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    # N-Triples escapes non-ASCII; rdflib reads the escapes back into the same literals
    theirs = Graph().parse(data=result.stdout, format="nt")
    assert isomorphic(theirs, to_rdf(corpus_kb()))
