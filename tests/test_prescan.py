"""Numbers in digits are looked for only where one can begin, with the same matches as the
digit pattern's own ``finditer``."""

from __future__ import annotations

from extract.grammar import grammar


def test_digit_scan_finds_what_finditer_finds() -> None:
    g = grammar("de")
    text = "Preis: ½ Liter, -5 Grad, A4, 1.000 und 2 1/4 oder +.5."
    found = [m.group() for m in g.digit_scan.finditer(text)]
    # " ½" opens with its space (after ":"), "A4" is glued to a letter, "2 1/4" is a mixed
    # number, "+.5" a signed decimal.
    assert found == [" ½", "-5", "1.000", "2 1/4", "+.5"]
    assert [m.span() for m in g.digit_scan.finditer(text)] == [
        m.span() for m in g.digits.finditer(text)
    ]


def test_patterns_that_open_with_their_first_character() -> None:
    """Handles, phone numbers and digits glued to a code check what stands before their
    first character after it; worked by hand: what precedes decides, as a look-behind
    in front would."""
    from extract.chrome import _HANDLE, _PHONE
    from extract.scanner import _GLUED_TO_CODE

    text = "x@y @y #t $TSLA, a#b"
    assert [m.group() for m in _HANDLE.finditer(text)] == ["@y", "#t", "$TSLA"]
    text = "+1-222-2222-2222 a555-123-4567 555-123-4567 1555-123-4567"
    assert [m.group() for m in _PHONE.finditer(text)] == ["+1-222-2222-2222", "555-123-4567"]
    assert [m.start() for m in _PHONE.finditer(text)] == [0, 31]
    text = "USD115 5 a.5 $5 15"
    assert [m.start() for m in _GLUED_TO_CODE.finditer(text)] == [3, 11, 14]


def test_per_joints_need_a_word_before_their_spaces() -> None:
    from extract.pipeline import scanner

    joints = scanner("en")._per_joints
    text = "kW per reticle, 5  per  unit, . per x,  per y"
    assert [m.group() for m in joints.finditer(text)] == [" per ", "  per  "]


def test_digit_scan_agrees_with_finditer_on_the_corpus_and_on_odd_text() -> None:
    """Digit runs are entered once, at their first digit; dots and signs only before a
    digit (or a sign before a dot): the same matches as ``finditer`` everywhere."""
    import random

    from tests.conftest import bundled_sources, source_text

    rng = random.Random(5)
    odd = ["".join(rng.choice("12.,-−+ ½/a\u00a0") for _ in range(4000)) for _ in range(10)]
    for lang in ("de", "en", "ru"):
        g = grammar(lang)
        for text in [*map(source_text, bundled_sources()), *odd, "-.5 +5 a-5 1.000 .25 10½ 2 ½"]:
            assert [m.span() for m in g.digit_scan.finditer(text)] == [
                m.span() for m in g.digits.finditer(text)
            ]
