"""Spelled-out numbers in German, Russian and English.

Interview transcripts say "zweieinhalb Millionen", "двумястами пятьюдесятью шестью" or "tens of
thousands" far more often than they print digits, so the extractor needs a reader for number
words that is exact where the words are exact and honest (a low/high range) where they are
vague. The word lists live in ``extract/lang/<lang>/numbers.yaml`` so that adding a form is a
data change; this module turns them, once per language, into dictionaries and precompiled
regular expressions, because the extractor as a whole must read more than a megabyte a second.

Reading happens in two steps:

1. Tokenise from the start offset: words (German compounds split into their parts) that are in
   the table, joined by spaces or hyphens, up to the first word that is not a number word.
2. Parse that token list twice, as an exact cardinal (with fractions, "and a half", spoken
   decimals and scale words) and as a vague quantity ("Hunderte", "несколько тысяч"), and keep
   the reading that consumes more; the cardinal wins ties because it is exact.

Only readings that end at a word end count, so "Zehntelsekunde" or "Achtung" never yield a
number from their first few letters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

from claimkb.extract.grammar import WORD_LEAD
from claimkb.extract.tables import (
    LANGUAGES,
    NumberOrdinals,
    NumberTable,
    UnitTable,
    load_language_file,
)
from claimkb.extract.trie import trie_regex

__all__ = [
    "WordNumber",
    "lone_article_end",
    "match_number_words",
    "match_scale",
    "word_start_body",
    "word_start_pattern",
]

Num = int | float


class WordNumber(NamedTuple):
    """A number read from words.

    ``value`` is the number (the midpoint for a vague quantity, whose bounds are then in ``low``
    and ``high``); ``end`` is the offset just after the last character read. ``article`` is set
    when the whole match is one word that doubles as an article or pronoun ("ein", "один",
    "a", "one"), which only the caller, knowing the context, can accept or drop.
    """

    value: float
    end: int
    low: float | None = None
    high: float | None = None
    article: bool = False


# --------------------------------------------------------------------------------------------
# The compiled lexicon.

# Token kinds.
ZERO, UNIT, TEEN, TEN, HUND, SCALE = "zero", "unit", "teen", "ten", "hund", "scale"
FRAC, FRACV, PLUSHALF, DET = "frac", "fracv", "plushalf", "det"
CONN, MIXCONN, POINT, OF = "conn", "mixconn", "point", "of"
VQ, PAIR, ARTICLE = "vq", "pair", "article"

# Kinds that may open a phrase (what word_start_pattern looks for).
_OPENERS = frozenset({ZERO, UNIT, TEEN, TEN, HUND, SCALE, FRACV, PLUSHALF, VQ, PAIR, ARTICLE})
# Kinds whose rejection after a spaced "and" means the "and" was not part of the number.
_NUMERIC = frozenset({ZERO, UNIT, TEEN, TEN, HUND, SCALE})
# Fraction categories that may open a phrase without a numerator ("half", "halbe Million",
# "пол-литра").
_OPENING = frozenset({"alone", "adjective", "prefix"})


@dataclass(frozen=True, slots=True)
class _Lex:
    """What one surface form means: its kind, value and the flags the parser needs."""

    kind: str
    value: Num = 0
    cat: str = ""  # scales: form/plural/ambiguous/vague; fractions: alone/counted
    article: bool = False
    company: bool = False


@dataclass(frozen=True, slots=True)
class _Lang:
    """One language's tables, compiled for lookups and scanning."""

    table: NumberTable
    lexicon: dict[str, _Lex]
    parts: frozenset[str]  # German compound parts
    max_part: int
    governors: frozenset[str]
    scale_words: dict[str, int]  # match_scale: words and abbreviations, normalised
    glued: tuple[tuple[str, int, bool], ...]  # match_scale: case-sensitive suffixes, longest
    # first, and whether they need a currency sign before the number
    scale_re: re.Pattern[str]
    start_re: re.Pattern[str]
    ordinal_re: re.Pattern[str] | None  # groups named after the place the ordinal takes
    ordinal_after: dict[str, frozenset[str]]  # that place → parser states it may follow
    # A unit glued to the end of a number word ("fünfmal", "zehnfach", "twofold"): the
    # number ends before it, and the scanner reads the unit there.
    glued_unit_re: re.Pattern[str] | None


def _norm(word: str) -> str:
    """Lower case, and "ё" read as "е", as Russian text spells both."""
    return word.lower().replace("ё", "е")


