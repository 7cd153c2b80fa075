"""What a reader sees first, in a real browser at a desktop width (1280) and a phone width
(390): a claim page and a derivation page open with the verdict sentence, in view without
scrolling, before any quote, table or record field; the record's fields stay folded until
asked for; the quote is marked with its language. Screenshots of both pages at both widths
are saved into ``build/screenshots/`` (see ``tests/browser_fixtures.py``).
"""

from __future__ import annotations

from typing import Any

import pytest

MUSK = "generated/claims/dwarkesh-x-thread-2026-02-06.de/810b0bcd/"
TERAWATT = "generated/derivations/starship-launches-for-terawatt-a-year/"
#: The opening of each page, worked out by hand (see tests/test_reader_pages.py).
MUSK_SENTENCE = (
    "Elon Musk said on 5 Feb 2026 (Dwarkesh Podcast, in German): 10,000 launches. Rated: "
    "consistent with the figures it was checked against (since "
)
TERAWATT_SENTENCE = (
    "Checks Elon Musk's own figures: About a terawatt a year in orbit would take 100,000 "
    "launches a year, not the 20,000-30,000 named. The figures are 4 times apart, more than "
    "1.5 times even with rounding: inconsistent."
)


def _tab(request: pytest.FixtureRequest, width: str) -> Any:
    return request.getfixturevalue("phone_page" if width == "phone" else "page")


def _sentence_comes_first(tab: Any) -> str:
    """The verdict sentence: the first paragraph of the article, right under the heading,
    wholly inside the first screen."""
    sentence = tab.locator("article .claimkb p.verdict-sentence")
    assert sentence.count() == 1
    first = tab.locator("article .claimkb > :is(p, blockquote, table, dl, ul, details)").first
    assert first.get_attribute("class") == "verdict-sentence"
    box = sentence.bounding_box()
    height = tab.viewport_size["height"]
    assert box is not None and box["height"] > 0
    assert box["y"] + box["height"] <= height, (box, height)
    assert sentence.is_visible()
    # What the check found stands out.
    assert sentence.locator("strong").count() == 1
    return str(sentence.inner_text())


def _no_sideways_scroll(tab: Any) -> None:
    overflow = tab.evaluate(
        "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )
    assert overflow <= 0, overflow


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_claim_page_opens_with_the_verdict(
    request: pytest.FixtureRequest, site_url: str, width: str
) -> None:
    tab = _tab(request, width)
    tab.goto(site_url + MUSK)
    assert tab.locator("article h1").inner_text() == (
        "Elon Musk, Dwarkesh Podcast, 5 Feb 2026: 10,000 launches, in German"
    )
    assert _sentence_comes_first(tab).startswith(MUSK_SENTENCE)
    assert tab.title().startswith("Elon Musk, Dwarkesh Podcast, 5 Feb 2026: 10,000 launches")
    quote = tab.locator("article blockquote [lang=de]").first
    assert quote.locator("mark").inner_text() == "10.000"
    # The record's fields are folded away until the reader opens them.
    record = tab.locator("article details.record")
    characters = record.locator("dt", has_text="Characters")
    assert not characters.is_visible()
    record.locator("summary").click()
    assert characters.is_visible()
    _no_sideways_scroll(tab)
    tab.evaluate("window.scrollTo(0, 0)")  # the screenshot shows the opening


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_derivation_page_opens_with_the_verdict(
    request: pytest.FixtureRequest, site_url: str, width: str
) -> None:
    tab = _tab(request, width)
    tab.goto(site_url + TERAWATT)
    assert _sentence_comes_first(tab) == TERAWATT_SENTENCE
    explanation = tab.locator("article p.explanation")
    assert explanation.inner_text().startswith("At the 10 MW per launch of")
    # The evidence: each input's quote in Russian, the figure marked.
    marks = tab.locator("article ul.inputs [lang=ru] mark").all_inner_texts()
    assert "около тераватта" in marks and "20–30\u202f000" in marks  # as the digest writes it
    assert not tab.locator("article details.record dt", has_text="Written in").is_visible()
    _no_sideways_scroll(tab)
