"""Compile a language's word tables into the regular expressions the scanner uses.

Every table becomes one alternation with a named group per key, longest form first, so a
single ``match`` at a position answers "which unit (hedge, bound, rate...) starts here?".
Compiling once per language keeps the scanner linear in the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from extract.tables import LanguageTables, symbols, tables

K = TypeVar("K")

#: Horizontal white space that may stand between a number and its words.
SPACE = "[ \u00a0\u202f\u2009\t]"
#: Unicode vulgar fractions and their values.
VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
          "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
          "⅞": 7 / 8}
VULGAR_FRACTIONS = "".join(VULGAR)
#: Characters that can separate digit groups of thousands.
GROUP_SPACES = "[ \u00a0\u202f\u2009]"


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of ``forms``, longest first so the longest form wins."""
    return "|".join(sorted(set(forms), key=lambda form: (-len(form), form)))


class KeyedPattern(Generic[K]):
    """One compiled alternation over several keys; ``match`` says which key matched where."""

    def __init__(
        self,
        forms: Mapping[K, Iterable[str]],
        *,
        ignore_case: bool = True,
        before: str = r"(?<!\w)",
        after: str = r"(?!\w)",
        anchor_end: bool = False,
    ) -> None:
        self.keys: list[K] = list(forms)
        groups = [
            f"(?P<g{index}>{alternation(forms[key])})"
            for index, key in enumerate(self.keys)
            if list(forms[key])
        ]
        body = "|".join(groups) or "(?!)"
        flags = re.IGNORECASE if ignore_case else 0
        end = rf"{SPACE}*$" if anchor_end else ""
        self.pattern = re.compile(f"{before}(?:{body}){after}{end}", flags)

    def match(self, text: str, pos: int) -> tuple[K, int] | None:
        """The key whose form starts exactly at ``pos``, and the end of that form."""
        found = self.pattern.match(text, pos)
        if found is None or found.lastgroup is None:
            return None
        return self.keys[int(found.lastgroup[1:])], found.end()

    def match_before(self, text: str, pos: int, window: int = 48) -> tuple[K, int] | None:
        """The key whose form ends right before ``pos`` (spaces between allowed), and its
        start. Needs a pattern built with ``anchor_end=True``."""
        lo = max(0, pos - window)
        found = self.pattern.search(text[lo:pos])
        if found is None or found.lastgroup is None:
            return None
        return self.keys[int(found.lastgroup[1:])], lo + found.start()


