"""Numbers in digits are looked for only where one can begin, with the same matches as the
digit pattern's own ``finditer``."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkb.extract.digit_runs import DigitRuns
from claimkb.extract.grammar import grammar


def test_digit_scan_finds_what_finditer_finds() -> None:
    g = grammar("de")
    text = "Preis: ½ Liter, -5 Grad, A4, 1.000 und 2 1/4 oder +.5."
    found = [m.group() for m in DigitRuns(text).numbers(g.digits)]
    # " ½" opens with its space (after ":"), "A4" is glued to a letter, "2 1/4" is a mixed
    # number, "+.5" a signed decimal.
    assert found == [" ½", "-5", "1.000", "2 1/4", "+.5"]
    assert [m.span() for m in DigitRuns(text).numbers(g.digits)] == [
        m.span() for m in g.digits.finditer(text)
    ]


def test_patterns_that_open_with_their_first_character() -> None:
    """Handles, phone numbers and digits glued to a code check what stands before their
    first character after it, and are tried only where that character stands; worked by
    hand: what precedes decides, as a look-behind in front would."""
    from claimkb.extract.chrome import chrome_intervals
    from claimkb.extract.scanner import _CODE_ENDS

    text = "x@y @y #t $TSLA, a#b"
    assert chrome_intervals(text) == [(4, 6), (7, 9), (10, 15)]  # "@y", "#t", "$TSLA"
    text = "+1-222-2222-2222 a555-123-4567 555-123-4567 1555-123-4567"
    # "a555-…" is glued to a letter, "1555-…" has four digits before its first hyphen
    assert chrome_intervals(text) == [(0, 16), (31, 43)]
    text = "USD115 5 a.5 $5 15"
    assert DigitRuns(text).after(_CODE_ENDS) == [3, 11, 14]


def _chrome_texts() -> list[str]:
    """The bundled texts, and random text of the characters digit chrome is made of."""
    import random

    from tests.conftest import bundled_sources, source_text

    rng = random.Random(11)
    alphabet = "0123456789012345 :-+./T@#$\napmUhr"
    odd = ["".join(rng.choice(alphabet) for _ in range(6000)) for _ in range(10)]
    pieces = ["+1", "+49", "-", "\u2011", " ", "/", "a", "12", "555", "2222", "10:00", "2024"]
    phones = ["".join(rng.choice(pieces) for _ in range(3000)) for _ in range(10)]
    return [
        *map(source_text, bundled_sources()),
        *odd,
        *phones,
        "2024-01-01 10:00",
        "12024-01-01 10:00",
    ]


def test_digit_chrome_finds_what_each_pattern_finds() -> None:
    """Phone numbers, clock times, timestamps and dates with a time are tried only next to
    runs of digits, handles only at their marks, line-start chrome only at line starts:
    each finds exactly what its own ``finditer`` finds."""
    from claimkb.extract import chrome

    for text in _chrome_texts():
        runs = DigitRuns(text)
        found = sorted(m.span() for m in chrome._at_digits(runs))
        patterns = (chrome._PHONE, chrome._CLOCK, chrome._TIMESTAMP, chrome._ISO_DATETIME)
        assert found == sorted(m.span() for p in patterns for m in p.finditer(text))
        lines = chrome._AT_LINE_STARTS
        assert [[m.span() for m in hits] for hits in lines.matches(text)] == [
            [m.span() for m in p.finditer(text)] for p in lines.patterns
        ]
        handles = chrome.finditer_at(
            chrome._HANDLE, text, chrome.occurrences(text, chrome._HANDLE_MARKS)
        )
        assert [m.span() for m in handles] == [m.span() for m in chrome._HANDLE.finditer(text)]


def test_per_joints_need_a_word_before_their_spaces() -> None:
    from claimkb.extract.pipeline import scanner

    joints = scanner("en")._per_joints
    text = "kW per reticle, 5  per  unit, . per x,  per y"
    assert [m.group() for m in joints.finditer(text)] == [" per ", "  per  "]


def test_digit_scan_agrees_with_finditer_on_the_corpus_and_on_odd_text() -> None:
    """Digit runs are entered once, at their first digit; dots and signs only before a
    digit (or a sign before a dot): the same matches as ``finditer`` everywhere."""
    import random

    from tests.conftest import bundled_sources, source_text

    rng = random.Random(5)
    odd = ["".join(rng.choice("12.,-−+ ½/a\u00a0") for _ in range(4000)) for _ in range(10)]
    for lang in ("de", "en", "ru"):
        g = grammar(lang)
        for text in [*map(source_text, bundled_sources()), *odd, "-.5 +5 a-5 1.000 .25 10½ 2 ½"]:
            assert [m.span() for m in DigitRuns(text).numbers(g.digits)] == [
                m.span() for m in g.digits.finditer(text)
            ]


def test_trie_regex_matches_exactly_its_words() -> None:
    import re

    from claimkb.extract.trie import trie_regex

    words = ["ein", "eine", "einen", "elf", "zwei"]
    pattern = re.compile(trie_regex(words))
    # worked by hand: shared letters are factored, a word that ends where a longer one
    # goes on makes the rest optional
    assert pattern.pattern == "(?:e(?:in(?:e(?:n)?)?|lf)|zwei)"
    for word in words:
        assert pattern.fullmatch(word)
    for other in ["ei", "einer", "zwe", "elfe", ""]:
        assert pattern.fullmatch(other) is None
    # with a mark where each word ends, the match tells which word it was
    marked = re.compile(trie_regex(["ab", "ac", "b"], end=lambda word: f"(?P<w_{word}>)"))
    assert marked.pattern == "(?:a(?:b(?P<w_ab>)|c(?P<w_ac>))|b(?P<w_b>))"
    assert [marked.match(text).lastgroup for text in ["abx", "ac", "b"]] == ["w_ab", "w_ac", "w_b"]


def _word_scan_texts() -> list[str]:
    """The bundled texts, and the same in capitals, title case, and with the letters
    Python's regex engine folds to "s", "k" and "i" (the long s, the Kelvin sign, the
    dotted capital I, which lowers to two characters)."""
    from tests.conftest import bundled_sources, source_text

    texts = [*map(source_text, bundled_sources())]
    english = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "en-sample.txt"
    texts.append(english.read_text(encoding="utf-8"))
    folded = [t.replace("s", "\u017f").replace("k", "\u212a") for t in texts]
    return [
        *texts,
        *(t.upper() for t in texts),
        *(t.title() for t in texts),
        *folded,
        texts[0].replace("I", "\u0130"),
        # heads at the very start of a text, and right after a non-word character
        *["drei Tonnen", "Über 5 GW", "5 GW", "(eine Million)", "примерно 5", "a dozen"],
    ]


@pytest.mark.parametrize("lang", ["de", "en", "ru"])
def test_guarded_word_scan_finds_what_each_pattern_finds(lang: str) -> None:
    """The word scan looks for the first letters of its patterns first, in the
    lower-cased text: each pattern must still find exactly what its own ``finditer``
    finds, in any letter case, and where lowering changes the text's length."""
    from claimkb.extract.pipeline import scanner

    scan = scanner(lang)._word_scan
    assert scan._guard is not None  # every pattern's heads can be listed
    for text in _word_scan_texts():
        expected = [[m.span() for m in p.finditer(text)] for p in scan.patterns]
        assert [[m.span() for m in found] for found in scan.matches(text)] == expected


