"""English number words: cardinals with "and", fractions, vague plurals, suffixes after digits.

Every expected value below was worked out by hand from the words, not by running the reader.
"""

from __future__ import annotations

import pytest

from claimkb.extract.numwords import WordNumber, match_number_words, match_scale, word_start_pattern
from tests.numword_cases import (
    check_cardinal,
    check_prefix,
    check_scale,
    check_vague,
    check_whole,
)

LANG = "en"


def read(text: str, start: int = 0) -> WordNumber | None:
    return match_number_words(text, start, LANG)


CARDINALS = [
    ("zero", 0),
    ("nought", 0),
    ("two", 2),
    ("eleven", 11),
    ("nineteen", 19),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("Ninety-Nine", 99),
    ("hundred", 100),
    ("a hundred", 100),
    ("one hundred", 100),
    ("hundred fifteen", 115),
    ("one hundred and five", 105),
    ("one hundred and forty two", 142),
    ("twelve hundred", 1200),
    ("nineteen hundred seventy-three", 1973),
    ("forty five hundred thirty eight", 4538),
    ("sixty hundred", 6000),
    ("thousand", 1000),
    ("a thousand and one", 1001),
    ("one thousand two hundred", 1200),
    ("two thousand and nineteen", 2019),
    ("two thousand and two hundred", 2200),  # British "and" before the hundreds
    ("fifty - two", 52),
    ("seventy-five thousands", 75_000),
    ("one hundred thousand", 100_000),
    ("two Hundred thousand", 200_000),
    ("twenty-one thousand Eleven", 21_011),
    ("seven hundred twenty-one thousand and twelve", 721_012),
    ("a million", 1_000_000),
    ("two million three thousand and nineteen", 2_003_019),
    ("three billion", 3_000_000_000),
    ("three billions", 3_000_000_000),
    ("three thousand millions", 3_000_000_000),
    ("one billion twenty-five millions", 1_025_000_000),
    ("nineteen billion and nineteen", 19_000_000_019),
    (
        "fifty-three billion two hundred forty-three thousand seven hundred twenty-four",
        53_000_243_724,
    ),
    ("one trillion", 1_000_000_000_000),
    ("a dozen", 12),
    ("two dozen", 24),
    ("two hundred dozens", 2400),
    ("a couple", 2),
    ("a pair", 2),
    ("a couple hundred", 200),
]


@pytest.mark.parametrize(("text", "expected"), CARDINALS)
def test_numwords_reads_cardinals_to_the_end(text: str, expected: int) -> None:
    check_cardinal(text, LANG, expected)


FRACTIONS = [
    ("half", 0.5),
    ("a half", 0.5),
    ("one half", 0.5),
    ("a quarter", 0.25),
    ("three quarters", 0.75),
    ("a third", 1 / 3),
    ("two-thirds", 2 / 3),
    ("one tenth", 0.1),
    ("one and a half", 1.5),
    ("two and a half billion", 2_500_000_000),
    ("half a trillion", 500_000_000_000),
    ("half a million", 500_000),
    ("half a dozen", 6),
    ("a quarter of a million", 250_000),
    ("quarter million", 250_000),
    ("a million and a half", 1_500_000),
    ("two million and one half", 2_500_000),
    ("zero point five", 0.5),
    ("two point two million", 2_200_000),
    ("twelve point ninety-nine", 12.99),
    ("one hundred twenty point zero five", 120.05),
]


@pytest.mark.parametrize(("text", "expected"), FRACTIONS)
def test_numwords_reads_fractions_and_halves(text: str, expected: float) -> None:
    check_whole(text, LANG, expected)


VAGUE = [
    ("thousands", 2000, 9000),
    ("hundreds", 200, 900),
    ("dozens", 24, 108),
    ("millions", 2e6, 9e6),
    ("billions", 2e9, 9e9),
    ("tens of thousands", 20_000, 90_000),
    ("hundreds of thousands", 200_000, 900_000),
    ("hundreds of millions", 2e8, 9e8),
    ("several hundred", 200, 900),
    ("a few thousand", 2000, 9000),
    ("several million", 2e6, 9e6),
    ("a few hundred thousand", 200_000, 900_000),
]


@pytest.mark.parametrize(("text", "low", "high"), VAGUE)
def test_numwords_reads_vague_plurals_as_ranges(text: str, low: float, high: float) -> None:
    check_vague(text, LANG, low, high)


