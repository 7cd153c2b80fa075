"""Sentences are cut exactly as spaCy's sentencizer cuts them, though only the words where
a sentence can end are tokenized. Expected spans are worked out by hand; each case is also
checked against spaCy's whole pipeline."""

from __future__ import annotations

import pytest

from claimkb.extract.pipeline import sentence_cutter, sentencizer

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


def _random_texts(lang: str, count: int, words: int) -> list[str]:
    """Texts made of the pieces sentence cutting turns on: the tokenizer's exceptions
    (whole, and cut at their dots and spaces, so that the matcher may join them across
    words), sentence-final and other punctuation, numbers with dots, plain words, one or
    two spaces and line breaks between them."""
    import random
    import re

    rules = sorted(sentencizer(lang).tokenizer.rules or {})
    rng = random.Random(f"sentences-{lang}")
    with_dots = [rule for rule in rules if "." in rule or " " in rule]
    pieces = [p for rule in with_dots for p in re.split(r"(?<=\.)|\s", rule) if p]
    plain = ["Haus", "das", "год", "two", "Er", "A", "B", "n", "20.000", "1.", "5"]
    marks = [".", "!", "?", "?!", "…", "»", "«", "„", "“", ")", "(", ",", ":", '"', "'"]
    texts = []
    for _ in range(count):
        out = []
        for _ in range(words):
            kind = rng.random()
            if kind < 0.3:
                out.append(rng.choice(with_dots))
            elif kind < 0.55:
                out.append(rng.choice(pieces))
            elif kind < 0.8:
                out.append(rng.choice(plain))
            else:
                out.append(rng.choice(marks))
            out.append(rng.choice([" "] * 12 + ["", "  ", "\n"]))
        texts.append("".join(out))
    return texts


@pytest.mark.parametrize("lang", ["de", "en", "ru"])
def test_sentences_agree_with_spacy_on_random_text(lang: str) -> None:
    """Where the tokenizer's exceptions stand next to each other, its matcher may join
    tokens across a space: the cutter must still cut exactly as spaCy's pipeline does."""
    nlp = sentencizer(lang)
    texts = _random_texts(lang, 150, 40)
    expected = [[(s.start_char, s.end_char) for s in nlp(text).sents] for text in texts]
    assert sentence_cutter(lang).cut(texts) == expected


@pytest.mark.parametrize("run", ["!?", "?5."], ids=["bangs", "marks-and-digits"])
def test_a_word_of_punctuation_200_kb_long_is_cut_in_pieces(run: str) -> None:
    """Such a word is tokenized 100 characters at a time (spaCy's tokenizer would take an
    hour over it): the sentence still ends after the run, and the next word starts one."""
    head, tail = "We have 40 MW ", " and 7 MW"
    word = run * (200_000 // len(run))
    text = head + word + tail
    spans = sentence_cutter("en").cut([text])[0]
    assert spans[0][0] == 0 and spans[-1] == (len(head) + len(word) + 1, len(text))
    assert spans[-2][1] == len(head) + len(word)


def test_a_run_of_dots_200_kb_long_ends_no_sentence() -> None:
    """A run of dots is one token that is not a full stop, in every piece as in the whole."""
    text = "We have 40 MW " + "." * 200_000 + " and 7 MW"
    assert sentence_cutter("en").cut([text]) == [[(0, len(text))]]


def test_a_long_punctuation_word_agrees_with_spacy_below_the_piece_limit() -> None:
    text = "We have 40 MW " + "!?" * 400 + " and 7 MW"
    nlp = sentencizer("en")
    expected = [(s.start_char, s.end_char) for s in nlp(text).sents]
    assert expected == [(0, 814), (815, 823)]
    assert sentence_cutter("en").cut([text]) == [expected]
