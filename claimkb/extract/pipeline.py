"""From a document to claims: scan quantities, cut sentences with spaCy, attribute
speakers, give ids.

spaCy's blank tokenizer and rule-based ``sentencizer`` cut sentences (no statistical model
is needed or downloaded). Only paragraphs that hold a quantity are cut, and in them only the
words where a sentence can end are tokenized (``extract.sentences``), which keeps the cost
per character low. The quantity grammar is also offered as a spaCy pipeline
component, ``claimkb_quantities``, for users who work with ``Doc`` objects.

A claim's quote is its sentence, or the words around the claim when the sentence is longer
than ``QUOTE_LIMIT`` (``extract.sentences.quote_around``): a line without a sentence end is
one sentence, and quoting it whole for each of its claims made memory grow with the square
of the line.

A document whose language is not given is read in the detected one; when the text is in a
language claimkb does not read, a ``ClaimkbWarning`` says so once per document.
"""

from __future__ import annotations

import bisect
import warnings
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimkb.core.errors import ClaimkbWarning
from claimkb.core.models import Claim, Source, Vocabulary
from claimkb.core.project import shown
from claimkb.extract.ids import ClaimIds
from claimkb.extract.langdetect import identify_language, unsupported_message
from claimkb.extract.mention import Mention
from claimkb.extract.reader import check_document, read_chunks, split_chunks
from claimkb.extract.scanner import Scanner
from claimkb.extract.sentences import SentenceCutter, quote_around
from claimkb.extract.speakers import LineContext, SpeakerResolver, Where, quoted_spans


@cache
def scanner(lang: str, product_names: tuple[str, ...] = ()) -> Scanner:
    """One scanner per language and project vocabulary (its patterns are compiled once)."""
    return Scanner(lang, product_names)


@cache
def sentencizer(lang: str) -> Language:
    """spaCy's blank pipeline for ``lang`` with the rule-based sentencizer."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


@cache
def sentence_cutter(lang: str) -> SentenceCutter:
    """Cuts sentences as ``sentencizer(lang)`` does, tokenizing only where one may end."""
    return SentenceCutter(sentencizer(lang))


if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)


@Language.factory("claimkb_quantities", assigns=["doc.spans"], requires=[])
def make_quantities_component(nlp: Language, name: str) -> QuantitiesComponent:
    """spaCy factory: ``nlp.add_pipe("claimkb_quantities")`` after ``import extract``."""
    return QuantitiesComponent(nlp.lang or "en")


class QuantitiesComponent:
    """Sets ``doc.spans["quantities"]``; each span's ``._.quantity`` is a ``Quantity``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for mention in scanner(self.lang).scan(doc.text):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                span._.quantity = mention.quantity
                spans.append(span)
        doc.spans["quantities"] = spans
        return doc


class DocumentExtractor:
    """Extracts the claims of one source, chunk by chunk, with state kept between chunks
    (the current speaker turn, the id counters, the character offset)."""

    def __init__(self, source: Source, lang: str, vocabulary: Vocabulary) -> None:
        self.source = source
        self.lang = lang
        self.scanner = scanner(lang, vocabulary.names)
        self.speakers = SpeakerResolver(source, lang, vocabulary)
        self.ids = ClaimIds(source.id)
        self.offset = 0

    def feed(self, chunk: str) -> list[Claim]:
        """Claims of the next chunk of the document; offsets count from the document start
        and index the chunk as stored, whatever its line ends."""
        text, stored = lf_view(chunk)
        mentions = self.scanner.scan(
            text, self.source.reference_date, document_start=self.offset == 0
        )
        lines = self.speakers.lines(text)
        claims = list(self._claims(text, mentions, lines, chunk, stored))
        self.offset += len(chunk)
        return claims

    def _claims(
        self,
        chunk: str,
        mentions: list[Mention],
        lines: list[LineContext],
        original: str,
        stored: StoredOffset,
    ) -> Iterator[Claim]:
        line_offsets = [line.offset for line in lines]
        paragraphs = _paragraph_bounds(chunk)
        starts = [start for start, _ in paragraphs]
        # Only the paragraphs that hold a claim are cut into sentences, all in one batch.
        places = [bisect.bisect_right(starts, mention.start) - 1 for mention in mentions]
        needed = sorted(set(places))
        texts = [chunk[slice(*paragraphs[index])] for index in needed]
        splits = {
            index: (sentences, quoted_spans(text))
            for index, text, sentences in zip(
                needed, texts, _sentences(texts, self.lang), strict=True
            )
        }
        for mention, index in zip(mentions, places, strict=True):
            p_start, p_end = paragraphs[index]
            sentences, quotes = splits[index]
            rel = mention.start - p_start
            s_start, s_end = _sentence_at(sentences, rel, p_end - p_start)
            sentence = quote_around(
                chunk, p_start + s_start, p_start + s_end, mention.start, mention.end
            )
            in_quote = _inside(quotes, rel)
            line = lines[bisect.bisect_right(line_offsets, mention.start) - 1]
            start, end = stored(mention.start), stored(mention.end)
            yield Claim(
                id=self.ids.next(sentence, chunk[mention.start : mention.end]),
                source=self.source.id,
                lang=self.lang,  # type: ignore[arg-type]
                speaker=self.speakers.speaker(
                    line,
                    sentence,
                    in_quote,
                    Where(p_start, p_end, p_start + s_start, p_start + s_end, mention.start),
                ),
                start=self.offset + start,
                end=self.offset + end,
                surface=original[start:end],
                quote=sentence,
                quantity=mention.quantity,
            )


