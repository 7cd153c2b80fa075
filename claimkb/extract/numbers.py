"""Read one number at a position: digits with a language's separators, or number words,
each with a following scale word ("1,7 Milliarden", "5 трлн", "100k").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from claimkb.extract import numwords
from claimkb.extract.grammar import SPACE, VULGAR, Grammar
from claimkb.extract.tables import merged_words

_GAP = re.compile(f"{SPACE}{{0,2}}")

MAX_DIGITS = 30
"""The most digits the whole part of a number may have. A longer run of digits ("1" and 400
zeros) is an identifier, a checksum or a hoax, not a quantity anyone states, and as a float
it would be ``inf``, which no later stage can write (RDF has no literal for it): it is not
read at all, and no part of it is read either."""
MAX_MAGNITUDE = 1e30
"""The largest magnitude a number may have with its scale words ("10^29 Trilliarden" is
none): every value the extractor writes is finite and below this, so sums and products of a
few of them in the derivations stay finite too."""


def times_scale(value: float, factor: float) -> float:
    """``value`` times a scale word's ``factor``, rounded once: "1,23 Mio." is 1230000, where
    the float product of 1.23 and 1e6 is 1229999.9999999998 (one value in thirty with two
    decimals is off so). The shortest text of the float is the decimal as written."""
    if not math.isfinite(value) or value.is_integer():
        return value * factor
    return float(Decimal(repr(value)) * Decimal(factor))


def within_limits(*values: float | None) -> bool:
    """True when every value given is finite and below ``MAX_MAGNITUDE`` (None counts as
    within: no bound)."""
    return all(value is None or abs(value) < MAX_MAGNITUDE for value in values)


@cache
def _and_joint() -> re.Pattern[str]:
    """ "and" in any language between two parts of one number ("4 thousand and 21")."""
    words = "|".join(map(re.escape, merged_words(lambda w: w.and_words)))
    return re.compile(f"{SPACE}+(?:{words}){SPACE}+", re.IGNORECASE)


@cache
def _spoken_point(lang: str) -> re.Pattern[str]:
    """A spoken decimal point between digits: "1 point 1", "1 komma 1", "1 точка 1"."""
    words = "|".join(numwords.decimal_points(lang)) or "(?!)"
    return re.compile(rf"{SPACE}+(?:{words}){SPACE}+(?P<frac>\d+)(?![\d\w]|[.,]\d)", re.IGNORECASE)


@dataclass(slots=True)
class Number:
    """A number as written, before units and modifiers. Treat it as a value: change a copy
    (``dataclasses.replace``). It is not frozen because several are built for every
    candidate number, and a frozen dataclass takes about five times as long to build.

    ``zero_groups`` counts trailing digit groups of zeros written with a group separator
    ("30 000" has one), which lets "20–30 000" share the thousands of its upper end.
    """

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    word: bool = False
    article: bool = False
    has_scale: bool = False
    zero_groups: int = 0
    plain_int: bool = False
    digit_count: int = 0
    fraction: bool = False
    #: The factor of the scale word written after the digits ("1,500 million": 1e6), 1 for
    #: none: what the lower end of a range shares ("1,200–1,500 million").
    factor: float = 1.0

    @property
    def vague(self) -> bool:
        """True for "Tausende", "несколько сотен" and the like."""
        return self.low is not None and self.high is not None

    def scaled(self, factor: float) -> Number:
        """This number multiplied by a scale it shares with its range partner."""
        low = None if self.low is None else times_scale(self.low, factor)
        high = None if self.high is None else times_scale(self.high, factor)
        return Number(
            self.start,
            self.end,
            times_scale(self.value, factor),
            low,
            high,
            self.word,
            self.article,
            has_scale=True,
        )


#: What separates the digit groups of a number's whole part.
_GROUP_MARK = re.compile(r"[^\d]")


def _digits(grammar: Grammar, text: str, pos: int, glued: bool = False) -> Number | None:
    pattern = grammar.digits_glued if glued else grammar.digits
    found = pattern.match(text, pos)
    if found is None:
        return None
    signed, whole, frac, den, vulgar = found.group("sign", "int", "frac", "den", "vulgar")
    sign = -1.0 if signed in ("-", "−") else 1.0
    if den or vulgar:
        return _fraction(found, sign)
    groups = _GROUP_MARK.split(whole) if whole else ["0"]
    # Too many digits: infinite, so that ``read_number`` refuses it (the float of its digits
    # could be finite but meaningless, or inf for 309 digits and more).
    digit_count = sum(map(len, groups))
    # One conversion of all the digits: the float nearest to what is written.
    written = "".join(groups) + ("." + frac if frac else "")
    value = float(written) if digit_count <= MAX_DIGITS else math.inf
    if value == 0 and frac and frac.strip("0"):  # "0.000…0001" past what a float holds
        value = math.inf
    zero_groups = 0
    # Only whole thousands share them with a range's lower end: "100 000,5" ends in no group
    # of zeros ("101–100 000,5" was read as 101 000 to 100 000,5, and then as "101" alone).
    for group in reversed(groups[1:] if not frac else []):
        if group != "000":
            break
        zero_groups += 1
    plain = len(groups) == 1 and not frac and not signed and bool(whole)
    return Number(
        found.start(),
        found.end(),
        sign * value,
        zero_groups=zero_groups,
        plain_int=plain,
        digit_count=digit_count,
    )


def _spoken_decimal(grammar: Grammar, text: str, number: Number) -> Number:
    """ "1 point 1" = 1.1: a whole number, a decimal word and digits."""
    if not number.plain_int:
        return number
    point = _spoken_point(grammar.lang).match(text, number.end)
    if point is None:
        return number
    value = number.value + float("0." + point["frac"])
    return Number(number.start, point.end(), value, digit_count=number.digit_count)


def _fraction(found: re.Match[str], sign: float) -> Number | None:
    """ "3/4", "2 1/4", "10½": a fraction, with the whole part it may have."""
    if found["den"]:
        denominator = int(found["den"])
        if denominator == 0:
            return None
        whole = int(found["whole"] or 0)
        value = whole + int(found["num"]) / denominator
    else:
        value = int(found["vwhole"] or 0) + VULGAR[found["vulgar"]]
    return Number(found.start(), found.end(), sign * value, fraction=True)


def read_number(grammar: Grammar, text: str, pos: int, glued: bool = False) -> Number | None:
    """The number written at ``pos`` with its scale word, or None. ``glued`` reads a number
    that follows a word character (a range's second end, a currency code: "USD115"). A number
    past the limits (``MAX_DIGITS``, ``MAX_MAGNITUDE``) is None too."""
    number = _read_digits(grammar, text, pos, glued)
    if number is not None:
        return number if within_limits(number.value) else None
    words = numwords.match_number_words(text, pos, grammar.lang)
    if words is None or not within_limits(words.value, words.low, words.high):
        return None
    magnitude = words.low if words.low is not None else words.value
    return Number(
        pos,
        words.end,
        words.value,
        words.low,
        words.high,
        word=True,
        article=words.article,
        has_scale=abs(magnitude) >= 1000,
    )


def over_limit_end(grammar: Grammar, text: str, pos: int, glued: bool = False) -> int | None:
    """Where a number in digits that starts at ``pos`` and is past the limits ends, its
    scale words included ("10^40 million"), or None: the scanner skips all of it, so that no
    part of it ("million") is read as a quantity of its own."""
    number = _read_digits(grammar, text, pos, glued)
    return number.end if number is not None and not within_limits(number.value) else None


def _read_digits(grammar: Grammar, text: str, pos: int, glued: bool) -> Number | None:
    """The number in digits at ``pos`` with its scale words, whatever its size."""
    number = _digits(grammar, text, pos, glued)
    if number is None:
        return None
    number = _spoken_decimal(grammar, text, number)
    scaled = _with_scale(grammar, text, number)
    return _compose(grammar, text, scaled) if scaled.has_scale else scaled


def _with_scale(grammar: Grammar, text: str, number: Number) -> Number:
    """ "1,7 Milliarden", "5 трлн", "100k", "- 10  k": the scale word after digits."""
    gap = _GAP.match(text, number.end)
    end = gap.end() if gap else number.end
    scale = numwords.match_scale(text, end, grammar.lang)
    if scale is None and end != number.end:
        scale = numwords.match_scale(text, number.end, grammar.lang)
    if scale is None:
        return number
    factor, scale_end = scale
    return Number(
        number.start,
        scale_end,
        times_scale(number.value, factor),
        has_scale=True,
        digit_count=number.digit_count,
        factor=factor,
    )


def _compose(grammar: Grammar, text: str, number: Number) -> Number:
    """Digits mixed with scale words: "4 thousand 3 hundred and 21", "3 million and a half".

    Only a smaller part may follow ("4 thousand 3 hundred"), after "and" only a part below
    one hundred without a scale word of its own, or a fraction word, so that "2 Millionen und
    5 Patienten" and "3 hundred and 2 hundred" stay two numbers.
    """
    scale = _scale_of_value(number.value)
    link = _and_joint().match(text, number.end)
    at = link.end() if link else _skip_spaces(text, number.end)
    part = _digits(grammar, text, at) or _words(grammar, text, at)
    if part is None or part.value <= 0:
        return number
    if 0 < part.value < 1 and link:
        value = number.value + part.value * scale
    elif link and part.value < min(100.0, scale):
        part = _with_scale(grammar, text, part)
        if part.has_scale:  # "3 hundred and 2 hundred": "and" joins two numbers
            return number
        value = number.value + part.value
    elif not link and not part.word:
        part = _with_scale(grammar, text, part)
        if not part.has_scale or part.value >= scale:
            return number
        value = number.value + part.value
        return _compose(grammar, text, Number(number.start, part.end, value, has_scale=True))
    else:
        return number
    return Number(number.start, part.end, value, has_scale=True)


def _words(grammar: Grammar, text: str, at: int) -> Number | None:
    words = numwords.match_number_words(text, at, grammar.lang)
    if words is None or words.low is not None:
        return None
    return Number(at, words.end, words.value, word=True, article=words.article)


def _scale_of_value(value: float) -> float:
    scale = 1.0
    while abs(value) >= scale * 1000 and scale < MAX_MAGNITUDE:  # bounded: value may be inf
        scale *= 1000
    return scale if scale > 1 else 100.0


def _skip_spaces(text: str, pos: int) -> int:
    gap = _GAP.match(text, pos)
    return gap.end() if gap else pos


def is_year(number: Number) -> bool:
    """Whether a number is written as a year may be: four plain digits from 1900 to 2100
    ("2035"); the date, range and change rules all ask it."""
    return number.plain_int and number.digit_count == 4 and 1900 <= number.value <= 2100
