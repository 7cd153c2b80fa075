"""Load the per-language word tables (YAML in ``extract/lang/<code>/``) into typed models.

Everything about a language lives in its folder: number words, units, modifiers, counted
nouns, calendar words, speech cues, hedge tolerances, deadline words and the small word lists
the grammar reads around a number. A folder holding every file of ``LANGUAGE_FILES`` is a
language, so adding one is a folder and its tests. The tables are data, not code, so that a
linguist can extend a language without reading the grammar; the models make a typo in them
an error at start-up that names the file.
"""

from __future__ import annotations

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

    _units = field_validator("symbols", "prefix_currency")(_check_units)


class UnitTable(_Table):
    """A language's unit words (``units.yaml``)."""

    words: dict[str, list[str]]
    hyphen_suffixes: dict[str, list[str]] = Field(default_factory=dict)
    glued_suffixes: dict[str, list[str]] = Field(default_factory=dict)

    _units = field_validator("words", "hyphen_suffixes", "glued_suffixes")(_check_units)


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


class CountedTable(_Table):
    """Counted nouns of a language, keyed by their English singular (``counted.yaml``)."""

    nouns: dict[str, list[str]]


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


class SpeechTable(_Table):
    """Cues of reported speech (``speech.yaml``)."""

    cues: list[str]


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


class NameTable(_Table):
    """Words read in any language around a number that is part of a name
    (``lang/names.yaml``)."""

    names: list[str]
    company_suffixes: list[str]


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
}
"""The files every language folder holds, and the model each is read with."""


SHARED_FILES: dict[str, type[_Table]] = {
    "units.yaml": SymbolTable,
    "names.yaml": NameTable,
    "hedges.yaml": HedgeDefault,
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
def version_words() -> frozenset[str]:
    """Words in any language whose following small number is part of a name ("Version 2");
    a project adds its product names ("Grok 5") through its vocabulary."""
    return frozenset(name_words().names)
