"""Flattened report tables: the unit and scale stated once in a header, and accounting signs.

A results table copied out of a report loses its grid: "(in millions of US dollars)
Net sales 1,250 1,410 (160)" says 1.25e9 USD, 1.41e9 USD and -160e6 USD, but each
amount read alone is a bare count. This module finds headers and captions that declare a unit
and a scale (``in millions of US dollars``, ``Angaben in Mio. Euro``, ``(в млрд рублей)``), and
rewrites the bare numbers of the table region after them, which the scanner has already read:

- the region is the rest of the header's paragraph, and the following paragraphs while they
  look like table cells (few words); a paragraph of prose or the next header ends it;
- only numbers standing in a row of numbers (two or more separated by nothing but spaces) or
  alone on their line are amounts; "3 downloads" in passing is not;
- a parenthesised amount ``(188)`` and an amount after a set-apart minus ``- 1,2`` are
  negative (accounting notation);
- a number that carries its own mark (``7.9%``, ``(7.5) pp``) keeps it; a row whose label ends
  in a percent label, or a column headed so, holds percentages; a per-share row keeps the
  currency but not the scale; four-digit years are column heads, not values;
- small parenthesised integers glued together (``(1)(2)``) or in excess of the table's usual
  row length at the start of a row are footnote markers and are dropped.

The words of each language come from ``lang/<lang>/tabular.yaml``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from claimkb.core.models import Quantity
from claimkb.core.units import kind_of_unit
from claimkb.extract.mention import Mention
from claimkb.extract.tables import TabularTable, tables, tabular

_SP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
_SP0 = rf"(?:{_SP})?"
_BLANK = re.compile(r"\n[^\S\n]*\n")
_WORD = re.compile(r"[^\W\d_]{2,}")
#: How far a region reaches at most, so one header cannot rewrite a whole long document.
_REACH = 6000
#: How far from its scale word a header may start or end.
_AROUND = 60
_WORD_RUN = re.compile(r"\w+")
_SYMBOL = re.compile(r"[^\w\s().,;:!?\"'«»„“”-]")
_BEYOND = "unit and scale taken from a table header above; where the table ends is not marked"
_NO_UNIT = "the table header gives a scale but no unit"


@dataclass(frozen=True)
class _Header:
    start: int
    end: int
    scale: float
    unit: str | None


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    value: float
    mark: str | None
    negative: bool
    parens: bool
    plain_int: bool
    year: bool


@dataclass(frozen=True)
class _Words:
    header: re.Pattern[str]
    token: re.Pattern[str]
    scale_of: dict[str, float]
    unit_of: dict[str, str]
    mark_of: dict[str, str]
    table: TabularTable
    thousands: str
    scale_keys: frozenset[str]
    glued_of: dict[str, tuple[str, float]]


def _norm(form: str) -> str:
    return " ".join(form.lower().split())


def _either(forms: list[str]) -> str:
    """An alternation of ``forms``, longest first, each bounded where it starts or ends in a
    letter or digit (so that "t" is no part of "to" and "$" needs no boundary)."""
    parts = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        body = _SP.join(re.escape(piece) for piece in form.split())
        if form[0].isalnum():
            body = r"(?<!\w)" + body
        if form[-1].isalnum():
            body += r"(?!\w)"
        parts.append(body)
    return "|".join(parts) or "(?!)"


@cache
def _words(lang: str) -> _Words:
    table = tabular(lang)
    scale_of = {_norm(f): float(k) for k, forms in table.scales.items() for f in forms}
    unit_of = {_norm(f): unit for unit, forms in table.units.items() for f in forms}
    mark_of = {_norm(f): unit for unit, forms in table.marks.items() for f in forms}
    glued_of = {_norm(f): (entry.unit, entry.scale) for entry in table.glued for f in entry.forms}
    scale, unit = _either(list(scale_of)), _either(list(unit_of))
    opener, joiner = _either(table.openers), _either(table.joiners)
    header = re.compile(
        rf"(?:(?P<oa>{opener}){_SP})?(?P<sa>{scale}){_SP0}(?:(?:{joiner}){_SP})?(?P<ua>{unit})"
        rf"|(?:(?P<pb>{opener}){_SP})?(?P<ub>{unit}){_SP0}(?:(?P<ob>{opener}){_SP})?(?P<sb>{scale})"
        rf"|(?P<oc>{opener}){_SP}(?P<sc>{scale})(?={_SP0}(?:[),;:\n]|$))"
        rf"|(?:(?P<od>{opener}){_SP})?(?P<gd>{_either(list(glued_of))})",
        re.IGNORECASE,
    )
    seps = r"[.,\u00a0\u202f ]" if table.space_thousands else r"[.,]"
    number = rf"\d{{1,3}}(?:{seps}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    marks = _either(list(mark_of))
    token = re.compile(
        rf"(?<![\w/.,\-−–])(?:(?P<open>\()[^\S\n]*)?(?P<sign>[-−–][^\S\n]?)?(?P<num>{number})"
        rf"(?P<inner>[^\S\n]?%)?(?:[^\S\n]*(?P<close>\)))?"
        rf"(?:[^\S\n]?(?P<mark>{marks}))?(?![\w/])",
        re.IGNORECASE,
    )
    keys = frozenset(
        [first.group().lower() for form in scale_of if (first := _WORD_RUN.search(form))]
        + list(glued_of)
    )
    return _Words(
        header,
        token,
        scale_of,
        unit_of,
        mark_of,
        table,
        tables(lang).words.thousands_separator,
        keys,
        glued_of,
    )


def _value(digits: str, thousands: str) -> float:
    """The value of a table number: where both marks occur the later one is the decimal
    mark; a lone mark is a thousands separator when it is the language's and three digits
    follow it, or when it repeats."""
    text = re.sub(r"[\s\u00a0\u202f]", "", digits)
    if "." in text and "," in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        return float(text.replace("," if decimal == "." else ".", "").replace(decimal, "."))
    for mark in ".,":
        if mark in text:
            if text.count(mark) > 1 or (mark == thousands and len(text.split(mark)[1]) == 3):
                return float(text.replace(mark, ""))
            return float(text.replace(mark, "."))
    return float(text)


def _scale_words(text: str, keys: frozenset[str]) -> list[int]:
    """Where the scale words of ``keys`` stand in ``text``, in order: a string search per
    key on the lower-cased text, far quicker than a pattern tried at every place."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: search by pattern
        keyed = re.compile("|".join(re.escape(key) for key in sorted(keys)), re.IGNORECASE)
        hits = [(m.start(), m.group().lower()) for m in keyed.finditer(text)]
    else:
        hits = []
        for key in keys:
            at = lowered.find(key)
            while at != -1:
                hits.append((at, key))
                at = lowered.find(key, at + 1)
    return sorted(
        {
            at
            for at, key in hits
            if not (key[0].isalnum() and at > 0 and text[at - 1].isalnum())
            and not (key[-1].isalnum() and text[at + len(key) : at + len(key) + 1].isalnum())
        }
    )