class _LexiconBuilder:
    """Collects forms, refusing a form listed with two meanings (the table would be ambiguous)."""

    def __init__(self, table: NumberTable) -> None:
        self.table = table
        self.lexicon: dict[str, _Lex] = {}
        self.articles = {_norm(f) for f in table.articles}
        self.company = {_norm(f) for f in table.needs_company}

    def add(self, forms: Iterable[str], kind: str, value: Num = 0, cat: str = "") -> None:
        for raw in forms:
            form = _norm(raw)
            lex = _Lex(kind, value, cat, form in self.articles, form in self.company)
            old = self.lexicon.get(form)
            if old is not None and old != lex:
                raise ValueError(f"{self.table.language}: {form!r} is listed twice: {old}, {lex}")
            self.lexicon[form] = lex

    def build(self) -> dict[str, _Lex]:
        t = self.table
        self.add(t.zero, ZERO)
        for kind, groups in ((UNIT, t.units), (TEEN, t.teens), (TEN, t.tens), (HUND, t.hundreds)):
            for value, forms in groups.items():
                self.add(forms, kind, value)
        self.add((a for a in t.articles if _norm(a) not in self.lexicon), ARTICLE, 1)
        for s in t.scales:
            self.add(s.forms, SCALE, s.value, "form")
            for cat in ("plural", "ambiguous", "vague"):
                self.add(getattr(s, cat), SCALE, s.value, cat)
        self._add_fractions()
        self.add(t.connectors, CONN)
        for raw in t.mixed_connectors:  # English "and" joins groups and mixed numbers
            form = _norm(raw)
            old = self.lexicon.get(form)
            if old is not None and old.kind != CONN:
                raise ValueError(f"{t.language}: {form!r} is listed twice")
            self.lexicon[form] = replace(old, cat="mixed") if old else _Lex(MIXCONN)
        self.add(t.whole_markers, MIXCONN, cat="whole")
        self.add(t.of_words, OF)
        self.add(t.decimal_points, POINT)
        self.add(t.vague_quantifiers, VQ)
        self.add(t.pairs, PAIR, 2)
        self.add(t.fraction_determiners, DET)
        return self.lexicon

    def _add_fractions(self) -> None:
        t = self.table
        for f in t.fractions:
            self.add(f.alone, FRAC, f.denominator, "alone")  # value: the denominator
            self.add(f.counted, FRAC, f.denominator, "counted")
            self.add(f.single, FRAC, f.denominator, "single")
            self.add(f.adjective, FRAC, f.denominator, "adjective")
            self.add(f.prefix, FRAC, f.denominator, "prefix")
        for value, forms in t.fraction_values.items():
            self.add(forms, FRACV, value)
        self.add(t.plus_half, PLUSHALF, 0.5)
        if t.half_prefix:
            for s in t.scales:
                half = s.value // 2 if s.value % 2 == 0 else s.value / 2
                forms = (*s.forms, *s.plural, *s.ambiguous)
                self.add((t.half_prefix + f for f in forms), FRACV, half)


def _trie_regex(words: Iterable[str]) -> str:
    """An alternation of ``words`` factored into a trie (``extract.trie``); "е" also
    matches "ё"."""
    return trie_regex(words, letter=lambda char: "[её]" if char == "е" else re.escape(char))


_LETTER_AFTER = r"(?![^\W\d_])"


def _start_regex(
    table: NumberTable, lexicon: dict[str, _Lex], parts: frozenset[str], glued_units: str = ""
) -> str:
    """Where a phrase may begin: an opening word, or (German) a compound whose first part opens;
    also a fraction determiner right before an opening fraction ("die Hälfte"). Fraction words
    that open only before a scale word ("quarter million") are all let through; the reader
    decides. A lookahead on the first letters lets the scan skip most positions quickly."""
    openers = [w for w, lex in lexicon.items() if lex.kind in _OPENERS or lex.kind == FRAC]
    head = _trie_regex(openers)
    if table.compounds:
        head = f"{head}(?:{_trie_regex(parts)})*"
    alts = [f"{head}{_LETTER_AFTER}"]
    if glued_units:
        alts.append(f"{head}(?:{glued_units}){_LETTER_AFTER}")
    dets = [_norm(d) for d in table.fraction_determiners]
    if dets:
        alone = [w for w, lex in lexicon.items() if lex.kind == FRAC and lex.cat in _OPENING]
        alts.append(rf"{_trie_regex(dets)}(?=\s+{_trie_regex(alone)}{_LETTER_AFTER})")
    firsts = {w[0] for w in (*openers, *dets)}
    if "е" in firsts:
        firsts.add("ё")
    # Number phrases begin with a word character, so ``WORD_LEAD`` is a word boundary here.
    if not all(c.isalnum() or c == "_" for c in firsts):
        raise ValueError(f"number words must begin with a letter: {sorted(firsts)}")
    first = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
    return rf"(?={first})(?:" + "|".join(alts) + ")"


def _scale_tables(
    table: NumberTable,
) -> tuple[dict[str, int], tuple[tuple[str, int, bool], ...]]:
    """Words and abbreviations read after digits, and the glued suffixes (longest first, so
    "MM" is tried before "M")."""
    words: dict[str, int] = {}
    glued: list[tuple[str, int, bool]] = []
    for s in table.scales:
        for form in (*s.forms, *s.plural, *s.ambiguous, *s.abbreviations):
            words[_norm(form)] = s.value
        glued += [(suffix, s.value, False) for suffix in s.glued]
        glued += [(suffix, s.value, True) for suffix in s.glued_after_currency]
    return words, tuple(sorted(glued, key=lambda item: -len(item[0])))


def _ordinal_regex(ordinals: NumberOrdinals | None) -> re.Pattern[str] | None:
    """One regex for every ordinal form; the name of the group that matched says its place."""
    if ordinals is None:
        return None
    places = ("unit", "teen", "ten", "hund", "scale")
    stems = "|".join(
        f"(?P<{p}>{_trie_regex(_norm(w) for w in getattr(ordinals, p))})"
        for p in places
        if getattr(ordinals, p)
    )
    return re.compile(f"(?:{stems})(?:{_trie_regex(_norm(e) for e in ordinals.endings)})")


def _ordinal_after(table: NumberTable) -> dict[str, frozenset[str]]:
    """For each place an ordinal can take, the parser states it may follow."""
    after_ten = {"ten"} if table.tens_then_units else set()
    ten_hund = {"ten", "tenunit"} if table.hundred_after_tens else set()
    return {
        "unit": frozenset({"hund", "scale", *after_ten}),
        "teen": frozenset({"hund", "scale"}),
        "ten": frozenset({"hund", "scale"}),
        "hund": frozenset({"unit", "teen", "scale", *ten_hund}),
        "scale": frozenset({"unit", "teen", "ten", "tenunit", "hund"}),
    }


