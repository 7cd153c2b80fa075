"""The site in a real browser: headless Chromium from Debian's packages, driven by Playwright
for Python, against the full build of the bundled corpus served over HTTP on 127.0.0.1.

What a reader does: open the home page, filter and sort the claims table, follow a claim to
its highlighted place in the source. Every test saves a screenshot into
``build/screenshots/`` for people to look at.

Where Chromium or Playwright is missing the tests skip, saying so; where the environment
variable ``CLAIMKB_REQUIRE_BROWSER`` is set (the CI script sets it, after installing Debian's
``chromium``), a missing browser is a failure instead, so CI cannot pass by skipping.
"""

from __future__ import annotations

from typing import Any

from tests.conftest import bundled_sources, expected_claims

#: The units of power the corpus uses, so the expected "power" rows can be counted from the
#: hand-written expectations (which record the unit, not the dimension).
POWER = {"W", "kW", "MW", "GW", "TW"}


def _expected(lang: str | None = None, units: set[str] | None = None) -> int:
    """How many claims the hand-written corpus expectations list, by language and unit."""
    count = 0
    for source in bundled_sources():
        if lang and source.language != lang:
            continue
        claims = expected_claims(source.id)["claims"]
        count += sum(1 for claim in claims if units is None or claim["unit"] in units)
    return count


def test_home_page_says_what_the_knowledge_base_holds(page: Any, site_url: str) -> None:
    page.goto(site_url)
    text = page.locator("article").inner_text()
    # 5 sources and 144 claims (107 German, 37 Russian), from tests/data/corpus/.
    assert _expected() == 144
    assert "144" in text and "de 107, ru 37" in text
    assert "inconsistent" in text
    page.get_by_role("link", name="Claims", exact=True).first.click()
    page.wait_for_url("**/generated/claims/")
    assert page.locator("#claims-table tbody tr").count() == 144


def test_claims_table_filters_by_menu_and_words(page: Any, site_url: str) -> None:
    page.goto(site_url + "generated/claims/")
    rows = page.locator("#claims-table tbody tr")
    visible = page.locator("#claims-table tbody tr:visible")
    count = page.locator(".table-count")
    assert rows.count() == 144
    assert count.inner_text() == "144 of 144 claims shown"
    page.select_option("form.table-filter select[name=lang]", "ru")
    assert visible.count() == _expected("ru") == 37
    assert count.inner_text() == "37 of 144 claims shown"
    page.select_option("form.table-filter select[name=kind]", "power")
    assert visible.count() == _expected("ru", POWER) == 8
    # Words narrow further: every row left has the word, in any case.
    page.select_option("form.table-filter select[name=kind]", "")
    page.fill("form.table-filter input[name=q]", "ГИГАВАТТ")
    shown = visible.all_inner_texts()
    assert shown and all("гигаватт" in row.lower() for row in shown)
    page.select_option("form.table-filter select[name=lang]", "")
    page.fill("form.table-filter input[name=q]", "")
    assert visible.count() == 144


def test_claims_table_sorts_by_quantity_in_base_units(page: Any, site_url: str) -> None:
    page.goto(site_url + "generated/claims/")
    page.select_option("form.table-filter select[name=kind]", "power")
    header = page.locator("#claims-table thead th", has_text="quantity")
    header.click()
    values = page.locator("#claims-table tbody tr:visible td:nth-child(2) [data-sort]")
    keys = [float(v) for v in values.evaluate_all("els => els.map(e => e.dataset.sort)")]
    assert keys == sorted(keys) and len(keys) == _expected(units=POWER) == 14
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    again = [float(v) for v in values.evaluate_all("els => els.map(e => e.dataset.sort)")]
    assert again == sorted(keys, reverse=True)


