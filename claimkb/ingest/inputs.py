"""Command-line arguments to converted ``Document`` records: a local file by its
extension, a URL by the media type the server sends.

Local paths are checked before they are read: a missing file, a folder, a symlink whose
target is outside the project, and an unknown extension are each a one-line error naming
the path. Reading never writes anything, so a bad document among several stops the whole
command before any file is stored.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from claimkb.ingest.document import Document
from claimkb.ingest.errors import IngestError
from claimkb.ingest.fetch import fetch, is_url
from claimkb.ingest.plaintext import decode, require_text
from claimkb.ingest.transcripts import Cue, read_srt, read_vtt, transcript
from claimkb.ingest.webpage import article

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest local document read."""
FORMATS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
FORMATS |= {".vtt": "vtt", ".srt": "srt"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
MEDIA_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/vtt": ".vtt",
    "application/x-subrip": ".srt",
    "text/srt": ".srt",
}


def load(argument: str, root: Path, known: tuple[str, ...]) -> Document:
    """The document named by ``argument`` (a path or an http(s) URL). ``root`` is the
    project folder; ``known`` the speaker names the user gave."""
    if "\x00" in argument:
        raise IngestError(f"{argument!r}: a NUL character in a path")
    if is_url(argument):
        return _from_url(argument, known)
    return _from_file(Path(argument), root, known)


def _from_file(path: Path, root: Path, known: tuple[str, ...]) -> Document:
    name = str(path)
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(root.resolve()):
            raise IngestError(f"{name}: a symlink to {target}, outside the project; not added")
    if not path.exists():
        raise IngestError(f"{name}: no such file")
    if path.is_dir():
        raise IngestError(f"{name}: is a directory, not a document")
    if not path.is_file():
        raise IngestError(f"{name}: not a regular file")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        known_suffixes = ", ".join(sorted(FORMATS))
        raise IngestError(f"{name}: unknown kind of document (give one of {known_suffixes})")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise IngestError(f"{name}: larger than {MAX_FILE_BYTES:,} bytes; not added")
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{name}: cannot be read ({error.strerror})") from None
    return convert(data, suffix, name, path.stem, known)


def _from_url(url: str, known: tuple[str, ...]) -> Document:
    fetched = fetch(url)
    suffix = MEDIA_TYPES.get(fetched.media_type)
    if suffix is None:
        raise IngestError(f"{url}: content type {fetched.media_type!r} is not a document")
    charset = fetched.charset or (_meta_charset(fetched.data) if suffix == ".html" else None)
    document = convert(fetched.data, suffix, url, _url_stem(fetched.url), known, charset or "utf-8")
    return replace(document, url=url, retrieved=fetched.retrieved)


def convert(
    data: bytes, suffix: str, name: str, stem: str, known: tuple[str, ...], charset: str = "utf-8"
) -> Document:
    """``data`` in the format of ``suffix`` as a ``Document``."""
    text = decode(data, name, charset)
    form = FORMATS[suffix]
    if form == "html":
        page = article(text, name)
        return Document(
            name,
            page.text,
            data,
            suffix,
            stem=stem,
            title=page.title,
            author=page.author,
            published=page.published,
            kind="web-page",
        )
    if form in ("vtt", "srt"):
        cues: list[Cue] = read_vtt(text, name) if form == "vtt" else read_srt(text, name)
        turns = transcript(cues, known, name)
        return Document(
            name,
            turns.text,
            data,
            suffix,
            stem=stem,
            kind="transcript",
            voices=turns.voices,
            cue_times=turns.lines,
        )
    return Document(name, require_text(text, name), data, suffix, stem=stem)


def _meta_charset(data: bytes) -> str | None:
    """The character set a page declares in its ``<meta>`` (the HTTP header did not say):
    pages in windows-1251 or ISO-8859-1 are still common on Russian and German sites."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def _url_stem(url: str) -> str:
    """The last part of a URL's path without its extension ("" for the site's root)."""
    path = PurePosixPath(unquote(urlsplit(url).path))
    stem = path.stem if path.name else ""
    return "" if stem.lower() in ("", "index", "default") else stem