def _compile(table: NumberTable, glued_units: Iterable[str] = ()) -> _Lang:
    lexicon = _LexiconBuilder(table).build()
    parts: frozenset[str] = frozenset()
    if table.compounds:
        glue = {UNIT, TEEN, TEN, CONN, PLUSHALF}
        excluded = {_norm(f) for f in table.compound_exclude}
        parts = frozenset(
            w
            for w, lex in lexicon.items()
            if w not in excluded
            and (
                lex.kind in glue
                or (lex.kind == SCALE and lex.value <= 1000)
                or (lex.kind == FRAC and lex.cat == "counted")
            )
        )
    words, glued = _scale_tables(table)
    flags = re.IGNORECASE
    units = "|".join(f"(?:{form})" for form in glued_units)
    return _Lang(
        table=table,
        lexicon=lexicon,
        parts=parts,
        max_part=max((len(p) for p in parts), default=0),
        governors=frozenset(_norm(g) for g in table.genitive_governors),
        scale_words=words,
        glued=glued,
        scale_re=re.compile(_trie_regex(words) + _LETTER_AFTER, flags),
        start_re=re.compile(WORD_LEAD + _start_regex(table, lexicon, parts, units), flags),
        ordinal_re=_ordinal_regex(table.ordinals),
        ordinal_after=_ordinal_after(table),
        glued_unit_re=re.compile(f"(?:{units})$", flags) if units else None,
    )


@functools.cache
def _language(lang: str) -> _Lang:
    """The compiled tables for ``lang``, read from the package once and then reused."""
    if lang not in LANGUAGES:
        raise ValueError(f"no number words for language {lang!r}; known: {LANGUAGES}")
    units = load_language_file(lang, "units.yaml", UnitTable).glued_suffixes
    glued_units = [form for forms in units.values() for form in forms]
    return _compile(load_language_file(lang, "numbers.yaml", NumberTable), glued_units)


# --------------------------------------------------------------------------------------------
# Tokenising.


class _Tok(NamedTuple):
    lex: _Lex
    end: int
    final: bool  # the token ends a word (not a part inside a German compound)
    sep: str  # what joined it to the previous token: "", "space", "hyphen" or "glued"


_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"[^\S\n]*\n?[^\S\n]*")  # spaces, at most one line break
_HYPHENS = "-\u2010\u2011"
# A word and what follows it: a hyphen ("twenty-one", also spaced: "fifty - two") or spaces.
_WORD_GAP = re.compile(
    r"([^\W\d_]+)(?:(?P<hyphen>[-\u2010\u2011]|[^\S\n]+-[^\S\n]+)|[^\S\n]*\n?[^\S\n]*)"
)
_MAX_TOKENS = 64


def _split(word: str, parts: frozenset[str], max_part: int) -> list[int] | None:
    """Offsets after each part of a German compound, longest parts first; None when the word
    is not made of parts only."""
    failed: set[int] = set()

    def go(pos: int) -> list[int] | None:
        if pos == len(word):
            return []
        if pos in failed:
            return None
        for k in range(min(max_part, len(word) - pos), 0, -1):
            if word[pos : pos + k] in parts:
                rest = go(pos + k)
                if rest is not None:
                    return [pos + k, *rest]
        failed.add(pos)
        return None

    return go(0)


@functools.lru_cache(maxsize=16384)
def _lookup(lang: str, raw: str) -> tuple[tuple[_Lex, int], ...]:
    """The meanings of one word as written, each with its end offset inside the word; empty
    when the word is no number word. Cached: the same words recur throughout a text."""
    lx = _language(lang)
    word = _norm(raw)
    if len(word) != len(raw):  # lower-casing changed the length ("İ"): offsets would drift
        return ()
    lex = lx.lexicon.get(word)
    if lex is not None:
        return ((lex, len(word)),)
    if not lx.table.compounds:
        return ()
    ends = _split(word, lx.parts, lx.max_part)
    if ends is None or len(ends) < 2:
        return ()
    starts = [0, *ends[:-1]]
    return tuple((lx.lexicon[word[s:e]], e) for s, e in zip(starts, ends, strict=True))


def _tokenize(text: str, start: int, lang: str, lx: _Lang) -> list[_Tok]:
    """Number-word tokens from ``start`` up to the first word that is not one."""
    toks: list[_Tok] = []
    pos, sep = start, ""
    while len(toks) < _MAX_TOKENS:
        m = _WORD_GAP.match(text, pos)
        if m is None:
            break
        parts = _lookup(lang, m.group(1))
        if not parts:
            if not _noun_mid_sentence(text, m.start(), m.group(1)):
                toks.extend(_glued_unit_tokens(lang, lx, m.group(1), m.start(), sep))
            break
        if parts[0][0].kind == CONN and not lx.table.spaced_connectors:
            break
        base, last = m.start(), len(parts) - 1
        for k, (lex, end) in enumerate(parts):
            toks.append(_Tok(lex, base + end, k == last, "glued" if k else sep))
        if m.end() == m.end(1):
            break
        pos, sep = m.end(), "hyphen" if m.group("hyphen") else "space"
    return toks


def _noun_mid_sentence(text: str, start: int, word: str) -> bool:
    """True for a capitalised word after a lower-case word: a noun ("etwa das Zehnfache"),
    which the modifier table's factor nouns read with their article and hedge, not a
    number word with a glued unit."""
    if not word[:1].isupper():
        return False
    before = text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1].islower()


