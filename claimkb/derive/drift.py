"""Drift: the same quantity stated with different figures, per speaker, over time.

Same-claim links join only figures that agree, so they never say whether someone gave
different numbers for the same thing at different times. Drift groups claims by *what they
measure*, whatever their values, and compares each speaker's figures in the order they
were said.

What a claim measures
    the entity it is about (one group per entity it names), the kind of number (count,
    money, duration, ...), the dimension of its unit with a rate's period as denominator
    (launches per hour and per year are one "count per time"), the counted thing (patients
    and persons are one, as in same-claim links), a counted denominator ("per robot"), and
    the measure: for money the nearest measure word in its sentence (``measures`` in each
    language's ``words.yaml``: cost, revenue, investment), for a duration "time frame" when
    it counts forward from the day it was said ("innerhalb von", "в течение", "within": the
    same words as deadlines). A review's ``measures`` overrides the measure, for figures
    the words do not place (``claims/reviewed/``). Dates are left out (their drift is a
    moved deadline, which the predictions page shows), and so are claims about no entity.
    A claim about several entities is in a group for each; a group whose figures are all in
    another group of the same measure is left out, and of two groups with the same figures
    the one of the more specific entity (named by fewer claims) is kept. A group needs two
    figures.

Order
    by the date said (``Source.reference_date``: the interview, else the publication), then
    source id, then offset; figures of a source without a date come last.

Findings
    each figure compared with the same speaker's previous figure in the group (scope
    ``own``), and with the nearest earlier figure by another speaker (scope ``between``: a
    comparison that rates nobody). Intervals are those of the checks
    (:func:`claimkb.derive.stated.value_of_claim`: hedges widen, bounds are half-open), in
    the unit of the group's first figure:

    ``agreeing``       the intervals overlap (and neither holds the other), or are equal;
    ``narrowing``      the later interval lies inside the earlier one;
    ``widening``       the later interval holds the earlier one;
    ``contradicting``  the intervals are disjoint;
    ``alternatives``   disjoint, but said in one breath as options: nothing stands between
                       the two figures but an "or" word ("1 Million oder 10 Millionen";
                       ``or_words`` in each language's ``words.yaml``).

    ``factor`` is the later stated value over the earlier one (the midpoint of a range,
    the number of a bound), given for every finding.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from claimkb.core.models import Claim, Source
from claimkb.core.units import is_unit, kind_of_unit
from claimkb.derive.interval import Interval
from claimkb.derive.stated import value_of_claim
from claimkb.derive.value import Value, conversion_factor
from claimkb.derive.verdict import FLOAT_NOISE, compare, widen
from claimkb.extract.tables import LANGUAGES, tables
from claimkb.knowledge.deadlines import counts_forward
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.knowledge.matching import SYNONYMS

Relation = Literal["agreeing", "narrowing", "widening", "contradicting", "alternatives"]
Scope = Literal["own", "between"]

#: The measure of a duration that counts forward from the day it was said.
TIME_FRAME = "time frame"
#: What a figure of each kind is called in a group's label when no measure is known.
KIND_WORDS = {
    "count": "count",
    "money": "amount",
    "measure": "measure",
    "percent": "percentage",
    "multiplier": "multiplier",
    "duration": "duration",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DriftFigure(_Frozen):
    """One claim of a group: who said it, when, where, and its interval in the group's
    unit (``low``/``high`` are ``None`` where the interval is open to infinity)."""

    claim: str
    speaker: str
    said: dt.date | None
    source: str
    lang: str
    start: int
    surface: str
    quote: str
    value: float
    low: float | None
    high: float | None


class DriftFinding(_Frozen):
    """A later figure compared with an earlier one of the same group."""

    scope: Scope
    earlier: str
    later: str
    earlier_speaker: str
    later_speaker: str
    relation: Relation
    factor: float | None


class DriftGroup(_Frozen):
    """Figures that measure one quantity, in the order they were said, and the findings."""

    id: str
    label: str
    entity: str
    kind: str
    measure: str | None
    counted: str | None
    per: str | None
    unit: str
    figures: tuple[DriftFigure, ...]
    findings: tuple[DriftFinding, ...]


# ------------------------------------------------------------------------------ measures


@cache
def _measure_patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    if lang not in LANGUAGES:
        return ()
    words = tables(lang).words.measures
    return tuple(
        (name, re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)", re.IGNORECASE))
        for name, forms in sorted(words.items())
        if forms
    )


def measure_word(claim: Claim, text: str) -> str | None:
    """The measure named by the word nearest the claim's number in its sentence (its
    ``quote``): "cost" for "soll nur 20.000 US-Dollar kosten"."""
    before, after = _sentence_around(claim, text)
    best: tuple[int, str] | None = None
    for name, pattern in _measure_patterns(claim.lang):
        for found in pattern.finditer(before):
            candidate = (len(before) - found.end(), name)
            best = min(best, candidate) if best else candidate
        for found in pattern.finditer(after):
            candidate = (found.start(), name)
            best = min(best, candidate) if best else candidate
    return best[1] if best else None


def _sentence_around(claim: Claim, text: str) -> tuple[str, str]:
    """The claim's sentence before and after its number; the sentence is found in the text
    where it holds the claim's span (else the quote alone, split at the surface)."""
    quote = claim.quote
    low = max(0, claim.end - len(quote))
    at = text.find(quote, low, claim.start + len(quote))
    if at != -1 and at <= claim.start and claim.end <= at + len(quote):
        return text[at : claim.start], text[claim.end : at + len(quote)]
    before, _, after = quote.partition(claim.surface)
    return before, after


