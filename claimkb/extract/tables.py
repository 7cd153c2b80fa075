"""Load the per-language word tables (YAML beside ``extract/lang/``) into typed models.

The tables are data, not code, so that a linguist can extend a language without reading
the grammar; the models make a typo in them an error at start-up that names the file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimkb.core.errors import ClaimkbError
from claimkb.core.units import is_unit

LANGUAGES = ("de", "en", "ru")
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


class SpeechTable(_Table):
    """Cues of reported speech (``speech.yaml``)."""

    cues: list[str]


class LanguageTables(_Table):
    """Every table of one language."""

    lang: str
    units: UnitTable
    modifiers: ModifierTable
    counted: CountedTable
    dates: DateTable
    speech: SpeechTable


def _read_yaml(relative: str) -> Any:
    path = resources.files("claimkb.extract") / relative
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise TableError(f"extract/{relative}: {error}") from error


def _load(model: type[_T], relative: str) -> _T:
    try:
        return model.model_validate(_read_yaml(relative))
    except ValidationError as error:
        first = error.errors()[0]
        where = " -> ".join(str(part) for part in first["loc"])
        raise TableError(f"extract/{relative}: {where}: {first['msg']}") from error


@cache
def symbols() -> SymbolTable:
    """The shared unit symbols."""
    return _load(SymbolTable, "lang/units.yaml")


@cache
def tables(lang: str) -> LanguageTables:
    """All tables of ``lang``, loaded once."""
    if lang not in LANGUAGES:
        raise TableError(f"no word tables for language {lang!r} (have: {', '.join(LANGUAGES)})")
    return LanguageTables(
        lang=lang,
        units=_load(UnitTable, f"lang/{lang}/units.yaml"),
        modifiers=_load(ModifierTable, f"lang/{lang}/modifiers.yaml"),
        counted=_load(CountedTable, f"lang/{lang}/counted.yaml"),
        dates=_load(DateTable, f"lang/{lang}/dates.yaml"),
        speech=_load(SpeechTable, f"lang/{lang}/speech.yaml"),
    )


@cache
def version_words() -> frozenset[str]:
    """Words in any language whose following small number is part of a name ("Version 2");
    a project adds its product names ("Grok 5") through its vocabulary."""
    return frozenset(str(name) for name in _read_yaml("lang/names.yaml")["names"])
