"""SPARQL engines on the project's own graph and queries: which store should be the default?

    python benchmarks/bench_store.py [--copies 100] [--repeat 3] [--large-repeat 1]

Engines, each loading the same N-Triples and running every ``queries/*.rq``:

- rdflib's in-memory graph (``Graph()``),
- pyoxigraph's in-memory store,
- rdflib on the Oxigraph store (oxrdflib), when it is installed.

Two sizes: the bundled corpus as built, and a synthetic graph of ``--copies`` disjoint copies
of it (every project IRI moved under its own prefix, so joins grow as they would with more
sources). For each engine: load time, time per query (best of ``--repeat``), total query
time, and each total as a multiple of the fastest engine's. Every engine must return the
same number of rows for each query, or the comparison is void and the script says so. A
query that took an engine more than ``--max-seconds`` on the corpus is not run by that engine
on the synthetic graph (it is reported as skipped): rdflib's join order makes some of them
super-linear, and waiting hours for it would show nothing new.

With ``--server`` it compares instead the embedded store with a SPARQL server on the same
machine: ``claimkb push`` into the Oxigraph server (``oxigraph serve``, started on a free port
of 127.0.0.1 and stopped by its PID) against pyoxigraph's in-memory load, and every example
query through ``claimkb query --endpoint`` (HTTP, JSON results parsed into rows) against the
same query in process; each total with its ratio to the embedded one, row counts checked.

Nothing here asserts a time; the numbers are for ``claimkb/rdf/store.py``'s docstring and for
comparing versions.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph
from rdflib import Graph

from claimkb.build.stages import knowledge_base
from claimkb.core.project import Project
from claimkb.ledger.sources import load_sources
from claimkb.rdf.examples import BUILT_IN
from claimkb.rdf.graph import to_rdf
from claimkb.rdf.vocab import BASE, PREFIXES

EXAMPLE = Project.load(Path(__file__).resolve().parents[1])
"""The example project (the repository root) with the bundled corpus."""
QUERIES = BUILT_IN
#: The project's prefixes, declared before every query: ``claimkb query`` declares them for
#: the user, but rdflib and oxrdflib know only the ones a query declares itself.
PROLOGUE = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in sorted(PREFIXES.items()))

Engine = tuple[Callable[[bytes], Any], Callable[[Any, str], int]]


def _rdflib_load(data: bytes) -> Graph:
    return Graph().parse(data=data, format="nt")


def _rdflib_query(graph: Graph, text: str) -> int:
    return len(list(graph.query(text)))


def _oxigraph_load(data: bytes) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.bulk_load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def _oxigraph_query(store: pyoxigraph.Store, text: str) -> int:
    result = store.query(text)
    return 1 if isinstance(result, pyoxigraph.QueryBoolean) else len(list(result))


def _oxrdflib_load(data: bytes) -> Graph:
    return Graph(store="Oxigraph").parse(data=data, format="nt")


def engines() -> dict[str, Engine]:
    """The engines available here; oxrdflib only when its plugin is installed."""
    found: dict[str, Engine] = {
        "rdflib": (_rdflib_load, _rdflib_query),
        "pyoxigraph": (_oxigraph_load, _oxigraph_query),
    }
    try:
        import oxrdflib  # noqa: F401
    except ImportError:
        print("oxrdflib is not installed: skipped", file=sys.stderr)
    else:
        found["oxrdflib"] = (_oxrdflib_load, _rdflib_query)
    return found


def corpus_ntriples() -> bytes:
    """The bundled corpus's graph as N-Triples, one triple per line."""
    sources = load_sources(EXAMPLE.sources_yaml)
    kb = knowledge_base(EXAMPLE.claims_dir, sources, EXAMPLE.sources_dir)
    data = to_rdf(kb).serialize(format="nt", encoding="utf-8")
    return b"\n".join(sorted(line for line in data.splitlines() if line.strip())) + b"\n"


def copies(data: bytes, count: int) -> bytes:
    """``count`` disjoint copies: each copy's project IRIs get their own path prefix."""
    base = BASE.encode()
    return b"".join(data.replace(base, base + f"copy{n}/".encode()) for n in range(count))


def measure(name: str, engine: Engine, data: bytes, repeat: int, skip: set[str]) -> dict[str, Any]:
    """Load time, best time per query and row counts for one engine; queries in ``skip``
    are recorded as not run."""
    load, query = engine
    gc.collect()
    started = time.perf_counter()
    store = load(data)
    result: dict[str, Any] = {"load": time.perf_counter() - started, "queries": {}}
    for path in sorted(QUERIES.glob("*.rq")):
        if path.stem in skip:
            result["queries"][path.stem] = (float("nan"), -1)
            continue
        text = PROLOGUE + path.read_text(encoding="utf-8")
        best, rows = float("inf"), -1
        for _ in range(repeat):
            started = time.perf_counter()
            rows = query(store, text)
            best = min(best, time.perf_counter() - started)
        result["queries"][path.stem] = (best, rows)
    print(f"  {name}: loaded in {result['load']:.2f} s", file=sys.stderr)
    return result


