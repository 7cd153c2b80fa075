"""Claims in English for English readers, made from the structured record — never by
translating the quote.

``claim_english`` gives one line a reader can take in without knowing German or Russian:
who said it, where, when, the figure in English words, and the language it was said in::

    Elon Musk, Dwarkesh Podcast, 5 Feb 2026: about 100 GW a year, in Russian

It is the claim's title, its tab title, its search title and its line in tables; the quote
stays in the original beside it, marked with its language. The figure is rendered from the
quantity's fields (bound, hedge, range, unit, rate, counted thing, time), so it says exactly
what the record says and no more: a figure whose record is wrong reads wrong here too, and a
reviewer corrects the record. No offline translation library runs here without downloading
models at run time, so the quote itself is not translated.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from claimkb.core.models import Claim, Quantity, Source

#: Languages by their ISO 639-1 code, as the sources name them.
LANGUAGE_NAMES: dict[str, str] = {
    "de": "German",
    "en": "English",
    "ru": "Russian",
    "zh": "Chinese",
    "fr": "French",
    "es": "Spanish",
}

#: How a bound reads before a figure, and before a date.
BOUND_WORDS: dict[str, str] = {">": "more than", ">=": "at least", "<": "less than", "<=": "up to"}
DATE_BOUND_WORDS: dict[str, str] = {
    "=": "in",
    ">": "after",
    ">=": "from",
    "<": "before",
    "<=": "by",
}

#: Currencies written as a sign before the figure.
CURRENCY_SIGNS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "RUB": "₽", "CNY": "¥"}

#: Units read as words (pluralised), the rest keep their symbol ("GW", "t", "kW").
UNIT_WORDS: dict[str, str] = {
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "minute": "minute",
    "second": "second",
    "mile": "mile",
    "t": "tonne",
}

#: Large numbers read as words, the largest first.
SCALES: tuple[tuple[float, str], ...] = (
    (1e12, "trillion"),
    (1e9, "billion"),
    (1e6, "million"),
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTERS = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def day_text(day: dt.date) -> str:
    """``5 Feb 2026``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def number_words(x: float) -> str:
    """``10,000``, ``1.5 billion``, ``2.5``: thousands separated, millions and above as words,
    at most four significant digits."""
    if not math.isfinite(x):
        return "infinity" if x > 0 else "minus infinity"
    for size, word in SCALES:
        if abs(x) >= size:
            return f"{_plain(x / size)} {word}"
    return _plain(x)


def range_words(low: float, high: float) -> str:
    """``20,000–30,000``; ends of one scale share its word: ``10–20 billion``."""
    first, last = number_words(low), number_words(high)
    for _, word in SCALES:
        if first.endswith(f" {word}") and last.endswith(f" {word}"):
            return f"{first.removesuffix(f' {word}')}–{last}"
    return f"{first}–{last}"


def _plain(x: float) -> str:
    x = float(f"{x:.4g}")
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.4g}"


def plural(noun: str, count: float | None) -> str:
    """``launch`` → ``launches`` unless the count is one; a noun that is not an English
    word (``GB300``) stays as it is."""
    if count is not None and abs(count) == 1:
        return noun
    if not re.fullmatch(r"[a-z][a-z ]*", noun):
        return noun
    head, _, last = noun.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and not last.endswith(("ay", "ey", "oy", "uy")):
        last = last[:-1] + "ies"
    elif last == "person":
        last = "people"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def time_text(time: str) -> str:
    """An ISO year, month, day or interval as people write it: ``2030``, ``Dec 2025``,
    ``14 Nov 2025``, ``Q1 2026``; another interval as ``from … to …``."""
    if "/" in time:
        first, _, last = time.partition("/")
        a, b = _ISO_DATE.match(first), _ISO_DATE.match(last)
        if a and b and a.group(1) == b.group(1) and a.group(3) and b.group(3):
            months = (int(a.group(2)), int(b.group(2)))
            if months in _QUARTERS and a.group(3) == "01":
                return f"{_QUARTERS[months]} {a.group(1)}"
        return f"from {time_text(first)} to {time_text(last)}"
    match = _ISO_DATE.match(time)
    if match is None:
        return time
    year, month, day = match.groups()
    if day:
        return day_text(dt.date(int(year), int(month), int(day)))
    if month:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year


def _per_text(per: str) -> str:
    if per in UNIT_WORDS:
        article = "an" if per[0] in "aeiou" or per == "hour" else "a"
        return f"{article} {per}"
    return f"per {per}"


def quantity_english(quantity: Quantity) -> str:
    """The figure in English words: ``about 100 GW a year``, ``more than 10 patients``,
    ``$20,000–30,000``, ``by 2030``."""
    q = quantity
    if q.kind == "date" or q.unit == "date":
        when = time_text(q.time) if q.time else f"{q.value:g}"
        return f"{DATE_BOUND_WORDS.get(q.bound, 'in')} {when}"
    if q.low is not None and q.high is not None and q.bound == "=":
        figure = range_words(q.low, q.high)
        count = q.high
    else:
        figure = number_words(q.value)
        count = q.value
    sign = CURRENCY_SIGNS.get(q.unit)
    if sign:
        text = f"{sign}{figure}"
    elif q.unit in UNIT_WORDS:
        text = f"{figure} {plural(UNIT_WORDS[q.unit], count)}"
    elif q.unit == "times":
        text = f"{figure} times"
    elif q.unit == "percent":
        text = f"{figure} %"
    elif q.unit in ("dimensionless", ""):
        text = figure
    elif q.unit in CURRENCY_SIGNS or re.fullmatch(r"[A-Z]{3}", q.unit):
        text = f"{figure} {q.unit}"
    else:
        text = f"{figure} {q.unit}"
    if q.counted:
        text += f" {plural(q.counted, count)}"
    if q.per:
        text += f" {_per_text(q.per)}"
    if q.time:
        text += f" ({time_text(q.time)})"
    prefix = BOUND_WORDS.get(q.bound, "")
    if q.approx and q.bound == "=":
        prefix = "about"
    return f"{prefix} {text}".strip()


def language_note(claim: Claim, source: Source | None) -> str:
    """``in German``, ``in German, translated from Chinese``."""
    note = f"in {LANGUAGE_NAMES.get(claim.lang, claim.lang)}"
    if source is not None and source.translated_from:
        origin = LANGUAGE_NAMES.get(source.translated_from, source.translated_from)
        note += f", translated from {origin}"
    return note


def where_said(source: Source | None) -> str:
    """The venue of the interview a source covers, else the source's title."""
    if source is None:
        return ""
    interview = source.covers_interview
    if interview is not None and interview.venue:
        return interview.venue
    return source.title or source.id


def claim_english(claim: Claim, source: Source | None) -> str:
    """One line in English: speaker, where, when, the figure, the language it was said in."""
    said = source.reference_date if source is not None else None
    who = ", ".join(part for part in (claim.speaker, where_said(source)) if part)
    if said is not None:
        who += f", {day_text(said)}"
    return f"{who}: {quantity_english(claim.quantity)}, {language_note(claim, source)}"
