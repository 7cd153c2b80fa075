"""The project's one pint registry, with currencies as dimensions of their own.

pint knows no money. Each currency gets its own base dimension, so "$5" and "5 €" can never
be added or compared by accident: converting between them raises, as it should without an
exchange rate and a date.
"""

from __future__ import annotations

from functools import cache

import pint

#: ISO 4217 codes the extractor can produce.
CURRENCIES = (
    "USD",
    "EUR",
    "GBP",
    "RUB",
    "CNY",
    "JPY",
    "UAH",
    "CHF",
    "INR",
    "CAD",
    "AUD",
    "SEK",
    "KRW",
)

#: Units that are not measures: what the unit string means to the claim's ``kind``.
SPECIAL_KINDS = {"percent": "percent", "times": "multiplier", "dimensionless": "count"}


@cache
def registry() -> pint.UnitRegistry[float]:
    """The registry, built once; ``times`` is a named dimensionless factor ("40 Mal")."""
    ureg: pint.UnitRegistry[float] = pint.UnitRegistry()
    for code in CURRENCIES:
        ureg.define(f"{code} = [currency_{code}]")
    ureg.define("times = 1")
    # pint's "decade" is the logarithmic factor 10; ten years get a name of their own
    ureg.define("decade_of_years = 10 * year")
    return ureg


@cache
def is_unit(unit: str) -> bool:
    """True when pint (with the project's definitions) understands ``unit``."""
    try:
        registry().Unit(unit)
    except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, AttributeError, ValueError):
        return False
    return True


@cache
def kind_of_unit(unit: str) -> str:
    """The claim kind a unit implies: money, percent, multiplier, count, duration or measure."""
    if unit == "date":
        return "date"
    if unit in CURRENCIES:
        return "money"
    if unit in SPECIAL_KINDS:
        return SPECIAL_KINDS[unit]
    dims = registry().Unit(unit).dimensionality
    if dict(dims) == {"[time]": 1}:
        return "duration"
    return "measure"
