"""The plain-English sentence a claim page and a derivation page open with: the verdict
first, the evidence after it.

A claim page::

    Elon Musk said on 5 Feb 2026 (Dwarkesh Podcast, in German): 10,000 launches. Rated:
    consistent with the figures it was checked against (since 31 Jan 2026).

A derivation page::

    Checks Elon Musk's own figures: About a terawatt a year ... The figures are 4 times
    apart, more than 1.5 times even with rounding: inconsistent.

The sentences are plain text (escaped where they are put on a page) and are the pages'
descriptions too, so a link shared elsewhere carries the verdict.
"""

from __future__ import annotations

from claimkb.core.models import Claim, Source
from claimkb.derive.ratings import ClaimRating, Comparison
from claimkb.derive.records import CheckRecord
from claimkb.pages.common import esc
from claimkb.pages.english import day_text, language_note, quantity_english, where_said
from claimkb.pages.wording import apart, comparison_text


def said_text(claim: Claim, source: Source | None) -> str:
    """``Elon Musk said on 5 Feb 2026 (Dwarkesh Podcast, in German): 10,000 launches``."""
    said = source.reference_date if source is not None else None
    when = f" on {day_text(said)}" if said is not None else ""
    where = ", ".join(p for p in (where_said(source), language_note(claim, source)) if p)
    return f"{claim.speaker} said{when} ({where}): {quantity_english(claim.quantity)}"


def rating_text(claim: Claim, rated: ClaimRating | None) -> str:
    """``Rated: consistent with the figures it was checked against (since 31 Jan 2026)``, or
    why the claim has no rating."""
    if rated is None:
        return f"Not rated: no check of {claim.speaker}'s own figures reached a verdict on it"
    label = rated.label[:1].lower() + rated.label[1:]
    since = f" (since {day_text(rated.since)})" if rated.since else ""
    return f"Rated: {label}{since}"


def comparisons_text(compared: list[Comparison]) -> str:
    """``Against other speakers' figures, which rates nobody, it differs from Elon Musk's
    figure (1.14 times apart, within the rounding of the figures).``; empty without any."""
    if not compared:
        return ""
    found = "; ".join(comparison_text(c) for c in compared)
    return f"Against other speakers' figures, which rates nobody, it {found}."


def claim_sentence(
    claim: Claim,
    source: Source | None,
    rated: ClaimRating | None,
    compared: list[Comparison] | None = None,
) -> str:
    """The claim page's opening: who said what, when, where, in which language, and what
    the checks of the speaker's own figures found; then its comparisons with others."""
    return _joined(claim_sentence_parts(claim, source, rated, compared))


def claim_sentence_parts(
    claim: Claim,
    source: Source | None,
    rated: ClaimRating | None,
    compared: list[Comparison] | None = None,
) -> tuple[str, str, str]:
    """The three parts of ``claim_sentence``: what was said, the rating, the comparisons."""
    said = f"{said_text(claim, source)}."
    return said, f"{rating_text(claim, rated)}.", comparisons_text(compared or [])


def _joined(parts: tuple[str, ...]) -> str:
    return " ".join(part for part in parts if part)


def sentence_html(parts: tuple[str, ...], strong: int) -> str:
    """The sentence's parts escaped, the one that says what was found (``strong``) in
    ``<strong>``, so the eye finds the verdict."""
    return " ".join(
        f"<strong>{esc(part)}</strong>" if n == strong else esc(part)
        for n, part in enumerate(parts)
        if part
    )


def scope_words(record: CheckRecord) -> str:
    """Whose figures a check rests on, as the start of a sentence."""
    speakers = sorted({s for found in record.speakers.values() for s in found})
    if record.scope == "own" and speakers:
        return f"Checks {speakers[0]}'s own figures"
    if record.scope == "between" and speakers:
        first, *others = speakers
        against = " and ".join(f"{s}'s" for s in others)
        if others:
            return f"Sets {first}'s figures against {against}"
    return "Checks reference facts"


def _times(factor: float) -> str:
    return f"{apart(factor):.3g}"


def finding_text(record: CheckRecord) -> str:
    """What the check found, with its grade and how far apart the figures are: ``The
    figures are 4 times apart, more than 1.5 times even with rounding: inconsistent``."""
    verdict, factor, grade = record.verdict, record.factor, record.grade
    if verdict == "inconsistent":
        if factor is None:
            return "The figures do not fit together: inconsistent"
        times = f"The figures are {_times(factor)} times apart"
        if grade == "far":
            return f"{times}, more than 1.5 times even with rounding: inconsistent"
        if grade == "close":
            return f"{times}, less than 1.5 times, but more than their rounding allows: close"
        return f"{times}, within the rounding of the figures: inconsistent as stated, no error"
    if verdict == "consistent":
        return "The figures agree: consistent"
    if verdict == "implies":
        return "The figures agree only under a further assumption: it implies a further figure"
    return "The figures at hand cannot settle it: unverifiable"


def check_sentence(record: CheckRecord) -> str:
    """The derivation page's opening: whose figures, what is checked, what it found."""
    return _joined(check_sentence_parts(record))


def check_sentence_parts(record: CheckRecord) -> tuple[str, str]:
    """The two parts of ``check_sentence``: what is checked, and what the check found."""
    title = record.title or record.id
    stop = "" if title.endswith((".", "?", "!")) else "."
    rates = " (it rates nobody)" if record.scope == "between" else ""
    return f"{scope_words(record)}{rates}: {title}{stop}", f"{finding_text(record)}."
