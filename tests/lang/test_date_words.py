"""The date words read from ``dates.yaml`` (day suffixes, month-first days, the words between
a quarter and its year): each row was extracted the same before they moved out of code."""

from __future__ import annotations

import pytest

from claimkb.extract import find_quantities


@pytest.mark.parametrize(
    ("lang", "text", "dates"),
    [
        # English writes a day after its month, with or without a suffix.
        (
            "en",
            "It shipped on March 5th, 2026 and again on April 2 2027.",
            [("March 5th, 2026", "2026-03-05"), ("April 2 2027", "2027-04-02")],
        ),
        (
            "en",
            "Revenue in Q1 of 2025 and in the first quarter of 2026 rose.",
            [
                ("Q1 of 2025", "2025-01-01/2025-03-31"),
                ("first quarter of 2026", "2026-01-01/2026-03-31"),
            ],
        ),
        # The words between a quarter and its year are read in any language.
        (
            "de",
            "Im ersten Quartal des 2025 und in Q1 of 2026 stieg es.",
            [
                ("ersten Quartal des 2025", "2025-01-01/2025-03-31"),
                ("Q1 of 2026", "2026-01-01/2026-03-31"),
            ],
        ),
        # German puts the day first: "March 5th 2026" is only the year.
        (
            "de",
            "Am 5. März 2026 und March 5th 2026.",
            [("5. März 2026", "2026-03-05"), ("2026", "2026")],
        ),
        (
            "ru",
            "В Q1 of 2025 и в первом квартале 2026 года.",
            [
                ("Q1 of 2025", "2025-01-01/2025-03-31"),
                ("первом квартале 2026 года", "2026-01-01/2026-03-31"),
            ],
        ),
    ],
)
def test_date_words_read_from_the_tables(
    lang: str, text: str, dates: list[tuple[str, str]]
) -> None:
    found = [
        (text[m.start : m.end], m.quantity.time)
        for m in find_quantities(text, lang)
        if m.quantity.kind == "date"
    ]
    assert found == dates
