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
from typing import NamedTuple

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
    """A date found in a text. ``quantity`` is None for a time reference whose year the
    text leaves to its date when the document has none ("im ersten Halbjahr", "31.12."):
    its words are then no number of anything, and no claim either."""

    start: int
    end: int
    quantity: Quantity | None


class Resolved(NamedTuple):
    """What a date form's words resolve to: ISO ``time`` and the year it falls in (an empty
    ``time`` for a reference the document's date would resolve, and it has none); a period
    of years also has its last year, and a reading a reviewer may doubt says why."""

    time: str
    year: int
    last_year: int | None = None
    ambiguity: str | None = None
    #: The reading when the words turn out to be a deadline ("by the end of March" said in
    #: December looks ahead to the next March).
    as_deadline: Resolved | None = None


#: A time reference whose year is unknown: its span is taken, nothing is claimed.
UNRESOLVED = Resolved("", 0)

Builder = Callable[[re.Match[str], "dt.date | None"], "Resolved | None"]


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


def _months(year: int, first: int, last: int) -> str:
    """The interval from the first day of month ``first`` to the last of month ``last``."""
    last_day = calendar.monthrange(year, last)[1]
    return f"{year}-{first:02d}-01/{year}-{last:02d}-{last_day:02d}"


def _quarter(year: int, quarter: int) -> str:
    return _months(year, 3 * quarter - 2, 3 * quarter)


def _year_of(match: re.Match[str], reference: int | None) -> int | None:
    if match.groupdict().get("year"):
        return int(match["year"])
    if any(k.startswith("rel") and v for k, v in match.groupdict().items()):
        return None if reference is None else reference + _which(match, "rel")
    return reference


def _two_digit_year(digits: str) -> int:
    """ "/17" in a period code ("Q3/17", "9M/17") is 2017: business reports of this century."""
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _any_language(words: Callable[[str], list[str]]) -> str:
    """The alternation of a list of ``dates.yaml`` of every language, escaped, in language
    order, each word once; never matches when there is none."""
    merged = dict.fromkeys(word for lang in LANGUAGES for word in words(lang))
    return "|".join(map(re.escape, merged)) or "(?!)"


def _or_never(forms: list[str]) -> str:
    return alternation(forms, ignore_case=True) or "(?!)"


def _unit_follows(match: re.Match[str], lang: str) -> bool:
    """Whether a unit or a percent sign follows: "from 1950 to 2000 tonnes" are amounts."""
    text, at = match.string, match.end()
    while text[at : at + 1].isspace():
        at += 1
    g = grammar(lang)
    return bool(
        g.unit_words.match(text, at) or g.unit_symbols.match(text, at) or text[at : at + 1] == "%"
    )


