"""Bounds glued to the end of a quantity: "40%+", "50+ countries", "a 50-plus crowd".

The bound phrases after a number ("or more", "und mehr") start after a word boundary; these
stand right after the last digit or the unit, so they are read at the quantity's end with
no boundary before them (``modifiers.yaml``: ``bounds_glued``). A sign before a digit
("50+3") is arithmetic, not a bound.
"""

from __future__ import annotations

from functools import cache

from claimkb.extract.grammar import KeyedPattern
from claimkb.extract.tables import tables


@cache
def _pattern(lang: str) -> KeyedPattern[str]:
    forms = {str(sign): words for sign, words in tables(lang).modifiers.bounds_glued.items()}
    return KeyedPattern(forms, before="", after=r"(?![\w+])")


def glued_bound(text: str, end: int, lang: str) -> tuple[str, int] | None:
    """The bound glued at ``end`` (the end of a quantity) and where it ends, or None."""
    return _pattern(lang).match(text, end)
