"""Coded errors of the derivation engine, in one list so a message can be looked up by code.

Every error is a ``ValueError`` whose message starts with its code. The evaluator re-raises
errors from the arithmetic with the derivation's id and the failing sub-expression added, so a
message always says which derivation to fix, e.g. ``E401 derivation 'sum': cannot add
gigawatt and metric_ton ...``.
"""

from __future__ import annotations


class CalcError(ValueError):
    """Base class: ``code`` is stable, the message may change."""

    code = "E400"

    def __init__(self, message: str) -> None:
        text = message if message.startswith(self.code) else f"{self.code} {message}"
        super().__init__(text)

    @property
    def message(self) -> str:
        """The message without its code."""
        return str(self).removeprefix(self.code).lstrip()


class DimensionError(CalcError):
    """Two quantities of different dimensions met where one dimension is needed."""

    code = "E401"


class ZeroDivisionIntervalError(CalcError):
    """A divisor interval contains zero, so the quotient is unbounded or undefined."""

    code = "E402"


class DomainError(CalcError):
    """A function got values outside its domain (sqrt of a negative, log10 of zero)."""

    code = "E403"


class ExpressionSyntaxError(CalcError):
    """The expression text does not follow the grammar; the message names the column."""

    code = "E410"


class UnknownUnitError(CalcError):
    """A unit after a number is not known to the project's pint registry."""

    code = "E411"


class UnknownNameError(CalcError):
    """A name in the expression is not one of the derivation's inputs."""

    code = "E412"


class VagueInputError(CalcError):
    """An input is too vague for the requested computation (unbounded for Monte Carlo)."""

    code = "E420"
