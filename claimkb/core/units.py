"""The project's one pint registry, with currencies as dimensions of their own.

pint knows no money. Each currency gets its own base dimension, so "$5" and "5 €" can never
be added or compared by accident: converting between them raises, as it should without an
exchange rate and a date.
"""

from __future__ import annotations

import re
from functools import cache
from typing import cast

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
SPECIAL_KINDS = {
    "percent": "percent",
    "percentage_point": "percent",
    "basis_point": "percent",
    "times": "multiplier",
    "dimensionless": "count",
}


@cache
def registry() -> pint.UnitRegistry[float]:
    """The registry, built once; ``times`` is a named dimensionless factor ("40 Mal")."""
    ureg: pint.UnitRegistry[float] = pint.UnitRegistry()
    for code in CURRENCIES:
        ureg.define(f"{code} = [currency_{code}]")
    ureg.define("times = 1")
    # pint's "decade" is the logarithmic factor 10; ten years get a name of their own
    ureg.define("decade_of_years = 10 * year")
    # A difference of two percentages ("up 8 percentage points", "на 2 п.п.") is not a
    # relative change of 8 percent; it has the size of a percent, so 3.7 % - (-4.5 %) can be
    # checked against "8.2 points", but a unit of its own, so readers see which was said.
    ureg.define("percentage_point = percent")
    ureg.define("basis_point = 0.01 * percentage_point")
    return ureg


class UnitSyntaxError(ValueError):
    """A unit string outside the project's unit grammar; the message says where."""


MAX_UNIT_LENGTH = 120
MAX_DEPTH = 4
MAX_EXPONENT = 12
_TOKEN = re.compile(r"\s*(?:(?P<name>[^\W\d]\w*)|(?P<number>[0-9]+)|(?P<op>\*\*|\^|[*/()-]))")


def _tokens(text: str) -> list[str]:
    if len(text) > MAX_UNIT_LENGTH:
        raise UnitSyntaxError(f"unit {text[:40]!r}…: longer than {MAX_UNIT_LENGTH} characters")
    tokens, at = [], 0
    while at < len(text.rstrip()):
        found = _TOKEN.match(text, at)
        if found is None or found.end() == at:
            raise UnitSyntaxError(f"unit {text!r}: unexpected {text[at:].strip()[:10]!r}")
        tokens.append(found.group(found.lastgroup or "op"))
        at = found.end()
    return tokens


class _UnitParser:
    """Units as the project writes them — names, ``*``, ``/``, ``**`` (or ``^``) with a small
    whole exponent, parentheses, and ``1`` — read by a grammar of our own. Only single names
    reach pint, so no string from a data file is handed to pint's general expression parser
    (which evaluates ``t ** 10 ** 10 ** 10`` for ever)."""

    def __init__(self, text: str) -> None:
        self.text, self.tokens, self.at = text, _tokens(text), 0

    def parse(self) -> pint.Unit:
        if not self.tokens:  # "" is pint's dimensionless, as for a count
            return registry().Unit("dimensionless")
        result = self._product(0)
        if self.at != len(self.tokens):
            raise UnitSyntaxError(f"unit {self.text!r}: unexpected {self.tokens[self.at]!r}")
        return result

    def _peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _take(self) -> str:
        token = self._peek()
        if token is None:
            raise UnitSyntaxError(f"unit {self.text!r}: ends too early")
        self.at += 1
        return token

    def _product(self, depth: int) -> pint.Unit:
        result = self._power(depth)
        while self._peek() in ("*", "/"):
            if self._take() == "*":
                result = result * self._power(depth)
            else:
                result = result / self._power(depth)
        return result

    def _power(self, depth: int) -> pint.Unit:
        base = self._atom(depth)
        if self._peek() in ("**", "^"):
            self._take()
            sign = -1 if self._peek() == "-" and self._take() else 1
            digits = self._take()
            if not digits.isdigit() or int(digits) > MAX_EXPONENT:
                raise UnitSyntaxError(
                    f"unit {self.text!r}: an exponent is a whole number up to {MAX_EXPONENT}"
                )
            return cast(pint.Unit, base ** (sign * int(digits)))
        return base

    def _atom(self, depth: int) -> pint.Unit:
        token = self._take()
        if token == "(":
            if depth >= MAX_DEPTH:
                raise UnitSyntaxError(f"unit {self.text!r}: nested deeper than {MAX_DEPTH}")
            inner = self._product(depth + 1)
            if self._take() != ")":
                raise UnitSyntaxError(f"unit {self.text!r}: unbalanced parentheses")
            return inner
        if token == "1":
            return registry().Unit("dimensionless")
        if token[0].isdigit() or not (token[0].isalpha() or token[0] == "_"):
            raise UnitSyntaxError(f"unit {self.text!r}: unexpected {token!r}")
        try:
            return registry().Unit(token)
        except (pint.UndefinedUnitError, AttributeError, ValueError) as error:
            raise UnitSyntaxError(f"unknown unit {token!r}") from error


@cache
def parse_unit(text: str) -> pint.Unit:
    """``text`` as a unit of the project's registry, read by the project's own grammar;
    raises ``UnitSyntaxError`` for anything else."""
    return _UnitParser(text).parse()


@cache
def is_unit(unit: str) -> bool:
    """True when ``unit`` is a unit the project's grammar and registry understand."""
    try:
        parse_unit(unit)
    except UnitSyntaxError:
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
    dims = parse_unit(unit).dimensionality
    if dict(dims) == {"[time]": 1}:
        return "duration"
    return "measure"
