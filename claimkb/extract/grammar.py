"""Compile a language's word tables into the regular expressions the scanner uses.

Every table becomes one alternation with a named group per key, longest form first, so a
single ``match`` at a position answers "which unit (hedge, bound, rate...) starts here?".
Compiling once per language keeps the scanner linear in the input.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from re import _parser as _regex_parser  # type: ignore[attr-defined]
from typing import Any, Generic, TypeVar

from claimkb.extract.charsets import (
    BLANK,
    BLANKS,
    DIGIT,
    OTHER_CASES,
    case_variants,
    first_chars,
    first_strings,
    last_strings,
)
from claimkb.extract.places import line_starts
from claimkb.extract.tables import LanguageTables, merged_words, symbols, tables
from claimkb.extract.trie import trie_regex

K = TypeVar("K")

#: Horizontal white space that may stand between a number and its words.
SPACE = "[ \u00a0\u202f\u2009\t]"
#: Unicode vulgar fractions and their values.
VULGAR = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}
VULGAR_FRACTIONS = "".join(VULGAR)
#: "No word character before": where dates, number words and other word patterns start
#: (the lead of the scanner's ``SharedScan`` of them).
WORD_LEAD = r"(?<!\w)"
#: How many first characters of the word patterns a word scan looks for before it tries
#: them (``SharedScan``'s guard), at most: four turn away most words ("der", "und", "the"),
#: six also "nicht" where only "nicht mehr als" counts.
WORD_GUARD = 6
#: Characters that can separate digit groups of thousands.
GROUP_SPACES = "[ \u00a0\u202f\u2009]"
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")
#: The name of the marker groups in a ``SharedScan`` gate (bodies have no named groups).
_MARK = "shared"


@cache
def _heads() -> frozenset[str]:
    """Lower-case letters that can head a group of forms, the letters of every language
    (``words.yaml``): no character matches two of them, with or without IGNORECASE, so forms
    under different heads never compete."""
    return frozenset("".join(merged_words(lambda w: w.letters)))


#: Characters with a meaning in a regex (``#`` and spaces too, in verbose patterns).
_SPECIAL = frozenset("\\.^$*+?{}[]|()# \t\n")


def alternation(forms: Iterable[str], *, ignore_case: bool = False) -> str:
    """A regex alternation of ``forms``, longest first so the longest form wins.

    Forms that begin with the same plain letter are grouped behind it ("e(?:nde des
    jahres|nde)"), so the regex engine tries a group once where it tried every form: a
    large table then costs little at the many places where none of it matches. Pass
    ``ignore_case`` when the pattern is compiled with IGNORECASE (and only then): the
    heads are then written so that the engine can skip a group at a glance.
    """
    return _factored(_longest_first(forms), lambda _, rest: rest, ignore_case)


def named_alternation(forms: Mapping[str, Iterable[str]], *, ignore_case: bool = False) -> str:
    """``alternation`` over the forms of several keys, key by key, each form in a group
    named after its key (``<key>_<n>``: a key's forms may stand under different heads);
    ``group_key`` reads the key back from the group's name."""
    owners = [(key, form) for key, key_forms in forms.items() for form in _longest_first(key_forms)]
    return _factored(
        [form for _, form in owners],
        lambda at, rest: f"(?P<{owners[at][0]}_{at}>{rest})",
        ignore_case,
    )


def group_key(name: str) -> str:
    """The key of a group named by ``named_alternation``."""
    return name.rpartition("_")[0]


def _longest_first(forms: Iterable[str]) -> list[str]:
    return sorted(set(forms), key=lambda form: (-len(form), form))


def _factored(forms: Sequence[str], wrap: Callable[[int, str], str], ignore_case: bool) -> str:
    """The alternation of ``forms`` (in priority order), those with a plain head grouped
    behind it; ``wrap(index, rest)`` writes each form's part after the head (or the whole
    form) in the group, for instance in a named group.

    The result matches exactly what the plain alternation matches: forms keep their order
    within a group and relative to every form that is not grouped, and forms under
    different heads cannot match at the same place.
    """
    parts: list[str] = []
    groups: dict[str, list[str]] = {}
    for index, form in enumerate(forms):
        if _has_plain_head(form):
            groups.setdefault(form[0], []).append(wrap(index, form[1:]))
            continue
        parts.extend(_grouped(groups, ignore_case))
        groups = {}
        parts.append(wrap(index, form))
    parts.extend(_grouped(groups, ignore_case))
    return "|".join(parts)


def _has_plain_head(form: str) -> bool:
    """True when ``form`` must start with its first character (no quantifier after it, no
    alternation inside the form), and that character is a letter of ``_heads()`` or a symbol
    without case ("~", "≈", "<"), which only matches itself."""
    head = form[:1]
    uncased_symbol = (
        head != "" and not head.isalpha() and head.lower() == head.upper() and head not in _SPECIAL
    )
    plain = form[1:2] not in ("?", "*", "+", "{") and not _has_top_level_bar(form)
    return plain and (head in _heads() or uncased_symbol)


def _has_top_level_bar(form: str) -> bool:
    """True when ``form`` is itself an alternation ("foo|bar"): a "|" outside parentheses
    and character sets."""
    depth, index, in_set = 0, 0, False
    while index < len(form):
        char = form[index]
        if char == "\\":
            index += 1
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True  # a "^" and then a "]" right after the "[" belong to the set
            index += 1 if form[index + 1 : index + 2] == "^" else 0
            index += 1 if form[index + 1 : index + 2] == "]" else 0
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
        index += 1
    return False


def _grouped(groups: dict[str, list[str]], ignore_case: bool) -> Iterator[str]:
    for head, rests in groups.items():
        written = _case_set(head) if ignore_case else head
        yield written + rests[0] if len(rests) == 1 else f"{written}(?:{'|'.join(rests)})"


def _case_set(head: str) -> str:
    """A head letter as the case-sensitive set of every character it matches under
    IGNORECASE: the regex engine skips an alternative that starts with such a set after one
    look at the text, but enters every one that starts with a case-insensitive letter."""
    if not head.isalpha():
        return head
    upper = head.upper() if len(head.upper()) == 1 else ""
    return f"(?-i:[{head}{upper}{OTHER_CASES.get(head, '')}])"


class KeyedPattern(Generic[K]):
    """One compiled alternation over several keys; ``match`` says which key matched where."""

    def __init__(
        self,
        forms: Mapping[K, Iterable[str]],
        *,
        ignore_case: bool = True,
        before: str = r"(?<!\w)",
        after: str = r"(?!\w)",
        anchor_end: bool = False,
    ) -> None:
        self.keys: list[K] = list(forms)
        named = {f"g{index}": forms[key] for index, key in enumerate(self.keys)}
        body = named_alternation(named, ignore_case=ignore_case) or "(?!)"
        flags = re.IGNORECASE if ignore_case else 0
        end = rf"{SPACE}*$" if anchor_end else ""
        #: The pattern after its ``before`` assertion, for a ``SharedScan`` with that lead.
        self.body = f"(?:{body}){after}{end}"
        self.pattern = re.compile(before + self.body, flags)
        #: The most characters a form can span (unbounded forms count as ``_UNBOUNDED``).
        self.longest = max(
            (_form_width(form) for key_forms in forms.values() for form in key_forms), default=0
        )
        #: For ``match_before``: whether a form may end before a place.
        self._ends = EndFilter(forms if anchor_end else {})
        #: The last ``TAIL`` characters of every form, or None (no filter).
        self.tails = self._ends.tails
        #: For ``match``: every character a match can begin with, or None (no filter).
        self.first_chars = first_chars(self.pattern.pattern)

    def key(self, found: re.Match[str]) -> K | None:
        """The key whose form ``found`` (a match of ``pattern``) matched."""
        if found.lastgroup is None:
            return None
        return self.keys[int(group_key(found.lastgroup)[1:])]

    def match(self, text: str, pos: int) -> tuple[K, int] | None:
        """The key whose form starts exactly at ``pos``, and the end of that form.

        Most places hold no form; a look at the character at ``pos`` (``first_chars``)
        turns most of them away before the regex engine walks the alternation."""
        if self.first_chars is not None and text[pos : pos + 1] not in self.first_chars:
            return None
        found = self.pattern.match(text, pos)
        if found is None or found.lastgroup is None:
            return None
        return self.keys[int(group_key(found.lastgroup)[1:])], found.end()

    def match_before(self, text: str, pos: int, window: int = 48) -> tuple[K, int] | None:
        """The key whose form ends right before ``pos`` (spaces between allowed), and its
        start. Needs a pattern built with ``anchor_end=True``. Only forms that start within
        ``window`` characters count; the text before the window is still seen, so "over" is
        not found at the end of a "cover" the window cuts in two.

        Most places have no form before them, and the search would try every form at every
        position of the window to find that out; a look at the last few characters before
        the spaces, which no form may end with, answers first (``tails``)."""
        if not self._ends.may_end_before(text, pos):
            return None
        found = self.pattern.search(text, max(0, pos - window), pos)
        if found is None or found.lastgroup is None:
            return None
        return self.keys[int(group_key(found.lastgroup)[1:])], found.start()


class EndFilter:
    """Whether one of some forms (regexes) may end right before a place, and the spaces
    before it: a look at the last few characters there (``_ending_before``), lower-cased,
    in a set of the forms' last characters (``charsets.last_strings``) in every case the
    regex engine folds. Asked before a search that anchors the forms at the place, which
    would try every form at every position of its window to find that most places have
    none."""

    def __init__(self, forms: Mapping[Any, Iterable[str]]) -> None:
        #: The last ``TAIL`` characters of every form, or None (no filter: ``_end_filter``).
        self.tails = _end_filter(forms) if forms else None
        #: The tails in lower case, with every case variant, by length.
        self._lower_tails = _lower_tails(self.tails or ())
        #: The last characters of the tails, lower-cased: most places fail here.
        self._last_chars = frozenset(tail[-1] for tail in self._lower_tails)

    def may_end_before(self, text: str, pos: int) -> bool:
        """False when no form can end right before ``pos`` and the spaces before it. After
        a line break the check is skipped: with ``endpos`` at ``pos`` a pattern's "$" also
        matches before that line break, so a form may end before it."""
        if self.tails is None:
            return True
        last = _ending_before(text, pos)
        if last is None:
            return True
        if not last or last[-1] not in self._last_chars:
            return False
        tails = self._lower_tails
        return last in tails or last[-2:] in tails or last[-1:] in tails


#: The last place ``_ending_before`` was asked about, and its answer.
_asked_before: tuple[str, int, str | None] = ("", -1, None)


def _ending_before(text: str, pos: int) -> str | None:
    """The last ``TAIL`` characters before ``pos`` and the spaces before it, lower-cased
    ("" at the start of the text); None where no filter applies (right after a line break,
    or where a letter lowers to two, "İ"). The answer for the last place is kept: each
    number asks for it once per table (bounds, hedges, currencies, names...)."""
    global _asked_before
    if _asked_before[0] is text and _asked_before[1] == pos:
        return _asked_before[2]
    answer: str | None
    if text[pos - 1 : pos] == "\n":
        answer = None
    else:
        end = pos
        while end > 0 and text[end - 1] in _SPACE_CHARS:
            end -= 1
        answer = text[max(0, end - TAIL) : end].lower()
        if len(answer) != min(end, TAIL):
            answer = None
    _asked_before = (text, pos, answer)
    return answer


def _lower_tails(tails: Iterable[str]) -> frozenset[str]:
    """``tails`` in lower case with each character in every case the regex engine matches
    for it under IGNORECASE: the last one, two or ``TAIL`` characters of a text, lower-cased,
    are looked up there."""
    lowered: set[str] = set()
    for tail in tails:
        lowered.update(map("".join, itertools.product(*map(_lower_cases, tail))))
    return frozenset(lowered)


def _lower_cases(char: str) -> list[str]:
    """The lower case of every character the regex engine matches for ``char`` under
    IGNORECASE, where that is one character ("İ" lowers to two, and is left to callers
    that scan such text without a filter)."""
    return sorted({other.lower() for other in case_variants(char) if len(other.lower()) == 1})


#: The characters of ``SPACE``.
_SPACE_CHARS = frozenset(" \u00a0\u202f\u2009\t")


#: How many characters before a place ``match_before`` looks at first (``_may_end_before``
#: looks up the last one, two and three: change it there too).
TAIL = 3


def _end_filter(forms: Mapping[Any, Iterable[str]]) -> frozenset[str] | None:
    """The last ``TAIL`` characters of every form (see ``charsets``), or None when
    that is no filter: a form may end with any character, or with too many strings, be
    empty, or end with a space (then the spaces before a number may belong to the form)."""
    tails: set[str] = set()
    for key_forms in forms.values():
        for form in key_forms:
            found = last_strings(form, TAIL)
            if found is None:
                return None
            tails |= found
    if any(tail[-1] in _SPACE_CHARS for tail in tails):
        return None
    return frozenset(tails)


#: The width assumed for a form with an unbounded repeat ("\\s+"), for ``match_before``.
_UNBOUNDED = 48


def _form_width(form: str) -> int:
    """The most characters ``form`` (a regex) can match."""
    width = int(_regex_parser.parse(form).getwidth()[1])
    return min(width, _UNBOUNDED)


def unnamed(source: str) -> str:
    """``source`` with its named groups made non-capturing, so that patterns which use the
    same group names can stand side by side in one alternation."""
    return _NAMED_GROUP.sub("(?:", source)


class SharedScan:
    """The matches of several patterns that all begin with the same ``lead``, found in one
    pass over the text.

    Run one by one, every pattern pays for the regex engine at every position of the text.
    Here a single gate, ``lead(?=body|body|...)``, finds the few positions where some
    pattern can match, and the patterns are tried only there: the first body the gate saw
    match, and the ones after it (the ones before it cannot match there). Put the patterns
    that match most often last. ``lead`` must be zero-width (a lookaround or an anchor).
    For patterns that never match the empty string and do not refer back to groups, the
    result is exactly what each pattern's own ``finditer`` gives.

    Tried at every word start, even the gate costs a walk through all the bodies. With
    ``guard_length``, a guard takes the gate's place: the first characters of every body
    (``charsets.first_strings``), as one trie matched in the lower-cased text, where the
    engine compares characters without folding case. Each head of the trie names the
    patterns that can begin with it, and only those are tried where it stands.
    """

    def __init__(
        self, lead: str, bodies: Sequence[str], flags: int = 0, guard_length: int = 0
    ) -> None:
        self.patterns = [re.compile(lead + body, flags) for body in bodies]
        # An empty group after each body names the body the gate matched.
        gate = "|".join(
            f"(?:{unnamed(body)})(?P<{_MARK}{index}>)" for index, body in enumerate(bodies)
        )
        self._gate = re.compile(f"{lead}(?={gate or '(?!)'})", flags)
        #: The patterns to try after the gate saw body ``i`` match: ``i`` and the later ones.
        self._from = {
            f"{_MARK}{index}": tuple(range(index, len(bodies))) for index in range(len(bodies))
        }
        self._guard = _head_guard(lead, bodies, flags, guard_length) if guard_length else None
        #: "^" under MULTILINE: the engine would try it at every position; ``str.find``
        #: skips from one line break to the next.
        self._at_lines = lead == "^" and bool(flags & re.MULTILINE)

    def matches(self, text: str) -> list[list[re.Match[str]]]:
        """Each pattern's matches, in text order; a pattern resumes after its own previous
        match, as ``finditer`` does."""
        found: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        resume = [0] * len(self.patterns)
        for pos, indices in self._places(text):
            for index in indices:
                if pos < resume[index]:
                    continue
                match = self.patterns[index].match(text, pos)
                if match:
                    resume[index] = max(match.end(), pos + 1)
                    found[index].append(match)
        return found

    def _places(self, text: str) -> Iterator[tuple[int, tuple[int, ...]]]:
        """Where a pattern may match, and which patterns may."""
        if self._at_lines:
            gate = self._gate.match
            for pos in line_starts(text):
                hit = gate(text, pos)
                if hit:
                    yield pos, self._from[hit.lastgroup or _MARK + "0"]
            return
        guard = self._guard
        lowered = _guard_text(text) if guard is not None else ""
        # One character lowers to two ("İ"): offsets would shift; use the gate.
        if guard is None or len(lowered) != len(text):
            for hit in self._gate.finditer(text):
                yield hit.start(), self._from[hit.lastgroup or _MARK + "0"]
            return
        named = guard.named
        first = guard.at_start.match(lowered) if guard.at_start else None
        if first:
            yield 0, named[first.lastgroup or ""]
        for place in guard.pattern.finditer(lowered):
            yield place.start() + guard.shift, named[place.lastgroup or ""]


@dataclass(frozen=True)
class _Guard:
    """The heads of a ``SharedScan``'s patterns as one pattern over ``_guard_text``.

    ``pattern`` finds the heads; a place is its match's start plus ``shift``. After no
    word character (``WORD_LEAD``) it matches that character and the head after it — the
    engine skips to it faster than it tries a look-behind at every position — and the
    text's first head is looked for on its own (``at_start``). ``named`` gives, for each
    head's group, the patterns that can begin with that head."""

    pattern: re.Pattern[str]
    named: dict[str, tuple[int, ...]]
    shift: int = 0
    at_start: re.Pattern[str] | None = None


def _guard_text(text: str) -> str:
    """``text`` as the guard reads it: lower-cased, each white space of ``BLANKS`` a plain
    space (as ``first_strings`` writes heads). ``str.replace`` is fast where a character is
    absent, which is most texts for most of them."""
    lowered = text.lower()
    for blank in BLANKS[1:]:
        lowered = lowered.replace(blank, BLANK)
    return lowered


#: The most heads the guard lists for one pattern: a longer head turns more words away,
#: but heads multiply with the forms a pattern allows after its first few letters.
_GUARD_HEADS = 512


def _head_guard(lead: str, bodies: Sequence[str], flags: int, length: int) -> _Guard | None:
    """The guard for ``lead`` before the first characters of any body (at most ``length``,
    fewer where a body would have more than ``_GUARD_HEADS`` heads), with an empty named
    group at the end of each head. None where a body's heads cannot be listed."""
    classes: dict[str, str] = {DIGIT: r"\d"}
    keyed: list[set[str]] = []
    for body in bodies:
        found = next(
            (
                listed
                for size in range(length, 0, -1)
                if (listed := first_strings(body, size)) is not None and len(listed) <= _GUARD_HEADS
            ),
            None,
        )
        if found is None:
            return None
        keyed.append({"".join(_lower_key(char, flags, classes) for char in head) for head in found})
    every = set().union(*keyed)
    # A head that extends a shorter one adds nothing: the shorter one lets it through, and
    # names the patterns of both. The heads left are prefix-free: one at most matches.
    kept = sorted(head for head in every if not any(head[:n] in every for n in range(1, len(head))))
    prefix_free = set(kept)
    patterns: dict[str, set[int]] = {head: set() for head in kept}
    for index, heads in enumerate(keyed):
        for head in heads:
            kept_head = next(head[:n] for n in range(1, len(head) + 1) if head[:n] in prefix_free)
            patterns[kept_head].add(index)
    names = {head: f"{_MARK}{number}" for number, head in enumerate(kept)}
    trie = trie_regex(kept, letter=classes.__getitem__, end=lambda head: f"(?P<{names[head]}>)")
    named = {names[head]: tuple(sorted(patterns[head])) for head in kept}
    if lead == WORD_LEAD:
        return _Guard(re.compile(rf"\W(?={trie})"), named, 1, re.compile(f"(?={trie})"))
    return _Guard(re.compile(f"{lead}(?={trie})", flags & ~re.IGNORECASE), named)


def _lower_key(char: str, flags: int, classes: dict[str, str]) -> str:
    """One character that stands for every character the lower-cased text can hold where
    ``char`` matched (the lower case of each character the flags let match it), with the
    regex class of them all in ``classes``. Where lowering gives two characters ("İ") the
    text is scanned without the guard, so those are left out."""
    if char == DIGIT:
        return DIGIT
    lowers = _lower_cases(char) if flags & re.IGNORECASE else [char.lower()]
    classes[lowers[0]] = (
        re.escape(lowers[0]) if len(lowers) == 1 else f"[{''.join(map(re.escape, lowers))}]"
    )
    return lowers[0]


def _digit_pattern(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Numbers written in digits, with the separators each language uses.

    German writes ``20.000`` and ``1,7``; English ``10,000`` and ``1.7``; Russian ``110 000``
    (often with U+202F) and ``1,5``. All three accept space-grouped thousands. A group
    separator must be followed by exactly three digits; otherwise it is a decimal mark.
    """
    words = tables(lang).words
    group_marks = rf"(?:{re.escape(words.thousands_separator)}|{GROUP_SPACES})"
    decimal = f"[{re.escape(words.decimal_marks)}]"
    grouped = rf"[1-9]\d{{0,2}}(?:{group_marks}\d{{3}})+(?!\d)"
    plain = r"\d+"
    # A fraction "3/4", a mixed number "2 1/4" or "10½", a leading-dot decimal ".25".
    fraction = rf"(?:(?P<whole>\d+){SPACE}{{1,2}})?(?P<num>\d+)/(?P<den>\d+)(?![\d/])"
    vulgar = rf"(?P<vwhole>\d+)?{SPACE}?(?P<vulgar>[{VULGAR_FRACTIONS}])"
    body = (
        rf"(?P<sign>[+\-−](?=[\d.]))?(?:{fraction}|{vulgar}|(?P<int>{grouped}|{plain}|(?=\.\d))"
        rf"(?:(?P<dec>{decimal})(?P<frac>\d+))?(?![\d]))"
    )
    # Not glued to a word before it ("GB300", "scp-173"); continuations skip this check.
    return re.compile(rf"(?<![\w.,/])(?<![^\W\d_][-‑]){body}"), re.compile(body)


def _str_keys(table: Mapping[Any, list[str]]) -> dict[str, list[str]]:
    return {str(key): forms for key, forms in table.items()}


def _connectors(connectors: Iterable[str]) -> str:
    """Range connectors as a case-insensitive alternation: one-character dashes are taken
    literally."""
    return alternation((re.escape(c) if len(c) == 1 else c for c in connectors), ignore_case=True)


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns of one language."""

    lang: str
    tables: LanguageTables
    digits: re.Pattern[str]
    digits_glued: re.Pattern[str]
    unit_symbols: KeyedPattern[str]
    unit_words: KeyedPattern[str]
    unit_glued: KeyedPattern[str]
    hyphen_suffixes: KeyedPattern[str]
    prefix_currency: KeyedPattern[str]
    currency_glued: KeyedPattern[str]
    hedges: KeyedPattern[str]
    bounds_before: KeyedPattern[str]
    bounds_after: KeyedPattern[str]
    range_connector: re.Pattern[str]
    range_frames: KeyedPattern[int]
    alternatives: KeyedPattern[str]
    rates: KeyedPattern[str]
    per_marker: re.Pattern[str]
    counted: KeyedPattern[str]
    name_words: KeyedPattern[str]
    unit_prefixes: KeyedPattern[str]
    each: re.Pattern[str]
    hedge_links: KeyedPattern[str]
    approximate_numbers: re.Pattern[str]
    multiplier_words: KeyedPattern[int]


@cache
def grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang``, built once."""
    from claimkb.extract.factors import factor_words  # it reads ``SPACE`` from here

    t = tables(lang)
    shared = symbols()
    mods = t.modifiers
    digits, digits_glued = _digit_pattern(lang)
    return Grammar(
        lang=lang,
        tables=t,
        digits=digits,
        digits_glued=digits_glued,
        unit_symbols=KeyedPattern(shared.symbols, ignore_case=False, before="", after=r"(?!\w)"),
        unit_words=KeyedPattern(t.units.words, before=r"(?<![^\W\d_])"),
        unit_glued=KeyedPattern(t.units.glued_suffixes, before=""),
        hyphen_suffixes=KeyedPattern(t.units.hyphen_suffixes, before="[-‑]"),
        currency_glued=KeyedPattern(
            shared.prefix_currency, ignore_case=False, before="", after=r"(?=\d)"
        ),
        prefix_currency=KeyedPattern(
            shared.prefix_currency, ignore_case=False, before="", after="", anchor_end=True
        ),
        hedges=KeyedPattern(
            {"hedge": mods.hedges}, after="", anchor_end=True, before=r"(?<![^\W~≈])"
        ),
        bounds_before=KeyedPattern(
            _str_keys(mods.bounds_before),
            before=r"(?:(?<!\w)|(?=[<>≤≥=]))",
            after=r"(?!\w)",
            anchor_end=True,
        ),
        bounds_after=KeyedPattern(_str_keys(mods.bounds_after)),
        range_connector=re.compile(
            rf"{SPACE}*(?:{_connectors(mods.range_connectors)})(?![^\W\d_]){SPACE}*",
            re.IGNORECASE,
        ),
        range_frames=KeyedPattern(
            {index: [opening] for index, (opening, _) in enumerate(mods.range_frames)},
            anchor_end=True,
        ),
        alternatives=KeyedPattern({"either": mods.alternatives}, anchor_end=True),
        rates=KeyedPattern(mods.rates, after=r"(?!\w)"),
        per_marker=re.compile(
            rf"{SPACE}*(?:{alternation(mods.per_markers, ignore_case=True)}|/){SPACE}*",
            re.IGNORECASE,
        ),
        counted=KeyedPattern(t.counted.nouns),
        name_words=KeyedPattern({"name": mods.name_words}, anchor_end=True),
        unit_prefixes=KeyedPattern(mods.unit_prefixes, anchor_end=True),
        each=re.compile(
            rf"(?<!\w)(?:{alternation(mods.each_words, ignore_case=True) or '(?!)'}){SPACE}+",
            re.IGNORECASE,
        ),
        multiplier_words=KeyedPattern(factor_words(lang)),
        hedge_links=KeyedPattern({"link": mods.hedge_links}, anchor_end=True),
        approximate_numbers=re.compile(
            rf"(?:{alternation(mods.approximate_numbers, ignore_case=True) or '(?!)'})(?!\w)",
            re.IGNORECASE,
        ),
    )