def _glued_unit_tokens(lang: str, lx: _Lang, word: str, base: int, sep: str) -> list[_Tok]:
    """The number tokens of a word made of a number and a glued unit ("zwanzigmal",
    "dreifach", "threefold"); none for any other word. The word ends the phrase. A stem
    worth less than two is no factor: "einmal" is "once upon a time" or "just", "einfach"
    is "simple"."""
    cut = lx.glued_unit_re.search(word) if lx.glued_unit_re else None
    if cut is None or cut.start() == 0:
        return []
    parts = _lookup(lang, word[: cut.start()])
    if not parts or parts[0][0].kind == CONN or parts[0][0].kind == VQ:
        return []
    if len(parts) == 1 and (parts[0][0].article or float(parts[0][0].value) < 2):
        return []
    last = len(parts) - 1
    return [
        _Tok(lex, base + end, k == last, "glued" if k else sep)
        for k, (lex, end) in enumerate(parts)
    ]


# --------------------------------------------------------------------------------------------
# Parsing an exact cardinal, with fractions, mixed numbers, spoken decimals and scale words.


class _Result(NamedTuple):
    value: Num
    n: int  # tokens consumed
    low: Num | None = None
    high: Num | None = None
    last: str = ""  # the parser state after the last token read


@dataclass(slots=True)
class _State:
    """Where a cardinal parse stands. ``last`` names what the previous token was, which is all
    the grammar needs: start, zero, unit, teen, ten, tenunit, und, hund, mult, scale, conn,
    article, pair, frac (a fractional group, only a scale word may follow) or done."""

    total: Num = 0
    group: Num = 0
    last: str = "start"
    scale: int = 0  # the last scale word (thousand and up) applied
    scales: int = 0  # how many were applied
    conn_open: bool = False  # a spaced "and" began the current group
    conn_in_group: bool = False  # that "and" followed "hundred", so a scale word may follow


_COMPLETE = frozenset(
    {"zero", "unit", "teen", "ten", "tenunit", "hund", "mult", "scale", "article", "pair"}
    | {"frac", "done"}
)
_GROUP_OPEN = ("start", "hund", "scale", "conn")
_NUMERATOR = frozenset({"unit", "teen", "ten", "tenunit", "hund", "article"})
_WHOLE = frozenset({"zero", "unit", "teen", "ten", "tenunit", "hund"})


def _bare_ok(lex: _Lex, governed: bool) -> bool:
    """Whether a multiplier noun with no number before it is exact: singular forms are ("a
    thousand", "тысяче"), and "тысячи" after a genitive-governing word ("более тысячи")."""
    return lex.cat == "form" or (lex.cat == "ambiguous" and governed)


def _step_zero(st: _State, tok: _Tok, lx: _Lang, governed: bool) -> bool:
    if st.last != "start":
        return False
    st.last = "zero"
    return True


def _step_unit(st: _State, tok: _Tok, lx: _Lang, governed: bool) -> bool:
    if st.last in _GROUP_OPEN:
        st.last = "unit"
    elif st.last == "ten" and lx.table.tens_then_units and tok.sep != "glued":
        st.last = "tenunit"
    else:
        return False
    st.group += tok.lex.value
    return True


def _step_teen_ten(st: _State, tok: _Tok, lx: _Lang, governed: bool) -> bool:
    if st.last in _GROUP_OPEN or (tok.lex.kind == TEN and st.last == "und"):
        st.group += tok.lex.value
        st.last = "teen" if tok.lex.kind == TEEN else "ten"
        return True
    return False


def _step_hund(st: _State, tok: _Tok, lx: _Lang, governed: bool) -> bool:
    if st.last not in ("start", "scale"):
        return False
    st.group += tok.lex.value
    st.last = "hund"
    return True


def _step_conn(st: _State, tok: _Tok, lx: _Lang, governed: bool) -> bool:
    if tok.sep == "glued":  # German "einundzwanzig", "tausendundzwölf"
        if st.last == "unit":
            st.last = "und"
            return True
        if st.last in ("hund", "scale"):
            st.last = "conn"
            return True
        return False
    if st.last not in ("hund", "scale"):
        return False
    st.conn_open, st.conn_in_group = True, st.last == "hund"
    st.last = "conn"
    return True


def _step_hundred(st: _State, tok: _Tok, governed: bool, tens_ok: bool) -> bool:
    """A hundred word ("hundred", "hundert", "сотня") multiplying the units before it."""
    if st.last in ("start", "article", "scale"):
        if st.last == "start" and not _bare_ok(tok.lex, governed):
            return False
        factor: Num = 1
    elif st.last in ("unit", "teen", "pair") or (st.last in ("ten", "tenunit") and tens_ok):
        factor = st.group
    else:
        return False
    if factor >= 100:
        return False
    st.group = factor * 100
    st.last = "hund"
    return True


def _step_mult(st: _State, tok: _Tok, governed: bool) -> bool:
    """A small multiplier noun: "dozen", "Dutzend", "десяток"."""
    if st.conn_open or st.last in ("mult", "conn", "und", "zero", "scale", "frac", "done"):
        return False
    if st.last == "start" and not _bare_ok(tok.lex, governed):
        return False
    st.group = (st.group or 1) * tok.lex.value
    st.last = "mult"
    return True


