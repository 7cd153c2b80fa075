"""The claims table in a real browser: its filters and order kept in the page's address and
restored on Back, the CSV download of exactly the rows shown, the count announced to screen
readers, the date-said and entity filters, and the cards it becomes on a phone.

Expected counts come from the hand-written corpus expectations (``tests/data/corpus/``) and
the dates of ``sources/sources.yaml``, not from the built site.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.conftest import bundled_sources, expected_claims

CLAIMS = "generated/claims/"
ROWS = "#claims-table tbody tr"
VISIBLE = "#claims-table tbody tr:visible"
HEADERS = ["claim", "quantity", "speaker", "said", "entities", "source", "language", "rating"]


def _count(lang: str | None = None, year: int | None = None) -> int:
    """How many claims the hand-written expectations list, by language and year said."""
    total = 0
    for source in bundled_sources():
        said = source.reference_date
        if lang and source.language != lang:
            continue
        if year and (said is None or said.year != year):
            continue
        total += len(expected_claims(source.id)["claims"])
    return total


def _first_cells(page: Any) -> list[str]:
    """The first cell of each row shown: the claim's English line and its quote."""
    return page.locator(f"{VISIBLE} td:first-child").evaluate_all(
        "cells => cells.map(c => Array.from(c.children, e => e.textContent.trim()).join('\\n'))"
    )


def _keys(page: Any) -> list[float]:
    found = page.locator(f"{VISIBLE} td:nth-child(2) [data-sort]").evaluate_all(
        "els => els.map(e => e.dataset.sort)"
    )
    return [float(key) for key in found]


def _query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_filter_and_order_are_in_the_address_and_survive_back(page: Any, site_url: str) -> None:
    page.goto(site_url + CLAIMS)
    page.select_option("form.table-filter select[name=lang]", "ru")
    header = page.locator("#claims-table thead th", has_text="quantity")
    header.click()
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert _query(page) == {"lang": ["ru"], "sort": ["quantity-desc"]}
    shown = _first_cells(page)
    keys = _keys(page)
    # The 37 Russian claims of the digest, the largest value first.
    assert len(shown) == _count("ru") == 37
    assert keys == sorted(keys, reverse=True)
    page.locator(f"{VISIBLE} td:first-child a").first.click()
    page.wait_for_url("**/generated/claims/*/*/")
    page.go_back()
    page.wait_for_url(re.compile(r".*/generated/claims/\?"))
    assert page.locator("form.table-filter select[name=lang]").input_value() == "ru"
    assert (
        page.locator("#claims-table thead th[aria-sort=descending]")
        .inner_text()
        .startswith("quantity")
    )
    assert _first_cells(page) == shown
    assert page.locator(".table-count").inner_text() == "37 of 144 claims shown"
    # A page loaded anew from the address (not from the back/forward cache) too.
    page.reload()
    assert page.locator("form.table-filter select[name=lang]").input_value() == "ru"
    assert _first_cells(page) == shown


def test_an_address_with_a_filter_opens_the_table_filtered(page: Any, site_url: str) -> None:
    page.goto(site_url + CLAIMS + "?text=Starship&lang=de&sort=quantity-asc")
    assert page.locator("form.table-filter input[name=q]").input_value() == "Starship"
    rows = page.locator(VISIBLE).all_inner_texts()
    assert rows and all("starship" in row.lower() for row in rows)
    assert page.locator(f"{VISIBLE} td:nth-child(7)").all_inner_texts() == ["de"] * len(rows)
    keys = _keys(page)
    assert keys == sorted(keys)
    # Clearing the filter clears the address too, and shows every row again.
    page.click("form.table-filter button[type=reset]")
    page.wait_for_function("!location.search.includes('text=')")
    assert page.locator(VISIBLE).count() == 144
    assert _query(page) == {"sort": ["quantity-asc"]}
    page.fill("form.table-filter input[name=q]", "Starship")
    assert _query(page) == {"text": ["Starship"], "sort": ["quantity-asc"]}
    # Material's own search, which opens on a "q" in the address, stays closed.
    assert not page.locator("#__search").is_checked()


