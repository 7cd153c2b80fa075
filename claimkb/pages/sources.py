"""One page per source with its claims marked in the text, and the sources index."""

from __future__ import annotations

from claimkb.core.models import Source
from claimkb.pages.common import (
    SOURCES_INDEX,
    anchor_id,
    esc,
    href,
    link_target,
    page_markdown,
    source_page,
)
from claimkb.pages.context import SiteData
from claimkb.pages.html import definition_list, table


def source_text(site: SiteData, source_id: str, page: str) -> str:
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


def original_link(url: str | None) -> str:
    """Where the source was published: a link when it is an http(s) address, else text."""
    if not url:
        return ""
    target = link_target(url)
    return f'<a href="{target}">{esc(url)}</a>' if target else esc(url)


def source_page_html(site: SiteData, source: Source) -> str:
    page = source_page(source.id)
    interview = source.covers_interview
    body = [
        f"<h1>{esc(source.title or source.id)}</h1>",
        *definition_list(
            [
                ("Id", f"<code>{esc(source.id)}</code>"),
                ("Author", esc(source.author or "")),
                ("Published", esc(source.published.isoformat() if source.published else "")),
                ("Language", esc(source.language or "")),
                ("Translated from", esc(source.translated_from or "")),
                ("Kind", esc(source.kind or "")),
                ("Original", original_link(source.url)),
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
        f'<div class="source-text">{source_text(site, source.id, page)}</div>',
    ]
    return page_markdown(f"Source {source.id}", body)


def sources_index(site: SiteData) -> str:
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
        *table(["title", "author", "published", "language", "claims"], rows),
    ]
    return page_markdown("Sources", body)
