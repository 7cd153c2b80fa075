"""One page per entity with the claims about it, and the entities index."""

from __future__ import annotations

from claimkb.core.models import Entity
from claimkb.pages.claims import (
    claim_rows,
)
from claimkb.pages.common import (
    ENTITIES_INDEX,
    entity_page,
    esc,
    href,
    page_markdown,
)
from claimkb.pages.context import SiteData
from claimkb.pages.html import definition_list, table


def entity_page_html(site: SiteData, entity: Entity) -> str:
    page = entity_page(entity.id)
    claims = site.entity_claims.get(entity.id, [])
    body = [
        f"<h1>{esc(entity.name)}</h1>",
        *definition_list(
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
        body += table(["quote", "quantity", "speaker", "source"], claim_rows(site, page, claims))
    else:
        body.append("<p>No claim is about this entity.</p>")
    return page_markdown(f"Entity {entity.name}", body)


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
    return page_markdown("Entities", body)