def claim_measure(kb: KnowledgeBase, claim: Claim) -> str | None:
    """What the claim's figure measures: the review's word, else the words near it."""
    reviewed = kb.claim_measures.get(claim.id)
    if reviewed:
        return reviewed
    text = kb.texts.get(claim.source, "")
    if claim.quantity.kind == "money":
        return measure_word(claim, text)
    if claim.quantity.kind == "duration" and counts_forward(claim, text):
        return TIME_FRAME
    return None


# ------------------------------------------------------------------------------ grouping

#: What a claim measures, apart from its entity: kind, dimension, counted thing, counted
#: denominator, measure.
Key = tuple[str, str, str | None, str | None, str | None]


def _stated(claim: Claim) -> Value | None:
    """The claim's value, or None for a date or an empty interval ("less than 0")."""
    if claim.quantity.unit == "date":
        return None
    try:
        return value_of_claim(claim)
    except ValueError:
        return None


def _per_thing(claim: Claim) -> str | None:
    per = claim.quantity.per
    if per is None or (is_unit(per) and kind_of_unit(per) == "duration"):
        return None
    return per


def claim_key(kb: KnowledgeBase, claim: Claim, value: Value) -> Key:
    """What the claim measures, whatever its value (see the module's docstring)."""
    counted = claim.quantity.counted
    return (
        claim.quantity.kind,
        str(value.unit.dimensionality),
        SYNONYMS.get(counted, counted) if counted else None,
        _per_thing(claim),
        claim_measure(kb, claim),
    )


def _says_what(key: Key) -> bool:
    """Whether the key names what is measured: a count's counted thing, or a measure."""
    kind, _, counted, _, measure = key
    return measure is not None or (kind == "count" and counted is not None)


def _said(sources: dict[str, Source], claim: Claim) -> dt.date | None:
    source = sources.get(claim.source)
    return source.reference_date if source else None


def drift_groups(kb: KnowledgeBase) -> list[DriftGroup]:
    """Every group of two or more figures that measure one quantity, sorted by id."""
    values: dict[str, Value] = {}
    candidates: dict[tuple[str, Key], list[str]] = {}
    for claim in kb.claims:
        value = _stated(claim)
        if value is None:
            continue
        key = claim_key(kb, claim, value)
        if not _says_what(key):
            continue
        values[claim.id] = value
        for entity in kb.claim_entities.get(claim.id, []):
            candidates.setdefault((entity, key), []).append(claim.id)
    named = _claims_per_entity(kb)
    kept = _most_specific(candidates, named)
    sources = {source.id: source for source in kb.sources}
    entities = {entity.id: entity for entity in kb.entities}
    groups = []
    for (entity, key), members in kept:
        claims = sorted(
            (kb.claims_by_id[i] for i in members), key=lambda c: _order(_said(sources, c), c)
        )
        name = entities[entity].name if entity in entities else entity
        groups.append(_group(entity, name, key, claims, values, sources, kb.texts))
    return _unique_ids(groups)


def _claims_per_entity(kb: KnowledgeBase) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entity_ids in kb.claim_entities.values():
        for entity in entity_ids:
            counts[entity] = counts.get(entity, 0) + 1
    return counts


