"""English quantities as written in articles. Values worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from tests.quantity_cases import check_nothing, check_quantity

CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("They launched 10,000 ships.", "10,000", {"value": 10000.0, "counted": "ship"}),
    ("It needs 1.7 GW.", "1.7 GW", {"value": 1.7, "unit": "GW"}),
    ("It is about 300 MW.", "about 300 MW", {"approx": True, "hedge": "about"}),
    ("A deal worth $1.45bn.", "$1.45bn", {"value": 1.45e9, "unit": "USD"}),
    ("It has 2.5k users.", "2.5k", {"value": 2500.0, "counted": "user"}),
    ("Half a trillion dollars.", "Half a trillion dollars", {"value": 5e11, "unit": "USD"}),
    (
        "Between 44 mg and 50 mg.",
        "Between 44 mg and 50 mg",
        {"low": 44.0, "high": 50.0, "unit": "mg"},
    ),
    ("At least 10 patients.", "At least 10", {"bound": ">=", "counted": "patient"}),
    ("Up to 20 GW.", "Up to 20 GW", {"bound": "<=", "high": 20.0}),
    (
        "Tens of thousands of robots.",
        "Tens of thousands",
        {"low": 20000.0, "high": 90000.0, "counted": "robot"},
    ),
    ("It is five times better.", "five times", {"value": 5.0, "unit": "times"}),
    ("A million tonnes a year.", "A million tonnes", {"value": 1e6, "unit": "t", "per": "year"}),
    ("The door is 2 1/2 feet wide.", "2 1/2 feet", {"value": 2.5, "unit": "ft"}),
    ("It was minus 5 degrees Celsius.", "minus 5 degrees Celsius", {"value": -5.0, "unit": "degC"}),
    (
        "From 10 dollars to 20 dollars.",
        "From 10 dollars to 20 dollars",
        {"low": 10.0, "high": 20.0, "unit": "USD"},
    ),
    ("Sold out until 2030.", "until 2030", {"time": "2030", "bound": "<="}),
    ("Due in Q1 2026.", "Q1 2026", {"time": "2026-01-01/2026-03-31"}),
    ("A six-mile trip.", "six-mile", {"value": 6.0, "unit": "mile"}),
    (
        "Sales greater than or equal to 50.",
        "greater than or equal to 50",
        {"bound": ">=", "low": 50.0},
    ),
    ("They lost 75 USD million.", "75 USD million", {"value": 7.5e7, "unit": "USD"}),
    ("Losses of 30 MUSD were reported.", "30 MUSD", {"value": 3e7, "unit": "USD"}),
    ("Revenues of MAUD 60 a year.", "MAUD 60", {"value": 6e7, "unit": "AUD", "per": "year"}),
    ("2mil SEK is not enough.", "2mil SEK", {"value": 2e6, "unit": "SEK"}),
    ("The price in USD 2024 rose.", "2024", {"time": "2024", "unit": "date"}),
    (
        "It weighs between 2.0 g and about 7.0 g.",
        "between 2.0 g and about 7.0 g",
        {"low": 2.0, "high": 7.0, "unit": "g", "approx": True},
    ),
    ("It takes 2 - ~7 grams.", "2 - ~7 grams", {"low": 2.0, "high": 7.0, "unit": "g"}),
    ("It costs about $10-$20.", "about $10-$20", {"low": 10.0, "high": 20.0, "unit": "USD"}),
    ("The ratio was 1 point 1.", "1 point 1", {"value": 1.1}),
    ("The answer is minus one.", "minus one", {"value": -1.0}),
    ("We need minus five percent.", "minus five percent", {"value": -5.0, "unit": "percent"}),
    ("Drink half a liter.", "half a liter", {"value": 0.5, "unit": "l"}),
    ("A quarter-litre bottle.", "A quarter-litre", {"value": 0.25, "unit": "l"}),
    ("At that point two of them left.", "two", {"value": 2.0}),
    ("Add a tenth of a gallon.", "a tenth of a gallon", {"value": 0.1, "unit": "gallon"}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), CASES, ids=[c[1] for c in CASES])
def test_en_quantity(text: str, surface: str, expected: dict[str, Any]) -> None:
    check_quantity(text, "en", surface, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Call +1-222-2222-2222 now.",
        "We meet at 2 pm.",
        "Version two of Grok 5.",
        "On the tenth day we left.",
        "Read scp2-173m first.",
        "It was a good day.",
    ],
)
def test_en_not_a_claim(text: str) -> None:
    check_nothing(text, "en")
