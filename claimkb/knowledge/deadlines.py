"""Durations that set a deadline: "innerhalb von drei Jahren", "через пять лет", "within 36
months" said on a day fall due that many years or months after it.

The extractor reads such a phrase as a duration (kind ``duration``, bound ``<=`` for
"innerhalb von"), which is right for the arithmetic; whether the duration counts forward
from the day it was said is a question of the words around it, answered here from
each language's ``extract/lang/<code>/deadlines.yaml`` so the predictions page can list it
beside the dated claims.
Words that count back ("vor drei Jahren", "пять лет назад", "in den letzten zwei Jahren")
win over words that count forward, and so does a superlative up to three words before the
forward word ("the warmest winter in ten years" measures back to now); a duration with
neither is not a deadline ("ein Jahr nachdem", "около «пяти лет»" for how long something takes).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from claimkb.core.models import Claim
from claimkb.core.units import parse_unit, registry
from claimkb.extract.tables import LANGUAGES, tables

#: How far before a duration its preposition may stand, in characters.
WINDOW = 40
#: Characters between a preposition and the number that do not break the phrase.
_GAP = "«»\"„“”'() \u00a0\u202f"


@dataclass(frozen=True)
class _Patterns:
    """The table's words of one language, compiled: a forward word ending the text before a
    duration or opening its surface, a backward word before it or right after it."""

    ahead_before: re.Pattern[str]
    ahead_opening: re.Pattern[str]
    past_before: re.Pattern[str]
    past_after: re.Pattern[str]
    superlative_before: re.Pattern[str] | None
    superlative_end: re.Pattern[str] | None


@cache
def _patterns(lang: str) -> _Patterns:
    words = tables(lang).deadlines

    def alternation(items: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

    ahead, past = alternation(words.ahead), alternation(words.past)
    most = alternation(words.superlatives)
    words_after = rf"(?<!\w)(?:{most})(?:\s+\w+){{0,3}}"
    superlative = (
        re.compile(rf"{words_after}\s+(?:{ahead})[{_GAP}]*$", re.IGNORECASE) if most else None
    )
    superlative_end = re.compile(rf"{words_after}[{_GAP}]*$", re.IGNORECASE) if most else None
    return _Patterns(
        ahead_before=re.compile(rf"(?:^|\W)(?:{ahead})[{_GAP}]*$", re.IGNORECASE),
        ahead_opening=re.compile(rf"(?:{ahead})\W", re.IGNORECASE),
        past_before=re.compile(rf"(?:^|\W)(?:{past})(?:\W+\w+)?[{_GAP}]*$", re.IGNORECASE),
        past_after=re.compile(rf"^[{_GAP}]*(?:{past})(?:\W|$)", re.IGNORECASE),
        superlative_before=superlative,
        superlative_end=superlative_end,
    )


def counts_forward(claim: Claim, text: str) -> bool:
    """Whether the duration claim ``claim`` of ``text`` is a deadline from the day it was
    said."""
    if claim.quantity.kind != "duration" or claim.lang not in LANGUAGES:
        return False
    found = _patterns(claim.lang)
    before = text[max(0, claim.start - WINDOW) : claim.start]
    after = text[claim.end : claim.end + WINDOW]
    if found.past_before.search(before) or found.past_after.search(after):
        return False
    opening = found.ahead_opening.match(claim.surface + " ")
    if found.superlative_before and found.superlative_before.search(before):
        return False
    if opening and found.superlative_end and found.superlative_end.search(before):
        return False
    return bool(found.ahead_before.search(before) or opening)


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, kept within the month it lands in (31 Jan + 1 → 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def due_after_span(claim: Claim, said: dt.date | None) -> dt.date | None:
    """``said`` plus the longest span a duration claim allows (the upper end of "1 bis 2
    Jahren", the bound of "в течение 36 месяцев или меньше"); None without an upper end or
    without the day it was said. Whether the span counts forward is ``counts_forward``'s
    question, asked by the caller."""
    q = claim.quantity
    longest = q.high if q.high is not None else q.value
    if said is None or longest is None or q.bound in (">", ">="):
        return None
    months = registry().Quantity(longest, parse_unit(q.unit)).to("month").magnitude
    whole = round(months)
    if abs(months - whole) < 1e-9:
        return _add_months(said, whole)
    days = registry().Quantity(longest, parse_unit(q.unit)).to("day").magnitude
    return said + dt.timedelta(days=days)


def deadline(claim: Claim, text: str, said: dt.date | None) -> dt.date | None:
    """When a duration claim of ``text`` falls due as a deadline: ``due_after_span`` when it
    counts forward from the day it was said, else None."""
    return due_after_span(claim, said) if counts_forward(claim, text) else None
