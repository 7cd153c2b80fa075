"""Units and scales written in prose: energy beside power, coins, degrees without a scale,
multiples of years, comparisons that are no unit, percentage points and units written once
for a list."""

from __future__ import annotations

import pytest

from claimkb.extract.api import find_quantities


def _read(text: str, lang: str, surface: str) -> tuple[float, str, float | None, float | None]:
    """The value, unit, low and high of the quantity read at ``surface``."""
    start = text.index(surface)
    for mention in find_quantities(text, lang):
        if mention.start <= start < mention.end:
            q = mention.quantity
            return q.value, q.unit, q.low, q.high
    raise AssertionError(f"nothing read at {surface!r} in {text!r}")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "unit"),
    [
        ("ru", "Станция выработала 4,5 млрд кВт·ч за год.", "4,5", 4.5e9, "kWh"),
        ("ru", "Дом тратит 300 кВт-часов в месяц.", "300", 300.0, "kWh"),
        ("ru", "Блок дал 12 ГВт⋅ч энергии.", "12", 12.0, "GWh"),
        ("ru", "Это 7 киловатт-часов.", "7", 7.0, "kWh"),
        ("de", "Der Speicher fasst 500 Kilowatt-Stunden.", "500", 500.0, "kWh"),
        ("de", "Der Speicher fasst 40 Kilowattstunden.", "40", 40.0, "kWh"),
        ("de", "Das Werk hat 40 Kilowatt Leistung.", "40", 40.0, "kW"),
        ("en", "The battery stores 8 megawatt-hours.", "8", 8.0, "MWh"),
        ("en", "Output reached 3 TWh last year.", "3", 3.0, "TWh"),
        ("en", "A heater of 2 kW·h a day.", "2", 2.0, "kWh"),
        ("en", "The plant has 600 megawatts of capacity.", "600", 600.0, "MW"),
    ],
)
def test_energy_is_not_read_as_power(
    lang: str, text: str, surface: str, value: float, unit: str
) -> None:
    assert _read(text, lang, surface)[:2] == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "unit"),
    [
        ("en", "The dividend is 35 cents a share.", "35", 0.35, "USD"),
        ("de", "Der Liter kostet 12 Cent mehr.", "12", 0.12, "EUR"),
        ("ru", "Проезд подорожал на 50 копеек.", "50", 0.5, "RUB"),
        ("ru", "Акция стоит 90 центов.", "90", 0.9, "USD"),
    ],
)
def test_coins_are_hundredths_of_their_currency(
    lang: str, text: str, surface: str, value: float, unit: str
) -> None:
    assert _read(text, lang, surface)[:2] == (pytest.approx(value), unit)


