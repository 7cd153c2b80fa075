"""One page per entity with the claims about it, and the entities index."""

from __future__ import annotations

from claimkb.core.models import Entity
from claimkb.pages.common import (
    ENTITIES_INDEX,
    entity_page,
    esc,
    href,
    page_markdown,
)
from claimkb.pages.context import SiteData
from claimkb.pages.html import definition_list, highlighted_quote, table


def entity_page_html(site: SiteData, entity: Entity) -> str:
    """The entity by its name, with the claims about it in English and as said. The aliases
    are regular expressions the linker matches; they are for maintainers, not readers."""
    page = entity_page(entity.id)
    claims = site.entity_claims.get(entity.id, [])
    count = f"{len(claims)} claim{'s' if len(claims) != 1 else ''}"
    description = f"{entity.name} ({entity.kind}): {count} about it."
    body = [
        f"<h1>{esc(entity.name)}</h1>",
        f'<p class="verdict-sentence">{esc(description)}</p>',
        "<h2>Claims</h2>",
    ]
    if claims:
        rows = [
            [
                site.claim_link(page, claim),
                highlighted_quote(claim, site.kb.texts.get(claim.source, "")),
                site.source_link(page, claim),
            ]
            for claim in claims
        ]
        body += table(["claim", "as said", "source"], rows)
    else:
        body.append("<p>No claim is about this entity.</p>")
    body += [
        "<details><summary>Record</summary>",
        *definition_list([("Id", f"<code>{esc(entity.id)}</code>"), ("Kind", esc(entity.kind))]),
        "</details>",
    ]
    return page_markdown(entity.name, body, description=description)


def entities_index(site: SiteData) -> str:
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
        *table(["entity", "kind", "claims"], rows),
    ]
    description = f"The {len(site.kb.entities)} things the claims are about."
    return page_markdown("Entities", body, description=description)
