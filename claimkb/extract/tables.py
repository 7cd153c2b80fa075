"""Load the per-language word tables (YAML in ``extract/lang/<code>/``) into typed models.

Everything about a language lives in its folder: number words, units, modifiers, counted
nouns, calendar words, speech cues, hedge tolerances, deadline words and the small word lists
the grammar reads around a number. A folder holding every file of ``LANGUAGE_FILES`` is a
language, so adding one is a folder and its tests. The tables are data, not code, so that a
linguist can extend a language without reading the grammar; the models make a typo in them
an error at start-up that names the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claimkb.core.errors import ClaimkbError
from claimkb.core.units import is_unit
from claimkb.core.yamlio import LedgerError, load_model

BoundSign = Literal[">", ">=", "<", "<="]


class TableError(ClaimkbError):
    """A word table that cannot be used; the message names the file."""


class _Table(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _check_units(units: dict[str, list[str]]) -> dict[str, list[str]]:
    unknown = [unit for unit in units if unit != "date" and not is_unit(unit)]
    if unknown:
        raise ValueError(f"unknown unit(s) {unknown}")
    return units


_T = TypeVar("_T", bound=_Table)


class SymbolTable(_Table):
    """Unit symbols shared by all languages (``extract/lang/units.yaml``)."""

    symbols: dict[str, list[str]]
    prefix_currency: dict[str, list[str]]
    #: Units stated as a whole multiple of another ("a decade": 10 years), recorded in it.
    multiples: dict[str, tuple[str, float]] = Field(default_factory=dict)
    #: Why a unit read from a word without its scale may be another ("2 degrees").
    assumed_notes: dict[str, str] = Field(default_factory=dict)

    _units = field_validator("symbols", "prefix_currency")(_check_units)


class UnitTable(_Table):
    """A language's unit words (``units.yaml``)."""

    words: dict[str, list[str]]
    hyphen_suffixes: dict[str, list[str]] = Field(default_factory=dict)
    glued_suffixes: dict[str, list[str]] = Field(default_factory=dict)
    #: Unit words read as a unit without their scale ("градусов": Celsius, or an angle);
    #: the reading says so in its ``ambiguity`` (``assumed_notes`` of the shared table).
    assumed: dict[str, list[str]] = Field(default_factory=dict)
    #: Coins of a currency: the amount is a hundredth of the currency ("35 cents").
    hundredths: dict[str, list[str]] = Field(default_factory=dict)
    #: Phrases that start with a unit word but state no unit of the number before them
    #: ("$7 billion year-over-year": a comparison, not years).
    not_units: list[str] = Field(default_factory=list)
    #: "points" after a number: percentage points where a percentage precedes in the
    #: sentence ("3.7 percent, up 8 points"), else a count.
    points: list[str] = Field(default_factory=list)
    #: The word between such points and the percentage after them that they lead to.
    points_then: list[str] = Field(default_factory=list)
    #: Words between two numbers of a list whose unit is written after the last only
    #: ("75 or 50 percent", "5, 7 and 9 percent").
    list_joints: list[str] = Field(default_factory=list)
    #: A change stated from one number to another ("von 48 auf 66 Prozent"): the word
    #: before the first, and the word between them.
    change_frames: list[tuple[str, str]] = Field(default_factory=list)

    _units = field_validator("words", "hyphen_suffixes", "glued_suffixes", "assumed", "hundredths")(
        _check_units
    )


