"""Speaker rules on invented texts: turn labels, question-and-answer layout, reported speech
and Russian case forms of names."""

from __future__ import annotations

from claimkb.core.models import Interview, Source
from claimkb.extract import extract_document
from claimkb.extract.person_names import NameBook
from claimkb.extract.reported import quote_spans


def _source(
    lang: str, kind: str = "news-article", author: str = "Daily Example", **interview: list[str]
) -> Source:
    covers = Interview(**interview) if interview else None
    return Source(
        id=f"rules.{lang}",
        file=f"rules.{lang}.txt",
        language=lang,  # type: ignore[arg-type]
        kind=kind,
        author=author,
        covers_interview=covers,
    )


def _speakers(source: Source, text: str) -> dict[str, str]:
    return {claim.surface: claim.speaker for claim in extract_document(source, text)}


def test_capital_labels_with_titles_refer_to_the_full_name() -> None:
    source = _source("en", "transcript", speakers=["Mary Rowan"], interviewers=["Tom Blake"])
    text = (
        "DEPUTY MINISTER OF FINANCE MARY ROWAN: We will cut the deficit by 4 percent.\n"
        "Our plan covers 12 regions.\n"
        "Q: Will it take 3 years?\n"
        "MS. ROWAN: It will take 5 years.\n"
    )
    found = _speakers(source, text)
    assert found["4 percent"] == "Mary Rowan"
    assert found["12"] == "Mary Rowan"
    assert found["3 years"] == "Tom Blake"
    assert found["5 years"] == "Mary Rowan"


def test_label_on_its_own_line_with_a_time_stamp() -> None:
    source = _source("en", "transcript", speakers=["Olga Vance"], interviewers=["Peter Lund"])
    text = (
        "Peter Lund (00:05):\n\nPrices rose 7 percent.\n\n"
        "Olga Vance (00:31):\n\nWe expect 2 percent.\n"
    )
    found = _speakers(source, text)
    assert found["7 percent"] == "Peter Lund"
    assert found["2 percent"] == "Olga Vance"


def test_german_question_label_and_surname_label() -> None:
    source = _source("de", "interview", speakers=["Max Muster"], interviewers=["Erika Beispiel"])
    text = "Frage: Reichen 40 Milliarden Euro?\nMuster: Nein, wir brauchen 55 Milliarden Euro.\n"
    found = _speakers(source, text)
    assert found["40 Milliarden Euro"] == "Erika Beispiel"
    assert found["55 Milliarden Euro"] == "Max Muster"


def test_russian_labels_with_initials() -> None:
    source = _source("ru", "interview", speakers=["Иван Петров"], interviewers=["Анна Смирнова"])
    text = "А. Смирнова: «Сколько стоит проект?»\nИ.И. Петров: «Около 30 миллиардов рублей»\n"
    found = _speakers(source, text)
    assert found["Около 30 миллиардов рублей"] == "Иван Петров"


def test_unlabelled_questions_and_answers() -> None:
    source = _source("de", "interview", speakers=["Max Muster"], author="Beispielblatt")
    text = (
        "Herr Muster, steigen die Preise um 10 Prozent?\n\n"
        "Nein. Wir rechnen mit 3 Prozent.\n\n"
        "Die Konkurrenz verkauft 20 Prozent mehr.\n\n"
        "Das sehen wir gelassen. Unser Anteil liegt bei 45 Prozent.\n"
    )
    found = _speakers(source, text)
    assert found["10 Prozent"] == "Beispielblatt"
    assert found["3 Prozent"] == "Max Muster"
    assert found["20 Prozent"] == "Beispielblatt"
    assert found["45 Prozent"] == "Max Muster"


def test_interviewee_labelled_only_questions_hold_a_question_mark() -> None:
    source = _source("de", "interview", speakers=["Max Muster"], author="Beispielblatt")
    text = (
        "MUSTER: Wir haben 12 Werke.\n\n"
        "Und dann? Angeblich fehlen 300 Leute.\n\n"
        "MUSTER: Es fehlen 80 Leute.\n"
    )
    found = _speakers(source, text)
    assert found["12"] == "Max Muster"
    assert found["300"] == "Beispielblatt"
    assert found["80"] == "Max Muster"


def test_name_line_opens_the_interviewees_answers() -> None:
    source = _source("ru", "news-article", speakers=["Иван Петров"], author="Пример")
    text = "Новости дня.\n\nИван Петров\nэкономист\nСпрос вырос на 15%.\n"
    assert _speakers(source, text)["15%"] == "Иван Петров"


def test_reported_speech_names_the_speaker() -> None:
    source = _source("en")
    text = (
        "Sales rose 9 percent in May. Costs will fall 4 percent, said Jane Doe, the chief "
        'executive of Example Corp. "We hired 200 people,\u201d she added. '
        "The firm has 30 stores.\n"
    )
    found = _speakers(source, text)
    assert found["9 percent"] == "Daily Example"
    assert found["4 percent"] == "Jane Doe"
    assert found["200"] == "Jane Doe"
    assert found["30"] == "Daily Example"


def test_german_quote_attribution_and_konjunktiv() -> None:
    source = _source("de", speakers=["Erika Beispiel"])
    text = (
        "Konzernchef Max Muster gab das Ziel auf. Man rechne mit 70 Prozent. "
        "»Wir bauen 40 Filialen«, sagte Muster. »Und 20 weitere folgen.\n"
        "Der Umsatz lag bei 5 Milliarden Euro.\n"
    )
    found = _speakers(source, text)
    assert found["70 Prozent"] == "Max Muster"
    assert found["40"] == "Max Muster"
    assert found["20"] == "Max Muster"
    assert found["5 Milliarden Euro"] == "Daily Example"


