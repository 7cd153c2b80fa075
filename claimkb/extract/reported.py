"""Reported speech in news: who a quotation or a sentence of indirect speech belongs to.

A news article quotes people: "„…“, sagte Max Muster", "said Jane Doe", "according to Doe",
"заявил Иван Петров", "по словам Петрова", "Doe said that …", "he added". The person named
next to the speech verb owns the quotation and the sentence; a pronoun or a role ("the
minister", "der Finanzminister", "банкир") next to the verb refers back to the last person
named; a German sentence in the Konjunktiv I ("Man rechne mit …") reports the last person
named in its paragraph. The article's author keeps only the sentences where nobody is
reported, and an organisation next to a verb ("the ministry estimates") makes no person
speaker at all.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from claimkb.extract.grammar import alternation
from claimkb.extract.person_names import Mention
from claimkb.extract.tables import tables

_OPENERS = {"„": '“”"', "“": '”"“', "”": '”"', '"': '"”“', "«": "»", "»": "«", "‚": "‘’", "‹": "›"}
_QUOTE = re.compile("|".join(map(re.escape, _OPENERS)))
_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"“”»«]|$)")
BEFORE_GAP = 30
"""How far (characters) a name may stand before its verb ("Doe, the minister, said")."""
APPOSITION = 90
"""How long an apposition between a name and its verb may be ("Jane Doe, chief economist
at Example Bank, said")."""
_APPOSITION = re.compile(r"\s*\([^()]*\)\s*$|\s*,[^,;:]*,\s*(?:\w+\s+)?$")
AFTER_REACH = 140
"""How far a name may stand after its verb ("said the chief executive of … Jane Doe")."""
REFERENT_LOOKBACK = 6
"""How many named people back a pronoun may refer to."""
SUBJECT_REACH = 40
"""How far from its sentence's start a name may stand and still be its subject."""
ADJACENT = 40
PRONOUN_GAP = 14
"""How far before its verb a pronoun may stand ("he also said")."""
"""How far a pronoun or role may stand from its verb ("betonte der Finanzminister")."""


_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-ZА-ЯЁ][a-zа-яё]{0,3}|[a-zа-яё]{1,3})$")


