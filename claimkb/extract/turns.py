"""Whose turn a line is in: turn labels, and the question-and-answer layout of interviews.

A transcript names its speakers at the start of their turns ("SECRETARY JANE DOE:",
"MS. DOE:", "Doe (01:02):", "Q:", "Frage:", "И.И. Петров:"), sometimes on a line of their own,
and a turn holds until the next label. A printed interview often labels one side only, or
neither: then a paragraph that asks (ends with a question mark) is the interviewer's, and the
paragraphs after it, up to the next question, are the interviewee's answer. Without the turn,
every answer fell back to the outlet that printed it.

Labels are read as names through the document's ``NameBook`` (a short label refers back to
the full name of the metadata or of the text), or as the interviewer's side (``Q:``, the
outlet or programme that asks). A label that is no known name is still a speaker when it
reads as one: an honorific ("Ms. Lind:"), a known given name, or a name of two to four
capitalised words that opens at least ``REPEATED_LABEL`` turns with text after it — a
transcript names its speakers again and again ("Kara Lind: … Jo Berg: … Kara Lind: …"),
while a one-off "Breaking News:" or "Key Figures:" does not speak.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from claimkb.core.models import Source
from claimkb.extract.person_names import NameBook, fold
from claimkb.extract.tables import SpeechTable

Side = Literal["ask", "answer", "other"]

_LABEL = re.compile(
    r"^[ \t]*(?:[-–—•][ \t]*)?[*_]{0,2}(?P<label>[^\W\d_][^:\n?!*]{0,70}?)[*_]{0,2}[ \t]*"
    r"(?:\(\d{1,2}:\d{2}(?::\d{2})?\))?[ \t]*:[*_]{0,2}(?![/\d])[ \t]*(?P<rest>.*)$"
)
_ASIDE = re.compile(r"\s*\([^()]*\)")
_HEADING = re.compile(r"^[ \t]*\d{1,2}\.[ \t]+\S")
_CLOSERS = "\"'”“»«’)]*_ \t"
_SENTENCE_END = re.compile(r"[.!?…](?=\s+\S)")
_PARTICLES = frozenset(
    [
        "of",
        "the",
        "and",
        "von",
        "van",
        "der",
        "den",
        "de",
        "du",
        "la",
        "le",
        "da",
        "di",
        "bin",
        "al",
        "zu",
        "и",
        "де",
        "ван",
        "фон",
    ]
)
"""Small words that a name or a title in a label may hold ("Secretary of Defense")."""
REPEATED_LABEL = 2
"""How many turns an unknown name of several capitalised words must open to be a speaker."""
STATEMENT_QUESTION_LIMIT = 90
"""A one-sentence statement no longer than this, between two answers of an unlabelled
interview, is the interviewer's prompt ("The share rose to 7 percent.")."""


class Label(NamedTuple):
    """A turn label: who speaks, on which side, and whether text follows on its line."""

    speaker: str
    side: Side
    inline: bool
    name_line: bool = False


