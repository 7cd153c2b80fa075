"""Site search in Chromium, on the bundled corpus: a page loads no search index until the
reader goes to the search box; then Russian and English words find the claims that say them
in another form ("запуски" the quotes with «запусков», "Starts" the quote with
"Starship-Starts"), on a desktop and on a phone."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

CLAIM_PAGE = "generated/claims/dwarkesh-x-thread-2026-02-06.de/541b8acc/"
#: The claims of the Russian digest's sentence "... «порядка 10 000 запусков Starship», ...
#: «10 000 запусков в год» ..." (claims/extracted/dwarkesh-podcast-digest-2026-02-06.ru.yaml).
ZAPUSKOV = {
    f"dwarkesh-podcast-digest-2026-02-06.ru/{key}"
    for key in ("397205e2", "844db8c8", "1eccc17c", "8cd107da", "8e9f58d5")
}
#: The claims of "100 GW = 10.000 Starship-Starts, und er möchte bis 2030 mehr als das jedes
#: Jahr machen." (claims/extracted/dwarkesh-x-thread-2026-02-06.de.yaml).
STARTS = {f"dwarkesh-x-thread-2026-02-06.de/{key}" for key in ("541b8acc", "810b0bcd", "675a865f")}


def _watch(page: Any) -> list[str]:
    """The paths of every request the tab makes from now on."""
    paths: list[str] = []
    page.on("request", lambda request: paths.append(urlsplit(request.url).path))
    return paths


def _found_claims(page: Any) -> set[str]:
    """The claims among all the search's results: the result list shows ten pages at a time
    and more as it is scrolled, so it is scrolled until no more come."""
    page.wait_for_function(
        "/matching document/.test(document.querySelector('.md-search-result__meta').innerText)"
    )
    items = page.locator(".md-search-result__item")
    shown, still = items.count(), 0
    while still < 5:
        items.last.scroll_into_view_if_needed()
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(150)
        now = items.count()
        shown, still = now, (still + 1 if now == shown else 0)
    found = set()
    for href in page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href)"
    ):
        path = urlsplit(href).path
        if path.startswith("/generated/claims/") and path.count("/") == 5:
            found.add(path.removeprefix("/generated/claims/").rstrip("/"))
    return found


def test_a_page_loads_no_search_index_until_the_search_box_is_used(
    page: Any, site_url: str
) -> None:
    requests = _watch(page)
    page.goto(site_url + CLAIM_PAGE)
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("data-search-index") is None
    assert [p for p in requests if p.endswith("/search/search_index.json")] == []
    assert [p for p in requests if "/workers/search." in p] == []
    page.locator("input.md-search__input").click()
    page.keyboard.type("запуски")
    found = _found_claims(page)
    assert page.locator("html").get_attribute("data-search-index") == "requested"
    assert [p for p in requests if p.endswith("/search/search_index.json")] == [
        "/search/search_index.json"
    ]
    # «запусков» is found from «запуски»: the two forms share the stem «запуск».
    assert found >= ZAPUSKOV


def test_an_english_word_finds_it_inside_a_hyphenated_german_one(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.keyboard.press("s")  # the theme's shortcut to the search box
    page.keyboard.type("Starts")
    assert _found_claims(page) >= STARTS


def test_search_on_a_phone(phone_page: Any, site_url: str) -> None:
    phone_page.goto(site_url + CLAIM_PAGE)
    phone_page.locator("label.md-header__button[for=__search]").click()
    phone_page.keyboard.type("запуски")
    assert _found_claims(phone_page) >= ZAPUSKOV
    first = phone_page.locator(".md-search-result__item > a").first
    assert first.is_visible()
    box = first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
