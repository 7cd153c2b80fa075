"""The static site's generated pages, written in one pass: each kind of page has a module
of its own — the home page (``pages.home``), claims (``pages.claims``), sources
(``pages.sources``), hand-written derivations (``pages.checks``), entities
(``pages.entities``), predictions (``pages.predictions_page``), speakers
(``pages.speakers``), the same quantity over time (``pages.drift_pages``), the graph
(``pages.graph``)
— built from one ``SiteData`` (``pages.context``) with shared pieces from ``pages.html``
and ``pages.wording``; the SPARQL page comes from ``pages.sparql``, and what all pages share
(addresses, escaping) from ``pages.common``.

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
import shutil
from pathlib import Path

from claimkb.core.project import ProjectConfig
from claimkb.derive.ratings import Assessment, assess
from claimkb.derive.records import CheckRecord
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.pages.checks import derivation_page_html, derivations_index
from claimkb.pages.claims import claim_page_html, claims_index
from claimkb.pages.common import (
    CLAIMS_INDEX,
    DERIVATIONS_INDEX,
    DRIFT_INDEX,
    ENTITIES_INDEX,
    GENERATED,
    GRAPH_PAGE,
    HOME_PAGE,
    PREDICTIONS_PAGE,
    SOURCES_INDEX,
    SPEAKERS_INDEX,
    claim_page,
    derivation_page,
    drift_page,
    entity_page,
    source_page,
    tables_unsearchable,
    unsearchable,
)
from claimkb.pages.context import SiteData
from claimkb.pages.drift_pages import drift_index, drift_page_html
from claimkb.pages.entities import entities_index, entity_page_html
from claimkb.pages.graph import graph_page
from claimkb.pages.home import home_page_html
from claimkb.pages.predictions_page import predictions_page_html
from claimkb.pages.sources import source_page_html, sources_index
from claimkb.pages.speakers import speaker_page_html, speakers, speakers_index


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
    site = SiteData(kb, records, config, assessment)
    pages: dict[str, str] = {
        CLAIMS_INDEX: claims_index(site),
        SOURCES_INDEX: sources_index(site),
        DERIVATIONS_INDEX: derivations_index(site),
        ENTITIES_INDEX: entities_index(site),
        PREDICTIONS_PAGE: predictions_page_html(site, build_date),
        HOME_PAGE: home_page_html(site),
    }

    pages[GRAPH_PAGE] = graph_page(kb, records)
    # The claims table and the graph repeat the claim pages in walls of text: not searched;
    # nor are an entity page's claims, only its names.
    for page in (CLAIMS_INDEX, GRAPH_PAGE):
        pages[page] = unsearchable(pages[page])
    for entity in kb.entities:
        pages[entity_page(entity.id)] = tables_unsearchable(entity_page_html(site, entity))
    for claim in kb.claims:
        pages[claim_page(claim.id)] = claim_page_html(site, claim)
    for source in kb.sources:
        pages[source_page(source.id)] = source_page_html(site, source)
    for record in records:
        if record.curated:
            pages[derivation_page(record.id)] = derivation_page_html(site, record)
    people = speakers(site)
    pages[SPEAKERS_INDEX] = speakers_index(site, people)
    for speaker in people.values():
        # A speaker's page is found by the name; its tables repeat the claim pages.
        pages[speaker.page] = tables_unsearchable(speaker_page_html(site, speaker, build_date))
    pages[DRIFT_INDEX] = drift_index(site)
    for group in site.drift:
        pages[drift_page(group.id)] = tables_unsearchable(drift_page_html(site, group))
    folder = docs_dir / GENERATED
    if folder.exists():
        shutil.rmtree(folder)
    for path in sorted(pages):
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(pages[path], encoding="utf-8", newline="\n")
    return len(pages)
