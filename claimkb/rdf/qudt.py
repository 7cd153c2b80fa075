"""claimkb unit strings → QUDT unit IRIs and quantity kinds.

Claims keep units as pint strings ("GW", "t", "year", "USD"); the graph needs QUDT's IRIs.
Every IRI below names a unit of the QUDT unit vocabulary (``http://qudt.org/vocab/unit/``),
checked against it by name: QUDT writes prefixes as words (``unit:GigaW``, never
``unit:GW``), currencies as ``unit:CCY_<ISO 4217 code>`` (the older ``cur:`` namespace is
deprecated), and counts as ``unit:NUM`` with the quantity kind ``Count``.

Five units have no QUDT counterpart and are defined by the project (``ckb:``), with a
conversion multiplier so a QUDT-aware tool can still convert them:

- ``ckb:CalendarYear`` for dates: a claim about "2030" states a point in time, which QUDT
  has no unit for (``unit:YR`` is a duration);
- ``ckb:Decade``: ten years (``decade_of_years`` in the project's registry; pint's own
  ``decade`` is the logarithmic factor 10);
- ``ckb:KiloM3``: QUDT has cubic metres and cubic miles, not cubic kilometres;
- ``ckb:PercentagePoint`` and ``ckb:BasisPoint``: the difference of two percentages ("up
  8 percentage points", "25 basis points"), which QUDT's ``unit:PERCENT`` would make a
  relative change.

A compound unit that is not in the table ("acre / MW", "USD/kWh") is written as a
``qudt:DerivedUnit`` of the project, named the QUDT way (``ckb:AC-PER-MegaW``) and made of
QUDT units (its ``qudt:hasFactorUnit`` nodes), so every factor is a real QUDT unit. A unit with a
factor that is in neither table is an error that names it: the graph never carries a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pint
from pint.util import to_units_container
from rdflib import URIRef

from claimkb.core.units import CURRENCIES, parse_unit, registry
from claimkb.rdf.vocab import CKB, QUANTITYKIND, UNIT


class UnknownUnitError(ValueError):
    """A claim's unit has no QUDT mapping; the message names the unit."""


@dataclass(frozen=True)
class QudtUnit:
    """A unit's IRI and quantity kind (None for calendar dates, which have no kind)."""

    unit: URIRef
    kind: URIRef | None


@dataclass(frozen=True)
class DerivedUnit:
    """A compound unit made of QUDT units: label, factor to SI, (unit, exponent) factors."""

    unit: URIRef
    label: str
    multiplier: float
    factors: tuple[tuple[URIRef, int], ...]


@dataclass(frozen=True)
class LocalUnit:
    """A unit the project defines because QUDT has none: label, factor to SI, kind, base."""

    label: str
    multiplier: float
    kind: URIRef | None
    scaling_of: URIRef | None
    comment: str


#: Units the project defines itself, keyed by IRI (written into the graph when used).
LOCAL_UNITS: dict[URIRef, LocalUnit] = {
    CKB.CalendarYear: LocalUnit(
        label="calendar year",
        multiplier=1.0,
        kind=None,
        scaling_of=None,
        comment="A year number of the Gregorian calendar: a point in time, not a duration.",
    ),
    CKB.Decade: LocalUnit(
        label="decade",
        multiplier=315576000.0,
        kind=QUANTITYKIND.Time,
        scaling_of=UNIT.SEC,
        comment="Ten Julian years (10 × unit:YR).",
    ),
    CKB.KiloM3: LocalUnit(
        label="cubic kilometre",
        multiplier=1e9,
        kind=QUANTITYKIND.Volume,
        scaling_of=UNIT.M3,
        comment="10^9 cubic metres.",
    ),
    CKB.PercentagePoint: LocalUnit(
        label="percentage point",
        multiplier=0.01,
        kind=QUANTITYKIND.DimensionlessRatio,
        scaling_of=UNIT.UNITLESS,
        comment="The difference of two percentages: 4.5 % to 3.7 % is 0.8 percentage points.",
    ),
    CKB.BasisPoint: LocalUnit(
        label="basis point",
        multiplier=0.0001,
        kind=QUANTITYKIND.DimensionlessRatio,
        scaling_of=UNIT.UNITLESS,
        comment="A hundredth of a percentage point.",
    ),
}

_KINDS = {
    "power": "Power",
    "energy": "Energy",
    "mass": "Mass",
    "volume": "Volume",
    "area": "Area",
    "velocity": "Velocity",
    "length": "Length",
    "temperature": "Temperature",
    "ratio": "DimensionlessRatio",
    "count": "Count",
    "time": "Time",
    "irradiance": "PowerPerArea",
    "currency": "Currency",
}

