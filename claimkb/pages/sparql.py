"""The site's SPARQL page and downloads: the knowledge base queried in the reader's browser.

The page loads ``downloads/kb.ttl`` (the build's Turtle, copied into the site) into an
Oxigraph store running as WebAssembly in the browser, and runs the query typed into it or
one of the examples from ``queries/``. Everything it needs is a file of the site: the page,
``assets/sparql.js`` (hand-written, in the docs folder), the engine (the npm package
``oxigraph``, its browser ES module build ``web.js`` and ``web_bg.wasm``, fetched and
verified by ``kb.vendor`` and copied to ``assets/vendor/oxigraph/`` with its license
notice), and the downloads. Nothing is loaded from another host, so the page works offline
from any static host (browsers do not run ES modules or ``fetch`` from ``file://``; the
page says so there).

The example queries travel to the script as JSON in a ``<script type="application/json">``
element, escaped as the JSON-LD of the claim pages is (``kb.site.json_ld``), so no query
text can close the element; the script puts data and results on the page with
``textContent`` only. The engine and the downloads are copied after ``mkdocs build``, which
would otherwise spend time on a 4 MB WebAssembly file and cleans its output folder first.

Turtle is what the page loads: it is less than half the size of N-Triples and barely slower
to parse in the browser, and JSON-LD is slower (measured: see the README).

While the engine and the knowledge base download, a progress bar counts their bytes; an
example clicked meanwhile is put into the editor and runs when loading is done. In the
results, the IRI of a claim or a source links to its page (the rule, an IRI namespace, the
pattern of the ids under it and the relative URL of their pages, travels in the JSON), a
QUDT unit reads as its symbol (``unit:GigaW`` as ``GW``, from ``claimkb.rdf.qudt``), and
"Download CSV" saves the rows as shown, every cell that a spreadsheet would take for a
formula neutralised as ``claimkb query --format csv`` does (``claimkb.rdf.store.csv_cell``).
"""

from __future__ import annotations

import posixpath
import shutil
import urllib.request
from pathlib import Path
from typing import Any

from claimkb.core.errors import ClaimkbError
from claimkb.core.models import CLAIM_ID
from claimkb.core.project import SLUG
from claimkb.pages.common import (
    DOWNLOAD_FILES,
    DOWNLOADS,
    SPARQL_PAGE,
    claim_page,
    download_href,
    esc,
    json_ld,
    page_markdown,
    page_url,
    source_page,
)
from claimkb.pages.vendor import NpmPackage, Opener, fetch, load_table, unpack
from claimkb.rdf.qudt import LOCAL_UNITS, TABLE, qudt_unit
from claimkb.rdf.store import FORMULA_START, PLAIN_NUMBER
from claimkb.rdf.vocab import PREFIXES, iri

ENGINE = "oxigraph"
"""The npm package that runs the queries; pinned in ``claimkb/pages/data/vendor.yaml``."""
ENGINE_DIR = "assets/vendor/oxigraph"
"""Where the engine's files go in the site; ``assets/sparql.js`` imports them from there."""
SCRIPT = "assets/sparql.js"
STYLE = "assets/sparql.css"
DATA = "kb.ttl"
"""The download the page loads into the store."""
DATA_FORMAT = "text/turtle"
"""Its media type, as Oxigraph's ``Store.load`` takes it."""


def example_queries(files: list[Path]) -> list[dict[str, str]]:
    """The example queries in ``files``: ``name`` (the file's stem), ``description`` (its
    leading comment lines, joined) and ``text`` (the whole file)."""
    queries = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        comment = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comment.append(line.lstrip("#").strip())
        queries.append({"name": path.stem, "description": " ".join(comment).strip(), "text": text})
    return queries


