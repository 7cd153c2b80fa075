"""Find page furniture: the numbers a page carries around its article that nobody claimed.

A captured page brings its date lines ("BERLIN, 3. März 2025 –", "Updated: March 3,
2026"), references to its own parts ("see Table 2-1", "Abb. 3", "§ 12", "Page 3 of 10"),
footnote markers ("[3]", "liegen.1", "(1)(2)"), counters and widgets ("328 Ansichten",
"+5 °C" over exchange rates), contact lines, copyright years and numbers inside codes and
titles ("ISO 9001", "»Vision 2030«"). Each is a construction of the page, not of the
sentence, so it is found from the page's shape: the word before or after a number, the
line it stands on, the marks around it. The words come from ``lang/chrome.yaml``; the
rules here are the same in every language.

Everything is looked for only next to a run of digits (``DigitRuns``) and only on the
lines that hold one, each line once, so the cost grows with the text, never faster.
Where a number could also be a claim ("in 2025 revenue grew", "12,000 comments were
filed."), the rules leave it alone: they need the page's shape, not just the word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from claimkb.core.units import CURRENCIES
from claimkb.extract.digit_runs import DigitRuns
from claimkb.extract.mention import Mention
from claimkb.extract.tables import LANGUAGES, chrome_table, tables

Interval = tuple[int, int]

_H = "[ \t\u00a0\u202f]"
"""Horizontal space."""
_UPPER = "A-ZÄÖÜÀ-ÞА-ЯЁ"
_LOWER = "a-zäöüßà-ÿа-яё"
#: What a short line of furniture may be at most (counters, date lines, bylines).
SHORT_LINE = 80
#: A line of a date and nothing else is shorter than this.
DATE_LINE = 64
#: How far from a line's end a date that ends it may start.
TAIL_WINDOW = 72
#: Marks that open and close a quoted title ("»Nordic Trials 2024«", "“Vision 2030”").
_OPENING_QUOTES = "«»„“‘\"'‚"
_CLOSING_QUOTES = "«»“”’\"'‘"
#: File name endings: a number in a file name is part of the name.
_FILE = re.compile(
    r"[\w-]*\.(?:pdf|html?|php|aspx?|docx?|xlsx?|pptx?|csv|txt|jpe?g|png|gif|svg|zip|xml|json)"
    r"(?!\w)",
    re.IGNORECASE,
)
_SPLIT_TOKEN = re.compile(r"\S+$")
#: "[3]", "[12, 14]", "[2–4]": a reference to a note or a source.
_BRACKETED = re.compile(r"\[\d{1,3}(?:[-–,]\s?\d{1,3})*\]")
_DATE_STAMP = re.compile(r"\(\d{1,2}\.\d{1,2}\.\d{2,4}\)")
#: "8x8=64": a sum worked out, not a claim.
_FORMULA = re.compile(r"\d+[x×*]\d+=\d+")
_HOUSE_NUMBER = re.compile(rf"\d{{1,4}}[a-z]?(?:,?{_H}+\d{{4,6}}(?={_H}+[{_UPPER}]))?")
#: "1) The fleet grew": a list's number at a line's start.
_LIST_MARKER = re.compile(rf"{_H}*(\d{{1,2}}\))(?={_H}+[^\W\d_])")
#: "4.2.1", "3.10.2": a section or version; German thousands ("1.234.567") have groups
#: of three, and a date ("1.2.2024") is left to the dates.
_DOTTED = re.compile(r"\d+(?:\.\d+){2,}(?![\d.]?\d)")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+|\d{1,2}\.\d{1,2}\.\d{4}")
#: "(PDF, 2.3 MB)", "DOCX 120 KB": the size of a file offered for download.
_FILE_SIZE = re.compile(
    rf"(?<![\w.])(?:PDF|DOCX?|XLSX?|PPTX?|ZIP|CSV|MP3|MP4|EPUB),?{_H}*\(?{_H}*$", re.IGNORECASE
)
_SIZE = re.compile(rf"\d+(?:[.,]\d+)?{_H}?[KMG]i?B(?!\w)")
#: "18+", "16+": an age rating beside a page's title.
_AGE_MARK = re.compile(r"(?:0|6|12|16|18)\+(?!\S)")
_HEADING = re.compile(rf"{_H}[{_UPPER}][{_LOWER}]+{_H}[{_UPPER}][{_LOWER}]+")


def _escaped(words: Iterable[str]) -> str:
    """The alternation of plain ``words``, longest first, escaped; never matches when
    there is none. A space in a word matches any horizontal space."""
    forms = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", f"{_H}+") for w in forms) or "(?!)"


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word.casefold() for word in words)


@dataclass(frozen=True)
class _Labels:
    """Labels as written ("Table", "рисунке") and case-folded."""

    exact: frozenset[str]
    folded: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str]) -> _Labels:
        listed = frozenset(words)
        return cls(listed, _folded(listed))


@dataclass(frozen=True)
class _Furniture:
    """The words of ``lang/chrome.yaml`` and the patterns built of them, compiled once."""

    references: _Labels
    signs: frozenset[str]
    codes: _Labels
    standards: frozenset[str]
    counter_words: frozenset[str]
    counter_labels: frozenset[str]
    phone_labels: frozenset[str]
    streets: tuple[str, ...]
    street_words: frozenset[str]
    copyright: frozenset[str]
    year_words: frozenset[str]
    reading_labels: frozenset[str]
    bylines: re.Pattern[str]
    #: A reference number: "2-1", "4.2", "3a", "12–14", "3 of 10".
    reference_number: re.Pattern[str]
    code_number: re.Pattern[str]
    standard_number: re.Pattern[str]
    #: A run of date and time tokens, and whether it says a date (not only numbers).
    date_run: re.Pattern[str]
    strong_date: re.Pattern[str]
    #: A month word or a date in digits: what a place-and-date line must hold.
    full_or_month: re.Pattern[str]
    page_counter: re.Pattern[str]
    full_date: re.Pattern[str]
    date_line: re.Pattern[str]
    labelled_date: re.Pattern[str]
    city_dateline: re.Pattern[str]
    date_tail: re.Pattern[str]
    count_after: re.Pattern[str]
    reading_after: re.Pattern[str]
    phone: re.Pattern[str]


@cache
def _furniture() -> _Furniture:
    t = chrome_table()
    months = [
        form.removesuffix(r"\.") + r"\.?" if form.endswith(r"\.") else form
        for lang in LANGUAGES
        for forms in tables(lang).dates.months.values()
        for form in forms
    ]
    month = "|".join(sorted(set(months), key=len, reverse=True))
    weekday = _escaped(t.merged("weekdays"))
    date_word = _escaped(t.merged("date_words"))
    units = _escaped(t.merged("ago_units"))
    ago = (
        rf"\d{{1,3}}{_H}?(?:{units})(?:{_H}+(?:{_escaped(t.merged('ago_after'))}))"
        rf"|(?:{_escaped(t.merged('ago_before'))}){_H}+\d{{1,3}}{_H}?(?:{units})"
    )
    iso = r"\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    numeric = r"\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})"
    clock = r"\d{1,2}:\d{2}(?::\d{2})?"
    strong = rf"(?:{ago}|{iso}|{numeric}|{clock}|(?:{month}))(?!\w)"
    token = rf"(?:{strong}|(?:{weekday}|{date_word})(?!\w)|\d{{1,4}}(?:st|nd|rd|th)?\.?(?!\w))"
    separator = rf"(?:{_H}*[,/|·•–—-]?{_H}*)"
    run = rf"{token}(?:{separator}{token}){{0,8}}"
    links = _escaped(t.merged("date_label_links"))
    labels = f"(?:{_escaped(t.merged('date_labels'))})(?:{_H}+(?:{links}))?"
    bullet = rf"(?:[-–—•·|*>]{_H}*)?"
    day_month_year = (
        rf"(?:\d{{1,2}}\.?{_H}*(?:{month}){_H}*,?{_H}*\d{{4}}"
        rf"|(?:{month}){_H}*\d{{1,2}}(?:st|nd|rd|th)?,?{_H}*\d{{4}}"
        rf"|{iso}|{numeric}|{ago})"
    )
    counters = t.merged("counter_words")
    minutes = _escaped(t.merged("minute_words"))
    reading = (
        rf"\d{{1,3}}{_H}?(?:{minutes})(?:(?<=\.)|(?!\w)){_H}*"
        rf"(?:{_escaped(t.merged('reading_after'))})"
    )
    number = r"\d+[a-z]?(?:[-–./:]\d+[a-z]?)*"
    return _Furniture(
        references=_Labels.of(t.merged("reference_labels")),
        signs=frozenset(t.reference_signs),
        codes=_Labels.of(t.merged("code_labels")),
        standards=frozenset(t.merged("standard_labels")),
        counter_words=_folded(counters),
        counter_labels=_folded(t.merged("counter_labels")),
        phone_labels=_folded(t.merged("phone_labels")),
        streets=tuple(w.casefold() for w in t.merged("street_words")),
        street_words=_folded(t.merged("street_words")),
        copyright=_folded(t.merged("copyright_words")),
        year_words=_folded(t.merged("year_words")),
        reading_labels=_folded(t.merged("reading_labels")),
        bylines=re.compile(rf"{_H}*(?:{_escaped(t.merged('byline_labels'))})(?!\w)"),
        reference_number=re.compile(
            rf"{number}(?:{_H}*[-–]{_H}*{number})?"
            rf"(?:{_H}+(?:{_escaped(t.merged('page_of'))}){_H}+\d+)?(?!{_H}?[%‰\d]|[.,]\d)",
            re.IGNORECASE,
        ),
        code_number=re.compile(r"\d+(?:[-/]\d+)+(?!\d)"),
        standard_number=re.compile(r"\d+(?:[-:./]\d+)*(?!\d)"),
        date_run=re.compile(run, re.IGNORECASE),
        strong_date=re.compile(strong, re.IGNORECASE),
        page_counter=re.compile(
            rf"{_H}*\d{{1,3}}{_H}+(?:/|(?:{_escaped(t.merged('page_of'))})(?!\w)){_H}+\d{{1,3}}{_H}*"
        ),
        full_or_month=re.compile(rf"(?:{iso}|{numeric}|(?:{month}))(?!\w)", re.IGNORECASE),
        full_date=re.compile(rf"(?:{day_month_year})(?!\w)", re.IGNORECASE),
        date_line=re.compile(
            rf"{_H}*{bullet}(?:(?:{labels}){_H}*:?{_H}*)?{run}(?:{separator}{reading})?{_H}*",
            re.IGNORECASE,
        ),
        labelled_date=re.compile(rf"(?<!\w)(?:{labels}){_H}*:?{_H}*(?=\d|[^\W\d_])", re.IGNORECASE),
        city_dateline=re.compile(
            rf"{_H}*[{_UPPER}][\w'’.-]*(?:[ -][{_UPPER}][\w'’.-]*){{0,2}}"
            rf"(?:,{_H}*[{_UPPER}][\w.]{{0,10}}\.)?,{_H}*({run})"
            rf"(?:{_H}*\([^)\n]{{1,40}}\))?(?:{_H}*(?:[-–—,.:]|$)|(?<=\.))",
            re.IGNORECASE,
        ),
        date_tail=re.compile(
            rf"(?:(?<=[-–—|·•,]{_H})|(?<=[-–—|·•])|(?<![^\n])|(?<=\w{_H}))"
            rf"((?:(?:{weekday}),?{_H}+)?(?:{day_month_year})"
            rf"(?:{separator}(?:\d{{1,2}}[:.]\d{{2}}|{date_word})(?!\w))*){_H}*$",
            re.IGNORECASE,
        ),
        count_after=re.compile(
            rf"(?:[.,]\d+)*(?:[KkMm]|{_H}?(?:Tsd|тыс)\.?)?{_H}+(?:{_escaped(counters)})(?!\w)",
            re.IGNORECASE,
        ),
        reading_after=re.compile(
            rf"{_H}?(?:{_escaped(t.merged('minute_words'))})"
            rf"(?:(?<=\.)|(?!\w)){_H}*(?:{_escaped(t.merged('reading_after'))})(?!\w)",
            re.IGNORECASE,
        ),
        phone=re.compile(r"[+(]?\d[\d \t()./‑-]{4,}\d"),
    )


def furniture_intervals(text: str, runs: DigitRuns) -> Iterator[Interval]:
    """Character intervals of ``text`` that are page furniture, found around its runs of
    digits ``runs`` (not sorted, may overlap)."""
    f = _furniture()
    line_end = -1
    lines: list[Interval] = []
    for start, end in zip(runs.starts, runs.ends, strict=True):
        if start >= line_end:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            lines.append((line_start, line_end))
            yield from _line_furniture(f, text, line_start, line_end)
        found = _at_run(f, text, start, end, lines[-1])
        if found is not None:
            yield found
    yield from _widget_blocks(text, lines)


# -- around one run of digits ---------------------------------------------------------------


def _at_run(f: _Furniture, text: str, start: int, end: int, line: Interval) -> Interval | None:
    """The furniture that holds the run of digits [start, end), if any: first what the
    marks right around it say, then the words before and after it."""
    return _by_marks(f, text, start, end, line) or _labelled(f, text, start, end, line)


def _by_marks(f: _Furniture, text: str, start: int, end: int, line: Interval) -> Interval | None:
    # A line break stands for the text's ends: no mark below is one.
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    short = end - start <= 2
    found: Interval | None = None
    if before == "[":
        found = _span(_BRACKETED.match(text, start - 1))
    elif before == "(" and after == ")" and end - start == 1:
        found = _footnote_in_parentheses(text, start, end)
    elif before == "(" and short and after == ".":
        found = _span(_DATE_STAMP.match(text, start - 1))  # "(7.3.2024)" under a photo
    elif before in ".,;" and short and _glued_marker(text, start, end):
        found = start, end
    if found is None and after == "." and before not in ".,":
        dotted = _DOTTED.match(text, start)
        if dotted and not _THOUSANDS.fullmatch(dotted.group()):
            found = dotted.span()
    if found is None and after in "x×*":
        found = _span(_FORMULA.match(text, start))
    if found is None and after == "." and short:
        found = _section_number(text, start, end, line)
    if found is None and after in _CLOSING_QUOTES:
        found = _quoted_title(f, text, start, end, line)
    if found is None and (
        before == "." or after in ".-_" or (start >= 2 and text[start - 2] == ".")
    ):
        named = _FILE.match(text, _token_start(text, start, line[0]))
        found = named.span() if named and named.end() > end else None
    if found is None and after == "+" and (start == 0 or text[start - 1].isspace()):
        found = _span(_AGE_MARK.match(text, start))
    if found is None and _FILE_SIZE.search(text, max(line[0], start - 12), start):
        found = _span(_SIZE.match(text, start))
    if found is None and end - start == 1 and text[start - 2 : start] == ". ":
        # "... in 2029. 1 Large Deficits": a note or page number, then a heading
        found = (start, end) if _HEADING.match(text, end) else None
    return found


def _span(found: re.Match[str] | None) -> Interval | None:
    return found.span() if found else None


def _token_start(text: str, pos: int, line_start: int) -> int:
    found = _SPLIT_TOKEN.search(text, max(line_start, pos - 40), pos)
    return found.start() if found else pos


def _footnote_in_parentheses(text: str, start: int, end: int) -> Interval | None:
    """ "provision (1) (188)", "margin % (1)(2) 2.4%": a note marker after a row's label,
    before its amounts. A lone "(1)" that ends a row, or follows a number, may be a
    negative amount, and stays."""
    open_at = start - 1
    left = text[max(0, open_at - 2) : open_at]
    after_label = bool(re.search(rf"(?:[^\W\d_]|%){_H}?$|\)$", left))
    if not after_label or (left.endswith(")") and not _is_marker_before(text, open_at)):
        return None
    rest = text[end + 1 : end + 24]
    chained = rest.startswith("(") and re.match(r"\(\d\)", rest) is not None
    glued = left.endswith(")") or (left[-1:].isalpha())
    amount_next = re.match(rf"{_H}+\(?[-−]?\d", rest) is not None
    if chained or amount_next or (glued and rest[:1] in ("", " ", "\n")):
        return open_at, end + 1
    return None


def _is_marker_before(text: str, open_at: int) -> bool:
    """Whether the "(n)" right before ``open_at`` is a marker too: "(1)(2)"."""
    return re.match(r"\(\d\)", text[open_at - 3 : open_at]) is not None


def _glued_marker(text: str, start: int, end: int) -> bool:
    """ "liegen.1 Die", "growth,2 while": a note number glued to the punctuation after a
    word of three letters or more (a decimal has a digit there, an abbreviation is short)."""
    if not re.search(r"[^\W\d_]{3}$", text[max(0, start - 4) : start - 1]):
        return False
    rest = text[end : end + 3]
    if text[start - 1] == ".":
        return rest[:1] in ("", "\n") or re.match(rf"{_H}+[{_UPPER}\n]", rest) is not None
    return re.match(rf"{_H}+[^\W\d_]", rest) is not None


def _section_number(text: str, start: int, end: int, line: Interval) -> Interval | None:
    """ "CONTENTS 1. Overview": a section number after a heading in capitals."""
    if not re.match(rf"\.{_H}+[{_UPPER}][{_LOWER}]", text[end : end + 4]):
        return None
    word = re.search(rf"(?<!\w)([{_UPPER}]{{3,}}){_H}+$", text[max(line[0], start - 24) : start])
    if word and word.group(1) not in CURRENCIES:
        return start, end + 1
    return None


def _quoted_title(
    f: _Furniture, text: str, start: int, end: int, line: Interval
) -> Interval | None:
    """ "»Nordic Trials 2024«", "“Vision 2030”": a number that ends a short quoted title
    after a capitalised word is part of the title ("„Wir wachsen 2025“" is speech: the word
    before is in lower case)."""
    head = text[max(line[0], start - 80) : start]
    opening = max(head.rfind(q) for q in _OPENING_QUOTES)
    if opening < 0 or re.search(r"[.,;!?]", head[opening + 1 :]):
        return None
    word = re.search(rf"([{_UPPER}][\w-]*){_H}+$", head[opening + 1 :])
    if word is None or word.group(1).casefold() in f.year_words:
        return None
    return start, end


def _words_before(text: str, start: int, line_start: int) -> list[str]:
    """Up to the last three words before ``start`` on its line, skipping spaces and an
    opening parenthesis, "#" or colon (a label may end in ":")."""
    lo = max(line_start, start - 48)
    head = text[lo:start].rstrip(" \t\u00a0\u202f(:#")
    words = head.split()
    if words and lo > line_start and not text[lo - 1].isspace():
        words = words[1:]  # the first word may be cut
    return [(w if w.endswith(")") else w.lstrip("([„“«»\"'")).rstrip(":") for w in words[-3:]]


def _is_label(labels: _Labels, *words: str) -> bool:
    """Whether one of ``words`` is a label as written, or in capitals ("TABLE"), or an
    abbreviation in any case ("fig."): "to build 10 plants" has no label."""
    for word in words:
        if word in labels.exact:
            return True
        folded = word.casefold()
        if folded in labels.folded and (word[:1].isupper() or word.endswith(".")):
            return True
    return False


def _last(words: list[str], n: int) -> str:
    return " ".join(words[-n:]) if len(words) >= n else ""


def _labelled(f: _Furniture, text: str, start: int, end: int, line: Interval) -> Interval | None:
    """A number after a label that names a part, a code, a standard, a counter, a phone
    line or a copyright; or before a counter word on a short line."""
    glued = text[start - 1] if start else "\n"
    words = _words_before(text, start - 1 if glued == "+" else start, line[0])
    one, two = _last(words, 1), _last(words, 2)
    folded = (one.casefold(), two.casefold())
    if glued in f.signs or one in f.signs or _is_label(f.references, one, two):
        found = f.reference_number.match(text, start)
        if found:
            return start, found.end()
    if one in f.standards or two in f.standards:
        found = f.standard_number.match(text, start)
        return (start, found.end()) if found else None
    if _is_label(f.codes, one, two):
        found = f.code_number.match(text, start)
        if found:
            return start, found.end()
    if folded[0] in f.copyright or folded[1] in f.copyright or glued == "©":
        found = re.match(rf"\d{{4}}(?:{_H}*[-–]{_H}*\d{{4}})?", text[start : start + 16])
        if found:
            return start, start + found.end()
    short = line[1] - line[0] <= SHORT_LINE
    if folded[0] in f.phone_labels or folded[1] in f.phone_labels:
        at = start - 1 if glued in "+(" else start
        found = f.phone.match(text, at)
        if found:
            return found.span()
    street = folded[0] in f.street_words
    if street or (one[:1].isupper() and folded[0].endswith(f.streets)):
        # "Main Street 12", "ул. Тверская, д. 7"; a compound ("Hafenstraße 12") only before
        # a postal code and its town ("Hafenstraße 12 10115 Berlin")
        found = _HOUSE_NUMBER.match(text, start)
        if found and (street or found.end() > end + 1):
            return found.span()
    if short and (folded[0] in f.counter_labels or folded[1] in f.counter_labels):
        found = re.match(r"\d[\d.,]*(?:[KkMm](?!\w))?\)?", text[start : start + 16])
        if found:
            return start, start + found.end()
    if short and (folded[0] in f.reading_labels or folded[1] in f.reading_labels):
        found = f.reading_after.match(text, end)
        return start, found.end() if found else end
    if short and not text[line[0] : line[1]].rstrip().endswith("."):
        found = f.count_after.match(text, end)
        if found:
            return start, found.end()
    found = f.reading_after.match(text, end)
    if found:
        return start, found.end()
    return None


# -- around one line ----------------------------------------------------------------------


def _line_furniture(f: _Furniture, text: str, start: int, end: int) -> Iterator[Interval]:
    """The furniture of the line [start, end) that holds a number: a line of a date (and
    time) alone, a labelled date, a place-and-date line, a date that ends a title or a
    byline, a page number before a heading, a line of letters set apart."""
    length = end - start
    if length <= DATE_LINE:
        whole = f.date_line.fullmatch(text, start, end)
        if whole and f.strong_date.search(text, start, end):
            yield start, end
            return
    yield from _labelled_dates(f, text, start, end)
    city = f.city_dateline.match(text, start, end)
    if city and f.full_or_month.search(city.group(1)):
        yield city.span(1)
    if not text[start:end].rstrip().endswith((".", "!", "?", ";")):
        tail_from = max(start, end - TAIL_WINDOW)
        tail = f.date_tail.search(text, tail_from, end)
        if tail and (
            _tail_stands_alone(text, tail.start(1), start) or f.bylines.match(text, start)
        ):
            yield tail.span(1)
    if length <= 16 and f.page_counter.fullmatch(text, start, end):
        yield start, end  # "1 / 12", "3 von 10": a gallery's or a document's page counter
        return
    marker = _LIST_MARKER.match(text, start, end)
    if marker:
        yield marker.span(1)
    page = re.match(
        rf"{_H}*(\d{{1,3}}){_H}+(?:(\d{{1,2}}\.){_H}+[{_UPPER}]|[{_UPPER}]{{4,}}(?![{_LOWER}]))",
        text[start : min(end, start + 40)],
    )
    if page:
        yield start + page.start(1), start + page.end(1)
        if page.group(2):
            yield start + page.start(2), start + page.end(2)
    if length >= 24 and _letter_spaced(text[start:end]):
        yield start, end


def _labelled_dates(f: _Furniture, text: str, start: int, end: int) -> Iterator[Interval]:
    """ "date 2025-02-27" opening a line, "Updated: March 3, 2026", "Stand: 03.03.2026"
    anywhere on it: the date after a label of publication (a label amid a line needs its
    colon: "the date 2025 was set" is prose)."""
    indent = start + len(text[start:end]) - len(text[start:end].lstrip(" \t\u00a0"))
    colon = ":" in text[start:end]
    labelled = f.labelled_date.match(text, indent)
    if labelled is None and colon:
        labelled = f.labelled_date.search(text, start, end)
    while labelled:
        run = f.date_run.match(text, labelled.end())
        opens = labelled.start() == indent or ":" in labelled.group()
        if opens and run and f.strong_date.search(run.group()):
            yield labelled.end(), run.end()
        labelled = f.labelled_date.search(text, labelled.end(), end) if colon else None


def _tail_stands_alone(text: str, at: int, line_start: int) -> bool:
    """Whether a date that ends a line stands after a separator or a capitalised word (a
    title, "Quarterly Review JUNE 3, 2024"), not after a word of running text ("… closed
    on June 3, 2024")."""
    head = text[max(line_start, at - 40) : at].rstrip(" \t\u00a0\u202f")
    if not head or head[-1] in "-–—|·•,":
        return True
    word = re.search(r"\w+$", head)
    return word is not None and word.group()[0].isupper()


def _letter_spaced(line: str) -> bool:
    """ "Q U A R T A L S B E R I C H T", "A ra bella st ra ße 4": a line whose letters a
    layout tore apart; its numbers are torn too, and no sentence can be read in it."""
    words = [w for w in line.split() if w.isalpha()]
    if len(words) < 8:
        return False
    small = sum(1 for w in words if len(w) <= 2)
    single = sum(1 for w in words if len(w) == 1)
    if small < 0.75 * len(words) or single < 0.3 * len(words):
        return False
    # a stretch of whole words ("we have 40 MW here and") is a sentence someone can read
    longer = [len(w) >= 3 for w in words]
    return not any(sum(longer[i : i + 5]) >= 3 for i in range(len(words)))


_WEATHER = re.compile(
    rf"{_H}*[+−-]?\d{{1,2}}(?:[.,]\d)?{_H}?°{_H}?[CF]?(?:{_H}+[^\W\d_][\w .-]{{0,30}})?{_H}*"
)
_LONE_AMOUNT = re.compile(
    rf"{_H}*(?:[A-Z]{{3}}(?:/[A-Z]{{3}})?{_H}*|[$€£¥₽]{_H}?)?\d{{1,6}}(?:[.,]\d{{1,4}})?"
    rf"{_H}?(?:[^\W\d_]{{1,4}}\.?|[$€£¥₽%])?(?:{_H}*[+−-]{_H}*\d+(?:[.,]\d+)?%?)?{_H}*"
)
_PAIR_TICKER = re.compile(
    rf"{_H}*([A-Z]{{3}})/([A-Z]{{3}}){_H}*\d{{1,6}}[.,]\d{{1,4}}(?:{_H}*[+−-]?{_H}*\d+(?:[.,]\d+)?%?)?{_H}*"
)


def _widget_blocks(text: str, lines: list[Interval]) -> Iterator[Interval]:
    """A weather widget ("+1 °C") and the lone rates next to it ("88,58 р."), and a line
    of an exchange-rate pair ("EUR/USD 1,0832"): lines of a page's header. A temperature
    alone on its line is a widget only with a "+" (a reading says "5 °C") or with rates
    beside it."""
    for index, (start, end) in enumerate(lines):
        if not _WEATHER.fullmatch(text, start, end):
            continue
        block = [(start, end)]
        for step in (-1, 1):
            at = index + step
            while 0 <= at < len(lines):
                s, e = lines[at]
                near = lines[at - step]
                adjacent = s == near[1] + 1 if step == 1 else near[0] == e + 1
                if not adjacent or not _LONE_AMOUNT.fullmatch(text, s, e):
                    break
                block.append((s, e))
                at += step
        if len(block) > 1 or text[start:end].lstrip().startswith("+"):
            yield from block
    for s, e in lines:
        pair = _PAIR_TICKER.fullmatch(text, s, e)
        if pair and pair.group(1) in CURRENCIES and pair.group(2) in CURRENCIES:
            yield s, e


# -- numbers that name a thing ----------------------------------------------------------------

#: A capitalised word after a word in lower case (so not a sentence's first word), right
#: before a number: "die Ariane 6", "the Falcon 9".
_NAME_BEFORE = re.compile(rf"[{_LOWER}][\w-]*{_H}+([{_UPPER}][{_LOWER}]+){_H}$")


def without_named_numbers(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "die Ariane 6 ... der Ariane 6, die": a small whole number after a capitalised word,
    with no unit, counted noun, bound or hedge, is part of a name when the same word and
    number stand together twice in the text; once ("Siemens 5 neue Werke") it may count."""
    seen: dict[tuple[str, str], list[int]] = {}
    for index, mention in enumerate(mentions):
        quantity = mention.quantity
        surface = text[mention.start : mention.end]
        plain = (
            quantity.unit == "dimensionless"
            and quantity.counted is None
            and quantity.bound == "="
            and quantity.hedge is None
            and quantity.low is None
        )
        if not plain or not surface.isdigit() or len(surface) > 2:
            continue
        word = _NAME_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if word:
            seen.setdefault((word.group(1), surface), []).append(index)
    named = {index for places in seen.values() if len(places) > 1 for index in places}
    if not named:
        return mentions
    return [mention for index, mention in enumerate(mentions) if index not in named]