#: claimkb unit string → (QUDT unit local name, quantity kind key). Local names starting
#: with "ckb:" are the project's own units above.
TABLE: dict[str, tuple[str, str | None]] = {
    # power and energy
    "TW": ("TeraW", "power"),
    "GW": ("GigaW", "power"),
    "MW": ("MegaW", "power"),
    "kW": ("KiloW", "power"),
    "W": ("W", "power"),
    "TWh": ("TeraW-HR", "energy"),
    "GWh": ("GigaW-HR", "energy"),
    "MWh": ("MegaW-HR", "energy"),
    "kWh": ("KiloW-HR", "energy"),
    "Wh": ("W-HR", "energy"),
    "british_thermal_unit": ("BTU_IT", "energy"),
    "W/m**2": ("W-PER-M2", "irradiance"),
    # mass
    "t": ("TONNE", "mass"),
    "kg": ("KiloGM", "mass"),
    "g": ("GM", "mass"),
    "mg": ("MilliGM", "mass"),
    "µg": ("MicroGM", "mass"),
    "lb": ("LB", "mass"),
    "oz": ("OZ", "mass"),
    "ton": ("TON_SHORT", "mass"),
    # volume
    "km**3": ("ckb:KiloM3", "volume"),
    "m**3": ("M3", "volume"),
    "ft**3": ("FT3", "volume"),
    "l": ("L", "volume"),
    "hl": ("HectoL", "volume"),
    "dl": ("DeciL", "volume"),
    "cl": ("CentiL", "volume"),
    "ml": ("MilliL", "volume"),
    "gallon": ("GAL_US", "volume"),
    "oil_barrel": ("BBL_US", "volume"),
    "tablespoon": ("TBSP", "volume"),
    "teaspoon": ("TSP", "volume"),
    # area
    "km**2": ("KiloM2", "area"),
    "m**2": ("M2", "area"),
    "ft**2": ("FT2", "area"),
    "mi**2": ("MI2", "area"),
    "acre": ("AC", "area"),
    "hectare": ("HA", "area"),
    # speed
    "km/h": ("KiloM-PER-HR", "velocity"),
    "m/s": ("M-PER-SEC", "velocity"),
    "mph": ("MI-PER-HR", "velocity"),
    # length
    "km": ("KiloM", "length"),
    "m": ("M", "length"),
    "dm": ("DeciM", "length"),
    "cm": ("CentiM", "length"),
    "mm": ("MilliM", "length"),
    "µm": ("MicroM", "length"),
    "nm": ("NanoM", "length"),
    "mile": ("MI", "length"),
    "yd": ("YD", "length"),
    "ft": ("FT", "length"),
    "inch": ("IN", "length"),
    # temperature
    "degC": ("DEG_C", "temperature"),
    "degF": ("DEG_F", "temperature"),
    # time
    "decade_of_years": ("ckb:Decade", "time"),
    "year": ("YR", "time"),
    "month": ("MO", "time"),
    "week": ("WK", "time"),
    "day": ("DAY", "time"),
    "hour": ("HR", "time"),
    "minute": ("MIN", "time"),
    "second": ("SEC", "time"),
    # numbers
    "percent": ("PERCENT", "ratio"),
    "percentage_point": ("ckb:PercentagePoint", "ratio"),
    "basis_point": ("ckb:BasisPoint", "ratio"),
    "times": ("UNITLESS", "ratio"),
    "dimensionless": ("NUM", "count"),
    "date": ("ckb:CalendarYear", None),
    **{code: (f"CCY_{code}", "currency") for code in CURRENCIES},
}


def _resolve(local: str, kind: str | None) -> QudtUnit:
    unit = CKB[local[4:]] if local.startswith("ckb:") else UNIT[local]
    return QudtUnit(unit, QUANTITYKIND[_KINDS[kind]] if kind else None)


@cache
def _by_pint_unit() -> dict[pint.Unit, str]:
    """The table's keys by pint unit, so "gigawatt" finds the entry of "GW"."""
    result: dict[pint.Unit, str] = {}
    for key in TABLE:
        if key != "date":
            result.setdefault(parse_unit(key), key)
    return result


@cache
def qudt_unit(unit: str) -> QudtUnit:
    """The QUDT unit and quantity kind of a claimkb unit string.

    Raises :class:`UnknownUnitError` naming the unit when there is no mapping."""
    if unit in TABLE:
        return _resolve(*TABLE[unit])
    try:
        key = _by_pint_unit().get(parse_unit(unit))
    except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, AttributeError, ValueError):
        key = None
    if key is not None:
        return _resolve(*TABLE[key])
    derived = derived_unit(unit)
    if derived is None:
        raise UnknownUnitError(
            f"no QUDT unit for the unit {unit!r}: add it to kb/units_qudt.py (TABLE)"
        )
    return QudtUnit(derived.unit, None)


@cache
def derived_unit(unit: str) -> DerivedUnit | None:
    """The project's derived unit for a compound pint unit whose factors are all in the
    table ("acre / MW" → ``ckb:AC-PER-MegaW``); None for a table unit or an unknown factor."""
    if unit in TABLE:
        return None
    try:
        parsed = parse_unit(unit)
    except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, AttributeError, ValueError):
        return None
    if parsed in _by_pint_unit():
        return None
    factors: list[tuple[URIRef, int]] = []
    for name, exponent in sorted(to_units_container(parsed, registry()).items()):
        key = _by_pint_unit().get(registry().Unit(name))
        power = float(str(exponent))
        if key is None or not power.is_integer():
            return None
        factors.append((_resolve(*TABLE[key]).unit, int(power)))
    if not factors:
        return None
    factors.sort(key=lambda factor: (factor[1] < 0, str(factor[0])))
    local = "-".join(_factor_name(iri, abs(exp)) for iri, exp in factors if exp > 0)
    below = "-".join(_factor_name(iri, abs(exp)) for iri, exp in factors if exp < 0)
    name = f"{local}-PER-{below}" if local and below else local or f"PER-{below}"
    multiplier = float(f"{float(registry().Quantity(1.0, parsed).to_base_units().magnitude):.12g}")
    return DerivedUnit(CKB[name], str(parsed), multiplier, tuple(factors))


def _factor_name(unit: URIRef, exponent: int) -> str:
    name = str(unit).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return name if exponent == 1 else f"{name}{exponent}"


def time_unit(name: str | None) -> URIRef | None:
    """The QUDT unit of a rate's denominator when it is a unit of time ("year" → unit:YR)."""
    if name is None or name not in TABLE or TABLE[name][1] != "time":
        return None
    return qudt_unit(name).unit
