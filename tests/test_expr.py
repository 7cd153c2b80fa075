"""The expression grammar, its printer, and evaluation over interval values with units."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimkb.derive.errors import (
    DimensionError,
    ExpressionSyntaxError,
    UnknownNameError,
    UnknownUnitError,
    ZeroDivisionIntervalError,
)
from claimkb.derive.evaluate import evaluate
from claimkb.derive.expr import (
    BinOp,
    Call,
    Name,
    Neg,
    Node,
    Number,
    parse,
    repeated_names,
    to_string,
)
from claimkb.derive.interval import Interval
from claimkb.derive.value import Value


@pytest.mark.parametrize(
    ("text", "bracketed"),
    [
        ("a * b + c", "((a * b) + c)"),
        ("a + b * c", "(a + (b * c))"),
        ("a - b - c", "((a - b) - c)"),
        ("a / b / c", "((a / b) / c)"),
        ("a ** 2 ** 3", "(a ** (2 ** 3))"),
        ("-a ** 2", "(-(a ** 2))"),
        ("a ** -1", "(a ** (-1))"),
        ("(a + b) * c", "((a + b) * c)"),
        ("100 GW / 10000", "(100 GW / 10000)"),
        ("1.5e3 kW", "1500 kW"),
        ("10 [MW / h] * t", "(10 [MW / h] * t)"),
        ("a * (1 - 70%)", "(a * (1 - 70 percent))"),
        ("min(a, b, 2 t) + sqrt(c) * log10(d)", "(min(a, b, 2 t) + (sqrt(c) * log10(d)))"),
        ("- - a", "(-(-a))"),
    ],
)
def test_expr_precedence(text: str, bracketed: str) -> None:
    assert to_string(parse(text)) == bracketed


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("a +", ExpressionSyntaxError, "column 4"),
        ("a $ b", ExpressionSyntaxError, "unexpected character '\\$' at column 3"),
        ("(a + b", ExpressionSyntaxError, "expected '\\)'"),
        ("a b", ExpressionSyntaxError, "column 3"),
        ("a ** 1.5", ExpressionSyntaxError, "constant integer, found '1.5' at column 6"),
        ("a ** b", ExpressionSyntaxError, "constant integer"),
        ("foo(a)", ExpressionSyntaxError, "unknown function 'foo'"),
        ("sqrt(a, b)", ExpressionSyntaxError, "sqrt\\(\\) takes 1 argument"),
        ("min(a)", ExpressionSyntaxError, "at least 2"),
        ("2 x", UnknownUnitError, "unknown unit 'x' at column 3"),
        ("10 [MW / launch]", UnknownUnitError, "unknown unit 'MW / launch' at column 4"),
    ],
)
def test_expr_errors_name_the_column(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        parse(text)


def test_expr_no_python_evaluation() -> None:
    with pytest.raises(ExpressionSyntaxError):
        parse("__import__('os').system('true')")


def test_expr_repeated_names() -> None:
    assert repeated_names(parse("x - x * y")) == {"x"}


# -- round trips ----------------------------------------------------------------------------

NAMES = st.sampled_from(["a", "b", "c", "gpu_count", "Leistung", "мощность"])
NUMBERS = st.builds(
    Number,
    st.floats(min_value=0, max_value=1e20, allow_nan=False, allow_infinity=False),
    st.sampled_from([None, "GW", "t", "USD", "percent", "MW / h", "kW/t"]),
)
EXPONENTS = st.builds(Number, st.integers(min_value=0, max_value=4).map(float)) | st.builds(
    Neg, st.builds(Number, st.integers(min_value=1, max_value=3).map(float))
)


def _extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return (
        st.builds(BinOp, st.sampled_from(["+", "-", "*", "/"]), children, children)
        | st.builds(BinOp, st.just("**"), children, EXPONENTS)
        | st.builds(Neg, children)
        | st.builds(Call, st.sampled_from(["sqrt", "log10"]), st.tuples(children))
        | st.builds(Call, st.sampled_from(["min", "max"]), st.tuples(children, children))
    )


TREES: st.SearchStrategy[Node] = st.recursive(
    st.builds(Name, NAMES) | NUMBERS, _extend, max_leaves=12
)


@given(TREES)
def test_expr_parse_of_to_string_is_the_tree(tree: Node) -> None:
    assert parse(to_string(tree)) == tree


@given(TREES)
def test_expr_to_string_is_stable(tree: Node) -> None:
    text = to_string(tree)
    assert to_string(parse(text)) == text


# -- evaluation -----------------------------------------------------------------------------


def test_expr_power_per_launch() -> None:
    launches = Value.exact(10_000, "", "claim-launches")
    power = Value.exact(100, "GW", "claim-power")
    result = evaluate(parse("p / n"), {"p": power, "n": launches}, derivation="per-launch")
    assert result.to("MW").interval == Interval(10, 10)
    assert result.sources == {"claim-launches", "claim-power"}


def test_expr_literal_power_per_launch() -> None:
    result = evaluate(parse("100 GW / 10000"), {}, derivation="per-launch")
    assert result.to("MW").interval == Interval(10, 10)


def test_expr_money_adds_up() -> None:
    inputs = {"a": Value.exact(6e6, "USD", "c1"), "b": Value.exact(4e6, "USD", "c2")}
    result = evaluate(parse("a + b"), inputs, derivation="sum")
    assert result.interval == Interval(10e6, 10e6)
    assert result.sources == {"c1", "c2"}


def test_expr_money_less_seventy_percent() -> None:
    inputs = {"price": Value.exact(10e6, "USD", "c1"), "cut": Value.exact(70, "percent", "c2")}
    result = evaluate(parse("price * (1 - cut)"), inputs, derivation="discount")
    assert result.to("USD").interval.lo == pytest.approx(3e6)
    assert result.to("USD").interval.hi == pytest.approx(3e6)


def test_expr_unit_mismatch_names_the_derivation() -> None:
    with pytest.raises(DimensionError, match="E401 derivation 'mix': cannot add gigawatt"):
        evaluate(parse("1 GW + 1 t"), {}, derivation="mix")


def test_expr_currencies_do_not_mix() -> None:
    with pytest.raises(DimensionError, match="derivation 'fx'"):
        evaluate(parse("1 USD + 1 EUR"), {}, derivation="fx")


def test_expr_unknown_name_names_derivation_and_column() -> None:
    with pytest.raises(UnknownNameError, match="derivation 'd': unknown name 'b' at column 5"):
        evaluate(parse("a + b"), {"a": Value.exact(1)}, derivation="d")


def test_expr_division_by_interval_with_zero_names_the_derivation() -> None:
    inputs = {"a": Value.exact(1), "b": Value.of(Interval(-1, 1))}
    with pytest.raises(ZeroDivisionIntervalError, match=r"derivation 'z'.*in \(a / b\)"):
        evaluate(parse("a / b"), inputs, derivation="z")


UNITS = st.sampled_from(["GW", "t", "USD", "EUR", "m", "s", "", "kW/t"])


@given(left=UNITS, right=UNITS)
def test_expr_addition_needs_one_dimension(left: str, right: str) -> None:
    a, b = Value.exact(1, left), Value.exact(1, right)
    if a.unit.dimensionality == b.unit.dimensionality:
        assert (a + b).interval.lo == pytest.approx(1 + b.to(a.unit).interval.lo)
    else:
        with pytest.raises(DimensionError):
            evaluate(parse("a + b"), {"a": a, "b": b}, derivation="units")


# Random arithmetic over three dimensionless inputs; points drawn inside each interval.
ARITH: st.SearchStrategy[Node] = st.recursive(
    st.builds(Name, st.sampled_from(["a", "b", "c"])),
    lambda children: (
        st.builds(BinOp, st.sampled_from(["+", "-", "*", "/"]), children, children)
        | st.builds(Neg, children)
    ),
    max_leaves=6,
)
BOUNDS = st.tuples(
    st.floats(min_value=-100, max_value=100), st.floats(min_value=0, max_value=50)
).map(lambda pair: Interval(pair[0], pair[0] + pair[1]))


@given(tree=ARITH, boxes=st.tuples(BOUNDS, BOUNDS, BOUNDS), where=st.tuples(*[st.floats(0, 1)] * 3))
def test_expr_interval_result_contains_every_point_result(
    tree: Node, boxes: tuple[Interval, ...], where: tuple[float, ...]
) -> None:
    inputs = {name: Value.of(box) for name, box in zip("abc", boxes, strict=True)}
    points = {
        name: Value.exact(box.lo + (box.hi - box.lo) * t)
        for name, box, t in zip("abc", boxes, where, strict=True)
    }
    try:
        enclosure = evaluate(tree, inputs, derivation="random").interval
    except ZeroDivisionIntervalError:
        assume(False)
        return
    point = evaluate(tree, points, derivation="random").interval.lo
    slack = 1e-9 * max(1.0, abs(point), abs(enclosure.lo), abs(enclosure.hi))
    assert enclosure.lo - slack <= point <= enclosure.hi + slack


@given(left=BOUNDS, right=BOUNDS)
def test_expr_addition_and_multiplication_commute(left: Interval, right: Interval) -> None:
    inputs = {"a": Value.of(left, "GW", source="c1"), "b": Value.of(right, "", source="c2")}
    for first, second in (("a * b", "b * a"), ("a * b + a", "b * a + a")):
        one = evaluate(parse(first), inputs, derivation="c")
        two = evaluate(parse(second), inputs, derivation="c")
        assert one.to("GW").interval == two.to("GW").interval
        assert one.sources == two.sources == {"c1", "c2"}


def test_expr_monte_carlo_avoids_the_dependency_problem() -> None:
    inputs = {"x": Value.of(Interval(1, 2))}
    wide = evaluate(parse("x - x"), inputs, derivation="dep")
    tight = evaluate(parse("x - x"), inputs, derivation="dep", mode="monte-carlo")
    assert wide.interval == Interval(-1, 1)
    assert tight.interval == Interval(0, 0)


def test_expr_monte_carlo_is_seeded() -> None:
    inputs = {"x": Value.of(Interval(1, 2)), "y": Value.of(Interval(3, 5))}
    tree = parse("x * y / (x + y)")
    runs = [evaluate(tree, inputs, derivation="mc", mode="monte-carlo", seed=7) for _ in range(2)]
    assert runs[0] == runs[1]
    assert runs[0].interval.within(evaluate(tree, inputs, derivation="mc").interval)
