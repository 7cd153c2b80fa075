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
    found = _tails(_regex_parser.parse(pattern), length)
    if found is None or "" in found:
        return None
    return frozenset(found)


def _tails(items: Any, length: int) -> set[str] | None:
    """The last ``length`` characters of every match of the parsed sequence ``items``, as
    written in the pattern (the whole match, where one is shorter)."""
    result: set[str] | None = {""}
    parsed: list[tuple[Any, Any]] = list(items)
    for op, arg in parsed[::-1]:
        item = _item_tails(op, arg, length)
        if item is None or result is None:
            return None
        result = _joined(item, result, length)
    return result


def _joined(left: set[str], right: set[str], length: int) -> set[str] | None:
    """The tails of a match of ``left`` followed by a match of ``right``."""
    joined = set()
    for tail in right:
        if len(tail) >= length:
            joined.add(tail)
            continue
        joined.update((head + tail)[-length:] for head in left)
    return joined if len(joined) <= _MAX_STRINGS else None


def _item_tails(op: Any, arg: Any, length: int) -> set[str] | None:
    if op is _c.LITERAL:
        return {chr(arg)}
    if op is _c.IN:
        chars = _in_set(arg)
        return None if chars is None or len(chars) > _MAX_STRINGS else set(chars)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}
    if op is _c.SUBPATTERN:
        return _tails(arg[-1], length)
    if op is _c.ATOMIC_GROUP:
        return _tails(arg, length)
    if op is _c.BRANCH:
        tails: set[str] = set()
        for branch in arg[1]:
            found = _tails(branch, length)
            if found is None:
                return None
            tails |= found
        return tails
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, body = arg
        once = _tails(body, length)
        if once is None:
            return None
        # Copies beyond ``length`` change nothing in the last ``length`` characters, and
        # neither do empty ones.
        tails = {""} if low == 0 else set()
        repeated: set[str] | None = {""}
        for copies in range(1, min(high, length) + 1):
            repeated = _joined(once, repeated or set(), length)
            if repeated is None:
                return None
            if copies >= min(low, length):
                tails |= repeated
        return tails
    return None


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
    found = _heads(_regex_parser.parse(pattern), length)
    if found is None or "" in found or _OPEN_END in found:
        return None
    return frozenset(head.removesuffix(_OPEN_END) for head in found)


def _head_char(char: str) -> str:
    if char.isdecimal():
        return DIGIT
    return BLANK if char in BLANKS else char


def _growing(head: str, length: int) -> bool:
    return len(head) < length and not head.endswith(_OPEN_END)


def _followed(left: set[str], right: set[str], length: int) -> set[str] | None:
    """The heads of a match of ``left`` followed by a match of ``right``."""
    joined: set[str] = set()
    for head in left:
        if _growing(head, length):
            joined.update((head + tail)[:length] for tail in right)
        else:
            joined.add(head)
    return joined if len(joined) <= _MAX_STRINGS else None


def _heads(items: Any, length: int) -> set[str] | None:
    """The first ``length`` characters of every match of the parsed sequence ``items``."""
    result: set[str] | None = {""}
    for op, arg in items:
        if result is None or not any(_growing(head, length) for head in result):
            break
        item = _item_heads(op, arg, length)
        if item is None:
            return None
        result = _followed(result, item, length)
    return result


def _item_heads(op: Any, arg: Any, length: int) -> set[str] | None:
    if op is _c.LITERAL:
        return {_head_char(chr(arg))}
    if op is _c.IN:
        digits = {DIGIT} if (_c.CATEGORY, _c.CATEGORY_DIGIT) in arg else set()
        chars = _in_set([member for member in arg if member != (_c.CATEGORY, _c.CATEGORY_DIGIT)])
        if chars is None or len(chars) > _MAX_HEAD_CLASS:
            return {_OPEN_END}
        return digits | {_head_char(char) for char in chars}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}
    if op is _c.SUBPATTERN:
        return _heads(arg[-1], length)
    if op is _c.ATOMIC_GROUP:
        return _heads(arg, length)
    if op is _c.BRANCH:
        heads: set[str] = set()
        for branch in arg[1]:
            found = _heads(branch, length)
            if found is None:
                return None
            heads |= found
        return heads
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, body = arg
        once = _heads(body, length)
        if once is None:
            return None
        # Copies beyond ``length`` change nothing in the first ``length`` characters.
        heads = {""} if low == 0 else set()
        repeated: set[str] | None = {""}
        for copies in range(1, min(high, length) + 1):
            repeated = _followed(repeated or set(), once, length)
            if repeated is None:
                return None
            if copies >= min(low, length):
                heads |= repeated
        return heads
    return {_OPEN_END}  # any character, a category, a back reference: the head ends here
