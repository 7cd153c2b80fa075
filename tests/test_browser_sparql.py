"""The SPARQL page in Chromium, on the bundled corpus: the loading shows its progress, an
example clicked before the knowledge base has arrived runs once it has, result cells link to
the claim and source pages and units read as symbols, and "Download CSV" gives the rows
shown, formula-like cells neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.conftest import bundled_sources, expected_claims

SPARQL = "generated/sparql/"
ROWS_SHOWN = "/rows? in/.test(document.getElementById('sparql-status').innerText)"
READY = "!document.getElementById('sparql-run').disabled"
#: A claim of the bundled corpus: "100 GW = 10.000 Starship-Starts, ..." (Elon Musk, in the
#: German thread on the Dwarkesh interview), its figure "100 GW".
CLAIM = "dwarkesh-x-thread-2026-02-06.de/541b8acc"
SOURCE = "dwarkesh-x-thread-2026-02-06.de"


def _site_file(site_url: str, page: Any, path: str) -> int:
    """The size in bytes of a file of the served site, as the server sends it."""
    response = page.request.get(site_url + path)
    assert response.ok, path
    return len(response.body())


def _table(page: Any) -> list[list[str]]:
    rows: list[list[str]] = page.locator("#sparql-table tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells, c => c.innerText))"
    )
    return rows


def test_an_example_clicked_while_loading_runs_when_the_knowledge_base_arrives(
    page: Any, site_url: str
) -> None:
    held: list[Any] = []
    page.route("**/downloads/kb.ttl", lambda route: held.append(route))
    page.goto(site_url + SPARQL)
    for _ in range(200):  # the page asks for the knowledge base as it opens
        if held:
            break
        page.wait_for_timeout(25)
    assert held, "the knowledge base was never asked for"
    # While the knowledge base is held back: a labelled progress bar, the Run button off.
    bar = page.get_by_role("progressbar", name="Loading the SPARQL engine and the knowledge base")
    assert bar.is_visible()
    assert page.locator("#sparql-run").is_disabled()
    page.click('button.sparql-example[data-query="claims-per-source"]')
    editor = page.locator("#sparql-query").input_value()
    assert editor.startswith("# How many numeric claims each source contains")
    status = page.locator("#sparql-status")
    assert status.get_attribute("aria-live") == "polite"
    assert "“claims-per-source” runs as soon as it is loaded" in status.inner_text()
    assert page.locator("#sparql-table").count() == 0
    # The knowledge base arrives: the example runs by itself, the progress bar goes.
    held[0].continue_()
    page.wait_for_function(ROWS_SHOWN)
    assert not bar.is_visible()
    expected = sorted(
        (
            [source.id, source.language, str(len(expected_claims(source.id)["claims"]))]
            for source in bundled_sources()
        ),
        key=lambda row: (-int(row[2]), row[0]),
    )
    assert _table(page) == [["source", "lang", "claims"], *expected]
    # Every byte of both downloads was counted: the engine's WebAssembly and the Turtle.
    total = _site_file(site_url, page, "assets/vendor/oxigraph/web_bg.wasm") + _site_file(
        site_url, page, "downloads/kb.ttl"
    )
    counted = page.locator("#sparql-progress").evaluate("p => [p.value, p.max]")
    assert counted == [total, total]


def test_result_cells_link_to_claim_and_source_pages_and_units_read_as_symbols(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + SPARQL)
    page.wait_for_function(READY)
    page.fill(
        "#sparql-query",
        "SELECT ?claim ?work ?unit WHERE {\n"
        "  ?claim ckb:quantity ?q ; schema:appearance ?work .\n"
        "  ?q qudt:hasUnit ?unit .\n"
        f"  FILTER (?claim = <https://claimkb.org/id/claim/{CLAIM}>)\n"
        "}",
    )
    page.click("#sparql-run")
    page.wait_for_function(ROWS_SHOWN)
    claim, work, unit = page.locator("#sparql-table tbody td").all()
    assert unit.inner_text() == "GW"
    assert unit.get_attribute("title") == "http://qudt.org/vocab/unit/GigaW"
    assert unit.locator("a").count() == 0
    assert work.locator("a").get_attribute("href") == f"../sources/{SOURCE}/"
    link = claim.locator("a")
    assert link.get_attribute("href") == f"../claims/{CLAIM}/"
    link.click()
    page.wait_for_url(f"**/generated/claims/{CLAIM}/")
    assert urlsplit(page.url).path == f"/generated/claims/{CLAIM}/"
    # The page is the claim's: its quote is on it.
    assert "100 GW = 10.000 Starship-Starts" in page.locator("article").inner_text()


def _download(page: Any) -> str:
    with page.expect_download() as info:
        page.click("#sparql-csv")
    download = info.value
    assert download.suggested_filename == "sparql-results.csv"
    return Path(download.path()).read_text(encoding="utf-8")


def test_csv_download_is_the_rows_shown_with_formulas_neutralised(page: Any, site_url: str) -> None:
    page.goto(site_url + SPARQL)
    page.wait_for_function(READY)
    assert page.locator("#sparql-csv").is_disabled()  # nothing to download yet
    page.click('button.sparql-example[data-query="claims-per-source"]')
    page.wait_for_function(ROWS_SHOWN)
    shown = _table(page)
    assert list(csv.reader(io.StringIO(_download(page)))) == shown
    # Cells a spreadsheet would run as formulas get an apostrophe; plain numbers do not;
    # commas and quotes are quoted as RFC 4180 says.
    page.fill(
        "#sparql-query",
        'SELECT ?x WHERE { VALUES ?x { "=HYPERLINK(1)" "-5" "+1.5e3" "@SUM(A1)" "-x" '
        '"a, \\"b\\"" } }',
    )
    page.click("#sparql-run")
    page.wait_for_function(ROWS_SHOWN)
    assert _table(page)[1:] == [
        ["=HYPERLINK(1)"],
        ["-5"],
        ["+1.5e3"],
        ["@SUM(A1)"],
        ["-x"],
        ['a, "b"'],
    ]
    assert _download(page) == ('x\n\'=HYPERLINK(1)\n-5\n+1.5e3\n\'@SUM(A1)\n\'-x\n"a, ""b"""\n')


def test_a_knowledge_base_that_cannot_be_read_is_said_and_an_example_does_not_wait_for_it(
    page: Any, site_url: str
) -> None:
    page.route(
        "**/downloads/kb.ttl",
        lambda route: route.fulfill(status=200, content_type="text/turtle", body="@@@ {"),
    )
    page.goto(site_url + SPARQL)
    status = page.locator("#sparql-status.sparql-error")
    status.wait_for()
    assert status.inner_text().startswith("Cannot load the knowledge base from /downloads/kb.ttl")
    assert not page.locator("#sparql-progress").is_visible()
    page.click('button.sparql-example[data-query="claims-per-source"]')
    assert status.inner_text().startswith("Cannot load the knowledge base")
    assert "runs as soon as" not in status.inner_text()
    assert page.locator("#sparql-table").count() == 0
