"""The predictions page: statements about the future with their due dates, status and outcomes,
and the dated statements that are no predictions, with the reason.
"""

from __future__ import annotations

import datetime as dt

from claimkb.knowledge.predictions import Prediction, not_predictions, predictions
from claimkb.pages.common import (
    PREDICTIONS_PAGE,
    esc,
    href,
    link_target,
    page_markdown,
    quantity_text,
    speaker_page,
)
from claimkb.pages.context import SiteData
from claimkb.pages.html import highlighted_quote, scrolling, table

#: The outcome of a prediction the reviewed ledger says nothing about.
NOT_YET_KNOWN = "not yet known"


def outcome_html(found: Prediction) -> str:
    """What became of a prediction: came true, did not, partly, or not yet known (also when
    no review records an outcome), each piece of evidence linked by its date."""
    if found.outcome is None:
        return esc(NOT_YET_KNOWN)
    evidence = []
    for e in found.outcome.evidence:
        target = link_target(str(e.url))
        day = esc(e.date.isoformat())
        evidence.append(
            (f'<a href="{target}">{day}</a>' if target else day)
            + (f" {esc(e.note)}" if e.note else "")
        )
    return "; ".join([f"<strong>{esc(found.outcome.result)}</strong>", *evidence])


def speaker_filter(table_id: str, speakers: set[str], noun: str) -> list[str]:
    """A search box and a speaker menu above a table whose rows carry ``data-speaker``
    (``assets/claimkb.js`` filters them); hidden until the script runs."""
    options = "".join(f'<option value="{esc(s)}">{esc(s)}</option>' for s in sorted(speakers))
    return [
        f'<form class="table-filter" data-table="{esc(table_id)}" hidden>',
        '<label>Search <input type="search" name="q" placeholder="words in any column"></label>',
        f'<label>Speaker <select name="speaker"><option value="">all</option>{options}'
        "</select></label>",
        "</form>",
        f'<p class="table-count" data-table="{esc(table_id)}" data-noun="{esc(noun)}"></p>',
    ]


def predictions_page_html(site: SiteData, build_date: dt.date) -> str:
    page = PREDICTIONS_PAGE
    ahead: list[list[str]] = []
    speakers: set[str] = set()
    attrs: list[str] = []
    for found in predictions(site.kb):
        claim = found.claim
        quote = highlighted_quote(claim, site.kb.texts.get(claim.source, ""))
        link = site.claim_link(page, claim, quote)
        again = [site.claim_link(page, c, f"again ({esc(c.source)})") for c in found.claims[1:]]
        if again:
            link += ' <span class="again">' + ", ".join(again) + "</span>"
        said = esc(found.said.isoformat() if found.said else "")
        due = found.due.isoformat() if found.due else ""
        if found.due and found.after:
            due = f"after {due}"
        sources = ", ".join(dict.fromkeys(site.source_link(page, c) for c in found.claims))
        row = [link, esc(quantity_text(claim)), esc(found.kind), said, esc(due)]
        status = esc(found.status(build_date))
        who = f'<a href="{href(page, speaker_page(claim.speaker))}">{esc(claim.speaker)}</a>'
        ahead.append([*row, status, outcome_html(found), who, sources])
        speakers.add(claim.speaker)
        attrs.append(f'data-speaker="{esc(claim.speaker)}"')
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
        "comes from the reviewed ledger, with its evidence: <em>came true</em>, <em>did "
        "not</em>, <em>partly</em>, or <em>not yet known</em> (also where no review records "
        "one).</p>",
        *speaker_filter("predictions-table", speakers, "predictions"),
        *scrolling(
            table(
                ["quote", "time", "kind", "said", "due", "status", "outcome", "speaker", "sources"],
                ahead,
                table_id="predictions-table",
                row_attrs=attrs,
            )
        ),
        "<h2>Dated statements that are not predictions</h2>",
        f"<p>{len(dismissed)} claims name a date but are no prediction: the date had come "
        'when they were said ("am 10. September" in an interview of that day), or the '
        'clause around it reports the past or a state that holds now ("hat … '
        'abgeschlossen", "ausverkauft"). The reason names the words.</p>',
        *scrolling(table(["quote", "time", "said", "reason", "speaker", "source"], dismissed)),
    ]
    return page_markdown("Predictions", body)
