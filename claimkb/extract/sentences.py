"""Sentence spans exactly as spaCy's rule-based ``sentencizer`` cuts them, with spaCy's
tokenizer run only on the words where a sentence can end.

The sentencizer starts a new sentence at the first token that is not punctuation after a
token that is one of its sentence-final characters (".", "!", "?" and their kin in other
scripts). spaCy's tokenizer cuts a paragraph at white space and tokenizes every word on its
own, so only a word that holds a sentence-final character can end a sentence, and only the
word after it can start the next one: every other word's tokens would change nothing. Run
over whole paragraphs, the tokenizer was about half of the extractor's time on Russian text.

One step of spaCy's tokenizer looks across words: its special-case matcher, which joins
tokens of several words into the tokens of an exception ("канд. техн. наук", or "z. B."
read as the tokens of "z.B."). Such a match crosses a space after which one of the
exception patterns' tails is written; where that is so next to a word that is looked at,
the words on both sides of each such space are tokenized together, as one piece of text:
no match reaches across the spaces around that piece, so its tokens are the paragraph's.

A claim's quote is its sentence, cut to ``QUOTE_LIMIT`` characters around the claim when
the sentence is longer (``quote_around``): a line with no sentence end is one sentence, and
a 200 KB line quoted whole for each of its thousands of claims took gigabytes.
"""

from __future__ import annotations

import itertools
import re
from typing import TypeVar

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokenizer import Tokenizer

from claimkb.extract.trie import trie_regex

Span = tuple[int, int]
QUOTE_LIMIT = 400
"""The longest quote, in characters, the marks of a cut included."""
CUT = "…"
"""Marks where a quote was cut out of a longer sentence."""
_T = TypeVar("_T")
#: A token of a word: start and end in the word, whether it is punctuation, whether it is
#: a sentence-final character.
_Token = tuple[int, int, bool, bool]
#: How many words' tokens (and what may join them across a space) are remembered: most
#: words that end a sentence recur ("Jahr.").
_WORD_CACHE = 20_000
#: A word longer than this (no prose: a run of punctuation, an encoded blob) is tokenized in
#: pieces of ``_PIECE`` characters and never remembered. spaCy's tokenizer takes time that
#: grows with the square of a word's length (each affix it splits off copies the rest:
#: 8,000 "!?" took 4.8 s), so one such word of 200 KB would take an hour; in pieces it takes
#: time in proportion to its length. Only tokens near the cuts may differ from spaCy's.
_LONG_WORD = 1_000
_PIECE = 100
#: Where the sentence-final characters above this one are looked for, one character range
#: is cheap to scan for, and a set lookup keeps the finals; a large class of single
#: characters costs the regex engine far more per character of text.
_HIGH = "\u0589"


