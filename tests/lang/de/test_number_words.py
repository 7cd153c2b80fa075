"""German number words: compounds, fractions, vague plurals and scale words after digits.

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

LANG = "de"


def read(text: str, start: int = 0) -> WordNumber | None:
    return match_number_words(text, start, LANG)


CARDINALS = [
    ("null", 0),
    ("eins", 1),
    ("zwo", 2),
    ("sieben", 7),
    ("elf", 11),
    ("zwölf", 12),
    ("zwoelf", 12),
    ("siebzehn", 17),
    ("dreißig", 30),
    ("dreissig", 30),
    ("einundzwanzig", 21),
    ("dreiunddreißig", 33),
    ("neunundneunzig", 99),
    ("hundert", 100),
    ("einhundert", 100),
    ("ein hundert fünfzehn", 115),
    ("hundertzwei", 102),
    ("hundertundeins", 101),
    ("zweihundert", 200),
    ("dreihundertvierundzwanzig", 324),
    ("tausend", 1000),
    ("eintausend", 1000),
    ("tausendundeins", 1001),
    ("fünftausend", 5000),
    ("zweitausendfünfhundert", 2500),
    ("eintausendachthundertzweiundfünfzig", 1852),
    ("achtzehnhundertzweiundfünfzig", 1852),
    ("neunzehnhundertdreiundsiebzig", 1973),
    ("hunderttausend", 100_000),
    ("siebenhunderteinundzwanzigtausendundzwölf", 721_012),
    ("eine Million", 1_000_000),
    ("eine Million zweihunderttausend", 1_200_000),
    ("zwei Millionen", 2_000_000),
    (
        "einunddreißig Millionen zweihundertsechsundfünfzigtausendsiebenhunderteinundzwanzig",
        31_256_721,
    ),
    (
        "dreiundfünfzig Milliarden zweihundertdreiundvierzigtausendsiebenhundertvierundzwanzig",
        53_000_243_724,
    ),
    ("eine Milliarde", 1_000_000_000),
    ("drei Billionen", 3_000_000_000_000),
    (
        "zwei Billiarden siebenhunderteinundsiebzig Billionen neunzig Milliarden",
        2_771_090_000_000_000,
    ),
    ("Dutzend", 12),
    ("zwei Dutzend", 24),
    ("EINUNDZWANZIG", 21),
]


@pytest.mark.parametrize(("text", "expected"), CARDINALS)
def test_numwords_reads_cardinals_to_the_end(text: str, expected: int) -> None:
    check_cardinal(text, LANG, expected)


FRACTIONS = [
    ("ein Zehntel", 0.1),
    ("ein Viertel", 0.25),
    ("drei Viertel", 0.75),
    ("dreiviertel", 0.75),
    ("zwei Drittel", 2 / 3),
    ("ein Hundertstel", 0.01),
    ("die Hälfte", 0.5),
    ("Hälfte", 0.5),
    ("halb", 0.5),
    ("eine halbe Million", 500_000),
    ("drei halbe", 1.5),  # "drei halbe Schweine": the adjective multiplies any count
    ("einundhalb", 1.5),
    ("ein halbes Dutzend", 6),
    ("anderthalb", 1.5),
    ("eineinhalb", 1.5),
    ("zweieinhalb", 2.5),
    ("zweieinhalb Millionen", 2_500_000),
    ("anderthalb Milliarden", 1_500_000_000),
    ("eins Komma fünf", 1.5),
    ("drei Komma eins vier", 3.14),
    ("tausendvierhundertsechzehn Komma fünfzehn", 1416.15),
]


@pytest.mark.parametrize(("text", "expected"), FRACTIONS)
def test_numwords_reads_fractions_and_halves(text: str, expected: float) -> None:
    check_whole(text, LANG, expected)


VAGUE = [
    ("Tausende", 2000, 9000),
    ("Tausenden", 2000, 9000),
    ("Hunderte", 200, 900),
    ("Zehntausende", 20_000, 90_000),
    ("Hunderttausende", 200_000, 900_000),
    ("Millionen", 2_000_000, 9_000_000),
    ("Milliarden", 2_000_000_000, 9_000_000_000),
    ("Billionen", 2e12, 9e12),
    ("Dutzende", 24, 108),
    ("einige hundert", 200, 900),
    ("mehrere tausend", 2000, 9000),
    ("ein paar tausend", 2000, 9000),
    ("mehrere Milliarden", 2e9, 9e9),
    ("Hunderte Millionen", 2e8, 9e8),
]


@pytest.mark.parametrize(("text", "low", "high"), VAGUE)
def test_numwords_reads_vague_plurals_as_ranges(text: str, low: float, high: float) -> None:
    check_vague(text, LANG, low, high)


PREFIXES = [
    # (text, value, the part read)
    ("Millionen Menschen", 5_500_000, "Millionen"),
    ("zwei Millionen Menschen", 2_000_000, "zwei Millionen"),
    ("zwei und vierzig", 2, "zwei"),  # spaced "und" is a list or range, not 42
    ("zwei und zwanzig Prozent", 2, "zwei"),  # "zwischen zwei und zwanzig Prozent"
    ("zwanzig dreihundert", 20, "zwanzig"),
    ("achtundachtzig dreihundert", 88, "achtundachtzig"),
    ("zwei zwölfhundert", 2, "zwei"),
    ("null acht", 0, "null"),
    ("fünf null", 5, "fünf"),
    ("hundert und elf", 100, "hundert"),
    ("zwei- bis dreimal", 2, "zwei"),
    ("zwei-drei Tage", 2, "zwei"),  # a range
    ("Zehn-Millionen-Projekt", 10_000_000, "Zehn-Millionen"),
    ("vier Viertel", 4, "vier"),  # a count of quarters, not 1
    ("drei Drittel", 3, "drei"),
    ("zwanzig erste Versuche", 20, "zwanzig"),  # no unit follows a ten in German
    ("drei Jahre später", 3, "drei"),
    ("anderthalb Jahre", 1.5, "anderthalb"),
    ("Zwei-Drittel-Mehrheit", 2 / 3, "Zwei-Drittel"),
]


@pytest.mark.parametrize(("text", "value", "read_part"), PREFIXES)
def test_numwords_stops_where_the_number_ends(text: str, value: float, read_part: str) -> None:
    check_prefix(text, LANG, value, read_part)


NOT_NUMBERS = [
    "einst",
    "Einheit",
    "Achtung",
    "Zweifel",
    "Elfmeter",
    "hundertprozentig",
    "Zehntelsekunde",
    "Millionenmensch",
    "ersten",
    "zweite",
    "elfte",
    "zweiundzwanzigste",
    "zweitausendzweite",
    "zwei tausend zweite",
    "sechzighundert",
    "tausendtausendzweihundert",
    "sechzigfünfzehn",
    "fünfzignullzwei",
    "Viertel",
    "Drittel",
    "einige Tage",
    "die Frau",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_numwords_rejects_words_ordinals_and_bad_sequences(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "article"),
    [("ein", True), ("eine", True), ("einer", True), ("einen", True), ("eins", False)],
)
def test_numwords_flags_a_lone_article(text: str, article: bool) -> None:
    got = read(text)
    assert got is not None
    assert (got.value, got.article) == (1, article)


def test_numwords_reads_from_a_word_start_inside_a_sentence() -> None:
    text = "Es kamen rund dreitausend Gäste."
    start = text.index("dreitausend")
    got = read(text, start)
    assert got is not None
    assert (got.value, text[start : got.end]) == (3000, "dreitausend")
    assert read(text, start + 4) is None  # "tausend" inside the word is no word start


def test_numwords_start_pattern_finds_every_phrase_start() -> None:
    text = "Vor drei Jahren, sagte er, kamen Zehntausende; heute sind es zweieinhalb Millionen."
    starts = [m.group() for m in word_start_pattern(LANG).finditer(text)]
    assert starts == ["drei", "Zehntausende", "zweieinhalb", "Millionen"]


SCALES = [
    ("5 Mio. Euro", 2, 1e6, "Mio."),
    ("5 Mio Euro", 2, 1e6, "Mio"),
    ("5Mio. Euro", 1, 1e6, "Mio."),
    ("1,2 Millionen", 4, 1e6, "Millionen"),
    ("3 Million", 2, 1e6, "Million"),
    ("2 Mrd. Euro", 2, 1e9, "Mrd."),
    ("7 Milliarden", 2, 1e9, "Milliarden"),
    ("4 Bio. Euro", 2, 1e12, "Bio."),
    ("4 Billionen", 2, 1e12, "Billionen"),
    ("30 Tsd. Euro", 3, 1e3, "Tsd."),
    ("5 tausend", 2, 1e3, "tausend"),
    ("100k Views", 3, 1e3, "k"),
    ("3M Nutzer", 1, 1e6, "M"),
]


@pytest.mark.parametrize(("text", "start", "factor", "word"), SCALES)
def test_numwords_scale_words_after_digits(text: str, start: int, factor: float, word: str) -> None:
    check_scale(text, LANG, start, factor, word)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("5 Millionenmensch", 2),
        ("100kW Leistung", 3),
        ("5 Bio-Eier", 2),
        ("5 Tausende", 2),
        ("5 k", 2),
        ("5 Meter", 2),
    ],
)
def test_numwords_scale_respects_word_boundaries(text: str, start: int) -> None:
    assert match_scale(text, start, LANG) is None


def test_lone_article_ends_where_only_an_article_is_read() -> None:
    """ "ein Haus": the word alone, as an article; where a number word follows ("eine
    Million", "ein paar", "ein bis zwei") or the word is no article, None."""
    from claimkb.extract.numwords import lone_article_end, match_number_words

    assert lone_article_end("ein Haus", 0, LANG) == 3
    assert lone_article_end("Und einen Start", 4, LANG) == 9
    for text, start in [
        ("eine Million", 0),
        ("ein paar Jahre", 0),
        ("zwei Häuser", 0),
        ("kein Haus", 1),
        ("Haus", 0),
        ("einhundert", 0),
    ]:
        assert lone_article_end(text, start, LANG) is None, text
    # what the full reader makes of a lone article: that word, as an article
    found = match_number_words("ein Haus", 0, LANG)
    assert found is not None and found.article and found.end == 3
