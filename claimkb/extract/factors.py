"""Factors stated by a word: "verdoppelt", "втрое", "zwanzigmal", "fourfold", and their
bounds and ranges ("more than tripled", "более чем вдвое", "zwei- bis dreimal").

A factor is often written as one word: a verb or adverb of the language
(``modifiers.yaml``: ``multiplier_words``), or a number word with a factor ending glued to
it (``units.yaml``: ``glued_suffixes`` of ``times``: "zwanzig|mal", "four|fold"). The second
kind is generated from the number words, so every number word up to the hundreds reads,
not only the ones someone listed. One is left out: "einmal" and "einfach" are adverbs.
"""

from __future__ import annotations

import re
from functools import cache

from claimkb.extract.grammar import SPACE, alternation
from claimkb.extract.tables import NumberTable, load_language_file, tables

#: How far before a factor word the lower end of its range may start ("zwei- bis ").
_RANGE_REACH = 24


@cache
def factor_words(lang: str) -> dict[int, list[str]]:
    """Every word that states a factor, by its factor: the listed multiplier words and each
    number word from 2 with each factor ending glued to it."""
    t = tables(lang)
    words: dict[int, list[str]] = {k: list(v) for k, v in t.modifiers.multiplier_words.items()}
    suffixes = t.units.glued_suffixes.get("times", [])
    numbers = load_language_file(lang, "numbers.yaml", NumberTable)
    stems: dict[int, tuple[str, ...]] = {**numbers.units, **numbers.teens, **numbers.tens}
    for scale in numbers.scales:
        if scale.value in (100, 1000) and scale.forms:
            stems[scale.value] = scale.forms
    for value, forms in sorted(stems.items()):
        if value < 2:
            continue
        glued = [f"{re.escape(form)}{suffix}" for form in forms for suffix in suffixes]
        words.setdefault(value, []).extend(glued)
    return words


@cache
def _range_before(lang: str) -> re.Pattern[str]:
    """The lower end and connector before a factor word: "zwei- bis ", "two- to ", "2–"."""
    connectors = tables(lang).modifiers.range_connectors
    joint = alternation((re.escape(c) if len(c) == 1 else c for c in connectors), ignore_case=True)
    return re.compile(
        rf"(?<![\w.,])(?P<low>[^\W_]+)[-‑]?(?:{SPACE}*(?:{joint}){SPACE}*)$", re.IGNORECASE
    )


def range_low(text: str, start: int, lang: str) -> tuple[int, int, int] | None:
    """The start, end and text position after the lower end of a factor range whose upper
    end is the factor word at ``start`` ("zwei- bis |dreimal"), or None. The caller reads
    the number there."""
    found = _range_before(lang).search(text, max(0, start - _RANGE_REACH), start)
    if found is None or found.end() != start:
        return None
    return found.start("low"), found.end("low"), found.end()
