"""Unit words that need more than a table lookup: coins of a currency ("35 cents" is
0.35 dollars), unit words that open a phrase which is no unit ("year-over-year"), unit words
read without their scale ("2 degrees"), and units recorded as a multiple of another ("a
decade" is 10 years).

The scanner asks these questions only where a number stands, so each is one anchored match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimkb.extract.grammar import KeyedPattern, alternation
from claimkb.extract.tables import symbols, tables


@dataclass(frozen=True)
class _UnitForms:
    #: A coin word after a number: the key is its currency, the amount a hundredth of it.
    hundredths: KeyedPattern[str]
    #: A phrase starting with a unit word that states no unit ("year-over-year").
    not_units: re.Pattern[str]
    #: Unit words read without their scale, whole ("degrees", "Grad", "градусов").
    assumed: KeyedPattern[str]


@cache
def _forms(lang: str) -> _UnitForms:
    units = tables(lang).units
    not_units = alternation(units.not_units, ignore_case=True) or "(?!)"
    return _UnitForms(
        hundredths=KeyedPattern(units.hundredths, before=r"(?<![^\W\d_])"),
        not_units=re.compile(rf"(?:{not_units})(?!\w)", re.IGNORECASE),
        assumed=KeyedPattern(units.assumed, before=""),
    )


def hundredths_after(lang: str, text: str, pos: int) -> tuple[str, int] | None:
    """The currency of a coin word at ``pos`` ("cents", "Cent", "копеек") and its end."""
    return _forms(lang).hundredths.match(text, pos)


def opens_no_unit(lang: str, text: str, pos: int) -> bool:
    """True when the unit word at ``pos`` opens a phrase that is no unit of the number
    before it: "$7.1 billion year-over-year" is money compared with a year before."""
    return _forms(lang).not_units.match(text, pos) is not None


def assumed_note(lang: str, unit: str, text: str, start: int, end: int) -> str | None:
    """Why the unit written in ``text[start:end]`` may be another than ``unit``: a unit
    word without its scale ("2 Grad" read as Celsius), else None."""
    notes = symbols().assumed_notes
    if unit not in notes:
        return None
    found = _forms(lang).assumed.match(text, start)
    if found is None or found[0] != unit or found[1] != end:
        return None
    return notes[unit]


def in_base_unit(unit: str) -> tuple[str, float]:
    """The unit a multiple is recorded in, and the factor: "decade_of_years" is 10 years,
    so "within a decade" compares with "in 10 years"; other units stay as they are."""
    multiple = symbols().multiples.get(unit)
    return (multiple[0], float(multiple[1])) if multiple else (unit, 1.0)
