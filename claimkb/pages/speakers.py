"""One page per speaker — a person or an organisation (``knowledge.agents``) — and an
index of them.

A speaker's page gathers what the rest of the site says about them: their claims (the
English line, the quote in the original), the ratings of those claims grouped by rating,
the checks of their own figures by verdict, the comparisons with other speakers' figures
(which rate nobody), the quantities they stated more than once (``derive.drift``) with the
findings, and their predictions with status and outcome.

Names that the knowledge graph takes for one speaker ("Elon Musk", "elon  musk") share a
page (``common.speaker_key``); the page is titled with the form most of their claims use.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from claimkb.core.models import Claim
from claimkb.derive.drift import DriftGroup
from claimkb.derive.records import CheckRecord
from claimkb.derive.verdict_table import RATINGS, VERDICTS
from claimkb.extract.speakers import UNKNOWN_AUTHOR
from claimkb.knowledge.agents import agent_type
from claimkb.knowledge.predictions import Prediction, predictions
from claimkb.pages.common import (
    SPEAKERS_INDEX,
    drift_page,
    esc,
    href,
    page_markdown,
    speaker_page,
)
from claimkb.pages.context import SiteData
from claimkb.pages.drift_pages import (
    FIRST,
    described,
    figure_link,
    finding_text,
    interval_words,
    own_findings,
    unit_words,
)
from claimkb.pages.drift_pages import TITLE as DRIFT_TITLE
from claimkb.pages.english import claim_english
from claimkb.pages.html import highlighted_quote, scrolling, table
from claimkb.pages.predictions_page import outcome_html
from claimkb.pages.wording import comparison_text, grade_text

#: How a speaker's kind reads.
KIND_WORDS = {"Person": "person", "Organization": "organisation"}
#: The kind of the extractor's stand-in for a source that names nobody.
UNKNOWN_KIND = "not known"


def kind_of(site: SiteData, name: str) -> str:
    """``person``, ``organisation``, or ``not known`` for the unknown author."""
    if name == UNKNOWN_AUTHOR:
        return UNKNOWN_KIND
    return KIND_WORDS[agent_type(name, site.outlets)]


@dataclass
class Speaker:
    """One speaker's page: the names it stands for and everything said about them."""

    page: str
    names: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    checks: list[CheckRecord] = field(default_factory=list)
    drift: list[DriftGroup] = field(default_factory=list)
    predictions: list[Prediction] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The name form most of the speaker's claims use (then the first in order)."""
        counts = Counter(c.speaker for c in self.claims)
        return min(self.names, key=lambda n: (-counts[n], n))


def speakers(site: SiteData) -> dict[str, Speaker]:
    """Every speaker of a claim, by page, with their claims, the checks of their own
    figures, their drift groups and their predictions."""
    found: dict[str, Speaker] = {}

    def of(name: str) -> Speaker:
        page = speaker_page(name)
        speaker = found.setdefault(page, Speaker(page))
        if name not in speaker.names:
            speaker.names.append(name)
        return speaker

    for claim in site.kb.claims:
        of(claim.speaker).claims.append(claim)
    for record in site.records:
        if record.scope == "own":
            named = {s for found_names in record.speakers.values() for s in found_names}
            for page in sorted({speaker_page(n) for n in named if speaker_page(n) in found}):
                found[page].checks.append(record)
    for group in site.drift:
        for page in dict.fromkeys(speaker_page(f.speaker) for f in group.figures):
            if page in found:
                found[page].drift.append(group)
    for prediction in predictions(site.kb):
        page = speaker_page(prediction.claim.speaker)
        if page in found:
            found[page].predictions.append(prediction)
    for speaker in found.values():
        speaker.claims.sort(key=lambda c: day_order(site, c))
    return found


def day_order(site: SiteData, claim: Claim) -> tuple[bool, dt.date, str, int]:
    """Claims by the day said (undated last), then source and place."""
    source = site.sources.get(claim.source)
    said = source.reference_date if source else None
    return (said is None, said or dt.date.min, claim.source, claim.start)


def _english(site: SiteData, page: str, claim: Claim) -> str:
    """The claim's English line linked to its page, without the speaker's name that the
    page is about: ``All-In Podcast, 10 Sep 2025: 12 people, in German``."""
    line = claim_english(claim, site.sources.get(claim.source))
    return site.claim_link(page, claim, esc(line.removeprefix(f"{claim.speaker}, ")))


