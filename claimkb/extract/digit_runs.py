"""Where the digits of a text stand, found in one pass, for every search that can only
begin at a digit or right before one.

Several whole-text searches begin at digits: numbers (``grammar.digits``), digits glued to
a currency code, and the page chrome of phone numbers, clock times and timestamps. Each
scanned the whole text for its first character, at 10 to 30 ns a character: together a
tenth of the time German text takes. Here one scan lists the runs of digits (about 17 ns
a character), and each search is tried only where its first character can stand next to
a run (``places.finditer_at``: the same matches as its own ``finditer``, which
``tests/test_prescan.py`` compares).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimkb.extract.grammar import SPACE, VULGAR_FRACTIONS
from claimkb.extract.places import finditer_at, occurrences

_RUN = re.compile(r"\d+")
_SPACE = re.compile(SPACE)
#: Signs a number in digits may open with.
SIGNS = "+-−"


class DigitRuns:
    """The maximal runs of digits (``\\d``) of one text, as parallel lists of starts and
    ends. A run never begins inside another: what stands before a run is no digit."""

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [found.span() for found in _RUN.finditer(text)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def after(self, chars: str | frozenset[str]) -> list[int]:
        """The starts of the runs right after one of ``chars``."""
        text = self.text
        return [start for start in self.starts if start and text[start - 1] in chars]

    def number_places(self) -> list[int]:
        """Every place a number in digits can begin: a run (a number never begins inside
        one: a digit is a word character, and none may stand before a number), the dot of
        ".25", a sign before a digit or a dot, a vulgar fraction (``numbers`` also tries
        the one space that may stand before it)."""
        text = self.text
        places = set(self.starts)
        for start in self.starts:
            if start and (text[start - 1] == "." or text[start - 1] in SIGNS):
                places.add(start - 1)
        places.update(occurrences(text, [*(sign + "." for sign in SIGNS), *VULGAR_FRACTIONS]))
        return sorted(places)

    def numbers(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer`` for a pattern of numbers in digits that
        begins as ``number_places`` says, and may open with one space before a vulgar
        fraction (" ½")."""
        text = self.text

        def spaced(pos: int) -> bool:
            return text[pos] in VULGAR_FRACTIONS and _SPACE.match(text, pos - 1) is not None

        return finditer_at(pattern, text, self.number_places(), opens_before=spaced)
