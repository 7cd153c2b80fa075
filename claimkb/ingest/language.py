"""The language of a new document: the one given, else detected, and a warning whenever
it is one the project does not expect or the extractor cannot read.

``detect_language`` always answers ``de``, ``en`` or ``ru``; a French page would silently
come out as ``en``. So a text in Latin letters in which neither German nor English function
words are frequent is reported as "not recognised", instead of being extracted with the
wrong grammar without a word.
"""

from __future__ import annotations

import re

from claimkb.extract.langdetect import detect_language

SUPPORTED = ("de", "en", "ru")
_WORDS = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "mit",
        "von",
        "ein",
        "eine",
        "auf",
        "für",
        "zu",
        "sich",
        "den",
        "dem",
        "des",
        "im",
        "in",
        "es",
        "wir",
        "the",
        "and",
        "is",
        "not",
        "with",
        "of",
        "a",
        "an",
        "on",
        "for",
        "to",
        "that",
        "it",
        "in",
        "we",
        "this",
        "are",
        "was",
        "be",
        "by",
        "at",
        "as",
    ]
)
MIN_SHARE = 0.08
"""Share of German or English function words below which Latin text is not recognised
(running German or English text has about a third)."""


def choose_language(
    text: str, given: str | None, expected: list[str], name: str
) -> tuple[str, list[str]]:
    """The language to record for ``text``, and the warnings to show about it."""
    language = given or detect_language(text)
    warnings = []
    if given is None and language != "ru" and not _looks_de_or_en(text):
        warnings.append(
            f"{name}: language not recognised (detected {language!r} by default; the "
            f"extractor reads {', '.join(SUPPORTED)}); give --lang if it is one of them"
        )
    if language not in expected:
        how = "given" if given else "detected"
        warnings.append(
            f"{name}: language {language!r} ({how}) is not one of the project's languages "
            f"({', '.join(expected)} in claimkb.yaml)"
        )
    return language, warnings


def _looks_de_or_en(text: str, sample: int = 20_000) -> bool:
    words = _WORDS.findall(text[:sample].lower())
    if len(words) < 8:
        return True  # too short to tell; the detector's guess stands
    share = sum(word in _FUNCTION_WORDS for word in words) / len(words)
    return share >= MIN_SHARE
