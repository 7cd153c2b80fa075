"""What a reader reads on a page: claim and derivation pages open with the verdict in one
plain-English sentence, titles are the claims in English with no escapes in them, quotes
carry their language, source pages link the original and keep internal notes to
themselves, entity pages show names rather than patterns, and every page has a readable
title and a description for links shared elsewhere.

The site is the bundled corpus built as ``tests/test_site.py`` builds it (ratings dated the
build day, 31 Jan 2026, since the build is given no ratings ledger); the sentences below
are worked out by hand from ``claims/extracted/``, ``sources/sources.yaml`` and
``claims/derivations/``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from claimkb.build.stages import knowledge_base
from claimkb.core.models import Source
from claimkb.derive.records import derivation_records
from claimkb.ledger.sources import load_sources
from claimkb.pages.common import (
    GENERATED,
    claim_page,
    derivation_page,
    entity_page,
    front_matter,
    source_page,
)
from claimkb.pages.english import claim_english
from claimkb.pages.publish import build_site, copy_template
from claimkb.pages.site import generate_pages
from claimkb.pages.sources import original_url
from claimkb.pages.sparql import write_sparql_page
from claimkb.pages.summary import check_sentence_parts
from claimkb.rdf.examples import query_files
from tests.conftest import EXAMPLE
from tests.test_site import BUILD_DATE, Built, _Tags, html_path, parse

SITE_NAME = "claimkb example: Elon Musk's numbers in five articles"
MUSK = "dwarkesh-x-thread-2026-02-06.de/810b0bcd"
PATEL = "dwarkesh-x-thread-2026-02-06.de/20c56679"
TERAWATT = "starship-launches-for-terawatt-a-year"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The bundled corpus as it is, its pages generated on ``BUILD_DATE`` and built."""
    kb = knowledge_base(EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir)
    records = derivation_records(kb, EXAMPLE.claims_dir)
    tmp = tmp_path_factory.mktemp("reader")
    docs = tmp / "docs"
    copy_template(docs)
    pages = generate_pages(kb, records, docs, BUILD_DATE, EXAMPLE.config)
    write_sparql_page(docs, query_files())
    site = build_site(EXAMPLE.config, docs, tmp / "out")
    return Built(kb, site, pages, sum(r.curated for r in records))


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _opening(page: str) -> tuple[str, str]:
    """The page's heading and the first paragraph after it, as text."""
    found = re.search(r"<h1>(.*?)</h1>\s*<p[^>]*>(.*?)</p>", page, re.DOTALL)
    assert found is not None
    return _text(found.group(1)), _text(found.group(2))


def _head(page: str) -> dict[str, str]:
    """``title`` and every ``<meta>`` of the page's head by its name or property."""
    head = page.split("</head>", 1)[0]
    title = re.search(r"<title>(.*?)</title>", head, re.DOTALL)
    assert title is not None
    found = {"title": html.unescape(title.group(1))}
    for tag, attrs in parse_fragment(head):
        if tag == "meta" and (attrs.get("name") or attrs.get("property")):
            key = attrs.get("name") or attrs.get("property") or ""
            found[key] = attrs.get("content") or ""
    return found