class SentenceCutter:
    """The sentence spans of paragraphs, as ``nlp`` (a blank pipeline with spaCy's
    ``sentencizer``) would give them."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        tokenizer = nlp.tokenizer
        assert isinstance(tokenizer, Tokenizer)
        self._tokenizer = tokenizer
        sentencizer = nlp.get_pipe("sentencizer")
        assert isinstance(sentencizer, Sentencizer)
        self._finals = frozenset(sentencizer.punct_chars)
        low = "".join(sorted(c for c in self._finals if c < _HIGH))
        high = f"{_HIGH}-\U0010ffff" if any(c >= _HIGH for c in self._finals) else ""
        self._candidates = re.compile(f"[{re.escape(low)}{high}]" if low or high else "(?!)")
        self._punct_starts: dict[str, bool] = {}
        self._crossings = _crossings(tokenizer)
        self._tails = re.compile(trie_regex(self._crossings) or "(?!)")
        self._rules = frozenset(tokenizer.rules or {})
        self._longest_rule = max(map(len, self._rules), default=0)
        #: The longest text on either side of such a space.
        self._reach = max(
            (len(text) for after, before in self._crossings.items() for text in (after, *before)),
            default=0,
        )
        self._words: dict[str, tuple[_Token, ...]] = {}
        self._after: dict[str, frozenset[str]] = {}
        self._before: dict[str, frozenset[str]] = {}

    def cut(self, paragraphs: list[str]) -> list[list[Span]]:
        """The sentence spans (start, end) of each paragraph; spaCy's new strings are
        released when the batch is done, so memory stays flat over a long stream."""
        with self._nlp.memory_zone():
            return [self._cut(paragraph) for paragraph in paragraphs]

    def _cut(self, text: str) -> list[Span]:
        if not text:
            return []
        finals = self._finals
        starts = [0]
        seen_final = False
        done = 0  # words before this offset have been read
        for candidate in self._candidates.finditer(text):
            at = candidate.start()
            if at < done or candidate.group() not in finals:
                continue
            word_start, word_end = self._joined(text, _word_start(text, at), at, done)
            seen_final = self._read(text, word_start, word_end, seen_final, starts)
            done = word_end
            while seen_final and done < len(text):
                # The next token that is no punctuation starts a sentence: white space
                # other than the one space after a word is a token of its own.
                token_start = done + 1 if text[done] == " " else done
                next_word = _space_end(text, done)
                if token_start < next_word:
                    starts.append(token_start)
                    seen_final = False
                    break
                if next_word == len(text):
                    break
                first = text[next_word]
                if first not in finals and not self._punct_start(first):
                    starts.append(next_word)
                    seen_final = False
                    break
                _, word_end = self._joined(text, next_word, next_word, done)
                seen_final = self._read(text, next_word, word_end, seen_final, starts)
                done = word_end
        return _spans(text, starts)

    def _joined(self, text: str, start: int, inside: int, done: int) -> Span:
        """The word that begins at ``start`` (and holds ``inside``) with the words the
        tokenizer's matcher may join to it across a space: their tokens are read together.

        A word before it that has been read (it ends at ``done``) is not joined: when it
        was read, it would have been joined to this one. Any other word before it holds no
        sentence-final character (it would have been read), so it ends no sentence; it is
        joined only for its effect on this word's tokens."""
        while start - 1 > done and self._crosses(text, start - 1):
            start = _word_start(text, start - 1)
        end = _word_end(text, inside)
        while self._crosses(text, end):
            end = _word_end(text, end + 1)
        return start, end

    def _read(self, text: str, start: int, end: int, seen_final: bool, starts: list[int]) -> bool:
        """Run the sentencizer's rule over the tokens of one word (or of words joined by
        ``_joined``); returns whether a sentence-final token waits for the token that
        starts the next sentence."""
        for token_start, _, punct, final in self._tokens(text[start:end]):
            if seen_final and not punct and not final:
                starts.append(start + token_start)
                seen_final = False
            elif final:
                seen_final = True
        return seen_final

    def _tokens(self, word: str) -> tuple[_Token, ...]:
        """spaCy's tokens of one word, or of words that its matcher may join (remembered:
        the same words end most sentences)."""
        if len(word) > _LONG_WORD:
            return tuple(
                (start + at, end + at, punct, final)
                for at in range(0, len(word), _PIECE)
                for start, end, punct, final in self._tokens(word[at : at + _PIECE])
            )
        tokens = self._words.get(word)
        if tokens is None:
            tokens = tuple(
                (t.idx, t.idx + len(t.text), t.is_punct, t.text in self._finals)
                for t in self._tokenizer(word)
            )
            _remember(self._words, word, tokens)
        return tokens

    def _punct_start(self, char: str) -> bool:
        """Whether a word that begins with ``char`` may begin with a punctuation token
        (whose tokens must then be read); any other word's first token is no punctuation."""
        known = self._punct_starts.get(char)
        if known is None:
            known = self._punct_starts[char] = bool(self._nlp.vocab[char].is_punct)
        return known

    def _crosses(self, text: str, space: int) -> bool:
        """Whether a special case of the tokenizer may reach across the space at ``space``:
        the word after it begins with tokens that may follow such a space, and the word
        before it ends with tokens that may precede it."""
        if not 0 < space < len(text) - 1 or text[space] != " ":
            return False
        if text[space - 1].isspace() or text[space + 1].isspace():
            return False
        if self._tails.match(text, space + 1) is None:
            return False
        heads = self._heads_after(text[space + 1 : _word_end(text, space + 1)])
        return bool(heads) and not heads.isdisjoint(
            self._tails_before(text[_word_start(text, space) : space])
        )

    def _heads_after(self, after: str) -> frozenset[str]:
        """The texts that may precede a space before the word ``after`` in an exception
        that reaches across it (remembered per word, as ``_tokens`` is)."""
        heads = self._after.get(after)
        if heads is None:
            heads = frozenset().union(
                *(
                    self._crossings[after[:end]]
                    for end in range(1, min(len(after), self._reach) + 1)
                    if after[:end] in self._crossings and self._may_cut(after, end)
                )
            )
            _remember(self._after, after, heads)
        return heads

    def _tails_before(self, before: str) -> frozenset[str]:
        """The ends of the word ``before`` a space at which a token of it may end."""
        tails = self._before.get(before)
        if tails is None:
            tails = frozenset(
                before[start:]
                for start in range(max(0, len(before) - self._reach), len(before))
                if self._may_cut(before, start)
            )
            _remember(self._before, before, tails)
        return tails

    def _may_cut(self, word: str, at: int) -> bool:
        """Whether a token of ``word`` may begin or end at ``at`` before the special-case
        matcher runs: where a token of the finished word does, or inside an exception's
        text, which the matcher may have cut anew."""
        if at in (0, len(word)) or any(at in (s, e) for s, e, _, _ in self._tokens(word)):
            return True
        longest = self._longest_rule
        return any(
            word[start:end] in self._rules
            for start in range(max(0, at - longest + 1), at)
            for end in range(at + 1, min(len(word), start + longest) + 1)
        )