def _header_matches(text: str, words: _Words) -> Iterator[re.Match[str]]:
    """The header pattern tried only around scale words: every header has one. A header
    starts at one of the few words (or a symbol such as "$") just before its scale."""
    done = -1
    for at in _scale_words(text, words.scale_keys):
        low = max(done, at - _AROUND, 0)
        window = text[low:at]
        if at < done or window.rstrip()[-1:].isdigit():
            continue  # "5 million" is an amount, not a header
        starts = {low + m.start() for m in _SYMBOL.finditer(window)}
        starts.update(low + m.start() for m in list(_WORD_RUN.finditer(window))[-5:])
        starts.add(at)
        for start in sorted(starts):
            match = words.header.match(text, start)
            if match and match.end() > at:
                done = match.end()
                yield match
                break


def _headers(text: str, words: _Words) -> list[_Header]:
    """The headers of ``text`` that declare a scale (and mostly a unit). A header right after
    a number is an ordinary amount ("5 Mio. Euro"); one without an opening word must stand
    where a caption stands: at a line start, after "(", "," or ":"."""
    found: list[_Header] = []
    for match in _header_matches(text, words):
        before = text[max(0, match.start() - 40) : match.start()].rstrip()
        if before.endswith("("):
            before = before[:-1].rstrip()
        if before and before[-1].isdigit():
            continue
        opened = any(match.group(name) for name in ("oa", "ob", "oc", "od", "pb"))
        lead = text[max(0, match.start() - 40) : match.start()]
        if not opened and not re.search(r"(?:^|\n|[(,:])[^\S\n]*$", lead):
            continue
        glued = words.glued_of.get(_norm(match.group("gd") or ""))
        if glued is not None:
            found.append(_Header(match.start(), match.end(), glued[1], glued[0]))
            continue
        scale = match.group("sa") or match.group("sb") or match.group("sc") or ""
        unit = match.group("ua") or match.group("ub")
        found.append(
            _Header(
                match.start(),
                match.end(),
                words.scale_of.get(_norm(scale), 1.0),
                words.unit_of.get(_norm(unit)) if unit else None,
            )
        )
    return found


