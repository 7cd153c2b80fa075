"""Flattened report tables: a header or caption states unit and scale once for the bare
numbers after it; parentheses and set-apart minus signs are accounting negatives; years are
column heads; footnote markers in rows are no values. Invented snippets, values by hand."""

from __future__ import annotations

import pytest

from claimkb.extract.scanner import Scanner


def _read(lang: str, text: str) -> dict[str, tuple[float, str]]:
    return {
        text[m.start : m.end]: (m.quantity.value, m.quantity.unit) for m in Scanner(lang).scan(text)
    }


EN = (
    "Highlights. (in millions of Canadian dollars, except per-share data) 2009 2008 Change "
    "Revenues 1,250 1,410 (160) Operating income (loss) (1) (45) 12 (57) "
    "Margin % (3.6%) 0.9% (4.5) pp Net loss per share (0.40) (0.21) (0.19)\n\n"
    "The company said 3 planes were sold."
)


@pytest.mark.parametrize(
    ("span", "value", "unit"),
    [
        ("1,250", 1.25e9, "CAD"),
        ("1,410", 1.41e9, "CAD"),
        ("(160)", -160e6, "CAD"),
        ("(45)", -45e6, "CAD"),
        ("12", 12e6, "CAD"),
        ("(57)", -57e6, "CAD"),
        ("(3.6%)", -3.6, "percent"),
        ("0.9%", 0.9, "percent"),
        ("(4.5) pp", -4.5, "pp"),
        ("(0.40)", -0.40, "CAD"),
        ("3", 3.0, "dimensionless"),
    ],
)
def test_english_header_scales_the_rows(span: str, value: float, unit: str) -> None:
    found = _read("en", EN)
    assert found[span][1] == unit
    assert found[span][0] == pytest.approx(value)


def test_english_footnote_marker_and_years_are_no_amounts() -> None:
    found = _read("en", EN)
    assert "(1)" not in found
    assert all(unit != "CAD" for span, (_, unit) in found.items() if span in ("2009", "2008"))
    assert "millions" not in found


def test_english_dollar_sign_header_in_thousands() -> None:
    found = _read(
        "en", "($ in thousands) Q1 2021 Q1 2020\nNet sales 45,210 39,870\nNet income (1,204) 2,315"
    )
    assert found["45,210"] == (pytest.approx(45.21e6), "USD")
    assert found["(1,204)"] == (pytest.approx(-1.204e6), "USD")
    assert found["2,315"] == (pytest.approx(2.315e6), "USD")


def test_english_prose_amount_is_no_header() -> None:
    found = _read("en", "Sales rose to 5 million dollars. Revenues 12 14 were mentioned.")
    assert found["12"][1] == "dimensionless"


DE = (
    "Kennzahlen in Mio. Euro Umsatz EBIT\n\nQ2/19\n\nQ2/18\n\n%\n\n1.204,6 33,1\n\n"
    "1.150,2 40,8\n\n4,7 - 18,9\n\nDer Konzern steigerte den Umsatz auf 1,2 Mrd. Euro und "
    "meldete 3 neue Standorte."
)


@pytest.mark.parametrize(
    ("span", "value", "unit"),
    [
        ("1.204,6", 1204.6e6, "EUR"),
        ("33,1", 33.1e6, "EUR"),
        ("1.150,2", 1150.2e6, "EUR"),
        ("40,8", 40.8e6, "EUR"),
        ("4,7", 4.7, "percent"),
        ("- 18,9", -18.9, "percent"),
        ("1,2 Mrd. Euro", 1.2e9, "EUR"),
        ("3", 3.0, "dimensionless"),
    ],
)
def test_german_column_heads_one_per_line(span: str, value: float, unit: str) -> None:
    found = _read("de", DE)
    assert found[span][1] == unit
    assert found[span][0] == pytest.approx(value)


def test_german_period_heads_are_no_numbers() -> None:
    text = (
        "Angaben in Tsd. EUR Umsatz EBIT\n\n6M/20\n\n6M/19\n\n"
        "812,5 20,1\n\n799,0 18,4\n\nDer Bericht."
    )
    found = _read("de", text)
    # a period head is a period of the report (a date) or nothing, never an amount
    assert all(found[span][1] == "date" for span in found if span.startswith("6"))
    assert found["812,5"] == (pytest.approx(812.5e3), "EUR")


RU = "Выручка компании (в млрд рублей)\n2019 2020\n112,4 98,7\n\nПрибыль выросла на 5%."


def test_russian_caption_in_billions_of_roubles() -> None:
    found = _read("ru", RU)
    assert found["112,4"] == (pytest.approx(112.4e9), "RUB")
    assert found["98,7"] == (pytest.approx(98.7e9), "RUB")
    assert found["5%"] == (5.0, "percent")


