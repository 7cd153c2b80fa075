"""Shared HTML pieces of the generated pages: tables, definition lists, quotes with the claim
marked, intervals as text. Everything from a source passes through ``esc``.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from claimkb.core.models import Claim
from claimkb.derive.records import IntervalRecord
from claimkb.pages.common import (
    esc,
    number_text,
)
from claimkb.pages.english import day_text


def interval_text(part: IntervalRecord) -> str:
    """A result or compared interval from a derivation record."""
    value, low, high = part.value, part.low, part.high
    text = number_text(value) if value is not None else "–"
    if (low, high) != (value, value) and (low is not None or high is not None):
        text += f" [{number_text(low) or '…'}, {number_text(high) or '…'}]"
    return f"{text} {part.unit}".strip()


_TAG = re.compile(r"<[^>]*>")

QUOTE_CUT = "…"
"""The mark the extractor puts where it cut a quote out of a longer sentence."""


def highlighted_quote(claim: Claim, text: str) -> str:
    """The quote, escaped, with the claim's surface in ``<mark>``, in a ``<span>`` that names
    its language (``lang="de"``), so screen readers and hyphenation read it as German or
    Russian on an English page. The quote is located in the source so the right occurrence
    is marked when the same number appears twice."""
    return f'<span lang="{esc(claim.lang)}">{_marked_quote(claim, text)}</span>'


def _marked_quote(claim: Claim, text: str) -> str:
    quote, surface = claim.quote, claim.surface
    at = -1
    # A quote cut out of a long sentence is marked with "…" where it was cut.
    head = len(quote) - len(quote.lstrip(QUOTE_CUT))
    words = quote.strip(QUOTE_CUT)
    # The last occurrence that begins at or before the claim (it ends before this bound).
    begin = text.rfind(words, 0, claim.start + len(words)) if words else -1
    if begin >= 0 and begin + len(words) >= claim.end:
        at = head + claim.start - begin
    if at < 0 or quote[at : at + len(surface)] != surface:
        at = quote.find(surface)
    if at < 0:
        return f"{esc(quote)} <mark>{esc(surface)}</mark>"
    return esc(quote[:at]) + f"<mark>{esc(surface)}</mark>" + esc(quote[at + len(surface) :])


def table(
    headers: list[str],
    rows: list[list[str]],
    *,
    table_id: str = "",
    row_attrs: list[str] | None = None,
) -> list[str]:
    """An HTML table, sortable in the browser by clicking a header (``assets/claimkb.js``).
    Cells are already-escaped HTML; ``row_attrs`` are already-escaped attributes of each row
    (the filter reads them). Each cell carries its column's header as ``data-label``, which
    narrow screens show beside the cell when the rows become cards (``assets/claimkb.css``)."""
    ident = f' id="{esc(table_id)}"' if table_id else ""
    labels = [esc(html.unescape(_TAG.sub("", h))) for h in headers]
    lines = [
        f'<table class="sortable"{ident}>',
        "<thead><tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr></thead>",
        "<tbody>",
    ]
    attrs = row_attrs or [""] * len(rows)
    for row, attr in zip(rows, attrs, strict=True):
        cells = "".join(
            f'<td data-label="{label}">{c}</td>' for label, c in zip(labels, row, strict=True)
        )
        lines.append(f"<tr{' ' + attr if attr else ''}>{cells}</tr>")
    lines.append("</tbody></table>")
    return lines


def scrolling(lines: list[str]) -> list[str]:
    """A wide table in a box that scrolls sideways by itself (``assets/pages.css``), so
    that the page around it never does on a narrow screen."""
    return ['<div class="table-scroll">', *lines, "</div>"]


def definition_list(items: list[tuple[str, str]]) -> list[str]:
    """A definition list of label and already-escaped HTML value; empty values are left out."""
    return ["<dl>"] + [f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in items if v] + ["</dl>"]


def said_on(day: dt.date | None) -> str:
    """A day as a ``<time>`` element: ``5 Feb 2026`` to read, ISO for machines."""
    if day is None:
        return ""
    return f'<time datetime="{esc(day.isoformat())}">{esc(day_text(day))}</time>'