def _step_scale(st: _State, tok: _Tok, lx: _Lang, governed: bool) -> bool:
    """Scale words: thousand and up (smaller multiplier nouns are handed on)."""
    lex = tok.lex
    if lex.cat == "vague":
        return False
    if lex.value == 100:
        return _step_hundred(st, tok, governed, lx.table.hundred_after_tens)
    if lex.value < 1000:
        return _step_mult(st, tok, governed)
    v = int(lex.value)
    if st.last == "start":
        if not _bare_ok(lex, governed):
            return False
        st.total = v
    elif st.last in ("conn", "und", "zero", "frac", "done") or (
        st.conn_open and not st.conn_in_group
    ):
        return False
    elif st.last == "scale":  # "триллион миллиард" (an implied one), "three thousand millions"
        if v < st.scale:
            st.total += v
        elif v > st.scale and st.scales == 1:
            st.total *= v
        else:
            return False
    elif st.scale and v >= st.scale:
        return False
    else:
        st.total += (st.group or 1) * v
        st.group = 0
    st.scale, st.scales, st.last = v, st.scales + 1, "scale"
    st.conn_open = False
    return True


def _step_article(st: _State, tok: _Tok, lx: _Lang, governed: bool) -> bool:
    if st.last != "start":
        return False
    st.group, st.last = 1, "article"
    return True


def _step_pair(st: _State, tok: _Tok, lx: _Lang, governed: bool) -> bool:
    if st.last == "article" or (st.last == "start" and not lx.table.pairs_need_article):
        st.group, st.last = 2, "pair"
        return True
    return False


_Step = Callable[[_State, _Tok, _Lang, bool], bool]
_STEPS: dict[str, _Step] = {
    ZERO: _step_zero,
    UNIT: _step_unit,
    TEEN: _step_teen_ten,
    TEN: _step_teen_ten,
    HUND: _step_hund,
    CONN: _step_conn,
    SCALE: _step_scale,
    ARTICLE: _step_article,
    PAIR: _step_pair,
}


def _small_cardinal(toks: list[_Tok], i: int, lx: _Lang) -> tuple[Num, int] | None:
    """A whole number below a thousand at ``toks[i]`` (a numerator, or decimals said as one
    number), read with the same grammar steps as any group."""
    st = _State()
    best: tuple[Num, int] | None = None
    for j in range(i, len(toks)):
        tok = toks[j]
        kind = tok.lex.kind
        small = kind in (UNIT, TEEN, TEN, HUND) or (kind == SCALE and tok.lex.value == 100)
        if not (small or (kind == CONN and tok.sep == "glued")):
            break
        if not _STEPS[kind](st, tok, lx, False):
            break
        if st.last in _COMPLETE and tok.final:
            best = (st.group, j + 1)
    return best


def _fraction_phrase(toks: list[_Tok], i: int, lx: _Lang) -> tuple[float, int] | None:
    """A proper fraction at ``toks[i]``: "a half", "половиной", "двести тридцать шесть
    тысячных"."""
    num: Num = 1
    j = i
    if j < len(toks) and toks[j].lex.kind == ARTICLE:
        j += 1
    else:
        small = _small_cardinal(toks, i, lx)
        if small is not None:
            num, j = small
    if j >= len(toks) or toks[j].lex.kind != FRAC:
        return None
    lex = toks[j].lex
    if (j == i and lex.cat not in _OPENING) or (lex.cat == "single" and num != 1):
        return None
    return (num / lex.value, j + 1) if num < lex.value else None


def _decimals(toks: list[_Tok], i: int, lx: _Lang) -> tuple[str, int] | None:
    """Digits after a spoken decimal point: one by one ("point one five" → "15", "point zero
    five" → "05") or as one number ("Komma fünfzehn" → "15")."""
    digit_kinds = (UNIT, ZERO)
    pair = [t.lex.kind for t in toks[i : i + 2]]
    if pair[:1] == [ZERO] or (len(pair) == 2 and all(k in digit_kinds for k in pair)):
        digits, j = "", i
        while j < len(toks) and toks[j].lex.kind in digit_kinds and toks[j].sep != "glued":
            digits += str(int(toks[j].lex.value))
            j += 1
        return digits, j
    small = _small_cardinal(toks, i, lx)
    return None if small is None else (str(int(small[0])), small[1])


def _after_fraction(st: _State, toks: list[_Tok], i: int, lx: _Lang) -> int | None:
    """A scale word after a fractional group, maybe behind "of"/"a": "half a trillion",
    "половину триллиона", "zweieinhalb Millionen", "a quarter of a million"."""
    j = i
    if j < len(toks) and toks[j].lex.kind == OF:
        j += 1
    if j < len(toks) and toks[j].lex.kind == ARTICLE:
        j += 1
    if j >= len(toks) or toks[j].lex.kind != SCALE or toks[j].lex.cat == "vague":
        return None
    if st.last == "pair":
        return j + 1 if _step_scale(st, toks[j], lx, False) else None
    st.total, st.group, st.last = st.group * toks[j].lex.value, 0, "done"
    return j + 1


def _joins_fraction(lex: _Lex) -> bool:
    """A connector before a fraction phrase: "с" ("два с половиной"), English "and"."""
    return (lex.kind == MIXCONN and lex.cat != "whole") or lex.cat == "mixed"


