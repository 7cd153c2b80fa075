"""The quantity grammar: from a number outwards to its range, unit, bounds, hedge, rate and
counted noun.

The scanner finds candidate numbers with two compiled patterns (digits; first words of
number phrases), reads each candidate once, and grows it left and right with the language's
tables. It never backtracks over the text, so its cost is linear in the input.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from claimkb.core.models import Quantity
from claimkb.core.units import CURRENCIES, kind_of_unit
from claimkb.extract import change, factors, numwords
from claimkb.extract.chrome import Mask, chrome_intervals
from claimkb.extract.dates import bare_year, date_bound, date_forms, dates_from
from claimkb.extract.digit_runs import DigitRuns
from claimkb.extract.durations import join_durations
from claimkb.extract.furniture import without_named_numbers
from claimkb.extract.glued_bounds import glued_bound
from claimkb.extract.grammar import (
    SPACE,
    WORD_GUARD,
    WORD_LEAD,
    EndFilter,
    Grammar,
    KeyedPattern,
    SharedScan,
    alternation,
    grammar,
    unnamed,
)
from claimkb.extract.list_units import percentage_points, share_list_units
from claimkb.extract.mention import Mention
from claimkb.extract.numbers import Number, is_year, over_limit_end, read_number, within_limits
from claimkb.extract.plurals import plural_reader
from claimkb.extract.tables import merged_words, name_words, tables
from claimkb.extract.tabular import read_tables
from claimkb.extract.unit_forms import (
    assumed_note,
    hundredths_after,
    in_base_unit,
    opens_no_unit,
)
from claimkb.extract.year_units import in_years

_SPACES = re.compile(f"{SPACE}*")
_DIGITS = re.compile(r"\d+")
_QUOTES = "«»„“”\"'‹›‚‘’"
_WORD_BEFORE = re.compile(rf"[^\W\d_][\w.-]*{SPACE}+$")
#: What may stand right before digits glued to a currency code ("USD115", "US$5", "A.5"):
#: only a code makes them a number.
_CODE_ENDS = frozenset(string.ascii_letters + "$.")
#: A currency code with the finance prefix M for a million ("30 MUSD", "MEUR 120").
_MILLION_CODE = re.compile(rf"M({'|'.join(CURRENCIES)})(?!\w)")
_MILLION_CODE_BEFORE = re.compile(rf"(?<!\w)M({'|'.join(CURRENCIES)}){SPACE}*$")
_MILLION_CODE_ENDS = EndFilter({"code": [f"M(?:{'|'.join(CURRENCIES)})"]})
#: A word with a letter right before a hyphen: a number after it is part of a code.
_IN_CODE = re.compile(r"(?<![\w-])[^\W_]*[^\W\d_][^\W_]*[-‑]$")
#: A symbol followed by a hyphen and digits is a code ("24703 L-202"), not a unit.
_CODE_AFTER_SYMBOL = re.compile(r"[-‑]\d")
#: A capitalised word right before a position ("Claudia" before "Tausend").
_TITLE_BEFORE = re.compile(rf"(?<![\w.-])([^\W\d_][^\W\d_]+){SPACE}+$")
_CLAUSE_END = re.compile(r"[.;:!?,()\n–—]")
_LAST_CLAUSE_END = re.compile(r"(?s:.*)[.;:!?,()\n–—]")
_WORD = re.compile(r"[^\W\d_][\w‑-]*")
_HYPHEN_JOINT = re.compile(r"[-‑–](?=[^\W\d_])")
_NAME_TOKEN = re.compile(r"[A-Z][A-Z0-9]*\d[A-Z0-9]*(?!\w)|[A-Z]{2,5}s?(?!\w)")


def _either(words: Iterable[str]) -> str:
    """The plain alternation of ``words``, escaped and in their order."""
    return "|".join(map(re.escape, words)) or "(?!)"


@dataclass(frozen=True)
class _AnyLanguage:
    """The word lists read in a text of any language ("minus" quoted in a German text),
    merged over the languages and compiled once."""

    #: A sign word before a number; "плюс минус 1" and "plus minus 1" are a tolerance, not -1.
    sign_before: re.Pattern[str]
    #: Whether a sign (word) may end before a number: most numbers have none.
    sign_ends: EndFilter
    #: Capitalised words before a number that are no first name.
    determiners: frozenset[str]
    or_words: re.Pattern[str]
    repeat_joint: re.Pattern[str]
    #: A preposition (or phrase) right before a unit without a number.
    prepositions: re.Pattern[str]
    #: The alternation of prepositions between a hedge or bound and such a unit.
    time_prepositions: str
    fraction_stems: tuple[str, ...]
    #: Words that read as a fraction word glued to a unit but are not: "полдень" is noon.
    not_fractions: frozenset[str]
    #: A company's legal form after a number: the number is part of its name.
    company_after: re.Pattern[str]


@cache
def _any_language() -> _AnyLanguage:
    signs = _either(merged_words(lambda w: w.sign_words))
    tolerance = "".join(
        f"(?<!{re.escape(f)})" for f in merged_words(lambda w: w.sign_tolerance_before)
    )
    leads = _either(merged_words(lambda w: [*w.time_prepositions, *w.lead_prepositions]))
    return _AnyLanguage(
        sign_before=re.compile(rf"(?:(?<!\w){tolerance}(?:{signs})|^[-−]){SPACE}+$", re.IGNORECASE),
        sign_ends=EndFilter({"sign": [signs, "[-−]"]}),
        determiners=frozenset(merged_words(lambda w: w.determiners)),
        or_words=re.compile(_either(merged_words(lambda w: w.or_words))),
        repeat_joint=re.compile(
            rf"{SPACE}+(?:{_either(merged_words(lambda w: w.and_words))}){SPACE}+", re.IGNORECASE
        ),
        prepositions=re.compile(rf"(?<!\w)(?:{leads}){SPACE}+$", re.IGNORECASE),
        time_prepositions=_either(merged_words(lambda w: w.time_prepositions)),
        fraction_stems=tuple(merged_words(lambda w: w.fraction_stems)),
        not_fractions=frozenset(merged_words(lambda w: w.not_fractions)),
        company_after=re.compile(rf"{SPACE}+(?:{_either(name_words().company_suffixes)})\b"),
    )


@dataclass(frozen=True)
class _LanguageWords:
    """The word lists of one language's ``words.yaml`` read in its texts, compiled once."""

    #: Words between a vague number and its unit or noun ("Hunderte von Metern").
    linkers: frozenset[str]
    #: An adjective between a number and its noun.
    adjective: re.Pattern[str]
    #: Words before "3." that make it an ordinal ("am 3. Mai"); None: no such reading.
    ordinal_before: re.Pattern[str] | None
    #: Only a conjunction between two numbers.
    bare_conjunction: re.Pattern[str]
    #: A conjunction (and a parenthetical word) ending the text between two counts.
    conjunction_joint: re.Pattern[str]


