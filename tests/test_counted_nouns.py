"""Counted nouns the tables do not list: a plural right after a count (English), made
singular; my own sentences, the expected nouns written by hand."""

from __future__ import annotations

from claimkb.core.models import Source
from claimkb.extract import extract_document


def _read(lang: str, text: str) -> dict[str, tuple[str | None, str | None]]:
    source = Source(id=f"plural.{lang}", file=f"plural.{lang}.txt", language=lang)  # type: ignore[arg-type]
    return {c.surface: (c.quantity.counted, c.quantity.per) for c in extract_document(source, text)}


def test_unlisted_english_plurals_are_counted_in_the_singular() -> None:
    found = _read(
        "en",
        "The plant will make 400 batteries a day. The yard builds 40 ferries. "
        "The city runs 12 buses. The lab ran 30 analyses.\n",
    )
    assert found["400"] == ("battery", "day")
    assert found["40"] == ("ferry", None)
    assert found["12"] == ("bus", None)
    assert found["30"] == ("analysis", None)


def test_a_year_before_a_plural_names_which_and_counts_nothing() -> None:
    found = _read("en", "Full-year 2026 expenses are expected to rise by 5 percent.\n")
    assert all(counted != "expense" for counted, _ in found.values())


def test_words_of_plural_form_that_are_no_nouns() -> None:
    found = _read("en", "Sales rose 3 times this year, and 7 others followed.\n")
    assert found["3 times"][0] is None
    assert found["7"][0] is None


def test_listed_nouns_keep_their_key_and_other_languages_read_listed_nouns_only() -> None:
    assert _read("en", "They flew 20 starships.\n")["20"][0] == "ship"
    assert _read("de", "Das Werk baut 400 Batterien am Tag.\n")["400"][0] is None