def _region(text: str, header: _Header, stop: int) -> tuple[int, int, int]:
    """Where the table after ``header`` starts and ends, and where the header's own
    paragraph ends (amounts past it are less sure to belong to it). A parenthesised header
    ends at its closing parenthesis ("(... in thousands, except per-share data)")."""
    start = header.end
    if text[max(0, header.start - 2) : header.start].strip().endswith("("):
        close = text.find(")", header.end, header.end + 120)
        newline = text.find("\n", header.end, header.end + 120)
        if close != -1 and (newline == -1 or close < newline):
            start = close + 1
    limit = min(stop, header.end + _REACH, len(text))
    blank = _BLANK.search(text, start, limit)
    own_end = blank.start() if blank else limit
    end = own_end
    while blank is not None and end < limit:
        following = _BLANK.search(text, blank.end(), limit)
        para_end = following.start() if following else limit
        paragraph = text[blank.end() : para_end]
        if len(paragraph) > 80 or len(_WORD.findall(paragraph)) > 3:
            break
        end, blank = para_end, following
    return start, end, own_end


def _tokens(text: str, start: int, end: int, words: _Words) -> list[_Token]:
    found = []
    for match in words.token.finditer(text, start, end):
        parens = bool(match.group("open") and match.group("close"))
        if bool(match.group("open")) != bool(match.group("close")):
            continue  # a lone parenthesis: a footnote "(see 3" or a cut cell, not a value
        digits = match.group("num")
        mark = words.mark_of.get(_norm(match.group("mark") or "")) or (
            "percent" if match.group("inner") else None
        )
        value = _value(digits, words.thousands)
        plain_int = digits.isdigit()
        year = (
            plain_int
            and len(digits) == 4
            and 1900 <= value <= 2100
            and not parens
            and not match.group("sign")
        )  # "2023 %" is a year head before a percent head, not 2023 percent
        found.append(
            _Token(
                match.start(),
                match.end(),
                value,
                mark,
                parens or bool(match.group("sign")),
                parens,
                plain_int,
                year,
            )
        )
    return found


#: What may stand between the cells of one row: spaces and column rules ("| 12 | 14 |").
_CELL_GAP = " \t\n\r\u00a0\u202f|│"


