"""Load ``sources.yaml`` into ``Source`` records, with errors that name file and line."""

from __future__ import annotations

from pathlib import Path

from claimkb.core.models import Source
from claimkb.core.yamlio import LedgerError, read_yaml, validate

__all__ = ["LedgerError", "load_sources", "source_for"]


def load_sources(path: Path) -> list[Source]:
    """Every source listed in a ``sources.yaml``."""
    entries = read_yaml(path)
    if not isinstance(entries, list):
        raise LedgerError(f"{path}:1: expected a list of sources")
    return [validate(path, entry, Source) for entry in entries]


def source_for(path: Path) -> Source:
    """The metadata of the document at ``path``: its entry in the ``sources.yaml`` beside
    it, else a bare record whose language is detected from the text."""
    listing = path.parent / "sources.yaml"
    if listing.exists():
        for source in load_sources(listing):
            if source.file == path.name:
                return source
    stem = path.name[:-4] if path.name.endswith(".txt") else path.name
    return Source(id=stem, file=path.name)
