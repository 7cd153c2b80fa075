"""The claims index (sortable, filterable) and one page per claim, with its rating, its checks,
its comparisons with other speakers' figures and, when it is rated, its schema.org
ClaimReview.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimkb.core.models import Claim, Source
from claimkb.core.units import registry
from claimkb.derive.ratings import ClaimRating, rating_value
from claimkb.derive.verdict_table import BEST_RATING, WORST_RATING
from claimkb.knowledge.agents import agent_type
from claimkb.knowledge.matching import normalise
from claimkb.pages.common import (
    CLAIMS_INDEX,
    claim_page,
    entity_page,
    esc,
    href,
    json_ld,
    number_text,
    page_markdown,
    quantity_text,
    title_text,
)
from claimkb.pages.context import SiteData
from claimkb.pages.drift_pages import drift_links
from claimkb.pages.english import claim_english, language_note, quantity_english, where_said
from claimkb.pages.html import definition_list, highlighted_quote, said_on, table
from claimkb.pages.sources import original_link
from claimkb.pages.summary import claim_sentence_parts, sentence_html
from claimkb.pages.wording import grade_text, scope_text


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


#: What the claims table can be filtered by: the row attribute and the label of its menu.
FACETS: tuple[tuple[str, str], ...] = (
    ("lang", "Language"),
    ("kind", "Kind"),
    ("speaker", "Speaker"),
    ("entity", "Entity"),
    ("year", "Said in"),
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


def claim_rating_name(site: SiteData, claim: Claim) -> str:
    """The claim's rating, or ``not rated``."""
    rated = site.ratings.get(claim.id)
    return rated.rating if rated else NOT_RATED


def sort_key(claim: Claim) -> str:
    """The number the quantity column sorts by: the value in pint base units, so 300 MW sorts
    below 1 GW; dates sort by their year."""
    normalised = normalise(claim.quantity)
    return repr(normalised.value if normalised else claim.quantity.value)


def filter_form(
    table_id: str, facets: dict[str, set[str]], noun: str, names: dict[str, str] | None = None
) -> list[str]:
    """The search box and one menu per facet above a table, a button that downloads the rows
    shown as CSV, and the count of rows shown (announced to screen readers when it changes);
    hidden until the script runs, since without it they could do nothing. ``names`` are
    the facets to offer (all of ``FACETS`` by default)."""
    offered = names if names is not None else dict(FACETS)
    lines = [
        f'<form class="table-filter" data-table="{esc(table_id)}" hidden>',
        # In the address the words are "text": Material's search opens on a "q" there.
        '<label>Search <input type="search" name="q" data-param="text" '
        'placeholder="words in any column"></label>',
    ]
    for name, label in offered.items():
        # Years newest first; every other menu in alphabetical order.
        values = sorted(facets[name], reverse=name == "year")
        options = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
        lines.append(
            f'<label>{esc(label)} <select name="{esc(name)}"><option value="">all</option>'
            f"{options}</select></label>"
        )
    lines.append(
        '<button type="button" class="table-csv md-button">Download CSV</button>'
        '<button type="reset" class="table-reset md-button">Clear filters</button>'
    )
    lines.append("</form>")
    lines.append(
        f'<p class="table-count" data-table="{esc(table_id)}" data-noun="{esc(noun)}" '
        'role="status" aria-live="polite"></p>'
    )
    return lines


#: The columns of the claims table; the filter's URL names a sorted column by its header.
CLAIMS_COLUMNS = [
    "claim",
    "quantity",
    "speaker",
    "said",
    "entities",
    "source",
    "language",
    "rating",
]


def claim_entity_names(site: SiteData, claim: Claim) -> list[str]:
    """The names of the entities a claim is about, in the order of their names."""
    names = {e.id: e.name for e in site.kb.entities}
    found = {names[i] for i in site.kb.claim_entities.get(claim.id, []) if i in names}
    return sorted(found, key=str.casefold)


def claim_cell(site: SiteData, page: str, claim: Claim) -> str:
    """A claim in a table: its English line (linked to its page) above the original quote
    with the claim marked, the quote marked with its language."""
    source = site.sources.get(claim.source)
    english = site.claim_link(page, claim, esc(claim_english(claim, source)))
    quote = highlighted_quote(claim, site.kb.texts.get(claim.source, ""))
    return (
        f'<span class="claim-english">{english}</span>'
        f'<span class="claim-quote" lang="{esc(claim.lang)}">{quote}</span>'
    )


