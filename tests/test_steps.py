"""The evaluation of a derivation step by step, as its page shows it; every expected interval
worked out by hand."""

from __future__ import annotations

import math

import pytest

from claimkb.build.stages import project_knowledge_base
from claimkb.derive.expr import parse
from claimkb.derive.interval import Interval
from claimkb.derive.records import derivation_records
from claimkb.derive.steps import evaluation_steps, readable
from claimkb.derive.value import Value
from tests.conftest import EXAMPLE


def test_steps_show_inputs_once_then_each_operation_innermost_first() -> None:
    inputs = {
        "a": Value.of(Interval(1.0, 2.0, False, False), "m"),
        "b": Value.exact(5.0, "m"),
    }
    steps = evaluation_steps(parse("a * (b - a)"), inputs, derivation="t")
    # a = [1, 2] m and b = 5 m; b - a = [3, 4] m; a * (b - a) = [1 * 3, 2 * 4] = [3, 8] m².
    assert [(s.expression, s.low, s.high, s.unit) for s in steps] == [
        ("a", 1.0, 2.0, "meter"),
        ("b", 5.0, 5.0, "meter"),
        ("(b - a)", 3.0, 4.0, "meter"),
        ("(a * (b - a))", 3.0, 8.0, "meter ** 2"),
    ]
    assert [s.note for s in steps] == ["input", "input", "", ""]


def test_a_solved_for_assumption_is_marked() -> None:
    inputs = {"x": Value.exact(10.0, "t"), "m": Value.exact(2.0, "t")}
    steps = evaluation_steps(parse("x / m"), inputs, derivation="t", assumed=frozenset({"m"}))
    assert steps[1].note.startswith("assumed")
    assert (steps[2].low, steps[2].high, steps[2].unit) == (5.0, 5.0, "dimensionless")


def test_steps_stop_where_an_input_is_missing() -> None:
    steps = evaluation_steps(parse("x + y"), {"x": Value.exact(1.0)}, derivation="t")
    assert [s.expression for s in steps] == ["x"]


def test_readable_reduces_two_units_of_one_dimension() -> None:
    # 1 TW per GW per year is 1000 per year.
    value = readable(Value.exact(1.0, "TW / GW / year"))
    assert str(value.unit) == "1 / year"
    assert value.interval.lo == pytest.approx(1000.0)
    percent = readable(Value.exact(70.0, "percent"))
    assert (str(percent.unit), percent.interval.lo) == ("percent", 70.0)


def test_the_terawatt_derivation_step_by_step() -> None:
    kb = project_knowledge_base(EXAMPLE)
    (record,) = [
        r
        for r in derivation_records(kb, EXAMPLE.claims_dir)
        if r.id == "starship-launches-for-terawatt-a-year"
    ]
    steps = record.steps
    # "около тераватта в год": 1 TW a year, ±10 % for "около" → [0.9, 1.1] TW/year; the
    # power per launch is 100 GW / 10,000 launches = 0.01 GW; 0.9 TW / 0.01 GW = 90,000 and
    # 1.1 TW / 0.01 GW = 110,000 launches a year.
    assert [s.expression for s in steps] == [
        "terawatt",
        "per_launch",
        "(terawatt / per_launch)",
    ]
    assert (steps[0].low, steps[0].high) == pytest.approx((0.9, 1.1))
    assert steps[1].low == pytest.approx(0.01) and steps[1].unit == "gigawatt"
    last = steps[-1]
    assert (last.low, last.high, last.unit) == (
        pytest.approx(90_000.0),
        pytest.approx(110_000.0),
        "1 / year",
    )
    # The last step is the result, which the verdict holds in the compared unit, per year.
    assert record.result.unit == "1/a"
    assert last.low is not None and last.high is not None
    assert record.result.low is not None and record.result.high is not None
    assert math.isclose(last.low, record.result.low, rel_tol=1e-9)
    assert math.isclose(last.high, record.result.high, rel_tol=1e-9)