@cache
def _language_words(lang: str) -> _LanguageWords:
    words = tables(lang).words
    endings = words.adjective_endings
    ending = f"(?:{_either(endings)})" if endings else ""
    ordinal = words.ordinal_dot_before
    conjunctions = _either(words.conjunctions)
    return _LanguageWords(
        linkers=frozenset(words.linkers),
        adjective=re.compile(rf"[{re.escape(words.letters)}][\w‑-]*{ending}$"),
        ordinal_before=re.compile(rf"(?<!\w)(?:{_either(ordinal)}){SPACE}+$", re.IGNORECASE)
        if ordinal
        else None,
        bare_conjunction=re.compile(rf"{SPACE}+(?:{conjunctions}){SPACE}+", re.IGNORECASE),
        conjunction_joint=re.compile(
            rf"[\s«»„“\"]*(?:{conjunctions})(?:,?\s*[^\W\d]+,)?[\s«»„“\"]*$", re.IGNORECASE
        ),
    )


@dataclass
class Reading:
    """A quantity being read: grows from the number outwards."""

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    bound: str = "="
    hedge: str | None = None
    approx: bool = False
    per: str | None = None
    counted: str | None = None
    numbers: list[Number] = field(default_factory=list)
    ambiguity: str | None = None

    def quantity(self) -> Quantity:
        named, (value, low, high) = in_years(self.unit, self.value, self.low, self.high)
        unit, factor = in_base_unit(named or "dimensionless")
        return Quantity(
            kind=kind_of_unit(unit),  # type: ignore[arg-type]
            value=(self.value if value is None else value) * factor,
            unit=unit,
            low=None if low is None else low * factor,
            high=None if high is None else high * factor,
            approx=self.approx
            or (
                self.low is not None
                and self.high is not None
                and self.bound == "="
                and self._vague()
            ),
            hedge=self.hedge,
            bound=self.bound,  # type: ignore[arg-type]
            per=self.per,
            counted=self.counted,
            ambiguity=self.ambiguity,
        )

    def _vague(self) -> bool:
        return any(number.vague for number in self.numbers)


