"""Find page chrome: the parts of a captured page that are not the article.

Captured pages carry numbers nobody claimed — like counts under a post ("41", "1,45K"),
chapter timestamps ("0:36:46"), trending topics, URLs, bylines with times, YAML front
matter, section numbers. Masking them before the grammar runs keeps them out of the
knowledge base without teaching the grammar about web pages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from claimkb.extract.digit_runs import DigitRuns
from claimkb.extract.furniture import furniture_intervals
from claimkb.extract.grammar import SharedScan
from claimkb.extract.places import finditer_at, occurrences

Interval = tuple[int, int]

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|co|io|ru|de)/\S*")
#: "@name", "#topic", "$TSLA" after no word character. Patterns here open with their
#: first character and check what stands before it after it, and are tried only where
#: that character stands (``str.find`` and ``DigitRuns`` find those places).
_HANDLE_MARKS = "@#$"
_HANDLE = re.compile(r"[@#$](?<!\w[@#$])[A-Za-z_]\w*")
#: Phone numbers: "+1-222-2222-2222", "555-123-4567" (never space-grouped thousands); at
#: the "+" before a run of digits, or at a run's first digit.
_PHONE = re.compile(
    r"[+\d](?:(?<=\+)\d{1,3}(?:[-‑ /]\d{2,4}){2,}(?!\w)|(?<!\w\d)(?<=\d)\d{2}-\d{3,4}-\d{4}(?!\w))"
)
#: Clock times: "2 pm", "2.13 am", "2pm" (a time of day is not a claim here); at a run's
#: first digit, as no digit may stand before them.
_CLOCK = re.compile(r"(?<![\w.])\d{1,2}(?:[.:]\d{2})?\s?(?i:[ap]\.?m\.?|Uhr)(?![\w])")
_TIMESTAMP = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
#: A date and time: its four digits of the year end a run, before a hyphen.
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?")

#: A line that is only a count, as under a post: "41", "1,45K", "12.3M".
_COUNT_LINE = r"[ \t]*\d[\d.,]*[KkMm]?[ \t]*$"
#: A short line that ends in a clock time: a post's byline ("Dwarkesh Patel6. Feb., 01:09").
_BYLINE = r"[^\n]{0,60}\d{1,2}:\d{2}[ \t]*$"
#: Section and list numbers at the start of a heading line: "01. Optimus", "Abschnitt 1 |".
_SECTION_NUMBER = r"[ \t]*\d{1,2}\.(?=[ \t]+\S)"
#: A line that is only "#": the next line is a trending topic.
_TOPIC = r"#[ \t]*\n[^\n]*$"
_TRENDING_HEADER = r"(?:Trend-Themen|Trending|Актуальные темы)[^\n]*$"
#: The patterns above start a line, and are looked for together at each line start.
_AT_LINE_STARTS = SharedScan(
    "^", [_COUNT_LINE, _BYLINE, _SECTION_NUMBER, _TOPIC, _TRENDING_HEADER], re.MULTILINE
)


def chrome_intervals(
    text: str, document_start: bool = True, runs: DigitRuns | None = None
) -> list[Interval]:
    """Sorted, merged character intervals of ``text`` that are page chrome. Front matter
    is looked for only when ``text`` begins the document. ``runs`` are the text's digits,
    where the caller has found them already."""
    return _merge(sorted(_find_all(text, document_start, runs or DigitRuns(text))))


def _find_all(text: str, document_start: bool, runs: DigitRuns) -> Iterator[Interval]:
    front = _FRONT_MATTER.match(text) if document_start else None
    if front:
        yield front.span()
    for start, end in _lines_with_url_marks(text):
        for found in _URL.finditer(text, start, end):
            yield found.span()
    for found in finditer_at(_HANDLE, text, occurrences(text, _HANDLE_MARKS)):
        yield found.span()
    for found in _at_digits(runs):
        yield found.span()
    for matches in _AT_LINE_STARTS.matches(text):
        for found in matches:
            yield found.span()
    yield from furniture_intervals(text, runs)


def _at_digits(runs: DigitRuns) -> Iterator[re.Match[str]]:
    """Phone numbers, clock times, timestamps and dates with a time, each tried only
    where it can begin next to a run of digits."""
    text, starts = runs.text, runs.starts
    yield from finditer_at(_PHONE, text, sorted({*starts, *(s - 1 for s in runs.after("+"))}))
    spans = list(zip(starts, runs.ends, strict=True))
    # Both begin with one or two digits and then no digit.
    short = [start for start, end in spans if end - start <= 2]
    yield from finditer_at(_CLOCK, text, short)
    yield from finditer_at(_TIMESTAMP, text, short)
    years = [end - 4 for start, end in spans if end - start >= 4 and text[end : end + 1] == "-"]
    yield from finditer_at(_ISO_DATETIME, text, years)


def _lines_with_url_marks(text: str) -> list[Interval]:
    """The lines that hold a "/" or "www.": a URL has one, and no line break, so ``_URL``
    is looked for only there (most lines have neither)."""
    lines: list[Interval] = []
    for mark in ("/", "www."):
        at = text.find(mark)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            lines.append((start, end))
            at = text.find(mark, end)
    return sorted(set(lines))


def _merge(intervals: list[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in intervals:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class Mask:
    """Answers "is this offset chrome?" in O(log n) for the scanner."""

    def __init__(self, intervals: list[Interval]) -> None:
        self._starts = [start for start, _ in intervals]
        self._intervals = intervals

    def covers(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a chrome interval."""
        index = bisect_right(self._starts, end - 1) - 1
        return index >= 0 and self._intervals[index][1] > start