class ModifierTable(_Table):
    """Hedges, bounds, range words and rates of a language (``modifiers.yaml``)."""

    hedges: list[str]
    bounds_before: dict[BoundSign, list[str]]
    bounds_after: dict[BoundSign, list[str]]
    range_connectors: list[str]
    range_frames: list[tuple[str, str]]
    alternatives: list[str]
    few_words: list[str] = Field(default_factory=list)
    rates: dict[str, list[str]]
    per_markers: list[str]
    name_words: list[str]
    unit_prefixes: dict[str, list[str]] = Field(default_factory=dict)
    each_words: list[str] = Field(default_factory=list)
    hedge_links: list[str] = Field(default_factory=list)
    target_words: list[str] = Field(default_factory=list)
    approximate_numbers: list[str] = Field(default_factory=list)
    multiplier_words: dict[int, list[str]] = Field(default_factory=dict)
    #: Stems of verbs and nouns of change ("вырос", "stieg", "rose"), read at a word start:
    #: after one, "до"/"to" names the level reached, not an upper bound (``extract.change``).
    change_words: list[str] = Field(default_factory=list)
    #: Words that, after a change, name the level reached ("до", "auf", "to").
    level_words: list[str] = Field(default_factory=list)
    #: A start word and a level word around two numbers of a change ("с 5 до 7%",
    #: "von 48 auf 66 Prozent"): the old and the new value, not a range.
    change_pairs: list[tuple[str, str]] = Field(default_factory=list)
    #: Bounds glued to the end of a quantity ("40%+", "50-plus"), read with no word
    #: boundary before them.
    bounds_glued: dict[BoundSign, list[str]] = Field(default_factory=dict)
    #: Bound words that, without a change before them, may also name the level reached:
    #: the reading keeps the bound and says why another is possible.
    ambiguous_bounds: list[str] = Field(default_factory=list)


class CountedTable(_Table):
    """Counted nouns of a language, keyed by their English singular (``counted.yaml``).

    ``plural`` reads a noun the list does not hold: a word in the form of a plural right
    after a count ("400 batteries", "40 ferries") is what is counted, made singular by the
    first of ``singular`` (ending, replacement) that fits, or by a library the language has
    (``singular_by``: ``inflect`` for English); ``not_nouns`` are words of that form that
    are no nouns ("times", "this"). Empty: only the listed nouns are read."""

    nouns: dict[str, list[str]]
    plural: str = ""
    singular: list[tuple[str, str]] = Field(default_factory=list)
    singular_by: Literal["inflect"] | None = None
    not_nouns: list[str] = Field(default_factory=list)


class DateTable(_Table):
    """Calendar words of a language (``dates.yaml``)."""

    months: dict[int, list[str]]
    quarter_ordinals: dict[int, list[str]]
    quarter_words: list[str]
    relative_years: dict[int, list[str]]
    year_end: list[str]
    year_end_prefix: list[str]
    year_before: list[str]
    year_after: list[str]
    date_bounds_before: dict[BoundSign, list[str]]
    date_bound_frames: dict[BoundSign, list[tuple[str, str]]]
    month_first: bool
    day_suffixes: list[str]
    quarter_links: list[str]
    quarter_code_links: list[str]
    #: "erstes Halbjahr", "second half", "первое полугодие": ordinals and the half-year words.
    half_ordinals: dict[int, list[str]] = Field(default_factory=dict)
    half_words: list[str] = Field(default_factory=list)
    #: Words before a month that name a part of it and let it stand without its year
    #: ("early September", "Ende Oktober", "в конце сентября"); a bare month name is too
    #: often a word of its own ("May") to be read as a date.
    month_qualifiers: list[str] = Field(default_factory=list)
    #: Case endings written after a year's digits with a hyphen ("2022-м", "2030-го").
    year_suffixes: list[str] = Field(default_factory=list)
    #: A period between two years: opening and closing words ("from 2024 to 2026") and the
    #: words that join two years without an opening word ("2021 bis 2030").
    span_frames: list[tuple[str, str]] = Field(default_factory=list)
    span_links: list[str] = Field(default_factory=list)
    #: Endings that make a year ending in 0 a decade ("1990s", "1990er", "1990-х").
    decade_suffixes: list[str] = Field(default_factory=list)
    #: Whether "31.12." (day and month in digits) is a date in this language.
    numeric_day_month: bool = False
    #: Whether month names are capitalised (a lower-case "may" after "late" is the verb).
    months_capitalized: bool = False
    #: Words before "25/26" that make two consecutive two-digit numbers a season or
    #: business year rather than a fraction.
    season_words: list[str] = Field(default_factory=list)


