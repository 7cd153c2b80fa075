"""Which dated statements are predictions: the tense of the clause around the date, per
language, on invented sentences; the predictions of the bundled corpus, the claims removed
from them and why, and the duplicates merged. Every expected value is worked out by hand
from reading the sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkb.core.models import Claim, Source
from claimkb.extract import extract_document
from claimkb.knowledge.predictions import (
    DATE_HAD_COME,
    Prediction,
    not_predictions,
    predictions,
)
from claimkb.knowledge.tense import not_ahead
from tests.conftest import example_vocabulary
from tests.rdf_fixtures import corpus_kb


def _dated(lang: str, text: str, surface: str) -> Claim:
    """The date or duration claim of ``text`` whose surface holds ``surface``."""
    source = Source(id="t", file="t.txt", language=lang)  # type: ignore[arg-type]
    found = [
        c
        for c in extract_document(source, text, example_vocabulary())
        if c.quantity.kind in ("date", "duration") and surface in c.surface
    ]
    assert len(found) == 1, [
        c.surface for c in extract_document(source, text, example_vocabulary())
    ]
    return found[0]


@pytest.mark.parametrize(
    ("lang", "text", "surface", "reason"),
    [
        # German. Past: the perfect, auxiliary and participle in one clause.
        (
            "de",
            "Die Firma hat 2025 den ersten Prototyp fertiggestellt.",
            "2025",
            "past tense: 'hat … fertiggestellt'",
        ),
        # Past: a preterite of "sein" alone.
        ("de", "Bis 2024 war das Werk die größte Fabrik Europas.", "2024", "past tense: 'war'"),
        # The participle before its auxiliary, at the end of a subordinate clause.
        (
            "de",
            "Er berichtete, dass die Kosten im Jahr 2024 um zehn Prozent gestiegen sind.",
            "2024",
            "past tense: 'gestiegen … sind'",
        ),
        # A listed preterite; "seit" points back to a day that had come.
        ("de", "Im Jahr 2024 erzielte die Firma einen Rekord.", "2024", "past tense: 'erzielte'"),
        ("de", "Sie ist seit Mai 2023 Ministerin.", "Mai 2023", "past tense: 'seit'"),
        # The past of a later clause does not count when the date does not open its clause.
        ("de", "Die Brücke öffnet 2027, wie der Rat versprochen hatte.", "2027", None),
        # A dash between digits is a range, not the end of a clause: "hatte" stays in it.
        (
            "de",
            "Der Umsatz hatte 10–12 Prozent im Jahr 2026 erreicht.",
            "2026",
            "past tense: 'hatte'",
        ),
        # Present state: the order books are full until then.
        ("de", "Die Kraftwerke sind bis 2029 ausgebucht.", "2029", "present state: 'ausgebucht'"),
        (
            "de",
            "Die Lieferzeiten für Transformatoren reichen bis 2031.",
            "2031",
            "present state: 'Lieferzeiten'",
        ),
        # Future: "wird" in the clause.
        ("de", "Das neue Werk wird bis 2028 fertig sein.", "2028", None),
        # A reporting frame in the past ("sagte") does not make the statement past.
        ("de", "Der Chef sagte, dass die Anlage im Jahr 2029 in Betrieb geht.", "2029", None),
        ("de", "Sie hat erklärt, die Linie laufe ab 2030.", "2030", None),
        # The frame's own past ("hatte") stays in the frame: the clause after "dass" is read.
        ("de", "Der Rat hatte beschlossen, dass die Brücke im Jahr 2031 öffnet.", "2031", None),
        # No mark at all: the date rule (German speaks of the future in the present).
        ("de", "Die Bahn fährt 2032 nach Rostock.", "2032", None),
        # Russian. Past: a listed past verb; "была" alone.
        ("ru", "Компания завершила испытания в 2024 году.", "2024", "past tense: 'завершила'"),
        ("ru", "В 2023 году выручка была рекордной.", "2023", "past tense: 'была'"),
        # Present state: the booking holds now.
        ("ru", "Все слоты на заводе расписаны до 2029 года.", "2029", "present state: 'расписаны'"),
        # Future: "будет".
        ("ru", "Станция будет построена к 2030 году.", "2030", None),
        # The frame "утверждал, что" is reported speech; what follows looks ahead.
        ("ru", "Он утверждал, что завод заработает к 2028 году.", "2028", None),
        ("ru", "Было объявлено, что мост откроют к 2030 году.", "2030", None),
        # "в первую очередь" (first of all) is no queue.
        ("ru", "Завод в первую очередь заработает к 2029 году.", "2029", None),
        # No mark: the perfective present speaks of the future. A noun ending in -ли
        # ("земли") is not a past verb.
        ("ru", "Участок земли подорожает к 2031 году.", "2031", None),
        # English. Past: "had", and the perfect "has … completed".
        (
            "en",
            "By the end of 2024, the company had shipped two rockets.",
            "2024",
            "past tense: 'had'",
        ),
        (
            "en",
            "The firm has completed the plant in 2025.",
            "2025",
            "past tense: 'has … completed'",
        ),
        ("en", "The tunnel opens in 2031, as the mayor had promised.", "2031", None),
        ("en", "She has run the lab since 2019.", "2019", "past tense: 'since'"),
        # Present state.
        ("en", "Transformers are sold out until 2029.", "2029", "present state: 'sold out'"),
        # Future: "will"; a reported-speech frame; no mark at all.
        ("en", "The line will open in 2030.", "2030", None),
        ("en", "He said that the mine opens by 2031.", "2031", None),
        ("en", "It was announced that the tunnel opens in 2033.", "2033", None),
        ("en", "The bridge opens in 2032.", "2032", None),
    ],
)
def test_the_clause_around_a_date_tells_whether_it_looks_ahead(
    lang: str, text: str, surface: str, reason: str | None
) -> None:
    claim = _dated(lang, text, surface)
    assert not_ahead(claim, text) == reason


def test_the_bundled_corpus_keeps_no_past_or_present_statement_among_its_predictions() -> None:
    kb = corpus_kb()
    removed = [(n.claim.source, n.claim.surface, n.reason) for n in not_predictions(kb)]
    assert removed == [
        # "Am 14. November Ortszeit wurde ... eingeladen", in the interview of that day.
        ("36kr-baron-capital-interview-2025-11-17.de", "14. November", DATE_HAD_COME),
        # "Neuralink hat dieses Jahr die ersten Implantationsoperationen ... abgeschlossen."
        ("allin-podcast-interview-2025-09.de", "dieses Jahr", "past tense: 'hat … abgeschlossen'"),
        # "Am 10. September veröffentlichte ... ein Telefoninterview", said that day.
        ("allin-podcast-interview-2025-09.de", "10. September", DATE_HAD_COME),
        # "газовые турбины «распроданы до 2030 года»": sold out now, until 2030.
        ("dwarkesh-podcast-digest-2026-02-06.ru", "до 2030 года", "present state: 'распроданы'"),
        # "die Vorlaufzeiten für Turbinen reichen über 2030 hinaus": the lead times of today.
        ("dwarkesh-x-thread-2026-02-06.de", "über 2030 hinaus", "present state: 'Vorlaufzeiten'"),
    ]


def test_the_bundled_corpus_states_each_prediction_once() -> None:
    kb = corpus_kb()
    found = predictions(kb)
    # 24 dated claims looked ahead when they were said (15 dates, 9 spans); 3 of them are
    # removed above, and the 36Kr article repeats one sentence ("Ziel ist es, sie in 1 bis 2
    # Jahren fertigzustellen und in 3 Jahren unbegrenzt auszubauen", once with "1-2"):
    # two predictions said twice each.
    assert len(found) == 24 - 3 - 2
    merged = [[c.surface for c in p.claims] for p in found if len(p.claims) > 1]
    assert merged == [["1-2 Jahren", "1 bis 2 Jahren"], ["3 Jahren", "3 Jahren"]]
    for p in found:
        if len(p.claims) > 1:
            assert {c.source for c in p.claims} == {"36kr-baron-capital-interview-2025-11-17.de"}
            assert p.claim.speaker == "36Kr (36氪的朋友们)"
    keys = [
        (
            p.claim.speaker,
            p.due,
            p.claim.quantity.value,
            p.claim.quantity.unit,
            tuple(kb.claim_entities[p.claim.id]),
        )
        for p in found
    ]
    assert len(keys) == len(set(keys))
    claims = [c.id for p in found for c in p.claims]
    assert len(claims) == len(set(claims)) == 24 - 3


def test_status_words_are_due_date_passed_or_open() -> None:
    claim = _dated("de", "Das Werk wird bis 2027 fertig.", "2027")
    day = dt.date(2028, 1, 1)

    def status(due: dt.date | None, after: bool) -> str:
        return Prediction((claim,), "date", None, due, after, None).status(day)

    # Due on the last day of 2027: passed by 1 January 2028, not on the due day itself.
    assert status(dt.date(2027, 12, 31), after=False) == "due date passed"
    assert status(dt.date(2028, 1, 1), after=False) == "open"
    # "über 2027 hinaus": what happens after a date stays open; so does an unknown due date.
    assert status(dt.date(2027, 12, 31), after=True) == "open"
    assert status(None, after=False) == "open"
