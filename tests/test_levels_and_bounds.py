"""Levels reached, changes, bounds and factors: invented sentences, values worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from claimkb.extract import find_quantities

Expected = list[tuple[str, dict[str, Any]]]


def check(text: str, lang: str, expected: Expected) -> None:
    """``text`` holds exactly the quantities of ``expected`` (surface, fields), in order."""
    mentions = find_quantities(text, lang)
    assert [text[m.start : m.end] for m in mentions] == [surface for surface, _ in expected]
    for mention, (_, fields) in zip(mentions, expected, strict=True):
        quantity = mention.quantity.model_dump()
        for name, want in fields.items():
            got = quantity[name]
            if isinstance(want, float) and isinstance(got, float):
                assert got == pytest.approx(want, rel=1e-12), name
            else:
                assert got == want, name


LEVELS: list[tuple[str, str, Expected]] = [
    # After a verb of change, "до" names the level reached.
    (
        "ru",
        "Выручка компании выросла на 8%, до 51 млрд руб.",
        [
            ("8%", {"value": 8.0, "unit": "percent", "bound": "="}),
            ("51 млрд руб.", {"value": 5.1e10, "unit": "RUB", "bound": "=", "high": None}),
        ],
    ),
    (
        "ru",
        "Цена снизилась до 40 долларов за баррель.",
        [("40 долларов", {"value": 40.0, "unit": "USD", "bound": "=", "ambiguity": None})],
    ),
    (
        "ru",
        "Правительство решило увеличить расходы на связь до 3,5 триллиона рублей.",
        [("3,5 триллиона рублей", {"value": 3.5e12, "unit": "RUB", "bound": "="})],
    ),
    # Without a change, "до" stays an upper bound, and the reading says why it may not be.
    (
        "ru",
        "Зал вмещает до 500 человек.",
        [
            (
                "до 500",
                {
                    "bound": "<=",
                    "high": 500.0,
                    "ambiguity": "'до' may name an upper bound or the level reached",
                },
            )
        ],
    ),
    # "вплоть до" is a bound whatever stands before it.
    (
        "ru",
        "Цены выросли вплоть до 90 рублей.",
        [("вплоть до 90 рублей", {"bound": "<=", "high": 90.0, "ambiguity": None})],
    ),
    # A change from one value to another: two values, not a range.
    (
        "ru",
        "Банк повысил ставку с 7,5 до 8% годовых.",
        [
            ("7,5", {"value": 7.5, "unit": "percent", "low": None}),
            ("8%", {"value": 8.0, "unit": "percent", "high": None}),
        ],
    ),
    (
        "ru",
        "Магазин открыт с 9 до 18 часов.",
        [("9 до 18 часов", {"low": 9.0, "high": 18.0, "unit": "hour"})],
    ),
    (
        "de",
        "Die Quote stieg von 40 auf 55 Prozent.",
        [
            ("40", {"value": 40.0, "unit": "percent"}),
            ("55 Prozent", {"value": 55.0, "unit": "percent"}),
        ],
    ),
    (
        "de",
        "Die Hilfen steigen von drei auf sechs Milliarden Euro.",
        [
            ("drei", {"value": 3e9, "unit": "EUR"}),
            ("sechs Milliarden Euro", {"value": 6e9, "unit": "EUR"}),
        ],
    ),
    (
        "de",
        "Der Umsatz stieg um 3 % auf 12 Mrd. Euro.",
        [
            ("3 %", {"value": 3.0, "unit": "percent"}),
            ("12 Mrd. Euro", {"value": 1.2e10, "unit": "EUR", "bound": "="}),
        ],
    ),
    (
        "ru",
        "Выручка выросла с 5 до 7 млрд рублей.",
        [("5", {"value": 5e9, "unit": "RUB"}), ("7 млрд рублей", {"value": 7e9, "unit": "RUB"})],
    ),
    (
        "en",
        "Estimates range from 5 to 7 percent.",
        [("from 5 to 7 percent", {"low": 5.0, "high": 7.0, "unit": "percent"})],
    ),
    (
        "en",
        "Shipments were up 12.5% to 30,000 units.",
        [("12.5%", {"value": 12.5, "unit": "percent"}), ("30,000", {"value": 30000.0})],
    ),
    # Two years are a time span, not the old and the new value.
    (
        "ru",
        "Выручка выросла с 2020 до 2022 года на 5%.",
        [("с 2020 до 2022 года", {"unit": "date"}), ("5%", {"value": 5.0})],
    ),
    # A year after "bis"/"by"/"к" is a deadline, not the upper end of a range.
    (
        "de",
        "Die Kapazität soll 120 GW bis 2035 erreichen.",
        [
            ("120 GW", {"value": 120.0, "unit": "GW", "low": None}),
            ("bis 2035", {"unit": "date", "time": "2035", "bound": "<="}),
        ],
    ),
    (
        "de",
        "Geplant ist eine Reduktion um 60 Prozent bis 2030.",
        [
            ("60 Prozent", {"value": 60.0, "unit": "percent", "high": None}),
            ("bis 2030", {"unit": "date", "time": "2030", "bound": "<="}),
        ],
    ),
    (
        "de",
        "Das kostet 10 bis 20 Euro.",
        [("10 bis 20 Euro", {"low": 10.0, "high": 20.0, "unit": "EUR"})],
    ),
    # An article after a dash starts a new phrase: no range down to one.
    (
        "en",
        "The margin was 4.2 percent - a gain.",
        [("4.2 percent", {"value": 4.2, "low": None, "high": None})],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LEVELS)
def test_levels_changes_and_deadlines(lang: str, text: str, expected: Expected) -> None:
    check(text, lang, expected)


FACTORS: list[tuple[str, str, Expected]] = [
    (
        "en",
        "Sales more than doubled last year.",
        [("more than doubled", {"bound": ">", "low": 2.0})],
    ),
    ("en", "Costs almost tripled.", [("almost tripled", {"value": 3.0, "hedge": "almost"})]),
    ("en", "Output rose twofold.", [("twofold", {"value": 2.0, "unit": "times"})]),
    ("en", "Sales quadrupled.", [("quadrupled", {"value": 4.0, "unit": "times"})]),
    (
        "en",
        "Demand grew two- to threefold.",
        [("two- to threefold", {"low": 2.0, "high": 3.0, "unit": "times"})],
    ),
    ("de", "Der Absatz hat sich mehr als verdoppelt.", [("mehr als verdoppelt", {"bound": ">"})]),
    (
        "de",
        "Die Mieten sind zwei- bis dreimal so hoch.",
        [("zwei- bis dreimal", {"low": 2.0, "high": 3.0, "unit": "times"})],
    ),
    (
        "de",
        "Sie hätten dann über etwa dreißigmal mehr Platz.",
        [("etwa dreißigmal", {"value": 30.0, "bound": "=", "hedge": "etwa"})],
    ),
    (
        "de",
        "Das bedeutet fast eine Vervierfachung der Preise.",
        [("fast eine Vervierfachung", {"value": 4.0, "hedge": "fast"})],
    ),
    ("de", "Wir haben es noch einmal versucht, ganz einfach.", []),
    ("de", "Das ist mehr als das Doppelte.", [("mehr als das Doppelte", {"bound": ">"})]),
    ("de", "Es kostet etwa das Zehnfache.", [("etwa das Zehnfache", {"value": 10.0})]),
    ("de", "Er hat die doppelte Staatsbürgerschaft.", []),
    ("ru", "Экспорт вырос более чем втрое.", [("более чем втрое", {"bound": ">", "low": 3.0})]),
    ("ru", "Сборы увеличатся ровно вчетверо.", [("вчетверо", {"value": 4.0, "unit": "times"})]),
    ("ru", "Число заявок удвоилось.", [("удвоилось", {"value": 2.0, "unit": "times"})]),
    (
        "ru",
        "Выпуск вырос в два-три раза.",
        [("в два-три раза", {"low": 2.0, "high": 3.0, "unit": "times"})],
    ),
    (
        "ru",
        "Это займет два-три года.",
        [("два-три года", {"low": 2.0, "high": 3.0, "unit": "year"})],
    ),
    ("en", "A five-year plan.", [("five-year", {"value": 5.0, "unit": "year", "low": None})]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FACTORS)
def test_factors_with_bounds_hedges_and_ranges(lang: str, text: str, expected: Expected) -> None:
    check(text, lang, expected)


BOUNDS: list[tuple[str, str, Expected]] = [
    ("ru", "Цены выросли более чем на 10%.", [("более чем на 10%", {"bound": ">", "low": 10.0})]),
    ("ru", "Это случилось менее чем за 3 года.", [("менее чем за 3 года", {"bound": "<"})]),
    ("ru", "Мы торгуем более чем в сорока странах.", [("более чем в сорока", {"bound": ">"})]),
    ("ru", "Ставка может превысить 9%.", [("превысить 9%", {"bound": ">", "low": 9.0})]),
    # "ниже на 5%" is a change by 5%, not a bound: only "чем" lets a preposition in.
    ("ru", "Цены ниже на 5%.", [("5%", {"bound": "=", "value": 5.0})]),
    ("en", "Spending is well exceeding 3 percent.", [("exceeding 3 percent", {"bound": ">"})]),
    ("en", "The deal is worth north of $2 billion.", [("north of $2 billion", {"bound": ">"})]),
    ("en", "Exports grew 40%+ in the quarter.", [("40%+", {"bound": ">=", "low": 40.0})]),
    ("en", "We hired 50-plus engineers.", [("50-plus", {"bound": ">=", "counted": "engineer"})]),
    ("en", "It is 50+3 in total.", [("50", {"bound": "="}), ("3", {"bound": "="})]),
    (
        "de",
        "Die Kosten übersteigen 5 Milliarden Euro.",
        [("übersteigen 5 Milliarden Euro", {"bound": ">"})],
    ),
    (
        "de",
        "Die restlichen 40 beziehungsweise 25 Prozent folgen.",
        [("40", {"unit": "percent"}), ("25 Prozent", {"unit": "percent"})],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), BOUNDS)
def test_bounds_before_after_and_glued(lang: str, text: str, expected: Expected) -> None:
    check(text, lang, expected)


DURATIONS: list[tuple[str, str, Expected]] = [
    (
        "de",
        "Die Fahrt dauerte etwa zwei Stunden und zehn Minuten.",
        [("etwa zwei Stunden und zehn Minuten", {"value": 130.0, "unit": "minute"})],
    ),
    ("de", "Es dauerte 2 Stunden 30 Minuten.", [("2 Stunden 30 Minuten", {"value": 150.0})]),
    (
        "de",
        "Es dauerte mehr als 2 Stunden und 10 Minuten.",
        [("mehr als 2 Stunden und 10 Minuten", {"value": 130.0, "bound": ">", "low": 130.0})],
    ),
    (
        "en",
        "It took two hours and three minutes.",
        [("two hours and three minutes", {"value": 123.0, "unit": "minute"})],
    ),
    # Calendar units stay as written.
    (
        "en",
        "He served two years and three months.",
        [("two years", {"value": 2.0}), ("three months", {"value": 3.0})],
    ),
    # A smaller unit first is two durations.
    ("de", "Nach 5 Minuten und 3 Stunden.", [("5 Minuten", {}), ("3 Stunden", {})]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DURATIONS)
def test_durations_in_two_units_are_one(lang: str, text: str, expected: Expected) -> None:
    check(text, lang, expected)
