"""Changes and the levels they reach: "выросла на 8%, до 51 млрд руб.", "stieg von 48 auf 66
Prozent", "rose 5% to $3 billion".

After a verb or noun of change, "до"/"to" names the level reached, not an upper bound, and
"с 6,5 до 6,75%" names the old and the new value, not a range. Without a change before it,
"до 500 человек" stays an upper bound, with a note that the other reading exists. A year
after "bis"/"to" is a deadline, never the upper end of a range whose first end has a unit
("120 GW bis 2035"). The words are the language's (``modifiers.yaml``: ``change_words``,
``level_words``, ``change_pairs``, ``ambiguous_bounds``); the rules here are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimkb.core.units import kind_of_unit
from claimkb.extract.grammar import SPACE, EndFilter, alternation
from claimkb.extract.numbers import Number, is_year
from claimkb.extract.tables import tables

#: How far back a change word may stand before the level word ("увеличить расходы на
#: оборону до 13,2 трлн"): a clause or two, never past the end of a sentence.
CHANGE_REACH = 80
#: The last end of a sentence before a place: a change there is another sentence's.
_LAST_SENTENCE_END = re.compile(r"(?s:.*)(?:[.!?…](?=\s)|\n)")
#: The note a reading gets where a bound word may also name the level reached.
LEVEL_NOTE = "'{word}' may name an upper bound or the level reached"


@dataclass(frozen=True)
class _ChangeWords:
    """One language's change words, compiled once."""

    change: re.Pattern[str]
    levels: frozenset[str]
    ambiguous: frozenset[str]
    #: The start word of a pair right before a number ("с", "von", "from").
    pair_start: re.Pattern[str]
    #: Per start word (lower case): the level word after the first number, with its spaces.
    pair_level: dict[str, re.Pattern[str]]
    #: Level words that also join a range ("до", "to"): a pair needs a change before it.
    connectors: frozenset[str]
    #: Whether a start word may end before a place (most places: no).
    pair_ends: EndFilter


@cache
def _words(lang: str) -> _ChangeWords:
    mods = tables(lang).modifiers
    change = alternation(mods.change_words, ignore_case=True) or "(?!)"
    starts = alternation([start for start, _ in mods.change_pairs], ignore_case=True) or "(?!)"
    levels: dict[str, list[str]] = {}
    for start, level in mods.change_pairs:
        levels.setdefault(start.lower(), []).append(level)
    return _ChangeWords(
        change=re.compile(rf"(?<!\w)(?:{change})", re.IGNORECASE),
        levels=frozenset(word.lower() for word in mods.level_words),
        ambiguous=frozenset(word.lower() for word in mods.ambiguous_bounds),
        pair_start=re.compile(rf"(?<!\w)(?P<start>{starts}){SPACE}+$", re.IGNORECASE),
        pair_level={
            start: re.compile(
                rf"{SPACE}*(?:{alternation(forms, ignore_case=True)}){SPACE}+", re.IGNORECASE
            )
            for start, forms in levels.items()
        },
        connectors=frozenset(c.lower() for c in mods.range_connectors),
        pair_ends=EndFilter({"start": [re.escape(s) for s, _ in mods.change_pairs]}),
    )


def changed_before(text: str, pos: int, lang: str) -> bool:
    """Whether a verb or noun of change stands before ``pos`` in its sentence, within
    ``CHANGE_REACH`` characters."""
    lo = max(0, pos - CHANGE_REACH)
    end = _LAST_SENTENCE_END.match(text, lo, pos)
    return _words(lang).change.search(text, end.end() if end else lo, pos) is not None


def names_level(text: str, word_start: int, word: str, lang: str) -> bool:
    """Whether the bound word ``word`` (at ``word_start``) names the level a change reached:
    "снизилась до 70 лет" is 70, not at most 70."""
    return word.lower() in _words(lang).levels and changed_before(text, word_start, lang)


def level_note(word: str, lang: str) -> str | None:
    """Why a bound word read as a bound may also name the level reached, or None."""
    lowered = word.lower()
    return LEVEL_NOTE.format(word=lowered) if lowered in _words(lang).ambiguous else None


def may_open_pair(text: str, first_start: int, lang: str) -> bool:
    """A cheap first look: whether a start word of a pair may end before ``first_start``."""
    return _words(lang).pair_ends.may_end_before(text, first_start)


def pair_second(text: str, first_start: int, after: int, lang: str) -> int | None:
    """Where the new value starts in "с 6,5 до 6,75%", "von drei auf sieben Milliarden",
    "rose from 5% to 7%": ``first_start`` is the old value's first character (after a
    currency sign), ``after`` the end of the old value (or of its unit). A level word that
    also joins ranges ("до", "to") makes a pair only after a change."""
    words = _words(lang)
    start = words.pair_start.search(text, max(0, first_start - 12), first_start)
    if start is None:
        return None
    level = words.pair_level.get(start["start"].lower())
    joint = level.match(text, after) if level else None
    if joint is None:
        return None
    if joint.group().strip().lower() in words.connectors and not changed_before(
        text, start.start(), lang
    ):
        return None
    return joint.end()


def no_range_end(
    text: str,
    first: Number,
    first_unit: str | None,
    second: Number,
    second_unit: str | None,
    joint: str,
    lang: str,
) -> bool:
    """Whether ``second`` cannot be the upper end of a range that starts at ``first``:
    an article ("4.2 percent - a gain"); a year after an amount with a unit that is
    no time ("120 GW bis 2035": a deadline); a number without the first's unit after a
    level word that follows a change ("up 12.5% to 30,000 units": the level reached)."""
    if second.article:
        return True
    timeless = first_unit is not None and kind_of_unit(first_unit) not in ("duration", "date")
    if timeless and second_unit is None and is_year(second):
        return True
    return (
        first_unit is not None
        and second_unit is None
        and joint.strip().lower() in _words(lang).levels
        and changed_before(text, first.start, lang)
    )


def scale_old_value(first: Number, second: Number) -> Number:
    """ "von drei auf sieben Milliarden": the old value takes the new one's scale word when
    it has none (both directions of a change: "von acht auf vier Milliarden" too)."""
    if not second.has_scale or first.has_scale or second.value <= 0:
        return first
    factor = second.factor
    if factor <= 1:  # a scale word in words ("acht Milliarden"): the new value's thousands
        factor = 1.0
        while second.value / (factor * 1000) >= 1 and factor < 1e15:
            factor *= 1000
    return first.scaled(factor) if factor > 1 else first
