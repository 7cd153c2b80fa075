"""Guess a document's language (de, ru or en) when ``sources.yaml`` does not say.

Three languages with different scripts and very common function words do not need a
statistical model: Cyrillic letters mean Russian; otherwise German and English are told
apart by counts of their most frequent short words.
"""

from __future__ import annotations

import re
from functools import cache

from claimkb.extract.tables import GrammarWords, load_language_file

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-zäöüß]", re.IGNORECASE)


@cache
def _common_words(lang: str) -> re.Pattern[str]:
    """The most frequent short words of ``lang`` (its ``words.yaml``), as whole words."""
    words = load_language_file(lang, "words.yaml", GrammarWords).common_words
    either = "|".join(map(re.escape, words)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)", re.IGNORECASE)


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ru', 'de' or 'en' for ``text`` (only its first ``sample`` characters are read)."""
    head = text[:sample]
    if len(_CYRILLIC.findall(head)) > len(_LATIN.findall(head)):
        return "ru"
    german, english = _common_words("de"), _common_words("en")
    return "de" if len(german.findall(head)) > len(english.findall(head)) else "en"
