"""The home page: what the knowledge base holds, the figures furthest apart, where to look, how
to query.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from claimkb.derive.records import CheckRecord
from claimkb.pages.common import (
    CLAIMS_INDEX,
    DERIVATIONS_INDEX,
    DOWNLOAD_FILES,
    DRIFT_INDEX,
    ENTITIES_INDEX,
    GRAPH_PAGE,
    HOME_PAGE,
    PREDICTIONS_PAGE,
    SOURCES_INDEX,
    SPARQL_PAGE,
    SPEAKERS_INDEX,
    download_href,
    esc,
    href,
    page_markdown,
)
from claimkb.pages.context import SiteData
from claimkb.pages.html import table
from claimkb.pages.wording import apart, grade_text, scope_text

#: The pages the home page points to, with what each holds.
HOME_LINKS: tuple[tuple[str, str, str], ...] = (
    (CLAIMS_INDEX, "Claims", "every claim, sortable and filterable"),
    (SOURCES_INDEX, "Sources", "every source with its claims marked in the text"),
    (DERIVATIONS_INDEX, "Derivation checks", "the arithmetic between claims and its verdicts"),
    (ENTITIES_INDEX, "Entities", "what the claims are about"),
    (SPEAKERS_INDEX, "Speakers", "each speaker's claims, ratings, checks and predictions"),
    (DRIFT_INDEX, "Same quantity over time", "figures for one quantity, charted by day said"),
    (PREDICTIONS_PAGE, "Predictions", "dated claims and whether they have fallen due"),
    (GRAPH_PAGE, "Graph", "sources, claims, same-claim links and derivations in one picture"),
    (SPARQL_PAGE, "SPARQL", "query the knowledge base in this browser; downloads"),
    ("methodology.md", "Methodology", "how claims are read, matched and checked; the limits"),
)


#: The order of grades on the home page, furthest first.
GRADE_ORDER = {"far": 0, "close": 1}


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


def home_page_html(site: SiteData) -> str:
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
            esc(scope_text(r)),
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
        *table(["what", "how many"], [[esc(label), value] for label, value in holds]),
        "<h2>The figures furthest apart</h2>",
        "<p>Hand-written checks whose figures do not meet, furthest apart first: first those "
        "more than 1.5 times apart, then those less; a gap within the rounding the figures "
        "were stated with is not listed. A check between two speakers' figures rates neither "
        "of them.</p>",
        *(
            table(["derivation", "whose figures", "apart", "how close"], rows)
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
