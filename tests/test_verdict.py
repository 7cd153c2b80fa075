"""Verdicts, with values worked out by hand."""

from __future__ import annotations

import pytest

from claimkb.core.models import Quantity
from claimkb.derive.evaluate import evaluate
from claimkb.derive.expr import parse
from claimkb.derive.hedges import HedgeTable, Tolerance
from claimkb.derive.interval import INF, Interval
from claimkb.derive.stated import value_of_quantity
from claimkb.derive.value import Value
from claimkb.derive.verdict import Check, FreeVariable, compare, judge


def _claim(value: float, unit: str, claim_id: str, hedge: str | None = None) -> Value:
    quantity = Quantity(
        kind="count" if unit == "dimensionless" else "measure",
        value=value,
        unit=unit,
        approx=hedge is not None,
        hedge=hedge,
    )
    return value_of_quantity(quantity, claim_id, "ru")


def _per_gpu(table: HedgeTable | None = None) -> tuple[Value, Value]:
    """«каждые 110 000 GB300 … примерно 300 мегаватт», «330 000 GB300 — примерно гигаватт»."""
    inputs = {
        "p1": _claim(300, "MW", "p1", "примерно"),
        "n1": _claim(110_000, "dimensionless", "n1"),
        "p2": _claim(1, "GW", "p2", "примерно"),
        "n2": _claim(330_000, "dimensionless", "n2"),
    }
    if table is not None:
        tolerance = table.lookup("примерно", "ru")
        for name in ("p1", "p2"):
            value = inputs[name]
            assert value.nominal is not None
            inputs[name] = Value(
                tolerance.widen(value.nominal), value.unit, value.nominal, value.sources
            )
    first = evaluate(parse("p1 / n1"), inputs, derivation="gb300")
    second = evaluate(parse("p2 / n2"), inputs, derivation="gb300")
    return first, second


def test_verdict_gb300_power_per_gpu_is_consistent_with_the_hedges() -> None:
    # Stated: 300 MW / 110 000 = 2.727 kW and 1 GW / 330 000 = 3.030 kW, 11 % apart.
    # 'примерно' is ±10 % on each power (the counts are exact):
    #   [270, 330] MW / 110 000 = [2.4545, 3.0000] kW
    #   [0.9, 1.1] GW / 330 000 = [2.7273, 3.3333] kW
    # They overlap in [2.7273, 3.0000] kW: consistent. The two ±10 % hedges leave ~20 % room
    # for an 11 % difference.
    first, second = _per_gpu()
    verdict = compare("gb300", first.to("kW"), second.to("kW"))
    assert verdict.kind == "consistent"
    assert verdict.unit == "kW"
    assert verdict.result_nominal == pytest.approx(2.72727, rel=1e-5)
    assert verdict.compared_nominal == pytest.approx(3.03030, rel=1e-5)
    assert verdict.factor == pytest.approx(0.9)
    assert verdict.overlap is not None
    assert (verdict.overlap.lo, verdict.overlap.hi) == pytest.approx((2.72727, 3.0), rel=1e-5)
    assert verdict.sources == {"p1", "n1", "p2", "n2"}


def test_verdict_gb300_would_miss_with_five_percent_hedges() -> None:
    # At ±5 %: [2.5909, 2.8636] kW vs [2.8788, 3.1818] kW, disjoint by 0.5 %.
    five = Tolerance(0.05, 0.05, reason="tighter reading")
    table = HedgeTable(five, {"ru": {"примерно": five}})
    first, second = _per_gpu(table)
    verdict = compare("gb300", first, second)
    assert verdict.kind == "inconsistent"
    assert verdict.gap_factor == pytest.approx(2.8636364 / 2.8787879, rel=1e-6)


def test_verdict_inconsistent_reports_the_factor() -> None:
    verdict = compare("x", Value.exact(320, "GW", "a"), Value.exact(100, "GW", "b"))
    assert verdict.kind == "inconsistent"
    assert verdict.factor == pytest.approx(3.2)
    assert "3.2x the compared value" in verdict.reason


def test_verdict_tolerance_widens_the_compared_value() -> None:
    result, compared = Value.exact(105, "GW"), Value.exact(100, "GW")
    assert compare("t", result, compared).kind == "inconsistent"
    assert compare("t", result, compared, tolerance=0.1).kind == "consistent"


def test_verdict_converts_the_result_into_the_compared_unit() -> None:
    verdict = compare("u", Value.exact(10_000, "MW"), Value.exact(10, "GW"))
    assert (verdict.kind, verdict.unit, verdict.result) == ("consistent", "GW", Interval(10, 10))


