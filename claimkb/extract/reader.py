"""Read documents safely: clear errors for unusable input, one way of decoding, and big
files in pieces.

Every reader of a source's text goes through this module — the extractor (``read_chunks``)
and everything that shows or checks a claim against its source (``read_text``) — so that a
claim's offsets index the same string everywhere.

What is refused, each as an ``InputError`` naming the file (and the line, where there is
one): a missing file, a folder, anything that is not a regular file (a FIFO, a device, a
socket: checked with ``stat`` before opening and with ``fstat`` on a descriptor opened
without blocking, so a FIFO cannot make a build hang), an empty file, a binary file (a NUL
byte), UTF-16 or UTF-32 text (with or without a byte order mark), and bytes that are not
UTF-8 (Latin-1, Windows-1252); a file that cannot be read names the system's reason.

How text is decoded — the decision behind "offsets index the text as stored":

- the bytes are decoded as UTF-8 and nothing else is done to them: no newline translation
  (``newline=""``), so ``\\r\\n`` is two characters and a lone ``\\r`` one, exactly as
  in the file;
- a UTF-8 byte order mark is kept as character 0 (U+FEFF), not stripped: the text is the
  file decoded as UTF-8, so ``open(path, encoding="utf-8", newline="").read()[start:end]``
  is a claim's surface for any tool, and a claim in a file with a mark has its offsets one
  greater than in the same file without.

Line numbers in messages count ``\\n``, ``\\r\\n`` and a lone ``\\r`` each as one line end,
as ``str.splitlines`` does. Text is handed out in chunks that end at a line break (any of
the three), so memory stays flat however long the file is.
"""

from __future__ import annotations

import codecs
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from claimkb.core.errors import ClaimkbError

BLOCK = 1 << 20
CHUNK_CHARS = 1 << 16
_SNIFF = 4096
"""How many bytes of a file are looked at to name a UTF-16 or UTF-32 encoding."""
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32 text (little-endian, with a byte order mark)"),
    (codecs.BOM_UTF32_BE, "UTF-32 text (big-endian, with a byte order mark)"),
    (codecs.BOM_UTF16_LE, "UTF-16 text (little-endian, with a byte order mark)"),
    (codecs.BOM_UTF16_BE, "UTF-16 text (big-endian, with a byte order mark)"),
)
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class InputError(ClaimkbError):
    """Input that cannot be read as a document; ``str()`` is the message for the user:
    ``<shown>[:<line>]: <problem>``. ``shown`` is how the file is named (the path as given,
    or as its project names it: ``renamed``)."""

    def __init__(self, shown: str, problem: str, line: int | None = None) -> None:
        self.shown, self.problem, self.line = shown, problem, line
        where = shown if line is None else f"{shown}:{line}"
        super().__init__(f"{where}: {problem}")

    def renamed(self, shown: str) -> InputError:
        """The same error with the file named ``shown``."""
        return InputError(shown, self.problem, self.line)


def _open_regular(path: Path) -> IO[bytes]:
    """``path`` opened for reading in binary, refused unless it is a regular file. ``stat``
    first (opening a device can have effects), then ``fstat`` on a descriptor opened with
    ``O_NONBLOCK`` (opening a FIFO would otherwise wait for a writer): a file swapped for a
    FIFO between the two looks is still refused, and nothing ever blocks."""
    shown = str(path)
    try:
        _refuse_irregular(shown, os.stat(path))
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory, not a document") from None
    except OSError as error:
        raise InputError(shown, f"cannot be read ({error.strerror})") from None
    try:
        _refuse_irregular(shown, os.fstat(fd))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _refuse_irregular(shown: str, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputError(shown, "is a directory, not a document")
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "a special file")
        raise InputError(shown, f"{kind}, not a regular file")


def _wide_encoding(head: bytes) -> str | None:
    """The name of a UTF-16 or UTF-32 encoding ``head`` (a file's first bytes) is in, if
    it looks like one: a byte order mark, or (without one) NUL bytes in every second byte
    of text that is otherwise ASCII."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    sample = head[: len(head) // 4 * 4]
    if len(sample) < 4:
        return None
    units = [sample[i : i + 4] for i in range(0, len(sample), 4)]
    if all(u[1:] == b"\0\0\0" for u in units) or all(u[:3] == b"\0\0\0" for u in units):
        endian = "little" if units[0][0] else "big"
        return f"UTF-32 text ({endian}-endian, without a byte order mark)"
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) == len(odd) and 0 not in even:
        return "UTF-16 text (little-endian, without a byte order mark)"
    if even.count(0) == len(even) and 0 not in odd:
        return "UTF-16 text (big-endian, without a byte order mark)"
    return None


def _line_ends(block: bytes, after_cr: bool) -> int:
    """How many lines end in ``block``, counting ``\\r\\n`` once even when a block ends
    between the two bytes (``after_cr``: the previous block ended with ``\\r``)."""
    ends = block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
    if after_cr and block.startswith(b"\n"):
        ends -= 1
    return ends


def check_document(path: Path) -> None:
    """Read ``path`` once, without keeping it, and raise ``InputError`` if it is unusable."""
    shown = str(path)
    decoder = codecs.getincrementaldecoder("utf-8")()
    line, total, after_cr = 1, 0, False
    try:
        with _open_regular(path) as handle:
            while block := handle.read(BLOCK):
                if total == 0 and (wide := _wide_encoding(block[:_SNIFF])):
                    raise InputError(shown, f"{wide}, not UTF-8; save it as UTF-8")
                if b"\x00" in block:
                    at = total + block.index(0)
                    raise InputError(shown, f"binary file (NUL byte at byte {at})")
                try:
                    decoder.decode(block)
                except UnicodeDecodeError as error:
                    line += _line_ends(block[: error.start], after_cr)
                    byte, bad = block[error.start], total + error.start
                    raise InputError(
                        shown, f"not UTF-8 text (byte 0x{byte:02x} at offset {bad})", line
                    ) from None
                line += _line_ends(block, after_cr)
                after_cr = block.endswith(b"\r")
                total += len(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(shown, "not UTF-8 text (truncated character at the end)", line) from None
    except InputError:
        raise
    except OSError as error:
        raise InputError(shown, f"cannot be read ({error.strerror})") from None
    if total == 0:
        raise InputError(shown, "empty file")


def read_text(path: Path) -> str:
    """The whole text of a document, checked and decoded as described above: the string
    every claim's offsets index."""
    check_document(path)
    return "".join(read_chunks(path))


def _last_break(text: str, start: int, end: int) -> int:
    """The index of the last complete line break in ``text[start:end]``, or -1. A ``\\r``
    in the last place does not count: a ``\\n`` after it may still come, and the two are
    one line break that must not be cut apart."""
    return max(text.rfind("\n", start, end), text.rfind("\r", start, end - 1))


def read_chunks(path: Path, chunk_chars: int = CHUNK_CHARS) -> Iterator[str]:
    """The text of ``path`` in pieces of about ``chunk_chars`` characters, each ending at a
    line break (or the end of the file). Call ``check_document`` first."""
    pending = ""
    with io.TextIOWrapper(_open_regular(path), encoding="utf-8", newline="") as handle:
        while block := handle.read(chunk_chars):
            pending += block
            cut = _last_break(pending, 0, len(pending))
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
        cut = _last_break(text, start, read)
        if cut < 0 or read - start < chunk_chars:
            continue
        yield text[start : cut + 1]
        start = cut + 1
    if start < len(text):
        yield text[start:]
