"""Fuzzing the two small parsers that read reviewers' text: the derivation expression
language (``derive.expr.parse``) and the unit grammar (``core.units.parse_unit``).

Whatever the text — random characters, well-formed but absurdly deep or long expressions,
unit strings with unbalanced brackets, zero, towers of exponents — each parser answers with a
tree or a unit, or with its own error (``CalcError``: ``ExpressionSyntaxError``,
``UnknownUnitError``; ``UnitSyntaxError``), never ``RecursionError`` or another exception,
and in bounded time: the properties run with a deadline, and the deep cases are plain
tests with the message they must give.
"""

from __future__ import annotations

import contextlib
import math
import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimkb.core.units import UnitSyntaxError, parse_unit
from claimkb.derive.errors import CalcError, ExpressionSyntaxError
from claimkb.derive.expr import MAX_DEPTH, MAX_LENGTH, Number, parse, to_string, walk

#: Examples per property: enough for a test run; ``CLAIMKB_FUZZ=release`` runs 20 times as
#: many, and CI (``CI`` set) runs the same examples every time (tests/README.md). The
#: deadline is the bounded time: one parse of even a hostile text takes far below it.
FUZZ = settings(
    max_examples=300 * (20 if os.environ.get("CLAIMKB_FUZZ") == "release" else 1),
    derandomize=bool(os.environ.get("CI")),
    database=None if os.environ.get("CI") else settings.default.database,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
)

#: Pieces of expressions: every token kind, and what should not be there.
EXPRESSION_PIECES = [
    "(", ")", "-", "+", "*", "/", "**", ",", "%", " ", "1", "2.5", ".5", "1e3", "1e999",
    "x", "gpu_count", "GW", "[MW / h]", "[t ** 10 ** 10 ** 10]", "[", "]", "min(", "max(",
    "sqrt(", "log10(", "eval(", "__import__", "é", "٣", "\x00", "\n", "'", "😀",
]  # fmt: skip
#: Pieces of unit strings.
UNIT_PIECES = [
    "t", "GW", "year", "USD", "m", "kW", "h", "µg", "percent", "(", ")", "*", "/", "**",
    "^", "-", "1", "0", "2", "10", "12", "13", "99999999999999999999", " ", "٣", "é",
    "__class__", "dimensionless", "[", "]", "+", "e", "%", "\x00",
]  # fmt: skip


def parse_or_own_error(text: str) -> None:
    """``text`` parses to a tree that prints and parses back the same, or raises one of
    the derivation engine's own errors."""
    try:
        tree = parse(text)
    except CalcError as error:
        assert "\n" not in str(error).replace(repr("\n")[1:-1], ""), str(error)
        return
    # "1e999" parses to an infinite number, which the derivation checks refuse
    # (derivations.check_written); the printer has no text for it, so no round trip.
    if all(math.isfinite(node.value) for node in walk(tree) if isinstance(node, Number)):
        assert parse(to_string(tree)) == tree


def unit_or_own_error(text: str) -> None:
    with contextlib.suppress(UnitSyntaxError):
        parse_unit(text)


@FUZZ
@given(text=st.text(max_size=80))
@example(text="1e999")
@example(text="(" * 150 + "1" + ")" * 150)
def test_fuzz_expression_any_text_parses_or_is_its_own_error(text: str) -> None:
    parse_or_own_error(text)


@FUZZ
@given(pieces=st.lists(st.sampled_from(EXPRESSION_PIECES), max_size=60))
def test_fuzz_expression_tokens_in_any_order_parse_or_are_its_own_error(
    pieces: list[str],
) -> None:
    parse_or_own_error("".join(pieces))


@st.composite
def nested(draw: st.DrawFn) -> str:
    """A well-formed expression nested ``depth`` times by one construct."""
    depth = draw(st.integers(min_value=1, max_value=20_000))
    shape = draw(st.sampled_from(["brackets", "signs", "sum", "power", "calls", "product"]))
    if shape == "brackets":
        return "(" * depth + "x" + ")" * depth
    if shape == "signs":
        return "- " * depth + "1"
    if shape == "sum":
        return "+".join(["1"] * depth)
    if shape == "power":
        return "**".join(["2"] * depth)
    if shape == "calls":
        return "sqrt(" * depth + "4" + ")" * depth
    return " * ".join(["2 GW"] * depth)


@FUZZ
@given(text=nested())
def test_fuzz_expression_deep_well_formed_input_parses_or_is_refused(text: str) -> None:
    parse_or_own_error(text)


@FUZZ
@given(text=st.text(max_size=60))
@example(text="t ** 10 ** 10 ** 10")
@example(text="t ** ٣")
def test_fuzz_unit_any_text_is_a_unit_or_a_unit_syntax_error(text: str) -> None:
    unit_or_own_error(text)


@FUZZ
@given(pieces=st.lists(st.sampled_from(UNIT_PIECES), max_size=40))
def test_fuzz_unit_pieces_in_any_order_are_a_unit_or_a_unit_syntax_error(
    pieces: list[str],
) -> None:
    unit_or_own_error("".join(pieces))


DEEPER = f"E410 expression nested deeper than {MAX_DEPTH}"
#: (what, expression, the start of the message), each refused as the grammar says.
DEEP = [
    ("10000-brackets", "(" * 10_000 + "1" + ")" * 10_000, "E410 expression longer than"),
    ("1000-brackets", "(" * 1_000 + "1" + ")" * 1_000, f"{DEEPER}, found '('"),
    ("4000-signs", "- " * 4_000 + "1", f"{DEEPER}, found '-'"),
    ("power-tower", "**".join(["2"] * 1_000), f"{DEEPER}, found '2'"),
    ("sum-of-1000", "+".join(["1"] * 1_000), f"{DEEPER} (operations on operations)"),
    ("sum-100k-long", "+".join(["1"] * 50_000), f"E410 expression longer than {MAX_LENGTH}"),
]


@pytest.mark.parametrize(
    ("text", "start"), [pytest.param(text, start, id=name) for name, text, start in DEEP]
)
def test_expression_too_deep_or_too_long_is_a_clear_error(text: str, start: str) -> None:
    with pytest.raises(ExpressionSyntaxError) as raised:
        parse(text)
    assert str(raised.value).startswith(start), str(raised.value)[:200]
    assert len(str(raised.value)) < 300


def test_expression_as_deep_as_the_limit_parses() -> None:
    """A sum of as many terms as the limit is the deepest that parses."""
    tree = parse("+".join(["1"] * MAX_DEPTH))
    assert to_string(tree).count("+") == MAX_DEPTH - 1


EXPONENT = "an exponent is a whole number up to 12"
#: (what, unit string, the message after "unit <string>: ").
MALFORMED_UNITS = [
    ("unbalanced-open", "(((t)", "ends too early"),
    ("unbalanced-close", "t)", "unexpected ')'"),
    ("division-by-zero", "t/0", "unexpected '0'"),
    ("tower", "t ** 10 ** 10 ** 10", "unexpected '**'"),
    ("huge-exponent", "t ** 99999999999999999999", EXPONENT),
    ("arabic-digit-exponent", "t ** ٣", "unexpected '٣'"),
    ("deep", "(((((t)))))", "nested deeper than 4"),
]


@pytest.mark.parametrize(
    ("text", "message"),
    [pytest.param(text, message, id=name) for name, text, message in MALFORMED_UNITS],
)
def test_unit_malformed_is_a_unit_syntax_error(text: str, message: str) -> None:
    with pytest.raises(UnitSyntaxError) as raised:
        parse_unit(text)
    assert str(raised.value) == f"unit {text!r}: {message}"