def _fraction_token(st: _State, toks: list[_Tok], i: int) -> bool:
    """A fraction word: opening a phrase ("half", "halbe"), opening right before a scale word
    ("quarter million"), or after a numerator ("three quarters", "drei halbe")."""
    lex = toks[i].lex
    if st.last == "start":
        nxt = toks[i + 1].lex if i + 1 < len(toks) else None
        before_scale = (
            nxt is not None and nxt.kind == SCALE and nxt.value >= 1000 and nxt.cat != "vague"
        )
        if lex.cat not in _OPENING and not before_scale:
            return False
        if lex.cat == "prefix" and nxt is not None and toks[i + 1].sep != "hyphen":
            return False  # "пол тысячи" is no spelling of "полтысячи"
        st.group = 1 / lex.value
        return True
    if st.last not in _NUMERATOR:
        return False
    if lex.cat == "single" and st.group != 1:  # "two hundredth" is an ordinal
        return False
    if lex.cat != "adjective" and st.group >= lex.value:  # "four quarters" is a count
        return False
    st.group /= lex.value
    return True


def _tail(st: _State, toks: list[_Tok], i: int, lx: _Lang) -> int | None:
    """Fractions, mixed numbers and spoken decimals, which end the integer part; returns the
    index after what was read, or None when nothing here is one of them."""
    lex = toks[i].lex
    kind = lex.kind
    if st.last in ("frac", "pair") and kind in (OF, ARTICLE, SCALE):
        return _after_fraction(st, toks, i, lx) if kind != SCALE or st.last == "frac" else None
    if kind == POINT and st.last in _WHOLE:  # "tausendvierhundertsechzehn Komma fünfzehn"
        return _mixed_or_decimal(st, toks, i, lx)
    if st.last == "scale" and not st.group and _joins_fraction(lex):
        phrase = _fraction_phrase(toks, i + 1, lx)  # "a million and a half": of the scale
        if phrase is None:
            return None
        st.total, st.last = st.total + phrase[0] * st.scale, "done"
        return phrase[1]
    if st.total or st.last not in (_WHOLE | _NUMERATOR | {"start"}):
        return None
    if kind == FRAC:
        if not _fraction_token(st, toks, i):
            return None
    elif kind == DET and st.last == "start":
        nxt = toks[i + 1].lex if i + 1 < len(toks) else None
        if nxt is None or nxt.kind != FRAC or nxt.cat not in _OPENING:
            return None
        st.group, st.last = 1 / nxt.value, "frac"
        return i + 2
    elif kind == FRACV and st.last == "start":
        st.group = lex.value
    elif kind == PLUSHALF and st.last in ("start", "unit", "teen", "ten", "tenunit", "hund"):
        st.group += lex.value
    elif kind in (CONN, MIXCONN) and st.last in _WHOLE:
        return _mixed_or_decimal(st, toks, i, lx)
    else:
        return None
    st.last = "frac"
    return i + 1


def _mixed_or_decimal(st: _State, toks: list[_Tok], i: int, lx: _Lang) -> int | None:
    """A mixed number ("два с половиной", "one and a half", "две целых пять десятых") or a
    spoken decimal ("eins Komma fünf", "ноль целых пятнадцать")."""
    lex = toks[i].lex
    if lex.kind == MIXCONN or lex.cat == "mixed":
        phrase = _fraction_phrase(toks, i + 1, lx)
        if phrase is not None:
            st.group += phrase[0]
            st.last = "frac"
            return phrase[1]
    if lex.kind != POINT and lex.cat != "whole":
        return None
    read = _decimals(toks, i + 1, lx)
    if read is None:
        return None
    digits, j = read
    st.group = st.group + float("0." + digits)
    st.last = "frac"
    if st.total:  # "tausendvierhundertsechzehn Komma fünfzehn": no scale word may follow,
        st.total, st.group, st.last = st.total + st.group, 0, "done"  # it would scale a part
    return j


def _hyphen_joins(st: _State, tok: _Tok) -> bool:
    """Whether a hyphen joins into one number: "twenty-one", "two-thirds", "ten-million"; not
    "two-three", "сто-двести", "одна тысяча-две тысячи", which are ranges. A connector before
    a fraction joins too: "two-and-a-half-hour" is an adjective of 2.5 hours."""
    kind = tok.lex.kind
    return (
        kind == FRAC
        or _joins_fraction(tok.lex)
        or (kind == UNIT and st.last == "ten")
        or (kind == SCALE and tok.lex.cat != "vague")
    )


def _parse_cardinal(toks: list[_Tok], lx: _Lang, governed: bool) -> _Result | None:
    """The longest exact reading that ends at a word end."""
    st = _State()
    best: _Result | None = None
    before_conn: _Result | None = None
    i = 0
    while i < len(toks):
        if toks[i].sep == "hyphen" and not _hyphen_joins(st, toks[i]):
            break
        nxt = _tail(st, toks, i, lx)
        if nxt is None:
            step = _STEPS.get(toks[i].lex.kind)
            was_open = st.conn_open
            if step is None or not step(st, toks[i], lx, governed and i == 0):
                if st.conn_open and toks[i].lex.kind in _NUMERIC:
                    return before_conn  # "one hundred and five hundred": "and" joined two numbers
                break
            if st.conn_open and not was_open:
                before_conn = best
            nxt = i + 1
        i = nxt
        if st.last in _COMPLETE and toks[i - 1].final:
            best = _Result(st.total + st.group, i, last=st.last)
    return best


# --------------------------------------------------------------------------------------------
# Parsing a vague quantity.