def test_verdict_satellite_mass_is_implied() -> None:
    # 1e6 t/year / m * 100 kW = 100 GW/year  =>  m = 1e6 t * 100 kW / 100 GW = 1 t.
    check = Check(
        id="orbital-power",
        expression="mass_per_year / m_sat * power_each",
        inputs={
            "mass_per_year": Value.exact(1e6, "t/year", "c-mass"),
            "power_each": Value.exact(100, "kW", "c-power"),
            "m_sat": None,
        },
        compared=Value.exact(100, "GW/year", "c-total"),
        free=FreeVariable("m_sat", "t"),
    )
    verdict = judge(check)
    assert verdict.kind == "implies"
    assert verdict.assumption is not None
    assert verdict.assumption.value == pytest.approx(1.0, rel=1e-9)
    assert verdict.assumption.unit == "t"
    assert "m_sat = 1 t" in verdict.reason
    assert verdict.sources == {"c-mass", "c-power", "c-total"}


def test_verdict_implied_assumption_range_follows_the_hedges() -> None:
    # 'etwa 100 kW' = [90, 110] kW: the sides overlap for m in [0.9, 1.1] t.
    check = Check(
        id="orbital-power",
        expression="mass_per_year / m_sat * power_each",
        inputs={
            "mass_per_year": Value.exact(1e6, "t/year"),
            "power_each": Value.of(Interval(90, 110), "kW", nominal=100),
        },
        compared=Value.exact(100, "GW/year"),
        free=FreeVariable("m_sat", "t"),
    )
    assumption = judge(check).assumption
    assert assumption is not None
    assert (assumption.low, assumption.high) == pytest.approx((0.9, 1.1))


def test_verdict_implausible_assumption_is_inconsistent() -> None:
    check = Check(
        id="orbital-power",
        expression="mass_per_year / m_sat * power_each",
        inputs={"mass_per_year": Value.exact(1e6, "t/year"), "power_each": Value.exact(100, "kW")},
        compared=Value.exact(100, "GW/year"),
        free=FreeVariable("m_sat", "t", plausible=Interval(2, 5)),
    )
    verdict = judge(check)
    assert verdict.kind == "inconsistent"
    assert "outside the plausible" in verdict.reason


def test_verdict_missing_input_is_unverifiable() -> None:
    check = Check("m", "a * b", {"a": Value.exact(1), "b": None}, Value.exact(1))
    verdict = judge(check)
    assert (verdict.kind, verdict.missing) == ("unverifiable", ("b",))


def test_verdict_unbounded_result_is_unverifiable() -> None:
    # "more than 1000 satellites at 100 kW" cannot confirm "100 GW".
    satellites = Value.of(Interval(1000, INF, lo_open=True), source="c1")
    check = Check(
        "lower-bound",
        "n * 100 kW",
        {"n": satellites},
        Value.exact(100, "GW", "c2"),
    )
    verdict = judge(check)
    assert verdict.kind == "unverifiable"
    assert "unbounded" in verdict.reason


def test_verdict_unbounded_result_can_still_be_inconsistent() -> None:
    # "more than 1000 satellites at 100 kW" is more than 100 MW: it contradicts "50 MW".
    check = Check(
        "lower-bound",
        "n * 100 kW",
        {"n": Value.of(Interval(1000, INF, lo_open=True))},
        Value.exact(50, "MW"),
    )
    assert judge(check).kind == "inconsistent"


def test_verdict_result_inside_a_bound_claim_is_consistent() -> None:
    more_than_ten = Value.of(Interval(10, INF, lo_open=True), "GW")
    assert compare("b", Value.of(Interval(50, 60), "GW"), more_than_ten).kind == "consistent"


def test_verdict_result_spanning_many_decades_is_unverifiable() -> None:
    verdict = compare("wide", Value.of(Interval(1, 1000), "GW"), Value.exact(500, "GW"))
    assert verdict.kind == "unverifiable"
    assert "orders of magnitude" in verdict.reason


def test_verdict_order_of_magnitude_hedge_is_wide() -> None:
    # 'порядка 1 GW' is [0.316, 3.16] GW: 2 GW is consistent with it, 5 GW is not.
    about_a_gigawatt = _claim(1, "GW", "c", "порядка")
    assert compare("o", Value.exact(2, "GW"), about_a_gigawatt).kind == "consistent"
    assert compare("o", Value.exact(5, "GW"), about_a_gigawatt).kind == "inconsistent"


def test_verdict_as_dict_is_plain_data() -> None:
    data = compare("d", Value.exact(1, "GW", "b"), Value.exact(1, "GW", "a")).as_dict()
    assert data["kind"] == "consistent"
    assert data["sources"] == ["a", "b"]
    assert data["result"] == {"lo": 1.0, "hi": 1.0, "lo_open": False, "hi_open": False}
