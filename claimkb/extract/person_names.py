"""Who the people of a document are, and every short form their names take in it.

A fact-checker wants "Jane Doe" on a claim, whether the text wrote "Jane Doe", "DOE:",
"Ms. Doe", "according to Doe" or "по словам Петрова". The book starts from the names the
source's metadata gives (who was interviewed, who asked) and the project's people, and
learns the names the text introduces with a given name ("Vorstandschef Max Muster", "Иван
Петров"), so that a bare surname later in the text ("sagte Muster") is known. Russian
surnames in an oblique case are reduced to the nominative by the ending table of the
language (``speech.yaml``: ``case_endings``) and matched against the names already known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from claimkb.core.models import Vocabulary
from claimkb.extract.tables import SpeechTable, tables

_CAPITALISED = re.compile(
    # The first letter leads each branch, so that the engine skips to it at a glance; the
    # lookbehind then checks the character before it.
    r"[A-ZА-ЯЁ](?<![\w.-].)\.(?:[A-ZА-ЯЁ]\.)?(?=\s?[A-ZА-ЯЁ])"
    r"|[A-ZÄÖÜÀ-ÞА-ЯЁ](?<![\w.-].)[\w'’-]*\w"
)
_INITIAL = re.compile(r"^(?:[A-ZА-ЯЁ]\.){1,2}$")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def fold(text: str) -> str:
    """A name as compared: lower case, ё as е, spaces folded, no possessive ending."""
    text = _POSSESSIVE.sub("", text.strip().rstrip(".,;:"))
    return " ".join(text.lower().replace("ё", "е").split())


def looks_like_person(name: str) -> bool:
    """Whether a name from metadata reads as a person's ("Jane Doe"), not an outlet's
    ("TV NEWS", "Capital"): two words or more, each capitalised and not all capitals."""
    words = name.replace("-", " ").split()
    return len(words) >= 2 and all(w[0].isupper() and not w.isupper() for w in words if len(w) > 2)


def _one_off(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[i + (len(a) == len(b)) :] == b[i + 1 :]
    return True


@dataclass(frozen=True)
class Mention:
    """A person named in the text, at ``start``-``end`` of the chunk."""

    start: int
    end: int
    name: str


@cache
def _given_names(lang: str) -> frozenset[str]:
    return frozenset(fold(name) for name in tables(lang).speech.given_names)


@dataclass
class NameBook:
    """Full names by every folded form that refers to them."""

    lang: str
    forms: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    _words: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    """Each capitalised word met: as a given name, as a known person (cleared on ``add``)."""

    @property
    def table(self) -> SpeechTable:
        return tables(self.lang).speech

    def add(self, name: str, aliases: tuple[str, ...] = ()) -> None:
        """Know ``name`` by its full form, its surname and ``aliases``; a name that does not
        read as a person's (an outlet) is known only as a turn label."""
        self._words.clear()
        self.labels.setdefault(fold(name), name)
        for alias in aliases:
            self.forms.setdefault(fold(alias), name)
        if not looks_like_person(name):
            return
        words = name.split()
        self.forms.setdefault(fold(name), name)
        self.forms.setdefault(fold(words[-1]), name)
        if len(words) > 2:
            self.forms.setdefault(fold(" ".join(words[-2:])), name)

    def add_all(self, names: list[str], vocabulary: Vocabulary) -> None:
        for name in names:
            self.add(name, vocabulary.aliases(name))
        for person in vocabulary.people:
            self.add(person.name, person.aliases)

    def resolve(self, text: str) -> str | None:
        """The full name that ``text`` (a name, a surname, a label) refers to, if known."""
        key = fold(text)
        if not key:
            return None
        found = self.forms.get(key) or self.labels.get(key)
        if found:
            return found
        words = key.split()
        last = words[-1]
        if len(words) > 1 and (found := self.forms.get(last)):
            return found
        return self._reduced(last)

    def known(self, word: str) -> str | None:
        """The known person a single word names (a surname in any case form), if any."""
        key = fold(word)
        found = self.forms.get(key)
        if found is None and key.endswith("s"):
            found = self.forms.get(key[:-1])  # a German genitive: "Lindners"
        if found is None and self.table.case_endings:
            found = self._reduced(key)
        return found

    def _reduced(self, word: str) -> str | None:
        """A known name whose nominative ``word`` is an oblique case of."""
        for ending, replacement in self.table.case_endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                found = self.forms.get(word[: -len(ending)] + replacement)
                if found:
                    return found
        return None

    def given(self, word: str) -> str | None:
        """``word`` as a given name of the language (in any case form), else None."""
        names = _given_names(self.lang)
        key = fold(word)
        if key in names:
            return key
        for ending, replacement in self.table.case_endings:
            if key.endswith(ending) and (key[: -len(ending)] + replacement) in names:
                return key[: -len(ending)] + replacement
        return None

    def nominative(self, surname: str, given: str, given_form: str) -> str:
        """``surname`` in the nominative, reduced by the ending that turned the given name
        ``given`` into ``given_form`` (Ивана Петрова -> Петров; Эльвиры Набиуллиной ->
        Набиуллина)."""
        if given == fold(given_form):
            return surname
        form = fold(given_form)
        for ending, replacement in self.table.case_endings:
            if form.endswith(ending) and form[: -len(ending)] + replacement == given:
                for s_ending, s_replacement in self.table.case_endings:
                    same = s_replacement[-1:] == replacement[-1:] or not s_replacement
                    if surname.endswith(s_ending) and same and len(surname) > len(s_ending) + 2:
                        return surname[: -len(s_ending)] + s_replacement
                break
        return surname

    def mentions(self, text: str) -> list[Mention]:
        """Every person named in ``text``, in order: a given name with a surname ("Jane
        Doe", "Германа Грефа", learned as it is met), or a form of a known name."""
        found: list[Mention] = []
        consumed = 0
        for match in _CAPITALISED.finditer(text):
            start, end = match.span()
            if start < consumed:
                continue
            word = match.group()
            read = self._words.get(word)
            if read is None:
                read = self._words[word] = (self.given(word.rstrip(".")), self.known(word))
            pair = self._pair(text, self._run(text, start, end, word)) if read[0] else None
            if pair is not None:
                found.append(Mention(start, pair[1], pair[0]))
                consumed = pair[1]
            elif read[1]:
                found.append(Mention(start, end, read[1]))
        return found

    @staticmethod
    def _run(text: str, start: int, end: int, word: str) -> list[tuple[int, int, str]]:
        """The capitalised words from ``start`` on, one space apart (an initial may touch
        the next), at most four."""
        run = [(start, end, word)]
        while len(run) < 4:
            at = run[-1][1]
            if at < len(text) and text[at] == " ":
                at += 1
            elif not _INITIAL.match(run[-1][2]):
                break
            following = _CAPITALISED.match(text, at)
            if following is None:
                break
            run.append((following.start(), following.end(), following.group()))
        return run

    def _pair(self, text: str, words: list[tuple[int, int, str]]) -> tuple[str, int] | None:
        """A given name, ``words[0]``, followed by a surname (an initial or a second given
        name may stand between): the full name, learned, and where it ends."""
        word = words[0][2]
        given = self.given(word.rstrip("."))
        if given is None or len(words) < 2:
            return None
        for size in range(len(words), 1, -1):
            shown = " ".join(w for _, _, w in words[:size])
            known = self.forms.get(fold(shown))
            if known:
                return known, words[size - 1][1]
        last = 1
        if _INITIAL.match(words[1][2]) or (self.given(words[1][2]) and len(words) > 2):
            last = 2
        if last >= len(words):
            return None
        surname = words[last][2]
        nominative = self.nominative(surname, given, word)
        shown = f"{word if given == fold(word) else given.title()} {nominative}"
        if shown.isupper():  # a name in capitals ("PETRA HAGEN:") is shown as names are
            shown = " ".join(part.title() for part in shown.split())
        known = self.forms.get(fold(shown)) or self.forms.get(fold(nominative))
        if known is None:
            known = self._reduced(fold(nominative)) if self.table.case_endings else None
        if known is None:
            known = self._misspelt(shown)
        if known is None:
            self.add(shown)
            known = shown
        return known, words[last][1]

    def _misspelt(self, shown: str) -> str | None:
        """A known person whose name ``shown`` misspells: the same given name, a surname one
        letter off ("Jane Dooe" for "Jane Doe")."""
        given, _, surname = fold(shown).partition(" ")
        for name in set(self.forms.values()):
            known_given, _, known_surname = fold(name).partition(" ")
            if known_given == given and len(surname) > 4 and _one_off(surname, known_surname):
                return name
        return None