def _most_specific(
    candidates: dict[tuple[str, Key], list[str]], named: dict[str, int]
) -> list[tuple[tuple[str, Key], list[str]]]:
    """The candidate groups of two or more figures that are not contained in another of the
    same key; of equal ones, that of the entity named by the fewest claims (then by id)."""
    by_key: dict[Key, list[tuple[str, frozenset[str]]]] = {}
    for (entity, key), ids in candidates.items():
        if len(ids) >= 2:
            by_key.setdefault(key, []).append((entity, frozenset(ids)))
    kept = []
    for key, groups in by_key.items():
        groups.sort(key=lambda g: (-len(g[1]), named.get(g[0], 0), g[0]))
        chosen: list[frozenset[str]] = []
        for entity, together in groups:
            if any(together <= other for other in chosen):
                continue
            chosen.append(together)
            kept.append(((entity, key), sorted(together)))
    return sorted(kept, key=lambda item: (item[0][0], repr(item[0][1])))


def _order(said: dt.date | None, claim: Claim) -> tuple[bool, dt.date, str, int]:
    return (said is None, said or dt.date.min, claim.source, claim.start)


def _group(
    entity: str,
    name: str,
    key: Key,
    claims: list[Claim],
    values: dict[str, Value],
    sources: dict[str, Source],
    texts: dict[str, str],
) -> DriftGroup:
    kind, _, counted, per, measure = key
    unit = values[claims[0].id].unit
    rate = any(c.quantity.per is not None and _per_thing(c) is None for c in claims)
    figures = tuple(_figure(c, values[c.id], unit, _said(sources, c)) for c in claims)
    label = f"{name}: " + " ".join(
        part
        for part in (
            counted,
            measure or KIND_WORDS.get(kind, kind),
            f"per {per}" if per else None,
            "per unit of time" if rate else None,
        )
        if part
    )
    unit_text = "" if str(unit) == "dimensionless" else str(unit)
    what = measure or KIND_WORDS.get(kind, kind)
    return DriftGroup(
        id=_slug(entity, counted, what, per, "per-time" if rate else None),
        label=label,
        entity=entity,
        kind=kind,
        measure=measure,
        counted=counted,
        per=per,
        unit=unit_text,
        figures=figures,
        findings=tuple(_findings(claims, values, unit, texts)),
    )


def _figure(claim: Claim, value: Value, unit: Any, said: dt.date | None) -> DriftFigure:
    shown = value.to(unit)
    lo, hi = shown.interval.lo, shown.interval.hi
    return DriftFigure(
        claim=claim.id,
        speaker=claim.speaker,
        said=said,
        source=claim.source,
        lang=claim.lang,
        start=claim.start,
        surface=claim.surface,
        quote=claim.quote,
        value=_stated_number(claim, value, unit),
        low=lo if math.isfinite(lo) else None,
        high=hi if math.isfinite(hi) else None,
    )


def _stated_number(claim: Claim, value: Value, unit: Any) -> float:
    """The number the words state (a range's midpoint, a bound's number) in ``unit``."""
    return claim.quantity.value * conversion_factor(value.unit, unit)


def _slug(*parts: str | None) -> str:
    text = "-".join(part for part in parts if part)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:72].strip("-") or "group"


def _unique_ids(groups: list[DriftGroup]) -> list[DriftGroup]:
    """Groups sorted by id; an id two groups share (same words, other dimensions) gets
    ``-2``, ``-3`` in the order of the groups' first figures."""
    groups.sort(key=lambda g: (g.id, g.figures[0].claim, g.unit))
    seen: dict[str, int] = {}
    result = []
    for group in groups:
        count = seen[group.id] = seen.get(group.id, 0) + 1
        renamed = {"id": f"{group.id}-{count}"}
        result.append(group if count == 1 else group.model_copy(update=renamed))
    return sorted(result, key=lambda g: g.id)


# ------------------------------------------------------------------------------ findings


def relation(earlier: Value, later: Value) -> Relation:
    """How ``later`` stands to ``earlier`` (see the module's docstring)."""
    verdict = compare("drift", later, earlier)
    if verdict.kind == "inconsistent":
        return "contradicting"
    a, b = earlier.to(later.unit).interval, later.interval
    inside, holds = _within(b, a), _within(a, b)
    if inside and holds:
        return "agreeing"
    if inside:
        return "narrowing"
    if holds:
        return "widening"
    return "agreeing"


def _within(inner: Interval, outer: Interval) -> bool:
    """``inner`` inside ``outer``, but for floating-point noise of a unit conversion."""
    return inner.within(widen(outer, FLOAT_NOISE))


def factor(earlier: Claim, later: Claim, values: dict[str, Value]) -> float | None:
    """The later stated number over the earlier one, in one unit."""
    unit = values[earlier.id].unit
    a = _stated_number(earlier, values[earlier.id], unit)
    b = _stated_number(later, values[later.id], unit)
    return b / a if a else None