def test_clause_start_is_after_the_last_mark_in_the_window() -> None:
    from claimkb.extract.scanner import _clause_start

    text = "a, b; c d"
    assert _clause_start(text, 9, 40) == 5  # after ";"
    assert _clause_start(text, 3, 40) == 2  # after ","
    assert _clause_start(text, 9, 1) == 8  # no mark in the window: its start
    assert _clause_start("", 0, 10) == 0


def test_count_lookahead_turns_away_what_counts_nothing() -> None:
    """Worked by hand: after "ein", a noun no table knows is turned away by the one
    pattern; a unit, a counted noun (also after adjectives or at the end of a hyphenated
    word) and a parenthesis go on to the lookups."""
    from claimkb.extract.pipeline import scanner

    may_count = scanner("de")._may_count
    turned_away = ["ein Haus", "eine große Rolle", "ein sehr"]
    looked_up = ["ein Gigawatt", "ein humanoider Roboter", "ein Starship-Start", "ein (x)"]
    for text in turned_away:
        assert may_count.match(text, text.index(" ")) is None, text
    for text in looked_up:
        assert may_count.match(text, text.index(" ")) is not None, text


@pytest.mark.parametrize("lang", ["de", "en", "ru"])
def test_count_lookahead_lets_through_whatever_the_lookups_find(lang: str) -> None:
    """After every word of the corpus texts (in every letter case): where the unit, range
    and counted-noun lookups would say an article counts something, the pattern that is
    asked first lets it through."""
    import re

    from claimkb.extract.numbers import Number
    from claimkb.extract.pipeline import scanner

    scan = scanner(lang)
    for text in _word_scan_texts():
        for word in re.finditer(r"\w+", text[:60_000]):
            article = Number(word.start(), word.end(), 1.0, word=True, article=True)
            if scan._counts_after(text, article):
                assert scan._may_count.match(text, word.end()), text[word.start() : word.end() + 30]
