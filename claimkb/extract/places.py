"""A pattern's ``finditer`` matches, found by trying it only at the places where a match
can begin.

A regex scan for a pattern's first character tests every character of the text (10 to 30
ns each for a class); ``str.find`` skips to a literal mark far faster, and one scan can
list the places several patterns need (``digit_runs``). ``finditer_at`` then resumes after
each match as ``finditer`` does, so given every place where a match can begin it gives
exactly the matches of ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator


def finditer_at(
    pattern: re.Pattern[str],
    text: str,
    places: Iterable[int],
    opens_before: Callable[[int], bool] | None = None,
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, given, in order, every place where one
    can begin; where ``opens_before(place)`` holds, a match may also begin one character
    earlier, and is tried there first. For patterns that never match the empty string."""
    resume = 0
    match = pattern.match
    for pos in places:
        if pos < resume:
            continue
        earlier = opens_before is not None and pos - 1 >= resume and opens_before(pos)
        found = (earlier and match(text, pos - 1)) or match(text, pos)
        if found:
            resume = found.end()
            yield found


def occurrences(text: str, marks: Iterable[str]) -> list[int]:
    """Where any of ``marks`` (strings) stands in ``text``, in order."""
    return sorted({at for mark in marks for at in _occurrences(text, mark)})


def line_starts(text: str) -> Iterator[int]:
    """Where "^" matches under MULTILINE: the start, and after every line feed."""
    yield 0
    for at in _occurrences(text, "\n"):
        yield at + 1


def _occurrences(text: str, mark: str) -> Iterator[int]:
    at = text.find(mark)
    while at >= 0:
        yield at
        at = text.find(mark, at + 1)
