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
