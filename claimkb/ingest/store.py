"""Writing a batch of new files into ``sources/`` all or nothing.

Every file is first written in full under a temporary name in the same folder (so the
final rename stays on one file system and is atomic). New files are then linked to their
final names, which fails instead of overwriting if a name was taken meanwhile; the
listing (``sources.yaml``) is replaced last, in one rename. Any failure removes what was
written, so an interrupted or refused ``claimkb add`` leaves the project as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from claimkb.core.project import shown
from claimkb.ingest.errors import IngestError

FILE_MODE = 0o644
"""Stored documents are ordinary project files (``mkstemp`` alone would make them 0600)."""


class Batch:
    """New files and one replaced file, written together or not at all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._new: list[tuple[Path, Path]] = []
        self._replaced: tuple[Path, Path] | None = None
        self._placed: list[Path] = []

    def _temporary(self, data: bytes) -> Path:
        handle, name = tempfile.mkstemp(dir=self.folder, prefix=".claimkb-add-", suffix=".tmp")
        os.chmod(name, FILE_MODE)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        return Path(name)

    def add(self, name: str, data: bytes) -> Path:
        """Stage a new file ``folder/name``; returns the temporary file (for checks)."""
        temporary = self._temporary(data)
        self._new.append((temporary, self.folder / name))
        return temporary

    def replace(self, name: str, data: bytes) -> Path:
        """Stage the new content of ``folder/name``; returns the temporary file."""
        temporary = self._temporary(data)
        self._replaced = (temporary, self.folder / name)
        return temporary

    def commit(self) -> None:
        """Put every staged file in place; on failure, undo and raise ``IngestError``."""
        try:
            for temporary, final in self._new:
                try:
                    os.link(temporary, final)
                except FileExistsError:
                    raise IngestError(
                        f"{shown(final)}: exists already; nothing was added"
                    ) from None
                except OSError:  # a file system without hard links
                    if final.exists():
                        raise IngestError(
                            f"{shown(final)}: exists already; nothing was added"
                        ) from None
                    os.replace(temporary, final)
                self._placed.append(final)
            if self._replaced is not None:
                os.replace(*self._replaced)
                self._replaced = None
        except BaseException:
            self.rollback()
            raise
        self._discard()

    def rollback(self) -> None:
        """Remove every file this batch placed or staged."""
        for final in self._placed:
            with contextlib.suppress(FileNotFoundError):
                final.unlink()
        self._placed.clear()
        self._discard()

    def _discard(self) -> None:
        for temporary, _ in self._new:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
        if self._replaced is not None:
            with contextlib.suppress(FileNotFoundError):
                self._replaced[0].unlink()
            self._replaced = None
        self._new.clear()