def test_a_capitalised_cent_is_a_name_not_a_coin() -> None:
    assert _read("Then 50 Cent took the stage.", "en", "50")[1] == "dimensionless"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "unit"),
    [
        ("en", "Sales rose to $7.1 billion year-over-year.", "$7.1", 7.1e9, "USD"),
        ("en", "Revenue of $2 billion year on year.", "$2", 2e9, "USD"),
        (
            "de",
            "Der Umsatz stieg auf 7,1 Milliarden Dollar im Vorjahresvergleich.",
            "7,1",
            7.1e9,
            "USD",
        ),
    ],
)
def test_a_comparison_with_last_year_is_no_unit(
    lang: str, text: str, surface: str, value: float, unit: str
) -> None:
    assert _read(text, lang, surface)[:2] == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "unit", "assumed"),
    [
        ("en", "The summer was warmer by 2 degrees.", "2", "degC", True),
        ("en", "Keep warming below 1.5 degrees Celsius.", "1.5", "degC", False),
        ("en", "It was 80 degrees Fahrenheit.", "80", "degF", False),
        ("de", "Es wurde 2 Grad wärmer.", "2", "degC", True),
        ("de", "Wasser kocht bei 100 °C.", "100", "degC", False),
        ("ru", "Было теплее на 3 градуса.", "3", "degC", True),
        ("ru", "Вода нагрелась до 40 градусов Цельсия.", "40", "degC", False),
    ],
)
def test_degrees_without_a_scale_are_celsius_with_a_note(
    lang: str, text: str, surface: str, unit: str, assumed: bool
) -> None:
    start = text.index(surface)
    mention = next(m for m in find_quantities(text, lang) if m.start <= start < m.end)
    assert mention.quantity.unit == unit
    # other rules may note other readings (a bare "до"); this one names the scale
    assert ("Celsius" in (mention.quantity.ambiguity or "")) == assumed


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "low", "high"),
    [
        ("en", "Prices doubled in two decades.", "two", 20.0, None, None),
        ("en", "It took half a century to finish.", "half", 50.0, None, None),
        ("en", "It is the warmest in a half century.", "a half", 50.0, None, None),
        ("en", "We will get there within a decade.", "within", 10.0, None, 10.0),
        ("de", "Das dauert zwei Jahrzehnte.", "zwei", 20.0, None, None),
        ("de", "Seit drei Jahrhunderten steht die Brücke.", "drei", 300.0, None, None),
        ("ru", "Это заняло два десятилетия.", "два", 20.0, None, None),
        ("ru", "Храм стоит уже три века.", "три", 300.0, None, None),
    ],
)
def test_decades_and_centuries_are_read_in_years(
    lang: str, text: str, surface: str, value: float, low: float | None, high: float | None
) -> None:
    assert _read(text, lang, surface) == (pytest.approx(value), "year", low, high)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "unit"),
    [
        ("en", "Turnout was 5, 7 and 9 percent in the three towns.", "5", "percent"),
        ("en", "Turnout was 5, 7 and 9 percent in the three towns.", "7", "percent"),
        ("en", "Rates of 4 or 6 percent are likely.", "4", "percent"),
        ("de", "Die Quote stieg von 12 auf 15 Prozent.", "12", "percent"),
        ("de", "Es sind 30 beziehungsweise 40 Prozent.", "30", "percent"),
        ("de", "Es sind 30 bzw. 40 Prozent.", "30", "percent"),
        ("ru", "Доли составили 5, 7 и 9 процентов.", "5", "percent"),
        ("ru", "Это 3 или 4 километра.", "3", "km"),
    ],
)
def test_a_unit_written_once_serves_every_number_of_a_list(
    lang: str, text: str, surface: str, unit: str
) -> None:
    assert _read(text, lang, surface)[1] == unit


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Of the 30, 12 percent agreed.", "30"),
        ("en", "Of the 30, 12 percent and 15 percent agreed.", "30"),
        ("de", "Von den 30 hatten 12 Prozent Fieber.", "30"),
    ],
)
def test_a_count_before_a_percentage_keeps_its_own_unit(lang: str, text: str, surface: str) -> None:
    assert _read(text, lang, surface)[1] == "dimensionless"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "unit"),
    [
        ("en", "The margin was 4.1 percent, up more than 3 points.", "3", "percentage_point"),
        ("de", "Die Quote stieg auf 7 Prozent, also um 2 Punkte.", "2", "percentage_point"),
        ("ru", "Доля выросла до 45%, то есть на 5 пунктов.", "5 пунктов", "percentage_point"),
        ("en", "The index gained 120 points.", "120", "dimensionless"),
        ("en", "Inflation was 2 percent. The team scored 3 points.", "3", "dimensionless"),
        ("de", "Der Index fiel um 2 Prozent auf 400 Punkte.", "400", "dimensionless"),
        ("en", "It fell 3 percentage points.", "3", "percentage_point"),
        ("de", "Das sind 3 Prozentpunkte mehr.", "3", "percentage_point"),
        ("ru", "Рост на 2 п.п. за год.", "2", "percentage_point"),
        ("ru", "Рост на 3 процентных пункта.", "3", "percentage_point"),
        ("en", "Rates rose 50 basis points.", "50", "basis_point"),
    ],
)
def test_points_after_a_percentage_are_percentage_points(
    lang: str, text: str, surface: str, unit: str
) -> None:
    assert _read(text, lang, surface)[1] == unit


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "low", "high"),
    [
        ("de", "Die Halle ist fünfmal so groß.", "fünfmal", 5.0, None, None),
        ("de", "Der Absatz stieg zehnfach.", "zehnfach", 10.0, None, None),
        ("de", "Es kostet hundertfach mehr.", "hundertfach", 100.0, None, None),
        ("de", "Sie bauen zwei- bis dreimal so schnell.", "zwei", 2.5, 2.0, 3.0),
        ("de", "Sie bauen zwei bis dreimal so schnell.", "zwei", 2.5, 2.0, 3.0),
        ("en", "Sales grew twofold.", "twofold", 2.0, None, None),
        ("en", "A hundredfold rise.", "hundredfold", 100.0, None, None),
        ("en", "It is 10x faster.", "10x", 10.0, None, None),
        ("ru", "Выручка выросла в 1,7х.", "1,7", 1.7, None, None),
    ],
)
def test_factors_glued_to_their_number(
    lang: str, text: str, surface: str, value: float, low: float | None, high: float | None
) -> None:
    assert _read(text, lang, surface) == (pytest.approx(value), "times", low, high)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Das war einmal ein Dorf."),
        ("de", "Das ist ganz einfach."),
        ("de", "Er kam mehrmals."),
        ("en", "The reasons are manifold."),
    ],
)
def test_words_that_only_look_like_factors(lang: str, text: str) -> None:
    assert find_quantities(text, lang) == []