def _runs(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    """Tokens in rows: neighbours with nothing but spaces between them; a year, being a
    column head, breaks a row."""
    runs: list[list[_Token]] = []
    for token in tokens:
        if token.year:
            runs.append([])
            continue
        if runs and runs[-1] and not text[runs[-1][-1].end : token.start].strip(_CELL_GAP):
            runs[-1].append(token)
        else:
            runs.append([token])
    return [run for run in runs if run]


def _alone_on_line(text: str, token: _Token) -> bool:
    line_start = text.rfind("\n", 0, token.start) + 1
    line_end = text.find("\n", token.end)
    line_end = len(text) if line_end == -1 else line_end
    before, after = text[line_start : token.start], text[token.end : line_end]
    return not before.strip(_CELL_GAP) and not after.strip(_CELL_GAP)


def _footnotes(text: str, runs: list[list[_Token]]) -> set[_Token]:
    """Footnote markers in rows: small parenthesised integers glued to each other
    ("(1)(2)"), and those that open a row longer than the table's usual row."""
    marks: set[_Token] = set()
    for run in runs:
        for left, right in itertools.pairwise(run):
            if _small_mark(left) and _small_mark(right) and left.end == right.start:
                marks.update((left, right))
    lengths = Counter(len(run) for run in runs if len(run) >= 2)
    if lengths:
        usual = max(sorted(lengths), key=lambda n: lengths[n])
        for run in runs:
            extra = len(run) - usual
            for token in run[: max(0, extra)]:
                if not _small_mark(token):
                    break
                marks.add(token)
    return marks


def _small_mark(token: _Token) -> bool:
    return token.parens and token.plain_int and token.value < 10 and token.mark is None


def _is_year(cell: str) -> bool:
    return cell.isdigit() and len(cell) == 4 and 1900 <= int(cell) <= 2100


def _ends_with_label(label: str, labels: list[str]) -> bool:
    tail = _norm(label)
    return any(tail.endswith(_norm(form)) for form in labels)


def _percent_lines(text: str, start: int, end: int, words: _Words) -> set[int]:
    """Column-major flattening: a table whose column heads stand one per line ("Q3/17",
    "Q3/16", "%") followed by as many lines of numbers, each line one column. Returns the
    start offsets of the number lines under a percent head."""
    lines: list[tuple[int, str]] = []
    pos = text.find("\n", start, end)
    while pos != -1 and pos < end:
        nxt = text.find("\n", pos + 1, end)
        stop = end if nxt == -1 else nxt
        line = text[pos + 1 : stop].strip()
        if line:
            lines.append((pos + 1, line))
        pos = nxt
    heads: list[str] = []
    data: list[int] = []
    for offset, line in lines:
        cells = list(words.token.finditer(line))
        rest = words.token.sub("", line).strip()
        if cells and not rest and not any(_is_year(cell.group(0)) for cell in cells):
            data.append(offset)
        elif data:
            break
        elif len(line) <= 16:
            heads.append(line)
        else:
            heads = []
    if len(data) < 2 or len(heads) != len(data):
        return set()
    return {
        offset
        for offset, head in zip(data, heads, strict=True)
        if _ends_with_label(head, words.table.percent_labels)
    }


_YEAR_HEAD = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,%])")


def _percent_columns(heads: str, words: _Words) -> tuple[int, frozenset[int]] | None:
    """Row-major tables whose column heads stand in one line before the rows ("2023 2022
    Change in %"): how many columns there are, and which hold percentages. Only heads that
    are years or percent marks are counted; a table with other heads is left alone."""
    marks = [m.start() for m in _YEAR_HEAD.finditer(heads)]
    years = len(marks)
    words_of_percent = [_norm(f) for f in words.table.percent_labels if f.isalpha()]
    lowered = heads.lower()
    percents = [i for i, char in enumerate(heads) if char == "%"]
    for word in words_of_percent:
        percents += [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)]
    if not years or not percents:
        return None
    order = sorted([(at, False) for at in marks] + [(at, True) for at in percents])
    return len(order), frozenset(i for i, (_, percent) in enumerate(order) if percent)


def read_tables(text: str, lang: str, found: list[Mention]) -> list[Mention]:
    """``found`` (the scanner's mentions of ``text``, in text order) with the bare amounts of
    flattened tables given the unit and scale of their header, their accounting signs, and
    footnote markers in rows dropped. Only numbers the scanner read are rewritten, so page
    chrome it left out stays out."""
    words = _words(lang)
    if not words.table.scales:
        return found
    headers = _headers(text, words)
    if not headers:
        return found
    spans = _Spans(found)
    replaced: dict[int, list[Mention]] = {}
    dropped: set[int] = set()
    for index, header in enumerate(headers):
        stop = headers[index + 1].start if index + 1 < len(headers) else len(text)
        start, end, own_end = _region(text, header, stop)
        if end <= start:
            continue
        tokens = _tokens(text, start, end, words)
        runs = _runs(text, tokens)
        footnotes = _footnotes(text, runs)
        percent_lines = _percent_lines(text, start, end, words)
        dropped.update(_heads_read_as_numbers(text, header, end, spans))
        columns = _percent_columns(text[start : runs[0][0].start], words) if runs else None
        previous_end = start
        for run in runs:
            line_start = text.rfind("\n", 0, run[0].start) + 1
            label = text[max(previous_end, line_start) : run[0].start]
            previous_end = run[-1].end
            if len(run) < 2 and not _alone_on_line(text, run[0]):
                continue
            # a headcount row in a table of amounts keeps its counts
            count_row = any(_norm(c) in _norm(label) for c in words.table.count_labels)
            in_percent_row = _ends_with_label(label, words.table.percent_labels)
            per_share = any(_norm(p) in _norm(label) for p in words.table.per_share)
            values = [token for token in run if token not in footnotes]
            for token in run:
                column_percent = (
                    columns is not None
                    and len(values) == columns[0]
                    and token in values
                    and values.index(token) in columns[1]
                )
                overlapping = spans.overlapping(token.start, token.end)
                if not overlapping:
                    continue
                if token in footnotes:
                    if all(_bare(found[i]) for i in overlapping):
                        dropped.update(overlapping)
                    continue
                line_start = text.rfind("\n", 0, token.start) + 1
                percent = in_percent_row or column_percent or line_start in percent_lines
                if count_row and not percent and token.mark is None:
                    continue
                mention = _amount(
                    token,
                    header,
                    percent,
                    per_share,
                    beyond=token.start >= own_end,
                )
                if mention is None or not _may_replace(found, overlapping, mention):
                    continue
                for i in overlapping:
                    replaced.setdefault(i, []).append(mention)
    if not replaced and not dropped:
        return found
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for i, mention in enumerate(found):
        if i in dropped:
            continue
        for new in replaced.get(i, [mention]):
            if (new.start, new.end) not in seen:
                seen.add((new.start, new.end))
                out.append(new)
    return sorted(out, key=lambda m: (m.start, m.end))