def parse_fragment(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


def test_musks_claim_page_opens_with_the_verdict(built: Built) -> None:
    # "100 GW = 10.000 Starship-Starts" in Dwarkesh Patel's thread on the Dwarkesh Podcast
    # interview of 5 Feb 2026, said by Musk in German (the thread is German): 10,000 of
    # "launch". Rated consistent by his own equation (starship-power-per-launch); set against
    # Patel's "one launch every hour" it is 10,000 / 8,766 = 1.14 times apart, within the
    # rounding of "10.000" and "ein".
    page = html_path(built.site, claim_page(MUSK)).read_text("utf-8")
    heading, sentence = _opening(page)
    assert heading == "Elon Musk, Dwarkesh Podcast, 5 Feb 2026: 10,000 launches, in German"
    assert sentence == (
        "Elon Musk said on 5 Feb 2026 (Dwarkesh Podcast, in German): 10,000 launches. "
        "Rated: consistent with the figures it was checked against (since 31 Jan 2026). "
        "Against other speakers' figures, which rates nobody, it differs from Dwarkesh "
        "Patel's figure (1.14 times apart, within the rounding of the figures)."
    )
    head = _head(page)
    assert head["title"] == f"{heading} - {SITE_NAME}"
    assert head["og:title"] == heading
    assert head["description"] == head["og:description"] == sentence
    # The deciding check follows, with its explanation, before the evidence.
    after = page.split(sentence.replace("'", "&#x27;"), 1)[1]
    assert after.index("Rated by") < after.index("<h2>What was said</h2>")
    assert "100 GW / 10 000 = 10 MW exactly" in after.split("<h2>")[0]


def test_patels_claim_page_says_why_it_is_not_rated(built: Built) -> None:
    # "Das ist ein Starship-Start jede Stunde.": 1 launch an hour, Patel's restatement;
    # the only check of it is the one between him and Musk, which rates nobody.
    page = html_path(built.site, claim_page(PATEL)).read_text("utf-8")
    heading, sentence = _opening(page)
    assert heading == "Dwarkesh Patel, Dwarkesh Podcast, 5 Feb 2026: 1 launch an hour, in German"
    assert sentence == (
        "Dwarkesh Patel said on 5 Feb 2026 (Dwarkesh Podcast, in German): 1 launch an hour. "
        "Not rated: no check of Dwarkesh Patel's own figures reached a verdict on it. "
        "Against other speakers' figures, which rates nobody, it differs from Elon Musk's "
        "figure (1.14 times apart, within the rounding of the figures)."
    )


def test_the_build_fields_are_folded_away(built: Built) -> None:
    page = html_path(built.site, claim_page(MUSK)).read_text("utf-8")
    record = page.split('<details class="record"><summary>Record</summary>', 1)[1]
    record = record.split("</details>", 1)[0]
    assert f"<dt>Id</dt><dd><code>{MUSK}</code></dd>" in record
    assert "<dt>Characters</dt><dd>3819–3825</dd>" in record
    assert "<dt>Unit</dt><dd>dimensionless</dd>" in record
    outside = page.replace(record, "")
    assert "<dt>Characters</dt>" not in outside and "<dt>Unit</dt>" not in outside


def test_a_translated_source_says_so(built: Built) -> None:
    # The 36Kr article is German, translated from Chinese (sources.yaml): Baron's "$6
    # million from a fund" said at the Baron Capital conference of 14 Nov 2025.
    claim = "36kr-baron-capital-interview-2025-11-17.de/82dea582"
    page = html_path(built.site, claim_page(claim)).read_text("utf-8")
    heading, sentence = _opening(page)
    assert heading.endswith(", in German, translated from Chinese")
    assert "(Baron Capital investment conference, streamed on X, in German, translated " in (
        sentence
    )
    assert sentence.startswith("Ron Baron said on 14 Nov 2025 ")


def test_derivation_page_opens_with_the_verdict(built: Built) -> None:
    # Every figure is Musk's: about a terawatt a year at 10 MW per launch needs 100,000
    # launches a year against the 20,000-30,000 he named, 100,000 / 25,000 = 4 times apart;
    # "20-30 000" is a range and "около" a hedge, so no rounding closes the gap.
    page = html_path(built.site, derivation_page(TERAWATT)).read_text("utf-8")
    heading, sentence = _opening(page)
    title = (
        "About a terawatt a year in orbit would take 100,000 launches a year, not the "
        "20,000-30,000 named"
    )
    assert heading == title
    assert sentence == (
        f"Checks Elon Musk's own figures: {title}. The figures are 4 times apart, more than "
        "1.5 times even with rounding: inconsistent."
    )
    explanation = re.search(r'<p class="explanation">(.*?)</p>', page, re.DOTALL)
    assert explanation is not None
    assert _text(explanation.group(1)).startswith("At the 10 MW per launch of '100 GW = 10 000")
    # The evidence: each input with speaker, day, source and the quote in Russian.
    inputs = page.split('<ul class="inputs">', 1)[1].split("</ul>", 1)[0]
    assert "Elon Musk, Dwarkesh Podcast, 5 Feb 2026: about 1 TW a year, in Russian" in inputs
    assert '<span lang="ru">' in inputs and "<mark>около тераватта</mark>" in inputs
    assert "Digest of the Dwarkesh Patel / John Collison interview with Elon Musk" in inputs
    assert page.index('<ul class="inputs">') < page.index("Step by step</h2>")
    assert page.index("Step by step</h2>") < page.index("<summary>Record</summary>")


def test_a_check_between_speakers_says_it_rates_nobody(built: Built) -> None:
    page = html_path(built.site, derivation_page("starship-launches-per-hour")).read_text("utf-8")
    _, sentence = _opening(page)
    assert sentence == (
        "Sets Dwarkesh Patel's figures against Elon Musk's (it rates nobody): 10,000 Starship "
        "launches a year is 1.14 launches an hour, not one. The figures are 1.14 times apart, "
        "within the rounding of the figures: inconsistent as stated, no error."
    )


def test_quotes_carry_their_language(built: Built) -> None:
    for claim in built.kb.claims:
        page = html_path(built.site, claim_page(claim.id)).read_text("utf-8")
        quote = page.split("<h2>What was said</h2>", 1)[1].split("</blockquote>", 1)[0]
        assert f'<blockquote><p><span lang="{claim.lang}">' in quote, claim.id
        assert "<mark>" in quote
    for source in built.kb.sources:
        page = html_path(built.site, source_page(source.id)).read_text("utf-8")
        assert f'<div class="source-text" lang="{source.language}">' in page
    entity = html_path(built.site, entity_page("starship")).read_text("utf-8")
    assert re.search(r'<td[^>]*><span lang="ru">[^<]*<mark>', entity)
    # The site itself is English.
    assert '<html lang="en"' in (built.site / "index.html").read_text("utf-8")


def test_front_matter_writes_letters_and_plain_spaces() -> None:
    title = "Маск: 10\u202f000 Starts & <more>\n"
    assert front_matter(title, "около\u00a0тераватта") == (
        '---\ntitle: "Маск: 10 000 Starts &amp; &lt;more&gt;"\n'
        'description: "около тераватта"\n---\n\n'
    )


def _pages(site: Path) -> list[Path]:
    return [site / "index.html", *sorted((site / GENERATED).rglob("index.html"))]


def test_every_page_has_a_readable_title_and_a_description(built: Built) -> None:
    pages = _pages(built.site)
    assert len(pages) >= built.pages
    for path in pages:
        head = _head(path.read_text("utf-8"))
        for key in ("title", "og:title", "description", "og:description"):
            value = head.get(key, "")
            assert value.strip(), (path, key)
            assert "\\" not in value and "\u202f" not in value, (path, key, value)
        assert head["og:type"] == "website"


def test_claim_pages_are_titled_by_the_claim_in_english(built: Built) -> None:
    sources = {s.id: s for s in built.kb.sources}
    for claim in built.kb.claims:
        english = claim_english(claim, sources.get(claim.source))
        assert not english.startswith("Claim")
        page = html_path(built.site, claim_page(claim.id)).read_text("utf-8")
        assert _head(page)["title"] == f"{english} - {SITE_NAME}", claim.id
        assert _opening(page)[0] == english


def test_no_page_shows_internal_notes_or_alias_patterns(built: Built) -> None:
    notes = [s.notes for s in built.kb.sources if s.notes]
    assert notes  # sources.yaml has notes for maintainers ("Contains page chrome: ...")
    patterns = [a for e in built.kb.entities for a in e.aliases if re.search(r"[\\(?*|\[]", a)]
    assert "Starship(?:-\\w+)?" in patterns
    for path in _pages(built.site):
        text = html.unescape(path.read_text("utf-8"))
        for note in notes:
            assert note not in text, path
        assert "Contains page chrome" not in text, path
        for pattern in patterns:
            assert pattern not in text, (path, pattern)
    starship = html_path(built.site, entity_page("starship")).read_text("utf-8")
    assert "<h1>Starship</h1>" in starship and "(launch vehicle)" in starship


def test_source_page_links_the_original(built: Built) -> None:
    # The Russian digest has no url but cites the podcast's page (sources.yaml).
    digest = "dwarkesh-podcast-digest-2026-02-06.ru"
    path = html_path(built.site, source_page(digest))
    links = [a.get("href") for tag, a in parse(path).tags if tag == "a"]
    assert "https://www.dwarkesh.com/p/elon-musk" in links
    page = path.read_text("utf-8")
    assert '<dt>Original</dt><dd><a href="https://www.dwarkesh.com/p/elon-musk">' in page
    assert "<dt>Notes</dt>" not in page
    kr = html_path(built.site, source_page("36kr-baron-capital-interview-2025-11-17.de"))
    _, line = _opening(kr.read_text("utf-8"))
    assert line == (
        "A news article by 36Kr (36氪的朋友们), published 17 Nov 2025, in German, translated "
        "from Chinese, on the interview of 14 Nov 2025 (Baron Capital investment conference, "
        "streamed on X); 55 claims."
    )


def test_the_original_is_the_url_else_a_cited_address() -> None:
    base = {"id": "s", "file": "s.txt"}
    assert original_url(Source(**base, url="https://example.org/a")) == "https://example.org/a"
    assert original_url(Source(**base, cites=" https://example.org/b ")) == "https://example.org/b"
    assert original_url(Source(**base, cites="The Harbour Report, p. 4")) is None
    assert original_url(Source(**base, cites="javascript:alert(1)")) is None


def test_every_verdict_reads_as_a_sentence(built: Built) -> None:
    records = {r.id: r for r in derivation_records(built.kb, EXAMPLE.claims_dir)}
    base = records[TERAWATT]

    def found(**update: object) -> str:
        return check_sentence_parts(base.model_copy(update=update))[1]

    assert found(grade="close", factor=1 / 1.3) == (
        "The figures are 1.3 times apart, less than 1.5 times, but more than their rounding "
        "allows: close."
    )
    assert found(verdict="consistent", grade="within precision", factor=1.0) == (
        "The figures agree: consistent."
    )
    assert found(verdict="implies", grade=None) == (
        "The figures agree only under a further assumption: it implies a further figure."
    )
    assert found(verdict="unverifiable", grade=None, factor=None) == (
        "The figures at hand cannot settle it: unverifiable."
    )
    facts = base.model_copy(update={"scope": "facts", "speakers": {"x": []}})
    assert check_sentence_parts(facts)[0].startswith("Checks reference facts: About a ")


def test_a_marked_number_in_a_source_names_its_claim_in_english(built: Built) -> None:
    path = html_path(built.site, source_page("dwarkesh-x-thread-2026-02-06.de"))
    page = path.read_text("utf-8")
    mark = re.search(r'<mark id="c-3819"><a href="([^"]*)" title="([^"]*)">10\.000</a>', page)
    assert mark is not None
    assert html.unescape(mark.group(2)) == (
        "Elon Musk, Dwarkesh Podcast, 5 Feb 2026: 10,000 launches, in German"
    )
    assert (path.parent / mark.group(1)).resolve() == html_path(built.site, claim_page(MUSK)).parent
