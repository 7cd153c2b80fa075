"""Interval arithmetic, the hedge table and stated quantities as intervals."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimkb.core.models import Quantity
from claimkb.derive.errors import DomainError, ZeroDivisionIntervalError
from claimkb.derive.hedges import HEDGES_YAML, default_table, load_table, parse_table
from claimkb.derive.interval import INF, Interval, hull
from claimkb.derive.stated import value_of_quantity

FINITE = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def interval_and_point(draw: st.DrawFn) -> tuple[Interval, float]:
    a, b = sorted((draw(FINITE), draw(FINITE)))
    x = draw(st.floats(min_value=a, max_value=b)) if a < b else a
    return Interval(a, b), x


def assert_interval_contains(interval: Interval, x: float) -> None:
    """``x`` lies in ``interval`` up to float rounding (1e-9 relative)."""
    slack = 1e-9 * max(1.0, abs(x))
    assert interval.lo - slack <= x <= interval.hi + slack, f"{x!r} not in {interval}"


OPERATIONS: dict[str, Callable[[float, float], float]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
}


@pytest.mark.parametrize("op", sorted(OPERATIONS))
@given(left=interval_and_point(), right=interval_and_point())
def test_interval_contains_every_point_result(
    op: str, left: tuple[Interval, float], right: tuple[Interval, float]
) -> None:
    (a, x), (b, y) = left, right
    result = {"+": a + b, "-": a - b, "*": a * b}[op]
    assert_interval_contains(result, OPERATIONS[op](x, y))


@given(left=interval_and_point(), right=interval_and_point())
def test_interval_division_contains_every_point_result(
    left: tuple[Interval, float], right: tuple[Interval, float]
) -> None:
    (a, x), (b, y) = left, right
    assume(not b.contains_zero())
    assert_interval_contains(a / b, x / y)


@given(pair=interval_and_point(), exponent=st.integers(min_value=-4, max_value=5))
def test_interval_power_contains_every_point_result(
    pair: tuple[Interval, float], exponent: int
) -> None:
    a, x = pair
    assume(exponent >= 0 or not a.contains_zero())
    try:
        expected = x**exponent
    except OverflowError:  # the oracle itself leaves the floats
        assume(False)
    assert_interval_contains(a**exponent, expected)


@given(left=interval_and_point(), right=interval_and_point())
def test_interval_addition_and_multiplication_commute(
    left: tuple[Interval, float], right: tuple[Interval, float]
) -> None:
    a, b = left[0], right[0]
    assert a + b == b + a
    assert a * b == b * a


def test_interval_division_by_interval_containing_zero_raises() -> None:
    with pytest.raises(ZeroDivisionIntervalError, match="E402 division by an interval"):
        _ = Interval(1, 2) / Interval(-1, 1)


def test_interval_division_by_open_zero_end_is_unbounded() -> None:
    assert Interval(1, 2) / Interval(0, 4, lo_open=True) == Interval(0.25, INF)


@pytest.mark.parametrize(
    ("bound", "expected"),
    [
        ("=", Interval(10, 10)),
        (">", Interval(10, INF, lo_open=True)),
        (">=", Interval(10, INF)),
        ("<", Interval(0, 10, hi_open=True)),
        ("<=", Interval(0, 10)),
    ],
)
def test_interval_from_bound(bound: str, expected: Interval) -> None:
    assert Interval.from_bound(10, bound, floor=0) == expected


def test_interval_open_ends_touching_do_not_overlap() -> None:
    more_than_ten = Interval.from_bound(10, ">")
    assert not more_than_ten.overlaps(Interval.point(10))
    assert Interval.from_bound(10, ">=").overlaps(Interval.point(10))


def test_interval_product_with_closed_zero_is_attained() -> None:
    assert Interval(0, 1) * Interval(1, INF) == Interval(0, INF)
    assert Interval(0, 1, lo_open=True) * Interval(1, INF) == Interval(0, INF, lo_open=True)


def test_interval_even_power_around_zero_starts_at_zero() -> None:
    assert Interval(-2, 3) ** 2 == Interval(0, 9)


def test_interval_domain_errors() -> None:
    with pytest.raises(DomainError):
        Interval(-1, 4).sqrt()
    with pytest.raises(DomainError):
        Interval(0, 4).log10()


@pytest.mark.parametrize(
    ("interval", "decades"),
    [
        (Interval(1, 1), 0.0),
        (Interval(10, 1000), 2.0),
        (Interval(-1000, -10), 2.0),
        (Interval(0, 100), INF),
        (Interval(1, INF), INF),
    ],
)
def test_interval_decades(interval: Interval, decades: float) -> None:
    assert interval.decades() == pytest.approx(decades)


def test_interval_hull_and_intersection() -> None:
    assert hull([Interval(1, 2), Interval(5, 6)]) == Interval(1, 6)
    assert Interval(1, 5).intersection(Interval(3, 9)) == Interval(3, 5)
    assert Interval(1, 2).intersection(Interval(3, 4)) is None


# -- hedges ---------------------------------------------------------------------------------


def test_hedges_every_entry_has_a_reason() -> None:
    table = load_table(HEDGES_YAML)
    for words in table.by_language.values():
        for word, tolerance in words.items():
            assert tolerance.reason, word


@pytest.mark.parametrize(
    ("word", "lang", "low", "high"),
    [
        ("etwa", "de", 90, 110),
        ("rund", "de", 90, 110),
        ("fast", "de", 90, 100),
        ("gut", "de", 100, 110),
        ("примерно", "ru", 90, 110),
        ("около", "ru", 90, 110),
        ("порядка", "ru", 100 / math.sqrt(10), 100 * math.sqrt(10)),
        ("about", "en", 90, 110),
        ("roughly", "en", 75, 125),
        ("nearly", "en", 90, 100),
        ("~", "en", 90, 110),
        ("unlisted", "de", 90, 110),
        (None, None, 90, 110),
    ],
)
def test_hedges_widen_100(word: str | None, lang: str | None, low: float, high: float) -> None:
    interval = default_table().lookup(word, lang).widen(100)
    assert (interval.lo, interval.hi) == pytest.approx((low, high))


def test_hedges_entry_without_reason_is_rejected() -> None:
    with pytest.raises(ValueError, match="de -> etwa"):
        parse_table({"default": {"below": 0.1, "above": 0.1, "reason": "x"}, "de": {"etwa": {}}})


# -- stated quantities ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"value": 100.0}, Interval(100, 100)),
        ({"value": 10.0, "bound": ">"}, Interval(10, INF, lo_open=True)),
        ({"value": 5.0, "bound": "<="}, Interval(0, 5)),
        ({"value": 25000.0, "low": 20000.0, "high": 30000.0}, Interval(20000, 30000)),
        ({"value": 100.0, "approx": True, "hedge": "etwa"}, Interval(90, 110)),
        (
            {"value": 25.0, "low": 20.0, "high": 30.0, "approx": True, "hedge": "etwa"},
            Interval(18, 33),
        ),
    ],
)
def test_stated_quantity_interval(fields: dict[str, object], expected: Interval) -> None:
    quantity = Quantity.model_validate({"kind": "measure", "unit": "GW", **fields})
    value = value_of_quantity(quantity, "claim-1", "de")
    assert value.interval.lo == pytest.approx(expected.lo)
    assert value.interval.hi == pytest.approx(expected.hi)
    assert (value.interval.lo_open, value.interval.hi_open) == (expected.lo_open, expected.hi_open)
    assert value.sources == {"claim-1"}


def test_stated_rate_divides_by_its_period() -> None:
    quantity = Quantity(kind="measure", value=100.0, unit="GW", per="year")
    assert value_of_quantity(quantity, "c").to("GW/year").interval == Interval(100, 100)
