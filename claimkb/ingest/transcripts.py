"""WebVTT and SubRip transcripts to turns: one text line per cue, "Name: " in front where
the speaker is known, and the cue's start time kept for every line.

The parsing is left to ``webvtt-py`` and ``srt``: both are small, maintained, typed (or
one plain module) and follow the formats' specifications, including what real files get
wrong (cue settings, NOTE and STYLE blocks, numbered cue ids, blank lines inside a
SubRip cue, ``,`` versus ``.`` in times). ``webvtt-py`` also reads ``<v Name>`` voice
tags, which is the one part a hand-written parser would most likely get wrong
(``<v.loud Name>``, a voice tag without its end tag). What is left here is the speaker
rule: a voice tag, else a ``NAME:`` label at the start of the cue.

The text keeps a line per cue rather than joining a speaker's cues, so that each claim's
line has exactly one start time. A line without a label continues the current turn, as in
any interview text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import srt
import webvtt
import webvtt.errors

from claimkb.ingest.errors import IngestError

_TAG = re.compile(r"<[^>\n]*>")
_WORD = r"[^\W\d_][\w.'’-]*"
_LABEL = re.compile(rf"^[ \t]*(?:-[ \t]*)?(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})[ \t]*:[ \t]+")
_VTT_SHORT = re.compile(r"^\d{2}:\d{2}\.\d{3}$")


@dataclass(frozen=True)
class Cue:
    """One cue: when it starts, who speaks (if known) and what is said, on one line."""

    time: str
    voice: str | None
    text: str


@dataclass(frozen=True)
class Transcript:
    """The text the extractor reads, the (start, end, time) of each of its lines, and the
    speakers in order of first appearance."""

    text: str
    lines: tuple[tuple[int, int, str], ...]
    voices: tuple[str, ...]


def read_vtt(text: str, name: str) -> list[Cue]:
    """The cues of a WebVTT file (``<v Name>`` voice tags give the speaker)."""
    try:
        captions = webvtt.from_string(text)
    except (webvtt.errors.MalformedFileError, ValueError, IndexError) as error:
        raise IngestError(f"{name}: not a WebVTT file ({_first_line(error)})") from None
    cues = []
    for caption in captions.captions:
        time = caption.start if not _VTT_SHORT.match(caption.start) else "00:" + caption.start
        voice = caption.voice.strip() if caption.voice else None
        cues.append(Cue(time, voice or None, _one_line(html.unescape(caption.text))))
    return cues


def read_srt(text: str, name: str) -> list[Cue]:
    """The cues of a SubRip file (formatting tags such as ``<i>`` dropped)."""
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as error:
        raise IngestError(f"{name}: not a SubRip file ({_first_line(error)})") from None
    return [
        Cue(_clock(sub.start), None, _one_line(html.unescape(_TAG.sub("", sub.content))))
        for sub in subtitles
    ]


def transcript(cues: Iterable[Cue], known: Sequence[str], name: str) -> Transcript:
    """The turns of ``cues``. ``known`` are the names the user gave (``--speaker``,
    ``--interviewer``): a label or voice that matches one in any letter case is written as
    given, so "ANNA WEBER:" becomes "Anna Weber: "."""
    by_folded = {person.casefold(): person for person in known}
    lines: list[str] = []
    spans: list[tuple[int, int, str]] = []
    voices: list[str] = []
    offset = 0
    for cue in cues:
        said, voice = cue.text, cue.voice
        if voice is None:
            label = _LABEL.match(said)
            if label and _is_name(label["name"], by_folded):
                voice, said = label["name"], said[label.end() :]
        if voice is not None:
            voice = by_folded.get(voice.casefold(), _tidy(voice))
            if voice not in voices:
                voices.append(voice)
        if not said.strip():
            continue
        line = f"{voice}: {said}" if voice else said
        spans.append((offset, offset + len(line) + 1, cue.time))
        lines.append(line)
        offset += len(line) + 1
    if not lines:
        raise IngestError(f"{name}: no cue with text in it")
    return Transcript("".join(line + "\n" for line in lines), tuple(spans), tuple(voices))


def _is_name(label: str, known: dict[str, str]) -> bool:
    """Whether a ``Label:`` at the start of a cue names a speaker: a name the user gave, a
    label in capitals ("ANNA WEBER:", the SubRip convention), or two to four capitalised
    words ("Anna Weber:"). One capitalised word ("Note:", "Fazit:") is text, not a turn."""
    if label.casefold() in known:
        return True
    letters = [c for c in label if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    words = label.split()
    return len(words) >= 2 and all(word[0].isupper() for word in words)


def _tidy(voice: str) -> str:
    """A voice name as a person's name: "ANNA WEBER" becomes "Anna Weber"."""
    voice = " ".join(voice.split())
    return voice.title() if voice.isupper() else voice


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _clock(time: dt.timedelta) -> str:
    """``HH:MM:SS.mmm`` for a cue start."""
    millis = round(time.total_seconds() * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