@cache
def _or_pattern(lang: str) -> re.Pattern[str] | None:
    words = tables(lang).words.or_words if lang in LANGUAGES else []
    if not words:
        return None
    either = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\W*(?:{either})\W*", re.IGNORECASE)


def said_as_alternatives(a: Claim, b: Claim, text: str) -> bool:
    """Whether nothing but an "or" word stands between ``a`` and ``b`` in one text."""
    if a.source != b.source or a.lang != b.lang or not a.end <= b.start:
        return False
    pattern = _or_pattern(a.lang)
    return pattern is not None and pattern.fullmatch(text[a.end : b.start]) is not None


def _findings(
    claims: list[Claim], values: dict[str, Value], unit: Any, texts: dict[str, str]
) -> Iterator[DriftFinding]:
    def finding(scope: Scope, a: Claim, b: Claim) -> DriftFinding:
        found = relation(values[a.id].to(unit), values[b.id].to(unit))
        if found == "contradicting" and said_as_alternatives(a, b, texts.get(a.source, "")):
            found = "alternatives"
        return DriftFinding(
            scope=scope,
            earlier=a.id,
            later=b.id,
            earlier_speaker=a.speaker,
            later_speaker=b.speaker,
            relation=found,
            factor=factor(a, b, values),
        )

    last: dict[str, Claim] = {}
    latest: Claim | None = None  # the figure before this one
    before_latest: Claim | None = None  # the last one by another speaker than ``latest``'s
    for claim in claims:
        previous = last.get(claim.speaker)
        if previous is not None:
            yield finding("own", previous, claim)
        other = latest if latest and latest.speaker != claim.speaker else before_latest
        if other is not None:
            yield finding("between", other, claim)
        last[claim.speaker] = claim
        if latest is not None and latest.speaker != claim.speaker:
            before_latest = latest
        latest = claim


# ------------------------------------------------------------------------------ output


def drift_json(groups: Iterable[DriftGroup]) -> dict[str, Any]:
    """``build/drift.json`` and ``claimkb drift --format json``: the groups, each with its
    figures in the order they were said and its findings."""
    return {"groups": [group.model_dump(mode="json") for group in groups]}


def _number(x: float | None) -> str:
    return "∞" if x is None else f"{x:,.6g}"


def _figure_text(figure: DriftFigure, unit: str) -> str:
    if figure.low is not None and figure.low == figure.high:
        interval = _number(figure.low)
    else:
        low = "0" if figure.low == 0 else _number(figure.low) if figure.low is not None else "-∞"
        interval = f"{low}–{_number(figure.high)}"
    return f"«{figure.surface}» [{interval}{' ' + unit if unit else ''}]"


def drift_table(groups: Iterable[DriftGroup]) -> str:
    """One row per figure (group, speaker, date said, figure, source, finding against the
    speaker's previous figure, factor); under each group the comparisons between speakers."""
    header = ("group", "speaker", "said", "figure", "source", "finding", "factor")
    rows: list[tuple[str, ...]] = []
    notes: list[tuple[int, str]] = []
    for group in groups:
        own = {f.later: f for f in group.findings if f.scope == "own"}
        by_id = {f.claim: f for f in group.figures}
        for figure in group.figures:
            found = own.get(figure.claim)
            rows.append(
                (
                    group.id,
                    figure.speaker,
                    figure.said.isoformat() if figure.said else "—",
                    _figure_text(figure, group.unit),
                    figure.source,
                    found.relation if found else "first",
                    f"{found.factor:.3g}" if found and found.factor is not None else "",
                )
            )
        for f in group.findings:
            if f.scope == "between":
                a, b = by_id[f.earlier], by_id[f.later]
                ratio = f" (x{f.factor:.3g})" if f.factor is not None else ""
                notes.append(
                    (
                        len(rows),
                        f"  between speakers, not rated: {a.speaker} «{a.surface}» → "
                        f"{b.speaker} «{b.surface}»: {f.relation}{ratio}",
                    )
                )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(cell.ljust(width) for cell, width in cells).rstrip()

    out = [line(header), line(tuple("-" * w for w in widths))]
    pending = iter(notes)
    note = next(pending, None)
    for number, row in enumerate(rows, start=1):
        out.append(line(row))
        while note is not None and note[0] == number:
            out.append(note[1])
            note = next(pending, None)
    out.append(f"({len(rows)} figures in {len({r[0] for r in rows})} groups)")
    return "\n".join(out)
