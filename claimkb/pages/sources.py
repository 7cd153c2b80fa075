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
    title_text,
)
from claimkb.pages.context import SiteData
from claimkb.pages.english import LANGUAGE_NAMES, day_text
from claimkb.pages.html import definition_list, said_on, table


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
            + site.claim_link(page, claim, esc(text[claim.start : claim.end]), hint=True)
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


def original_url(source: Source) -> str | None:
    """The address of the original: the source's ``url``, else what it ``cites`` when that is
    an http(s) address."""
    if source.url:
        return str(source.url)
    if source.cites and link_target(source.cites.strip()):
        return source.cites.strip()
    return None


def language_words(source: Source) -> str:
    """``German, translated from Chinese``."""
    if not source.language:
        return ""
    words = LANGUAGE_NAMES.get(source.language, source.language)
    if source.translated_from:
        origin = LANGUAGE_NAMES.get(source.translated_from, source.translated_from)
        words += f", translated from {origin}"
    return words


def source_description(source: Source, claims: int) -> str:
    """One line on what the source is: ``A social media thread by Dwarkesh Patel, published
    6 Feb 2026, in German, on the interview of 5 Feb 2026 (Dwarkesh Podcast); 18 claims.``"""
    text = source.kind.replace("-", " ") if source.kind else "document"
    text = ("An " if text[:1] in "aeiou" else "A ") + text
    if source.author:
        text += f" by {source.author}"
    if source.published:
        text += f", published {day_text(source.published)}"
    if source.language:
        text += f", in {language_words(source)}"
    interview = source.covers_interview
    if interview is not None and (interview.date or interview.venue):
        text += ", on the interview"
        if interview.date:
            text += f" of {day_text(interview.date)}"
        if interview.venue:
            text += f" ({interview.venue})"
    return f"{text}; {claims} claim{'s' if claims != 1 else ''}."


def source_page_html(site: SiteData, source: Source) -> str:
    """What the source is in one line, the link to the original, its metadata, the claims
    found in it in English, and its text in its language with every claim marked. Internal
    notes (``notes`` in ``sources.yaml``) are for the project's maintainers, not readers."""
    page = source_page(source.id)
    interview = source.covers_interview
    claims = [c for c in site.kb.claims if c.source == source.id]
    description = source_description(source, len(claims))
    lang = f' lang="{esc(source.language)}"' if source.language else ""
    body = [
        f"<h1>{esc(title_text(source.title or source.id))}</h1>",
        f'<p class="verdict-sentence">{esc(description)}</p>',
        *definition_list(
            [
                ("Original", original_link(original_url(source))),
                ("Author", esc(source.author or "")),
                ("Published", said_on(source.published)),
                ("Language", esc(language_words(source))),
                ("Kind", esc(source.kind or "")),
                ("Cites", esc(source.cites or "") if not source.url else ""),
                ("Speakers", esc(", ".join(interview.speakers)) if interview else ""),
                ("Interviewers", esc(", ".join(interview.interviewers)) if interview else ""),
                ("Interview date", said_on(interview.date) if interview else ""),
                ("Venue", esc(interview.venue or "") if interview else ""),
                ("Id", f"<code>{esc(source.id)}</code>"),
            ]
        ),
    ]
    if claims:
        body += [
            f"<details><summary>The {len(claims)} claims found in it, in English</summary>",
            "<ol>",
            *(f"<li>{site.claim_link(page, c)}</li>" for c in claims),
            "</ol></details>",
        ]
    body += [
        "<h2>Text</h2>",
        f'<div class="source-text"{lang}>{source_text(site, source.id, page)}</div>',
    ]
    return page_markdown(source.title or source.id, body, description=description)


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
    description = f"The {len(site.kb.sources)} documents the claims were found in."
    return page_markdown("Sources", body, description=description)
