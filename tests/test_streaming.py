"""Long documents are read in chunks; the claims must not depend on where chunks end."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkb.core.models import Source
from claimkb.extract import extract_document
from claimkb.extract.pipeline import extract_chunks
from claimkb.extract.reader import read_chunks, split_chunks
from tests.conftest import bundled_sources, example_vocabulary, source_text


def test_streaming_chunked_extraction_equals_whole_document(tmp_path: Path) -> None:
    source = next(s for s in bundled_sources() if s.id.startswith("dwarkesh-podcast"))
    text = source_text(source)
    doc = tmp_path / source.file
    doc.write_text(text, encoding="utf-8")
    whole = extract_document(source, text, example_vocabulary())
    chunked = list(extract_chunks(source, read_chunks(doc, chunk_chars=700), example_vocabulary()))
    assert [c.model_dump() for c in chunked] == [c.model_dump() for c in whole]


def test_streaming_chunks_end_at_line_breaks_and_cover_the_text(tmp_path: Path) -> None:
    doc = tmp_path / "long.txt"
    lines = [f"Zeile {n}: etwa {n} GW pro Jahr.\n" for n in range(5000)]
    doc.write_text("".join(lines), encoding="utf-8")
    chunks = list(read_chunks(doc, chunk_chars=4096))
    assert len(chunks) > 10
    assert "".join(chunks) == "".join(lines)
    assert all(chunk.endswith("\n") for chunk in chunks)


@pytest.mark.parametrize("chunk_chars", [1, 7, 64, 700])
def test_text_in_memory_is_cut_as_a_file_of_it_is_read(tmp_path: Path, chunk_chars: int) -> None:
    """Lines longer and shorter than a block, a text without a final line break, a
    Windows line end, a text without any line break."""
    for text in (
        "kurz\n" + "eine sehr lange Zeile " * 20 + "\nnoch eine\r\nEnde ohne Umbruch",
        "x" * 100,
        "\n\n\n",
        "ab\n" * 300,
    ):
        doc = tmp_path / "doc.txt"
        doc.write_text(text, encoding="utf-8", newline="")
        pieces = list(split_chunks(text, chunk_chars))
        assert pieces == list(read_chunks(doc, chunk_chars=chunk_chars))
        assert "".join(pieces) == text


def test_inside_spans_worked_by_hand() -> None:
    """Whether a claim is quoted: its offset inside a quotation's span (end excluded)."""
    from claimkb.extract.pipeline import _inside

    spans = [(2, 5), (8, 9)]
    assert [at for at in range(11) if _inside(spans, at)] == [2, 3, 4, 8]
    assert not _inside([], 0)


@pytest.mark.parametrize(
    ("line_end", "starts"),
    [("\n", [8, 29]), ("\r\n", [8, 30]), ("\r", [8, 29])],
    ids=["lf", "crlf", "cr-only"],
)
def test_line_ends_give_the_same_claims_at_offsets_into_the_stored_text(
    line_end: str, starts: list[int]
) -> None:
    # "We plan " is 8 characters; the second line starts after 20 characters and the line
    # end (1 or 2), and "We hire " is 8 more: 29, or 30 after a CRLF.
    text = line_end.join(["We plan 40 turbines.", "We hire 300 engineers.", ""])
    source = Source(id="line-ends", file="line-ends.txt", language="en")
    claims = extract_document(source, text)
    assert [claim.start for claim in claims] == starts
    assert [text[c.start : c.end] for c in claims] == [c.surface for c in claims]
    assert [claim.quote for claim in claims] == ["We plan 40 turbines.", "We hire 300 engineers."]
    lf = extract_document(source, text.replace(line_end, "\n"))
    assert [claim.id for claim in claims] == [claim.id for claim in lf]


@pytest.mark.parametrize(
    ("line_end", "start"), [("\n", 47), ("\r\n", 51), ("\r", 47)], ids=["lf", "crlf", "cr-only"]
)
def test_front_matter_is_page_chrome_whatever_the_line_ends(line_end: str, start: int) -> None:
    # 4 + 12 + 11 + 4 characters of front matter, then "The yard builds " (16): 47; a CRLF
    # file has 4 more (one per line end before the number). The front matter's numbers are
    # page chrome, not claims, with any line end.
    lines = ["---", "views: 1200", "shares: 35", "---", "The yard builds 40 ferries.", ""]
    text = line_end.join(lines)
    source = Source(id="front-matter", file="front-matter.txt", language="en")
    claims = extract_document(source, text)
    assert [(claim.surface, claim.start) for claim in claims] == [("40", start)]
