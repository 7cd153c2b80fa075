"""Bytes to text: strict UTF-8, the BOM dropped, CRLF and CR made LF.

Claim offsets are ``str`` indices into the stored ``.txt``, and the build reads that file
in universal-newline mode; normalising line ends here makes the offsets the same however
the file is read later. A document that is not UTF-8 is refused rather than guessed.
"""

from __future__ import annotations

from claimkb.ingest.errors import IngestError

BOM = "\ufeff"
WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
"""Byte order marks of the wide encodings (UTF-32 first: its little-endian mark starts
with UTF-16's); a file that starts with one is named for what it is, not called binary."""


def decode(data: bytes, name: str, charset: str = "utf-8") -> str:
    """``data`` as text with LF line ends; a one-line error naming ``name`` otherwise."""
    if not data:
        raise IngestError(f"{name}: empty file")
    wide = next((label for bom, label in WIDE_BOMS if data.startswith(bom)), None)
    if wide:
        raise IngestError(f"{name}: {wide} text; save it as UTF-8 and add it again")
    if b"\x00" in data:
        raise IngestError(f"{name}: binary file (NUL byte at byte {data.index(0)})")
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError) as error:
        if isinstance(error, LookupError):
            raise IngestError(f"{name}: unknown character set {charset!r}") from None
        line = data[: error.start].count(b"\n") + 1
        raise IngestError(
            f"{name}:{line}: not {charset} text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start})"
        ) from None
    return normalise(text)


def normalise(text: str) -> str:
    """``text`` without a leading BOM and with every CRLF or CR made LF."""
    text = text.removeprefix(BOM)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def require_text(text: str, name: str) -> str:
    """``text`` if it holds a visible character; an error naming ``name`` otherwise."""
    if not text.strip():
        raise IngestError(f"{name}: no text in it")
    return text
