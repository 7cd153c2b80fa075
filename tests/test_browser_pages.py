"""Speaker pages, the "same quantity over time" charts and the predictions filter in a real
browser (the fixtures of ``tests/browser_fixtures.py``: the bundled corpus built and served
on 127.0.0.1, Chromium at 1280 and at 390 px wide, screenshots in ``build/screenshots/``).
"""

from __future__ import annotations

from typing import Any

import pytest

MUSK = "generated/speakers/elon-musk/"
STARSHIP = "generated/drift/starship-launch-count-per-time/"
ORBITAL = "generated/drift/orbital-data-centers-time-frame/"


def _no_sideways_scroll(tab: Any) -> None:
    widths = tab.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in {widths[1]} px"


@pytest.mark.parametrize("tab_name", ["page", "phone_page"])
def test_speaker_page_fits_and_links_its_drift_group(
    tab_name: str, request: pytest.FixtureRequest, site_url: str
) -> None:
    tab = request.getfixturevalue(tab_name)
    tab.goto(site_url + MUSK)
    assert tab.locator("article h1").inner_text() == "Elon Musk"
    assert tab.title().startswith("Elon Musk")
    _no_sideways_scroll(tab)
    section = tab.locator("h3", has_text="Starship: launch count per unit of time")
    section.scroll_into_view_if_needed()
    items = tab.locator("h3:has-text('Starship: launch count per unit of time') + ol li")
    assert items.count() == 2
    assert items.nth(1).inner_text().endswith("contradicting ×2.5")
    section.get_by_role("link").click()
    tab.wait_for_url("**/" + STARSHIP)
    assert tab.locator("svg.drift-chart .drift-mark").count() == 4
    _no_sideways_scroll(tab)


@pytest.mark.parametrize("tab_name", ["page", "phone_page"])
def test_drift_chart_fits_the_column_and_stays_readable(
    tab_name: str, request: pytest.FixtureRequest, site_url: str
) -> None:
    tab = request.getfixturevalue(tab_name)
    tab.goto(site_url + ORBITAL)
    chart = tab.locator("svg.drift-chart")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    width = tab.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # Drawn at 400 units wide with 12-unit text: at 320 px or more, text is 9.6 px or more.
    assert box["width"] >= 320
    labels = chart.locator("text.drift-day").all_text_contents()
    assert labels == ["5 Feb 2026", "date unknown"]
    # The days across in order: the undated figure is the rightmost mark.
    xs = [m.bounding_box()["x"] for m in chart.locator(".drift-mark").all()]
    assert xs == sorted(xs) and len(xs) == 3
    _no_sideways_scroll(tab)


def test_predictions_filter_by_speaker(page: Any, site_url: str) -> None:
    page.goto(site_url + "generated/predictions/")
    rows = page.locator("#predictions-table tbody tr")
    visible = page.locator("#predictions-table tbody tr:visible")
    total = rows.count()
    page.select_option("form.table-filter[data-table=predictions-table] select", "Ron Baron")
    speakers = visible.evaluate_all("rs => rs.map(r => r.dataset.speaker)")
    assert speakers and set(speakers) == {"Ron Baron"} and len(speakers) < total
    counter = page.locator(".table-count[data-table=predictions-table]")
    assert counter.inner_text() == f"{len(speakers)} of {total} predictions shown"
    page.select_option("form.table-filter[data-table=predictions-table] select", "")
    assert visible.count() == total


def test_speakers_are_in_the_navigation(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Speakers", exact=True).first.click()
    page.wait_for_url("**/generated/speakers/")
    assert page.locator("article table tbody tr").count() == 5
    page.get_by_role("link", name="Same quantity over time", exact=True).first.click()
    page.wait_for_url("**/generated/drift/")
    assert page.locator("article table tbody tr").count() == 12