StoredOffset = Callable[[int], int]
"""Maps an offset in a chunk's LF view to the same character in the chunk as stored."""


def lf_view(chunk: str) -> tuple[str, StoredOffset]:
    """The chunk with every line end as LF, which the grammar's patterns (``^``/``$``,
    clause ends, quotation marks that stop at a line end) are written for, and the map back
    to the stored text: a CR alone becomes LF in place (same length), and the CR of a CRLF
    is dropped, so an offset past it moves by one per CRLF before it. Claims, quotes and
    ids are then those of the same text with LF line ends, and offsets still index the
    file as stored."""
    if "\r" not in chunk:
        return chunk, _same
    dropped: list[int] = []  # offsets in the view of each LF whose CR was dropped
    parts: list[str] = []
    at = 0
    for piece in chunk.split("\r\n"):
        parts.append(piece)
        at += len(piece)
        dropped.append(at)
        at += 1
    dropped.pop()
    text = "\n".join(parts).replace("\r", "\n")
    return text, lambda offset: offset + bisect.bisect_left(dropped, offset)


def _same(offset: int) -> int:
    return offset


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` lies in one of ``spans`` (in order, not overlapping)."""
    index = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return index >= 0 and at < spans[index][1]


def _sentence_at(sentences: list[tuple[int, int]], at: int, length: int) -> tuple[int, int]:
    """The sentence that holds offset ``at`` (sentences are in order and do not overlap),
    else the whole paragraph."""
    index = bisect.bisect_right(sentences, (at, length + 1)) - 1
    if index >= 0 and sentences[index][0] <= at < sentences[index][1]:
        return sentences[index]
    return (0, length)


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for line in text.splitlines(keepends=True):
        bounds.append((start, start + len(line)))
        start += len(line)
    return bounds or [(0, 0)]


def _sentences(paragraphs: list[str], lang: str) -> list[list[tuple[int, int]]]:
    """The sentence spans of each paragraph, as spaCy's sentencizer cuts them."""
    return sentence_cutter(lang).cut(paragraphs)


NO_VOCABULARY = Vocabulary()
"""What the extractor knows of a document read outside any project: its languages only."""


def extract_document(
    source: Source, text: str, vocabulary: Vocabulary = NO_VOCABULARY
) -> list[Claim]:
    """Every claim in one source document, with speakers and stable ids. The text is read
    in the pieces a stream of it would be read in (``split_chunks``): the same claims as
    ``extract_file``, at the same speed and without the garbage collector walking every
    object of a text several megabytes long."""
    lang = reading_language(source, text, source.file)
    extractor = DocumentExtractor(source, lang, vocabulary)
    return [claim for chunk in split_chunks(text) for claim in extractor.feed(chunk)]


def reading_language(source: Source, text: str, name: str) -> str:
    """The language ``text`` is read in: the one ``sources.yaml`` gives, else the detected
    one. A text detected in a language claimkb does not read is reported, naming the
    document as ``name``: a ``ClaimkbWarning`` that the command line prints as a line."""
    if source.language:
        return source.language
    detection = identify_language(text)
    message = unsupported_message(name, detection)
    if message is not None:
        warnings.warn(ClaimkbWarning(message), stacklevel=2)
    return detection.reading


def extract_chunks(
    source: Source,
    chunks: Iterable[str],
    vocabulary: Vocabulary = NO_VOCABULARY,
    name: str | None = None,
) -> Iterator[Claim]:
    """Claims of a document handed over in chunks that end at line breaks; ``name`` is how
    a warning names the document (its ``file`` by default). The language is detected, when
    not given, from the first chunk."""
    extractor: DocumentExtractor | None = None
    for chunk in chunks:
        if extractor is None:
            lang = reading_language(source, chunk, name or source.file)
            extractor = DocumentExtractor(source, lang, vocabulary)
        yield from extractor.feed(chunk)


def extract_file(
    path: Path, source: Source, vocabulary: Vocabulary = NO_VOCABULARY
) -> Iterator[Claim]:
    """Claims of the document at ``path``, read in a stream; raises ``InputError`` first
    if the file is unusable. ``vocabulary`` is the project's people and product names."""
    check_document(path)
    return extract_chunks(source, read_chunks(path), vocabulary, shown(path))
