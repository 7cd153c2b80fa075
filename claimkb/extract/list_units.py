"""Units that prose writes once for several numbers, and "points" that are percentage points.

A list states its unit after the last number only: "75 or 50 percent", "5, 7 and 9 percent",
"von 48 auf 66 Prozent". Each number of it is a percentage, not a count. And after a
percentage, "up 8 points" in the same sentence is a difference of percentages: 8 percentage
points. Both are read over the quantities of a text once it is scanned, looking only at the
next quantity or back within one sentence, so the pass is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimkb.core.units import kind_of_unit
from claimkb.extract.grammar import SPACE, alternation, grammar
from claimkb.extract.mention import Mention
from claimkb.extract.numbers import read_number, times_scale
from claimkb.extract.tables import tables

#: The longest text between two numbers of one list.
_MAX_JOINT = 32
#: How far back in its sentence a percentage makes "points" percentage points.
_POINTS_REACH = 200
#: A sentence ends at one of these marks before a space or the end of a line.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
#: Kinds whose unit a bare number before them in a list may share.
_SHARED_KINDS = frozenset({"measure", "money", "percent", "duration"})


@dataclass(frozen=True)
class _ListForms:
    #: The whole text between two numbers of a list ("; ", " und ", ", or ").
    joint: re.Pattern[str]
    #: Only a comma between them: a list only where the next number's unit is shared too.
    comma: re.Pattern[str]
    #: The word between the two numbers of a change, keyed by the frame's opening word.
    change_to: re.Pattern[str]
    #: A frame's opening word right before the first number ("von").
    change_from: re.Pattern[str]
    #: "points", "Punkte", "пунктов" after a number, after spaces.
    points: re.Pattern[str]
    #: What joins such points to the percentage they lead to ("to", ", до").
    points_then: re.Pattern[str]


def _spaced(form: str) -> str:
    return form.replace(" ", f"{SPACE}+")


@cache
def _forms(lang: str) -> _ListForms:
    units = tables(lang).units
    joints = "|".join(_spaced(form) for form in units.list_joints) or "(?!)"
    froms = alternation([opening for opening, _ in units.change_frames], ignore_case=True)
    tos = alternation([closing for _, closing in units.change_frames], ignore_case=True)
    points = alternation(units.points, ignore_case=True) or "(?!)"
    then = alternation(units.points_then, ignore_case=True) or "(?!)"
    return _ListForms(
        joint=re.compile(rf"{SPACE}*(?:{joints}){SPACE}*", re.IGNORECASE),
        comma=re.compile(rf"{SPACE}*,{SPACE}*"),
        change_to=re.compile(rf"{SPACE}+(?:{tos or '(?!)'}){SPACE}+", re.IGNORECASE),
        change_from=re.compile(rf"(?<!\w)(?:{froms or '(?!)'}){SPACE}+$", re.IGNORECASE),
        points=re.compile(rf"{SPACE}+(?:{points})(?!\w)", re.IGNORECASE),
        points_then=re.compile(rf",?{SPACE}+(?:{then}){SPACE}+", re.IGNORECASE),
    )


def _bare_count(mention: Mention) -> bool:
    q = mention.quantity
    return q.kind == "count" and q.unit == "dimensionless" and q.counted is None


def _unit_unwritten(text: str, mention: Mention) -> bool:
    """True when the quantity ends with its number: its unit was shared from the next."""
    return mention.end > 0 and text[mention.end - 1].isdigit()


def share_list_units(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """Bare numbers of a list take the unit written after its last number, and its scale
    word; the numbers of a change ("von drei auf sieben Milliarden Dollar") those of the second.
    ``mentions`` are in text order."""
    forms = _forms(lang)
    result = list(mentions)
    #: The scale each quantity of the list has or was given ("9 million": 1e6).
    factors: dict[int, float] = {}
    for index in range(len(result) - 2, -1, -1):
        here, after = result[index], result[index + 1]
        unit = after.quantity.unit
        shared_before = here.quantity.unit == unit and _unit_unwritten(text, here)
        if not (_bare_count(here) or shared_before) or kind_of_unit(unit) not in _SHARED_KINDS:
            continue
        if after.start - here.end > _MAX_JOINT:
            continue
        if forms.comma.fullmatch(text, here.end, after.start):
            # "Of the 30, 12 percent": a comma alone joins a list only when the next
            # number shares the unit of one after it ("5, 7 and 9 percent")
            if not _unit_unwritten(text, after):
                continue
        elif not forms.joint.fullmatch(text, here.end, after.start) and not (
            forms.change_to.fullmatch(text, here.end, after.start)
            and forms.change_from.search(text, max(0, here.start - 12), here.start)
        ):
            continue
        update: dict[str, object] = {"unit": unit, "kind": kind_of_unit(unit)}
        factor = factors.get(index + 1) or _scale_written(text, after, lang)
        if factor > 1 and _unscaled(text, here, lang):
            factors[index] = factor
            q = here.quantity
            update["value"] = times_scale(q.value, factor)
            update["low"] = None if q.low is None else times_scale(q.low, factor)
            update["high"] = None if q.high is None else times_scale(q.high, factor)
        result[index] = Mention(here.start, here.end, here.quantity.model_copy(update=update))
    return result


def _scale_written(text: str, mention: Mention, lang: str) -> float:
    """The factor of the scale word of the number that opens ``mention`` ("acht Milliarden":
    1e9), 1 without one."""
    number = read_number(grammar(lang), text, mention.start)
    if number is None or not number.has_scale:
        return 1.0
    if number.factor > 1:
        return number.factor
    factor = 1.0  # a number in words carries its scale in its value
    while abs(number.value) / (factor * 1000) >= 1 and factor < 1e12:
        factor *= 1000
    return factor if factor >= 1000 else 1.0


def _unscaled(text: str, mention: Mention, lang: str) -> bool:
    """True when ``mention`` is a number alone, without a scale word of its own."""
    number = read_number(grammar(lang), text, mention.start)
    if number is None or number.has_scale or number.end != mention.end:
        return False
    # an earlier rule may have given it the scale already (the old value of a change pair)
    return bool(number.value == mention.quantity.value)


def percentage_points(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """ "3.7 percent, up 8 points": a bare count followed by "points" is percentage points
    where a percentage stands before it in its sentence, or right after it as the level
    they lead to ("up 2.1 points to 54.3 percent"); a stock index's "200 points" has none,
    and is no more than 100 points."""
    forms = _forms(lang)
    result = list(mentions)
    last_percent: Mention | None = None
    for index, mention in enumerate(result):
        q = mention.quantity
        if q.kind == "percent":
            last_percent = mention
            continue
        if not _bare_count(mention) or abs(q.value) > 100:
            continue
        word = forms.points.match(text, mention.end)
        if word is None:
            continue
        nxt = result[index + 1] if index + 1 < len(result) else None
        then = forms.points_then.match(text, word.end())
        # the percentage starts right after the joining word, or with it ("до 54%")
        leads_to = (
            nxt is not None
            and then is not None
            and nxt.quantity.kind == "percent"
            and word.end() <= nxt.start <= then.end()
        )
        if not leads_to and (
            last_percent is None
            or mention.start - last_percent.end > _POINTS_REACH
            or _SENTENCE_END.search(text, last_percent.end, mention.start)
        ):
            continue
        update = {"unit": "percentage_point", "kind": "percent"}
        result[index] = Mention(mention.start, word.end(), q.model_copy(update=update))
    return result
