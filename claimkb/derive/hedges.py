"""The hedge tolerance table: how wide "etwa 100" or "порядка 100" is.

The table is data (``kb/data/hedges.yaml``, one entry per word and language with the reason
for its width) so that reviewers can argue about a tolerance in a diff, not in code. A hedge
either widens by relative amounts below and above the value ("etwa": 10 % either side,
"fast": up to 10 % below only) or by a factor ("порядка": an order of magnitude, so a factor
of sqrt(10) either side on a log scale).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from claimkb.derive.interval import Interval

HEDGES_YAML = Path(__file__).parent / "data" / "hedges.yaml"


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


def _tolerance(entry: Any, where: str) -> Tolerance:
    if not isinstance(entry, dict) or not entry.get("reason"):
        raise ValueError(f"{where}: a hedge entry needs a mapping with a 'reason'")
    unknown = set(entry) - {"below", "above", "factor", "reason"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    factor = entry.get("factor")
    if factor is not None and (float(factor) < 1 or {"below", "above"} & set(entry)):
        raise ValueError(f"{where}: 'factor' must be >= 1 and not mixed with below/above")
    below, above = float(entry.get("below", 0.0)), float(entry.get("above", 0.0))
    if not (0 <= below < 1 and above >= 0):
        raise ValueError(f"{where}: need 0 <= below < 1 and above >= 0")
    return Tolerance(below, above, None if factor is None else float(factor), str(entry["reason"]))


def parse_table(data: dict[str, Any], origin: str = "hedges.yaml") -> HedgeTable:
    """Validate the YAML structure and build the table; errors name the entry."""
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


def load_table(path: Path = HEDGES_YAML) -> HedgeTable:
    """Read a hedge table from YAML."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return parse_table(data, path.name)


@cache
def default_table() -> HedgeTable:
    """The project's table, read once."""
    return load_table()
