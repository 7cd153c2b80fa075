"""The project's unit grammar: what data files may write as a unit, read without handing the
string to pint's general expression parser."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimkb.core.units import (
    MAX_UNIT_LENGTH,
    UnitSyntaxError,
    is_unit,
    kind_of_unit,
    parse_unit,
    registry,
)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("GW / year", "gigawatt / year"),
        ("W/m**2", "watt / meter ** 2"),
        ("W/m^2", "watt / meter ** 2"),
        ("1 / hour", "1 / hour"),
        ("m**-2", "1 / meter ** 2"),
        ("(kW * h) / (m ** 2 * year)", "kilowatt * hour / meter ** 2 / year"),
        ("µg", "microgram"),
        ("USD", "USD"),
        ("", "dimensionless"),
    ],
)
def test_units_grammar_reads_the_units_the_project_writes(text: str, same_as: str) -> None:
    assert parse_unit(text) == registry().Unit(same_as)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("t ** 10 ** 10 ** 10", "unit 't ** 10 ** 10 ** 10': unexpected '**'"),
        ("m**13", "unit 'm**13': an exponent is a whole number up to 12"),
        ("m**1.5", "unit 'm**1.5': unexpected '.5'"),
        ("((((((m))))))", "unit '((((((m))))))': nested deeper than 4"),
        ("(m", "unit '(m': ends too early"),
        ("m)", "unit 'm)': unexpected ')'"),
        ("GW/", "unit 'GW/': ends too early"),
        ("GWx", "unknown unit 'GWx'"),
        ("__import__('os')", "unit \"__import__('os')\": unexpected \"'os')\""),
        ("m ; rm", "unit 'm ; rm': unexpected '; rm'"),
        ("2 m", "unit '2 m': unexpected '2'"),
    ],
)
def test_units_grammar_refuses_anything_else_in_one_line(text: str, message: str) -> None:
    with pytest.raises(UnitSyntaxError) as raised:
        parse_unit(text)
    assert str(raised.value) == message
    assert not is_unit(text)


def test_units_a_long_unit_is_refused_before_it_is_read() -> None:
    text = "m * " * 100 + "m"
    with pytest.raises(UnitSyntaxError, match=f"longer than {MAX_UNIT_LENGTH} characters"):
        parse_unit(text)


def test_units_kinds_come_from_the_grammar() -> None:
    assert [kind_of_unit(u) for u in ("USD", "percent", "year", "GW / year", "dimensionless")] == [
        "money",
        "percent",
        "duration",
        "measure",
        "count",
    ]


def test_units_percentage_points_are_a_percent_sized_unit_of_their_own() -> None:
    # 3.7 % minus -4.5 % is 8.2 points: the same size as 8.2 percent, but named apart, and a
    # basis point is a hundredth of a point.
    ureg = registry()
    assert kind_of_unit("percentage_point") == "percent"
    assert kind_of_unit("basis_point") == "percent"
    points = ureg.Quantity(3.7, "percent") - ureg.Quantity(-4.5, "percent")
    assert points.to("percentage_point").magnitude == pytest.approx(8.2)
    assert ureg.Quantity(25, "basis_point").to("percentage_point").magnitude == pytest.approx(0.25)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="mkGWsh*/^()-_0123456789 ·µ'\"x;.", max_size=60))
def test_units_grammar_never_fails_with_anything_but_its_own_error(text: str) -> None:
    """Whatever a data file holds, reading it as a unit gives a unit or a UnitSyntaxError."""
    with contextlib.suppress(UnitSyntaxError):
        parse_unit(text)