def _sentence_ends(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Sentence ends between ``start`` and ``end``, not the point of a title or an initial
    ("Dr.", "Prof.", "И.", "и.о.")."""
    return [
        found
        for found in _SENTENCE_END.finditer(text, start, end)
        if found.group() != "."
        or not _ABBREVIATION.search(text, max(0, found.start() - 6), found.start())
    ]


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


@dataclass(frozen=True)
class Patterns:
    """The compiled word lists of one language."""

    verbs: re.Pattern[str]
    pronouns: re.Pattern[str]
    roles: re.Pattern[str]
    subjunctive: re.Pattern[str] | None
    first_person: re.Pattern[str] | None


@cache
def patterns(lang: str) -> Patterns:
    speech = tables(lang).speech

    def words(forms: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
        ignore = bool(flags & re.IGNORECASE)
        return re.compile(rf"(?<!\w)(?:{alternation(forms, ignore_case=ignore)})(?!\w)", flags)

    return Patterns(
        verbs=words(speech.verbs or ["(?!)"]),
        pronouns=words([re.escape(w) for w in speech.pronouns] or ["(?!)"]),
        roles=words([re.escape(w) for w in speech.roles] or ["(?!)"]),
        subjunctive=words([re.escape(w) for w in speech.subjunctive], 0)
        if speech.subjunctive
        else None,
        first_person=words([re.escape(w) for w in speech.first_person])
        if speech.first_person
        else None,
    )


def quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """Quotations of a paragraph, with their marks: each opening mark closes at the first
    mark that may close it (typesetters mix „…" and "…”), and a quotation still open at the
    paragraph's end runs to it."""
    spans: list[tuple[int, int]] = []
    at = 0
    while (found := _QUOTE.search(paragraph, at)) is not None:
        closers = _OPENERS[found.group()]
        end = next((i for i in range(found.end(), len(paragraph)) if paragraph[i] in closers), -1)
        if end < 0:
            spans.append((found.start(), len(paragraph)))
            break
        spans.append((found.start(), end + 1))
        at = end + 1
    return spans


@dataclass
class ReportedSpeech:
    """Finds who is reported, for the quotations and sentences of one chunk."""

    lang: str
    text: str = ""
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _paragraphs: dict[int, list[tuple[int, int, str | None]]] = field(default_factory=dict)
    _sentences: dict[int, str | None] = field(default_factory=dict)

    def reset(self, text: str, mentions: list[Mention]) -> None:
        """Read a new chunk, whose named people are ``mentions``."""
        self.text, self.mentions = text, mentions
        self._starts = [m.start for m in mentions]
        self._paragraphs.clear()
        self._sentences.clear()

    def quoted(self, p_start: int, p_end: int, at: int) -> tuple[bool, str | None]:
        """Whether offset ``at`` of the paragraph ``p_start``-``p_end`` is quoted, and whom
        the quotation is attributed to."""
        quotes = self._paragraphs.get(p_start)
        if quotes is None:
            quotes = self._attribute(p_start, p_end)
            self._paragraphs[p_start] = quotes
        for start, end, who in quotes:
            if start <= at < end:
                return True, who
        return False, None

    def sentence(self, s_start: int, s_end: int, p_start: int, at: int) -> str | None:
        """The person a sentence reports (``s_start``-``s_end`` in the chunk), if any."""
        if s_start not in self._sentences:
            self._sentences[s_start] = self._who(s_start, s_end) or self._subjunctive(
                s_start, s_end, p_start
            )
        return self._sentences[s_start]

    def _attribute(self, p_start: int, p_end: int) -> list[tuple[int, int, str | None]]:
        paragraph = self.text[p_start:p_end]
        spans = [(p_start + a, p_start + b) for a, b in quote_spans(paragraph)]
        found: list[tuple[int, int, str | None]] = []
        for index, (start, end) in enumerate(spans):
            after_end = spans[index + 1][0] if index + 1 < len(spans) else p_end
            stops = _sentence_ends(self.text, end, after_end)
            who = self._who(end, stops[0].end() if stops else after_end)
            if who is None:
                before_start = spans[index - 1][1] if index else p_start
                ends = _sentence_ends(self.text, before_start, start)
                clause = max(ends[-1].end() if ends else before_start, before_start)
                comma = self.text.rfind(",", clause, start)
                who = self._who(comma + 1 if comma >= 0 else clause, start)
            found.append((start, end, who))
        for index, (start, end, who) in enumerate(found):
            if who is None:
                near = [w for _, _, w in found[index - 1 :: -1] if w] if index else []
                near += [w for _, _, w in found[index + 1 :] if w]
                found[index] = (start, end, near[0] if near else None)
        return found

    def _who(self, start: int, end: int) -> str | None:
        """The person named as the speaker of a speech verb between ``start`` and ``end``."""
        if end <= start:
            return None
        found = patterns(self.lang).verbs.search(self.text, start, end)
        while found is not None:
            who = self._named_at(found.start(), found.end(), start, end)
            if who:
                return who
            found = patterns(self.lang).verbs.search(self.text, found.end(), end)
        return None

    def _named_at(self, v_start: int, v_end: int, start: int, end: int) -> str | None:
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        window = self.mentions[first:last]
        before = [m for m in window if m.end <= v_start and v_start - m.end <= APPOSITION]
        if before and not _sentence_ends(self.text, before[-1].end, v_start):
            gap = self.text[before[-1].end : v_start]
            if len(gap) <= BEFORE_GAP or _APPOSITION.match(gap):
                return before[-1].name
        after = [m for m in window if m.start >= v_end and m.start - v_end <= AFTER_REACH]
        speech = patterns(self.lang)
        pronoun = speech.pronouns.search(self.text, max(start, v_start - PRONOUN_GAP), v_end)
        pronoun = pronoun or speech.pronouns.match(self.text, _skip_space(self.text, v_end), end)
        if pronoun is None and after:
            return after[0].name
        if pronoun is None:
            near = speech.roles.search(self.text, max(start, v_start - ADJACENT), v_start)
            if near is None:
                near = speech.roles.search(self.text, v_end, min(end, v_end + ADJACENT))
            if near is None:
                return None
        return self.referent(v_start)

    def referent(self, at: int) -> str | None:
        """Whom a pronoun or a role at ``at`` refers to: the last person named as the
        subject of a sentence (named first, near its start) among the last few named, else
        the last person named."""
        index = bisect.bisect_left(self._starts, at) - 1
        if index < 0:
            return None
        for back in range(index, max(-1, index - REFERENT_LOOKBACK), -1):
            mention = self.mentions[back]
            line = self.text.rfind("\n", 0, mention.start) + 1
            ends = _sentence_ends(
                self.text, max(line, mention.start - SUBJECT_REACH * 4), mention.start
            )
            start = ends[-1].end() if ends else max(line, mention.start - SUBJECT_REACH * 4)
            first = bisect.bisect_left(self._starts, start)
            if first == back and mention.start - start <= SUBJECT_REACH:
                return mention.name
        return self.mentions[index].name

    def _subjunctive(self, s_start: int, s_end: int, p_start: int) -> str | None:
        """A Konjunktiv I sentence reports the last person named in its paragraph."""
        marks = patterns(self.lang)
        if marks.subjunctive is None or not marks.subjunctive.search(self.text, s_start, s_end):
            return None
        if marks.first_person and marks.first_person.search(self.text, s_start, s_end):
            return None
        index = bisect.bisect_left(self._starts, s_start) - 1
        if index >= 0 and self.mentions[index].start >= p_start:
            return self.referent(s_start)
        return None