class SpeechTable(_Table):
    """Cues of reported speech (``speech.yaml``): the interviewee's cues, and the words that
    tell who speaks in a turn label, a question-and-answer layout or a reported sentence."""

    cues: list[str]
    verbs: list[str] = []
    pronouns: list[str] = []
    roles: list[str] = []
    question_labels: list[str] = []
    honorifics: list[str] = []
    subjunctive: list[str] = []
    first_person: list[str] = []
    given_names: list[str] = []
    case_endings: list[tuple[str, str]] = []
    interview_kinds: list[str] = []


class ScaleEntry(_Table):
    value: int
    forms: tuple[str, ...] = ()
    plural: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    vague: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    glued: tuple[str, ...] = ()
    glued_after_currency: tuple[str, ...] = ()


class FractionEntry(_Table):
    denominator: int
    alone: tuple[str, ...] = ()
    counted: tuple[str, ...] = ()
    single: tuple[str, ...] = ()
    adjective: tuple[str, ...] = ()
    prefix: tuple[str, ...] = ()


class NumberOrdinals(_Table):
    endings: tuple[str, ...] = ("",)
    unit: tuple[str, ...] = ()
    teen: tuple[str, ...] = ()
    ten: tuple[str, ...] = ()
    hund: tuple[str, ...] = ()
    scale: tuple[str, ...] = ()


class NumberTable(_Table):
    """Number words, scale words and fractions of a language (``numbers.yaml``)."""

    language: str
    compounds: bool = False
    compound_exclude: tuple[str, ...] = ()
    tens_then_units: bool
    hundred_after_tens: bool
    zero: tuple[str, ...]
    units: dict[int, tuple[str, ...]]
    articles: tuple[str, ...] = ()
    teens: dict[int, tuple[str, ...]]
    tens: dict[int, tuple[str, ...]]
    hundreds: dict[int, tuple[str, ...]] = {}
    scales: tuple[ScaleEntry, ...]
    half_prefix: str | None = None
    fractions: tuple[FractionEntry, ...] = ()
    fraction_determiners: tuple[str, ...] = ()
    fraction_values: dict[float, tuple[str, ...]] = {}
    plus_half: tuple[str, ...] = ()
    connectors: tuple[str, ...] = ()
    spaced_connectors: bool = True
    mixed_connectors: tuple[str, ...] = ()
    whole_markers: tuple[str, ...] = ()
    of_words: tuple[str, ...] = ()
    decimal_points: tuple[str, ...] = ()
    vague_quantifiers: tuple[str, ...] = ()
    vague_range: tuple[int, int] = (2, 9)
    pairs: tuple[str, ...] = ()
    pairs_need_article: bool = False
    genitive_governors: tuple[str, ...] = ()
    needs_company: tuple[str, ...] = ()
    ordinals: NumberOrdinals | None = None


class GrammarWords(_Table):
    """The small word lists the grammar reads around a number (``words.yaml``): separators,
    signs, conjunctions, linkers, determiners. The patterns they go into stay in code."""

    thousands_separator: str = Field(min_length=1, max_length=1)
    decimal_marks: str = Field(min_length=1)
    letters: str = Field(min_length=1)
    sign_words: list[str]
    sign_tolerance_before: list[str]
    and_words: list[str]
    or_words: list[str]
    conjunctions: list[str]
    linkers: list[str]
    determiners: list[str]
    adjective_endings: list[str]
    time_prepositions: list[str]
    lead_prepositions: list[str]
    ordinal_dot_before: list[str]
    fraction_stems: list[str]
    not_fractions: list[str]
    common_words: list[str]
    #: What an amount of money measures, by the words near it (regular expressions, whole
    #: words, case-insensitive): "cost" for "kostet", "Preis", "стоимость". Read by
    #: ``claimkb drift`` to keep a price apart from an investment.
    measures: dict[str, list[str]] = Field(default_factory=dict)