def _vague_head(toks: list[_Tok], governed: bool) -> tuple[int, int] | None:
    """The opening of a vague quantity: (tokens read, multiplier). "Tausende", "hundreds",
    "тысячи" (not after a genitive governor), "several hundred", "Zehntausende"."""
    first = toks[0].lex
    i = 1 if first.value == 1 and first.article and len(toks) > 1 and toks[1].lex.kind == VQ else 0
    lex = toks[i].lex
    if lex.kind == VQ:
        if i + 1 < len(toks) and toks[i + 1].lex.kind == SCALE:
            return i + 2, int(toks[i + 1].lex.value)
        return None
    if i or lex.kind not in (SCALE, TEEN):
        return None
    if lex.kind == SCALE and (
        lex.cat in ("plural", "vague") or (lex.cat == "ambiguous" and not governed)
    ):
        return 1, int(lex.value)
    second = toks[1].lex if len(toks) > 1 else None
    if lex.value in (10, 100) and second and second.kind == SCALE and second.cat == "vague":
        return 2, int(lex.value * second.value)  # "Zehntausende", "Hunderttausende"
    return None


def _parse_vague(toks: list[_Tok], lx: _Lang, governed: bool) -> _Result | None:
    """A vague quantity ("Hunderte Millionen", "tens of thousands", "несколько сотен тысяч"):
    [2, 9] × the multipliers, each larger than the one before."""
    head = _vague_head(toks, governed)
    if head is None:
        return None
    i, base = head
    top = int(toks[i - 1].lex.value)
    best = i if toks[i - 1].final else 0
    while True:
        j = i + 1 if i < len(toks) and toks[i].lex.kind == OF else i
        if j >= len(toks) or toks[j].lex.kind != SCALE or toks[j].lex.value <= top:
            break
        top = int(toks[j].lex.value)
        base *= top
        i = j + 1
        if toks[j].final:
            best = i
    if not best:
        return None
    low, high = lx.table.vague_range
    return _Result((low + high) / 2 * base, best, low * base, high * base)


# --------------------------------------------------------------------------------------------
# The public functions.


_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[^\S\n]+$")


def _governed(text: str, start: int, lx: _Lang) -> bool:
    """Whether the word before ``start`` governs the genitive ("около тысячи")."""
    if not lx.governors:
        return False
    m = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return m is not None and _norm(m.group(1)) in lx.governors


def match_number_words(text: str, start: int, lang: str) -> WordNumber | None:
    """Longest spelled-out cardinal number, fraction or vague quantity starting exactly at
    text[start] (which must be a word start). Case-insensitive. Words joined by spaces,
    hyphens (twenty-one), 'und' inside German compounds, 'and' in English ('one hundred and
    five')."""
    lx = _language(lang)
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None
    toks = _tokenize(text, start, lang, lx)
    if not toks:
        return None
    first = toks[0].lex
    if len(toks) == 1 and first.kind == ARTICLE:  # "a", "an": most English word starts
        return WordNumber(1.0, toks[0].end, article=True)
    governed = first.cat == "ambiguous" and _governed(text, start, lx)
    exact = _parse_cardinal(toks, lx, governed)
    vague = _parse_vague(toks, lx, governed)
    if vague is not None and (exact is None or vague.n > exact.n):
        low, high = float(vague.low or 0), float(vague.high or 0)
        return WordNumber(float(vague.value), toks[vague.n - 1].end, low, high)
    if exact is None or (exact.n == 1 and first.company):
        return None
    end = toks[exact.n - 1].end
    if exact.n == 1 and first.cat == "prefix" and not _hyphen_then_letter(text, end):
        return None  # "на пол" is the floor; "пол-литра" is half a litre
    if _ordinal_follows(text, end, lx, exact.last):
        return None
    article = exact.n == 1 and first.article
    return WordNumber(float(exact.value), end, article=article)


@functools.cache
def _article_forms(lang: str) -> frozenset[str]:
    """The words of ``lang`` that double as articles, normalised."""
    return frozenset(
        form for form, lex in _language(lang).lexicon.items() if lex.kind == ARTICLE or lex.article
    )


def lone_article_end(text: str, start: int, lang: str) -> int | None:
    """The end of the word at ``start`` when it is one that doubles as an article ("ein",
    "a", "one") and no number word follows it: then ``match_number_words`` reads that word
    alone, as an article, or nothing. None for any other word. For a caller that can turn
    an article away without parsing it ("ein Haus" is most German word starts)."""
    lx = _language(lang)
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None
    word = _WORD.match(text, start)
    if word is None or _norm(word.group()) not in _article_forms(lang):
        return None
    toks = _tokenize(text, start, lang, lx)
    if len(toks) != 1 or not (toks[0].lex.kind == ARTICLE or toks[0].lex.article):
        return None
    return toks[0].end


def _hyphen_then_letter(text: str, pos: int) -> bool:
    return pos + 1 < len(text) and text[pos] in _HYPHENS and text[pos + 1].isalpha()


def _next_word(text: str, pos: int) -> re.Match[str] | None:
    """The word right after ``pos`` when only a hyphen or spaces lie between."""
    if pos < len(text) and text[pos] in _HYPHENS:
        return _WORD.match(text, pos + 1)
    gap = _SPACE.match(text, pos)
    if gap is None or gap.end() == pos:
        return None
    return _WORD.match(text, gap.end())


def _ordinal_follows(text: str, end: int, lx: _Lang, last: str) -> bool:
    """Whether the number read is the start of an ordinal ("twenty first", "двадцать первой",
    "one hundred and first"): then it is no cardinal."""
    if lx.ordinal_re is None:
        return False
    word = _next_word(text, end)
    lex = None if word is None else lx.lexicon.get(_norm(word.group()))
    if word is not None and lex is not None and lex.kind == CONN:
        word = _next_word(text, word.end())  # "one hundred and first"
    if word is None:
        return False
    m = lx.ordinal_re.fullmatch(_norm(word.group()))
    if m is None or m.lastgroup is None:
        return False
    return last in lx.ordinal_after[m.lastgroup]


