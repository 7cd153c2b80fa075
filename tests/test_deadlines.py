"""Durations that count forward from the day they were said, and when they fall due; every
sentence and date below worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkb.core.models import Claim, Source
from claimkb.extract import extract_document
from claimkb.knowledge.deadlines import counts_forward, deadline
from tests.conftest import example_vocabulary

SAID = dt.date(2026, 1, 31)


def _duration(lang: str, text: str) -> Claim:
    source = Source(id="t", file="t.txt", language=lang)  # type: ignore[arg-type]
    (claim,) = [
        c
        for c in extract_document(source, text, example_vocabulary())
        if c.quantity.kind == "duration"
    ]
    return claim


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # "in" stands before the span, outside it; plus three years from 31 January.
        ("de", "Wir wollen das in 3 Jahren schaffen.", dt.date(2029, 1, 31)),
        # "innerhalb von" opens the span itself.
        ("de", "Das geht innerhalb von drei Jahren.", dt.date(2029, 1, 31)),
        # A range counts to its far end: two years.
        ("de", "Ziel ist es, sie in 1 bis 2 Jahren fertigzustellen.", dt.date(2028, 1, 31)),
        ("ru", "Он сказал, что через пять лет это изменится.", dt.date(2031, 1, 31)),
        # 36 months from 31 January 2026 is 31 January 2029.
        ("ru", "Это случится в течение 36 месяцев.", dt.date(2029, 1, 31)),
        # One month from 31 January lands on the last day of February.
        ("en", "We will ship it within 1 month.", dt.date(2026, 2, 28)),
        # A superlative further than three words before "in" is not about the span.
        ("en", "The largest plant of the group will open in 2 years.", dt.date(2028, 1, 31)),
    ],
)
def test_a_span_counted_forward_falls_due_that_long_after_it_was_said(
    lang: str, text: str, due: dt.date
) -> None:
    claim = _duration(lang, text)
    assert counts_forward(claim, text)
    assert deadline(claim, text, SAID) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Vor drei Jahren haben Sie Twitter gekauft."),
        ("de", "Wir haben in den letzten zwei oder drei Jahren investiert."),
        ("de", "Etwa ein Jahr später kamen die Hedgefonds."),
        ("ru", "Это было пять лет назад."),
        ("ru", "Производство занимает около пяти лет."),
        ("en", "He bought it 3 years ago."),
        # A superlative up to three words before "in": a span measured back to now.
        ("en", "It was the wettest spring on record, the warmest in 40 years."),
        ("en", "Sales grew at the fastest pace in nearly six years."),
        ("en", "The town elected a mayor for the first time in a decade."),
        ("de", "Die Preise stiegen auf den höchsten Stand in zehn Jahren."),
    ],
)
def test_a_span_counted_back_or_not_counted_is_no_deadline(lang: str, text: str) -> None:
    claim = _duration(lang, text)
    assert not counts_forward(claim, text)
    assert deadline(claim, text, SAID) is None


def test_a_span_said_on_an_unknown_day_has_no_due_date() -> None:
    text = "Das geht innerhalb von drei Jahren."
    claim = _duration("de", text)
    assert counts_forward(claim, text)
    assert deadline(claim, text, None) is None
