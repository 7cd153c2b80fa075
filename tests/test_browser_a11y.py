"""Every kind of page of the site, checked in a real browser at a desktop width (1366 x 900)
and a phone's (390 x 844): axe-core finds no serious or critical accessibility violation, and
the page never scrolls sideways. A screenshot of each page at each width is saved into
``build/screenshots/``.

axe-core is a test dependency, never shipped in a site: its npm tarball is pinned in
``claimkb/pages/data/vendor.yaml`` (``use: test``) and fetched, verified and cached into the
project's ``.cache/npm/`` by the same code that fetches the SPARQL engine
(``claimkb.pages.vendor``); its ``axe.min.js`` is injected into each page under test. Where
the registry cannot be reached and nothing is cached the tests skip, saying so, or fail where
``CLAIMKB_REQUIRE_BROWSER`` is set (CI), as for a missing browser.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest

from claimkb.pages.vendor import VendorError, fetch, load_table, unpack
from tests.browser_fixtures import _tab
from tests.conftest import EXAMPLE

AXE = "axe-core"


class PageType(NamedTuple):
    """A kind of page: where to open it, and for a page reached from an index, the link on
    that index to follow (the first that matches)."""

    name: str
    path: str
    follow: str = ""


#: Every kind of page the site has, one entry each; a new kind of page is one more line.
PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", ""),
    PageType("claims-index", "generated/claims/"),
    PageType("claim", "generated/claims/", "#claims-table tbody a[href]"),
    PageType("sources-index", "generated/sources/"),
    PageType("source", "generated/sources/", "article table tbody a[href]"),
    PageType("derivations-index", "generated/derivations/"),
    PageType("derivation", "generated/derivations/", "article table tbody a[href]"),
    PageType("entities-index", "generated/entities/"),
    PageType("entity", "generated/entities/", "article table tbody a[href]"),
    PageType("predictions", "generated/predictions/"),
    PageType("speakers-index", "generated/speakers/"),
    PageType("speaker", "generated/speakers/", "article table tbody a[href]"),
    PageType("drift-index", "generated/drift/"),
    PageType("drift-group", "generated/drift/", "article table tbody a[href]"),
    PageType("graph", "generated/graph/"),
    PageType("sparql", "generated/sparql/"),
    PageType("methodology", "methodology/"),
    PageType("commands", "commands/"),
    PageType("conformance", "conformance/"),
)

#: The two widths every page is checked at: a laptop's and a phone's.
SIZES: dict[int, int] = {1366: 900, 390: 844}

#: The impacts that fail a test; axe-core's others are "minor" and "moderate".
FAILING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe_script(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The text of axe-core's ``axe.min.js``, fetched (or taken from the cache) and
    verified against the pinned integrity."""
    package = load_table()[AXE]
    assert package.use == "test"
    try:
        data = fetch(package, EXAMPLE.cache_dir)
    except VendorError as error:
        if os.environ.get("CLAIMKB_REQUIRE_BROWSER"):
            pytest.fail(str(error))
        pytest.skip(str(error))
    target = tmp_path_factory.mktemp("axe")
    unpack(package, data, target)
    return (target / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(params=sorted(SIZES, reverse=True), ids=lambda width: f"{width}px")
def tab(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A tab at each of the two widths; fails on console errors, saves a screenshot."""
    width = request.param
    yield from _tab(browser, request, width, SIZES[width])


def open_page(tab: Any, site_url: str, kind: PageType) -> None:
    tab.goto(site_url + kind.path)
    if kind.follow:
        # The link's address, resolved by the page (a click can land on a sticky header).
        target = tab.locator(kind.follow).first.evaluate("link => link.href")
        assert target, f"{kind.name}: no link matches {kind.follow} on {kind.path}"
        tab.goto(target)
    tab.wait_for_load_state("networkidle")


def violations(tab: Any, script: str) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations of the page open in ``tab``, each with
    the rule, its impact and the first few elements it names."""
    assert tab.evaluate("() => typeof window.axe") == "undefined", "the site ships axe-core"
    tab.add_script_tag(content=script)
    found: list[dict[str, Any]] = tab.evaluate(
        """async (failing) => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations
                .filter((v) => failing.includes(v.impact))
                .map((v) => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
                    count: v.nodes.length,
                }));
        }""",
        list(FAILING),
    )
    return found


@pytest.mark.parametrize("kind", PAGE_TYPES, ids=[kind.name for kind in PAGE_TYPES])
def test_page_has_no_serious_violation_and_no_sideways_scroll(
    tab: Any, site_url: str, axe_script: str, kind: PageType
) -> None:
    open_page(tab, site_url, kind)
    width = tab.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{kind.name} scrolls sideways: {width[0]} > {width[1]} px"
    found = violations(tab, axe_script)
    assert found == [], "\n".join(
        f"{v['impact']} {v['id']} ({v['help']}): {v['count']} elements, e.g. {v['nodes']}"
        for v in found
    )


def test_dark_scheme_has_no_serious_violation(browser: Any, site_url: str, axe_script: str) -> None:
    """With the system set to dark the site takes Material's dark scheme, and every kind of
    page keeps its contrast there (one tab goes through them all, at the desktop width)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme="dark")
    try:
        tab = context.new_page()
        found = {}
        for kind in PAGE_TYPES:
            open_page(tab, site_url, kind)
            scheme = tab.evaluate("() => document.body.dataset.mdColorScheme")
            assert scheme == "slate", kind.name
            problems = violations(tab, axe_script)
            if problems:
                found[kind.name] = [f"{v['id']}: {v['nodes']}" for v in problems]
        assert found == {}
    finally:
        context.close()


def test_graph_on_a_phone_is_a_list_by_source(phone_page: Any, site_url: str) -> None:
    phone_page.goto(site_url + "generated/graph/")
    assert phone_page.locator(".kbg-scroll").is_hidden()
    assert phone_page.locator(".kbg-list").is_visible()
    checks = phone_page.locator(".kbg-list li li").evaluate_all(
        """items => items.map(li => [li.querySelector("span").textContent,
                                     li.querySelector("a").getAttribute("href")])"""
    )
    by_symbol: dict[str, set[str]] = {}
    for symbol, target in checks:
        by_symbol.setdefault(symbol, set()).add(target)
    # The 36 hand-written derivations of claims/derivations/, each under its inputs: 20
    # consistent, 10 implies, 5 inconsistent, 1 unverifiable.
    counts = {symbol: len(targets) for symbol, targets in by_symbol.items()}
    assert counts == {"✓": 20, "⇒": 10, "✗": 5, "?": 1}


def test_graph_on_a_desktop_scrolls_in_a_box_the_keyboard_reaches(page: Any, site_url: str) -> None:
    page.goto(site_url + "generated/graph/")
    box = page.locator(".kbg-scroll")
    assert box.is_visible() and page.locator(".kbg-list").is_hidden()
    assert box.get_attribute("tabindex") == "0"
    box.focus()
    assert page.evaluate("document.activeElement.classList.contains('kbg-scroll')")
