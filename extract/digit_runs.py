"""Where the digits of a text stand, found in one pass, for every search that can only
begin at a digit or right before one.

Several whole-text searches begin at digits: numbers (``grammar.digits``), digits glued to
a currency code, and the page chrome of phone numbers, clock times and timestamps. Each
scanned the whole text for its first character, at 10 to 30 ns a character: together a
tenth of the time German text takes. Here one scan lists the runs of digits (about 17 ns
a character), and each search is tried only where its first character can stand next to
a run. ``finditer_at``
resumes after each match as ``finditer`` does, so each search gives exactly the matches
of its own ``finditer`` (``tests/test_prescan.py`` compares them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from extract.grammar import SPACE, VULGAR_FRACTIONS

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
        for mark in [*(sign + "." for sign in SIGNS), *VULGAR_FRACTIONS]:
            places.update(_occurrences(text, mark))
        return sorted(places)

    def numbers(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer`` for a pattern of numbers in digits that
        begins as ``number_places`` says, and may open with one space before a vulgar
        fraction (" ½")."""
        text = self.text
        resume = 0
        match = pattern.match
        for pos in self.number_places():
            if pos < resume:
                continue
            spaced = (
                text[pos] in VULGAR_FRACTIONS
                and pos - 1 >= resume
                and _SPACE.match(text, pos - 1) is not None
            )
            found = (spaced and match(text, pos - 1)) or match(text, pos)
            if found:
                resume = max(found.end(), found.start() + 1)
                yield found


def finditer_at(
    pattern: re.Pattern[str], text: str, places: Iterable[int]
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, given, in order, every place where one
    can begin (for a pattern that never matches the empty string)."""
    resume = 0
    match = pattern.match
    for pos in places:
        if pos < resume:
            continue
        found = match(text, pos)
        if found:
            resume = found.end()
            yield found


def _occurrences(text: str, mark: str) -> Iterator[int]:
    """Where ``mark`` stands in ``text``: ``str.find`` skips to it far faster than a
    regex scan for a class."""
    at = text.find(mark)
    while at >= 0:
        yield at
        at = text.find(mark, at + 1)


def occurrences(text: str, marks: Iterable[str]) -> list[int]:
    """Where any of ``marks`` stands in ``text``, in order."""
    return sorted({at for mark in marks for at in _occurrences(text, mark)})
