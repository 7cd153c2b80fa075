"""Read one number at a position: digits with a language's separators, or number words,
each with a following scale word ("1,7 Milliarden", "5 трлн", "100k").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import numwords
from extract.grammar import SPACE, Grammar

_ONE_SPACE = re.compile(f"{SPACE}?")


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written, before units and modifiers.

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

    @property
    def vague(self) -> bool:
        """True for "Tausende", "несколько сотен" and the like."""
        return self.low is not None and self.high is not None

    def scaled(self, factor: float) -> Number:
        """This number multiplied by a scale it shares with its range partner."""
        low = None if self.low is None else self.low * factor
        high = None if self.high is None else self.high * factor
        return Number(
            self.start,
            self.end,
            self.value * factor,
            low,
            high,
            self.word,
            self.article,
            has_scale=True,
        )


def _digits(grammar: Grammar, text: str, pos: int) -> Number | None:
    found = grammar.digits.match(text, pos)
    if found is None:
        return None
    integer = found["int"]
    groups = re.split(r"[^\d]", integer)
    value = float("".join(groups))
    if found["frac"]:
        value += float("0." + found["frac"])
    if found["sign"] in ("-", "−"):
        value = -value
    zero_groups = 0
    for group in reversed(groups[1:]):
        if group != "000":
            break
        zero_groups += 1
    plain = len(groups) == 1 and not found["frac"] and not found["sign"]
    return Number(
        found.start(),
        found.end(),
        value,
        zero_groups=zero_groups,
        plain_int=plain,
        digit_count=len("".join(groups)),
    )


def read_number(grammar: Grammar, text: str, pos: int) -> Number | None:
    """The number written at ``pos`` with its scale word, or None."""
    number = _digits(grammar, text, pos)
    if number is not None:
        gap = _ONE_SPACE.match(text, number.end)
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
            number.value * factor,
            has_scale=True,
            digit_count=number.digit_count,
        )
    words = numwords.match_number_words(text, pos, grammar.lang)
    if words is None:
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
