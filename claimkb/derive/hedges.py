"""The hedge tolerance table: how wide "etwa 100" or "порядка 100" is.

The table is data (``extract/lang/<code>/hedges.yaml``, one entry per word with the reason
for its width, and ``extract/lang/hedges.yaml`` for a language without one) so that
reviewers can argue about a tolerance in a diff, not in code. A hedge
either widens by relative amounts below and above the value ("etwa": 10 % either side,
"fast": up to 10 % below only) or by a factor ("порядка": an order of magnitude, so a factor
of sqrt(10) either side on a log scale).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimkb.derive.interval import Interval
from claimkb.extract.tables import (
    HedgeDefault,
    HedgeEntry,
    discover_languages,
    lang_root,
    load_file,
)
from claimkb.extract.tables import HedgeTable as HedgeFile

HEDGES_YAML = Path(str(lang_root() / "hedges.yaml"))
"""The default for any language; each language's words are in ``<code>/hedges.yaml`` beside
it."""


@dataclass(frozen=True)
class Tolerance:
    """How far a hedged value may lie from the stated one, and why."""

    below: float = 0.0
    above: float = 0.0
    factor: float | None = None
    reason: str = ""

    def widen(self, value: float) -> Interval:
        """The interval a hedged ``value`` stands for (mirrored for negative values)."""
        if value < 0:
            return -self.widen(-value)
        if self.factor is not None:
            return Interval(value / self.factor, value * self.factor)
        return Interval(value * (1 - self.below), value * (1 + self.above))


@dataclass(frozen=True)
class HedgeTable:
    """Tolerances by language and word, with per-language and global defaults."""

    default: Tolerance
    by_language: dict[str, dict[str, Tolerance]]

    def lookup(self, word: str | None, lang: str | None) -> Tolerance:
        """The tolerance of ``word`` in ``lang``; the language's, then the global default."""
        words = self.by_language.get(lang or "", {})
        if word is not None and word.lower() in words:
            return words[word.lower()]
        return words.get("default", self.default)


def _from_entry(entry: HedgeEntry) -> Tolerance:
    return Tolerance(entry.below, entry.above, entry.factor, entry.reason)


def _tolerance(entry: Any, where: str) -> Tolerance:
    try:
        return _from_entry(HedgeEntry.model_validate(entry))
    except ValidationError as error:
        first = error.errors()[0]
        inner = " -> ".join(str(part) for part in first["loc"])
        raise ValueError(f"{where}{' -> ' + inner if inner else ''}: {first['msg']}") from None


def parse_table(data: dict[str, Any], origin: str = "hedges.yaml") -> HedgeTable:
    """Validate the YAML structure (a ``default`` and a mapping of words per language) and
    build the table; errors name the entry."""
    default = _tolerance(data.get("default"), f"{origin}: default")
    languages: dict[str, dict[str, Tolerance]] = {}
    for lang, words in data.items():
        if lang == "default":
            continue
        if not isinstance(words, dict):
            raise ValueError(f"{origin}: {lang}: expected a mapping of words")
        languages[lang] = {
            str(word).lower(): _tolerance(entry, f"{origin}: {lang} -> {word}")
            for word, entry in words.items()
        }
    return HedgeTable(default, languages)


def _language_words(table: HedgeFile) -> dict[str, Tolerance]:
    words = {"default": _from_entry(table.default)}
    words.update({str(word).lower(): _from_entry(e) for word, e in table.words.items()})
    return words


def load_table(path: Path = HEDGES_YAML) -> HedgeTable:
    """Read a hedge table: the default from ``path``, each language's words from
    ``<code>/hedges.yaml`` in the language folders beside it. A problem is a ``TableError``
    naming the file."""
    default = load_file(path, HedgeDefault).default
    languages = {
        lang: _language_words(load_file(path.parent / lang / "hedges.yaml", HedgeFile))
        for lang in discover_languages(path.parent)
    }
    return HedgeTable(_from_entry(default), languages)


@cache
def default_table() -> HedgeTable:
    """The project's table, read once."""
    return load_table()
