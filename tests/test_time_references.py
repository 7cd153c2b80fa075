"""Time references: half-years, quarters and period codes are intervals of a year, two years
joined by "bis"/"to"/"по" are a period, relative dates resolve against the document's date
(and claim nothing without one), and a year read as a deadline carries its bound. Sentences
and expected values are worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkb.extract.pipeline import scanner

Row = tuple[str, str, float, str | None, str]


def _read(lang: str, text: str, reference: str | None = None) -> list[Row]:
    """(surface, unit, value, time, bound) of every mention."""
    ref = dt.date.fromisoformat(reference) if reference else None
    return [
        (
            text[m.start : m.end],
            m.quantity.unit,
            m.quantity.value,
            m.quantity.time,
            m.quantity.bound,
        )
        for m in scanner(lang, ()).scan(text, ref)
    ]


def _dates(lang: str, text: str, reference: str | None = None) -> list[tuple[str, str, str]]:
    return [(s, t or "", b) for s, u, _, t, b in _read(lang, text, reference) if u == "date"]


CASES = [
    # Half-years are periods of a year, not half a year.
    (
        "de",
        "Im ersten Halbjahr 2023 verkaufte der Händler mehr Räder.",
        None,
        [("ersten Halbjahr 2023", "2023-01-01/2023-06-30", "=")],
    ),
    (
        "de",
        "Im zweiten Halbjahr soll die Marge steigen.",
        "2022-03-14",
        [("zweiten Halbjahr", "2022-07-01/2022-12-31", "=")],
    ),
    (
        "en",
        "Orders grew in the second half of 2021.",
        None,
        [("second half of 2021", "2021-07-01/2021-12-31", "=")],
    ),
    (
        "ru",
        "Во втором полугодии 2019 года спрос упал.",
        None,
        [("втором полугодии 2019 года", "2019-07-01/2019-12-31", "=")],
    ),
    # Period codes of business reports.
    (
        "en",
        "Compare H2 2020 with Q4/19 and 6M/21.",
        None,
        [
            ("H2 2020", "2020-07-01/2020-12-31", "="),
            ("Q4/19", "2019-10-01/2019-12-31", "="),
            ("6M/21", "2021-01-01/2021-06-30", "="),
        ],
    ),
    # A roman quarter resolves against the document's date.
    (
        "ru",
        "В IV квартале цены выросли.",
        "2021-02-01",
        [("IV квартале", "2021-10-01/2021-12-31", "=")],
    ),
    # Two years joined are a period, whatever joins them.
    (
        "en",
        "From 2015 to 2018 the mine was closed.",
        None,
        [("From 2015 to 2018", "2015/2018", "=")],
    ),
    ("de", "Von 2012 bis 2014 ruhte der Bau.", None, [("Von 2012 bis 2014", "2012/2014", "=")]),
    ("ru", "С 2016 по 2018 год завод стоял.", None, [("С 2016 по 2018 год", "2016/2018", "=")]),
    ("en", "The 2008–2010 slump hurt.", None, [("2008–2010", "2008/2010", "=")]),
    ("de", "Im Geschäftsjahr 2023/24 sank der Absatz.", None, [("2023/24", "2023/2024", "=")]),
    ("de", "In der Saison 24/25 kamen mehr Gäste.", None, [("Saison 24/25", "2024/2025", "=")]),
    # Decades.
    ("en", "Prices fell in the 1980s.", None, [("1980s", "1980/1989", "=")]),
    ("de", "In den 1970er Jahren stieg der Ölpreis.", None, [("1970er Jahren", "1970/1979", "=")]),
    ("ru", "В 1960-х годах город рос.", None, [("1960-х годах", "1960/1969", "=")]),
    # A Russian year with its case ending.
    ("ru", "В 2019-м году выпуск вырос.", None, [("2019-м году", "2019", "=")]),
    ("ru", "Мост построят до 2031-го года.", None, [("до 2031-го года", "2031", "<=")]),
    # Deadlines.
    (
        "de",
        "Das Netz soll bis zum Jahr 2035 fertig sein.",
        None,
        [("bis zum Jahr 2035", "2035", "<=")],
    ),
    (
        "en",
        "Tolls stay at least until the end of June.",
        "2019-05-02",
        [("at least until the end of June", "2019-06", ">=")],
    ),
    # A part of a month without its year takes the document's year...
    ("en", "Talks resume in mid-July.", "2018-06-20", [("mid-July", "2018-07", "=")]),
    ("de", "Der Tunnel öffnet Ende Oktober.", "2017-09-01", [("Ende Oktober", "2017-10", "=")]),
    ("ru", "Работы завершат в конце ноября.", "2016-10-10", [("в конце ноября", "2016-11", "=")]),
    # ... and a deadline in a month already past looks ahead to the next year.
    (
        "en",
        "The plant closes by the end of February.",
        "2019-11-05",
        [("by the end of February", "2020-02", "<=")],
    ),
    # A part of a year: the year, and the bound before it.
    (
        "en",
        "Half of the staff will return by the middle of next year.",
        "2016-03-01",
        [("by the middle of next year", "2017", "<=")],
    ),
    ("de", "Mitte 2027 soll die Brücke stehen.", None, [("Mitte 2027", "2027", "=")]),
    (
        "de",
        "Bis Ende nächsten Jahres fällt die Umlage.",
        "2013-09-09",
        [("Bis Ende nächsten Jahres", "2014-12", "<=")],
    ),
    (
        "ru",
        "К середине следующего года линию продлят.",
        "2012-02-02",
        [("К середине следующего года", "2013", "<=")],
    ),
    # Relative years and year ends.
    (
        "ru",
        "До конца этого года тарифы не изменят.",
        "2015-04-01",
        [("До конца этого года", "2015-12", "<=")],
    ),
    (
        "de",
        "Zum 30.6. nächsten Jahres endet der Vertrag.",
        "2014-08-01",
        [("30.6. nächsten Jahres", "2015-06-30", "=")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "reference", "expected"), CASES)
def test_time_references(
    lang: str, text: str, reference: str | None, expected: list[tuple[str, str, str]]
) -> None:
    assert _dates(lang, text, reference) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Im ersten Halbjahr wuchs der Absatz."),
        ("en", "Sales rose in early March."),
        ("ru", "Во втором квартале спрос рос."),
        ("ru", "Об этом 12 марта сообщила компания."),
        ("de", "Zum 31.12. dieses Jahres schließt das Werk."),
    ],
)
def test_without_a_document_date_nothing_is_claimed(lang: str, text: str) -> None:
    """The year is the document's, and there is none: no date, and no number either."""
    assert _read(lang, text) == []


