"""Counted nouns the tables do not list: a word in the form of a plural right after a count.

The list of counted nouns in ``counted.yaml`` holds the nouns a corpus has needed, with
their forms in every language; a document about batteries, ferries or vaccines names
others. Where a language's table gives a ``plural`` pattern (English: a lowercase word
ending in "s"), such a word right after a count is read as what is counted and made
singular ("batteries" → "battery", "buses" → "bus", "analyses" → "analysis"), unless it is
one of the table's ``not_nouns`` ("times", "this"). English plurals are irregular, so the
inflect library (well kept, pure Python) makes them singular rather than a list of endings
here; a language may give its endings in the table instead. Languages whose plurals have no
such form (German and Russian plurals are many and need a lexicon) leave the pattern empty
and read listed nouns only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimkb.extract.tables import tables


@dataclass(frozen=True)
class PluralReader:
    """One language's reading of unlisted plural nouns."""

    pattern: re.Pattern[str] | None
    singular: tuple[tuple[str, str], ...]
    not_nouns: frozenset[str]
    singular_by: str | None = None

    def read(self, text: str, at: int) -> tuple[str, int] | None:
        """The singular of the plural noun at ``at`` and where the noun ends, or None."""
        if self.pattern is None:
            return None
        found = self.pattern.match(text, at)
        if found is None or found.group() in self.not_nouns:
            return None
        word = found.group()
        if self.singular_by == "inflect":
            singular = _inflect().singular_noun(word)  # False when it is no plural
            return (singular, found.end()) if singular else None
        for ending, replacement in self.singular:
            if word.endswith(ending):
                return word[: len(word) - len(ending)] + replacement, found.end()
        return None


@cache
def _inflect() -> Any:
    import inflect  # loaded where a language asks for it

    return inflect.engine()


@cache
def plural_reader(lang: str) -> PluralReader:
    """The reader of ``lang``'s table (``counted.yaml``)."""
    table = tables(lang).counted
    pattern = re.compile(rf"(?:{table.plural})(?![\w‑-])") if table.plural else None
    return PluralReader(
        pattern, tuple(table.singular), frozenset(table.not_nouns), table.singular_by
    )
