"""The static site: the home page, one page per claim, source, entity and hand-written
derivation, index pages, and a page of predictions (date claims) with whether they have
fallen due; the graph page comes from ``kb.site_graph``, the SPARQL page from
``kb.site_sparql``, and what all pages share (addresses, escaping) from ``kb.site_pages``.

Pages are written as Markdown files that hold nothing but raw HTML built here, every piece of
source text passed through ``html.escape``: quotes come from interviews and social-media
threads, so a ``<script>`` or a stray ``*`` in them must show as text, never act as markup.
Links between generated pages are plain ``<a href>`` with relative URLs computed there, so
the pages depend on no mkdocs internals (its successor can take the same folder); the site
test checks every such link. Claim pages stay out of the ``nav``: a sidebar with every page
makes the build quadratic in the number of pages.

Output is deterministic: pages are written in sorted order from sorted data, and the only
date on them is the ``build_date`` the caller passes.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimkb.core.models import Claim, Entity, Reference, Source
from claimkb.core.project import ProjectConfig
from claimkb.core.units import registry
from claimkb.derive.ratings import Assessment, ClaimRating, Comparison, assess, rating_value
from claimkb.derive.records import AssumptionRecord, CheckRecord, IntervalRecord
from claimkb.derive.verdict_table import BEST_RATING, WORST_RATING
from claimkb.knowledge.agents import agent_type, organisations
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.knowledge.matching import normalise
from claimkb.knowledge.predictions import Prediction, not_predictions, predictions
from claimkb.pages.common import (
    CLAIMS_INDEX,
    DERIVATIONS_INDEX,
    DOWNLOAD_FILES,
    ENTITIES_INDEX,
    GENERATED,
    GRAPH_PAGE,
    HOME_PAGE,
    PREDICTIONS_PAGE,
    SOURCES_INDEX,
    SPARQL_PAGE,
    anchor_id,
    claim_page,
    derivation_page,
    download_href,
    entity_page,
    esc,
    href,
    json_ld,
    link_target,
    number_text,
    page_markdown,
    quantity_text,
    source_page,
)
from claimkb.pages.graph import graph_page


def _interval_text(part: IntervalRecord) -> str:
    """A result or compared interval from a derivation record."""
    value, low, high = part.value, part.low, part.high
    text = number_text(value) if value is not None else "–"
    if (low, high) != (value, value) and (low is not None or high is not None):
        text += f" [{number_text(low) or '…'}, {number_text(high) or '…'}]"
    return f"{text} {part.unit}".strip()


QUOTE_CUT = "…"
"""The mark the extractor puts where it cut a quote out of a longer sentence."""


def highlighted_quote(claim: Claim, text: str) -> str:
    """The quote, escaped, with the claim's surface in ``<mark>``. The quote is located in the
    source so the right occurrence is marked when the same number appears twice."""
    quote, surface = claim.quote, claim.surface
    at = -1
    # A quote cut out of a long sentence is marked with "…" where it was cut.
    head = len(quote) - len(quote.lstrip(QUOTE_CUT))
    words = quote.strip(QUOTE_CUT)
    # The last occurrence that begins at or before the claim (it ends before this bound).
    begin = text.rfind(words, 0, claim.start + len(words)) if words else -1
    if begin >= 0 and begin + len(words) >= claim.end:
        at = head + claim.start - begin
    if at < 0 or quote[at : at + len(surface)] != surface:
        at = quote.find(surface)
    if at < 0:
        return f"{esc(quote)} <mark>{esc(surface)}</mark>"
    return esc(quote[:at]) + f"<mark>{esc(surface)}</mark>" + esc(quote[at + len(surface) :])


def claim_review(
    claim: Claim,
    source: Source | None,
    rating: ClaimRating,
    publisher: str,
    outlets: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The schema.org ClaimReview of a rated claim, as data (serialised with ``json.dumps``):
    dated the day its rating was first reached; the claimant and the source's author typed
    as a person or an organisation (``knowledge.agents``)."""
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if source is not None:
        appearance["name"] = source.title or source.id
        if source.url:
            appearance["url"] = source.url
        if source.author:
            appearance["author"] = {
                "@type": agent_type(source.author, outlets),
                "name": source.author,
            }
        if source.published:
            appearance["datePublished"] = source.published.isoformat()
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": {"@type": agent_type(claim.speaker, outlets), "name": claim.speaker},
        "appearance": appearance,
    }
    if source is not None and source.reference_date:
        item["datePublished"] = source.reference_date.isoformat()
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.quote,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value(rating),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": rating.label,
        },
        "author": {"@type": "Organization", "name": publisher},
        "itemReviewed": item,
    }
    if rating.since is not None:
        review["datePublished"] = rating.since.isoformat()
    return review