def test_claim_leads_to_its_highlighted_place_in_the_source(page: Any, site_url: str) -> None:
    # "100 GW" is a claim of the digest of the Dwarkesh thread; its claim page links to the
    # source at the claim's first character, where the number is marked.
    page.goto(site_url + "generated/claims/")
    page.fill("form.table-filter input[name=q]", "Starship-Starts")
    page.locator("#claims-table tbody tr:visible td:first-child a").first.click()
    page.wait_for_url("**/generated/claims/*/*/")
    surface = page.locator("article blockquote mark").first.inner_text()
    page.locator("dt:text-is('Source') + dd a").click()
    page.wait_for_url("**/generated/sources/*/#c-*")
    anchor = page.url.split("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    assert mark.inner_text() == surface
    assert mark.is_visible()
    # The mark the link points to is styled apart from the others (``:target``).
    style = "e => getComputedStyle(e).outlineStyle"
    assert mark.evaluate(style) == "solid"
    assert page.locator("mark:not(:target)").first.evaluate(style) == "none"
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900


def test_sparql_page_runs_an_example_query(page: Any, site_url: str) -> None:
    page.goto(site_url + "generated/sparql/")
    page.wait_for_function("!document.getElementById('sparql-run').disabled")
    assert "Ready." in page.locator("#sparql-status").inner_text()
    page.click('button.sparql-example[data-query="claims-per-source"]')
    page.wait_for_function("/rows? in/.test(document.getElementById('sparql-status').innerText)")
    headers = page.locator("#sparql-table thead th").all_inner_texts()
    assert headers == ["source", "lang", "claims"]
    cells = page.locator("#sparql-table tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells, c => c.innerText))"
    )
    # Claims per source, the biggest first: the lengths of the hand-written expectations.
    expected = sorted(
        (
            (source.id, source.language, str(len(expected_claims(source.id)["claims"])))
            for source in bundled_sources()
        ),
        key=lambda row: (-int(row[2]), row[0]),
    )
    assert [tuple(row) for row in cells] == expected
    assert expected[0] == ("36kr-baron-capital-interview-2025-11-17.de", "de", "55")
    assert page.locator("#sparql-status").inner_text().startswith("5 rows")


def test_sparql_page_reports_a_bad_query_and_shows_data_as_text(page: Any, site_url: str) -> None:
    page.goto(site_url + "generated/sparql/")
    page.wait_for_function("!document.getElementById('sparql-run').disabled")
    page.fill("#sparql-query", "SELECT ?x WHERE {\n  ?x foo:bar ?y }")
    page.click("#sparql-run")
    status = page.locator("#sparql-status.sparql-error")
    status.wait_for()
    assert "line 2" in status.inner_text()
    page.fill("#sparql-query", 'SELECT ?x WHERE { BIND("<b>bold</b>" AS ?x) }')
    page.click("#sparql-run")
    page.wait_for_function("/rows? in/.test(document.getElementById('sparql-status').innerText)")
    cell = page.locator("#sparql-table tbody td").first
    assert cell.inner_text() == "<b>bold</b>"
    assert page.locator("#sparql-table tbody td b").count() == 0


def test_graph_page_links_derivations_coloured_by_verdict(page: Any, site_url: str) -> None:
    page.goto(site_url + "generated/graph/")
    # The 36 hand-written derivations of claims/derivations/, by their expected verdicts:
    # 20 consistent, 10 implies, 5 inconsistent, 1 unverifiable.
    counts = {
        verdict: page.locator(f"svg a.kbg-derivation.kbg-verdict-{verdict}").count()
        for verdict in ("consistent", "implies", "inconsistent", "unverifiable")
    }
    assert counts == {"consistent": 20, "implies": 10, "inconsistent": 5, "unverifiable": 1}
    box = page.locator("svg a.kbg-derivation.kbg-verdict-inconsistent").first
    title = box.locator("title").text_content() or ""
    box.scroll_into_view_if_needed()
    box.click()
    page.wait_for_url("**/generated/derivations/*/")
    # The page opens with what the check found ("... : inconsistent." or, within the
    # rounding of the figures, "inconsistent as stated, no error.").
    assert "inconsistent" in page.locator("article p.verdict-sentence strong").inner_text()
    # The box's tooltip names the derivation whose page it opened.
    assert page.locator("article h1").inner_text() in title
