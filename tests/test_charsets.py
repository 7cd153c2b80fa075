"""The characters a pattern's match can begin or end with, and the pre-filter that
``KeyedPattern.match_before`` builds from them: it must never turn away a place where the
full search finds a form."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from claimkb.extract.charsets import DIGIT, first_chars, first_strings, last_strings, union
from claimkb.extract.grammar import SPACE, KeyedPattern, grammar
from claimkb.extract.tables import LANGUAGES, symbols
from tests.conftest import bundled_sources, source_text

ENGLISH = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "en-sample.txt"


def test_first_and_last_characters_worked_by_hand() -> None:
    assert first_chars("ab|cd") == {"a", "A", "c", "C"}
    # an optional head: the match begins with "x" or with "z"
    assert first_chars("(?:xy)?z") == {"x", "X", "z", "Z"}
    # look-arounds are zero width: the letter after (before) them decides
    assert first_chars(r"(?<!\w)über") == {"ü", "Ü"}
    assert first_chars(r"(?<=\w)\.ca") == {"."}
    assert first_chars("[a-c]") == {"a", "b", "c", "A", "B", "C"}
    # the long s and the Kelvin sign match "s" and "k" under IGNORECASE
    assert first_chars("sk") == {"s", "S", "\u017f"}
    assert first_chars("k") == {"k", "K", "\u212a"}
    # micro sign, Greek capital and small mu all match each other under IGNORECASE
    assert {"\u00b5", "\u039c", "\u03bc"} <= (first_chars("\u00b5") or set())
    assert "٣" in (first_chars(r"\d") or set())  # an Arabic-Indic digit is a \d too


def test_last_strings_worked_by_hand() -> None:
    tails = last_strings(r"more than|over|(?:greater|bigger) (?:than )?or equal (?:to|than)|~", 3)
    # "~" is a whole form shorter than three characters; the rest end in "han", "ver", " to"
    assert tails == {"han", "ver", " to", "~"}
    assert last_strings("a{2,5}b?", 3) == {"aa", "aaa", "aab"}
    assert last_strings("[Ee]uro", 2) == {"ro"}
    assert last_strings("[aä]b|c[dD]", 2) == {"ab", "äb", "cd", "cD"}
    assert last_strings(r"(?<!\w)ca\.(?!\w)", 2) == {"a."}
    assert last_strings(r"x\w", 2) is None
    assert last_strings("x*", 2) is None  # may match the empty string


def test_first_strings_worked_by_hand() -> None:
    assert first_strings("more than|over|~", 3) == {"mor", "ove", "~"}
    # every decimal digit stands as one character; a digit class too
    assert first_strings(r"Q[1-4] (?:19|20)\d\d", 4) == {"Q" + DIGIT + " " + DIGIT}
    assert first_strings(r"\d{1,2}\.? (?:Jan|Feb)", 3) == {
        DIGIT + ". ",
        DIGIT + DIGIT + ".",
        DIGIT + DIGIT + " ",
        DIGIT + " J",
        DIGIT + " F",
    }
    # a class too wide to list ends the head: any character may follow "ab"
    assert first_strings(r"ab\w+|cd", 4) == {"ab", "cd"}
    assert first_strings(r"(?<!\w)(?:ab){2,}", 3) == {"aba"}
    # look-arounds are zero width; the forms after them decide
    assert first_strings(r"(?<!verfügt )über|(?=[Ee])etwa", 2) == {"üb", "et"}
    assert first_strings(r"(?-i:[jJ])ahr", 2) == {"ja", "Ja"}
    # white space that numbers are written with stands as one plain space
    assert first_strings("5[\u00a0\u202f\t]GW", 3) == {DIGIT + " G"}


def test_no_filter_where_any_character_or_nothing_may_stand() -> None:
    assert first_chars(r"\wa") is None
    assert first_chars(".b") is None
    assert first_chars("a*") is None  # may match the empty string
    assert first_chars("[^a]") is None
    assert first_strings(r"\wa", 2) is None  # any word character may begin it
    assert first_strings("[^a]b", 2) is None
    assert first_strings("a?", 2) is None  # may match the empty string
    assert union([frozenset("a"), None]) is None
    assert union([frozenset("a"), frozenset("b")]) == {"a", "b"}


def _table_forms() -> list[str]:
    forms: list[str] = []
    for lang in LANGUAGES:
        mods = grammar(lang).tables.modifiers
        forms += mods.hedges + mods.name_words + mods.alternatives + mods.hedge_links
        forms += [form for key_forms in mods.bounds_before.values() for form in key_forms]
        forms += [opening for opening, _ in mods.range_frames]
        forms += [form for key_forms in mods.unit_prefixes.values() for form in key_forms]
        forms += [f for key_forms in grammar(lang).tables.units.words.values() for f in key_forms]
    forms += [form for key_forms in symbols().prefix_currency.values() for form in key_forms]
    return forms


def test_case_variants_are_all_that_ignorecase_matches() -> None:
    """Every code point that matches a table form's last character under IGNORECASE is in
    the set of its first character, found by asking the regex engine about every code
    point."""
    sets = [first_chars(form) for form in _table_forms()]
    chars = sorted(set().union(*(s for s in sets if s is not None)))
    engine = re.compile("[" + "".join(re.escape(c) for c in chars) + "]", re.IGNORECASE)
    matched = {chr(code) for code in range(sys.maxunicode + 1) if engine.fullmatch(chr(code))}
    assert matched == set(chars)


def _anchored(lang: str) -> dict[str, KeyedPattern[object]]:
    g = grammar(lang)
    from claimkb.extract.pipeline import scanner

    found = {
        name: value
        for name, value in [*vars(g).items(), *vars(scanner(lang)).items()]
        if isinstance(value, KeyedPattern) and value.pattern.pattern.endswith("$")
    }
    assert {"hedges", "bounds_before", "prefix_currency", "range_frames"} <= set(found)
    return found


def _unfiltered(pattern: KeyedPattern[object], text: str, pos: int, window: int) -> object:
    found = pattern.pattern.search(text, max(0, pos - window), pos)
    return None if found is None else (pattern.key(found), found.start())


def _plain(form: str) -> str | None:
    """The text a form matches when it is a plain phrase (escapes allowed), else None."""
    text = re.sub(r"\\(.)", r"\1", form)
    return None if re.search(r"[\\\[\](){}?*+|^$]", re.sub(r"\\.", "", form)) else text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_prefilter_keeps_every_plain_table_entry(lang: str) -> None:
    """Each plain phrase of each table, before a number (after one space, two spaces, a
    no-break space, and upper-cased), is found with the filter exactly as without it."""
    for name, pattern in _anchored(lang).items():
        forms = [
            plain
            for form in _forms_of(lang, name)
            if (plain := _plain(form)) is not None and plain.strip()
        ]
        for form in forms:
            for text in (f"x {form} 5", f"{form}  5", f"{form}\u00a05", f"x {form.upper()} 5"):
                pos = text.rindex("5")
                expected = _unfiltered(pattern, text, pos, 48)
                assert pattern.match_before(text, pos) == expected, (name, text)
                if pattern.tails is not None and expected is not None:
                    tail = text.rstrip(" \u00a05").lower()
                    assert any(tail.endswith(t.lower()) for t in pattern.tails), (name, text)


def _forms_of(lang: str, name: str) -> list[str]:
    g = grammar(lang)
    mods = g.tables.modifiers
    tables: dict[str, list[str]] = {
        "hedges": mods.hedges,
        "bounds_before": [f for forms in mods.bounds_before.values() for f in forms],
        "range_frames": [opening for opening, _ in mods.range_frames],
        "alternatives": mods.alternatives,
        "name_words": mods.name_words,
        "unit_prefixes": [f for forms in mods.unit_prefixes.values() for f in forms],
        "hedge_links": mods.hedge_links,
        "prefix_currency": [f for forms in symbols().prefix_currency.values() for f in forms],
        "_unit_words_before": [f for forms in g.tables.units.words.values() for f in forms],
    }
    return tables[name]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_prefilter_agrees_with_the_search_on_the_corpus(lang: str) -> None:
    """Before every digit and every word of the bundled texts, and after a line break,
    the filtered ``match_before`` gives what the full search gives."""
    texts = [source_text(s) for s in bundled_sources() if (s.language or "de") == lang]
    texts.append(ENGLISH.read_text(encoding="utf-8")[:20_000])
    texts.append(f"etwa\n5 about\n5 около\n5 ca.{SPACE[1]}5 ~5 > 5 ≥5 $5 US$ 5")
    places = re.compile(r"\d|(?<!\w)\w|\n")
    for pattern in _anchored(lang).values():
        for text in texts:
            for place in places.finditer(text):
                pos = place.start()
                for window in (6, 16, 48):
                    expected = _unfiltered(pattern, text, pos, window)
                    assert pattern.match_before(text, pos, window) == expected


def _keyed(lang: str) -> dict[str, KeyedPattern[object]]:
    from claimkb.extract.pipeline import scanner

    return {
        name: value
        for name, value in [*vars(grammar(lang)).items(), *vars(scanner(lang)).items()]
        if isinstance(value, KeyedPattern)
    }


def _unfiltered_match(pattern: KeyedPattern[object], text: str, pos: int) -> object:
    found = pattern.pattern.match(text, pos)
    return None if found is None or found.lastgroup is None else (pattern.key(found), found.end())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_match_filter_agrees_with_the_pattern(lang: str) -> None:
    """At every position of the bundled texts (and of the tables' plain unit words, counted
    nouns and rates, written after a number), ``match`` with its first-character filter
    gives what the compiled pattern gives."""
    g = grammar(lang)
    words = [
        plain
        for table in (g.tables.units.words, g.tables.counted.nouns, g.tables.modifiers.rates)
        for forms in table.values()
        for form in forms
        if (plain := _plain(form)) is not None
    ]
    texts = [source_text(s) for s in bundled_sources() if (s.language or "de") == lang]
    texts.append(ENGLISH.read_text(encoding="utf-8")[:20_000])
    texts.append(" ".join(f"5 {word} 5{word} 5-{word} {word.upper()}" for word in words))
    patterns = _keyed(lang)
    assert {"unit_words", "unit_symbols", "counted", "hyphen_suffixes"} <= set(patterns)
    for pattern in patterns.values():
        for text in texts:
            for pos in range(len(text) + 1):
                assert pattern.match(text, pos) == _unfiltered_match(pattern, text, pos)
