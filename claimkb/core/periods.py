"""The periods a date claim names, written as ISO 8601 text: a year (``2030``), a month
(``2025-12``), a day (``2025-09-10``) or an interval of two of them (``2026-01/2026-03``).

One parser for the models (which refuse any other text, so a review with a bad ``time``
is a file:line error), the RDF writer and the predictions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def period(time: str) -> tuple[dt.date, dt.date]:
    """The first and last day of an ISO 8601 year, month, day or interval ("a/b"); raises
    ``ValueError`` for any other text, or an interval that ends before it starts."""
    if "/" in time:
        first, _, last = time.partition("/")
        start, end = period(first)[0], period(last)[1]
        if end < start:
            raise ValueError(f"time {time!r} ends before it starts")
        return start, end
    match = _ISO.match(time)
    if match is None:
        raise ValueError(f"time {time!r} is not an ISO 8601 year, month, day or interval")
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if not month:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not 1 <= month <= 12:
        raise ValueError(f"time {time!r} names no month")
    if not day:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    try:
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"time {time!r} names no day") from None


def checked_time(time: str | None) -> str | None:
    """``time`` unchanged when it is a period ``period`` reads (a pydantic validator)."""
    if time is not None:
        period(time)
    return time