def _digit_pattern(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Numbers written in digits, with the separators each language uses.

    German writes ``20.000`` and ``1,7``; English ``10,000`` and ``1.7``; Russian ``110 000``
    (often with U+202F) and ``1,5``. All three accept space-grouped thousands. A group
    separator must be followed by exactly three digits; otherwise it is a decimal mark.
    """
    group_marks = {
        "de": rf"(?:\.|{GROUP_SPACES})",
        "en": rf"(?:,|{GROUP_SPACES})",
        "ru": rf"(?:\.|{GROUP_SPACES})",
    }[lang]
    decimal = {"de": "[,.]", "en": "[.,]", "ru": "[,.]"}[lang]
    grouped = rf"[1-9]\d{{0,2}}(?:{group_marks}\d{{3}})+(?!\d)"
    plain = r"\d+"
    # A fraction "3/4", a mixed number "2 1/4" or "10½", a leading-dot decimal ".25".
    fraction = rf"(?:(?P<whole>\d+){SPACE}{{1,2}})?(?P<num>\d+)/(?P<den>\d+)(?![\d/])"
    vulgar = rf"(?P<vwhole>\d+)?{SPACE}?(?P<vulgar>[{VULGAR_FRACTIONS}])"
    body = (
        rf"(?P<sign>[+\-−](?=[\d.]))?(?:{fraction}|{vulgar}|(?P<int>{grouped}|{plain}|(?=\.\d))"
        rf"(?:(?P<dec>{decimal})(?P<frac>\d+))?(?![\d]))"
    )
    # Not glued to a word before it ("GB300", "scp-173"); continuations skip this check.
    return re.compile(rf"(?<![\w.,/])(?<![^\W\d_][-‑]){body}"), re.compile(body)


def _str_keys(table: Mapping[Any, list[str]]) -> dict[str, list[str]]:
    return {str(key): forms for key, forms in table.items()}


def _literal_dashes(connectors: Iterable[str]) -> Iterator[str]:
    """Range connectors as regex forms: one-character dashes are taken literally."""
    return (re.escape(c) if len(c) == 1 else c for c in connectors)


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns of one language."""

    lang: str
    tables: LanguageTables
    digits: re.Pattern[str]
    digits_glued: re.Pattern[str]
    unit_symbols: KeyedPattern[str]
    unit_words: KeyedPattern[str]
    unit_glued: KeyedPattern[str]
    hyphen_suffixes: KeyedPattern[str]
    prefix_currency: KeyedPattern[str]
    currency_glued: KeyedPattern[str]
    hedges: KeyedPattern[str]
    bounds_before: KeyedPattern[str]
    bounds_after: KeyedPattern[str]
    range_connector: re.Pattern[str]
    range_frames: KeyedPattern[int]
    alternatives: KeyedPattern[str]
    rates: KeyedPattern[str]
    per_marker: re.Pattern[str]
    counted: KeyedPattern[str]
    name_words: KeyedPattern[str]
    unit_prefixes: KeyedPattern[str]
    each: re.Pattern[str]
    hedge_links: KeyedPattern[str]
    approximate_numbers: re.Pattern[str]
    multiplier_words: KeyedPattern[int]


@cache
def grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang``, built once."""
    t = tables(lang)
    shared = symbols()
    mods = t.modifiers
    digits, digits_glued = _digit_pattern(lang)
    return Grammar(
        lang=lang,
        tables=t,
        digits=digits,
        digits_glued=digits_glued,
        unit_symbols=KeyedPattern(shared.symbols, ignore_case=False, before="", after=r"(?!\w)"),
        unit_words=KeyedPattern(t.units.words, before=r"(?<![^\W\d_])"),
        unit_glued=KeyedPattern(t.units.glued_suffixes, before=""),
        hyphen_suffixes=KeyedPattern(t.units.hyphen_suffixes, before="[-‑]"),
        currency_glued=KeyedPattern(
            shared.prefix_currency, ignore_case=False, before="", after=r"(?=\d)"
        ),
        prefix_currency=KeyedPattern(
            shared.prefix_currency, ignore_case=False, before="", after="", anchor_end=True
        ),
        hedges=KeyedPattern(
            {"hedge": mods.hedges}, after="", anchor_end=True, before=r"(?<![^\W~≈])"
        ),
        bounds_before=KeyedPattern(
            _str_keys(mods.bounds_before),
            before=r"(?:(?<!\w)|(?=[<>≤≥=]))",
            after=r"(?!\w)",
            anchor_end=True,
        ),
        bounds_after=KeyedPattern(_str_keys(mods.bounds_after)),
        range_connector=re.compile(
            rf"{SPACE}*(?:{alternation(_literal_dashes(mods.range_connectors))})(?![^\W\d_]){SPACE}*",
            re.IGNORECASE,
        ),
        range_frames=KeyedPattern(
            {index: [opening] for index, (opening, _) in enumerate(mods.range_frames)},
            anchor_end=True,
        ),
        alternatives=KeyedPattern({"either": mods.alternatives}, anchor_end=True),
        rates=KeyedPattern(mods.rates, after=r"(?!\w)"),
        per_marker=re.compile(
            rf"{SPACE}*(?:{alternation(mods.per_markers)}|/){SPACE}*", re.IGNORECASE
        ),
        counted=KeyedPattern(t.counted.nouns),
        name_words=KeyedPattern({"name": mods.name_words}, anchor_end=True),
        unit_prefixes=KeyedPattern(mods.unit_prefixes, anchor_end=True),
        each=re.compile(
            rf"(?<!\w)(?:{alternation(mods.each_words) or '(?!)'}){SPACE}+", re.IGNORECASE
        ),
        multiplier_words=KeyedPattern(mods.multiplier_words),
        hedge_links=KeyedPattern({"link": mods.hedge_links}, anchor_end=True),
        approximate_numbers=re.compile(
            rf"(?:{alternation(mods.approximate_numbers) or '(?!)'})(?!\w)", re.IGNORECASE
        ),
    )
