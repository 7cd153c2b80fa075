"""Claims in English made from their records: each expected line is written by hand from the
record's fields (what a reader who knows no German or Russian should read)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkb.core.models import Claim, Interview, Quantity, Source
from claimkb.pages.english import (
    claim_english,
    number_words,
    plural,
    quantity_english,
    range_words,
    time_text,
)


def _q(**fields: object) -> Quantity:
    return Quantity.model_validate({"kind": "measure", "value": 1.0, "unit": "GW", **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"value": 100, "unit": "GW", "approx": True, "hedge": "etwa", "per": "year"},
            "about 100 GW a year",
        ),
        (
            {
                "kind": "count",
                "value": 10,
                "low": 10,
                "unit": "dimensionless",
                "bound": ">",
                "counted": "patient",
            },
            "more than 10 patients",
        ),
        (
            {"kind": "money", "value": 25000, "low": 20000, "high": 30000, "unit": "USD"},
            "$20,000–30,000",
        ),
        ({"kind": "money", "value": 1.7e9, "unit": "USD"}, "$1.7 billion"),
        (
            {
                "kind": "count",
                "value": 1,
                "unit": "dimensionless",
                "counted": "launch",
                "per": "hour",
            },
            "1 launch an hour",
        ),
        (
            {
                "kind": "count",
                "value": 15e9,
                "low": 10e9,
                "high": 20e9,
                "unit": "dimensionless",
                "counted": "chip",
            },
            "10–20 billion chips",
        ),
        (
            {"kind": "duration", "value": 36, "high": 36, "unit": "month", "bound": "<="},
            "up to 36 months",
        ),
        ({"kind": "duration", "value": 1, "unit": "year"}, "1 year"),
        ({"kind": "date", "value": 2030, "unit": "date", "bound": "<=", "time": "2030"}, "by 2030"),
        (
            {"kind": "date", "value": 2026, "unit": "date", "time": "2026-01-01/2026-03-31"},
            "in Q1 2026",
        ),
        (
            {"kind": "date", "value": 2030, "unit": "date", "bound": ">", "time": "2030"},
            "after 2030",
        ),
        ({"kind": "percent", "value": 80, "unit": "percent"}, "80 %"),
        (
            {"kind": "multiplier", "value": 5, "unit": "times", "approx": True, "hedge": "около"},
            "about 5 times",
        ),
        ({"value": 1e6, "unit": "t", "per": "year"}, "1 million tonnes a year"),
        ({"value": 1, "unit": "kW", "per": "reticle"}, "1 kW per reticle"),
    ],
)
def test_quantities_in_english(fields: dict[str, object], expected: str) -> None:
    assert quantity_english(_q(**fields)) == expected


def test_numbers_plurals_and_times() -> None:
    assert (number_words(10_000), number_words(2.5), number_words(5e12)) == (
        "10,000",
        "2.5",
        "5 trillion",
    )
    assert range_words(2e6, 9e6) == "2–9 million"
    assert range_words(900_000, 2e6) == "900,000–2 million"
    assert [plural(n, 2) for n in ("launch", "robot", "person", "GB300", "battery", "day")] == [
        "launches",
        "robots",
        "people",
        "GB300",
        "batteries",
        "days",
    ]
    assert plural("launch", 1) == "launch"
    assert [time_text(t) for t in ("2025-12", "2025-11-14", "2027-04-01/2027-06-30")] == [
        "Dec 2025",
        "14 Nov 2025",
        "Q2 2027",
    ]
    # An interval that is no quarter keeps the precision of its ends.
    assert time_text("2025-03/2026-02") == "from Mar 2025 to Feb 2026"
    assert time_text("2025-03-01/2026-02-28") == "from 1 Mar 2025 to 28 Feb 2026"


def test_a_claim_in_one_line() -> None:
    source = Source(
        id="talk.de",
        file="talk.de.txt",
        language="de",
        translated_from="zh",
        title="Interview",
        covers_interview=Interview(
            speakers=["Anna Weber"], date=dt.date(2026, 2, 5), venue="Energy Forum"
        ),
    )
    claim = Claim(
        id="talk.de/0000abcd",
        source="talk.de",
        lang="de",
        speaker="Anna Weber",
        start=0,
        end=6,
        surface="40 GW",
        quote="40 GW",
        quantity=_q(value=40, approx=True, hedge="rund"),
    )
    expected = (
        "Anna Weber, Energy Forum, 5 Feb 2026: about 40 GW, in German, translated from Chinese"
    )
    assert claim_english(claim, source) == expected
    # Without a source, the line keeps what the claim itself says.
    assert claim_english(claim, None) == "Anna Weber: about 40 GW, in German"