def claims_index(site: SiteData) -> str:
    page, claims = CLAIMS_INDEX, site.kb.claims
    facets: dict[str, set[str]] = {name: set() for name, _ in FACETS}
    entity_ids = {e.name: e.id for e in site.kb.entities}
    rows, attrs = [], []
    for claim in claims:
        rating = claim_rating_name(site, claim)
        source = site.sources.get(claim.source)
        said = source.reference_date if source is not None else None
        entities = claim_entity_names(site, claim)
        values: dict[str, list[str]] = {
            "lang": [claim.lang],
            "kind": [kind_name(claim)],
            "speaker": [claim.speaker],
            "entity": entities,
            "year": [str(said.year)] if said else [],
            "source": [claim.source],
            "rating": [rating],
        }
        for name, found in values.items():
            facets[name].update(found)
        attrs.append(
            " ".join(f'data-{n}="{esc(FACET_SEPARATOR.join(v))}"' for n, v in values.items())
        )
        number = f'<span data-sort="{esc(sort_key(claim))}">{esc(quantity_text(claim))}</span>'
        entity_links = ", ".join(
            f'<a href="{href(page, entity_page(entity_ids[name]))}">{esc(name)}</a>'
            for name in entities
        )
        day = f'<time datetime="{said.isoformat()}">{said.isoformat()}</time>' if said else ""
        rows.append(
            [
                claim_cell(site, page, claim),
                number,
                esc(claim.speaker),
                day,
                entity_links,
                site.source_link(page, claim),
                esc(claim.lang),
                esc(rating),
            ]
        )
    body = [
        "<h1>Claims</h1>",
        f"<p>{len(claims)} claims from {len(site.kb.sources)} sources, each in English above "
        "its words in the original language. Click a column's header to sort by it; the "
        "quantity column sorts by the value in SI base units. The filters and the order are "
        "kept in the page's address, so a link or the Back button brings the same rows "
        "back, and Download CSV saves the rows shown, in the order shown.</p>",
        *filter_form("claims-table", facets, "claims"),
        *table(CLAIMS_COLUMNS, rows, table_id="claims-table", row_attrs=attrs),
    ]
    return page_markdown("Claims", body)


def verdict_checks(site: SiteData, page: str, claim: Claim) -> list[str]:
    """The checks behind the opening sentence, each with its explanation: those that decide
    the claim's rating, then those that set it against other speakers' figures."""
    rated = site.ratings.get(claim.id)
    uses = {r.id: r for r in site.uses.get(claim.id, [])}
    items = []
    for check in rated.deciding if rated else ():
        if check in uses:
            record = uses[check]
            items.append(
                f"<li>Rated by {site.derivation_link(page, record)}: "
                f"{esc(record.explanation or record.reason)}</li>"
            )
    for comparison in site.comparisons.get(claim.id, []):
        if comparison.check in uses:
            record = uses[comparison.check]
            items.append(
                f"<li>Compared in {site.derivation_link(page, record)}, which rates nobody "
                "(when two speakers' figures differ, the check cannot tell which is wrong): "
                f"{esc(record.explanation or record.reason)}</li>"
            )
    return ['<ul class="verdict-checks">', *items, "</ul>"] if items else []


def claim_page_html(site: SiteData, claim: Claim) -> str:
    """Verdict first: the claim in English and one sentence with who said what, when and
    where and what the checks found; then the quote in its language with its source, the
    checks, the same claim elsewhere, and the record's fields folded away."""
    page = claim_page(claim.id)
    q = claim.quantity
    uses = site.uses.get(claim.id, [])
    rated = site.ratings.get(claim.id)
    source = site.sources.get(claim.source)
    said = source.reference_date if source else None
    parts = claim_sentence_parts(claim, source, rated, site.comparisons.get(claim.id, []))
    sentence = " ".join(part for part in parts if part)
    english = title_text(site.claim_english(claim))
    original = original_link(source.url if source else None)
    body = [
        f"<h1>{esc(english)}</h1>",
        f'<p class="verdict-sentence">{sentence_html(parts, 1)}</p>',
        *verdict_checks(site, page, claim),
        "<h2>What was said</h2>",
        f"<blockquote><p>{highlighted_quote(claim, site.kb.texts.get(claim.source, ''))}</p>"
        "</blockquote>",
        f"<p>In English: {esc(quantity_english(q))} (the figure as the record reads it; the "
        "quote itself is not translated).</p>",
        *definition_list(
            [
                ("Speaker", esc(claim.speaker)),
                ("Said", said_on(said)),
                ("Where", esc(where_said(source))),
                ("Source", site.source_link(page, claim)),
                ("Language", esc(language_note(claim, source).removeprefix("in "))),
                ("Original", original),
                *([("Cue", f"<time>{esc(claim.cue)}</time>")] if claim.cue else []),
            ]
        ),
        "<h2>Checks</h2>",
    ]
    if uses:
        rows = [
            [
                site.derivation_link(page, r),
                esc(r.verdict),
                esc(grade_text(r.grade, r.factor)),
                esc(scope_text(r)),
            ]
            for r in uses
        ]
        body += table(["derivation", "verdict", "how close", "whose figures"], rows)
    else:
        body.append("<p>No derivation uses this claim.</p>")
    others = [m for m in site.cluster_of.get(claim.id, []) if m != claim.id and m in site.claims]
    body.append("<h2>The same claim elsewhere</h2>")
    if others:
        body.append("<ul>")
        body += [f"<li>{site.claim_link(page, site.claims[m])}</li>" for m in others]
        body.append("</ul>")
    else:
        body.append("<p>No other claim states the same quantity.</p>")
    body += [
        '<details class="record"><summary>Record</summary>',
        *definition_list(
            [
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
                ("Surface", f'<span lang="{esc(claim.lang)}">{esc(claim.surface)}</span>'),
                ("Characters", esc(f"{claim.start}–{claim.end}")),
                ("Id", f"<code>{esc(claim.id)}</code>"),
            ]
        ),
        "</details>",
    ]
    if rated is not None:
        review = claim_review(claim, source, rated, site.config.publisher, site.outlets)
        body.append(f'<script type="application/ld+json">\n{json_ld(review)}\n</script>')
    body += drift_links(site, page, claim)
    return page_markdown(english, body, description=sentence)


def claim_rows(site: SiteData, page: str, claims: Iterable[Claim]) -> list[list[str]]:
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
