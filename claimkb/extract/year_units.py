"""Durations in decades and centuries are stated in years.

"within a decade", "ein halbes Jahrhundert", "полвека": a reader compares such durations
with others written in years, and a decade is exactly ten of them, so the claim records
the years the words mean (10, 50) rather than a unit few readers or tools convert.
"""

from __future__ import annotations

#: Units that are whole multiples of a year, and how many years each is.
YEARS_IN = {"decade_of_years": 10, "century": 100}


def in_years(unit: str | None, *values: float | None) -> tuple[str | None, list[float | None]]:
    """``unit`` and ``values`` restated in years when the unit is a multiple of a year."""
    factor = YEARS_IN.get(unit or "")
    if factor is None:
        return unit, list(values)
    return "year", [None if v is None else v * factor for v in values]