@cache
def date_forms(lang: str) -> tuple[list[str], list[Builder]]:
    """The date forms of ``lang``, most specific first, as patterns to follow ``WORD_LEAD``
    (case-insensitive), and the builder of each."""
    d = tables(lang).dates
    months = _named(d.months, "mon")
    ordinals = _named(d.quarter_ordinals, "q")
    halves = _named(d.half_ordinals, "h") if d.half_ordinals else "(?!)"
    quarter_words = alternation(d.quarter_words, ignore_case=True)
    relative = _named(d.relative_years, "rel")
    suffix_forms = _or_never(d.year_suffixes)
    case_ending = f"(?:-(?:{suffix_forms}))?" if d.year_suffixes else ""
    year = rf"(?P<year>(?:19|20)\d\d)(?!\d){case_ending}"
    year2 = rf"(?P<year2>(?:19|20)\d\d|\d\d)(?!\d){case_ending}"
    after_forms = _or_never(d.year_after)
    after = f"(?:{_S}(?:{after_forms}))?" if d.year_after else ""
    year_or_relative = f"(?:{year}{after}|{relative})"

    def ref_year(ref: dt.date | None) -> int | None:
        return ref.year if ref else None

    def part_of_year(
        m: re.Match[str], ref: dt.date | None, first: int, last: int
    ) -> Resolved | None:
        """Months ``first`` to ``last`` of the year written, else of the document's date's;
        a part that had not begun by that date may be the year before's ("the fourth
        quarter" in a report of February)."""
        y = _year_of(m, ref_year(ref))
        if y is None:
            return UNRESOLVED
        doubt = None
        written = m.groupdict().get("year") or any(
            k.startswith("rel") and v for k, v in m.groupdict().items()
        )
        if not written and ref is not None and first > ref.month:
            doubt = (
                f"no year written; read in the year of the document's date ({y}), though a "
                "period that had not begun by then may be the previous year's"
            )
        return Resolved(_months(y, first, last), y, ambiguity=doubt)

    def quarter(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        n = _which(m, "q")
        return part_of_year(m, ref, 3 * n - 2, 3 * n)

    def half(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        first = 1 if _which(m, "h") == 1 else 7
        return part_of_year(m, ref, first, first + 5)

    def period_code(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        """ "Q3/17", "H1 2024", "9M/17": a quarter, a half-year, the first months of a year."""
        before = m.string[max(0, m.start() - 1) : m.start()]
        if before and not before.isspace() and before not in "([/":
            return None  # "$9M 2024": an amount with a currency sign
        if len(m["yy"]) == 2 and "/" not in m[0]:
            return None  # "H2 20 Prozent": hydrogen; a short year needs its slash ("H2/20")
        y = _two_digit_year(m["yy"])
        n = int(m["n"])
        kind = m["code"].upper()
        if kind == "Q" and 1 <= n <= 4:
            return Resolved(_quarter(y, n), y)
        if kind == "H" and n in (1, 2):
            return Resolved(_months(y, 6 * n - 5, 6 * n), y)
        if kind == "M" and 1 <= n <= 12:
            return Resolved(_months(y, 1, n), y)
        return None

    def day_month(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        y = _year_of(m, ref_year(ref))
        month, day = _which(m, "mon"), int(m["day"])
        if y is None:
            return UNRESOLVED if 1 <= day <= 31 else None
        if not 1 <= day <= calendar.monthrange(y, month)[1]:
            return None
        return Resolved(f"{y}-{month:02d}-{day:02d}", y)

    def numeric_day_month(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        month, day = int(m["nmon"]), int(m["day"])
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        y = _year_of(m, ref_year(ref))
        written = m["year"] or any(k.startswith("rel") and v for k, v in m.groupdict().items())
        bounded = date_bound(m.string, m.start(), m.end(), lang)[0] != "="
        if y is None or not (written or bounded):
            # "Kapitel 3.2.": without a year, only a bound word ("bis 31.12.") makes the
            # digits surely a day; otherwise they claim nothing
            return UNRESOLVED
        if day > calendar.monthrange(y, month)[1]:
            return None
        return Resolved(f"{y}-{month:02d}-{day:02d}", y)

    def month_year(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        y = int(m["year"])
        return Resolved(f"{y}-{_which(m, 'mon'):02d}", y)

    def part_of_month(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        """ "early September", "Ende Oktober": in the year written, else in the year of the
        document's date; a month before that date's month may be next year's."""
        month = _which(m, "mon")
        if d.months_capitalized and not m["wmonth"][:1].isupper():
            return None  # "start late may struggle": the verb, not the month
        if m["year"]:
            y = int(m["year"])
            return Resolved(f"{y}-{month:02d}", y)
        if ref is None:
            return UNRESOLVED
        if month >= ref.month:
            return Resolved(f"{ref.year}-{month:02d}", ref.year)
        later = Resolved(
            f"{ref.year + 1}-{month:02d}",
            ref.year + 1,
            ambiguity=(
                "no year written; a deadline in a month already past at the document's date "
                "is read as next year's"
            ),
        )
        doubt = (
            f"no year written; read in the year of the document's date ({ref.year}), "
            "though a month already past then may mean the next year's"
        )
        return Resolved(f"{ref.year}-{month:02d}", ref.year, ambiguity=doubt, as_deadline=later)

    def year_end(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        y = _year_of(m, ref_year(ref))
        return UNRESOLVED if y is None else Resolved(f"{y}-12", y)

    def relative_year(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        y = _year_of(m, ref_year(ref))
        return UNRESOLVED if y is None else Resolved(str(y), y)

    def iso_day(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        try:
            day = dt.date.fromisoformat(m[0])
        except ValueError:
            return None
        return Resolved(day.isoformat(), day.year)

    def plain_year(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        return Resolved(m["year"], int(m["year"]))

    def span(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        """ "2021 bis 2030", "from 2024 to 2026", "2007–09", "2025/26": a period of years."""
        first = int(m["year"])
        last = int(m["year2"])
        if last < 100:
            last += first - first % 100
        if not first < last <= first + 100 or ("/" in m[0] and last != first + 1):
            return None
        if _unit_follows(m, lang):
            return None
        return Resolved(f"{first}/{last}", first, last)

    def season(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        """ "Saison 25/26": two consecutive years of a season or a business year."""
        first, last = _two_digit_year(m["yy"]), _two_digit_year(m["year2"])
        return Resolved(f"{first}/{last}", first, last) if last == first + 1 else None

    def decade(m: re.Match[str], ref: dt.date | None) -> Resolved | None:
        first = int(m["year"])
        return Resolved(f"{first}/{first + 9}", first, first + 9) if first % 10 == 0 else None

    links = _any_language(lambda code: tables(code).dates.quarter_links)
    code_links = _any_language(lambda code: tables(code).dates.quarter_code_links)
    suffixes = "|".join(map(re.escape, d.day_suffixes))
    suffix = f"(?:{suffixes})?" if suffixes else ""
    day_first = rf"(?P<day>\d{{1,2}})\.?{_S}(?:{months})(?:{_S}{year})?"
    month_first = rf"(?:{months}){_S}(?P<day>\d{{1,2}}){suffix}(?:,?{_S}{year})?"
    qualifiers = _or_never(d.month_qualifiers)
    dash = rf"{SPACE}*[-–—/]{SPACE}*"
    openers = _or_never([opening for opening, _ in d.span_frames])
    closers = _or_never([closing for _, closing in d.span_frames])
    joins = _or_never(d.span_links)
    forms: list[tuple[str, Builder]] = [
        (
            rf"(?:{ordinals}){_S}(?:{quarter_words})(?:{_S}(?:(?:{links}){_S})?{year_or_relative})?",
            quarter,
        ),
        (rf"Q(?P<qn>[1-4])(?:{_S}|/|{_S}(?:{code_links}){_S}){year}", lambda m, r: _q(m)),
        (
            rf"(?P<code>[QH])(?P<n>\d{{1,2}})(?:/|{_S})(?P<yy>(?:19|20)\d\d|\d\d)(?!\d)",
            period_code,
        ),
        (
            rf"(?P<n>\d{{1,2}})(?P<code>[QHM])(?:/|{_S})(?P<yy>(?:19|20)\d\d|\d\d)(?!\d)",
            period_code,
        ),
        (
            rf"(?:{halves}){_S}(?:{_or_never(d.half_words)})"
            rf"(?:{_S}(?:(?:{links}){_S})?{year_or_relative})?",
            half,
        ),
        (r"\d{4}-\d{2}-\d{2}", iso_day),
        (rf"(?:{openers}){_S}{year}{after}{_S}(?:{closers}){_S}{year2}{after}", span),
        (rf"{year}{dash}{year2}{after}", span),
        (rf"{year}{_S}(?:{joins}){_S}{year2}{after}", span),
        (rf"(?:{_or_never(d.season_words)}){_S}(?P<yy>\d\d){dash}(?P<year2>\d\d)", season),
        (rf"(?P<year>(?:19|20)\d0)(?:{_or_never(d.decade_suffixes)})", decade),
        (day_first, day_month),
        *([(month_first, day_month)] if d.month_first else []),
        *(
            [
                (
                    rf"(?P<day>\d{{1,2}})\.(?P<nmon>\d{{1,2}})\."
                    rf"(?:{SPACE}?{year}|{_S}(?:{relative})|(?!\d))",
                    numeric_day_month,
                )
            ]
            if d.numeric_day_month
            else []
        ),
        (rf"(?:{months}){_S}{year}{after}", month_year),
        (
            rf"(?:{qualifiers})(?:{_S}|(?<=-))(?P<wmonth>{months})(?:{_S}{year}{after})?",
            part_of_month,
        ),
        (rf"(?:{alternation(d.year_end_prefix, ignore_case=True)}){_S}{year}{after}", year_end),
        (
            rf"(?:{alternation(d.year_end_prefix, ignore_case=True)}){_S}(?:{relative})",
            year_end,
        ),
        (rf"(?:{alternation(d.year_end, ignore_case=True)})", year_end),
        (f"(?:{relative})", relative_year),
        # "Mitte 2025", "early next year", "к середине следующего года": within that year
        # (a year's end is the year-end forms' above, which win a tie).
        (rf"(?:{qualifiers})(?:{_S}|(?<=-))(?:{year}{after}|{relative})", relative_year),
    ]
    if d.year_before:
        forms.append((rf"(?:{alternation(d.year_before, ignore_case=True)}){_S}{year}", plain_year))
    if d.year_after:
        forms.append((rf"{year}{_S}(?:{alternation(d.year_after, ignore_case=True)})", plain_year))
    if d.year_suffixes:
        forms.append((rf"(?P<year>(?:19|20)\d\d)-(?:{suffix_forms})", plain_year))
    return [rf"(?:{form})(?!\w)" for form, _ in forms], [build for _, build in forms]


def _q(m: re.Match[str]) -> Resolved:
    y = int(m["year"])
    return Resolved(_quarter(y, int(m["qn"])), y)


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
    found: list[tuple[int, int, Resolved]] = []
    for build, form_matches in zip(date_forms(lang)[1], matches, strict=True):
        for match in form_matches:
            resolved = build(match, reference)
            if resolved:
                found.append((match.start(), match.end(), resolved))
    taken: list[tuple[int, int]] = []
    for start, end, resolved in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        if not resolved.time:
            yield DateMention(start, end, None)
        else:
            yield _mention(text, start, end, resolved, lang)


def bare_year(text: str, start: int, end: int, year: int, lang: str) -> DateMention:
    """A four-digit year standing alone ("voraussichtlich 2026"), with its bound."""
    return _mention(text, start, end, Resolved(str(year), year), lang)


def _mention(text: str, start: int, end: int, resolved: Resolved, lang: str) -> DateMention:
    """The date claim of a resolved time reference. A period of years ("2021 bis 2030")
    is itself an interval and takes no bound: "von" and "bis" are its frame."""
    value = float(resolved.year)
    low: float | None
    high: float | None
    if resolved.last_year is not None:
        bound, low, high = "=", value, float(resolved.last_year)
    else:
        bound, start, end = date_bound(text, start, end, lang)
        if bound in ("<", "<=") and resolved.as_deadline is not None:
            resolved = resolved.as_deadline
            value = float(resolved.year)
        low = value if bound in (">", ">=") else None
        high = value if bound in ("<", "<=") else None
    hedge = grammar(lang).hedges.match_before(text, start, window=16)
    hedge_word = text[hedge[1] : start].strip().lower() if hedge else None
    quantity = Quantity(
        kind="date",
        value=value,
        unit="date",
        bound=bound,  # type: ignore[arg-type]
        low=low,
        high=high,
        approx=hedge is not None,
        hedge=hedge_word,
        time=resolved.time,
        ambiguity=resolved.ambiguity,
    )
    return DateMention(hedge[1] if hedge else start, end, quantity)
