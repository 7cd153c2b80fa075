"""The word lists read from ``words.yaml`` and ``names.yaml`` (sign words, conjunctions,
linkers, ordinal articles, company suffixes): each row was extracted the same before they
moved out of code."""

from __future__ import annotations

import pytest

from claimkb.extract import find_quantities


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        # A legal form after a number makes it part of a company's name.
        (
            "de",
            "Die Studio 54 GmbH und Area 51 Inc zahlten 5 Mio.",
            [("5 Mio.", 5e6, "dimensionless", None)],
        ),
        ("en", "Plant 7 LLC, Team 4 plc and Firma 3 S.A.x and 12 Corp.", []),
        # "plus minus 3" is a tolerance; only "плюс-" is listed with a hyphen.
        (
            "en",
            "minus 5 and plus minus 3 and plus-minus 2 and negative 4",
            [
                ("minus 5", -5.0, "dimensionless", None),
                ("3", 3.0, "dimensionless", None),
                ("minus 2", -2.0, "dimensionless", None),
                ("negative 4", -4.0, "dimensionless", None),
            ],
        ),
        (
            "ru",
            "плюс-минус 3 и минус 4",
            [("3", 3.0, "dimensionless", None), ("минус 4", -4.0, "dimensionless", None)],
        ),
        # A linker, an ordinal article, a shared noun, a repeated vague word.
        (
            "de",
            "Hunderte von Metern, der 3. Mai, 10 000 und 20 000 Roboter, Millionen und Millionen",
            [
                ("Hunderte von Metern", 550.0, "m", None),
                ("10 000", 10000.0, "dimensionless", "robot"),
                ("20 000", 20000.0, "dimensionless", "robot"),
                ("Millionen und Millionen", 5.5e6, "dimensionless", None),
            ],
        ),
    ],
)
def test_grammar_words_read_from_the_tables(
    lang: str, text: str, found: list[tuple[str, float, str, str | None]]
) -> None:
    mentions = find_quantities(text, lang)
    assert [
        (text[m.start : m.end], m.quantity.value, m.quantity.unit, m.quantity.counted)
        for m in mentions
        if m.quantity.kind != "date"
    ] == found