def test_csv_download_holds_the_rows_shown_in_their_order(page: Any, site_url: str) -> None:
    page.goto(site_url + CLAIMS)
    page.select_option("form.table-filter select[name=kind]", "power")
    page.locator("#claims-table thead th", has_text="quantity").click()
    shown = _first_cells(page)
    # 14 claims of power in the corpus (the expectations' W, kW, MW, GW, TW).
    assert len(shown) == 14
    with page.expect_download() as event:
        page.click("form.table-filter .table-csv")
    download = event.value
    assert download.suggested_filename == "claims.csv"
    with open(download.path(), encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == HEADERS
    assert len(table) - 1 == len(shown)
    assert [row[0] for row in table[1:]] == shown
    # The second column is the quantity as shown; the fourth the day said, as text.
    assert [row[1] for row in table[1:]] == page.locator(
        f"{VISIBLE} td:nth-child(2)"
    ).all_inner_texts()
    assert all(len(row) == len(HEADERS) for row in table)


def test_csv_cells_that_look_like_formulas_are_neutralised(page: Any, site_url: str) -> None:
    page.goto(site_url + CLAIMS)
    page.select_option("form.table-filter select[name=lang]", "ru")
    # A row as a hostile source could make one: cells starting like a formula.
    page.evaluate(
        """() => {
            const row = document.querySelector("#claims-table tbody tr:not([hidden])").cloneNode();
            for (const text of ['=HYPERLINK("x")', "-5", "+cmd|' /C calc'!A0", "@SUM(A1)",
                                "-2 GW", "a,b", 'say "hi"', "1.5"]) {
                const cell = document.createElement("td");
                cell.textContent = text;
                row.appendChild(cell);
            }
            document.querySelector("#claims-table tbody").appendChild(row);
        }"""
    )
    with page.expect_download() as event:
        page.click("form.table-filter .table-csv")
    with open(event.value.path(), encoding="utf-8", newline="") as handle:
        last = list(csv.reader(io.StringIO(handle.read())))[-1]
    assert last == [
        '\'=HYPERLINK("x")',
        "-5",
        "'+cmd|' /C calc'!A0",
        "'@SUM(A1)",
        "'-2 GW",
        "a,b",
        'say "hi"',
        "1.5",
    ]


def test_count_is_announced_and_the_new_filters_narrow(page: Any, site_url: str) -> None:
    page.goto(site_url + CLAIMS)
    count = page.locator(".table-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.inner_text() == "144 of 144 claims shown"
    # The days said (sources/sources.yaml): 2026-02-05 twice, 2025-11-14, 2025-09-10, and
    # one source without a date; so two years, newest first.
    years = page.locator("select[name=year] option").all_inner_texts()
    assert years == ["all", "2026", "2025"]
    page.select_option("select[name=year]", "2026")
    assert count.inner_text() == f"{_count(year=2026)} of 144 claims shown"
    assert set(page.locator(f"{VISIBLE} td:nth-child(4)").all_inner_texts()) == {"2026-02-05"}
    page.select_option("select[name=year]", "")
    # Neuralink: 9 claims (its entity page lists the same nine).
    page.select_option("select[name=entity]", "Neuralink")
    assert count.inner_text() == "9 of 144 claims shown"
    cells = page.locator(f"{VISIBLE} td:nth-child(5)").all_inner_texts()
    assert all("Neuralink" in cell for cell in cells)
    assert _query(page) == {"entity": ["Neuralink"]}


def test_claim_rows_show_english_and_the_quote_in_its_language(page: Any, site_url: str) -> None:
    page.goto(site_url + CLAIMS + "?lang=ru")
    first = page.locator(f"{VISIBLE} td:first-child").first
    assert first.locator(".claim-quote").get_attribute("lang") == "ru"
    english = first.locator(".claim-english").inner_text()
    assert english.endswith("in Russian")
    speaker = page.locator(f"{VISIBLE} td:nth-child(3)").first.inner_text()
    assert english.startswith(speaker + ", ")


def test_controls_show_focus(page: Any, site_url: str) -> None:
    page.goto(site_url + CLAIMS)
    page.locator("form.table-filter input[name=q]").focus()
    style = "e => getComputedStyle(e).outlineStyle"
    assert page.locator("form.table-filter input[name=q]").evaluate(style) == "solid"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "lang"
    assert page.locator("form.table-filter select[name=lang]").evaluate(style) == "solid"


def test_the_table_is_cards_on_a_phone(phone_page: Any, site_url: str) -> None:
    phone_page.goto(site_url + CLAIMS)
    row = phone_page.locator(ROWS).first
    assert row.evaluate("e => getComputedStyle(e).display") == "block"
    labels = row.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels[:3] == ['"claim"', '"quantity"', '"speaker"']
    width = phone_page.evaluate("() => document.scrollingElement.scrollWidth")
    assert width <= 390