def test_russian_oblique_case_refers_to_the_nominative() -> None:
    source = _source("ru")
    text = (
        "Министр Иван Петров выступил на форуме. По словам Петрова, доходы вырастут на 8%. "
        "Через два года, добавил господин Петров, рост составит 12%.\n"
    )
    found = _speakers(source, text)
    assert found["8%"] == "Иван Петров"
    assert found["12%"] == "Иван Петров"


def test_organisation_next_to_a_verb_is_no_person() -> None:
    source = _source("ru", speakers=["Иван Петров"])
    text = "Ранее Минфин сообщал, что расходы составят 3 трлн рублей.\n"
    assert _speakers(source, text)["3 трлн рублей"] == "Daily Example"


def test_name_book_reduces_case_forms() -> None:
    book = NameBook("ru")
    text = "Эльвира Набиуллина выступила. По словам Набиуллиной, и Германа Грефа тоже."
    names = [m.name for m in book.mentions(text)]
    assert names == ["Эльвира Набиуллина", "Эльвира Набиуллина", "Герман Греф"]


def test_quote_spans_mix_marks_and_run_to_the_end() -> None:
    assert quote_spans('"Yes,” he said. «Da') == [(0, 6), (16, 19)]


def test_misspelt_surname_is_the_known_person() -> None:
    book = NameBook("de")
    names = [m.name for m in book.mentions("Max Mustermann kam. Dann sprach Max Musterman.")]
    assert names == ["Max Mustermann", "Max Mustermann"]


def test_pronoun_before_the_verb_wins_over_a_name_after_it() -> None:
    source = _source("de")
    text = (
        "Konzernchef Max Muster gab auf. Die Schuld am Verlust von 9 Millionen Euro sieht er "
        "bei Erich Beispiel. Er sagte Erich Beispiel, es fehlten 4 Millionen Euro.\n"
    )
    found = _speakers(source, text)
    assert found["9 Millionen Euro"] == "Daily Example"
    assert found["4 Millionen Euro"] == "Max Muster"


def test_apposition_between_name_and_verb() -> None:
    source = _source("en")
    text = (
        "Jane Roe, chief economist at Example Bank, said prices would rise 3 percent. "
        "Rents rose 2 percent in May.\n"
    )
    found = _speakers(source, text)
    assert found["3 percent"] == "Jane Roe"
    assert found["2 percent"] == "Daily Example"


def test_pronoun_inside_the_cue_refers_back() -> None:
    source = _source("ru")
    text = (
        "Глава Примербанка Иван Петров ожидает роста на 3%. По его словам, спрос вырастет на 4%.\n"
    )
    found = _speakers(source, text)
    assert found["3%"] == "Иван Петров"
    assert found["4%"] == "Иван Петров"


def test_a_name_line_turn_ends_at_the_blank_line_after_its_text() -> None:
    source = _source("en", speakers=["Jane Roe"])
    text = "Jane Roe\nWe will hire 200 people.\n\nThe firm has 30 stores.\n"
    found = _speakers(source, text)
    assert found["200"] == "Jane Roe"
    assert found["30"] == "Daily Example"


def test_bold_labels_and_labels_with_an_aside() -> None:
    source = _source("en", "interview", speakers=["Jane Roe"], interviewers=["Tom Blake"])
    text = (
        "**Q:** Will prices rise 6 percent?\n\n"
        "**Jane Roe (Example Bank):** We expect 3 percent.\n\n"
        "Tom Blake (host): And wages, 5 percent?\n"
    )
    found = _speakers(source, text)
    assert found["6 percent"] == "Tom Blake"
    assert found["3 percent"] == "Jane Roe"
    assert found["5 percent"] == "Tom Blake"


def test_unknown_names_that_label_several_turns_are_speakers() -> None:
    # No metadata names them and neither given name is in the tables: Kara Lind labels two
    # turns, so the document names its speakers this way, and Jo Berg, heard once, speaks too.
    source = _source("en", "transcript", author="Plant Weekly")
    text = (
        "Kara Lind: Our plant will make 400 batteries a day by 2028.\n"
        "Jo Berg: Suppliers quote 500 batteries.\n"
        "Kara Lind: Each one holds 30 kWh.\n"
    )
    found = _speakers(source, text)
    assert found["400"] == "Kara Lind"
    assert found["500"] == "Jo Berg"
    assert found["30 kWh"] == "Kara Lind"


def test_a_one_off_heading_with_a_colon_is_no_speaker() -> None:
    # "Breaking News" opens one line only, and no other name labels turns: the outlet speaks.
    source = _source("en", author="Plant Weekly")
    text = "Breaking News: The plant will make 400 batteries a day.\nIt employs 900 people.\n"
    found = _speakers(source, text)
    assert found["400"] == "Plant Weekly"
    assert found["900"] == "Plant Weekly"


def test_repeated_german_labels_in_capitals() -> None:
    source = _source("de", "transcript", author="Radio Beispiel")
    text = (
        "PETRA HAGEN: Wir bauen 40 Turbinen.\n"
        "LARS UHL: Dafür braucht es 2 Jahre.\n"
        "PETRA HAGEN: Jede Turbine leistet 5 MW.\n"
    )
    found = _speakers(source, text)
    assert found["40"] == "Petra Hagen"
    assert found["2 Jahre"] == "Lars Uhl"
    assert found["5 MW"] == "Petra Hagen"
