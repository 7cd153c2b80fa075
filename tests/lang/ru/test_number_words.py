"""Russian number words: every case form, fractions, vague plurals, abbreviations after digits.

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

LANG = "ru"


def read(text: str, start: int = 0) -> WordNumber | None:
    return match_number_words(text, start, LANG)


CARDINALS = [
    ("ноль", 0),
    ("два", 2),
    ("две", 2),
    ("пятнадцать", 15),
    ("пятьнадцать", 15),  # a frequent misspelling
    ("сорок четыре", 44),
    ("девяносто", 90),
    ("сто", 100),
    ("сто два", 102),
    ("двести", 200),
    ("триста пятьдесят семь", 357),
    ("полтораста", 150),
    ("тысяча", 1000),
    ("тысяча двести", 1200),
    ("одна тысяча девятьсот двадцать", 1920),
    ("две тысячи двадцать", 2020),
    ("семь тысяч четыре", 7004),
    ("двадцать одна тысяча", 21_000),
    ("семьдесят пять тысяч", 75_000),
    ("сто тысяч", 100_000),
    ("двадцать один миллион семьдесят три", 21_000_073),
    ("восемьсот миллионов", 800_000_000),
    ("пятьдесят один миллион пятьсот семьдесят восемь тысяч триста два", 51_578_302),
    ("пятьдесят три миллиарда двести сорок три тысячи семьсот двадцать четыре", 53_000_243_724),
    ("пять триллионов", 5_000_000_000_000),
    ("триллион миллиард миллион тысяча один", 1_001_001_001_001),
    ("два миллиона тысяча", 2_001_000),
    ("две сотни", 200),
    ("двенадцать сотен", 1200),
    ("пять сотен тысяч", 500_000),
    ("десяток", 10),
    ("два десятка", 20),
    ("дюжина", 12),
    ("пара", 2),
    ("пару тысяч", 2000),
    ("Тридцать Три", 33),
]


@pytest.mark.parametrize(("text", "expected"), CARDINALS)
def test_numwords_reads_cardinals_to_the_end(text: str, expected: int) -> None:
    check_cardinal(text, LANG, expected)


CASE_FORMS = [
    ("одного миллиона", 1_000_000),
    ("двух", 2),
    ("двум", 2),
    ("двумя", 2),
    ("трех", 3),
    ("трёх", 3),
    ("четырьмя", 4),
    ("пяти", 5),
    ("пятью", 5),
    ("шестью", 6),
    ("восьмью", 8),
    ("тридцати", 30),
    ("тридцатью", 30),
    ("тридцати три", 33),  # numerals of mixed case, as speech has them
    ("сорока", 40),
    ("пятьсот пятидесяти пять", 555),
    ("девяноста", 90),
    ("ста", 100),
    ("двухсот", 200),
    ("двумстам", 200),
    ("двумястами", 200),
    ("двухстах", 200),
    ("трёхсот", 300),
    ("четырьмястами", 400),
    ("пятьюстами", 500),
    ("двухсот пятидесяти шести", 256),
    ("двумястами пятьюдесятью шестью", 256),
    ("пятисот девяноста шести", 596),
    ("пятистам девяноста шести", 596),
    ("пятистах девяноста шести", 596),
    ("пятьюстами девяноста шестью", 596),
    ("тысяче", 1000),
    ("тысячу", 1000),
    ("тысячей", 1000),
    ("пятью тысячами", 5000),
    ("двадцать одним миллионом", 21_000_000),
    ("семью миллионами", 7_000_000),
    ("трёх миллиардов", 3_000_000_000),
    ("миллиарда", 1_000_000_000),
]


@pytest.mark.parametrize(("text", "expected"), CASE_FORMS)
def test_numwords_reads_every_case_form(text: str, expected: int) -> None:
    got = read(text)
    assert got is not None
    assert got.value == expected
    assert got.end == len(text)


FRACTIONS = [
    ("половина", 0.5),
    ("половину", 0.5),
    ("половины", 0.5),
    ("половину триллиона", 500_000_000_000),
    ("половина миллиона", 500_000),
    ("полтора", 1.5),
    ("полторы", 1.5),
    ("полторы тысячи", 1500),
    ("полтора миллиона", 1_500_000),
    ("полутора миллиардов", 1_500_000_000),
    ("полмиллиона", 500_000),
    ("полтысячи", 500),
    ("полсотни", 50),
    ("пол-миллиона", 500_000),
    ("треть", 1 / 3),
    ("две трети", 2 / 3),
    ("четверть", 0.25),
    ("три четверти", 0.75),
    ("одна десятая", 0.1),
    ("пять десятых", 0.5),
    ("один с половиной", 1.5),
    ("три с половиной", 3.5),
    ("два с половиной миллиона", 2_500_000),
    ("миллион с половиной", 1_500_000),  # the half is of the scale word
    ("два миллиона с половиной", 2_500_000),
    ("две целых пять десятых", 2.5),
    ("ноль целых три десятых", 0.3),
    ("ноль целых пятнадцать", 0.15),
    ("одна целая двести тридцать шесть тысячных", 1.236),
    ("один точка один", 1.1),
    ("сто двадцать пять точка сорок", 125.4),
]


@pytest.mark.parametrize(("text", "expected"), FRACTIONS)
def test_numwords_reads_fractions_and_halves(text: str, expected: float) -> None:
    check_whole(text, LANG, expected)


VAGUE = [
    ("тысячи", 2000, 9000),
    ("тысячами", 2000, 9000),
    ("тысяч", 2000, 9000),
    ("миллионы", 2e6, 9e6),
    ("миллионами", 2e6, 9e6),
    ("миллиардов", 2e9, 9e9),
    ("сотни", 200, 900),
    ("десятки", 20, 90),
    ("десятки тысяч", 20_000, 90_000),
    ("сотни тысяч", 200_000, 900_000),
    ("десятков миллиардов", 2e10, 9e10),
    ("несколько сотен", 200, 900),
    ("несколько тысяч", 2000, 9000),
    ("нескольких миллионов", 2e6, 9e6),
    ("несколько сотен тысяч", 200_000, 900_000),
]


@pytest.mark.parametrize(("text", "low", "high"), VAGUE)
def test_numwords_reads_vague_plurals_as_ranges(text: str, low: float, high: float) -> None:
    check_vague(text, LANG, low, high)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("более тысячи человек", 1000),  # genitive singular: "more than a thousand"
        ("около тысячи", 1000),
        ("до тысячи", 1000),
        ("около сотни", 100),
        ("порядка миллиона", 1_000_000),
        ("погибли тысячи людей", None),  # nominative plural: "thousands"
    ],
)
def test_numwords_reads_genitive_singular_after_a_governing_word(
    text: str, expected: float | None
) -> None:
    start = text.index(" ") + 1
    got = read(text, start)
    assert got is not None
    if expected is None:
        assert (got.low, got.high) == (2000, 9000)
    else:
        assert (got.value, got.low) == (expected, None)


PREFIXES = [
    # (text, value, the part read)
    ("тысяча тысяча двести", 1000, "тысяча"),
    ("шестьдесят пятьдесят", 60, "шестьдесят"),
    ("шестьдесят сто", 60, "шестьдесят"),
    ("пять ноль", 5, "пять"),
    ("ноль восемь", 0, "ноль"),  # "ноль восемь" is also said for 0.8
    ("двух-трех", 2, "двух"),
    ("сто-двести", 100, "сто"),  # a range
    ("пол-литра", 0.5, "пол"),  # the unit is the caller's
    ("пол-Европы", 0.5, "пол"),
    ("две тысячи - три тысячи", 2000, "две тысячи"),
    ("четыре четверти", 4, "четыре"),  # a count of quarters, not 1
    ("два целых яблока", 2, "два"),
    ("три с лишним", 3, "три"),
    ("тысячи людей", 5500, "тысячи"),
    ("восемь девятьсот два", 8, "восемь"),
]


@pytest.mark.parametrize(("text", "value", "read_part"), PREFIXES)
def test_numwords_stops_where_the_number_ends(text: str, value: float, read_part: str) -> None:
    check_prefix(text, LANG, value, read_part)


NOT_NUMBERS = [
    "первый",
    "второму",
    "третий",
    "сотый",
    "тысячный",
    "двадцать первый",
    "двадцать второе место",
    "двадцать первой олимпиаде",
    "тысяча двести тридцатый",
    "сто пятый",
    "семью",  # accusative of "семья" (family)
    "десятке",  # "в первой десятке" (top ten)
    "десятая",
    "несколько дней",
    "с половиной",
    "пол",  # the floor
    "пол тысячи",
    "поллитра",
    "одиночка",
    "тысячелетие",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_numwords_rejects_words_ordinals_and_bad_sequences(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "article"),
    [("один", True), ("одна", True), ("одного", True), ("одному", True), ("два", False)],
)
def test_numwords_flags_a_lone_article(text: str, article: bool) -> None:
    got = read(text)
    assert got is not None
    assert (got.value, got.article) == (1 if article else 2, article)


def test_numwords_reads_from_a_word_start_inside_a_sentence() -> None:
    text = "Компания наняла двести пятьдесят шесть инженеров."
    start = text.index("двести")
    got = read(text, start)
    assert got is not None
    assert (got.value, text[start : got.end]) == (256, "двести пятьдесят шесть")
    assert read(text, start + 2) is None  # not a word start


def test_numwords_start_pattern_finds_every_phrase_start() -> None:
    text = "За пять лет — десятки тысяч роботов и полмиллиона машин, трёх заводов."
    starts = [m.group() for m in word_start_pattern(LANG).finditer(text)]
    assert starts == ["пять", "десятки", "тысяч", "полмиллиона", "трёх"]


SCALES = [
    ("5 тыс. рублей", 2, 1e3, "тыс."),
    ("5 тыс рублей", 2, 1e3, "тыс"),
    ("5 тысяч", 2, 1e3, "тысяч"),
    ("2 тысячи", 2, 1e3, "тысячи"),
    ("3 млн", 2, 1e6, "млн"),
    ("3 млн. рублей", 2, 1e6, "млн."),
    ("2 миллиона", 2, 1e6, "миллиона"),
    ("4 млрд долларов", 2, 1e9, "млрд"),
    ("10 миллиардов", 3, 1e9, "миллиардов"),
    ("1,5 трлн", 4, 1e12, "трлн"),
    ("7 триллионами", 2, 1e12, "триллионами"),
    ("100к", 3, 1e3, "к"),
    ("3М", 1, 1e6, "М"),
]


@pytest.mark.parametrize(("text", "start", "factor", "word"), SCALES)
def test_numwords_scale_words_after_digits(text: str, start: int, factor: float, word: str) -> None:
    check_scale(text, LANG, start, factor, word)


@pytest.mark.parametrize(
    ("text", "start"),
    [("5 к дому", 2), ("5 км", 2), ("5 тысячелетий", 2), ("5 млнд", 2), ("5кг", 1)],
)
def test_numwords_scale_respects_word_boundaries(text: str, start: int) -> None:
    assert match_scale(text, start, LANG) is None
