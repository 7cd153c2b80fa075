"""Page furniture is no claim: date lines, references to a document's parts, note markers,
counters and widgets, contact lines and numbers inside codes and titles are left out, while
the claims beside them, and the same words in running text, are still read."""

from __future__ import annotations

import pytest

from claimkb.extract.digit_runs import DigitRuns
from claimkb.extract.furniture import furniture_intervals
from claimkb.extract.pipeline import scanner


def surfaces(lang: str, text: str) -> list[str]:
    return [text[m.start : m.end] for m in scanner(lang).scan(text)]


DATE_LINES = [
    ("en", "Feb 9, 2024\n\nThe yard launched 4 ferries.", ["4"]),
    ("en", "- October 2, 2025\n\nThe mill hired 35 people.", ["35"]),
    ("en", " date 2023-05-17 The port handled 12 million tonnes.", ["12 million tonnes"]),
    ("de", " date 2019-04 Die Werft baut 7 Fähren.", ["7"]),
    ("en", "OSLO, 3 March 2025 - The fund bought 9 percent of the firm.", ["9 percent"]),
    ("en", "DENVER, June 5, 2024 - The utility added 300 MW.", ["300 MW"]),
    ("en", "SALEM, Ore., July 18, Acme today reported 300 MW.", ["300 MW"]),
    ("ru", "Москва, 3 марта 2025 г. Выручка выросла на 3%.", ["3%"]),
    ("de", "Berlin, 3. März 2025 (dpa) – Der Umsatz stieg um 3 Prozent.", ["3 Prozent"]),
    ("ru", "БЕРЛИН, 3 марта 2025 г. - Завод выпустил 40 вагонов.", ["40"]),
    ("ru", "ЛОНДОН, 14 фев - ТАСС. Биржа выросла на 3%.", ["3%"]),
    ("en", "Updated: March 3, 2026\nThe fleet grew by 6 percent.", ["6 percent"]),
    ("de", "Stand: 03.03.2026\nDer Umsatz stieg um 8 Prozent.", ["8 Prozent"]),
    ("ru", "Опубликовано: 11.02.2025 09:15\nЦены выросли на 5%.", ["5%"]),
    ("ru", "09:15, 11.02.2025\nЦены выросли на 5%.", ["5%"]),
    ("en", "Closing speech at the harbour forum - 12 May 2022\n\nWe built 8 piers.", ["8"]),
    ("en", "Quarterly Report of the Ferry Company JUNE 30, 2011\n\nIt sold 5 boats.", ["5"]),
    ("en", "r/SomeHarbour 5h ago\n\nThe pier is 80 m long.", ["80 m"]),
    ("en", "Last modified on Tue 25 Feb 2025 10.12 GMT\nIt sold 5 boats.", ["5"]),
    ("en", "Posted by admin on March 3, 2025\nIt sold 5 boats.", ["5"]),
    ("en", "By Jane Doe | Jan. 3, 2025, 9:15 a.m. ET\nIt sold 5 boats.", ["5"]),
    ("en", "Mar 3, 2025 · 5 min read\nIt sold 7 boats.", ["7"]),
    ("de", "Zuletzt geändert am 25.02.2025\nDer Hafen wuchs um 3 Prozent.", ["3 Prozent"]),
    ("de", "Von Max Muster | 03.03.2025, 14:35 Uhr\nDer Hafen wuchs um 3 Prozent.", ["3 Prozent"]),
    ("ru", "Автор: Иван Петров, 12 марта 2025\nПорт вырос на 3%.", ["3%"]),
    ("ru", "Обновлено 12 марта 2025, 10:20\nПорт вырос на 3%.", ["3%"]),
]

REFERENCES = [
    ("en", "Costs rose (see Figure 2-3). Wages grew 4 percent (see Table 1-2).", ["4 percent"]),
    ("de", "Wie Abb. 2 und Tabelle 5 zeigen, stieg der Absatz um 3 Prozent.", ["3 Prozent"]),
    ("ru", "Как видно на Рис. 4, выпуск вырос на 7%.", ["7%"]),
    ("en", "Under Section 4.2 and § 12 the levy is 2 percent.", ["2 percent"]),
    ("en", "Page 3 of 10", []),
    ("de", "Quelle: S. 12, Nr. 4. Die Quote lag bei 9 Prozent.", ["9 Prozent"]),
    ("ru", "См. стр. 5. Доля составила 11%.", ["11%"]),
    ("en", "The Harbour Act 2019-12 and Public Law 101-45 cut fees 30 percent.", ["30 percent"]),
    ("en", "Photo 3 of 12\nThe plant ships 40 tonnes.", ["40 tonnes"]),
    ("en", "1) The fleet grew.\n2) Costs fell 4 percent.", ["4 percent"]),
    ("en", "Release 3.10.2 and section 4.2.1 cut costs 6 percent.", ["6 percent"]),
    ("en", "The plant is certified to ISO 14001 and ships 40 tonnes a day.", ["40 tonnes"]),
]

