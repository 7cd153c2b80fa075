"""The site's search index, built from the bundled corpus: searched in English, German and
Russian with the theme's own language files (no download), claims found by their title and
their quote, the pages that only repeat others (the claims table, the graph) left out, and
every page loading the index on demand rather than with itself. The searches themselves run
in the browser: tests/test_browser_search.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import material
import pytest

from claimkb.build.stages import knowledge_base
from claimkb.core.models import Claim
from claimkb.derive.records import derivation_records
from claimkb.ledger.sources import load_sources
from claimkb.pages.common import (
    CLAIMS_INDEX,
    GRAPH_PAGE,
    claim_page,
    entity_page,
    page_markdown,
    page_url,
    source_page,
    tables_unsearchable,
    unsearchable,
)
from claimkb.pages.publish import SEARCH_LOADER, build_site, copy_template
from claimkb.pages.site import generate_pages
from claimkb.pages.sparql import write_sparql_page
from claimkb.rdf.examples import query_files
from tests.conftest import EXAMPLE

BUILD_DATE = dt.date(2026, 1, 31)
#: "100 GW = 10.000 Starship-Starts, und er möchte bis 2030 mehr als das jedes Jahr
#: machen." (the German thread on the Dwarkesh interview): its claim of 100 GW.
CLAIM = "dwarkesh-x-thread-2026-02-06.de/541b8acc"


@dataclasses.dataclass(frozen=True)
class Index:
    site: Path
    docs: Path
    config: dict[str, Any]
    entries: dict[str, dict[str, str]]
    """Entries by location (a page's URL, ``#section`` for a section of it)."""
    claims: dict[str, Claim]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    sources = load_sources(EXAMPLE.sources_yaml)
    kb = knowledge_base(EXAMPLE.claims_dir, sources, EXAMPLE.sources_dir)
    records = derivation_records(kb, EXAMPLE.claims_dir)
    tmp = tmp_path_factory.mktemp("search")
    docs = tmp / "docs"
    copy_template(docs)
    generate_pages(kb, records, docs, BUILD_DATE, EXAMPLE.config)
    write_sparql_page(docs, query_files())
    site = build_site(EXAMPLE.config, docs, tmp / "site")
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {entry["location"]: entry for entry in data["docs"]}
    assert len(entries) == len(data["docs"])
    return Index(site, docs, data["config"], entries, {c.id: c for c in kb.claims})


def _url(page: str) -> str:
    """A page's location in the index: its URL folder with the closing slash."""
    return page_url(page) + "/"


def test_search_knows_english_german_and_russian_words_from_the_theme_itself(
    index: Index,
) -> None:
    assert index.config["lang"] == ["en", "de", "ru"]
    # The theme's search worker loads the stemmers of these languages from the site itself.
    lunr = index.site / "assets" / "javascripts" / "lunr" / "min"
    for name in ("stemmer.support", "multi", "de", "ru"):
        assert (lunr / f"lunr.{name}.min.js").stat().st_size > 500, name


def test_a_claim_is_in_the_index_under_its_page_title_with_its_quote(index: Index) -> None:
    claim = index.claims[CLAIM]
    entry = index.entries[_url(claim_page(CLAIM))]
    front = (index.docs / claim_page(CLAIM)).read_text(encoding="utf-8")
    (title,) = re.findall(r"^title: (.*)$", front, re.M)
    assert entry["title"] == json.loads(title)  # the page's title, HTML-escaped as there
    assert claim.quote == (
        "100 GW = 10.000 Starship-Starts, und er möchte bis 2030 mehr als das jedes Jahr machen."
    )
    assert claim.quote in html.unescape(entry["text"])


def test_a_claim_is_in_the_index_under_its_english_line(index: Index) -> None:
    # Musk's "100 GW" in the thread on the Dwarkesh Podcast of 5 Feb 2026, in German.
    title = html.unescape(index.entries[_url(claim_page(CLAIM))]["title"])
    assert title == "Elon Musk, Dwarkesh Podcast, 5 Feb 2026: 100 GW, in German"


def test_pages_that_repeat_other_pages_are_left_out_and_source_texts_are_in(
    index: Index,
) -> None:
    for page in (CLAIMS_INDEX, GRAPH_PAGE):
        assert (index.site / page_url(page) / "index.html").is_file(), page  # built ...
        found = [loc for loc in index.entries if loc.split("#")[0] == _url(page)]
        assert found == [], page  # ... but not searched
    # A source's full text is worth finding: a sentence of it that no claim quotes.
    entry = index.entries[_url(source_page("dwarkesh-x-thread-2026-02-06.de"))]
    assert "100 GW = 10.000 Starship-Starts" in entry["text"]


def test_an_entity_page_is_found_by_its_names_not_by_the_claims_it_lists(index: Index) -> None:
    entry = index.entries[_url(entity_page("starship"))]
    assert "Starship" in entry["title"]
    assert "launch vehicle" in entry["text"]
    # Its table of claims is on the page, but out of the index (the claim pages are in it).
    assert "100 GW = 10.000 Starship-Starts" not in entry["text"]
    built = (index.site / "generated/entities/starship/index.html").read_text(encoding="utf-8")
    assert "100 GW = 10.000 Starship-Starts" in built
    assert "data-search" not in built


def test_a_page_leaves_the_index_by_its_front_matter() -> None:
    page = page_markdown("T", ["<p>x</p>"])
    assert page.startswith('---\ntitle: "T"\n---\n')
    assert unsearchable(page) == (
        '---\nsearch:\n  exclude: true\ntitle: "T"\n---\n\n'
        '<div class="claimkb">\n<p>x</p>\n</div>\n'
    )
    with pytest.raises(ValueError, match="without front matter"):
        unsearchable("<p>x</p>")
    assert tables_unsearchable('<table class="sortable">\n<table>\n<tablex>') == (
        '<table data-search-exclude="true" class="sortable">\n'
        '<table data-search-exclude="true">\n<tablex>'
    )


def test_every_page_loads_the_search_index_on_demand(index: Index) -> None:
    pages = sorted(index.site.rglob("index.html"))
    assert len(pages) > 100
    for path in pages:
        text = path.read_text(encoding="utf-8")
        scripts = re.findall(r'<script src="([^"]+)"', text)
        loader = [s for s in scripts if s.endswith("assets/search-on-demand.js")]
        bundle = [i for i, s in enumerate(scripts) if "javascripts/bundle." in s]
        assert len(loader) == 1 and bundle, path
        # It runs before the theme's script, which asks for the index as it starts.
        assert scripts.index(loader[0]) < bundle[0], path
        assert (path.parent / loader[0]).resolve() == index.site / "assets/search-on-demand.js"
    assert (index.site / "assets" / "search-worker.js").is_file()


def test_the_loader_keeps_the_theme_s_own_head_script_unchanged() -> None:
    """The override replaces the theme's ``partials/javascripts/base.html``: its script must
    stay the theme's, line for line, whichever version of the theme is installed."""
    theme = Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "base.html"
    theirs = [line for line in theme.read_text("utf-8").splitlines() if line.startswith("<")]
    ours = [line for line in SEARCH_LOADER.read_text("utf-8").splitlines() if line.startswith("<")]
    assert ours == [
        *theirs,
        "<script src=\"{{ 'assets/search-on-demand.js' | url }}\"></script>",
        '<link rel="stylesheet" href="{{ \'assets/search.css\' | url }}">',
    ]
