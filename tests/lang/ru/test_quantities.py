"""Russian quantities as written in articles, with case forms. Values worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from tests.quantity_cases import check_nothing, check_quantity

CASES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "Нужно примерно 300 мегаватт.",
        "примерно 300 мегаватт",
        {"value": 300.0, "unit": "MW", "approx": True, "hedge": "примерно"},
    ),
    ("Это примерно гигаватт мощности.", "примерно гигаватт", {"value": 1.0, "unit": "GW"}),
    (
        "Рост до около тераватта в год.",
        "около тераватта",
        {"value": 1.0, "unit": "TW", "per": "year", "hedge": "около"},
    ),
    ("Каждые 110\u202f000 GB300.", "110\u202f000", {"value": 110000.0, "counted": "GB300"}),
    (
        "Потенциально 20–30\u202f000 запусков.",
        "20–30\u202f000",
        {"low": 20000.0, "high": 30000.0, "counted": "launch"},
    ),
    ("Хватит 20 или 30 кораблей.", "20 или 30", {"low": 20.0, "high": 30.0, "counted": "ship"}),
    (
        "Как минимум 10\u202f000 роботов.",
        "Как минимум 10\u202f000",
        {"bound": ">=", "low": 10000.0, "counted": "robot"},
    ),
    (
        "В течение 36 месяцев или меньше.",
        "В течение 36 месяцев или меньше",
        {"bound": "<=", "high": 36.0, "unit": "month"},
    ),
    ("Это в пять раз выше.", "в пять раз", {"value": 5.0, "unit": "times"}),
    (
        "Мошенничество в половину триллиона долларов.",
        "половину триллиона долларов",
        {"value": 5e11, "unit": "USD"},
    ),
    ("Платежи на $5 трлн в год.", "$5 трлн", {"value": 5e12, "unit": "USD", "per": "year"}),
    (
        "Около 1,5 млрд рублей.",
        "Около 1,5 млрд рублей",
        {"value": 1.5e9, "unit": "RUB", "approx": True},
    ),
    (
        "Тарифы в несколько сотен процентов.",
        "несколько сотен процентов",
        {"low": 200.0, "high": 900.0, "unit": "percent"},
    ),
    ("Галлий: 98% рафинирования.", "98%", {"value": 98.0, "unit": "percent"}),
    ("Через пять лет всё изменится.", "пять лет", {"value": 5.0, "unit": "year"}),
    ("Распроданы до 2030 года.", "до 2030 года", {"time": "2030", "bound": "<="}),
    ("Масштаб на 2030 год.", "2030 год", {"time": "2030", "bound": "="}),
    ("Это 100 гигаватт в год.", "100 гигаватт", {"per": "year", "unit": "GW"}),
    (
        "Прокладка линий на несколько миль.",
        "несколько миль",
        {"low": 2.0, "high": 9.0, "unit": "mile"},
    ),
    (
        "Менее чем через год после этого.",
        "Менее чем через год",
        {"bound": "<", "high": 1.0, "unit": "year"},
    ),
    ("Выпей поллитра воды.", "поллитра", {"value": 0.5, "unit": "l"}),
    ("Налей пол литра.", "пол литра", {"value": 0.5, "unit": "l"}),
    ("Итого 1 точка 1.", "1 точка 1", {"value": 1.1}),
    ("Рост минус пять процентов.", "минус пять процентов", {"value": -5.0, "unit": "percent"}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), CASES, ids=[c[1] for c in CASES])
def test_ru_quantity(text: str, surface: str, expected: dict[str, Any]) -> None:
    check_quantity(text, "ru", surface, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Проект Colossus 2 и Optimus 3.",
        "Он пришёл один.",
        "Плюс-минус ничего.",
        "Встретимся в полдень.",
    ],
)
def test_ru_not_a_claim(text: str) -> None:
    check_nothing(text, "ru")
