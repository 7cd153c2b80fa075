"""German quantities as written in articles: separators, scales, ranges, bounds, hedges,
units, rates, counted nouns, dates, and what is not a claim. Values worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from claimkb.extract import find_quantities
from tests.quantity_cases import check_nothing, check_quantity

CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("Es kostet 20.000 Euro.", "20.000 Euro", {"value": 20000.0, "unit": "EUR", "kind": "money"}),
    ("Es sind 1,7 Milliarden Dollar.", "1,7 Milliarden Dollar", {"value": 1.7e9, "unit": "USD"}),
    ("Es hat 6 Billionen Parameter.", "6 Billionen", {"value": 6e12, "counted": "parameter"}),
    ("Es sind 3 Mio. Nutzer.", "3 Mio.", {"value": 3e6, "counted": "user"}),
    ("Wir bauen 110\u202f000 Knoten.", "110\u202f000", {"value": 110000.0, "counted": "node"}),
    ("Nur 1.7 GW.", "1.7 GW", {"value": 1.7, "unit": "GW", "kind": "measure"}),
    ("Ein Block mit 100kW.", "100kW", {"value": 100.0, "unit": "kW"}),
    ("Es liegt bei ~1 TW.", "~1 TW", {"value": 1.0, "unit": "TW", "approx": True, "hedge": "~"}),
    (
        "Es waren 10 bis 20 Milliarden Chips.",
        "10 bis 20 Milliarden",
        {"value": 1.5e10, "low": 1e10, "high": 2e10, "counted": "chip"},
    ),
    (
        "Die Kosten liegen zwischen 50.000 und 150.000 US-Dollar.",
        "zwischen 50.000 und 150.000 US-Dollar",
        {"low": 50000.0, "high": 150000.0, "unit": "USD"},
    ),
    ("Es dauert 1-2 Jahre.", "1-2 Jahre", {"low": 1.0, "high": 2.0, "unit": "year"}),
    ("Es dauert drei oder vier Jahre.", "drei oder vier Jahre", {"low": 3.0, "high": 4.0}),
    (
        "Es sind mehr als 100 Terawatt.",
        "mehr als 100 Terawatt",
        {"bound": ">", "low": 100.0, "high": None, "unit": "TW"},
    ),
    ("Mindestens 5 Roboter.", "Mindestens 5", {"bound": ">=", "low": 5.0, "counted": "robot"}),
    (
        "Weniger als 250 Milliarden Parameter.",
        "Weniger als 250 Milliarden",
        {"bound": "<", "high": 2.5e11},
    ),
    (
        "Es sind etwa 15 % der Kosten.",
        "etwa 15 %",
        {"value": 15.0, "unit": "percent", "approx": True, "hedge": "etwa"},
    ),
    ("Eine 10-prozentige Chance.", "10-prozentige", {"value": 10.0, "unit": "percent"}),
    ("Er ist 40 Mal besser.", "40 Mal", {"value": 40.0, "unit": "times", "kind": "multiplier"}),
    ("Er ist 2 bis 3 Mal höher.", "2 bis 3 Mal", {"low": 2.0, "high": 3.0, "unit": "times"}),
    ("Die Kosten betragen nur ein Zehntel.", "ein Zehntel", {"value": 0.1, "unit": "times"}),
    (
        "Jährlich eine Million Tonnen.",
        "eine Million Tonnen",
        {"value": 1e6, "unit": "t", "per": "year"},
    ),
    ("Es gibt 100 GW pro Jahr.", "100 GW", {"per": "year"}),
    (
        "Es gibt Tausende von Starts pro Jahr.",
        "Tausende",
        {
            "low": 2000.0,
            "high": 9000.0,
            "value": 5500.0,
            "approx": True,
            "counted": "launch",
            "per": "year",
        },
    ),
    ("Das ist ein Start jede Stunde.", "ein", {"value": 1.0, "counted": "launch", "per": "hour"}),
    ("Ein 33-jähriger Mann.", "33-jähriger", {"value": 33.0, "unit": "year", "kind": "duration"}),
    ("Ausverkauft bis 2030.", "bis 2030", {"kind": "date", "time": "2030", "bound": "<="}),
    (
        "Lieferzeiten reichen über 2030 hinaus.",
        "über 2030 hinaus",
        {"time": "2030", "bound": ">", "low": 2030.0},
    ),
    (
        "Grok erscheint im ersten Quartal 2026.",
        "ersten Quartal 2026",
        {"time": "2026-01-01/2026-03-31", "value": 2026.0},
    ),
    ("Es sank um -5 %.", "-5 %", {"value": -5.0, "unit": "percent"}),
    ("Ich könnte mein Geld verdoppeln.", "verdoppeln", {"value": 2.0, "unit": "times"}),
    ("Das Ergebnis ist negativ 1200000.", "negativ 1200000", {"value": -1.2e6}),
    ("Das sind 1 komma 1 Prozent.", "1 komma 1 Prozent", {"value": 1.1, "unit": "percent"}),
    (
        "Es sind zwischen 2l und etwa 7l.",
        "zwischen 2l und etwa 7l",
        {"low": 2.0, "high": 7.0, "unit": "l"},
    ),
    ("Ein viertel Liter reicht.", "Ein viertel Liter", {"value": 0.25, "unit": "l"}),
    ("Dazu viertel liter Milch.", "viertel liter", {"value": 0.25, "unit": "l"}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), CASES, ids=[c[1] for c in CASES])
def test_de_quantity(text: str, surface: str, expected: dict[str, Any]) -> None:
    check_quantity(text, "de", surface, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Grok 5 und Colossus 2 und Optimus V3 mit dem AI5-Chip von GB300.",
        "Abschnitt 1 | Einleitung",
        "Kapitel 0:36:46 - Grok",
        "https://t.co/3SXlu7fy6N",
        "Derzeit ist Grok in der 4. Generation.",
        "Es ist ein guter Tag für einen Test.",
        "Claudia Tausend wuchs in Niederbayern auf.",
    ],
)
def test_de_not_a_claim(text: str) -> None:
    check_nothing(text, "de")


def test_de_a_product_number_is_a_claim_unless_the_project_names_the_product() -> None:
    text = "Zetor 7 kommt, sagte er."
    assert [text[m.start : m.end] for m in find_quantities(text, "de")] == ["7"]
    assert find_quantities(text, "de", ["Zetor"]) == []
    # Words that name a version in any language need no project: "Version 2", "Block 5".
    assert find_quantities("Die Version 2 und Block 5 sind fertig.", "de") == []
