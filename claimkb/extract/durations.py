"""A span of clock time written in two units is one duration: "zwei Stunden und zehn
Minuten" is 66 minutes, "2 hours 30 minutes" 150 minutes. Calendar units stay as written
("21 years and 6 months" is two quantities): an age or a term is quoted that way, and a
month has no fixed number of days.

The scanner reads each part as a quantity of its own; a fact-checker compares the whole.
Two durations merge when the second's unit is smaller, nothing but spaces or the
language's "and" (``words.yaml``: ``and_words``) stands between them, and neither is a
range or a bound on its own after the first (the first's hedge and bound hold for the
whole: "etwa zwei Stunden und zehn Minuten").
"""

from __future__ import annotations

import re
from functools import cache

from claimkb.extract.grammar import SPACE, alternation
from claimkb.extract.mention import Mention
from claimkb.extract.tables import tables

#: How many of the smaller unit one of the larger holds.
_RATIOS: dict[tuple[str, str], float] = {
    ("day", "hour"): 24,
    ("day", "minute"): 24 * 60,
    ("hour", "minute"): 60,
    ("hour", "second"): 3600,
    ("minute", "second"): 60,
}


@cache
def _joint(lang: str) -> re.Pattern[str]:
    ands = alternation(tables(lang).words.and_words, ignore_case=True) or "(?!)"
    return re.compile(rf"{SPACE}+(?:(?:{ands}){SPACE}+)?", re.IGNORECASE)


def join_durations(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """``mentions`` (in text order) with each duration in two units made one."""
    result: list[Mention] = []
    joint = _joint(lang)
    for mention in mentions:
        last = result[-1] if result else None
        merged = last and _merged(text, last, mention, joint)
        if merged:
            result[-1] = merged
        else:
            result.append(mention)
    return result


def _merged(text: str, first: Mention, second: Mention, joint: re.Pattern[str]) -> Mention | None:
    big, small = first.quantity, second.quantity
    ratio = _RATIOS.get((big.unit, small.unit))
    if ratio is None or big.kind != "duration" or small.kind != "duration":
        return None
    if not joint.fullmatch(text, first.end, second.start):
        return None
    plain = small.low is None and small.high is None and small.bound == "=" and not small.hedge
    ranged = big.bound == "=" and (big.low is not None or big.high is not None)
    if not plain or ranged or big.per or small.per:
        return None
    value = big.value * ratio + small.value
    bound_low = value if big.bound in (">", ">=") else None
    bound_high = value if big.bound in ("<", "<=") else None
    whole = big.model_copy(
        update={"value": value, "unit": small.unit, "low": bound_low, "high": bound_high}
    )
    return Mention(first.start, second.end, whole)
