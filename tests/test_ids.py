"""Claim ids are stable: the same input gives the same ids, and editing one paragraph leaves
the ids of claims elsewhere unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkb.core.models import CLAIM_ID
from claimkb.extract import extract_document
from claimkb.ledger.sources import source_for
from tests.conftest import bundled_sources, source_text


def _ids_by_span(source_id: str, text: str) -> dict[str, str]:
    source = next(s for s in bundled_sources() if s.id == source_id)
    return {c.surface + f"@{c.quote}": c.id for c in extract_document(source, text)}


def test_ids_are_the_same_on_a_second_run() -> None:
    source = bundled_sources()[0]
    text = source_text(source)
    first = [c.id for c in extract_document(source, text)]
    second = [c.id for c in extract_document(source, text)]
    assert first == second and len(set(first)) == len(first)


def test_ids_survive_an_edit_in_another_paragraph() -> None:
    source_id = "orbital-ai-compute-plan.de"
    source = next(s for s in bundled_sources() if s.id == source_id)
    text = source_text(source)
    edited = text.replace("Die Rechnung ist simpel", "Neu: 7 Tonnen mehr. Die Rechnung ist simpel")
    assert edited != text
    before = _ids_by_span(source_id, text)
    after = _ids_by_span(source_id, edited)
    untouched = {key: value for key, value in before.items() if "Rechnung ist simpel" not in key}
    assert untouched and all(after[key] == value for key, value in untouched.items())
    assert len(after) == len(before) + 1


def test_ids_of_repeated_sentences_differ() -> None:
    source = bundled_sources()[0]
    text = "Musk: Es sind 5 Roboter.\nMusk: Es sind 5 Roboter.\n"
    ids = [c.id for c in extract_document(source, text)]
    assert len(ids) == 2 and ids[0] != ids[1]


def test_white_space_in_the_sentence_does_not_change_the_id() -> None:
    """The sentence is folded before hashing: runs of any white space ("\\u00a0", a line
    break, "\\u2028") are one space, and the ends are stripped."""
    import hashlib

    from claimkb.extract.ids import ClaimIds

    folded = ClaimIds("s").next("Etwa 5 GW pro Jahr.", "5 GW")
    spaced = ClaimIds("s").next(" Etwa\u00a0 5\n GW\u2028pro   Jahr.\t", "5 GW")
    assert folded == spaced
    # worked by hand from the id's definition: BLAKE2b-32 of sentence, surface, occurrence
    payload = b"Etwa 5 GW pro Jahr.\x1f5 GW\x1f0"
    assert folded == "s/" + hashlib.blake2b(payload, digest_size=4).hexdigest()


def test_every_claim_id_is_a_source_id_and_eight_hex_digits() -> None:
    """Reviews and derivations name claims in this form, and are refused in any other."""
    for source in bundled_sources():
        for claim in extract_document(source, source_text(source)):
            assert CLAIM_ID.fullmatch(claim.id), claim.id
            assert claim.id.split("/")[0] == source.id


@pytest.mark.parametrize(
    ("name", "source_id"),
    [
        ("My Notes.txt", "my-notes"),
        ("Bericht über Wind.txt", "bericht-ber-wind"),
        ("___.txt", "document"),
        ("wind.report.txt", "wind.report"),
    ],
)
def test_a_document_outside_any_listing_gets_a_slug_id(
    tmp_path: Path, name: str, source_id: str
) -> None:
    path = tmp_path / name
    path.write_text("Anna: We plan 12 turbines.\n", encoding="utf-8")
    assert source_for(path).id == source_id
