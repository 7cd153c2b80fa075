"""What every format is turned into before anything is written: the text the extractor
reads, the original bytes, and what the document itself says about its metadata.

Keeping this one record between reading and writing is what lets ``claimkb add`` check
everything first and write nothing when one document of several is unusable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One document, converted, not yet stored."""

    name: str
    """The file or URL it came from, for messages."""
    text: str
    """The text the extractor reads: LF line ends, no BOM; claim offsets refer to it."""
    original: bytes
    """The bytes as they came in."""
    suffix: str
    """The original's extension with its dot (``.html``, ``.vtt``)."""
    stem: str = ""
    """What the id is made from when ``--id`` is not given (file stem, URL path)."""
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None
    retrieved: dt.datetime | None = None
    kind: str | None = None
    voices: tuple[str, ...] = ()
    """Speakers named in a transcript, in order of first appearance."""
    cue_times: tuple[tuple[int, int, str], ...] = field(default=())
    """Transcripts: (start, end, time) of each line of ``text``."""
