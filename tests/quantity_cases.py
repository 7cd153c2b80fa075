"""Shared checker for the per-language quantity tables in tests/lang/<code>/."""

from __future__ import annotations

from typing import Any

import pytest

from claimkb.extract import find_quantities


def check_quantity(text: str, lang: str, surface: str, expected: dict[str, Any]) -> None:
    """``text`` holds exactly one quantity, written as ``surface``, with ``expected`` fields."""
    mentions = find_quantities(text, lang)
    assert [text[m.start : m.end] for m in mentions] == [surface]
    quantity = mentions[0].quantity.model_dump()
    for name, want in expected.items():
        got = quantity[name]
        if isinstance(want, float) and isinstance(got, float):
            assert got == pytest.approx(want, rel=1e-12), name
        else:
            assert got == want, name


PRODUCT_NAMES = ("Grok", "Colossus", "Optimus")
"""The product names of the project the tables' sentences are read for (a project lists
its own in ``claims/names.yaml``)."""


def check_nothing(text: str, lang: str) -> None:
    """``text`` holds no claim at all, read for a project whose products are
    ``PRODUCT_NAMES``."""
    found = [text[m.start : m.end] for m in find_quantities(text, lang, PRODUCT_NAMES)]
    assert found == []
