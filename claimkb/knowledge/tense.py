"""Whether a dated statement looks ahead: "FSD wird Ende des Jahres ausgeliefert" does,
"Neuralink hat dieses Jahr die ersten Operationen abgeschlossen" reports the past and
"die Turbinen sind bis 2030 ausverkauft" a state that holds now; only the first is a
prediction, though each names a date ahead of the day it was said.

The words come from each language's ``extract/lang/<code>/tense.yaml``. Only the *clause*
around the date is read: the part of its sentence between commas, semicolons, colons, dashes
and brackets, or after a word that opens what was said ("dass", "that", "что"), so the frame
"Маск утверждал, что …" or "He said …" is not taken for the tense of the statement. Reporting
verbs (``speech.yaml``'s and the table's own) never mark the past. When the clause holds no
mark at all ("By the end of 2024, Tesla had …"), the clauses after it in the sentence are
read in turn, up to the first that holds one — only when the date opens its clause, so
that "Die Brücke öffnet 2027, wie der Rat versprochen hatte" is not read as the past.

The order of the rules: a future word makes the statement a prediction; else a present-state
word or a past form makes it none, with the words as the reason; a statement with neither
keeps the date rule (German and Russian speak of the future in the present).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimkb.core.models import Claim
from claimkb.extract.tables import LANGUAGES, tables

#: What ends a clause: a comma or colon before a space, a semicolon, a dash between spaces or
#: a long dash not between digits ("2020–2029" is a range), a bracket.
_BOUNDARY = r",(?=\s)|;|:(?=\s)|\s[-–—]\s|(?<!\d)[–—](?!\d)|[()\[\]]"
#: A bracketed aside, blanked when the date is outside it ("(возможно, …)").
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _words(patterns: list[str]) -> re.Pattern[str] | None:
    """``patterns`` as one expression of whole words, longest first; None when empty."""
    if not patterns:
        return None
    joined = "|".join(sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{joined})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class _Patterns:
    future: re.Pattern[str] | None
    past: re.Pattern[str] | None
    perfect: re.Pattern[str] | None
    participle: re.Pattern[str] | None
    state: re.Pattern[str] | None
    reporting: re.Pattern[str] | None
    boundary: re.Pattern[str]


@cache
def _patterns(lang: str) -> _Patterns:
    table = tables(lang)
    words = table.tense
    openers = "|".join(sorted(words.openers, key=len, reverse=True))
    boundary = _BOUNDARY + (rf"|(?<!\w)(?:{openers})(?!\w)" if openers else "")
    return _Patterns(
        future=_words(words.future),
        past=_words(words.past),
        perfect=_words(words.perfect),
        participle=_words(words.participles),
        state=_words(words.present_state),
        reporting=_words([*table.speech.verbs, *words.reporting]),
        boundary=re.compile(boundary, re.IGNORECASE),
    )


def _sentence(claim: Claim, text: str) -> tuple[str, int, int]:
    """The claim's sentence and the claim's span in it."""
    quote = claim.quote
    at = text.rfind(quote, max(0, claim.end - len(quote)), claim.start + len(quote))
    if at >= 0 and at <= claim.start and claim.end <= at + len(quote):
        return quote, claim.start - at, claim.end - at
    found = quote.find(claim.surface)
    if found < 0:
        return quote, 0, len(quote)
    return quote, found, found + len(claim.surface)


def clauses(claim: Claim, text: str) -> list[str]:
    """The clause around ``claim`` in its sentence and, when the claim opens it (at most one
    word before it: "By the end of 2024, the company had …"), the clauses after it, in
    order. A bracketed aside the claim is not in is left out; a claim inside brackets has
    the bracket for its only clause."""
    sentence, start, end = _sentence(claim, text)
    for aside in _ASIDE.finditer(sentence):
        if aside.start() < start and end <= aside.end():
            return [sentence[aside.start() + 1 : aside.end() - 1]]
    blank = _ASIDE.sub(lambda m: " " * len(m.group()), sentence)
    found = _patterns(claim.lang).boundary
    cuts = [(m.start(), m.end()) for m in found.finditer(blank)]
    head = max((stop for begin, stop in cuts if stop <= start), default=0)
    tails = [begin for begin, stop in cuts if begin >= end]
    ends = [*tails, len(blank)]
    if len(blank[head:start].split()) > 1:
        ends = ends[:1]
    result, begin = [], head
    for stop in ends:
        if stop > begin:
            result.append(blank[begin:stop])
        nexts = [b for a, b in cuts if a == stop]
        begin = nexts[0] if nexts else stop
    return [part for part in result if part.strip()]


def _mark(claim: Claim, clause: str) -> tuple[str, str] | None:
    """What ``clause`` says of its tense: ``("future", word)``, ``("present state", words)``,
    ``("past tense", words)``, or None when it holds no mark."""
    found = _patterns(claim.lang)
    if found.future and (hit := found.future.search(clause)):
        return "future", hit.group()
    plain = (
        found.reporting.sub(lambda m: " " * len(m.group()), clause) if found.reporting else clause
    )
    if found.state and (hit := found.state.search(plain)):
        return "present state", hit.group()
    if found.past and (hit := found.past.search(plain)):
        return "past tense", hit.group()
    if found.perfect and found.participle and (aux := found.perfect.search(plain)):
        # The participle may stand before its auxiliary ("…, dass sie gesunken sind").
        participles = [p for p in found.participle.finditer(plain) if p.start() != aux.start()]
        if participles:
            last = participles[-1]
            words = (aux, last) if aux.start() < last.start() else (last, aux)
            return "past tense", f"{words[0].group()} … {words[1].group()}"
    return None


def not_ahead(claim: Claim, text: str) -> str | None:
    """Why the dated claim ``claim`` of ``text`` is not a prediction — ``"past tense: 'hat …
    abgeschlossen'"``, ``"present state: 'ausverkauft'"`` — or None when it looks ahead or
    holds no mark of its tense."""
    if claim.lang not in LANGUAGES:
        return None
    for clause in clauses(claim, text):
        mark = _mark(claim, clause)
        if mark is None:
            continue
        kind, words = mark
        return None if kind == "future" else f"{kind}: '{words}'"
    return None
