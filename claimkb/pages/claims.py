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
    esc,
    json_ld,
    number_text,
    page_markdown,
    quantity_text,
)
from claimkb.pages.context import SiteData
from claimkb.pages.html import definition_list, highlighted_quote, table
from claimkb.pages.wording import comparison_text, grade_text, scope_text


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


def filter_form(table_id: str, facets: dict[str, set[str]], noun: str) -> list[str]:
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


def claims_index(site: SiteData) -> str:
    page, claims = CLAIMS_INDEX, site.kb.claims
    facets: dict[str, set[str]] = {name: set() for name, _ in FACETS}
    rows, attrs = [], []
    for claim, cells in zip(claims, claim_rows(site, page, claims), strict=True):
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
        *filter_form("claims-table", facets, "claims"),
        *table(
            ["quote", "quantity", "speaker", "source", "language", "rating"],
            rows,
            table_id="claims-table",
            row_attrs=attrs,
        ),
    ]
    return page_markdown("Claims", body)


def claim_page_html(site: SiteData, claim: Claim) -> str:
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
        *definition_list(
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
        body += table(["surface", "speaker", "source"], rows)
    else:
        body.append("<p>No other claim states the same quantity.</p>")
    body.append("<h2>Checks</h2>")
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
