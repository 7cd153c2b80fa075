"""The extractor's public entry points."""

from __future__ import annotations

from collections.abc import Iterable

from claimkb.extract.mention import Mention
from claimkb.extract.pipeline import extract_document, extract_file, scanner


def find_quantities(text: str, lang: str, product_names: Iterable[str] = ()) -> list[Mention]:
    """Every quantity and date in ``text`` (a ``str``), in text order, page chrome left out.
    A number after one of ``product_names`` ("Grok 5") is part of the name, not a quantity.

    Relative dates ("next year") need a reference date and are left out here; use
    ``extract_document`` with a ``Source`` for them.
    """
    return scanner(lang, tuple(sorted(set(product_names)))).scan(text)


__all__ = ["Mention", "extract_document", "extract_file", "find_quantities"]
