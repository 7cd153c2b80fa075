"""Guess a document's language (de, ru or en) when ``sources.yaml`` does not say.

Three languages with different scripts and very common function words do not need a
statistical model: Cyrillic letters mean Russian; otherwise German and English are told
apart by counts of their most frequent short words.
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-zäöüß]", re.IGNORECASE)
_GERMAN = re.compile(
    r"(?<!\w)(?:der|die|das|und|ist|nicht|mit|von|ein|eine|auf|für|zu|sich)(?!\w)", re.IGNORECASE
)
_ENGLISH = re.compile(
    r"(?<!\w)(?:the|and|is|not|with|of|a|an|on|for|to|that|it)(?!\w)", re.IGNORECASE
)


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ru', 'de' or 'en' for ``text`` (only its first ``sample`` characters are read)."""
    head = text[:sample]
    if len(_CYRILLIC.findall(head)) > len(_LATIN.findall(head)):
        return "ru"
    return "de" if len(_GERMAN.findall(head)) > len(_ENGLISH.findall(head)) else "en"
