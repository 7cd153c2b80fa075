"""Dates and deadlines as claims: "bis 2030", "im ersten Quartal 2026", "до 2030 года".

A date claim's ``time`` is ISO 8601: a year, a month, a day, or an interval for a quarter.
Relative dates ("nächsten Jahres", "следующего года", "Ende des Jahres") need a reference
date — the interview's, else the publication's — and are skipped without one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from claimkb.core.models import Quantity
from claimkb.extract.grammar import (
    SPACE,
    WORD_GUARD,
    WORD_LEAD,
    KeyedPattern,
    SharedScan,
    alternation,
    grammar,
    group_key,
    named_alternation,
)
from claimkb.extract.tables import LANGUAGES, tables

_S = f"{SPACE}+"
#: A four-digit number read as a year only inside this range.
YEARS = range(1900, 2101)


@dataclass(frozen=True)
class DateMention:
    """A date found in a text."""

    start: int
    end: int
    quantity: Quantity


Builder = Callable[[re.Match[str], "int | None"], "tuple[str, int] | None"]


def _named(forms: dict[int, list[str]], prefix: str) -> str:
    """The forms of each key in groups named ``<prefix><key>`` (``m`` for minus)."""
    return named_alternation(
        {f"{prefix}{key if key >= 0 else 'm' + str(-key)}": v for key, v in forms.items()},
        ignore_case=True,
    )


def _which(match: re.Match[str], prefix: str) -> int:
    for name, value in match.groupdict().items():
        if value is not None and name.startswith(prefix):
            digits = group_key(name)[len(prefix) :]
            return -int(digits[1:]) if digits.startswith("m") else int(digits)
    raise LookupError(prefix)


def _quarter(year: int, quarter: int) -> str:
    first = 3 * quarter - 2
    last_day = calendar.monthrange(year, first + 2)[1]
    return f"{year}-{first:02d}-01/{year}-{first + 2:02d}-{last_day:02d}"


def _year_of(match: re.Match[str], reference: int | None) -> int | None:
    if match.groupdict().get("year"):
        return int(match["year"])
    if any(k.startswith("rel") and v for k, v in match.groupdict().items()):
        return None if reference is None else reference + _which(match, "rel")
    return reference


def _any_language(words: Callable[[str], list[str]]) -> str:
    """The alternation of a list of ``dates.yaml`` of every language, escaped, in language
    order, each word once; never matches when there is none."""
    merged = dict.fromkeys(word for lang in LANGUAGES for word in words(lang))
    return "|".join(map(re.escape, merged)) or "(?!)"


@cache
def date_forms(lang: str) -> tuple[list[str], list[Builder]]:
    """The date forms of ``lang``, most specific first, as patterns to follow ``WORD_LEAD``
    (case-insensitive), and the builder of each."""
    d = tables(lang).dates
    months = _named(d.months, "mon")
    ordinals = _named(d.quarter_ordinals, "q")
    quarter_words = alternation(d.quarter_words, ignore_case=True)
    relative = _named(d.relative_years, "rel")
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)"
    after = f"(?:{_S}(?:{alternation(d.year_after, ignore_case=True)}))?" if d.year_after else ""
    year_or_relative = f"(?:{year}{after}|{relative})"

    def quarter(m: re.Match[str], ref: int | None) -> tuple[str, int] | None:
        y = _year_of(m, ref)
        return None if y is None else (_quarter(y, _which(m, "q")), y)

    def quarter_q(m: re.Match[str], ref: int | None) -> tuple[str, int] | None:
        y = int(m["year"])
        return _quarter(y, int(m["qn"])), y

    def day_month(m: re.Match[str], ref: int | None) -> tuple[str, int] | None:
        y = _year_of(m, ref)
        month, day = _which(m, "mon"), int(m["day"])
        if y is None or not 1 <= day <= calendar.monthrange(y, month)[1]:
            return None
        return f"{y}-{month:02d}-{day:02d}", y

    def month_year(m: re.Match[str], ref: int | None) -> tuple[str, int] | None:
        y = int(m["year"])
        return f"{y}-{_which(m, 'mon'):02d}", y

    def year_end(m: re.Match[str], ref: int | None) -> tuple[str, int] | None:
        y = _year_of(m, ref)
        return None if y is None else (f"{y}-12", y)

    def relative_year(m: re.Match[str], ref: int | None) -> tuple[str, int] | None:
        y = _year_of(m, ref)
        return None if y is None else (str(y), y)

    def iso_day(m: re.Match[str], ref: int | None) -> tuple[str, int] | None:
        try:
            day = dt.date.fromisoformat(m[0])
        except ValueError:
            return None
        return day.isoformat(), day.year

    def plain_year(m: re.Match[str], ref: int | None) -> tuple[str, int] | None:
        return m["year"], int(m["year"])

    links = _any_language(lambda code: tables(code).dates.quarter_links)
    code_links = _any_language(lambda code: tables(code).dates.quarter_code_links)
    suffixes = "|".join(map(re.escape, d.day_suffixes))
    suffix = f"(?:{suffixes})?" if suffixes else ""
    day_first = rf"(?P<day>\d{{1,2}})\.?{_S}(?:{months})(?:{_S}{year})?"
    month_first = rf"(?:{months}){_S}(?P<day>\d{{1,2}}){suffix}(?:,?{_S}{year})?"
    forms: list[tuple[str, Builder]] = [
        (
            rf"(?:{ordinals}){_S}(?:{quarter_words})(?:{_S}(?:(?:{links}){_S})?{year_or_relative})?",
            quarter,
        ),
        (rf"Q(?P<qn>[1-4])(?:{_S}|/|{_S}(?:{code_links}){_S}){year}", quarter_q),
        (r"\d{4}-\d{2}-\d{2}", iso_day),
        (day_first, day_month),
        *([(month_first, day_month)] if d.month_first else []),
        (rf"(?:{months}){_S}{year}{after}", month_year),
        (rf"(?:{alternation(d.year_end_prefix, ignore_case=True)}){_S}{year}{after}", year_end),
        (rf"(?:{alternation(d.year_end, ignore_case=True)})", year_end),
        (f"(?:{relative})", relative_year),
    ]
    if d.year_before:
        forms.append((rf"(?:{alternation(d.year_before, ignore_case=True)}){_S}{year}", plain_year))
    if d.year_after:
        forms.append((rf"{year}{_S}(?:{alternation(d.year_after, ignore_case=True)})", plain_year))
    return [rf"(?:{form})(?!\w)" for form, _ in forms], [build for _, build in forms]


@cache
def _scan(lang: str) -> SharedScan:
    return SharedScan(WORD_LEAD, date_forms(lang)[0], re.IGNORECASE, guard_length=WORD_GUARD)


@cache
def _bounds(
    lang: str,
) -> tuple[KeyedPattern[str], list[tuple[str, re.Pattern[str], re.Pattern[str]]]]:
    d = tables(lang).dates
    before = KeyedPattern({str(k): v for k, v in d.date_bounds_before.items()}, anchor_end=True)
    frames = [
        (
            str(sign),
            re.compile(rf"(?<!\w)(?:{opening}){SPACE}+$", re.IGNORECASE),
            re.compile(rf"{SPACE}+(?:{closing})(?!\w)", re.IGNORECASE),
        )
        for sign, pairs in d.date_bound_frames.items()
        for opening, closing in pairs
    ]
    return before, frames


def date_bound(text: str, start: int, end: int, lang: str) -> tuple[str, int, int]:
    """The bound on a date at [start, end) and the widened span: "bis 2030" is "<=",
    "über 2030 hinaus" is ">"."""
    before, frames = _bounds(lang)
    for sign, opening, closing in frames:
        head = opening.search(text, max(0, start - 24), start)
        tail = closing.match(text, end)
        if head and tail:
            return sign, head.start(), tail.end()
    found = before.match_before(text, start, window=24)
    if found:
        return found[0], found[1], end
    return "=", start, end


def find_dates(text: str, lang: str, reference: dt.date | None) -> Iterator[DateMention]:
    """Every explicit date expression in ``text``, longest first where they overlap.

    A bare year ("2026") is left to the quantity scanner, which knows whether the number
    has a unit, and calls ``bare_year`` for it.
    """
    return dates_from(text, lang, reference, _scan(lang).matches(text))


def dates_from(
    text: str, lang: str, reference: dt.date | None, matches: list[list[re.Match[str]]]
) -> Iterator[DateMention]:
    """``find_dates`` for the matches of each of ``date_forms(lang)`` (for a caller that
    scans the text for dates together with other word patterns)."""
    ref_year = reference.year if reference else None
    found: list[tuple[int, int, str, int]] = []
    for build, form_matches in zip(date_forms(lang)[1], matches, strict=True):
        for match in form_matches:
            resolved = build(match, ref_year)
            if resolved:
                found.append((match.start(), match.end(), *resolved))
    taken: list[tuple[int, int]] = []
    for start, end, time, year in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        yield _mention(text, start, end, time, year, lang)


def bare_year(text: str, start: int, end: int, year: int, lang: str) -> DateMention:
    """A four-digit year standing alone ("voraussichtlich 2026"), with its bound."""
    return _mention(text, start, end, str(year), year, lang)


def _mention(text: str, start: int, end: int, time: str, year: int, lang: str) -> DateMention:
    bound, start, end = date_bound(text, start, end, lang)
    hedge = grammar(lang).hedges.match_before(text, start, window=16)
    hedge_word = text[hedge[1] : start].strip().lower() if hedge else None
    value = float(year)
    quantity = Quantity(
        kind="date",
        value=value,
        unit="date",
        bound=bound,  # type: ignore[arg-type]
        low=value if bound in (">", ">=") else None,
        high=value if bound in ("<", "<=") else None,
        approx=hedge is not None,
        hedge=hedge_word,
        time=time,
    )
    return DateMention(hedge[1] if hedge else start, end, quantity)