@dataclass
class TurnReader:
    """Reads the turns of one document, chunk by chunk (the state carries over)."""

    source: Source
    table: SpeechTable
    book: NameBook
    turn: str | None = None
    side: Side | None = None
    started: bool = False
    sides: set[Side] = field(default_factory=set)
    block: bool = False
    """The turn was opened by a line holding only a name: it ends at the next blank line
    after its text (a caption or a byline names someone without giving them the page)."""
    block_text: bool = False
    label_counts: dict[str, int] = field(default_factory=dict)
    """How many lines each candidate label has opened so far (with text after it)."""
    labelled: bool = False
    """A name of several words has opened ``REPEATED_LABEL`` turns: a labelled transcript."""

    def __post_init__(self) -> None:
        interview = self.source.covers_interview
        self.interviewees = list(interview.speakers) if interview else []
        self.interviewers = list(interview.interviewers) if interview else []
        self.asker = self.interviewers[0] if self.interviewers else self.source.author
        self._asking = {fold(w) for w in self.table.question_labels}
        outlets = [interview.venue if interview else None, self.source.author]
        self._outlets = {fold(o) for o in outlets if o}
        self._honorifics = sorted((fold(h) for h in self.table.honorifics), key=len, reverse=True)
        self._interview_kind = fold(self.source.kind or "") in {
            fold(k) for k in self.table.interview_kinds
        }

    def label(self, line: str) -> Label | None:
        """The turn label that opens ``line``, or a line that is only the interviewee's
        name ("Jane Doe" above her answers), else None."""
        found = _LABEL.match(line)
        if found:
            read = self._read_label(found["label"])
            if read is not None:
                return Label(read[0], read[1], bool(found["rest"].strip()))
        stripped = line.strip()
        if (
            self.interviewees
            and 0 < len(stripped) <= 80
            and stripped[-1].isalpha()
            and len(stripped.split()) <= 6
        ):
            name = self.book.resolve(stripped)
            if name in self.interviewees:
                return Label(name, "answer", False, name_line=True)
        return None

    def _read_label(self, text: str) -> tuple[str, Side] | None:
        text = _ASIDE.sub("", text).strip()  # "Jane Doe (Example Bank):"
        words = text.split()
        if (
            not words
            or len(words) > 7
            or any(w[0].islower() and w not in _PARTICLES for w in words)
        ):
            return None
        key = fold(text)
        if key in self._asking:
            return (self.asker or "", "ask") if self.asker else None
        bare = key
        for honorific in self._honorifics:
            if bare.startswith(honorific + " "):
                bare = bare[len(honorific) + 1 :]
                break
        name = self.book.resolve(bare)
        if name is None and key in self._outlets and self.asker:
            return self.asker, "ask"
        if name is None:
            if bare != key or self.book.given(words[0]) or self._repeated(key, words):
                shown = " ".join(w.title() if w.isupper() else w for w in text.split())
                return shown, "other"
            return None
        if name in self.interviewees:
            return name, "answer"
        if name in self.interviewers:
            return name, "ask"
        return name, "other"

    def _repeated(self, key: str, words: list[str]) -> bool:
        """A name of two to four capitalised words in a labelled transcript: it opens
        ``REPEATED_LABEL`` turns, or another such name does (then the document names its
        speakers this way, and a guest who speaks once is a speaker too)."""
        if not 2 <= len(words) <= 4 or not all(
            w[0].isupper() for w in words if w not in _PARTICLES
        ):
            return False
        return self.labelled or self.label_counts.get(key, 0) >= REPEATED_LABEL

    def _count_labels(self, lines: list[str]) -> None:
        """Count the candidate labels of ``lines`` before any is read, so the first of a
        repeated label counts as well as the later ones."""
        for line in lines:
            found = _LABEL.match(line)
            if found and found["rest"].strip():
                key = fold(_ASIDE.sub("", found["label"]).strip())
                count = self.label_counts[key] = self.label_counts.get(key, 0) + 1
                if count >= REPEATED_LABEL and len(key.split()) >= 2:
                    self.labelled = True

    def turns(self, lines: list[str]) -> list[str | None]:
        """The turn of each line (None: the author's voice, or no turn)."""
        self._count_labels(lines)
        labels = [self.label(line) for line in lines]
        self.sides |= {found.side for found in labels if found}
        qa = bool(self.interviewees) and (
            (not self.sides and self._interview_kind)
            or (bool(self.sides) and len(self.sides - {"other"}) == 1 and "other" not in self.sides)
        )
        if not qa:
            return [self._hold(line, found) for line, found in zip(lines, labels, strict=True)]
        return self._questions_and_answers(lines, labels)

    def _hold(self, line: str, found: Label | None) -> str | None:
        """Labelled transcript: a turn holds until the next label (a numbered heading ends
        it)."""
        if found:
            self.turn = found.speaker
            self.block, self.block_text = found.name_line, False
        elif _HEADING.match(line):
            self.turn = None
        else:
            self._end_block(line)
        return self.turn

    def _end_block(self, line: str) -> None:
        """Ends a turn opened by a name line at the blank line after its text."""
        if not self.block:
            return
        if line.strip():
            self.block_text = True
        elif self.block_text:
            self.turn, self.side, self.block = None, None, False

    def _questions_and_answers(
        self, lines: list[str], labels: list[Label | None]
    ) -> list[str | None]:
        """Interview with one side labelled, or none: questions are the interviewer's, the
        paragraphs after a question the interviewee's."""
        answers_only = self.sides == {"answer"}
        asker_labelled = "ask" in self.sides
        filled = [i for i, line in enumerate(lines) if line.strip()]
        following = dict(itertools.pairwise(filled))
        result: list[str | None] = []
        for index, (line, found) in enumerate(zip(lines, labels, strict=True)):
            text = line.strip()
            if found:
                self.turn, self.side, self.started = found.speaker, found.side, True
                self.block, self.block_text = found.name_line, False
                result.append(self.turn)
                continue
            self._end_block(line)
            if not text:
                result.append(self.turn)
                continue
            asks = _is_question(text, loose=answers_only)
            if asks and (self.started or not asker_labelled):
                self.turn, self.side, self.started = self.asker, "ask", True
            elif self.started and self.side in ("ask", "answer"):
                nxt = following.get(index)
                if (
                    not self.sides
                    and self.side == "answer"
                    and _is_statement_prompt(text)
                    and nxt is not None
                    and not _is_question(lines[nxt].strip(), loose=False)
                ):
                    self.turn, self.side = self.asker, "ask"
                else:
                    self.turn, self.side = self.interviewees[0], "answer"
            result.append(self.turn if self.started else None)
        return result


def _is_question(text: str, *, loose: bool) -> bool:
    """A paragraph that asks: it ends with a question mark (``loose``: holds one)."""
    if loose and "?" in text:
        return True
    return text.rstrip(_CLOSERS).endswith("?")


def _is_statement_prompt(text: str) -> bool:
    """A short one-sentence statement: how print interviews often prompt an answer."""
    return (
        len(text) <= STATEMENT_QUESTION_LIMIT
        and text.endswith(".")
        and not _SENTENCE_END.search(text)
        and not text[0].isdigit()
    )