class Scanner:
    """Reads every quantity of one language out of a text."""

    def __init__(self, lang: str, product_names: Iterable[str] = ()) -> None:
        self.lang = lang
        self.g: Grammar = grammar(lang)
        self._names = _name_pattern(product_names)
        self._lang_words = _language_words(lang)
        self._any_words = _any_language()
        mods = self.g.tables.modifiers
        bound_forms = [form for forms in mods.bounds_before.values() for form in forms]
        triggers = alternation([*mods.hedges, *bound_forms, *mods.few_words], ignore_case=True)
        prepositions = self._any_words.time_prepositions
        bare_trigger = rf"(?:{triggers})(?:{SPACE}+(?:{prepositions}))?{SPACE}+"
        # Dates, multiplier words, bare-unit triggers and number words all start after a
        # word boundary: one scan finds them all (see ``SharedScan``; the most frequent last).
        self._fraction_words, fraction_unit, self._fraction_tail = _fraction_patterns(lang)
        self._word_scan = SharedScan(
            WORD_LEAD,
            [
                fraction_unit,
                *date_forms(lang)[0],
                self.g.multiplier_words.body,
                bare_trigger,
                numwords.word_start_body(lang),
            ],
            re.IGNORECASE,
            guard_length=WORD_GUARD,
        )
        self._frame_connectors = {
            index: re.compile(
                f"{SPACE}+(?:{closing}){SPACE}+|{self.g.range_connector.pattern}", re.IGNORECASE
            )
            for index, (_, closing) in enumerate(mods.range_frames)
        }
        few = "|".join(mods.few_words) or "(?!)"
        self._few_before = re.compile(rf"(?<!\w)(?:{few}){SPACE}+$", re.IGNORECASE)
        # A space after a word character: opening with the space (not with a look-behind)
        # lets the engine skip to spaces in one pass.
        self._per_joints = re.compile(
            rf"{SPACE}(?<=\w{SPACE}){SPACE}*"
            rf"(?:{alternation(mods.per_markers, ignore_case=True)}){SPACE}+",
            re.IGNORECASE,
        )
        self._hedge_ahead = re.compile(
            rf"(?:{alternation(mods.hedges, ignore_case=True)})(?:(?<=\W)|(?!\w)){SPACE}*",
            re.IGNORECASE,
        )
        points = alternation(numwords.decimal_points(lang)) or "(?!)"
        self._point_before = re.compile(rf"(?:^|(?<=\n)){SPACE}*(?:{points}){SPACE}+$")
        self._unit_words_glued = KeyedPattern(self.g.tables.units.words, before="")
        self._unit_words_before = KeyedPattern(self.g.tables.units.words, anchor_end=True)
        self._currency_word_ends = EndFilter(
            {unit: forms for unit, forms in self.g.tables.units.words.items() if unit in CURRENCIES}
        )
        #: The last question ``_unit_after`` answered: text, place, number, and its answer.
        self._unit_asked: tuple[str, int, Number | None, tuple[str, int] | None] = (
            "",
            -1,
            None,
            None,
        )
        #: How far back a bound may start: its longest form and a few spaces before the number.
        self._bound_reach = self.g.bounds_before.longest + 8
        self._may_count = self._count_lookahead()

    def scan(
        self, text: str, reference: dt.date | None = None, document_start: bool = True
    ) -> list[Mention]:
        """Every quantity and date in ``text``, in text order, page chrome left out.
        ``reference`` resolves relative dates; ``document_start`` is False for the later
        chunks of a long document."""
        runs = DigitRuns(text)
        mask = Mask(chrome_intervals(text, document_start, runs))
        fractions, *date_matches, multipliers, triggers, number_words = self._word_scan.matches(
            text
        )
        fraction_at = {m.start(): m for m in fractions}
        taken = [
            (d.start, d.end, d.quantity)
            for d in dates_from(text, self.lang, reference, date_matches)
            if not mask.covers(d.start, d.end)
        ]
        # A time reference without a year to resolve it claims nothing, but its words are
        # no number of anything either ("im ersten Halbjahr" is not half a year).
        found = [Mention(s, e, q) for s, e, q in taken if q is not None]
        date_spans = Mask(sorted((s, e) for s, e, _ in taken))
        cursor = 0
        for pos in self._candidates(runs, number_words, fractions):
            if pos < cursor or mask.covers(pos, pos + 1) or date_spans.covers(pos, pos + 1):
                continue
            part = fraction_at.get(pos)
            read = part and self._fraction_of_unit(text, part)
            mentions = read or self._read(text, pos, floor=cursor)
            for mention in mentions:
                if not date_spans.covers(mention.start, mention.end):
                    found.append(mention)
                    cursor = max(cursor, mention.end)
            if not mentions:  # a number past the limits is skipped whole, scale word too
                glued = pos > 0 and text[pos - 1].isalpha()
                cursor = max(cursor, over_limit_end(self.g, text, pos, glued) or 0)
        found.extend(self._bare_units(text, triggers, mask, found))
        found = self._multiplier_words(text, multipliers, mask, found)
        found = without_named_numbers(text, sorted(found, key=lambda m: (m.start, m.end)))
        found = share_list_units(text, _share_counted(text, found, self.lang), self.lang)
        found = percentage_points(text, found, self.lang)
        joined = join_durations(text, found, self.lang)
        return read_tables(text, self.lang, joined)

    def candidate_count(self, text: str) -> int:
        """How many places in ``text`` the grammar reads as a possible quantity: a measure
        of work that, unlike characters, does not depend on how dense a text's numbers are
        (for the benchmark)."""
        fractions, *_, number_words = self._word_scan.matches(text)
        return sum(1 for _ in self._candidates(DigitRuns(text), number_words, fractions))

    def _candidates(
        self, runs: DigitRuns, number_words: list[re.Match[str]], fractions: list[re.Match[str]]
    ) -> Iterator[int]:
        """Where a quantity may start: numbers in digits (``runs`` are the text's digits),
        the first words of number phrases (``number_words``, from the shared word scan),
        fraction words before a unit, digits glued to a currency code."""
        digit_starts = (m.start() for m in runs.numbers(self.g.digits))
        word_starts = (m.start() for m in number_words)
        fraction_starts = (m.start() for m in fractions)
        coded = runs.after(_CODE_ENDS)
        return iter(sorted({*digit_starts, *word_starts, *fraction_starts, *coded}))

    def _fraction_of_unit(self, text: str, part: re.Match[str]) -> list[Mention]:
        """ "half a liter", "quarter-litre", "tenth of a gallon", "Viertelliter", "поллитра":
        a fraction word (``part``, with what joins it to the unit) and a unit word after it."""
        unit = self._unit_words_glued.match(text, part.end())
        if unit is None or text[part.start() : unit[1]].lower() in self._any_words.not_fractions:
            return []
        value = 1 / self._fraction_words[_norm_word(part["word"] or part["ordinal"])]
        number = Number(part.start(), part.end(), value, word=True, fraction=True)
        reading = Reading(part.start(), unit[1], value, unit=unit[0], numbers=[number])
        self._modifiers(text, reading)
        self._counted_and_rate(text, reading)
        finished = self._finish(text, reading)
        return [finished] if finished else []

    # -- reading one quantity -------------------------------------------------------------

    def _read(self, text: str, pos: int, floor: int = 0) -> list[Mention]:
        """The quantities that start at ``pos``; ``floor`` is the end of the previous one, and
        no currency before it is this one's ("17 USD 25": the code served the 17)."""
        glued = pos > 0 and text[pos - 1].isalpha()
        if glued and not self.g.prefix_currency.match_before(text, pos, window=6):
            return []
        if text[pos - 1 : pos] in ("-", "‑") and _IN_CODE.search(text, max(0, pos - 24), pos):
            return []  # "scp2-173m": the number after a hyphen ends a code
        if text[pos : pos + 1].isalpha() and not glued and self._turned_away_article(text, pos):
            return []
        first = read_number(self.g, text, pos, glued=glued)
        if first is None:
            return []
        if first.article and self._counts_nothing(text, first):
            # An article ("ein Haus", "a house"), the most frequent candidate in German:
            # turned away before the other checks, which all turn away the same way. A
            # sign ("minus one") makes it a number; the leading point leaves it alone.
            return []
        if self._is_name_or_ordinal(text, first):
            return []
        glued_letter = not first.word and text[first.end : first.end + 1].isalpha()
        if (
            glued_letter
            and not self._unit_after(text, first.end, first)
            and not _MILLION_CODE.match(text, first.end)
        ):
            return []  # "21st", "5G", "A4": a name or an ordinal, not a quantity
        # An article still standing here counts something (``_counts_nothing`` above):
        # neither the leading point nor the sign changes that.
        first = self._signed(text, self._leading_point(text, first))
        readings = self._ranges(text, first)
        for reading in readings:
            self._unit(text, reading, floor)
            self._modifiers(text, reading)
        if len(readings) == 2:
            self._share_alternatives(text, readings)
        else:
            self._counted_and_rate(text, readings[0])
        for reading in readings:
            if self.g.approximate_numbers.match(text, reading.numbers[0].start):
                reading.approx = True
        return [m for r in readings if (m := self._finish(text, r)) is not None]

    def _ranges(self, text: str, first: Number) -> list[Reading]:
        """One reading for a number or a range; two for alternatives ("1 Mio. oder 10 Mio.").

        The unit may stand after both ends ("от 10 долларов до 20 долларов") or after the
        second only ("20.000 bis 30.000 US-Dollar")."""
        pair = self._change_pair(text, first)
        if pair:
            return pair
        frame = self.g.range_frames.match_before(text, first.start, window=16)
        sign = None if frame else self.g.prefix_currency.match_before(text, first.start, 12)
        if sign is not None:  # "between $3 and $5 million": the frame opens before the sign
            frame = self.g.range_frames.match_before(text, sign[1], window=16)
        connector = self._frame_connectors[frame[0]] if frame else self.g.range_connector
        first_unit = None
        after = first.end
        if text[after : after + 1] in ("-", "‑") and text[after + 1 : after + 2].isspace():
            after += 1  # "8- to 16-meter": the first end's hyphen waits for the unit
        joint = connector.match(text, after)
        if joint is None:
            first_unit = self._unit_after(text, first.end, first)
            joint = connector.match(text, first_unit[1]) if first_unit else None
        if joint is None and first.word and not first_unit:
            joint = self._word_range_joint(text, first)
        second_hedged = False
        second = None
        if joint is not None:
            at = joint.end()
            hedge = self._hedge_ahead.match(text, at)
            if hedge:  # "between 2 g and about 7 g", "2 - ~7 grams"
                at, second_hedged = hedge.end(), True
            code = self.g.currency_glued.match(text, at)
            before = self.g.prefix_currency.match_before(text, first.start, window=12)
            if code is None or (before and before[0] == code[0]):  # "$10-$20"
                second = read_number(self.g, text, code[1] if code else at, glued=True)
        if second is not None and joint is not None:
            found = self._unit_after(text, second.end, second)
            first_kind, second_kind = (u[0] if u else None for u in (first_unit, found))
            differ = first_kind is not None and second_kind and second_kind != first_kind
            if differ or change.no_range_end(
                text, first, first_kind, second, second_kind, joint.group(), self.lang
            ):
                second = None
            elif found is None and first_unit and is_year(second) and not is_year(first):
                second = None  # "65 Prozent bis 2030": a deadline, not the range's end
        start = frame[1] if frame and second else first.start
        single = Reading(start, first.end, first.value, first.low, first.high, numbers=[first])
        if second is None or first.vague or second.vague or joint is None:
            single.start, single.end = first.start, _repeated_end(text, first)
            return [single]
        alternative = self._any_words.or_words.fullmatch(joint.group().strip().lower()) is not None
        either = self.g.alternatives.match_before(text, first.start, window=16)
        if either or (alternative and first.has_scale and second.has_scale):
            return [
                Reading(first.start, first.end, first.value, numbers=[first]),
                Reading(second.start, second.end, second.value, numbers=[second]),
            ]
        low = _share_scale(first, second)
        if low.value > second.value and (frame or first_unit):
            low, second = second, low
        if low.value >= second.value:
            single.start = first.start
            return [single]
        mid = (low.value + second.value) / 2
        reading = Reading(start, second.end, mid, low.value, second.value, numbers=[low, second])
        reading.unit = first_unit[0] if first_unit else None
        reading.approx = second_hedged
        return [reading]

    def _word_range_joint(self, text: str, first: Number) -> re.Match[str] | None:
        """ "два-три года", "пять-шесть человек": a hyphen between two number words joins a
        range (the connector pattern wants no letter after a dash, so that "five-year" is no
        range; here the second must read as a number word)."""
        joint = _HYPHEN_JOINT.match(text, first.end)
        second = read_number(self.g, text, joint.end(), glued=True) if joint else None
        if second is None or not second.word or second.vague:
            return None
        return joint

    def _change_pair(self, text: str, first: Number) -> list[Reading] | None:
        """ "с 6,5 до 6,75%", "von drei auf sieben Milliarden Dollar": the old and the new value
        of a change (``extract.change``), two readings; the old takes the new one's scale."""
        sign = self.g.prefix_currency.match_before(text, first.start, 12)
        opening = sign[1] if sign else first.start
        if not change.may_open_pair(text, opening, self.lang):
            return None
        unit = self._unit_after(text, first.end, first)
        at = change.pair_second(text, opening, unit[1] if unit else first.end, self.lang)
        if at is None:
            return None
        code = self.g.currency_glued.match(text, at)
        second = read_number(self.g, text, code[1] if code else at, glued=True)
        if second is None or second.vague or first.vague or is_year(second):
            return None  # "с 2020 до 2022 года": a time span, for the dates
        old = change.scale_old_value(first, second)
        return [
            Reading(first.start, first.end, old.value, numbers=[old]),
            Reading(second.start, second.end, second.value, numbers=[second]),
        ]

    def _unit_after(self, text: str, pos: int, last: Number) -> tuple[str, int] | None:
        """The unit written right after a number: glued ("100kW", "98%"), hyphenated
        ("10-prozentige", "six-mile"), or after a space ("300 мегаватт", "Millionen von
        Stunden"). The last answer is kept: a lone number asks twice, for a range and for
        its own unit."""
        asked = self._unit_asked
        if asked[0] is text and asked[1] == pos and asked[2] is last:
            return asked[3]
        unit = self._find_unit_after(text, pos, last)
        self._unit_asked = (text, pos, last, unit)
        return unit

    def _find_unit_after(self, text: str, pos: int, last: Number) -> tuple[str, int] | None:
        glued = (self.g.unit_glued if last.word else self.g.unit_symbols).match(text, pos)
        if glued:  # "100kW"; a number word's own ending: "fünfmal", "threefold"
            return glued
        hyphen = self.g.hyphen_suffixes.match(text, pos)
        if hyphen:
            return hyphen
        if text[pos : pos + 1] in ("-", "‑"):
            adjective = self.g.unit_words.match(text, pos + 1)
            if adjective:
                return adjective
        at = _skip_space(text, pos)
        unit = self.g.unit_symbols.match(text, at)
        if unit and _CODE_AFTER_SYMBOL.match(text, unit[1]):
            return None
        if unit is None:
            unit = self.g.unit_words.match(text, at)
            if unit and opens_no_unit(self.lang, text, at):
                return None  # "$7 billion year-over-year": a comparison, not years
        if unit is None and last.vague:
            linker = _WORD.match(text, at)
            if linker and linker.group().lower() in self._lang_words.linkers:
                unit = self.g.unit_words.match(text, _skip_space(text, linker.end()))
        if unit and (at > pos or not last.word):
            return unit
        return None

    def _unit(self, text: str, reading: Reading, floor: int = 0) -> None:
        """The unit after the number, or a currency sign or code before it (not one before
        ``floor``, which belongs to the quantity before)."""
        unit = self._unit_after(text, reading.end, reading.numbers[-1])
        if unit:
            written = _skip_space(text, reading.end)
            reading.ambiguity = assumed_note(self.lang, unit[0], text, written, unit[1])
            reading.unit, reading.end = unit
            prefix = self.g.unit_prefixes.match_before(text, reading.start, window=8)
            if prefix and prefix[0] == reading.unit:
                reading.start = prefix[1]
            if reading.unit in CURRENCIES:
                self._scale_after_code(text, reading)
        elif self._million_code(text, reading, floor) or self._coins(text, reading):
            return
        currency = self.g.prefix_currency.match_before(text, reading.start, window=12)
        first = reading.numbers[0].start
        if currency is None and reading.start < first:  # "between $3 and $5": in the frame
            inside = self.g.prefix_currency.match_before(text, first, window=12)
            if inside and inside[1] >= reading.start:
                currency = (inside[0], reading.start)
        if currency and currency[1] < floor:
            currency = None
        if currency and reading.unit is None and _looks_like_year(reading):
            # "price in USD 2024": a year after a currency code is a date, not an amount
            currency = currency if not text[currency[1]].isalpha() else None
        if currency and (reading.unit is None or reading.unit == currency[0]):
            reading.unit, reading.start = currency
        elif reading.unit is None and not _looks_like_year(reading):
            named = self._currency_word_before(text, reading.start)
            if named and named[1] >= floor:
                reading.unit, reading.start = named
        fraction = any(number.word and number.value < 1 for number in reading.numbers)
        if reading.unit is None and fraction and len(reading.numbers) == 1:
            tail = self._fraction_tail.match(text, reading.end)  # "a tenth| of a |gallon"
            unit = self._unit_words_glued.match(text, tail.end()) if tail else None
            if unit:
                reading.unit, reading.end = unit
                return
        surface = text[reading.numbers[0].start : reading.end]
        if reading.unit is None and fraction and _is_fraction_word(surface):
            reading.unit = "times"
        digit_fraction = reading.numbers[0].fraction and abs(reading.value) < 1
        if reading.unit is None and digit_fraction:
            reading.unit = "times"  # "about 1/40 of the wavelength"

    def _coins(self, text: str, reading: Reading) -> bool:
        """ "35 cents", "50 копеек": a hundredth of the currency, after a space."""
        at = _skip_space(text, reading.end)
        coin = hundredths_after(self.lang, text, at) if at > reading.end else None
        if coin is None:
            return False
        reading.unit, reading.end = coin
        # divided, not scaled by 0.01: 35 / 100 is 0.35, 35 * 0.01 is not
        reading.value /= 100
        reading.low = None if reading.low is None else reading.low / 100
        reading.high = None if reading.high is None else reading.high / 100
        return True

    def _scale_after_code(self, text: str, reading: Reading) -> None:
        """ "75 USD million": a scale word after the currency code scales the amount."""
        if any(number.has_scale for number in reading.numbers):
            return
        scale = numwords.match_scale(text, _skip_space(text, reading.end), self.lang)
        if scale is not None and scale[0] >= 1000:
            _scale(reading, scale[0])
            reading.end = scale[1]

    def _million_code(self, text: str, reading: Reading, floor: int) -> bool:
        """ "30 MUSD", "MAUD 60": a currency code with the finance prefix M (million)."""
        if any(number.has_scale for number in reading.numbers):
            return False
        at = _skip_space(text, reading.end)
        after = _MILLION_CODE.match(text, at) if text.startswith("M", at) else None
        if after:
            reading.unit, reading.end = after[1], after.end()
        else:
            if not _MILLION_CODE_ENDS.may_end_before(text, reading.start):
                return False
            before = _MILLION_CODE_BEFORE.search(text, max(floor, reading.start - 8), reading.start)
            if before is None:
                return False
            reading.unit, reading.start = before[1], before.start()
        _scale(reading, 1e6)
        return True

    def _currency_word_before(self, text: str, start: int) -> tuple[str, int] | None:
        """A currency named before its amount: "Евро 20", "dollar 22.5 million"."""
        if not self._currency_word_ends.may_end_before(text, start):
            return None
        word = _WORD_BEFORE.search(text, max(0, start - 24), start)
        if word is None:
            return None
        unit = self.g.unit_words.match(text, word.start())
        if unit and unit[1] == word.start() + len(word.group().rstrip()) and unit[0] in CURRENCIES:
            return unit[0], word.start()
        return None

    def _modifiers(self, text: str, reading: Reading) -> None:
        """Bounds and hedges around the quantity ("mehr als", "etwa", "или меньше")."""
        for _ in range(2):
            bound = self.g.bounds_before.match_before(text, reading.start, window=self._bound_reach)
            target = bound and reading.hedge and self._is_target_word(text, bound[1], reading.start)
            word = text[bound[1] : reading.start].strip() if bound else ""
            if bound and change.names_level(text, bound[1], word, self.lang):
                bound = None  # "выросла до 51 млрд": the level reached, not a bound
            if bound and reading.bound == "=" and not target:
                reading.bound, reading.start = bound
                reading.ambiguity = reading.ambiguity or change.level_note(word, self.lang)
                continue
            link = self.g.hedge_links.match_before(text, reading.start, window=6)
            hedge_end = link[1] if link else reading.start
            hedge = self.g.hedges.match_before(text, hedge_end, window=16)
            if hedge and reading.hedge is None:
                reading.hedge = text[hedge[1] : hedge_end].strip().lower()
                reading.approx, reading.start = True, hedge[1]
                continue
            break
        if reading.hedge is None and reading.start > 0 and text[reading.start - 1] in _QUOTES:
            hedge = self.g.hedges.match_before(text, reading.start - 1, window=16)
            if hedge:
                reading.hedge = text[hedge[1] : reading.start - 1].strip().lower()
                reading.approx = True
        after = self.g.bounds_after.match(text, _skip_space(text, reading.end))
        after = after or glued_bound(text, reading.end, self.lang)
        if after:
            if reading.bound == "=":
                reading.bound = after[0]
            reading.end = after[1]
        _apply_bound(reading)

    def _is_target_word(self, text: str, start: int, end: int) -> bool:
        """ "до около тераватта": before a hedge, "до" names a target, not a bound."""
        word = text[start:end].strip().lower()
        return word in self.g.tables.modifiers.target_words

    def _counted_and_rate(self, text: str, reading: Reading) -> None:
        kind = kind_of_unit(reading.unit or "dimensionless")
        noun_end = reading.end
        if kind in ("count", "measure", "money") and reading.unit is None:
            # "2026 expenses": a year names which expenses, it does not count them.
            unlisted = not any(is_year(number) for number in reading.numbers)
            counted = self._counted(text, reading.end, unlisted=unlisted)
            if counted:
                reading.counted, noun_end = counted
        if kind in ("count", "measure", "money", "percent"):
            reading.per = self._per(text, reading, noun_end)

    def _share_alternatives(self, text: str, readings: list[Reading]) -> None:
        """Two alternatives share the counted noun and rate written after the second."""
        self._counted_and_rate(text, readings[1])
        first, second = readings
        if first.unit is None:
            first.unit = second.unit
        first.counted = first.counted or second.counted
        first.per = first.per or second.per

    def _finish(self, text: str, reading: Reading) -> Mention | None:
        if not within_limits(reading.value, reading.low, reading.high):
            return None  # a scale after a currency code took it past the limit
        numbers = reading.numbers
        lone = numbers[0]
        if len(numbers) == 1 and lone.article and not self._article_counts(text, reading):
            return None
        if (
            len(numbers) == 1
            and is_year(lone)
            and reading.unit is None
            and reading.hedge is None
            and (
                reading.counted is None
                or date_bound(text, lone.start, lone.end, self.lang)[0] != "="
            )
        ):
            date = bare_year(text, lone.start, lone.end, int(lone.value), self.lang)
            if date.quantity is not None:
                return Mention(date.start, date.end, date.quantity)
        return Mention(reading.start, reading.end, reading.quantity())

    def _article_counts(self, text: str, reading: Reading) -> bool:
        """'ein/eine/one' is a number only with a unit ("ein Jahr") or as a rate of a
        counted thing ("ein Starship-Start jede Stunde")."""
        if reading.unit is not None:
            # "a second thought": an article before "second" is an ordinal; "a year" after a
            # quantity is its rate ("a million tonnes a year"), not a duration
            rate = self.g.rates.match(text, reading.start)
            return reading.unit != "second" and not (rate and rate[1] >= reading.end)
        return reading.per is not None and reading.counted is not None

    # -- what is counted, and per what ------------------------------------------------------

    def _counted(self, text: str, pos: int, unlisted: bool = False) -> tuple[str, int] | None:
        """The counted noun after a number: up to two adjectives or a linker may stand
        between ("über 10 gelähmte Patienten", "Millionen von simulierten Robotern");
        ``unlisted``: a plural the tables do not list counts too (``extract.plurals``)."""
        at = _skip_space(text, pos, quotes=True)
        for _ in range(3):
            if text.startswith("(", at):
                close = text.find(")", at, at + 40)
                if close < 0:
                    return None
                at = _skip_space(text, close + 1)
            word = _WORD.match(text, at)
            name = _NAME_TOKEN.match(text, at)
            if word is None and name is None:
                return None
            hit = self._noun(text, at, word, unlisted)
            if hit:
                return hit
            if name and (word is None or name.end() >= word.end()):
                token = name.group()
                return (token[:-1] if token.endswith("s") and len(token) > 2 else token), name.end()
            if word is None:
                return None
            token = word.group()
            if (
                token.lower() not in self._lang_words.linkers
                and not self._lang_words.adjective.match(token)
            ):
                return None
            at = _skip_space(text, word.end())
        return None

    def _noun(
        self, text: str, at: int, word: re.Match[str] | None, unlisted: bool = False
    ) -> tuple[str, int] | None:
        if word is None:
            return None
        token = word.group()
        head = max(token.rfind("-"), token.rfind("‑")) + 1
        hit = self.g.counted.match(text, at + head)
        if hit and hit[1] >= word.end():
            return hit
        return plural_reader(self.lang).read(text, at) if unlisted else None

    def _per(self, text: str, reading: Reading, noun_end: int) -> str | None:
        """The rate of a quantity, from a rate phrase in its clause ("pro Jahr", "в год")."""
        per = self.g.per_marker.match(text, reading.end)
        if per and reading.unit:
            unit = self.g.unit_symbols.match(text, per.end()) or self.g.unit_words.match(
                text, per.end()
            )
            if unit:
                return unit[0]
            noun = self._counted(text, per.end())
            if noun:
                return noun[0]
        window_end = _clause_end(text, noun_end, 48)
        ahead = self.g.rates.pattern.search(text, noun_end, min(len(text), window_end + 24))
        if ahead and ahead.start() < window_end and ahead.lastgroup:
            return self.g.rates.key(ahead)
        lo = _clause_start(text, reading.start, 40)
        for found in self.g.rates.pattern.finditer(text, lo, reading.start):
            # A rate with a number before it in the clause is that number's rate.
            if found.lastgroup and not _DIGITS.search(text, lo, found.start()):
                return self.g.rates.key(found)
        for each in self.g.each.finditer(
            text, _clause_start(text, reading.start, 60), reading.start
        ):
            noun = self._counted(text, each.end())
            if noun and noun[1] <= reading.start:
                return noun[0]
        return None

    # -- names, ordinals and bare units ----------------------------------------------------

    def _turned_away_article(self, text: str, pos: int) -> bool:
        """An article that counts nothing ("ein Haus"), turned away before its number is
        read and parsed: what the check after ``read_number`` in ``_read`` would say for
        the word read alone, as an article (when it is no number at all, nothing is lost)."""
        end = numwords.lone_article_end(text, pos, self.lang)
        if end is None:
            return False
        return self._counts_nothing(text, Number(pos, end, 1.0, word=True, article=True))

    def _counts_nothing(self, text: str, article: Number) -> bool:
        """An article no sign makes a number ("minus one") and nothing after it counts."""
        return self._signed(text, article).article and not self._article_may_count(text, article)

    def _article_may_count(self, text: str, number: Number) -> bool:
        """A cheap first look at "ein/eine/a/один": most are articles, and reading them in
        full would cost more than the rest of the text. One pattern (``_count_lookahead``)
        turns away most ("ein Haus") before the unit, range and counted-noun lookups."""
        return self._may_count.match(text, number.end) is not None and self._counts_after(
            text, number
        )

    def _counts_after(self, text: str, number: Number) -> bool:
        """Whether a unit, a range or a counted noun follows ``number``."""
        if self._unit_after(text, number.end, number) or self.g.range_connector.match(
            text, number.end
        ):
            return True
        return self._counted(text, number.end) is not None

    def _count_lookahead(self) -> re.Pattern[str]:
        """What must stand after an article for ``_article_may_count`` to say yes: the
        start of each way it can (a unit after a hyphen or spaces, a range connector, and
        after spaces and quotes, and up to two adjectives or linkers, a parenthesis, a name
        or a counted noun, also at the end of a hyphenated word), written with the lookups'
        own patterns. Where it does not match, none of the lookups can."""
        g = self.g

        def source(pattern: re.Pattern[str]) -> str:
            flag = "i" if pattern.flags & re.IGNORECASE else "-i"
            return f"(?{flag}:{unnamed(pattern.pattern)})"

        spaces = f"[{_SKIPPED}]*"
        linkers = alternation(self._lang_words.linkers, ignore_case=True)
        adjective = self._lang_words.adjective.pattern.removesuffix("$")
        # Words ``_counted`` reads past, whole: at most two before the one it takes.
        passed = f"(?-i:{adjective})" + (f"|(?i:{linkers})" if linkers else "")
        counted = "|".join(
            [
                r"\(",
                source(_NAME_TOKEN),
                rf"(?:[^\W\d_][\w‑-]*[-‑])?{source(g.counted.pattern)}",
            ]
        )
        ways = [
            source(g.hyphen_suffixes.pattern),
            f"[-‑]{source(g.unit_words.pattern)}",
            f"{spaces}{source(g.unit_symbols.pattern)}",
            f"{spaces}{source(g.unit_words.pattern)}",
            source(g.range_connector),
            rf"[{_SKIPPED}{re.escape(_QUOTES)}]*(?:(?:{passed})(?![\w‑-]){spaces}){{0,2}}(?:{counted})",
        ]
        return re.compile("|".join(ways))

    def _leading_point(self, text: str, number: Number) -> Number:
        """ "point 77", "точка пятьнадцать": a decimal word that opens a line and a whole
        number after it are a fraction below one ("at that point two" is no number)."""
        if number.start == 0 or not text[number.start - 1].isspace():
            return number
        point = self._point_before.search(text, max(0, number.start - 16), number.start)
        whole = number.plain_int or (number.word and not number.has_scale and not number.vague)
        if point is None or not whole or number.article or not 0 <= number.value < 1000:
            return number
        if number.value != int(number.value):
            return number
        value = float("0." + str(int(number.value)))
        return replace(number, start=point.start(), value=value, plain_int=False, word=False)

    def _signed(self, text: str, number: Number) -> Number:
        """ "minus 5", "negative one", "минус пять", and a sign set apart at the start of a
        text ("- 10 k")."""
        if not self._any_words.sign_ends.may_end_before(text, number.start):
            return number
        sign = self._any_words.sign_before.search(text, max(0, number.start - 12), number.start)
        if sign is None or number.value < 0:
            return number
        # "minus one": a sign makes "one" a number, not an article
        return replace(number, start=sign.start(), value=-number.value, article=False)

    def _is_name_or_ordinal(self, text: str, number: Number) -> bool:
        if number.word:
            return bool(
                self.g.name_words.match_before(text, number.start, window=16)
                or self._is_surname(text, number)
            )
        head = text[max(0, number.start - 24) : number.start]
        if number.plain_int and number.value < 100 and self._names.search(head):
            return True
        if self._any_words.company_after.match(text, number.end):
            return True
        if self.g.name_words.match_before(text, number.start, window=16):
            return True
        ordinal = self._lang_words.ordinal_before
        if ordinal is not None and text[number.end : number.end + 2] in (". ", ".\u00a0"):
            return bool(ordinal.search(head))
        return False

    def _is_surname(self, text: str, number: Number) -> bool:
        """ "Claudia Tausend wuchs ...": one capitalised number word after a capitalised
        word that is no hedge, bound or determiner, and before a lower-case word."""
        word = _WORD.fullmatch(text, number.start, number.end)
        if number.vague or word is None or not word.group().istitle():
            return False
        before = _TITLE_BEFORE.search(text, max(0, number.start - 32), number.start)
        after = _WORD.match(text, _skip_space(text, number.end))
        if before is None or after is None or not after.group()[0].islower():
            return False
        first_name = before.group(1)
        if first_name.lower() in self._any_words.determiners or numwords.match_number_words(
            text, before.start(), self.lang
        ):
            return False
        modifier = self.g.hedges.match_before(
            text, number.start, window=32
        ) or self.g.bounds_before.match_before(text, number.start, window=self._bound_reach)
        return modifier is None

    def _multiplier_words(
        self, text: str, hits: list[re.Match[str]], mask: Mask, found: list[Mention]
    ) -> list[Mention]:
        """``found`` with the factors stated by a word: "verdoppeln" (2 times), "вдвое",
        "zwanzigmal", with their bounds and hedges ("more than tripled", "более чем вдвое",
        "fast eine Vervierfachung") and the lower end of a range ("zwei- bis dreimal"),
        which replaces the count read there. ``hits`` are the multiplier-word matches."""
        spans = Mask(sorted((m.start, m.end) for m in found))
        replaced: set[int] = set()  # where a range's lower end was read as a count
        words: list[Mention] = []
        for hit in hits:
            start, end = hit.span()
            factor = self.g.multiplier_words.key(hit)
            if factor is None or spans.covers(start, end) or mask.covers(start, end):
                continue
            reading = Reading(start, end, float(factor), unit="times")
            low = factors.range_low(text, start, self.lang)
            number = read_number(self.g, text, low[0]) if low else None
            if low and number and number.end == low[1] and 0 < number.value < factor:
                reading.start, reading.low, reading.high = low[0], number.value, float(factor)
                reading.value = (number.value + factor) / 2
                replaced.add(low[0])
            article = numwords.lone_article_end(text, self._article_before(text, start), self.lang)
            if article is not None and _skip_space(text, article) == start:
                reading.start = self._article_before(text, start)  # "nahezu eine Verdopplung"
            hedge = self.g.hedges.match_before(text, reading.start, window=16)
            if hedge:  # "über etwa dreißigmal mehr": a word before a hedged factor is no bound
                reading.hedge = text[hedge[1] : reading.start].strip().lower()
                reading.approx, reading.start = True, hedge[1]
            else:
                self._modifiers(text, reading)
            if reading.start < start and reading.hedge is None and reading.bound == "=":
                reading.start = low[0] if reading.low is not None and low else start
            words.append(Mention(reading.start, end, reading.quantity()))
        return [m for m in found if m.start not in replaced] + words

    def _article_before(self, text: str, start: int) -> int:
        """Where the word before ``start`` begins (``start`` when there is none)."""
        word = _WORD_BEFORE.search(text, max(0, start - 12), start)
        return word.start() if word else start

    def _bare_unit_places(
        self, text: str, triggers: list[re.Match[str]], spans: Mask
    ) -> Iterator[tuple[int, int, str]]:
        """Unit words that may stand for "one of it": after a hedge, bound or "несколько"
        word (``triggers``), or before "на/pro/per" and a counted noun. Looking only there
        keeps the pass cheap. A unit that would start (end) inside a quantity already
        found (``spans``) is not looked for: "примерно 5 гигаватт" holds no bare unit."""
        for trigger in triggers:
            if spans.covers(trigger.end(), trigger.end() + 1):
                continue
            unit = self.g.unit_words.match(text, trigger.end())
            if unit:
                yield trigger.end(), unit[1], unit[0]
        for joint in self._per_joints.finditer(text):
            if spans.covers(joint.start() - 1, joint.start()):
                continue
            before = self._unit_words_before.match_before(text, joint.start(), window=24)
            if before:
                yield before[1], joint.start(), before[0]

    def _bare_units(
        self, text: str, triggers: list[re.Match[str]], mask: Mask, found: list[Mention]
    ) -> Iterator[Mention]:
        """A unit without a number after a hedge or bound means one of it ("примерно
        гигаватт", "менее чем через год"); so does a unit per thing ("киловатт на
        фотошаблон"); "несколько миль" is 2 to 9 of it."""
        spans = Mask(sorted((m.start, m.end) for m in found))
        for start, end, unit in sorted(set(self._bare_unit_places(text, triggers, spans))):
            if spans.covers(start, end) or mask.covers(start, end):
                continue
            reading = Reading(start, end, 1.0, unit=unit)
            found_few = self._few_before.search(text, max(0, start - 16), start)
            few = found_few.start() if found_few else None
            if few is not None:
                reading.start, reading.low, reading.high, reading.value = few, 2.0, 9.0, 5.5
                reading.approx = True
            else:
                lead = _strip_preposition(text, start)
                self._modifiers(text, replace_start(reading, lead))
                if reading.start == lead and reading.bound == "=" and reading.hedge is None:
                    per = self.g.per_marker.match(text, end)
                    noun = self._counted(text, per.end()) if per else None
                    if not noun:
                        continue
                    reading.per = noun[0]
                    yield Mention(start, end, reading.quantity())
                    continue
            if reading.per is None and kind_of_unit(unit) != "duration":
                reading.per = self._per(text, reading, reading.end)
            yield Mention(reading.start, reading.end, reading.quantity())


