"""What every page of the site shares: where each page lives and how pages link to each
other, HTML escaping, the Markdown shell that holds a page's raw HTML, and how a quantity is
written for readers.

One module that the page generators (``kb.site``, ``kb.site_graph``, ``kb.site_sparql``)
import, so none of them imports another and a page's address is defined once.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import posixpath
import re
from typing import Any

from claimkb.core.models import Claim
from claimkb.rdf.vocab import slug as name_slug

GENERATED = "generated"
"""The folder inside the docs folder that holds every generated page; git-ignored."""

#: The downloads, and what each holds.
DOWNLOAD_FILES: tuple[tuple[str, str], ...] = (
    ("kb.ttl", "the knowledge graph in Turtle"),
    ("kb.jsonld", "the knowledge graph in JSON-LD"),
    ("claims.jsonl", "one claim per line, as JSON"),
)

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def esc(text: object) -> str:
    """HTML-escape anything shown on a page, quotes included (it may land in attributes)."""
    return html.escape(str(text), quote=True)


_LINKABLE = re.compile(r"https?://[^\s]+", re.IGNORECASE)


def link_target(url: str | None) -> str | None:
    """``url`` escaped for an ``href``, when it is an http(s) address; ``None`` for anything
    else (``javascript:``, ``data:``, a relative path), which a page shows as text only.
    The loader checks addresses too; this is the second lock on the same door."""
    if url is None or _LINKABLE.fullmatch(url) is None:
        return None
    return esc(url)


def slug(part: str) -> str:
    """A file-name-safe form of an id part, so an odd id cannot escape its folder."""
    cleaned = _UNSAFE.sub("-", part).strip(".-")
    return cleaned or "-"


def claim_page(claim_id: str) -> str:
    """Docs-relative path of a claim's page; ids are ``<source>/<hash>``."""
    return f"{GENERATED}/claims/" + "/".join(slug(p) for p in claim_id.split("/")) + ".md"


def source_page(source_id: str) -> str:
    """Docs-relative path of a source's page."""
    return f"{GENERATED}/sources/{slug(source_id)}.md"


def derivation_page(derivation_id: str) -> str:
    """Docs-relative path of a hand-written derivation's page."""
    return f"{GENERATED}/derivations/{slug(derivation_id)}.md"


def entity_page(entity_id: str) -> str:
    """Docs-relative path of an entity's page."""
    return f"{GENERATED}/entities/{slug(entity_id)}.md"


_PLAIN_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def speaker_key(name: str) -> str:
    """The file name of a speaker's page: the name's slug as the knowledge graph makes it
    (``rdf.vocab.slug``: "Elon Musk" and "elon  musk" are one speaker, and one page), kept
    as it is when it is plain ASCII (``elon-musk``); any other slug keeps its ASCII letters
    and digits and gets ``--`` and a hash of the whole slug (``36kr-36--1f0c…``), so two
    names never share a page, none is ``index``, and the address is the same in every
    build."""
    key = name_slug(name) if re.search(r"\w", name) else f"\0{name}"  # no word: no slug
    if _PLAIN_NAME.fullmatch(key) and key != "index" and len(key) <= 80:
        return key
    readable = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")[:60].strip("-")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    return f"{readable or 'speaker'}--{digest}"


def speaker_page(name: str) -> str:
    """Docs-relative path of a speaker's page (see ``speaker_key``)."""
    return f"{GENERATED}/speakers/{speaker_key(name)}.md"


def drift_page(group_id: str) -> str:
    """Docs-relative path of a drift group's page ("the same quantity over time")."""
    return f"{GENERATED}/drift/{slug(group_id)}.md"


SPEAKERS_INDEX = f"{GENERATED}/speakers/index.md"
DRIFT_INDEX = f"{GENERATED}/drift/index.md"
CLAIMS_INDEX = f"{GENERATED}/claims/index.md"
SOURCES_INDEX = f"{GENERATED}/sources/index.md"
DERIVATIONS_INDEX = f"{GENERATED}/derivations/index.md"
ENTITIES_INDEX = f"{GENERATED}/entities/index.md"
PREDICTIONS_PAGE = f"{GENERATED}/predictions/index.md"
HOME_PAGE = "index.md"
"""The home page: generated too, since it shows what the knowledge base holds."""
GRAPH_PAGE = f"{GENERATED}/graph/index.md"
"""The claim graph as a picture, drawn by ``kb.site_graph``."""
SPARQL_PAGE = f"{GENERATED}/sparql/index.md"
"""The in-browser SPARQL page, written by ``kb.site_sparql`` (not by ``generate_pages``)."""
DOWNLOADS = "downloads"
"""The folder at the site's root with ``kb.ttl``, ``kb.jsonld`` and ``claims.jsonl``."""