def _remember(cache: dict[str, _T], word: str, answer: _T) -> None:
    """Keep ``answer`` for ``word``; a full cache is emptied first, and a word longer than
    ``_LONG_WORD`` is not kept, so that memory stays bounded over a long stream."""
    if len(word) > _LONG_WORD:
        return
    if len(cache) >= _WORD_CACHE:
        cache.clear()
    cache[word] = answer


def _word_start(text: str, at: int) -> int:
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    end = len(text)
    while at < end and not text[at].isspace():
        at += 1
    return at


def _space_end(text: str, at: int) -> int:
    end = len(text)
    while at < end and text[at].isspace():
        at += 1
    return at


def _spans(text: str, starts: list[int]) -> list[Span]:
    """Sentences from their first tokens' offsets: each ends where the token before the
    next sentence ends (before the one space that follows a word, which is no token)."""
    ends = [start - 1 if text[start - 1].isspace() else start for start in starts[1:]]
    last = len(text)
    if last >= 2 and text[-1] == " " and not text[-2].isspace():
        last -= 1
    return list(zip(starts, [*ends, last], strict=True))


def _crossings(tokenizer: Tokenizer) -> dict[str, frozenset[str]]:
    """Where the special-case matcher may reach across a space: for each text that may
    follow such a space up to the next one, the texts that may precede it from the one
    before.

    The matcher looks for the tokens of each exception as the tokenizer's rules without
    exceptions cut it ("Sept." is "Sept" and "."); in a paragraph, those tokens may stand
    in several words with one space between each ("Sept ."). Every such way of writing an
    exception is taken, at each of its spaces."""
    bare = Tokenizer(
        tokenizer.vocab,
        rules={},
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    crossings: dict[str, set[str]] = {}
    for rule in tokenizer.rules or {}:
        pieces = [token.text for token in bare(rule)]
        for spaces in itertools.product(("", " "), repeat=len(pieces) - 1):
            written = pieces[0] + "".join(s + p for s, p in zip(spaces, pieces[1:], strict=True))
            words = written.split(" ")
            for before, after in itertools.pairwise(words):
                crossings.setdefault(after, set()).add(before)
    return {after: frozenset(before) for after, before in crossings.items()}


def quote_around(text: str, start: int, end: int, claim_start: int, claim_end: int) -> str:
    """The quote of the claim at ``claim_start:claim_end`` in the sentence ``start:end`` of
    ``text``: the sentence without white space at its ends, or, when that is longer than
    ``QUOTE_LIMIT``, the words around the claim, cut at white space (where there is some)
    and marked with ``CUT`` where they were cut. Only the characters near the claim are
    read, so a long sentence costs no more than a short one."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start <= QUOTE_LIMIT:
        return text[start:end]
    room = max(0, QUOTE_LIMIT - 2 * len(CUT) - (claim_end - claim_start))
    left = max(start, claim_start - room // 2)
    right = min(end, claim_end + room - (claim_start - left))
    left = max(start, claim_start - (room - (right - claim_end)))
    window = text[left:right]
    head, tail = claim_start - left, claim_end - left
    if left > start:
        cut = next((i for i in range(head) if window[i].isspace()), -1)
        head = cut + 1 if cut >= 0 else 0
    else:
        head = 0
    if right < end:
        cut = next((i for i in range(len(window) - 1, tail - 1, -1) if window[i].isspace()), -1)
        tail = cut if cut >= 0 else len(window)
    else:
        tail = len(window)
    quote = window[head:tail].strip()
    return (CUT if left + head > start else "") + quote + (CUT if left + tail < end else "")
