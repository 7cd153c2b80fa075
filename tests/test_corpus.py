"""The extractor against the bundled corpus: every claim worked out by hand must come out
with the right span, value, unit, range, bound, hedge, rate, counted noun, date and speaker,
and nothing else may (page chrome, names, ordinals)."""

from __future__ import annotations

from typing import Any

import pytest

from claimkb.core.models import Claim
from claimkb.extract import extract_document
from tests.conftest import bundled_sources, example_vocabulary, expected_claims, source_text

FIELDS = (
    "kind",
    "value",
    "unit",
    "low",
    "high",
    "bound",
    "approx",
    "hedge",
    "per",
    "counted",
    "time",
    "speaker",
)


def _offset(text: str, surface: str, occurrence: int) -> int:
    index = -1
    for _ in range(occurrence):
        index = text.find(surface, index + 1)
        assert index >= 0, f"{surface!r} occurs fewer than {occurrence} times"
    return index


def _span(text: str, entry: dict[str, Any]) -> tuple[int, int]:
    start = _offset(text, entry["surface"], entry.get("occurrence", 1))
    return start, start + len(entry["surface"])


def _differences(entry: dict[str, Any], claim: Claim) -> list[str]:
    flat = claim.flat()
    wrong = []
    for name in FIELDS:
        want, got = entry[name], flat[name]
        if (
            isinstance(want, int | float)
            and isinstance(got, int | float)
            and not isinstance(want, bool)
        ):
            if got == pytest.approx(want, rel=1e-9):
                continue
        elif want == got:
            continue
        wrong.append(f"{name}: want {want!r}, got {got!r}")
    return wrong


@pytest.mark.parametrize("source", bundled_sources(), ids=lambda s: s.id)
def test_corpus_claims_match_hand_written_expectations(source: Any) -> None:
    text = source_text(source)
    expected = expected_claims(source.id)
    claims = {(c.start, c.end): c for c in extract_document(source, text, example_vocabulary())}
    problems = []
    for entry in expected["claims"]:
        span = _span(text, entry)
        claim = claims.pop(span, None)
        if claim is None:
            problems.append(f"missing {entry['surface']!r} at {span}")
            continue
        problems += [f"{entry['surface']!r}: {d}" for d in _differences(entry, claim)]
    problems += [
        f"unexpected {c.surface!r} at {(c.start, c.end)} ({c.quantity.kind} "
        f"{c.quantity.value} {c.quantity.unit})"
        for c in claims.values()
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("source", bundled_sources(), ids=lambda s: s.id)
def test_corpus_chrome_and_names_are_not_claims(source: Any) -> None:
    text = source_text(source)
    expected = expected_claims(source.id)
    claims = extract_document(source, text, example_vocabulary())
    for entry in expected.get("not_claims", []):
        start, end = _span(text, entry)
        overlapping = [c.surface for c in claims if c.start < end and start < c.end]
        assert not overlapping, f"{entry['surface']!r} ({entry.get('why')}) read as {overlapping}"
