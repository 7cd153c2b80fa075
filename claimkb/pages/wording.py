"""How checks, grades, comparisons and whose figures a check rests on are put in words
for readers."""

from __future__ import annotations

from claimkb.derive.ratings import Comparison
from claimkb.derive.records import CheckRecord


def grade_text(grade: str | None, factor: float | None) -> str:
    """``1.14 times apart, within the rounding of the figures``: how far two sides lie."""
    apart = max(factor, 1 / factor) if factor else None
    words = {
        "within precision": "within the rounding of the figures",
        "close": "less than 1.5 times apart",
        "far": "more than 1.5 times apart",
    }
    parts = []
    if apart is not None:
        parts.append(f"{apart:.3g} times apart" if apart >= 1.005 else "the same value")
    if grade:
        parts.append(words[grade])
    return ", ".join(parts)


def comparison_text(comparison: Comparison) -> str:
    """A comparison with other speakers' figures in words: it rates nobody."""
    others = " and ".join(f"{name}'s" for name in comparison.others) or "another"
    apart = grade_text(comparison.grade, comparison.factor)
    if comparison.verdict == "inconsistent":
        return f"differs from {others} figure ({apart})"
    if comparison.verdict == "consistent":
        return f"agrees with {others} figure" + (f" ({apart})" if apart else "")
    if comparison.verdict == "implies":
        return f"fits {others} figure only under an assumption"
    return f"cannot be set against {others} figure with what is at hand"


def scope_text(record: CheckRecord) -> str:
    """Whose figures a check rests on, and so whether it rates anyone."""
    speakers = sorted({s for found in record.speakers.values() for s in found})
    if record.scope == "own":
        return f"{speakers[0]}'s own"
    if record.scope == "between":
        return " vs ".join(speakers) + " (rates nobody)"
    return "reference facts only"


def apart(factor: float) -> float:
    """How many times apart two values are, whichever is the larger."""
    return max(factor, 1 / factor) if factor > 0 else abs(factor)