#: How units read in results where the project's unit string is not already the symbol.
UNIT_SYMBOLS: dict[str, str] = {
    "british_thermal_unit": "BTU",
    "degC": "°C",
    "degF": "°F",
    "decade_of_years": "decade",
    "percent": "%",
    "percentage_point": "percentage point",
    "basis_point": "basis point",
    "dimensionless": "count",
    "date": "calendar year",
    "oil_barrel": "barrel of oil",
    "gallon": "US gallon",
    "ton": "short ton",
    "inch": "in",
    "mile": "mi",
    "tablespoon": "tbsp",
    "teaspoon": "tsp",
}


def unit_labels() -> dict[str, str]:
    """The readable symbol of every unit IRI the knowledge base uses for a unit of the
    table in ``claimkb.rdf.qudt``: ``http://qudt.org/vocab/unit/GigaW`` → ``GW``; powers
    as superscripts (``km³``); the first of two units with one IRI names it."""
    labels: dict[str, str] = {}
    for unit in TABLE:
        symbol = UNIT_SYMBOLS.get(unit, unit).replace("**2", "²").replace("**3", "³")
        labels.setdefault(str(qudt_unit(unit).unit), symbol)
    for local, defined in LOCAL_UNITS.items():
        labels.setdefault(str(local), defined.label)
    return dict(sorted(labels.items()))


def page_rules(from_page: str = SPARQL_PAGE) -> list[dict[str, str]]:
    """How the page links an IRI in the results to the site's page of what it names: the
    IRI's namespace, the pattern its id must match whole (a claim's ``<source>/<hash>``, a
    source's id) and the URL, relative to ``from_page``, that the id is appended to (with a
    closing ``/``). Made from ``claim_page`` and ``source_page``, so the rule follows them."""
    rules = []
    for namespace_iri, pattern, page_of, sample in (
        (iri("claim", "s/0123abcd"), CLAIM_ID.pattern, claim_page, "s/0123abcd"),
        (iri("source", "s"), SLUG.removeprefix("^").removesuffix("$"), source_page, "s"),
    ):
        namespace = str(namespace_iri).removesuffix(sample)
        kind = namespace.rstrip("/").rpartition("/")[2]
        target = page_url(page_of(sample))
        if not target.endswith("/" + sample):
            raise AssertionError(f"{kind} pages are not named by their id: {target}")
        folder = posixpath.relpath(target.removesuffix(sample), page_url(from_page) or ".")
        rules.append({"namespace": namespace, "pattern": pattern, "url": folder + "/"})
    return rules


def _url(from_page: str, site_path: str) -> str:
    """A relative URL from a page to the file at ``site_path`` in the site (not escaped)."""
    return posixpath.relpath(site_path, page_url(from_page) or ".")