def _table(
    headers: list[str],
    rows: list[list[str]],
    *,
    table_id: str = "",
    row_attrs: list[str] | None = None,
) -> list[str]:
    """An HTML table, sortable in the browser by clicking a header (``assets/claimkb.js``).
    Cells are already-escaped HTML; ``row_attrs`` are already-escaped attributes of each row
    (the filter reads them)."""
    ident = f' id="{esc(table_id)}"' if table_id else ""
    lines = [
        f'<table class="sortable"{ident}>',
        "<thead><tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr></thead>",
        "<tbody>",
    ]
    attrs = row_attrs or [""] * len(rows)
    for row, attr in zip(rows, attrs, strict=True):
        cells = "".join(f"<td>{c}</td>" for c in row)
        lines.append(f"<tr{' ' + attr if attr else ''}>{cells}</tr>")
    lines.append("</tbody></table>")
    return lines


def _dl(items: list[tuple[str, str]]) -> list[str]:
    """A definition list of label and already-escaped HTML value; empty values are left out."""
    return ["<dl>"] + [f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in items if v] + ["</dl>"]


class _Site:
    """The data every page needs, looked up once."""

    def __init__(
        self,
        kb: KnowledgeBase,
        records: list[CheckRecord],
        config: ProjectConfig,
        assessment: Assessment,
    ) -> None:
        self.kb = kb
        self.config = config
        self.records = records
        self.ratings = assessment.ratings
        self.comparisons = assessment.comparisons
        self.outlets = organisations(kb.sources)
        self.claims = kb.claims_by_id
        self.sources = {s.id: s for s in kb.sources}
        self.references: dict[str, Reference] = {r.id: r for r in kb.references}
        self.curated = {r.id for r in records if r.curated}
        self.cluster_of: dict[str, list[str]] = {}
        for members in kb.clusters:
            for member in members:
                self.cluster_of[member] = sorted(members)
        self.uses: dict[str, list[CheckRecord]] = {}
        for record in records:
            for input_id in sorted(set(record.inputs.values())):
                self.uses.setdefault(input_id, []).append(record)

        self.entity_claims: dict[str, list[Claim]] = {e.id: [] for e in kb.entities}
        for claim in kb.claims:
            for entity_id in sorted(set(kb.claim_entities.get(claim.id, []))):
                if entity_id in self.entity_claims:
                    self.entity_claims[entity_id].append(claim)

    def source_name(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return (source.title or source.id) if source else source_id

    def claim_link(self, from_page: str, claim: Claim, label: str | None = None) -> str:
        text = label if label is not None else esc(claim.surface)
        return f'<a href="{href(from_page, claim_page(claim.id))}">{text}</a>'

    def source_link(self, from_page: str, claim: Claim) -> str:
        if claim.source not in self.sources:
            return esc(claim.source)
        target = href(from_page, source_page(claim.source), anchor_id(claim))
        return f'<a href="{target}">{esc(self.source_name(claim.source))}</a>'

    def derivation_link(self, from_page: str, record: CheckRecord) -> str:
        label = esc(record.title or record.id)
        if record.id not in self.curated:
            return label
        return f'<a href="{href(from_page, derivation_page(record.id))}">{label}</a>'


#: What the claims table can be filtered by: the row attribute and the label of its menu.
FACETS: tuple[tuple[str, str], ...] = (
    ("lang", "Language"),
    ("kind", "Kind"),
    ("speaker", "Speaker"),
    ("source", "Source"),
    ("rating", "Rating"),
)
#: Separates the values of a facet that has several in one row (a claim's verdicts).
FACET_SEPARATOR = "|"


#: Names of the dimensions of measures (pint's base dimensions and their exponents), so a
#: reader can pick "power" rather than "measure".
DIMENSION_NAMES: tuple[tuple[dict[str, int], str], ...] = (
    ({"[length]": 1}, "length"),
    ({"[mass]": 1}, "mass"),
    ({"[length]": 2}, "area"),
    ({"[length]": 3}, "volume"),
    ({"[mass]": 1, "[length]": 2, "[time]": -3}, "power"),
    ({"[mass]": 1, "[length]": 2, "[time]": -2}, "energy"),
    ({"[length]": 1, "[time]": -1}, "speed"),
)


def kind_name(claim: Claim) -> str:
    """The claim's kind for readers: a measure is named by its dimension (power, mass)."""
    kind = claim.quantity.kind
    if kind != "measure":
        return kind
    dimensionality = dict(registry().Unit(claim.quantity.unit).dimensionality)
    names = [name for dims, name in DIMENSION_NAMES if dims == dimensionality]
    return names[0] if names else "measure"


#: The claims table's rating of a claim no check of its speaker's own figures rated.
NOT_RATED = "not rated"


def claim_rating_name(site: _Site, claim: Claim) -> str:
    """The claim's rating, or ``not rated``."""
    rated = site.ratings.get(claim.id)
    return rated.rating if rated else NOT_RATED


def sort_key(claim: Claim) -> str:
    """The number the quantity column sorts by: the value in pint base units, so 300 MW sorts
    below 1 GW; dates sort by their year."""
    normalised = normalise(claim.quantity)
    return repr(normalised.value if normalised else claim.quantity.value)


def _filter_form(table_id: str, facets: dict[str, set[str]], noun: str) -> list[str]:
    """The search box and one menu per facet above a table; hidden until the script runs,
    since without it they could do nothing."""
    lines = [
        f'<form class="table-filter" data-table="{esc(table_id)}" hidden>',
        '<label>Search <input type="search" name="q" placeholder="words in any column"></label>',
    ]
    for name, label in FACETS:
        options = "".join(
            f'<option value="{esc(v)}">{esc(v)}</option>' for v in sorted(facets[name])
        )
        lines.append(
            f'<label>{esc(label)} <select name="{esc(name)}"><option value="">all</option>'
            f"{options}</select></label>"
        )
    lines.append("</form>")
    lines.append(
        f'<p class="table-count" data-table="{esc(table_id)}" data-noun="{esc(noun)}"></p>'
    )
    return lines


def _claims_index(site: _Site) -> str:
    page, claims = CLAIMS_INDEX, site.kb.claims
    facets: dict[str, set[str]] = {name: set() for name, _ in FACETS}
    rows, attrs = [], []
    for claim, cells in zip(claims, _claim_rows(site, page, claims), strict=True):
        rating = claim_rating_name(site, claim)
        values: dict[str, list[str]] = {
            "lang": [claim.lang],
            "kind": [kind_name(claim)],
            "speaker": [claim.speaker],
            "source": [claim.source],
            "rating": [rating],
        }
        for name, found in values.items():
            facets[name].update(found)
        attrs.append(
            " ".join(f'data-{n}="{esc(FACET_SEPARATOR.join(v))}"' for n, v in values.items())
        )
        quote, quantity, speaker, source = cells
        number = f'<span data-sort="{esc(sort_key(claim))}">{quantity}</span>'
        rows.append([quote, number, speaker, source, esc(claim.lang), esc(rating)])
    body = [
        "<h1>Claims</h1>",
        f"<p>{len(claims)} claims from {len(site.kb.sources)} sources. Click a column's "
        "header to sort by it; the quantity column sorts by the value in SI base units.</p>",
        *_filter_form("claims-table", facets, "claims"),
        *_table(
            ["quote", "quantity", "speaker", "source", "language", "rating"],
            rows,
            table_id="claims-table",
            row_attrs=attrs,
        ),
    ]
    return page_markdown("Claims", body)


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


def _claim(site: _Site, claim: Claim) -> str:
    page = claim_page(claim.id)
    q = claim.quantity
    text = site.kb.texts.get(claim.source, "")
    uses = site.uses.get(claim.id, [])
    rated = site.ratings.get(claim.id)
    source = site.sources.get(claim.source)
    said = source.reference_date if source else None
    if rated is not None:
        since = rated.since.isoformat() if rated.since else ""
        rating = esc(rated.label) + (f" (since {esc(since)})" if since else "")
    else:
        rating = esc("Not rated: no check of this speaker's own figures reached a verdict")
    body = [
        f"<h1>Claim: {esc(claim.surface)}</h1>",
        f"<blockquote><p>{highlighted_quote(claim, text)}</p></blockquote>",
        *_dl(
            [
                ("Rating", rating),
                ("Quantity", esc(quantity_text(claim))),
                ("Kind", esc(q.kind)),
                ("Value", esc(f"{q.value:g}" if q.kind == "date" else number_text(q.value))),
                ("Unit", esc(q.unit)),
                ("Low", esc(number_text(q.low))),
                ("High", esc(number_text(q.high))),
                ("Bound", esc(q.bound)),
                ("Hedge", esc(q.hedge or "")),
                ("Per", esc(q.per or "")),
                ("Counted", esc(q.counted or "")),
                ("Time", esc(q.time or "")),
                ("Ambiguity", esc(q.ambiguity or "")),
                ("Speaker", esc(claim.speaker)),
                ("Said", esc(said.isoformat() if said else "")),
                ("Language", esc(claim.lang)),
                ("Source", site.source_link(page, claim)),
                ("Characters", esc(f"{claim.start}–{claim.end}")),
                *([("Cue", f"<time>{esc(claim.cue)}</time>")] if claim.cue else []),
                ("Id", f"<code>{esc(claim.id)}</code>"),
            ]
        ),
    ]
    others = [m for m in site.cluster_of.get(claim.id, []) if m != claim.id and m in site.claims]
    body.append("<h2>The same claim elsewhere</h2>")
    if others:
        rows = [
            [
                site.claim_link(page, site.claims[m]),
                esc(site.claims[m].speaker),
                site.source_link(page, site.claims[m]),
            ]
            for m in others
        ]
        body += _table(["surface", "speaker", "source"], rows)
    else:
        body.append("<p>No other claim states the same quantity.</p>")
    body.append("<h2>Checks</h2>")
    if uses:
        rows = [
            [
                site.derivation_link(page, r),
                esc(r.verdict),
                esc(grade_text(r.grade, r.factor)),
                esc(_scope_text(r)),
            ]
            for r in uses
        ]
        body += _table(["derivation", "verdict", "how close", "whose figures"], rows)
    else:
        body.append("<p>No derivation uses this claim.</p>")
    compared = site.comparisons.get(claim.id, [])
    if compared:
        body.append("<h2>Against other speakers' figures</h2>")
        body.append(
            "<p>These checks set this figure against other people's. They rate nobody: "
            "when two speakers' figures differ, the check cannot tell which is wrong.</p>"
        )
        body.append("<ul>")
        for comparison in compared:
            record = next(r for r in uses if r.id == comparison.check)
            link = site.derivation_link(page, record)
            body.append(f"<li>{esc(comparison_text(comparison))}: {link}</li>")
        body.append("</ul>")
    if rated is not None:
        review = claim_review(claim, source, rated, site.config.publisher, site.outlets)
        body.append(f'<script type="application/ld+json">\n{json_ld(review)}\n</script>')
    return page_markdown(f"Claim {claim.id}", body)


def _scope_text(record: CheckRecord) -> str:
    """Whose figures a check rests on, and so whether it rates anyone."""
    speakers = sorted({s for found in record.speakers.values() for s in found})
    if record.scope == "own":
        return f"{speakers[0]}'s own"
    if record.scope == "between":
        return " vs ".join(speakers) + " (rates nobody)"
    return "reference facts only"


def _source_text(site: _Site, source_id: str, page: str) -> str:
    """The full text, escaped, with every claim marked and anchored at its first character.
    A claim inside another one's span gets an empty anchor before the outer mark."""
    text = site.kb.texts.get(source_id, "")
    claims = sorted(
        (c for c in site.kb.claims if c.source == source_id), key=lambda c: (c.start, -c.end)
    )
    out: list[str] = []
    cursor = 0
    used: set[str] = set()
    pending: list[str] = []
    for claim in claims:
        anchor = anchor_id(claim)
        if anchor in used:
            continue
        used.add(anchor)
        if claim.start < cursor or claim.end > len(text):
            pending.append(f'<span id="{esc(anchor)}"></span>')
            continue
        out.append(esc(text[cursor : claim.start]))
        out.append(
            f'<mark id="{esc(anchor)}">'
            + site.claim_link(page, claim, esc(text[claim.start : claim.end]))
            + "</mark>"
        )
        cursor = claim.end
    out.append(esc(text[cursor:]))
    # Line breaks become <br> so the block has no blank lines for Markdown to split on.
    joined = "".join(pending) + "".join(out)
    return joined.replace("\r\n", "\n").replace("\n", "<br>\n")


def _original(url: str | None) -> str:
    """Where the source was published: a link when it is an http(s) address, else text."""
    if not url:
        return ""
    target = link_target(url)
    return f'<a href="{target}">{esc(url)}</a>' if target else esc(url)


def _source(site: _Site, source: Source) -> str:
    page = source_page(source.id)
    interview = source.covers_interview
    body = [
        f"<h1>{esc(source.title or source.id)}</h1>",
        *_dl(
            [
                ("Id", f"<code>{esc(source.id)}</code>"),
                ("Author", esc(source.author or "")),
                ("Published", esc(source.published.isoformat() if source.published else "")),
                ("Language", esc(source.language or "")),
                ("Translated from", esc(source.translated_from or "")),
                ("Kind", esc(source.kind or "")),
                ("Original", _original(source.url)),
                ("Cites", esc(source.cites or "")),
                ("Speakers", esc(", ".join(interview.speakers)) if interview else ""),
                ("Interviewers", esc(", ".join(interview.interviewers)) if interview else ""),
                (
                    "Interview date",
                    esc(interview.date.isoformat()) if interview and interview.date else "",
                ),
                ("Venue", esc(interview.venue or "") if interview else ""),
                ("Notes", esc(source.notes or "")),
            ]
        ),
        "<h2>Text</h2>",
        f'<div class="source-text">{_source_text(site, source.id, page)}</div>',
    ]
    return page_markdown(f"Source {source.id}", body)


def _sources_index(site: _Site) -> str:
    page = SOURCES_INDEX
    counts: dict[str, int] = {}
    for claim in site.kb.claims:
        counts[claim.source] = counts.get(claim.source, 0) + 1
    rows = [
        [
            f'<a href="{href(page, source_page(s.id))}">{esc(s.title or s.id)}</a>',
            esc(s.author or ""),
            esc(s.published.isoformat() if s.published else ""),
            esc(s.language or ""),
            esc(counts.get(s.id, 0)),
        ]
        for s in sorted(site.kb.sources, key=lambda s: s.id)
    ]
    body = [
        "<h1>Sources</h1>",
        *_table(["title", "author", "published", "language", "claims"], rows),
    ]
    return page_markdown("Sources", body)


def _input_row(site: _Site, page: str, name: str, target: str) -> list[str]:
    """One input of a derivation: a claim with its quote, a reference fact, or a derivation."""
    if target in site.claims:
        claim = site.claims[target]
        quote = highlighted_quote(claim, site.kb.texts.get(claim.source, ""))
        return [esc(name), site.claim_link(page, claim, quote), esc(quantity_text(claim))]
    if target in site.references:
        ref = site.references[target]
        value = number_text(ref.value) + f" {ref.unit}"
        return [esc(name), esc(f"{ref.title} (reference {ref.id})"), esc(value)]
    if target.startswith("derivation:"):
        other = target.removeprefix("derivation:")
        if other in site.curated:
            link = f'<a href="{href(page, derivation_page(other))}">{esc(other)}</a>'
            return [esc(name), link, "derivation"]
    return [esc(name), esc(target), ""]


def _assumption_text(assumption: AssumptionRecord | None) -> str:
    """``mass = 1 t (agrees for 0.9 to 1.1)``: the solved-for value of an implies verdict."""
    if not assumption:
        return ""
    text = f"{assumption.name} = {number_text(assumption.value)} {assumption.unit}"
    low, high = assumption.low, assumption.high
    if low is not None or high is not None:
        text += f" (the figures agree for {number_text(low) or '…'} to {number_text(high) or '…'})"
    return text


def _steps_table(record: CheckRecord) -> list[str]:
    """The evaluation step by step: each input's interval, then each operation's."""
    rows = []
    for number, step in enumerate(record.steps, start=1):
        low, high = step.low, step.high
        if low is not None and low == high:
            interval = number_text(low)
        else:
            interval = f"[{number_text(low) or '−∞'}, {number_text(high) or '∞'}]"
        rows.append(
            [
                esc(number),
                f"<code>{esc(step.expression)}</code>",
                esc(interval),
                esc(step.unit),
                esc(step.note),
            ]
        )
    if not rows:
        return ["<p>The expression could not be evaluated step by step.</p>"]
    return _table(["step", "expression", "interval", "unit", "note"], rows)


def _derivation(site: _Site, record: CheckRecord) -> str:
    page = derivation_page(record.id)
    compared = esc(_interval_text(record.compared))
    if record.compare:
        compared = f"<code>{esc(record.compare)}</code> = {compared}"
    body = [
        f"<h1>{esc(record.title or record.id)}</h1>",
        f'<p class="explanation">{esc(record.explanation or record.reason)}</p>',
        *_dl(
            [
                ("Verdict", f"<strong>{esc(record.verdict)}</strong>"),
                ("How close", esc(grade_text(record.grade, record.factor))),
                ("Whose figures", esc(_scope_text(record))),
                ("Id", f"<code>{esc(record.id)}</code>"),
                ("Expression", f"<code>{esc(record.expression)}</code>"),
                ("Result", esc(_interval_text(record.result))),
                ("Compared with", compared),
                ("Factor", esc(number_text(record.factor))),
                ("Reason", esc(record.reason)),
                ("Assumption", esc(_assumption_text(record.assumption))),
                ("Expected verdict", esc(record.expected or "")),
                ("Status", esc(record.status)),
                ("Written in", f"<code>{esc(record.where or '')}</code>"),
            ]
        ),
        "<h2>Inputs</h2>",
        *_table(
            ["name", "input", "quantity"],
            [_input_row(site, page, n, t) for n, t in sorted(record.inputs.items())],
        ),
        "<h2>Step by step</h2>",
        "<p>Each input as the interval it stands for (a hedge widens a figure, a bound opens "
        "one side), then every operation, innermost first, with the interval it yields. The "
        "last step is the result.</p>",
        *_steps_table(record),
    ]
    return page_markdown(f"Derivation {record.id}", body)


#: The pages the home page points to, with what each holds.
HOME_LINKS: tuple[tuple[str, str, str], ...] = (
    (CLAIMS_INDEX, "Claims", "every claim, sortable and filterable"),
    (SOURCES_INDEX, "Sources", "every source with its claims marked in the text"),
    (DERIVATIONS_INDEX, "Derivation checks", "the arithmetic between claims and its verdicts"),
    (ENTITIES_INDEX, "Entities", "what the claims are about"),
    (PREDICTIONS_PAGE, "Predictions", "dated claims and whether they have fallen due"),
    (GRAPH_PAGE, "Graph", "sources, claims, same-claim links and derivations in one picture"),
    (SPARQL_PAGE, "SPARQL", "query the knowledge base in this browser; downloads"),
    ("methodology.md", "Methodology", "how claims are read, matched and checked; the limits"),
)


#: The order of grades on the home page, furthest first.
GRADE_ORDER = {"far": 0, "close": 1}


def apart(factor: float) -> float:
    """How many times apart two values are, whichever is the larger."""
    return max(factor, 1 / factor) if factor > 0 else abs(factor)


def striking(records: Iterable[CheckRecord]) -> list[CheckRecord]:
    """The curated checks whose sides do not meet even with the figures' rounding, ordered
    by grade (far before close), then by how far apart, then by id."""
    found = [
        r for r in records if r.curated and r.verdict == "inconsistent" and r.grade in GRADE_ORDER
    ]
    return sorted(
        found,
        key=lambda r: (
            GRADE_ORDER[r.grade or ""],
            -abs(math.log10(apart(r.factor))) if r.factor else 0.0,
            r.id,
        ),
    )


def _home(site: _Site) -> str:
    """What the knowledge base holds, the most striking inconsistencies, how to query it."""
    page, kb = HOME_PAGE, site.kb
    by_lang = Counter(claim.lang for claim in kb.claims)
    curated = [r for r in site.records if r.curated]
    verdicts = Counter(r.verdict for r in curated)
    holds = [
        ("sources", esc(len(kb.sources))),
        ("claims", esc(len(kb.claims))),
        ("claims by language", esc(", ".join(f"{k} {v}" for k, v in sorted(by_lang.items())))),
        ("same-claim clusters", esc(len(kb.clusters))),
        ("derivations (hand-written)", esc(len(curated))),
        ("verdicts", esc(", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))),
    ]
    rows = [
        [
            site.derivation_link(page, r),
            esc(_scope_text(r)),
            esc(f"{apart(r.factor):.3g}x" if r.factor else "-"),
            esc(grade_text(r.grade, None)),
        ]
        for r in striking(site.records)
    ]
    about = f"<p>{esc(site.config.description)}</p>" if site.config.description else ""
    body = [
        f"<h1>{esc(site.config.title)}</h1>",
        about,
        "<p>A fact-check knowledge base made with claimkb: it reads articles and transcripts, "
        "finds every numeric statement in them with its value, unit, range, hedge, speaker "
        "and exact place, links the same claim across sources and languages, and checks the "
        "arithmetic between claims with units and uncertainty.</p>",
        "<h2>What the knowledge base holds</h2>",
        *_table(["what", "how many"], [[esc(label), value] for label, value in holds]),
        "<h2>The figures furthest apart</h2>",
        "<p>Hand-written checks whose figures do not meet, furthest apart first: first those "
        "more than 1.5 times apart, then those less; a gap within the rounding the figures "
        "were stated with is not listed. A check between two speakers' figures rates neither "
        "of them.</p>",
        *(
            _table(["derivation", "whose figures", "apart", "how close"], rows)
            if rows
            else ["<p>No hand-written check finds figures that far apart.</p>"]
        ),
        "<h2>Where to look</h2>",
        "<ul>",
        *(
            f'<li><a href="{href(page, target)}">{esc(label)}</a>: {esc(what)}</li>'
            for target, label, what in HOME_LINKS
        ),
        "</ul>",
        "<h2>How to query it</h2>",
        f'<p>In this browser, on the <a href="{href(page, SPARQL_PAGE)}">SPARQL page</a>, '
        "with the example queries one click away. At the command line, run <code>claimkb "
        "query ranges</code> (an example query by name, a <code>.rq</code> file or any SPARQL "
        "text) after <code>claimkb build</code>; each example query says what it answers.</p>",
        "<p>Downloads: "
        + ", ".join(
            f'<a href="{download_href(page, name)}">{esc(name)}</a> ({esc(what)})'
            for name, what in DOWNLOAD_FILES
        )
        + ".</p>",
    ]
    return page_markdown(site.config.title, body)


def _derivations_index(site: _Site) -> str:
    page = DERIVATIONS_INDEX
    rows = [
        [
            site.derivation_link(page, r),
            esc(r.kind),
            esc(r.verdict),
            esc(_interval_text(r.result)),
            esc(_interval_text(r.compared)),
        ]
        for r in site.records
    ]
    body = [
        "<h1>Derivation checks</h1>",
        *_table(["derivation", "kind", "verdict", "result", "compared"], rows),
    ]
    return page_markdown("Derivation checks", body)


def _claim_rows(site: _Site, page: str, claims: Iterable[Claim]) -> list[list[str]]:
    """Rows of quote (linked to the claim page), quantity, speaker and source."""
    rows = []
    for claim in claims:
        quote = highlighted_quote(claim, site.kb.texts.get(claim.source, ""))
        rows.append(
            [
                site.claim_link(page, claim, quote),
                esc(quantity_text(claim)),
                esc(claim.speaker),
                site.source_link(page, claim),
            ]
        )
    return rows


def _entity(site: _Site, entity: Entity) -> str:
    page = entity_page(entity.id)
    claims = site.entity_claims.get(entity.id, [])
    body = [
        f"<h1>{esc(entity.name)}</h1>",
        *_dl(
            [
                ("Id", f"<code>{esc(entity.id)}</code>"),
                ("Kind", esc(entity.kind)),
                ("Names", esc(", ".join(entity.aliases))),
                ("Claims", esc(len(claims))),
            ]
        ),
        "<h2>Claims</h2>",
    ]
    if claims:
        body += _table(["quote", "quantity", "speaker", "source"], _claim_rows(site, page, claims))
    else:
        body.append("<p>No claim is about this entity.</p>")
    return page_markdown(f"Entity {entity.name}", body)


def _entities_index(site: _Site) -> str:
    page = ENTITIES_INDEX
    rows = [
        [
            f'<a href="{href(page, entity_page(e.id))}">{esc(e.name)}</a>',
            esc(e.kind),
            esc(len(site.entity_claims.get(e.id, []))),
        ]
        for e in sorted(site.kb.entities, key=lambda e: e.id)
    ]
    body = [
        "<h1>Entities</h1>",
        f"<p>{len(site.kb.entities)} entities the claims are about.</p>",
        *_table(["entity", "kind", "claims"], rows),
    ]
    return page_markdown("Entities", body)


def _predictions(site: _Site, build_date: dt.date) -> str:
    page = PREDICTIONS_PAGE

    def outcome(found: Prediction) -> str:
        if found.outcome is None:
            return ""
        evidence = [
            f'<a href="{esc(e.url)}">{esc(e.date.isoformat())}</a>'
            + (f" {esc(e.note)}" if e.note else "")
            for e in found.outcome.evidence
        ]
        return "; ".join([f"<strong>{esc(found.outcome.result)}</strong>", *evidence])

    ahead: list[list[str]] = []
    for found in predictions(site.kb):
        claim = found.claim
        quote = highlighted_quote(claim, site.kb.texts.get(claim.source, ""))
        link = site.claim_link(page, claim, quote)
        again = [site.claim_link(page, c, f"again ({esc(c.source)})") for c in found.claims[1:]]
        if again:
            link += " <small>" + ", ".join(again) + "</small>"
        said = esc(found.said.isoformat() if found.said else "")
        due = found.due.isoformat() if found.due else ""
        if found.due and found.after:
            due = f"after {due}"
        sources = ", ".join(dict.fromkeys(site.source_link(page, c) for c in found.claims))
        row = [link, esc(quantity_text(claim)), esc(found.kind), said, esc(due)]
        status = esc(found.status(build_date))
        ahead.append([*row, status, outcome(found), esc(claim.speaker), sources])
    dismissed: list[list[str]] = []
    for other in not_predictions(site.kb):
        claim = other.claim
        quote = highlighted_quote(claim, site.kb.texts.get(claim.source, ""))
        said = esc(other.said.isoformat() if other.said else "")
        row = [site.claim_link(page, claim, quote), esc(quantity_text(claim)), said]
        dismissed.append(
            [*row, esc(other.reason), esc(claim.speaker), site.source_link(page, claim)]
        )
    body = [
        "<h1>Predictions</h1>",
        f"<p>{len(ahead)} predictions: statements about a future state said before their due "
        "date, in words that look ahead. Each names a date that lay ahead when it was said, "
        'or a span of time counted from that day ("innerhalb von drei Jahren", "через пять '
        'лет"); the same prediction said again by the same speaker is one row with every '
        "claim that states it. Sorted by when they fall due: the end of the year, month, day "
        "or interval named, or the day said plus the longest span the words allow. Status as "
        f"of {esc(build_date.isoformat())}: <em>due date passed</em> or <em>open</em> (due "
        "later, about what happens after a date, or said on an unknown day). The outcome "
        "comes from the reviewed ledger, with its evidence.</p>",
        *_table(
            ["quote", "time", "kind", "said", "due", "status", "outcome", "speaker", "sources"],
            ahead,
        ),
        "<h2>Dated statements that are not predictions</h2>",
        f"<p>{len(dismissed)} claims name a date but are no prediction: the date had come "
        'when they were said ("am 10. September" in an interview of that day), or the '
        'clause around it reports the past or a state that holds now ("hat … '
        'abgeschlossen", "ausverkauft"). The reason names the words.</p>',
        *_table(["quote", "time", "said", "reason", "speaker", "source"], dismissed),
    ]
    return page_markdown("Predictions", body)


def generate_pages(
    kb: KnowledgeBase,
    records: list[CheckRecord],
    docs_dir: Path,
    build_date: dt.date,
    config: ProjectConfig,
    assessment: Assessment | None = None,
) -> int:
    """Write every generated page into ``docs_dir/generated/`` (emptied first, so pages of
    claims that are gone do not linger) and the home page, for the project ``config``
    describes; return how many were written. ``assessment`` holds the claims' ratings with
    their days (``derive.ratings``); without one, ratings are dated ``build_date``."""
    if assessment is None:
        assessment = assess(records, kb.claims_by_id, {}, build_date)
    site = _Site(kb, records, config, assessment)
    pages: dict[str, str] = {
        CLAIMS_INDEX: _claims_index(site),
        SOURCES_INDEX: _sources_index(site),
        DERIVATIONS_INDEX: _derivations_index(site),
        ENTITIES_INDEX: _entities_index(site),
        PREDICTIONS_PAGE: _predictions(site, build_date),
        HOME_PAGE: _home(site),
    }

    pages[GRAPH_PAGE] = graph_page(kb, records)
    for entity in kb.entities:
        pages[entity_page(entity.id)] = _entity(site, entity)
    for claim in kb.claims:
        pages[claim_page(claim.id)] = _claim(site, claim)
    for source in kb.sources:
        pages[source_page(source.id)] = _source(site, source)
    for record in records:
        if record.curated:
            pages[derivation_page(record.id)] = _derivation(site, record)
    folder = docs_dir / GENERATED
    if folder.exists():
        shutil.rmtree(folder)
    for path in sorted(pages):
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(pages[path], encoding="utf-8", newline="\n")
    return len(pages)
