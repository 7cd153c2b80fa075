"""HTML pages to article text, with trafilatura.

A news page is mostly not the article: navigation, share counters ("Teilen 1.234"), cookie
banners, related links and footers hold numbers too, and each would become a false claim.
trafilatura (maintained, used to build many research corpora, and among the best open
extractors in published comparisons) finds the main text and also reads the page's
title, author and date from its metadata (``<meta>``, JSON-LD, Open Graph), which a small
hand-written extractor would get wrong on most real pages.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from claimkb.ingest.errors import IngestError
from claimkb.ingest.plaintext import normalise, require_text


@dataclass(frozen=True)
class Article:
    """The main text of a page and the metadata the page gives."""

    text: str
    title: str | None
    author: str | None
    published: dt.date | None


def article(html: str, name: str, url: str | None = None) -> Article:
    """The article in ``html`` without navigation, share counters and footers.

    trafilatura (with lxml, htmldate and dateparser) is imported here, not with the module:
    it adds a tenth of a second to the start of every ``claimkb`` command otherwise."""
    import trafilatura

    for logger in ("trafilatura", "htmldate"):  # warnings about odd markup are noise here
        logging.getLogger(logger).setLevel(logging.ERROR)
    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(found, "text", None) if found is not None else None
    if not text:
        raise IngestError(f"{name}: no article text found in the page")
    return Article(
        text=require_text(normalise(text).rstrip("\n") + "\n", name),
        title=_field(found, "title"),
        author=_field(found, "author"),
        published=_date(_field(found, "date")),
    )


def _field(found: object, name: str) -> str | None:
    value = getattr(found, name, None)
    return value.strip() or None if isinstance(value, str) else None


def _date(value: str | None) -> dt.date | None:
    """The page's date, if it is a calendar date (``2026-11-30``, or the start of a
    timestamp)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