_PERIOD_CELL = re.compile(r"[^\W_]{1,4}/\d{2,4}")


def _heads_read_as_numbers(text: str, header: _Header, end: int, spans: _Spans) -> set[int]:
    """Bare readings that are no amounts of the table: a scale word of the header itself
    ("in millions" read as "millions") and period heads of columns ("9M/17", "H1/19")."""
    out = set()
    for i in spans.overlapping(header.start, end):
        mention = spans.found[i]
        wordy = not any(c.isdigit() for c in text[mention.start : mention.end])
        if wordy and header.start <= mention.start and mention.end <= header.end:
            out.add(i)  # "millions of US dollars" read as a vague amount
            continue
        if not _bare(mention):
            continue
        inside = header.start <= mention.start and mention.end <= header.end
        if inside and not any(c.isdigit() for c in text[mention.start : mention.end]):
            out.add(i)
            continue
        cell_start = mention.start
        while cell_start > 0 and not text[cell_start - 1].isspace():
            cell_start -= 1
        cell_end = mention.end
        while cell_end < len(text) and not text[cell_end].isspace():
            cell_end += 1
        if _PERIOD_CELL.fullmatch(text[cell_start:cell_end].rstrip(".,;")):
            out.add(i)
    return out


class _Spans:
    """The scanner's mentions by place: which overlap a span, found by bisection so that
    a document with many tables stays linear."""

    def __init__(self, found: list[Mention]) -> None:
        self.found = found
        self.starts = [m.start for m in found]
        self.longest = max((m.end - m.start for m in found), default=0)

    def overlapping(self, start: int, end: int) -> list[int]:
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return [i for i in range(first, last) if self.found[i].end > start]


def _bare(mention: Mention) -> bool:
    q = mention.quantity
    return q.unit == "dimensionless" and q.counted is None and q.time is None


def _may_replace(found: list[Mention], overlapping: list[int], new: Mention) -> bool:
    """A bare reading may be replaced; one with a unit only to fix its sign."""
    for i in overlapping:
        q = found[i].quantity
        if _bare(found[i]):
            continue
        same_unit = q.unit == new.quantity.unit and q.low is None and q.high is None
        if same_unit and abs(q.value) == abs(new.quantity.value):
            continue
        return False
    return True


def _amount(
    token: _Token, header: _Header, percent: bool, per_share: bool, beyond: bool
) -> Mention | None:
    value = -token.value if token.negative else token.value
    ambiguity = None
    if token.mark is not None:
        unit = token.mark
    elif percent:
        unit = "percent"
    elif per_share:
        if header.unit is None:
            return None
        unit = header.unit
    else:
        unit = header.unit or "dimensionless"
        value *= header.scale
        if header.unit is None:
            ambiguity = _NO_UNIT
        elif beyond:
            ambiguity = _BEYOND
    quantity = Quantity(
        kind=kind_of_unit(unit),  # type: ignore[arg-type]
        value=value,
        unit=unit,
        ambiguity=ambiguity,
    )
    return Mention(token.start, token.end, quantity)