class NameTable(_Table):
    """Words read in any language around a number that is part of a name
    (``lang/names.yaml``)."""

    names: list[str]
    company_suffixes: list[str]


class ChromeTable(_Table):
    """Words of page furniture in every language (``lang/chrome.yaml``), keyed by
    language: labels of references, dates, counters, contacts, reading times. The numbers
    beside them are parts of the page, not claims (``extract.furniture``)."""

    reference_labels: dict[str, list[str]]
    reference_signs: list[str] = Field(default_factory=list)
    page_of: dict[str, list[str]] = Field(default_factory=dict)
    code_labels: dict[str, list[str]] = Field(default_factory=dict)
    standard_labels: dict[str, list[str]] = Field(default_factory=dict)
    date_labels: dict[str, list[str]] = Field(default_factory=dict)
    date_label_links: dict[str, list[str]] = Field(default_factory=dict)
    byline_labels: dict[str, list[str]] = Field(default_factory=dict)
    weekdays: dict[str, list[str]] = Field(default_factory=dict)
    date_words: dict[str, list[str]] = Field(default_factory=dict)
    ago_units: dict[str, list[str]] = Field(default_factory=dict)
    ago_after: dict[str, list[str]] = Field(default_factory=dict)
    ago_before: dict[str, list[str]] = Field(default_factory=dict)
    counter_words: dict[str, list[str]] = Field(default_factory=dict)
    counter_labels: dict[str, list[str]] = Field(default_factory=dict)
    reading_labels: dict[str, list[str]] = Field(default_factory=dict)
    reading_after: dict[str, list[str]] = Field(default_factory=dict)
    minute_words: dict[str, list[str]] = Field(default_factory=dict)
    phone_labels: dict[str, list[str]] = Field(default_factory=dict)
    street_words: dict[str, list[str]] = Field(default_factory=dict)
    copyright_words: dict[str, list[str]] = Field(default_factory=dict)
    year_words: dict[str, list[str]] = Field(default_factory=dict)

    def merged(self, field: str) -> list[str]:
        """One list of ``field`` over the languages, each word once, longest first (so an
        alternation tries "Public Law" before "Law")."""
        lists: dict[str, list[str]] = getattr(self, field)
        words = dict.fromkeys(word for lang in sorted(lists) for word in lists[lang])
        return sorted(words, key=len, reverse=True)


class HedgeEntry(_Table):
    """How far a hedged value may lie from the stated one, and why: relative ``below`` and
    ``above``, or a multiplicative ``factor``."""

    below: float = 0.0
    above: float = 0.0
    factor: float | None = None
    reason: str

    @model_validator(mode="before")
    @classmethod
    def _needs_reason(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not data.get("reason"):
            raise ValueError("a hedge entry needs a mapping with a 'reason'")
        return data

    @model_validator(mode="after")
    def _widths(self) -> HedgeEntry:
        if self.factor is not None and (
            self.factor < 1 or {"below", "above"} & self.model_fields_set
        ):
            raise ValueError("'factor' must be >= 1 and not mixed with below/above")
        if not (0 <= self.below < 1 and self.above >= 0):
            raise ValueError("need 0 <= below < 1 and above >= 0")
        return self


class HedgeDefault(_Table):
    """The tolerance of a hedge in a language without a table (``lang/hedges.yaml``)."""

    default: HedgeEntry


class HedgeTable(_Table):
    """A language's hedge tolerances (``hedges.yaml``): its default and one per word."""

    default: HedgeEntry
    words: dict[str, HedgeEntry]


class DeadlineTable(_Table):
    """The words that make a duration count forward or back (``deadlines.yaml``)."""

    ahead: list[str]
    past: list[str]
    #: Superlatives that make a forward word measure a span back to now ("the highest in
    #: ten years").
    superlatives: list[str] = Field(default_factory=list)


class TenseTable(_Table):
    """The words that tell whether a dated statement looks ahead, reports the past or states
    the present (``tense.yaml``): regular expressions, matched on whole words of the clause
    around the date, case-insensitively."""

    #: Words of the future, of a plan or a goal: the statement is a prediction.
    future: list[str] = Field(default_factory=list)
    #: Forms that mark the past alone ("hatte", "was", "был").
    past: list[str] = Field(default_factory=list)
    #: Auxiliaries of the perfect: the past when a participle stands in the same clause.
    perfect: list[str] = Field(default_factory=list)
    participles: list[str] = Field(default_factory=list)
    #: Words of a state that holds now ("ausverkauft", "sold out", "распроданы").
    present_state: list[str] = Field(default_factory=list)
    #: Reporting verbs beside those of ``speech.yaml``: never a mark of the past.
    reporting: list[str] = Field(default_factory=list)
    #: Words that open the clause of what was said ("dass", "that", "что").
    openers: list[str] = Field(default_factory=list)

    @field_validator("*")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"pattern {pattern!r}: {error}") from None
        return patterns


