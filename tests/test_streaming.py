"""Long documents are read in chunks; the claims must not depend on where chunks end."""

from __future__ import annotations

from pathlib import Path

import pytest

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