def page_url(page: str) -> str:
    """The URL folder mkdocs serves a page at (``use_directory_urls``, its default)."""
    stem = page[: -len(".md")]
    if stem.endswith("/index") or stem == "index":
        return stem[: -len("index")].rstrip("/")
    return stem


def href(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one page to another, as the browser resolves it."""
    rel = posixpath.relpath(page_url(to_page) or ".", page_url(from_page) or ".")
    target = "" if rel == "." else rel + "/"
    if not target:
        target = "./"
    return esc(target + (f"#{anchor}" if anchor else ""))


def download_href(from_page: str, name: str) -> str:
    """A relative link from a page to one of the downloads."""
    return esc(posixpath.relpath(f"{DOWNLOADS}/{name}", page_url(from_page) or "."))


def unsearchable(markdown: str) -> str:
    """A page's Markdown (front matter first) kept out of the site's search index, by the
    theme's ``search: exclude`` in its front matter: for pages that repeat other pages in a
    wall of text (the claims table, the graph), which would only bury the pages they repeat
    under every word they share."""
    if not markdown.startswith("---\n"):
        raise ValueError("a page's Markdown without front matter")
    return "---\nsearch:\n  exclude: true\n" + markdown.removeprefix("---\n")


_TABLE_TAG = re.compile(r"<table(?=[\s>])")


def tables_unsearchable(markdown: str) -> str:
    """A page's Markdown with its tables kept out of the site's search index (the theme's
    ``data-search-exclude``, which it removes from the page it writes), the rest of the page
    searched: for pages whose tables list claims that have pages of their own."""
    return _TABLE_TAG.sub('<table data-search-exclude="true"', markdown)


def anchor_id(claim: Claim) -> str:
    """The id of a claim's mark in its source page."""
    return f"c-{claim.start}"


def number_text(x: float | None) -> str:
    """A number as people read it: six significant digits at most (so floating-point noise
    such as 2999999.9999999995 reads 3,000,000), no trailing ``.0``, no exponent for
    ordinary sizes."""
    if x is None:
        return ""
    if math.isfinite(x):
        x = float(f"{x:.6g}")
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}"


def quantity_text(claim: Claim) -> str:
    """The normalised quantity in one line: bound, value, range, unit, rate, what is counted."""
    q = claim.quantity
    if q.kind == "date":
        return (q.bound if q.bound != "=" else "") + (q.time or f"{q.value:g}")
    parts = [q.bound if q.bound != "=" else "", "≈" if q.approx else "", number_text(q.value)]
    text = "".join(parts)
    if q.low is not None or q.high is not None:
        text += f" [{number_text(q.low) or '…'} – {number_text(q.high) or '…'}]"
    if q.unit not in ("dimensionless", ""):
        text += f" {q.unit}"
    if q.per:
        text += f" per {q.per}"
    if q.counted:
        text += f" ({q.counted})"
    return text


def json_ld(data: dict[str, Any]) -> str:
    """JSON for a ``<script>`` element: ``<``, ``>`` and ``&`` escaped so no string in it
    can close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def title_text(text: str) -> str:
    """Text for a title or a description: every run of white space (the narrow no-break
    space U+202F some sources group digits with, a line break) one plain space, and
    characters that print nothing left out."""
    spaced = " ".join(text.split())
    return "".join(ch for ch in spaced if ch.isprintable())


def front_matter(title: str, description: str | None = None) -> str:
    """YAML front matter with the page title and, when given, its description (the theme's
    ``<meta name="description">``, and ``og:description`` from ``overrides/main.html``).
    JSON strings are valid YAML; non-ASCII letters are written as themselves, not as
    backslash escapes, and both texts are HTML-escaped because themes put them into
    ``<title>`` and ``<meta content>`` unescaped."""
    lines = [f"title: {json.dumps(esc(title_text(title)), ensure_ascii=False)}"]
    if description:
        text = json.dumps(esc(title_text(description)), ensure_ascii=False)
        lines.append(f"description: {text}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def page_markdown(title: str, body: list[str], description: str | None = None) -> str:
    """A Markdown file that is one raw HTML block; blank lines never occur inside it."""
    html_text = "\n".join(line for line in body if line.strip())
    return front_matter(title, description) + f'<div class="claimkb">\n{html_text}\n</div>\n'