def report(title: str, results: dict[str, dict[str, Any]]) -> None:
    """A table per size: seconds per engine and the multiple of the fastest."""
    names = list(results)
    print(f"\n## {title}\n")
    print("| | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    loads = {name: results[name]["load"] for name in names}
    print("| load | " + " | ".join(_cell(loads[n], min(loads.values())) for n in names) + " |")
    totals = dict.fromkeys(names, 0.0)
    skipped = dict.fromkeys(names, 0)
    for query in results[names[0]]["queries"]:
        times = {n: results[n]["queries"][query][0] for n in names}
        rows = {results[n]["queries"][query][1] for n in names} - {-1}
        flag = "" if len(rows) == 1 else " (ROW COUNTS DIFFER)"
        ran = [t for t in times.values() if t == t]
        for n in names:
            if times[n] == times[n]:
                totals[n] += times[n]
            else:
                skipped[n] += 1
        cells = " | ".join(_cell(times[n], min(ran)) for n in names)
        print(f"| {query} ({'/'.join(map(str, sorted(rows)))} rows){flag} | {cells} |")
    best = min(totals.values())
    cells = " | ".join(
        _cell(totals[n], best) + (f" + {skipped[n]} skipped" if skipped[n] else "") for n in names
    )
    print(f"| **all queries** | {cells} |")


def _cell(seconds: float, best: float) -> str:
    if seconds != seconds:
        return "skipped"
    ratio = seconds / best if best > 0 else 1.0
    return f"{seconds * 1000:.1f} ms ({ratio:.1f}x)"


def measure_server(data: bytes, repeat: int) -> None:
    """Push and every example query through an Oxigraph server against the embedded store."""
    import shutil
    import socket
    import subprocess
    import tempfile

    from claimkb.rdf.endpoint import push, query_endpoint

    binary = shutil.which("oxigraph")
    if binary is None:
        sys.exit("the Oxigraph server is not installed (pip install oxigraph)")
    with tempfile.TemporaryDirectory() as folder:
        build_dir = Path(folder) / "build"
        build_dir.mkdir()
        (build_dir / "kb.ttl").write_bytes(data)  # N-Triples is Turtle
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen(
            [binary, "serve", "--location", f"{folder}/db", "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    time.sleep(0.1)
            base, graph = f"http://127.0.0.1:{port}", "https://claimkb.org/id/build/bench"
            gc.collect()
            started = time.perf_counter()
            store = _oxigraph_load(data)
            load = time.perf_counter() - started
            started = time.perf_counter()
            push(build_dir, f"{base}/store", graph, timeout=3600)
            pushed = time.perf_counter() - started
            embedded_total = served_total = 0.0
            print("\n| | embedded (pyoxigraph) | Oxigraph server (HTTP) | ratio |")
            print("|---|---|---|---|")
            print(f"| load / push | {load:.2f} s | {pushed:.2f} s | {pushed / load:.1f}x |")
            for path in sorted(QUERIES.glob("*.rq")):
                text = path.read_text(encoding="utf-8")
                local, remote, rows = float("inf"), float("inf"), (-1, -1)
                for _ in range(repeat):
                    started = time.perf_counter()
                    count = _oxigraph_query(store, PROLOGUE + text)
                    local = min(local, time.perf_counter() - started)
                    started = time.perf_counter()
                    _, found = query_endpoint(f"{base}/query", text, path.stem, 3600, graph)
                    remote = min(remote, time.perf_counter() - started)
                    rows = (count, len(found))
                flag = "" if rows[0] == rows[1] else f" (ROW COUNTS DIFFER: {rows})"
                embedded_total += local
                served_total += remote
                print(
                    f"| {path.stem} ({rows[0]} rows){flag} | {local * 1000:.1f} ms | "
                    f"{remote * 1000:.1f} ms | {remote / local:.1f}x |"
                )
            print(
                f"| **all {len(list(QUERIES.glob('*.rq')))} queries** | {embedded_total:.2f} s | "
                f"{served_total:.2f} s | {served_total / embedded_total:.2f}x |"
            )
            count = len(list(QUERIES.glob("*.rq")))
            reloaded = load * count + embedded_total
            print(
                f"| all {count}, each with its own load (as `claimkb query` runs) | "
                f"{reloaded:.2f} s | {served_total:.2f} s | {served_total / reloaded:.2f}x |"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=100, help="size of the synthetic graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (best is kept)")
    parser.add_argument(
        "--large-repeat", type=int, default=1, help="runs per query on the synthetic graph"
    )
    parser.add_argument(
        "--max-seconds", type=float, default=1.0, help="slower on the corpus: skipped at scale"
    )
    parser.add_argument(
        "--server",
        action="store_true",
        help="compare the embedded store with the Oxigraph server (push, queries over HTTP)",
    )
    args = parser.parse_args()
    corpus = corpus_ntriples()
    sizes = {"corpus": corpus, f"{args.copies}x corpus": copies(corpus, args.copies)}
    if args.server:
        for (title, data), repeat in zip(
            sizes.items(), (args.repeat, args.large_repeat), strict=True
        ):
            lines = data.count(b"\n")
            print(f"\n## {title} ({lines} triples)")
            measure_server(data, repeat)
        return
    slow: dict[str, set[str]] = {name: set() for name in engines()}
    for (title, data), repeat in zip(sizes.items(), (args.repeat, args.large_repeat), strict=True):
        triples = data.count(b"\n")
        print(f"{title}: {triples} triples", file=sys.stderr)
        results = {
            name: measure(name, engine, data, repeat, slow[name])
            for name, engine in engines().items()
        }
        report(f"{title} ({triples} triples)", results)
        for name, result in results.items():
            slow[name] |= {q for q, (t, _) in result["queries"].items() if t > args.max_seconds}


if __name__ == "__main__":
    main()