def test_a_month_past_the_reference_says_why_it_may_be_next_year() -> None:
    mention = scanner("en", ()).scan("Sales rose in early March.", dt.date(2020, 10, 1))[0]
    assert mention.quantity.time == "2020-03"
    assert mention.quantity.ambiguity and "next year" in mention.quantity.ambiguity


def test_a_deadline_year_is_no_end_of_a_range() -> None:
    """ "mindestens 40 Prozent bis 2035": a share and its deadline, not 40 to 2035 percent."""
    rows = _read("de", "Der Anteil soll um mindestens 40 Prozent bis 2035 sinken.")
    assert ("mindestens 40 Prozent", "percent", 40.0, None, ">=") in rows
    assert ("bis 2035", "date", 2035.0, "2035", "<=") in rows


def test_amounts_between_year_like_numbers_stay_amounts() -> None:
    rows = _read("en", "Output rose from 1950 to 2000 tonnes.")
    assert all(unit != "date" for _, unit, *_ in rows)


def test_a_period_code_after_a_currency_sign_is_an_amount() -> None:
    rows = _read("en", "It raised $9M 2019 alone.")
    assert rows[0][:3] == ("$9M", "USD", 9e6)


def test_a_duration_stays_a_duration() -> None:
    assert _read("de", "Seit zehn Jahren sinkt der Verbrauch.")[0][:3] == (
        "zehn Jahren",
        "year",
        10.0,
    )


def test_a_plain_year_after_a_preposition_is_a_date() -> None:
    assert _read("en", "The first tram arrived in 1987.") == [("1987", "date", 1987.0, "1987", "=")]


def test_a_quarter_not_begun_at_the_document_date_says_it_may_be_last_years() -> None:
    mention = scanner("en", ()).scan("Margins fell in the third quarter.", dt.date(2019, 2, 1))[0]
    assert mention.quantity.time == "2019-07-01/2019-09-30"
    assert mention.quantity.ambiguity and "previous year" in mention.quantity.ambiguity


@pytest.mark.parametrize(
    ("lang", "text", "surface", "value", "bound"),
    [
        ("en", "Rents doubled within a decade.", "within a decade", 10.0, "<="),
        ("en", "It was the driest summer in a half century.", "a half century", 50.0, "="),
        (
            "de",
            "Das Werk stand seit einem halben Jahrhundert.",
            "einem halben Jahrhundert",
            50.0,
            "=",
        ),
        ("de", "Der Hafen wuchs in zwei Jahrzehnten stark.", "zwei Jahrzehnten", 20.0, "="),
        ("ru", "За полвека город вырос.", "полвека", 50.0, "="),
    ],
)
def test_decades_and_centuries_are_years(
    lang: str, text: str, surface: str, value: float, bound: str
) -> None:
    assert (surface, "year", value, None, bound) in _read(lang, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the verb after "late", not the month
        ("en", "Teams that start late may lose points."),
        # a section number is no day
        ("de", "Siehe Abschnitt 4.2. im Anhang."),
    ],
)
def test_look_alikes_of_dates_claim_no_date(lang: str, text: str) -> None:
    assert _dates(lang, text, "2020-06-01") == []


def test_a_short_year_in_a_period_code_needs_its_slash() -> None:
    """ "H2 20 Prozent" is hydrogen and a share; "H2/20" is the second half of 2020."""
    assert _dates("de", "Der Anteil von H2 20 Prozent.") == []
    assert _dates("de", "Umsatz H2/20 gestiegen.") == [("H2/20", "2020-07-01/2020-12-31", "=")]


def test_a_bare_day_and_month_after_a_bound_word_is_a_deadline() -> None:
    assert _dates("de", "Anträge bis 15.3. einreichen.", "2021-01-10") == [
        ("bis 15.3.", "2021-03-15", "<=")
    ]
