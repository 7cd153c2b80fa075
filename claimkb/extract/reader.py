"""Read documents safely: clear errors for unusable input, and big files in pieces.

A missing file, a binary file, bytes that are not UTF-8 and an empty file each raise
``InputError`` naming the file (and the line, where there is one). Text is handed out in
chunks that end at a line break, so memory stays flat however long the file is.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from claimkb.core.errors import ClaimkbError

BLOCK = 1 << 20
CHUNK_CHARS = 1 << 16


class InputError(ClaimkbError):
    """Input that cannot be read as a document; ``str()`` is the message for the user."""


def check_document(path: Path) -> None:
    """Read ``path`` once, without keeping it, and raise ``InputError`` if it is unusable."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a document")
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, total = 1, 0
    try:
        with path.open("rb") as handle:
            while block := handle.read(BLOCK):
                if b"\x00" in block:
                    raise InputError(
                        f"{path}: binary file (NUL byte at byte {total + block.index(0)})"
                    )
                try:
                    decoder.decode(block)
                except UnicodeDecodeError as error:
                    bad = total + error.start
                    line += block[: error.start].count(b"\n")
                    byte = block[error.start]
                    raise InputError(
                        f"{path}:{line}: not UTF-8 text (byte 0x{byte:02x} at offset {bad})"
                    ) from None
                line += block.count(b"\n")
                total += len(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(
            f"{path}:{line}: not UTF-8 text (truncated character at the end)"
        ) from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    if total == 0:
        raise InputError(f"{path}: empty file")


def read_chunks(path: Path, chunk_chars: int = CHUNK_CHARS) -> Iterator[str]:
    """The text of ``path`` in pieces of about ``chunk_chars`` characters, each ending at a
    line break (or the end of the file). Call ``check_document`` first."""
    pending = ""
    with path.open("r", encoding="utf-8", newline="") as handle:
        while block := handle.read(chunk_chars):
            pending += block
            cut = pending.rfind("\n")
            if cut < 0 or len(pending) < chunk_chars:
                continue
            yield pending[: cut + 1]
            pending = pending[cut + 1 :]
    if pending:
        yield pending


def split_chunks(text: str, chunk_chars: int = CHUNK_CHARS) -> Iterator[str]:
    """``text`` in the same pieces ``read_chunks`` hands out for a file that holds it, so
    that a document extracted from memory gives what it gives streamed from a file, and
    the work on one long string is done piece by piece (the live objects of one piece at
    a time, not of the whole text, for the garbage collector to walk)."""
    start = read = 0
    while read < len(text):
        read = min(read + chunk_chars, len(text))  # one block of ``read_chunks``
        cut = text.rfind("\n", start, read)
        if cut < 0 or read - start < chunk_chars:
            continue
        yield text[start : cut + 1]
        start = cut + 1
    if start < len(text):
        yield text[start:]