PREFIXES = [
    # (text, value, the part read)
    ("thousands of people", 5500, "thousands"),
    ("sixty fifteen", 60, "sixty"),
    ("five zero", 5, "five"),
    ("zero eight", 0, "zero"),
    ("thousand thousand two hundreds", 1000, "thousand"),
    ("hundred hundreds", 100, "hundred"),
    ("one hundred and five hundred", 100, "one hundred"),  # "between one hundred and five hundred"
    ("two thousand and five thousand", 2000, "two thousand"),
    ("two-three days", 2, "two"),  # a range
    ("one hundred-two hundred", 100, "one hundred"),
    ("a ten-million-dollar deal", 1, "a"),
    ("ten-million-dollar deal", 10_000_000, "ten-million"),
    ("one hundred and five people", 105, "one hundred and five"),
    ("four quarters", 4, "four"),  # a count of quarters, not 1
    ("half of them", 0.5, "half"),
    ("a couple of days", 2, "a couple"),
    ("one second please", 1, "one"),  # a duration, not an ordinal
    ("twenty seconds", 20, "twenty"),
    ("tens of", 55, "tens"),  # a vague plural alone; the "of" is left to the caller
]


@pytest.mark.parametrize(("text", "value", "read_part"), PREFIXES)
def test_numwords_stops_where_the_number_ends(text: str, value: float, read_part: str) -> None:
    check_prefix(text, LANG, value, read_part)


NOT_NUMBERS = [
    "first",
    "second",
    "tenth",
    "third",
    "hundredth",
    "twenty-first",
    "twenty first event",
    "twenty second position",
    "one thousand two hundred thirtieth",
    "one hundred and first",
    "two hundredth anniversary",
    "someone",
    "oneself",
    "few",
    "several",
    "point five",
    "the couple",
    "quarter",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_numwords_rejects_words_ordinals_and_bad_sequences(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "article"), [("a", True), ("an", True), ("one", True), ("a few", True), ("two", False)]
)
def test_numwords_flags_a_lone_article(text: str, article: bool) -> None:
    got = read(text)
    assert got is not None
    assert got.article is article
    assert text[: got.end] == text.split()[0]


def test_numwords_reads_from_a_word_start_inside_a_sentence() -> None:
    text = "They hired twenty-five engineers, someone said."
    start = text.index("twenty")
    got = read(text, start)
    assert got is not None
    assert (got.value, text[start : got.end]) == (25, "twenty-five")
    assert read(text, text.index("one said")) is None  # inside "someone"


def test_numwords_start_pattern_finds_every_phrase_start() -> None:
    text = "Someone saw twenty-one cats, thousands of dogs and half a million birds."
    starts = [m.group() for m in word_start_pattern(LANG).finditer(text)]
    assert starts == ["twenty", "one", "thousands", "half", "a", "million"]


SCALES = [
    ("5 thousand", 2, 1e3, "thousand"),
    ("3 million people", 2, 1e6, "million"),
    ("2 billion", 2, 1e9, "billion"),
    ("1 trillion", 2, 1e12, "trillion"),
    ("$1.2 bn", 5, 1e9, "bn"),
    ("$5bn", 2, 1e9, "bn"),
    ("$1B", 2, 1e9, "B"),
    ("1.2M users", 3, 1e6, "M"),
    ("100k", 3, 1e3, "k"),
    ("100K.", 3, 1e3, "K"),
    ("US$ 1MM", 5, 1e6, "MM"),
    ("10 tln", 3, 1e12, "tln"),
    ("$2.174T.", 6, 1e12, "T"),
    ("2 dozen", 2, 12, "dozen"),
]


@pytest.mark.parametrize(("text", "start", "factor", "word"), SCALES)
def test_numwords_scale_words_after_digits(text: str, start: int, factor: float, word: str) -> None:
    check_scale(text, LANG, start, factor, word)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("100kW", 3),
        ("5MB", 1),
        ("B2B", 2),
        ("5 k", 2),
        ("5 M", 2),
        ("5m", 1),  # metres as often as millions
        ("5 millionaires", 2),
        ("5 km", 2),
        ("a 3T scanner", 3),  # "T" only after a currency sign
    ],
)
def test_numwords_scale_respects_word_boundaries(text: str, start: int) -> None:
    assert match_scale(text, start, LANG) is None
