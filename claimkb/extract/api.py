"""The extractor's public entry points."""

from __future__ import annotations

from claimkb.extract.mention import Mention
from claimkb.extract.pipeline import extract_document, extract_file, scanner


def find_quantities(text: str, lang: str) -> list[Mention]:
    """Every quantity and date in ``text`` (a ``str``), in text order, page chrome left out.

    Relative dates ("next year") need a reference date and are left out here; use
    ``extract_document`` with a ``Source`` for them.
    """
    return scanner(lang).scan(text)


__all__ = ["Mention", "extract_document", "extract_file", "find_quantities"]
