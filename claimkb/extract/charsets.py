"""What a regular expression's match can begin or end with, for cheap pre-filters.

A large alternation tried at many places costs the regex engine a walk through all its
branches at each place. Where the character a match must begin with (or the last few
characters it must end with) are known to fall outside a small set, the pattern cannot
match there and need not be tried. The sets computed here are supersets: what is outside
never begins (ends) a match; what is inside may or may not. ``None`` stands for "anything"
(a class such as ``\\w``, ``.``, or a form that can match the empty string), where no
pre-filter is possible.

First characters are widened to every character the regex engine matches under
IGNORECASE, so a set is safe whatever flags the pattern is compiled with; last strings are
as the pattern writes them, to be compared ignoring case.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cache
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _regex_parser  # type: ignore[attr-defined]
from typing import Any

#: Characters that Python's regex engine also matches for a letter under IGNORECASE, besides
#: its upper and lower case (Kelvin sign, long s, dotted and dotless i, capital sharp s, the
#: old Cyrillic letter shapes); found by trying every code point on Python 3.11.
OTHER_CASES = {
    "i": "\u0130\u0131",
    "k": "\u212a",
    "s": "\u017f",
    "ß": "\u1e9e",
    "в": "\u1c80",
    "д": "\u1c81",
    "о": "\u1c82",
    "с": "\u1c83",
    "т": "\u1c84\u1c85",
    "ъ": "\u1c86",
}
#: The widest character range still listed character by character.
_MAX_RANGE = 512

Chars = frozenset[str] | None


def first_chars(pattern: str) -> Chars:
    """Every character a match of ``pattern`` can begin with, or ``None`` for any (or for
    a pattern that can match the empty string)."""
    chars, nullable = _edge(_regex_parser.parse(pattern))
    return None if chars is None or nullable else _with_cases(chars)


def case_variants(chars: Iterable[str]) -> frozenset[str]:
    """``chars`` and every character that matches one of them under IGNORECASE."""
    return _with_cases(set(chars))


def union(sets: Iterable[Chars]) -> Chars:
    """The union of several sets; ``None`` if any of them is ``None``."""
    result: set[str] = set()
    for chars in sets:
        if chars is None:
            return None
        result |= chars
    return frozenset(result)


def _with_cases(chars: set[str]) -> frozenset[str]:
    """``chars`` and every character that matches one of them under IGNORECASE: closed
    under upper and lower case ("µ", "Μ", "μ"), with the extra forms of ``OTHER_CASES``."""
    wide = set(chars)
    pending = list(chars)
    while pending:
        char = pending.pop()
        variants = [char.lower(), char.upper(), char.casefold()]
        for letter, others in OTHER_CASES.items():
            if char in (letter, letter.upper()) or char in tuple(others):
                variants += [letter, letter.upper(), *others]
        for variant in variants:
            if len(variant) == 1 and variant not in wide:
                wide.add(variant)
                pending.append(variant)
    return frozenset(wide)


def _edge(items: Any) -> tuple[set[str] | None, bool]:
    """The characters the sequence ``items`` (parsed regex) can begin with, and whether it
    can match the empty string."""
    chars: set[str] = set()
    for op, arg in items:
        item, nullable = _item(op, arg)
        if item is None:
            return None, False
        chars |= item
        if not nullable:
            return chars, False
    return chars, True


def _item(op: Any, arg: Any) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {chr(arg)}, False
    if op is _c.IN:
        return _in_set(arg), False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero width: the next item decides
    if op is _c.SUBPATTERN:
        return _edge(arg[-1])
    if op is _c.ATOMIC_GROUP:
        return _edge(arg)
    if op is _c.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in arg[1]:
            found, empty = _edge(branch)
            if found is None:
                return None, False
            chars |= found
            nullable = nullable or empty
        return chars, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, body = arg
        if high == 0:
            return set(), True
        found, empty = _edge(body)
        return found, empty or low == 0
    return None, False  # ANY, NOT_LITERAL, GROUPREF, categories: any character


def _in_set(members: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in members:
        if op is _c.LITERAL:
            chars.add(chr(arg))
        elif op is _c.RANGE and arg[1] - arg[0] <= _MAX_RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            chars |= _decimal_digits()
        else:
            return None  # a negated set, a category, a very wide range
    return chars


@cache
def _decimal_digits() -> frozenset[str]:
    """Every character ``\\d`` matches in a str pattern: the Unicode decimal digits."""
    return frozenset(chr(code) for code in range(sys.maxunicode + 1) if chr(code).isdecimal())


#: The most strings ``last_strings`` keeps before it gives up (a class of many characters
#: repeated would list too many).
_MAX_STRINGS = 4096


def last_strings(pattern: str, length: int) -> frozenset[str] | None:
    """The last ``length`` characters of every match of ``pattern`` (the whole match, where
    one is shorter), as the pattern writes them (compare them ignoring case); ``None``
    where that cannot be listed (any character, too many strings, or a pattern that can
    match the empty string).

    A text where no string of the set ends at ``end`` holds no match that ends there."""
    found = _Ends(length, first=False).of(_regex_parser.parse(pattern))
    if found is None or "" in found:
        return None
    return frozenset(found)


#: Marks a head that stops short of ``length`` because a character the head does not list
#: (a wide class, any character) follows: any continuation may follow it.
_OPEN_END = "\x00"
#: The one character every decimal digit stands as in a head (a decimal digit literal too).
DIGIT = "0"
#: Horizontal white space that numbers and their words are written with ("\u00a0",
#: "\u202f", ...), and the one character each stands as in a head.
BLANKS = " \u00a0\u202f\u2009\t"
BLANK = " "
#: The most characters of a class a head still lists; a wider class ends the head.
_MAX_HEAD_CLASS = 64


def first_strings(pattern: str, length: int) -> frozenset[str] | None:
    """The first ``length`` characters of every match of ``pattern``, as the pattern writes
    them (compare them ignoring case), every decimal digit written as ``DIGIT`` and every
    character of ``BLANKS`` as ``BLANK``; ``None``
    where that cannot be listed (a match can begin with any character, or be empty, or the
    strings are too many).

    A head shorter than ``length`` is a whole match, or stops where the pattern allows
    characters too many to list ("ab\\w+" gives "ab"). A text where no head starts at a
    place holds no match that starts there."""
    found = _Ends(length, first=True).of(_regex_parser.parse(pattern))
    if found is None or "" in found or _OPEN_END in found:
        return None
    return frozenset(head.removesuffix(_OPEN_END) for head in found)


class _Ends:
    """The first (``first``) or last ``length`` characters of every match of a parsed
    regex: heads for ``first_strings``, tails for ``last_strings``. Both walk the pattern
    the same way; they differ in the end they grow from, in how a head writes digits and
    blanks, and in what a class too wide to list does (it ends a head, ``_OPEN_END``; it
    makes the tails unlistable, None)."""

    def __init__(self, length: int, first: bool) -> None:
        self.length = length
        self.first = first

    def of(self, items: Any) -> set[str] | None:
        """The strings of the parsed sequence ``items``."""
        result: set[str] | None = {""}
        parsed: list[tuple[Any, Any]] = list(items)
        for op, arg in parsed if self.first else parsed[::-1]:
            if result is None or not any(self._growing(end) for end in result):
                break
            item = self._item(op, arg)
            if item is None:
                return None
            result = self._then(result, item) if self.first else self._then(item, result)
        return result

    def _growing(self, end: str) -> bool:
        return len(end) < self.length and not end.endswith(_OPEN_END)

    def _then(self, left: set[str], right: set[str]) -> set[str] | None:
        """The strings of a match of ``left`` followed by a match of ``right``: a head of
        ``left`` grows by ``right``'s, a tail of ``right`` by ``left``'s."""
        joined: set[str] = set()
        if self.first:
            for head in left:
                if self._growing(head):
                    joined.update((head + tail)[: self.length] for tail in right)
                else:
                    joined.add(head)
        else:
            for tail in right:
                if self._growing(tail):
                    joined.update((head + tail)[-self.length :] for head in left)
                else:
                    joined.add(tail)
        return joined if len(joined) <= _MAX_STRINGS else None

    def _item(self, op: Any, arg: Any) -> set[str] | None:
        if op is _c.LITERAL:
            return {self._char(chr(arg))}
        if op is _c.IN:
            return self._class(arg)
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return {""}  # zero width
        if op is _c.SUBPATTERN:
            return self.of(arg[-1])
        if op is _c.ATOMIC_GROUP:
            return self.of(arg)
        if op is _c.BRANCH:
            found: set[str] = set()
            for branch in arg[1]:
                strings = self.of(branch)
                if strings is None:
                    return None
                found |= strings
            return found
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            return self._repeat(*arg)
        # any character, a category, a back reference: a head ends here, tails are lost
        return {_OPEN_END} if self.first else None

    def _repeat(self, low: int, high: int, body: Any) -> set[str] | None:
        once = self.of(body)
        if once is None:
            return None
        # Copies beyond ``length`` change nothing at either end, and neither do empty ones.
        found = {""} if low == 0 else set()
        repeated: set[str] | None = {""}
        for copies in range(1, min(high, self.length) + 1):
            repeated = self._then(repeated or set(), once)
            if repeated is None:
                return None
            if copies >= min(low, self.length):
                found |= repeated
        return found

    def _char(self, char: str) -> str:
        if not self.first:
            return char
        if char.isdecimal():
            return DIGIT
        return BLANK if char in BLANKS else char

    def _class(self, members: Any) -> set[str] | None:
        if not self.first:
            chars = _in_set(members)
            return None if chars is None or len(chars) > _MAX_STRINGS else chars
        digit = (_c.CATEGORY, _c.CATEGORY_DIGIT)
        chars = _in_set([member for member in members if member != digit])
        if chars is None or len(chars) > _MAX_HEAD_CLASS:
            return {_OPEN_END}
        return ({DIGIT} if digit in members else set()) | {self._char(char) for char in chars}