class GluedScale(_Table):
    """Unit and scale written as one word: "$m", "€bn", "TEUR"."""

    unit: str
    scale: float
    forms: list[str]

    @field_validator("unit")
    @classmethod
    def _known(cls, unit: str) -> str:
        _check_units({unit: []})
        return unit


class TabularTable(_Table):
    """The words of table headers that declare unit and scale for the bare numbers after
    them (``tabular.yaml``): a flattened report table states "in millions" once, not at
    every amount."""

    openers: list[str] = Field(default_factory=list)
    joiners: list[str] = Field(default_factory=list)
    scales: dict[float, list[str]] = Field(default_factory=dict)
    units: dict[str, list[str]] = Field(default_factory=dict)
    per_share: list[str] = Field(default_factory=list)
    count_labels: list[str] = Field(default_factory=list)
    glued: list[GluedScale] = Field(default_factory=list)
    percent_labels: list[str] = Field(default_factory=list)
    marks: dict[str, list[str]] = Field(default_factory=dict)
    #: Whether a space groups thousands in this language's tables ("1 192,3").
    space_thousands: bool = False

    _units = field_validator("units", "marks")(_check_units)


class LanguageTables(_Table):
    """Every table of one language."""

    lang: str
    units: UnitTable
    modifiers: ModifierTable
    counted: CountedTable
    dates: DateTable
    speech: SpeechTable
    deadlines: DeadlineTable
    words: GrammarWords
    tense: TenseTable = Field(default_factory=TenseTable)


LANGUAGE_FILES: dict[str, type[_Table]] = {
    "numbers.yaml": NumberTable,
    "units.yaml": UnitTable,
    "modifiers.yaml": ModifierTable,
    "counted.yaml": CountedTable,
    "dates.yaml": DateTable,
    "speech.yaml": SpeechTable,
    "hedges.yaml": HedgeTable,
    "deadlines.yaml": DeadlineTable,
    "words.yaml": GrammarWords,
    "tabular.yaml": TabularTable,
    "tense.yaml": TenseTable,
}
"""The files every language folder holds, and the model each is read with."""


SHARED_FILES: dict[str, type[_Table]] = {
    "units.yaml": SymbolTable,
    "names.yaml": NameTable,
    "hedges.yaml": HedgeDefault,
    "chrome.yaml": ChromeTable,
}
"""The files beside the language folders, read in every language, and their models."""


def lang_root() -> Traversable:
    """The folder of the language folders, ``extract/lang/``."""
    return resources.files("claimkb.extract") / "lang"