def test_a_preposition_before_a_hedged_factor_is_no_bound() -> None:
    text = "Die Firma verfügt über etwa dreißigmal mehr Lagerfläche."
    start = text.index("etwa")
    (mention,) = find_quantities(text, "de")
    assert (mention.start, mention.quantity.value, mention.quantity.bound) == (start, 30.0, "=")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "unit", "low", "high"),
    [
        ("ru", "Это займёт два-три года.", "два", 2.5, "year", 2.0, 3.0),
        ("ru", "Пришли пять-шесть человек.", "пять", 5.5, "dimensionless", 5.0, 6.0),
        ("de", "Das dauert zwei-drei Tage.", "zwei", 2.5, "day", 2.0, 3.0),
        ("en", "It lasted twenty-one years.", "twenty", 21.0, "year", None, None),
    ],
)
def test_a_hyphen_between_number_words_is_a_range(
    lang: str,
    text: str,
    surface: str,
    value: float,
    unit: str,
    low: float | None,
    high: float | None,
) -> None:
    assert _read(text, lang, surface) == (pytest.approx(value), unit, low, high)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "unit"),
    [
        ("de", "Die Quote stieg um 5 %-Punkte.", "5", 5.0, "percentage_point"),
        ("de", "Die Quote stieg um 4 Prozent-Punkte.", "4", 4.0, "percentage_point"),
        ("de", "Der Zins liegt bei 3 v. H.", "3", 3.0, "percent"),
        ("de", "Der Zins liegt bei 3\u00a0%.", "3", 3.0, "percent"),
        ("de", "Es gab eine Verdopplung der Kosten.", "Verdopplung", 2.0, "times"),
        ("de", "Das wäre fast eine Vervierfachung.", "Vervierfachung", 4.0, "times"),
        ("de", "Der Umsatz hat sich vervierfacht.", "vervierfacht", 4.0, "times"),
        ("de", "Nach dem zweimaligen Start.", "zweimaligen", 2.0, "dimensionless"),
        ("ru", "Расходы вырастут вчетверо.", "вчетверо", 4.0, "times"),
        ("ru", "Доля упала на 2 проц. пункта.", "2", 2.0, "percentage_point"),
        ("en", "Profits quadrupled.", "quadrupled", 4.0, "times"),
        ("en", "Margins rose 3%-points.", "3", 3.0, "percentage_point"),
    ],
)
def test_percent_forms_and_factor_words(
    lang: str, text: str, surface: str, value: float, unit: str
) -> None:
    assert _read(text, lang, surface)[:2] == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "unit"),
    [
        ("en", "Deficits average $1.2 tril- lion a year.", "$1.2", 1.2e12, "USD"),
        ("en", "About 5 mil- lion people voted.", "5", 5e6, "dimensionless"),
        ("de", "Das kostet 10 Milli- arden Euro.", "10", 1e10, "EUR"),
        ("en", "A 5 million-dollar deal.", "5", 5e6, "USD"),
    ],
)
def test_a_scale_word_broken_at_a_line_end(
    lang: str, text: str, surface: str, value: float, unit: str
) -> None:
    assert _read(text, lang, surface)[:2] == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("They built two-and-a-half-hour batteries.", "two", 2.5, "hour"),
        ("A one-and-a-half year delay.", "one", 1.5, "year"),
    ],
)
def test_a_hyphenated_mixed_number_before_its_unit(
    text: str, surface: str, value: float, unit: str
) -> None:
    assert _read(text, "en", surface)[:2] == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "unit"),
    [
        ("de", "Die Hilfe steigt von drei auf sieben Milliarden Euro.", "drei", 3e9, "EUR"),
        ("de", "Die Hilfe sinkt von 9 auf 6 Mrd. Euro.", "9", 9e9, "EUR"),
        ("en", "Grants of 5, 7 and 9 million dollars.", "5", 5e6, "USD"),
        ("en", "Grants of 5, 7 and 9 million dollars.", "7", 7e6, "USD"),
        ("en", "Of the 30, 12 million dollars went abroad.", "30", 30.0, "dimensionless"),
        ("en", "Doses of 45 and 50 mg.", "45", 45.0, "mg"),
    ],
)
def test_a_scale_written_once_serves_every_number_of_a_list(
    lang: str, text: str, surface: str, value: float, unit: str
) -> None:
    assert _read(text, lang, surface)[:2] == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "unit"),
    [
        ("en", "Support rose 2.1 points to 54.3 percent.", "2.1", "percentage_point"),
        ("de", "Die Quote stieg um 2 Punkte auf 54 Prozent.", "2 Punkte", "percentage_point"),
        ("ru", "Доля выросла на 2 пункта, до 54%.", "2 пункта", "percentage_point"),
        ("en", "The index fell 80 points, or 2 percent.", "80", "dimensionless"),
        ("en", "It fell 3 percentage-points.", "3", "percentage_point"),
    ],
)
def test_points_that_lead_to_a_percentage(lang: str, text: str, surface: str, unit: str) -> None:
    assert _read(text, lang, surface)[1] == unit


def test_the_multiple_as_a_noun() -> None:
    assert _read("Die Kosten stiegen um das Dreifache.", "de", "Dreifache")[:2] == (3.0, "times")