def sparql_page(query_files: list[Path]) -> str:
    """The Markdown (raw HTML) of the SPARQL page."""
    page = SPARQL_PAGE
    queries = example_queries(query_files)
    engine = load_table()[ENGINE]
    config: dict[str, Any] = {
        "data": {"url": _url(page, f"{DOWNLOADS}/{DATA}"), "format": DATA_FORMAT},
        "engine": {"wasm": "web_bg.wasm"},
        "prefixes": {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())},
        "queries": queries,
        "pages": page_rules(page),
        "units": unit_labels(),
        "csv": {"formulaStart": "".join(FORMULA_START), "plainNumber": PLAIN_NUMBER.pattern},
    }
    examples = [
        f'<li><button type="button" class="md-button sparql-example" '
        f'data-query="{esc(q["name"])}" title="{esc(q["description"])}">{esc(q["name"])}'
        f'</button> <span class="sparql-description">{esc(q["description"])}</span></li>'
        for q in queries
    ]
    prefixes = ", ".join(f"<code>{esc(p)}:</code>" for p in sorted(PREFIXES))
    downloads = [
        f'<li><a href="{download_href(page, name)}" download>{esc(name)}</a>: {esc(what)}</li>'
        for name, what in DOWNLOAD_FILES
    ]
    body = [
        f'<link rel="stylesheet" href="{esc(_url(page, STYLE))}">',
        "<h1>SPARQL</h1>",
        "<p>Query the knowledge base in this browser: the page loads "
        f'<a href="{download_href(page, DATA)}">{esc(DATA)}</a> into '
        '<a href="#the-engine">Oxigraph</a>, which runs here as WebAssembly; nothing is '
        "sent anywhere. The project's prefixes need no declaration: "
        f"{prefixes}.</p>",
        '<noscript><p class="sparql-error">This page needs JavaScript.</p></noscript>',
        '<h2 id="query">Query</h2>',
        '<label for="sparql-query">SPARQL query</label>',
        '<textarea id="sparql-query" class="sparql-query" rows="16" spellcheck="false" '
        'autocomplete="off"></textarea>',
        '<p><button type="button" id="sparql-run" class="md-button md-button--primary" '
        "disabled>Run</button> <small>(Ctrl+Enter in the editor)</small> "
        '<button type="button" id="sparql-csv" class="md-button" disabled>Download CSV'
        "</button></p>",
        '<div id="sparql-loading" class="sparql-loading">',
        '<label for="sparql-progress">Loading the SPARQL engine and the knowledge base</label>',
        '<progress id="sparql-progress" aria-describedby="sparql-progress-text"></progress>',
        '<span id="sparql-progress-text" class="sparql-progress-text"></span>',
        "</div>",
        '<p id="sparql-status" class="sparql-status" role="status" aria-live="polite">'
        "Loading the knowledge base…</p>",
        '<div id="sparql-results" class="sparql-results"></div>',
        '<h2 id="examples">Example queries</h2>',
        "<p>Each button puts one of the example queries of <code>queries/</code> into the "
        "editor above and runs it (while the knowledge base loads, as soon as it is loaded). "
        "In the results, claims and sources link to their pages and units read as symbols "
        "(the full IRI is in each cell's tooltip).</p>",
        '<ul id="sparql-examples" class="sparql-examples">',
        *examples,
        "</ul>",
        '<h2 id="downloads">Downloads</h2>',
        "<ul>",
        *downloads,
        "</ul>",
        '<h2 id="the-engine">The engine</h2>',
        f"<p>Oxigraph's WebAssembly build: the npm package <code>{esc(engine.name)}</code> "
        f"{esc(engine.version)}, fetched from the npm registry when the site was built, checked "
        "against the digest pinned in the project, and served from this site "
        f'(<a href="{esc(_url(page, ENGINE_DIR + "/LICENSE.txt"))}">license</a>).</p>',
        f'<script type="application/json" id="sparql-config">\n{json_ld(config)}\n</script>',
        f'<script type="module" src="{esc(_url(page, SCRIPT))}"></script>',
    ]
    return page_markdown("SPARQL", body)


def write_sparql_page(docs_dir: Path, query_files: list[Path]) -> Path:
    """Write the SPARQL page into the docs folder (after ``generate_pages``, which empties
    the generated folder) and return its path."""
    target = docs_dir / SPARQL_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(sparql_page(query_files), encoding="utf-8", newline="\n")
    return target


def fetch_engine(
    cache_dir: Path, opener: Opener = urllib.request.urlopen
) -> tuple[NpmPackage, bytes]:
    """The pinned engine package and its verified tarball (from the cache, else the npm
    registry). Called before the site is built, so a missing engine fails the build early."""
    package = load_table()[ENGINE]
    return package, fetch(package, cache_dir, opener)


def install_site_files(
    site_dir: Path, build_dir: Path, engine: tuple[NpmPackage, bytes]
) -> list[Path]:
    """Copy the downloads from ``build_dir`` and unpack the engine into the built site;
    return the paths written."""
    written = []
    folder = site_dir / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    for name, _ in DOWNLOAD_FILES:
        source = build_dir / name
        if not source.is_file():
            raise ClaimkbError(f"{source}: missing, so the site cannot offer it for download")
        written.append(Path(shutil.copyfile(source, folder / name)))
    package, tarball = engine
    return written + unpack(package, tarball, site_dir / ENGINE_DIR)
