"""Source ids: safe file names, unique in the project.

An id becomes file names in ``sources/`` (``<id>.txt``, ``<id>.orig.html``), so it must
never be a path: it has to pass ``is_slug`` (lower-case letters, digits, ``.``, ``-``,
``_``; no ``/``, no leading dot, at most 80 characters). An id the user gives is checked and
refused if taken; an id made from a file name, URL or title is cut to a slug (German
umlauts and Cyrillic spelt in Latin letters) and numbered (``-2``, ``-3``) if taken.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from claimkb.core.project import is_slug
from claimkb.ingest.errors import IngestError

FALLBACK = "document"
_LATIN = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "-",
            "y",
            "-",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
_CYRILLIC |= {"ъ": "", "ь": ""}
_NOT_SLUG = re.compile(r"[^a-z0-9._-]+")
_RUNS = re.compile(r"([._-])[._-]+")
MAX_LENGTH = 72
"""Length of a made id before a number is added (a slug may have 80 characters)."""


def slugify(text: str) -> str:
    """``text`` as an id: lower case, spelt in Latin letters, other characters as ``-``
    (empty when nothing is left)."""
    text = "".join(_LATIN.get(c, _CYRILLIC.get(c, c)) for c in text.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _RUNS.sub(r"\1", _NOT_SLUG.sub("-", text))[:MAX_LENGTH]
    return slug.strip("._-")


def check_id(source_id: str, taken: Callable[[str], str | None]) -> str:
    """``source_id`` as given by ``--id``, or a one-line error: not a slug, or taken."""
    if not is_slug(source_id):
        raise IngestError(
            f"--id {source_id!r}: not a valid source id (lower-case letters, digits, '.', '-', "
            "'_', starting and ending with a letter or digit, at most 80; never a path)"
        )
    reason = taken(source_id)
    if reason:
        raise IngestError(f"--id {source_id!r}: {reason}")
    return source_id


def make_id(candidates: Iterable[str | None], taken: Callable[[str], str | None]) -> str:
    """The first candidate that slugifies to something, numbered until it is free."""
    base = next((s for s in (slugify(c or "") for c in candidates) if s), FALLBACK)
    if not is_slug(base):  # pragma: no cover - slugify only makes slugs
        base = FALLBACK
    if not taken(base):
        return base
    for number in range(2, 10_000):
        numbered = f"{base}-{number}"
        if not taken(numbered):
            return numbered
    raise IngestError(f"{base}: no free id with this name")  # pragma: no cover
