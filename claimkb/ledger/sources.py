"""Load ``sources.yaml`` into ``Source`` records, with errors that name file and line.

The listing says which files of ``sources/`` the build reads and publishes, so it is the
gate between the project and the rest of the machine. Each entry's ``file``, ``original``
and ``cues`` are names in ``sources/`` (the model refuses paths), and here, where the
folder is known, each is checked on disk: a symlink must resolve inside ``sources/``, and
the file must exist and be a regular file (a folder or a FIFO is refused before anything
opens it). Ids and files are unique: a second entry with a listed id or file is an error
naming both lines. Every error names ``sources/sources.yaml:<line of the entry>``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from claimkb.core.models import Source
from claimkb.core.project import (
    check_inside_project,
    is_slug,
    read_project_yaml,
    shown,
    validate_in_project,
)
from claimkb.core.yamlio import LINE, LedgerError

__all__ = ["LedgerError", "load_sources", "source_for"]

FILE_FIELDS = ("file", "original", "cues")
"""The fields of an entry that name files in ``sources/``."""


def load_sources(path: Path, check_files: bool = True) -> list[Source]:
    """Every source listed in a ``sources.yaml``. With ``check_files`` (the default),
    every file an entry names must be a regular file inside the folder of ``path``;
    ``claimkb add`` reads a new listing back before its files are in place, without."""
    entries = read_project_yaml(path)
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise LedgerError(f"{shown(path)}:1: expected a list of sources")
    sources: list[Source] = []
    first_id: dict[str, int] = {}
    first_file: dict[str, int] = {}
    for entry in entries:
        source = validate_in_project(path, entry, Source)
        line = _line(entry)
        if source.id in first_id:
            raise LedgerError(
                f"{shown(path)}:{line}: duplicate source id {source.id!r} "
                f"(first at line {first_id[source.id]})"
            )
        first_id[source.id] = line
        for name in _names(source):
            if name in first_file:
                raise LedgerError(
                    f"{shown(path)}:{line}: duplicate file {name!r} "
                    f"(first at line {first_file[name]})"
                )
        first_file.update(dict.fromkeys(_names(source), line))
        sources.append(source)
    if check_files:
        check_inside_project(path.parent)
        for entry, source in zip(entries, sources, strict=True):
            _check_files(path, _line(entry), source)
    return sources


def _line(entry: Any) -> int:
    return int(entry.get(LINE, 1)) if isinstance(entry, dict) else 1


def _names(source: Source) -> set[str]:
    """The file names one entry claims (its text may also be its original)."""
    return {name for name in (source.file, source.original, source.cues) if name}


def _check_files(path: Path, line: int, source: Source) -> None:
    """Each file the entry names is a regular file whose real place is in ``sources/``."""
    folder = path.parent
    real_folder = folder.resolve()
    for field in FILE_FIELDS:
        name = getattr(source, field)
        if name is None:
            continue
        where = f"{shown(path)}:{line}: {field}: {name!r}"
        candidate = folder / name
        try:
            real = candidate.resolve()
        except (OSError, RuntimeError):
            raise LedgerError(f"{where} cannot be resolved (a symlink loop?); not read") from None
        if not real.is_relative_to(real_folder):
            raise LedgerError(f"{where} is a symlink that leads outside sources/; not read")
        if candidate.is_dir():
            raise LedgerError(f"{where} is a folder, not a file")
        if not candidate.exists():
            raise LedgerError(f"{where}: no such file in sources/")
        if not candidate.is_file():
            raise LedgerError(f"{where} is not a regular file (a FIFO or device?); not read")


_NOT_SLUG = re.compile(r"[^a-z0-9._-]+")


def source_for(path: Path) -> Source:
    """The metadata of the document at ``path``: its entry in the ``sources.yaml`` beside
    it, else a bare record whose language is detected from the text and whose id is the
    file's name made a slug (``document`` when nothing is left of it)."""
    listing = path.parent / "sources.yaml"
    if listing.exists():
        for source in load_sources(listing, check_files=False):
            if source.file == path.name:
                return source
    stem = path.name[:-4] if path.name.endswith(".txt") else path.name
    if not is_slug(stem):
        stem = _NOT_SLUG.sub("-", stem.lower())[:80].strip("._-") or "document"
    return Source(id=stem, file=path.name)
