"""Who made a claim: a turn label, a quotation, a cue of reported speech, else the author.

The rules, in order, are documented on the extraction page. They need the source's
metadata (who was interviewed, who asked) and the people table of name forms, so that
"Musk:", "по словам Маска" and "Elons" all resolve to "Elon Musk". The people table belongs to
the project (its ``claims/people.yaml``) and reaches the resolver as part of a
``Vocabulary``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from claimkb.core.models import Source, Vocabulary
from claimkb.extract.grammar import alternation
from claimkb.extract.person_names import NameBook
from claimkb.extract.reported import ReportedSpeech
from claimkb.extract.tables import tables
from claimkb.extract.turns import TurnReader

UNKNOWN_AUTHOR = "unknown author"
_QUOTE_PAIRS = {"„": "“", "«": "»", "“": "”", '"': '"', "‚": "‘"}


def _aliases(names: list[str], vocabulary: Vocabulary) -> dict[str, str]:
    """Alias → full name for the given people (unknown people map to themselves)."""
    result: dict[str, str] = {}
    for name in names:
        for alias in [name, *vocabulary.aliases(name)]:
            result[alias] = name
    return result


class LineContext(NamedTuple):
    """What a line inherits: the turn it is in, and whether a list cue covers it."""

    offset: int
    turn: str | None
    listed: bool


def _is_heading_line(line: str) -> bool:
    """A heading or decoration line (\"✅ Chip: ...\", \"Abschnitt 2 | ...\")."""
    return (
        not (line[0].isalnum() or line[0] in _QUOTE_PAIRS or line[0] in "->(") or "|" in line[:40]
    )


@dataclass
class SpeakerResolver:
    """Attributes offsets of one document to speakers; keeps the current turn across
    chunks so that a long document can be read in pieces."""

    source: Source
    lang: str
    vocabulary: Vocabulary = field(default_factory=Vocabulary)

    def __post_init__(self) -> None:
        interview = self.source.covers_interview
        speakers = interview.speakers if interview else []
        asking = interview.interviewers if interview else []
        self.interviewee = speakers[0] if speakers else None
        self.author = self.source.author or UNKNOWN_AUTHOR
        speech = tables(self.lang).speech
        self.book = NameBook(self.lang)
        self.book.add_all([*speakers, *asking], self.vocabulary)
        self.turns = TurnReader(self.source, speech, self.book)
        self.reported = ReportedSpeech(self.lang)
        cues = list(speech.cues)
        self._verbs = re.compile(
            rf"(?<!\w)(?:{alternation(cues, ignore_case=True)})(?!\w)", re.IGNORECASE
        )
        if self.interviewee:
            cues += [re.escape(a) for a in _aliases([self.interviewee], self.vocabulary)]
        self._cues = re.compile(
            rf"(?<!\w)(?:{alternation(cues, ignore_case=True)})(?!\w)", re.IGNORECASE
        )
        self._cued = ("", False)

    @property
    def turn(self) -> str | None:
        """The turn the last line read is in."""
        return self.turns.turn

    def lines(self, text: str) -> list[LineContext]:
        """The context of every line: the speaker turn it belongs to, and whether it is an
        item of a list introduced by reported speech ("Er hat ... hingewiesen:"). Also reads
        the people the chunk names, for the reported-speech rules."""
        self.reported.reset(text, self.book.mentions(text))
        raw = text.splitlines(keepends=True)
        turns = self.turns.turns(raw)
        contexts: list[LineContext] = []
        offset, inherit, after_colon = 0, False, False
        for line, turn in zip(raw, turns, strict=True):
            stripped = line.strip()
            if not stripped or _is_heading_line(stripped):
                inherit = False
            elif after_colon and stripped[0] in _QUOTE_PAIRS:
                inherit = False
                contexts.append(LineContext(offset, turn, False))
                offset += len(line)
                after_colon = False
                continue
            contexts.append(LineContext(offset, turn, inherit))
            after_colon = stripped.endswith(":")
            if after_colon:
                inherit = bool(self._verbs.search(stripped))
            offset += len(line)
        return contexts or [LineContext(0, self.turn, False)]

    def speaker(
        self,
        line: LineContext,
        sentence: str,
        in_quote: bool,
        where: Where | None = None,
    ) -> str:
        """The speaker of a claim, given its line's context, its sentence, whether it is
        quoted, and where it stands in the chunk last given to ``lines`` (paragraph,
        sentence, claim offsets): a turn, else the person a quotation or the sentence
        reports, else the interviewee where a cue says so, else the author."""
        if line.turn:
            return line.turn
        if where is not None:
            _, who = self.reported.quoted(where.p_start, where.p_end, where.at)
            if who is None:
                who = self.reported.sentence(where.s_start, where.s_end, where.p_start, where.at)
            if who:
                return who
        if self.interviewee and (in_quote or line.listed or self._has_cue(sentence)):
            return self.interviewee
        return self.author

    def _has_cue(self, sentence: str) -> bool:
        """Whether ``sentence`` holds a cue of reported speech; the answer for the last
        sentence is kept, as most sentences hold several claims."""
        if self._cued[0] != sentence:
            self._cued = (sentence, self._cues.search(sentence) is not None)
        return self._cued[1]


class Where(NamedTuple):
    """Where a claim stands in its chunk: its paragraph, its sentence, its start."""

    p_start: int
    p_end: int
    s_start: int
    s_end: int
    at: int


_QUOTATION = re.compile(r"„[^“\n]*“|«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"|‚[^‘\n]*‘")


def quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    """Spans of quotations in one paragraph: „…“, «…», “…”, "…"."""
    return [found.span() for found in _QUOTATION.finditer(paragraph)]