def _share_counted(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """ "как минимум 10 000 и, возможно, 20–30 000 роботами": a count without a noun takes
    the noun of the next count when only a conjunction (and a parenthetical word) is
    between them."""
    words = _language_words(lang)
    joint = words.conjunction_joint
    result = list(mentions)
    for index in range(len(result) - 2, -1, -1):
        here, after = result[index], result[index + 1]
        shares_unit = (
            here.quantity.kind == "count"
            and here.quantity.counted is None
            and after.quantity.kind in ("measure", "money", "percent", "duration")
            and words.bare_conjunction.fullmatch(text[here.end : after.start])
        )
        if shares_unit:  # "45 and 50 mg": the unit of the second end is the first's too
            unit = after.quantity.unit
            shared = here.quantity.model_copy(update={"unit": unit, "kind": kind_of_unit(unit)})
            result[index] = Mention(here.start, here.end, shared)
            continue
        if (
            here.quantity.kind == "count"
            and here.quantity.counted is None
            and after.quantity.kind == "count"
            and after.quantity.counted
            and after.start - here.end < 40
            and joint.match(text[here.end : after.start])
        ):
            shared = here.quantity.model_copy(
                update={
                    "counted": after.quantity.counted,
                    "per": here.quantity.per or after.quantity.per,
                }
            )
            result[index] = Mention(here.start, here.end, shared)
    return result


def _repeated_end(text: str, number: Number) -> int:
    """ "Millionen und Millionen": a vague word repeated for emphasis is one quantity.

    The joint is looked for first with one compiled pattern; only where it stands is the
    word itself compared (a pattern per number would be compiled for almost every number,
    and would push the patterns compiled elsewhere out of ``re``'s small cache)."""
    joint = _any_language().repeat_joint.match(text, number.end)
    if joint is None:
        return number.end
    found = _repetition(text[number.start : number.end]).match(text, joint.end())
    return found.end() if found else number.end


@lru_cache(maxsize=64)
def _repetition(word: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(word)}(?!\w)", re.IGNORECASE)


def replace_start(reading: Reading, start: int) -> Reading:
    """Move a reading's start (used to look for modifiers before a preposition)."""
    reading.start = start
    return reading


def _share_scale(first: Number, second: Number) -> Number:
    """ "10 bis 20 Milliarden" and "20–30 000": the lower end takes the upper end's scale:
    its scale word's factor ("1,200–1,500 million": 1e6, not the 1e9 of 1.5e9), else the
    thousands of its magnitude ("4 thousand 3 hundred")."""
    if second.has_scale and not first.has_scale and second.value > 0:
        factor = second.factor if second.factor > 1 else _scale_of(second)
        if first.value * factor <= second.value:
            return first.scaled(factor)
    if second.zero_groups and not first.zero_groups and first.plain_int:
        factor = 1000.0**second.zero_groups
        if len(str(int(first.value * factor))) == second.digit_count:
            return first.scaled(factor)
    return first


def _scale_of(number: Number) -> float:
    magnitude = 1.0
    while number.value / (magnitude * 1000) >= 1 and magnitude < 1e15:
        magnitude *= 1000
    return magnitude


def _scale(reading: Reading, factor: float) -> None:
    reading.value *= factor
    reading.low = None if reading.low is None else reading.low * factor
    reading.high = None if reading.high is None else reading.high * factor


def _looks_like_year(reading: Reading) -> bool:
    return is_year(reading.numbers[0])


def _apply_bound(reading: Reading) -> None:
    if reading.bound in (">", ">=") and reading.low is None:
        reading.low = reading.value
    elif reading.bound in ("<", "<=") and reading.high is None:
        reading.high = reading.value


def _is_fraction_word(surface: str) -> bool:
    lowered = surface.lower()
    return any(word in lowered for word in _any_language().fraction_stems)


#: The spaces ``_skip_space`` skips.
_SKIPPED = " \u00a0\u202f\t"


def _skip_space(text: str, pos: int, quotes: bool = False) -> int:
    while pos < len(text) and (text[pos] in _SKIPPED or (quotes and text[pos] in _QUOTES)):
        pos += 1
    return pos


def _clause_end(text: str, pos: int, window: int) -> int:
    found = _CLAUSE_END.search(text, pos, min(len(text), pos + window))
    return found.start() if found else min(len(text), pos + window)


def _clause_start(text: str, pos: int, window: int) -> int:
    """Just after the last clause mark in the ``window`` characters before ``pos``, else
    where the window starts: one search, whose greedy run backs up from ``pos``."""
    lo = max(0, pos - window)
    found = _LAST_CLAUSE_END.match(text, lo, pos)
    return found.end() if found else lo


def _strip_preposition(text: str, start: int) -> int:
    found = _any_language().prepositions.search(text, max(0, start - 12), start)
    return found.start() if found else start


def _norm_word(word: str) -> str:
    return word.lower().replace("ё", "е")


def _fraction_patterns(lang: str) -> tuple[dict[str, int], str, re.Pattern[str]]:
    """For fractions of a unit: the fraction words and their denominators; the body of the
    pattern of a fraction word and what joins it to a unit (a hyphen, nothing, spaces, "of",
    "a"; an ordinal such as "tenth" needs "of" or a hyphen); and the pattern of what joins a
    fraction read as a number to its unit ("a tenth| of a |gallon")."""
    free = numwords.fraction_forms(lang, ordinal=False)
    ordinal = numwords.fraction_forms(lang, ordinal=True)
    words = {
        _norm_word(form): denominator
        for table in (free, ordinal)
        for denominator, forms in table.items()
        for form in forms
    }
    of_words, articles = numwords.fraction_links(lang)
    of = alternation(of_words, ignore_case=True) or "(?!)"
    link = alternation([*of_words, *articles], ignore_case=True) or "(?!)"
    free_words = alternation([f for forms in free.values() for f in forms], ignore_case=True)
    ordinal_words = alternation([f for forms in ordinal.values() for f in forms], ignore_case=True)
    free_joint = rf"(?:[-‑]|{SPACE}+(?:(?:{link}){SPACE}+){{0,2}}|)"
    ordinal_joint = rf"(?:[-‑]|{SPACE}+(?:{of}){SPACE}+(?:(?:{link}){SPACE}+)?)"
    heads = []
    if free_words:
        heads.append(rf"(?P<word>{free_words}){free_joint}")
    if ordinal_words:
        heads.append(rf"(?P<ordinal>{ordinal_words}){ordinal_joint}")
    # One look at the first letter turns most word starts away before the alternation.
    firsts = {c for form in words for c in (form[:1].lower(), form[:1].upper())}
    first = f"(?-i:[{re.escape(''.join(sorted(firsts)))}])" if firsts else "(?!)"
    body = rf"(?={first})(?:{'|'.join(heads) or '(?!)'})(?=\w)"
    tail = re.compile(rf"(?:[-‑]|{SPACE}+(?:(?:{link}){SPACE}+){{0,2}})", re.IGNORECASE)
    return words, body, tail


def _name_pattern(product_names: Iterable[str]) -> re.Pattern[str]:
    from claimkb.extract.tables import version_words

    every = version_words() | set(product_names)
    names = "|".join(sorted(map(re.escape, sorted(every)), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{names})[\s\u00a0-]*$")