def counted(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 source``, ``2 sources``."""
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


def _quote(site: SiteData, claim: Claim) -> str:
    quote = highlighted_quote(claim, site.kb.texts.get(claim.source, ""))
    return f'<span lang="{esc(claim.lang)}">{quote}</span>'


def _said(site: SiteData, claim: Claim) -> str:
    source = site.sources.get(claim.source)
    said = source.reference_date if source else None
    return said.isoformat() if said else "date unknown"


def speaker_page_html(site: SiteData, speaker: Speaker, build_date: dt.date) -> str:
    page, name = speaker.page, speaker.name
    names = set(speaker.names)
    kind = kind_of(site, name)
    rated = [c for c in speaker.claims if c.id in site.ratings]
    sources = dict.fromkeys(c.source for c in speaker.claims)
    who = f"A {esc(kind)}"
    if kind == UNKNOWN_KIND:
        who = (
            "Not one speaker: the claims of sources that name neither an author nor a "
            "speaker for them, gathered here; they may be by different people"
        )
    body = [
        f"<h1>{esc(name)}</h1>",
        f"<p>{who}: {counted(len(speaker.claims), 'claim')} in "
        f"{counted(len(sources), 'source')}, {len(rated)} of them rated; "
        f"{counted(len(speaker.checks), 'check')} of their own figures; "
        f"{counted(len(speaker.drift), 'quantity', 'quantities')} stated more than once; "
        f"{counted(len(speaker.predictions), 'prediction')}.</p>",
    ]
    if len(names) > 1:
        others = ", ".join(esc(n) for n in sorted(names - {name}))
        body.append(f"<p>Also written {others}.</p>")
    body += [
        "<h2>Claims</h2>",
        *scrolling(
            table(
                ["claim", "quote in the original", "said", "rating"],
                [
                    [
                        _english(site, page, c),
                        _quote(site, c),
                        esc(_said(site, c)),
                        esc(site.ratings[c.id].rating if c.id in site.ratings else "not rated"),
                    ]
                    for c in speaker.claims
                ],
                table_id="speaker-claims",
            )
        ),
        "<h2>Ratings</h2>",
    ]
    if rated:
        body.append(
            "<p>A claim's rating comes only from checks of this speaker's own figures; the "
            "worst of them decides it.</p>"
        )
        for info in RATINGS:
            these = [c for c in rated if site.ratings[c.id].rating == info.name]
            if these:
                body.append(f"<h3>{esc(info.label)} ({len(these)})</h3>")
                body.append("<ul>")
                body += [f"<li>{_english(site, page, c)}</li>" for c in these]
                body.append("</ul>")
    else:
        body.append(
            f"<p>No claim of {esc(name)} is rated: no check of their own figures "
            "reached a verdict.</p>"
        )
    body.append("<h2>Checks of their own figures</h2>")
    if speaker.checks:
        for verdict in VERDICTS:
            checks = [r for r in speaker.checks if r.verdict == verdict.name]
            if checks:
                heading = f"{esc(verdict.symbol)} {esc(verdict.label)} ({len(checks)})"
                body.append(f"<h3>{heading}</h3>")
                body.append("<ul>")
                for record in checks:
                    settled = record.verdict in ("consistent", "inconsistent")
                    close = grade_text(record.grade, record.factor) if settled else ""
                    tail = f": {esc(close)}" if close else ""
                    body.append(f"<li>{site.derivation_link(page, record)}{tail}</li>")
                body.append("</ul>")
    else:
        body.append("<p>No check rests on their figures alone.</p>")
    compared = [(c, comp) for c in speaker.claims for comp in site.comparisons.get(c.id, [])]
    body.append("<h2>Against other speakers' figures</h2>")
    if compared:
        by_id = {r.id: r for r in site.records}
        body.append(
            "<p>These checks set their figures against other people's and rate nobody: when "
            "two speakers' figures differ, a check cannot tell which is wrong.</p>"
        )
        body.append("<ul>")
        for claim, comparison in compared:
            check = by_id.get(comparison.check)
            link = site.derivation_link(page, check) if check else esc(comparison.check)
            body.append(
                f"<li>{_english(site, page, claim)} {esc(comparison_text(comparison))}: {link}</li>"
            )
        body.append("</ul>")
    else:
        body.append("<p>No check sets their figures against another speaker's.</p>")
    body.append(f"<h2>{esc(DRIFT_TITLE)}</h2>")
    if speaker.drift:
        body.append(
            "<p>Quantities they stated more than once, each figure against their previous "
            "one; figures by others in the same group are compared too, rating nobody.</p>"
        )
        for group in speaker.drift:
            body += _drift_section(site, page, group, names)
    else:
        body.append("<p>They state no quantity more than once.</p>")
    body.append("<h2>Predictions</h2>")
    if speaker.predictions:
        rows = []
        for found in speaker.predictions:
            rows.append(
                [
                    _english(site, page, found.claim),
                    esc(found.said.isoformat() if found.said else "date unknown"),
                    esc(
                        ("after " if found.after else "")
                        + (found.due.isoformat() if found.due else "")
                    ),
                    esc(found.status(build_date)),
                    outcome_html(found),
                ]
            )
        body.append(f"<p>Status as of {esc(build_date.isoformat())}.</p>")
        body += scrolling(table(["prediction", "said", "due", "status", "outcome"], rows))
    else:
        body.append("<p>No prediction of theirs is recorded.</p>")
    body.append(f'<p><a href="{href(page, SPEAKERS_INDEX)}">Every speaker</a></p>')
    return described(
        page_markdown(name, body),
        f"{name}: {counted(len(speaker.claims), 'claim')} in "
        f"{counted(len(sources), 'source')}, {len(rated)} rated; the checks of their own "
        "figures, the quantities they stated more than once, their predictions.",
    )


def _drift_section(site: SiteData, page: str, group: DriftGroup, names: set[str]) -> list[str]:
    own = own_findings(group)
    by_id = {f.claim: f for f in group.figures}
    lines = [
        f'<h3><a href="{href(page, drift_page(group.id))}">{esc(group.label)}</a></h3>',
        '<ol class="drift-list">',
    ]
    for figure in group.figures:
        if figure.speaker not in names:
            continue
        said = figure.said.isoformat() if figure.said else "date unknown"
        found = finding_text(own.get(figure.claim))
        lines.append(
            f"<li>{esc(said)}: {figure_link(site, page, figure)} "
            f"({esc(interval_words(figure))} {esc(unit_words(group))}): "
            + (esc(found) if found != FIRST else "their first figure here")
            + "</li>"
        )
    lines.append("</ol>")
    between = [
        f
        for f in group.findings
        if f.scope == "between" and names & {f.earlier_speaker, f.later_speaker}
    ]
    if between:
        lines.append("<ul>")
        for finding in between:
            a, b = by_id[finding.earlier], by_id[finding.later]
            lines.append(
                f"<li>{esc(a.speaker)} {figure_link(site, page, a)} → {esc(b.speaker)} "
                f"{figure_link(site, page, b)}: {esc(finding_text(finding))} (rates nobody)</li>"
            )
        lines.append("</ul>")
    return lines


def speakers_index(site: SiteData, found: dict[str, Speaker]) -> str:
    page = SPEAKERS_INDEX
    ordered = sorted(
        found.values(), key=lambda s: (s.name == UNKNOWN_AUTHOR, -len(s.claims), s.name)
    )
    rows = [
        [
            f'<a href="{href(page, s.page)}">{esc(s.name)}</a>',
            esc(kind_of(site, s.name)),
            esc(len(s.claims)),
            esc(sum(c.id in site.ratings for c in s.claims)),
            esc(len(s.checks)),
            esc(len(s.drift)),
            esc(len(s.predictions)),
        ]
        for s in ordered
    ]
    body = [
        "<h1>Speakers</h1>",
        f"<p>{len(ordered)} speakers, people and organisations, each with their claims, the "
        "checks of their own figures, the quantities they stated more than once and their "
        "predictions.</p>",
        *scrolling(
            table(
                [
                    "speaker",
                    "kind",
                    "claims",
                    "rated",
                    "own checks",
                    "stated more than once",
                    "predictions",
                ],
                rows,
            )
        ),
    ]
    return described(
        page_markdown("Speakers", body),
        f"{len(ordered)} speakers, people and organisations, each with their claims, the "
        "checks of their own figures and their predictions.",
    )
