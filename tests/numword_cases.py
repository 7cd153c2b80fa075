"""Shared checks for the per-language number-word tables in tests/lang/<code>/."""

from __future__ import annotations

import pytest

from claimkb.extract.numwords import WordNumber, match_number_words, match_scale


def read(text: str, lang: str, start: int = 0) -> WordNumber:
    """The number words at ``start``; fails the test when there are none."""
    got = match_number_words(text, start, lang)
    assert got is not None, f"no number read in {text!r}"
    return got


def check_whole(text: str, lang: str, expected: float) -> WordNumber:
    """``text`` is one number, read to its end, with the value ``expected``."""
    got = read(text, lang)
    assert got.value == pytest.approx(expected)
    assert got.end == len(text)
    return got


def check_cardinal(text: str, lang: str, expected: int) -> None:
    """An exact cardinal: read to the end, no interval, not an article."""
    got = check_whole(text, lang, expected)
    assert (got.low, got.high, got.article) == (None, None, False)


def check_vague(text: str, lang: str, low: float, high: float) -> None:
    """A vague quantity: the interval, and its midpoint as the value."""
    got = check_whole(text, lang, (low + high) / 2)
    assert (got.low, got.high) == (low, high)


def check_prefix(text: str, lang: str, value: float, read_part: str) -> None:
    """The number ends where ``read_part`` ends."""
    got = read(text, lang)
    assert got.value == pytest.approx(value)
    assert text[: got.end] == read_part


def check_scale(text: str, lang: str, start: int, factor: float, word: str) -> None:
    """A scale word after digits, with its multiplier and extent."""
    got = match_scale(text, start, lang)
    assert got is not None
    assert got[0] == factor
    assert text[start : got[1]] == word