def fraction_forms(lang: str, ordinal: bool) -> dict[int, list[str]]:
    """The words of ``lang`` that name one part of a whole ("half", "quarter", "viertel",
    "пол"), keyed by the denominator; plural forms that need a numerator are left out.
    ``ordinal`` picks the forms that are also ordinals ("tenth", "десятая": "the tenth
    year"), which name a part only before "of" or a hyphen, or else the other forms."""
    lx = _language(lang)
    forms: dict[int, list[str]] = {}
    for entry in lx.table.fractions:
        words = [*entry.alone, *entry.single, *entry.adjective, *entry.prefix]
        if not entry.single and not entry.alone:
            words.extend(entry.counted)  # German "Viertel" is singular and plural
        picked = [w for w in words if _is_ordinal(lx, w) == ordinal]
        if picked:
            forms[entry.denominator] = picked
    return forms


def _is_ordinal(lx: _Lang, word: str) -> bool:
    return lx.ordinal_re is not None and lx.ordinal_re.fullmatch(_norm(word)) is not None


def fraction_links(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The "of" words and the articles of ``lang``, which may stand between a fraction word
    and its unit ("tenth of a gallon")."""
    table = _language(lang).table
    return table.of_words, table.articles


def decimal_points(lang: str) -> tuple[str, ...]:
    """The spoken decimal separators of ``lang`` ("point", "Komma", "точка")."""
    return _language(lang).table.decimal_points


def match_scale(text: str, start: int, lang: str) -> tuple[float, int] | None:
    """A scale word or abbreviation starting exactly at text[start], as it follows a digit
    number: de Tausend, Mio., Million(en), Mrd., Milliarde(n), Bio., Billion(en) (=1e12!), Tsd.;
    ru тыс., тысяча (all cases), млн, миллион (all cases), млрд, миллиард (all), трлн, триллион
    (all), к/К; en thousand, million, billion (=1e9), trillion, k, K, M, bn, B (only when clearly
    a suffix like "$1B", "1.2M", "100k"). Returns (multiplier, end). Abbreviation dots are
    consumed ("Mio." end after the dot). Respects word boundaries ("Millionenmensch" is not a
    scale; in "100kW" the k is the kilo of kW, so a letter suffix followed by a letter is not
    a scale)."""
    lx = _language(lang)
    if start >= len(text):
        return None
    before = text[start - 1] if start > 0 else ""
    if before.isdigit():
        for suffix, value, currency in lx.glued:
            end = start + len(suffix)
            if text.startswith(suffix, start) and _glued_suffix_ok(text, start, end, currency):
                return float(value), end
    elif before.isalpha():
        return None
    m = lx.scale_re.match(text, start)
    if m is None or text[m.end() : m.end() + 1] in _HYPHENS + "\u00ad":
        return _broken_scale(text, start, lx) or (None if m is None else _scale_of(m, lx))
    return float(lx.scale_words[_norm(m.group())]), m.end()


def _scale_of(m: re.Match[str], lx: _Lang) -> tuple[float, int]:
    return float(lx.scale_words[_norm(m.group())]), m.end()


#: A word broken at a line end and joined again with the hyphen and space left ("tril- lion",
#: "Milli- arden"), as text copied out of a laid-out page keeps it.
_BROKEN_WORD = re.compile(r"([^\W\d_]{2,})[-\u00ad][^\S\n]*\n?[^\S\n]*([^\W\d_]{2,})")


def _broken_scale(text: str, start: int, lx: _Lang) -> tuple[float, int] | None:
    """A scale word broken in two at a line end ("$1.2 tril- lion"): the halves joined
    must be one scale word, so "Mio.-Grenze" or "million-dollar" are not read as one."""
    broken = _BROKEN_WORD.match(text, start)
    if broken is None or (broken.end(1) + 1 == broken.start(2)):
        return None  # a plain hyphen with nothing after it joins two words, not halves
    joined = broken.group(1) + broken.group(2)
    whole = lx.scale_re.fullmatch(joined)
    if whole is None:
        return None
    return float(lx.scale_words[_norm(joined)]), broken.end()


_CURRENCY_SIGNS = "$€£¥₽₴"


def _glued_suffix_ok(text: str, start: int, after: int, currency: bool) -> bool:
    """A glued suffix counts only when nothing alphanumeric follows it ("100kW", "5MB" are
    units) and the digits before it are not glued to a word ("B2B"); some only after a
    currency sign ("$2T")."""
    if after < len(text) and (text[after].isalnum() or text[after] == "_"):
        return False
    i = start - 1
    while i >= 0 and (text[i].isdigit() or text[i] in ".,"):
        i -= 1
    if currency:
        return i >= 0 and text[i] in _CURRENCY_SIGNS
    return i < 0 or not text[i].isalpha()


def word_start_pattern(lang: str) -> re.Pattern[str]:
    """A compiled regex whose matches are the positions where match_number_words may succeed
    (the first word of any number phrase), so the caller can scan a long text fast with
    .finditer instead of trying every position."""
    return _language(lang).start_re


def word_start_body(lang: str) -> str:
    """``word_start_pattern`` after its ``WORD_LEAD``, for a scan shared with other
    patterns that start at a word."""
    return word_start_pattern(lang).pattern.removeprefix(WORD_LEAD)
