"""Sentences are cut exactly as spaCy's sentencizer cuts them, though only the words where
a sentence can end are tokenized. Expected spans are worked out by hand; each case is also
checked against spaCy's whole pipeline."""

from __future__ import annotations

import pytest

from extract.pipeline import sentence_cutter, sentencizer

CASES = [
    # A period token ends a sentence; the one space after a word is no token.
    ("de", "Ja. Nein.", [(0, 3), (4, 9)]),
    # Two spaces: the second is a token of its own, and the next sentence starts there.
    ("de", "Ja.  Nein.", [(0, 3), (4, 10)]),
    # A line break after the last period is a token: a sentence of its own.
    ("de", "Ja. Nein.\n", [(0, 3), (4, 9), (9, 10)]),
    # "ca." is one token (a tokenizer exception): no sentence ends there.
    ("de", "Es kostet ca. 5 Euro. Gut.", [(0, 21), (22, 26)]),
    # Punctuation after the period ("»") stays in the sentence; the next word starts one.
    ("de", "Er sagte: «Nein.» Dann ging er.", [(0, 17), (18, 31)]),
    # "?!" are two sentence-final tokens; the sentence ends after both.
    ("en", "Really?! Yes.", [(0, 8), (9, 13)]),
    # A Russian exception written over three words ("канд. техн. наук") is one token
    # sequence without a sentence end: the tokenizer's matcher joins them.
    ("ru", "Он канд. техн. наук. Да.", [(0, 20), (21, 24)]),
    # The matcher reads "’ n" across a space as the exception "’n" and so keeps "n" and "."
    # apart, although "n." alone is an exception too: the sentence ends after "n.".
    ("de", "U .S.»d ’ n.Chr.1'ne»", [(0, 12), (12, 21)]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_sentences_as_spacy_cuts_them(
    lang: str, text: str, expected: list[tuple[int, int]]
) -> None:
    assert sentence_cutter(lang).cut([text]) == [expected]
    nlp = sentencizer(lang)
    assert [(s.start_char, s.end_char) for s in nlp(text).sents] == expected