MARKERS = [
    (
        "en",
        "Output grew 12 percent [3] while costs fell 5 percent.[14]",
        ["12 percent", "5 percent"],
    ),
    ("de", "Die Preise dürften 2 Prozent höher liegen.1 Das Ziel bleibt.", ["2 Prozent"]),
    ("en", "Demand kept its growth,2 while the price held at 7 dollars.", ["7 dollars"]),
    ("en", "Net loss before a one-time charge (1) (42) (17) (25)", ["42", "17", "25"]),
    ("en", "Gross margin % (1)(2) 3.1% 5.6% (2.5) pp", ["3.1%", "5.6%", "2.5"]),
    ("en", "2 CONTENTS 1. Summary Outlook Risks", []),
    (
        "en",
        "through 2031. 1 Rising Costs Freight costs rose 9 percent.",
        ["through 2031", "9 percent"],
    ),
]

WIDGETS = [
    ("en", "2 Upvotes\n\nThe mine shipped 70 tonnes.", ["70 tonnes"]),
    ("de", "2MB Größe 4 Downloads 917 Ansichten\nDer Umsatz stieg um 6 Prozent.", ["6 Prozent"]),
    ("ru", "Просмотров: 1540\nВыпуск вырос на 4%.", ["4%"]),
    ("en", "1.2K views\nThe dam holds 3 billion litres.", ["3 billion litres"]),
    ("ru", "+3 °C\n91,20 р.\n99,75 р.\nЗавод выпустил 12 вагонов.", ["12"]),
    ("en", "EUR/USD 1.0832\nThe bank lent 5 billion dollars.", ["5 billion dollars"]),
    ("de", "Tel.: +49 30 1234 5678\nDie Firma hat 60 Mitarbeiter.", ["60"]),
    ("de", "Hafenstraße 12 10115 Berlin\nDie Firma hat 60 Mitarbeiter.", ["60"]),
    ("en", "© 2024 Harbour News. The port grew 3 percent.", ["3 percent"]),
    ("en", "6 min read\nThe port grew 3 percent.", ["3 percent"]),
    ("en", "Annual report (PDF, 2.3 MB)\nThe port grew 3 percent.", ["3 percent"]),
    ("en", "2 / 14\nThe port grew 3 percent.", ["3 percent"]),
    ("ru", "Новости 18+\nПорт вырос на 3%.", ["3%"]),
    ("en", "(c) 2023 Harbour News. The port grew 3 percent.", ["3 percent"]),
    ("de", "Lesezeit 4 Minuten\nDer Hafen wuchs um 3 Prozent.", ["3 Prozent"]),
]

CODES = [
    ("en", 'A chip that answers "7x6=42," in 2 seconds.', ["2 seconds"]),
    ("en", "See ex12-3.htm for the 40 pages of tables.", ["40"]),
    ("de", "Die Studie »Häfen im Wandel 2024« nennt 38 Gigawatt.", ["38 Gigawatt"]),
    (
        "de",
        "Seit Jahren baut sie die Ariel 9 mit. Der Start der Ariel 9 kostete 90 Millionen Euro.",
        ["90 Millionen Euro"],
    ),
    ("de", "Dann hat Siemens 5 neue Werke gebaut.", ["5"]),
    ("de", "Eine Feier (4.6.2023)\n\nDer Hafen wuchs um 3 Prozent.", ["3 Prozent"]),
]

KEPT = [
    ("en", "In 2025 revenue grew 5 percent.", ["2025", "5 percent"]),
    ("en", "The deal closed on June 3, 2024", ["June 3, 2024"]),
    ("en", "The proposal drew 12,000 comments.", ["12,000"]),
    ("de", "„Wir wachsen 2025“, sagte sie.", ["2025"]),
    ("en", "37°C", ["37°C"]),
    ("ru", "10 рублей", ["10 рублей"]),
    ("en", "Other items (3)", ["3"]),
    ("de", "Der Umsatz lag bei 1.234.567 Euro.", ["1.234.567 Euro"]),
    ("en", "They plan to build 10 gigawatts and to release 4 reports.", ["10 gigawatts", "4"]),
    ("ru", "Как видно в таблице 3, выпуск вырос на 7%.", ["7%"]),
    ("ru", "По этой статье ушло 12,5 млрд руб.", ["12,5 млрд руб."]),
    ("en", "Tesla, 3 boats and 5 cars were sold.", ["3", "5"]),
    ("en", "The fleet was 3 boats.\n2 boats were sold.", ["3", "2"]),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), DATE_LINES + REFERENCES + MARKERS + WIDGETS + CODES + KEPT
)
def test_page_furniture_is_left_out(lang: str, text: str, expected: list[str]) -> None:
    assert surfaces(lang, text) == expected


def test_page_furniture_of_a_line_of_letters_set_apart() -> None:
    text = "Q U A R T E R L Y R E P O R T 4 8 1 9 M a i n s t 2\nIt sold 5 boats."
    assert surfaces("en", text) == ["5"]


def test_page_furniture_is_found_in_linear_time() -> None:
    """Lines of dates and numbers many times over cost no more per line than one."""
    line = "1 2 3 4 5 6 7 8 9 10 11 12 March 2024 - 13 14 15 16 17 18 19 20\n"
    text = line * 2000
    found = list(furniture_intervals(text, DigitRuns(text)))
    assert len(found) < len(text)