def discover_languages(root: Traversable | None = None) -> tuple[str, ...]:
    """The codes of the folders under ``root`` (default ``lang_root()``) that hold every
    file of ``LANGUAGE_FILES``, sorted: a directory listing, no file is read."""
    folder = lang_root() if root is None else root
    return tuple(
        sorted(
            entry.name
            for entry in folder.iterdir()
            if entry.is_dir()
            and not entry.name.startswith(("_", "."))
            and all((entry / name).is_file() for name in LANGUAGE_FILES)
        )
    )


LANGUAGES = discover_languages()
"""The languages, one per folder of ``extract/lang/``."""


def _shown(path: Traversable) -> str:
    """``path`` as an error names it: ``extract/lang/de/units.yaml`` inside the package."""
    text, root = str(path), str(lang_root())
    return "extract/lang" + text[len(root) :] if text.startswith(root) else text


def load_file(path: Traversable, model: type[_T]) -> _T:
    """Read and validate one table with the ledger's YAML reader; a problem is a
    ``TableError`` naming the file, the line and the field."""
    try:
        return load_model(Path(str(path)), model)
    except LedgerError as error:
        message, full = str(error), str(path)
        if message.startswith(full):
            message = _shown(path) + message[len(full) :]
        raise TableError(message) from error


def load_language_file(lang: str, name: str, model: type[_T]) -> _T:
    """The file ``name`` of language ``lang``, read through ``model``."""
    if lang not in LANGUAGES:
        raise TableError(f"no word tables for language {lang!r} (have: {', '.join(LANGUAGES)})")
    return load_file(lang_root() / lang / name, model)


def load_folder(folder: Traversable, lang: str) -> LanguageTables:
    """Every table of the language folder ``folder``; a typo is a ``TableError`` naming the
    file."""
    return LanguageTables(
        lang=lang,
        units=load_file(folder / "units.yaml", UnitTable),
        modifiers=load_file(folder / "modifiers.yaml", ModifierTable),
        counted=load_file(folder / "counted.yaml", CountedTable),
        dates=load_file(folder / "dates.yaml", DateTable),
        speech=load_file(folder / "speech.yaml", SpeechTable),
        deadlines=load_file(folder / "deadlines.yaml", DeadlineTable),
        words=load_file(folder / "words.yaml", GrammarWords),
        tense=load_file(folder / "tense.yaml", TenseTable),
    )


@cache
def symbols() -> SymbolTable:
    """The shared unit symbols."""
    return load_file(lang_root() / "units.yaml", SymbolTable)


@cache
def tables(lang: str) -> LanguageTables:
    """All tables of ``lang``, loaded once."""
    if lang not in LANGUAGES:
        raise TableError(f"no word tables for language {lang!r} (have: {', '.join(LANGUAGES)})")
    return load_folder(lang_root() / lang, lang)


def merged_words(pick: Callable[[GrammarWords], Iterable[str]]) -> list[str]:
    """One list from every language's ``words.yaml`` (``pick`` chooses the list), in language
    order, each word once: for the lists read in a text of any language."""
    return list(dict.fromkeys(word for lang in LANGUAGES for word in pick(tables(lang).words)))


@cache
def name_words() -> NameTable:
    """The words around a number that is part of a name, in any language."""
    return load_file(lang_root() / "names.yaml", NameTable)


@cache
def chrome_table() -> ChromeTable:
    """The words of page furniture, in every language."""
    return load_file(lang_root() / "chrome.yaml", ChromeTable)


@cache
def version_words() -> frozenset[str]:
    """Words in any language whose following small number is part of a name ("Version 2");
    a project adds its product names ("Grok 5") through its vocabulary."""
    return frozenset(name_words().names)


@cache
def tabular(lang: str) -> TabularTable:
    """The table-header words of ``lang``, loaded once."""
    if lang not in LANGUAGES:
        raise TableError(f"no word tables for language {lang!r} (have: {', '.join(LANGUAGES)})")
    return load_file(lang_root() / lang / "tabular.yaml", TabularTable)