def test_russian_thousand_tonnes_and_negative() -> None:
    found = _read(
        "ru", "Производство, тыс. тонн\n1 250,5 1 300,0 (49,5)\n\nДалее текст без таблиц."
    )
    assert found["(49,5)"] == (pytest.approx(-49.5e3), "t")


def test_scale_only_header_records_its_ambiguity() -> None:
    scanned = Scanner("en").scan("Shipments (in thousands)\nUnits sold 412 389\n")
    amounts = [m.quantity for m in scanned if m.quantity.value > 1000]
    assert [q.value for q in amounts] == [412e3, 389e3]
    assert all(q.ambiguity for q in amounts)


ROW_MAJOR = {
    "de": (
        "Konzernkennzahlen (in Mio. €)\n2023 2022 Veränderung in %\n"
        "Umsatz 4.512,3 4.120,8 9,5\nEBIT 210,4 251,0 -16,2\nMitarbeiter 12.400 11.950 3,8\n\n"
        "Der Vorstand erwartet für 2024 ein Wachstum."
    ),
    "en": (
        "Key figures, in millions of US dollars\nQ2 2024 Q2 2023 % change\n"
        "Revenue 812 790 2.8\nNet income (loss) (14) 22 n/m\n\nThe outlook for 2025 was kept."
    ),
    "ru": (
        "Основные показатели, млн руб.\n2023 2022 Изм., %\nВыручка 1 250,4 1 100,2 13,7\n"
        "Чистая прибыль (120,5) 80,1 –\n\nКомпания сообщила о росте на 14%."
    ),
}


@pytest.mark.parametrize(
    ("lang", "span", "value", "unit"),
    [
        ("de", "4.512,3", 4512.3e6, "EUR"),
        ("de", "9,5", 9.5, "percent"),
        ("de", "-16,2", -16.2, "percent"),
        ("de", "12.400", 12400.0, "dimensionless"),
        ("de", "3,8", 3.8, "percent"),
        ("en", "812", 812e6, "USD"),
        ("en", "2.8", 2.8, "percent"),
        ("en", "(14)", -14e6, "USD"),
        ("ru", "1 250,4", 1250.4e6, "RUB"),
        ("ru", "13,7", 13.7, "percent"),
        ("ru", "(120,5)", -120.5e6, "RUB"),
        ("ru", "14%", 14.0, "percent"),
    ],
)
def test_row_major_tables_with_a_percent_column(
    lang: str, span: str, value: float, unit: str
) -> None:
    found = _read(lang, ROW_MAJOR[lang])
    assert found[span][1] == unit
    assert found[span][0] == pytest.approx(value)


def test_header_words_are_no_amount() -> None:
    assert "millions of US dollars" not in _read("en", ROW_MAJOR["en"])


GLUED = {
    "en": (
        "Segment results ($m)\n| Segment | 2024 | 2023 |\n|---|---|---|\n"
        "| Retail | 1,204 | 1,150 |\n| Wholesale | (35) | 12 |\n\nRetail grew by 5%."
    ),
    "de": (
        "Umsatzerlöse in TEUR\nInland 12.345 11.200\nAusland 4.560 (120)\n\n"
        "Der Umsatz stieg um 3 %."
    ),
    "ru": "Выручка по сегментам, тыс.руб.\nРозница 45 600 41 200\nОпт 3 100 (250)\n\nРост на 10%.",
}


@pytest.mark.parametrize(
    ("lang", "span", "value", "unit"),
    [
        ("en", "1,204", 1204e6, "USD"),
        ("en", "(35)", -35e6, "USD"),
        ("en", "12", 12e6, "USD"),
        ("en", "5%", 5.0, "percent"),
        ("de", "12.345", 12.345e6, "EUR"),
        ("de", "(120)", -120e3, "EUR"),
        ("de", "3 %", 3.0, "percent"),
        ("ru", "45 600", 45.6e6, "RUB"),
        ("ru", "(250)", -250e3, "RUB"),
    ],
)
def test_glued_unit_and_scale_and_column_rules(
    lang: str, span: str, value: float, unit: str
) -> None:
    found = _read(lang, GLUED[lang])
    assert found[span][1] == unit
    assert found[span][0] == pytest.approx(value)


def test_opening_word_before_unit_then_scale() -> None:
    text = "Umsatz in € Mio.\nSegment A 120,5 110,0\nSegment B 30,1 (2,4)\n\nDer Text."
    found = _read("de", text)
    assert found["120,5"] == (pytest.approx(120.5e6), "EUR")
    assert found["(2,4)"] == (pytest.approx(-2.4e6), "EUR")
    assert _read("en", "He paid 5 EUR million in fees.")["5 EUR million"] == (5e6, "EUR")
