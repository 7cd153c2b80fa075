"""The static site, built once from the bundled corpus into a temporary folder with one quote
and one source text carrying markup, as untrusted input may: pages exist, marks and anchors
are where links point, untrusted text is escaped, nothing is fetched from the network, and
the ClaimReview JSON-LD is well-formed. The SPARQL page's engine is a stand-in package
made here (tests/vendor_fixtures.py), so the build needs no network."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from claimkb.build.stages import knowledge_base
from claimkb.core.models import Source
from claimkb.derive.ratings import claim_ratings
from claimkb.derive.records import derivation_records
from claimkb.derive.verdict_table import RATINGS
from claimkb.extract.pipeline import extract_document
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.ledger.sources import load_sources
from claimkb.pages.common import (
    DOWNLOAD_FILES,
    GENERATED,
    HOME_PAGE,
    PREDICTIONS_PAGE,
    SPARQL_PAGE,
    anchor_id,
    claim_page,
    derivation_page,
    entity_page,
    source_page,
)
from claimkb.pages.html import highlighted_quote
from claimkb.pages.publish import build_site, copy_template
from claimkb.pages.site import generate_pages
from claimkb.pages.sparql import ENGINE_DIR, install_site_files, write_sparql_page
from claimkb.rdf.examples import query_files
from tests.conftest import EXAMPLE
from tests.vendor_fixtures import ENGINE_FILES, package_for, tarball

BUILD_DATE = dt.date(2026, 1, 31)
#: What the fixture's build folder holds for the downloads.
DOWNLOAD_BYTES = {
    "kb.ttl": b"<https://claimkb.org/x> a <https://schema.org/Claim> .\n",
    "kb.jsonld": b'{"@graph": []}\n',
    "claims.jsonl": '{"id": "a/1", "surface": "über 10"}\n'.encode(),
}
EVIL = '<script>alert("x")</script> **bold** [link](http://example.com)'


@dataclasses.dataclass(frozen=True)
class Built:
    kb: KnowledgeBase
    site: Path
    pages: int
    curated: int


def html_path(site: Path, page: str) -> Path:
    """Where mkdocs writes a docs page (directory URLs)."""
    stem = page.removesuffix(".md").removesuffix("index").rstrip("/")
    return site / stem / "index.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    kb = knowledge_base(EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir)
    records = derivation_records(kb, EXAMPLE.claims_dir)
    first = kb.claims[0]
    claims = [first.model_copy(update={"quote": f"{first.quote} {EVIL}"}), *kb.claims[1:]]
    texts = {**kb.texts, first.source: kb.texts[first.source] + "\n" + EVIL + "\n"}
    kb = dataclasses.replace(kb, claims=claims, texts=texts)
    tmp = tmp_path_factory.mktemp("site")
    docs = tmp / "docs"
    copy_template(docs)
    pages = generate_pages(kb, records, docs, BUILD_DATE, EXAMPLE.config)
    write_sparql_page(docs, query_files())
    site = build_site(EXAMPLE.config, docs, tmp / "out")
    exports = tmp / "build"
    exports.mkdir()
    for name, _ in DOWNLOAD_FILES:
        (exports / name).write_bytes(DOWNLOAD_BYTES[name])
    engine = tarball(ENGINE_FILES)
    install_site_files(site, exports, (package_for(engine), engine))
    curated = sum(r.curated for r in records)
    return Built(kb, site, pages, curated)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of JSON-LD and JSON scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.json_ld: list[str] = []
        self.json: dict[str, str] = {}
        self._in_ld = False
        self._in_json: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        self._in_ld = tag == "script" and found.get("type") == "application/ld+json"
        if tag == "script" and found.get("type") == "application/json":
            self._in_json = found.get("id") or ""
            self.json[self._in_json] = ""

    def handle_endtag(self, tag: str) -> None:
        self._in_ld = False
        self._in_json = None

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(data)
        if self._in_json is not None:
            self.json[self._in_json] += data


def parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_claim_page_marks_the_surface(built: Built) -> None:
    claim = built.kb.claims[5]
    page = html_path(built.site, claim_page(claim.id)).read_text(encoding="utf-8")
    assert f"<mark>{html.escape(claim.surface)}</mark>" in page
    # home; the claims, sources, derivations, entities, speakers and drift indexes;
    # predictions; graph
    fixed = 9
    expected = len(built.kb.claims) + len(built.kb.sources) + len(built.kb.entities)
    # Speakers: Elon Musk, Ron Baron, Dwarkesh Patel, 36Kr, the unknown author; 12 quantities
    # stated more than once (tests/test_drift.py).
    assert built.pages == expected + fixed + built.curated + 5 + 12


def test_source_pages_anchor_every_claim(built: Built) -> None:
    for source in built.kb.sources:
        page = html_path(built.site, source_page(source.id)).read_text(encoding="utf-8")
        for claim in built.kb.claims:
            if claim.source == source.id:
                assert f'id="{anchor_id(claim)}"' in page, claim.id


def test_untrusted_text_is_escaped(built: Built) -> None:
    claim = built.kb.claims[0]
    pages = [
        html_path(built.site, claim_page(claim.id)),
        html_path(built.site, source_page(claim.source)),
        html_path(built.site, f"{GENERATED}/claims/index.md"),
        *(html_path(built.site, entity_page(e)) for e in built.kb.claim_entities[claim.id]),
    ]
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; **bold**" in text, path
        assert 'href="http://example.com"' not in text, path


def test_no_external_scripts_styles_or_fonts(built: Built) -> None:
    for path in sorted(built.site.rglob("*.html")):
        for tag, attrs in parse(path).tags:
            if tag in ("script", "link", "img"):
                url = attrs.get("src") or attrs.get("href") or ""
                assert not re.match(r"(https?:)?//", url), (path, tag, url)
    for path in sorted(built.site.rglob("*.css")):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", path.read_text("utf-8")), path
    # The SPARQL page's own script and style name no other host at all; what they load
    # comes from the page's configuration, whose one URL is relative.
    for name in ("sparql.js", "sparql.css"):
        assert not re.search(
            r"https?:|//[\w.-]+\.[a-z]", (built.site / "assets" / name).read_text()
        ), name
    config = json.loads(parse(html_path(built.site, SPARQL_PAGE)).json["sparql-config"])
    assert config["data"] == {"url": "../../downloads/kb.ttl", "format": "text/turtle"}


def _check_links(path: Path) -> int:
    """Assert every relative link of a built page reaches a page (and anchor); return how
    many there were. SVG ``<a href>`` counts too: the parser sees its tags like any other."""
    checked = 0
    for tag, attrs in parse(path).tags:
        url = attrs.get("href") if tag == "a" else None
        if not url or urlsplit(url).scheme or url.startswith("#"):
            continue
        parts = urlsplit(url)
        target = (path.parent / unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target.exists(), (path, url)
        if parts.fragment:
            assert f'id="{parts.fragment}"' in target.read_text("utf-8"), (path, url)
        checked += 1
    return checked


def test_links_between_generated_pages_resolve(built: Built) -> None:
    pages = [built.site / "index.html", *sorted((built.site / GENERATED).rglob("*.html"))]
    checked = sum(_check_links(path) for path in pages)
    assert checked > len(built.kb.claims) * 2


def test_graph_page_links_resolve(built: Built) -> None:
    # The picture links 5 source headers, 86 claims, 36 derivations and 18 reference-fact
    # boxes, one per use (see test_site_graph.py for the counts by hand); the text links the
    # derivation checks.
    path = html_path(built.site, f"{GENERATED}/graph/index.md")
    svg = re.search(r'<svg[^>]* class="kbg".*?</svg>', path.read_text("utf-8"), re.DOTALL)
    assert svg is not None
    assert len(re.findall(r"<a href=", svg.group(0))) == 5 + 86 + 36 + 18
    assert _check_links(path) > 106


def test_claim_review_json_ld_only_for_rated_claims(built: Built) -> None:
    records = derivation_records(built.kb, EXAMPLE.claims_dir)
    rated = claim_ratings(records, built.kb.claims_by_id)
    reviewed = set()
    for claim in built.kb.claims:
        scripts = parse(html_path(built.site, claim_page(claim.id))).json_ld
        if claim.id not in rated:
            assert scripts == [], claim.id
            continue
        reviewed.add(claim.id)
        assert len(scripts) == 1, claim.id
        data = json.loads(scripts[0])
        assert data["@type"] == "ClaimReview"
        assert data["claimReviewed"] == claim.quote
        rating = data["reviewRating"]
        assert {"ratingValue", "bestRating", "worstRating", "alternateName"} <= rating.keys()
        assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
        shown = (rating["ratingValue"], rating["alternateName"])
        assert shown in {(r.rating, r.label) for r in RATINGS}, claim.id
        assert data["author"] == {"@type": "Organization", "name": "claimkb"}
        # Without a ratings ledger, a rating is first reached on the day of the build.
        assert data["datePublished"] == BUILD_DATE.isoformat()
        item = data["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"]["name"] == claim.speaker
        assert item["appearance"]["name"]
    assert reviewed == set(rated) and reviewed
    # Musk's "10.000" Starship launches: rated by his own equation "100 GW = 10.000
    # Starship-Starts" (consistent), not by Dwarkesh Patel's "one launch every hour";
    # Patel's "ein" is only in that comparison between two speakers, so it has no rating.
    musk = "dwarkesh-x-thread-2026-02-06.de/810b0bcd"
    patel = "dwarkesh-x-thread-2026-02-06.de/20c56679"
    assert rated[musk].rating == "consistent"
    assert patel not in rated
    page = html_path(built.site, claim_page(patel)).read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert "differs from Elon Musk's figure (1.14 times apart, within the rounding" in text


def test_an_outlet_is_an_organization_in_claim_reviews(built: Built) -> None:
    # 36Kr wrote the article (sources.yaml: author_type organization); Ron Baron's "$6
    # million from a fund", rated by his own sum (baron-investment-split), names him as a
    # person and the article's author as an organisation.
    claim = "36kr-baron-capital-interview-2025-11-17.de/82dea582"
    records = derivation_records(built.kb, EXAMPLE.claims_dir)
    assert claim in claim_ratings(records, built.kb.claims_by_id)
    data = json.loads(parse(html_path(built.site, claim_page(claim))).json_ld[0])
    assert data["itemReviewed"]["author"] == {"@type": "Person", "name": "Ron Baron"}
    author = data["itemReviewed"]["appearance"]["author"]
    assert author == {"@type": "Organization", "name": "36Kr (36氪的朋友们)"}


def _rows(page: str) -> list[list[str]]:
    """The body rows of a generated page's table, cells as plain text."""
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", page):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        if cells:
            rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells])
    return rows


def _claim_id(kb: KnowledgeBase, source: str, surface: str) -> str:
    (found,) = [c.id for c in kb.claims if c.source == source and c.surface == surface]
    return found


def test_entity_page_lists_its_claims(built: Built) -> None:
    # By hand from claims/extracted/: the sentences naming Neuralink in the 36kr article
    # ("über 10" twice, "Jahr 2026", "weniger als 6 Millionen US-Dollar") and the All-In
    # digest ("12", "dieses Jahr", "bis 2025"); and two the reviews of
    # claims/reviewed/drift.yaml add, the cost of Optimus legs driven by Neuralink signals
    # ("60.000 US-Dollar", "etwa 60.000 US-Dollar").
    path = html_path(built.site, entity_page("neuralink"))
    page = path.read_text(encoding="utf-8")
    surfaces = sorted(
        m for m in re.findall(r"<mark>(.*?)</mark>", page) if not m.startswith("&lt;")
    )
    assert surfaces == sorted(
        [
            "über 10",
            "über 10",
            "Jahr 2026",
            "weniger als 6 Millionen US-Dollar",
            "60.000 US-Dollar",
            "etwa 60.000 US-Dollar",
            "12",
            "dieses Jahr",
            "bis 2025",
        ]
    )
    linked = {
        (path.parent / unquote(attrs["href"] or "")).resolve()
        for tag, attrs in parse(path).tags
        if tag == "a" and attrs.get("href")
    }
    twelve = _claim_id(built.kb, "allin-podcast-interview-2025-09.de", "12")
    assert html_path(built.site, claim_page(twelve)).parent in linked
    rows = _rows(page)
    # The row of "12": the claim in English (Musk at the All-In interview of 10 September
    # 2025, sources.yaml; 12 of "person" reads "12 people"), then the quote as said.
    english = "Elon Musk, All-In Podcast (phone interview), 10 Sep 2025: 12 people, in German"
    assert any(r[0] == english and r[1].startswith("Bei 12 Menschen") for r in rows)
    index = html_path(built.site, f"{GENERATED}/entities/index.md").read_text("utf-8")
    assert any(r[0] == "Neuralink" and r[2] == "9" for r in _rows(index))


def test_predictions_page(tmp_path: Path) -> None:
    kb = knowledge_base(EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir)
    generate_pages(kb, [], tmp_path, dt.date(2026, 11, 22), EXAMPLE.config)
    page = (tmp_path / PREDICTIONS_PAGE).read_text(encoding="utf-8")
    ahead, past = page.split("<h2>")
    rows = _rows(ahead)
    # 17 date claims; two name the day they were said: "14. November" in the 36Kr interview
    # of 2025-11-14 and "10. September" in the All-In interview of 2025-09-10. The other 15
    # look ahead, and 9 durations count from the day said: "in 1-2 Jahren", "in 1 bis 2
    # Jahren", "in 3 Jahren" twice, "in drei oder vier Jahren" (36Kr), "в течение 36 месяцев
    # или меньше", "через пять лет" (the Russian digest), "innerhalb von drei Jahren",
    # "binnen vier Jahren" (the undated orbital plan). Of the 24, three are no prediction
    # (one past tense, two present states, see tests/test_predictions_tense.py), and the
    # 36Kr article says its two spans twice: 24 - 3 - 2 rows, 9 - 2 of them spans.
    assert sum(c.quantity.kind == "date" for c in kb.claims) == 17
    assert len(rows) == 24 - 3 - 2
    assert sum(r[2] == "deadline" for r in rows) == 9 - 2
    # quote, time, said, reason, speaker, source; sorted by time as text
    dismissed = sorted(_rows(past), key=lambda r: r[1])
    assert [(r[1], r[2], r[3]) for r in dismissed] == [
        ("2025", "2025-09-10", "past tense: 'hat … abgeschlossen'"),
        ("2025-09-10", "2025-09-10", "the date had come when it was said"),
        ("2025-11-14", "2025-11-14", "the date had come when it was said"),
        ("<=2030", "2026-02-05", "present state: 'распроданы'"),
        (">2030", "2026-02-05", "present state: 'Vorlaufzeiten'"),
    ]
    assert "dieses Jahr" in dismissed[0][0] and "10. September" in dismissed[1][0]
    # quote, time, kind, said, due, status, outcome, speaker, sources

    def row(words: str) -> list[str]:
        (found,) = [r for r in rows if words in r[0]]
        return found

    # dwarkesh-x-thread: "bis 2030", said in the interview of 2026-02-05.
    bis_2030 = row("er möchte bis 2030 mehr als das")
    assert bis_2030[1:7] == ["<=2030", "date", "2026-02-05", "2030-12-31", "open", "not yet known"]
    # All-In (interview 2025-09-10): "Bis Ende des Jahres", time 2025-12.
    end_of_year = row("Bis Ende des Jahres wird es ein auf der Straße einsetzbares System")
    assert end_of_year[1:6] == ["<=2025-12", "date", "2025-09-10", "2025-12-31", "due date passed"]
    assert row("xAI wird im ersten Quartal 2026")[4:6] == ["2026-03-31", "due date passed"]
    assert row("второму кварталу")[4:6] == ["2027-06-30", "open"]
    # 36 months from the interview of 2026-02-05; five years from it.
    assert row("в течение 36 месяцев")[2:6] == ["deadline", "2026-02-05", "2029-02-05", "open"]
    assert row("через пять лет")[4] == "2031-02-05"
    # Three or four years from 2025-11-14: the longer span.
    assert row("in drei oder vier Jahren")[4] == "2029-11-14"
    # Said twice in the 36Kr article ("in 1-2 Jahren", "in 1 bis 2 Jahren"; "in 3 Jahren"
    # twice): one row each, the second claim linked as said again.
    twice = [r for r in rows if "sie in 1-2 Jahren fertigzustellen" in r[0]]
    assert [r[4] for r in twice] == ["2027-11-14", "2028-11-14"]
    assert all("again" in r[0] for r in twice)
    # The orbital plan has no date: its spans cannot fall due, they stay open.
    assert [r[4:6] for r in rows if "innerhalb von drei Jahren" in r[0]] == [["", "open"]] * 2
    dues = [r[4] for r in rows if r[4]]
    assert dues == sorted(dues) and dues[0] == "2025-12-31" and dues[-1] == "2031-02-05"
    assert generate_pages(kb, [], tmp_path, dt.date(2026, 11, 22), EXAMPLE.config) > 0
    assert (tmp_path / PREDICTIONS_PAGE).read_text(encoding="utf-8") == page


def test_home_page_counts_and_inconsistencies(built: Built) -> None:
    page = html_path(built.site, HOME_PAGE).read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    # 144 claims: 107 in the four German sources (6 + 18 + 55 + 28), 37 in the Russian one;
    # the 36 hand-written derivations expect 20 consistent, 10 implies, 5 inconsistent and
    # 1 unverifiable (claims/derivations/*.yaml)
    assert "de 107, ru 37" in text
    assert "consistent 20, implies 10, inconsistent 5, unverifiable 1" in text
    striking = page.split("The figures furthest apart</h2>")[1].split("<h2")[0]
    # Of the five inconsistent checks, 52 against 50 actuators (1.04x) and 10,000 launches
    # a year against one an hour (1.14x) lie within the rounding of the figures ("50" and
    # "ein" are round), so they are not listed. The other three are far (more than 1.5x
    # apart even with rounding), furthest first: the terawatt a year needs 100,000
    # launches against 25,000 named (4x, all Musk's); the 36Kr heading's 50 actuators
    # against Musk's 26 per hand (50 / 26 = 1.92x); 36Kr's 3 years against Musk's five
    # (5 / 3 = 1.67x; "3" may stand for 2.5-3.5 and "five" for 4.5-5.5, still apart).
    # The two 36Kr checks are between speakers and rate nobody.
    between = "36Kr (36氪的朋友们) vs Elon Musk (rates nobody)"
    rows = _rows(striking)
    assert [row[1:3] for row in rows] == [
        ["Elon Musk's own", "4x"],
        [between, "1.92x"],
        [between, "1.67x"],
    ]
    assert rows[0][0] == (
        "About a terawatt a year in orbit would take 100,000 launches a year, not the "
        "20,000-30,000 named"
    )


def test_sparql_page_embeds_every_example_query(built: Built) -> None:
    path = html_path(built.site, SPARQL_PAGE)
    parsed = parse(path)
    config = json.loads(parsed.json["sparql-config"])
    files = query_files(EXAMPLE.queries_dir)
    assert len(files) == 19
    assert [q["name"] for q in config["queries"]] == [f.stem for f in files]
    assert [q["text"] for q in config["queries"]] == [f.read_text("utf-8") for f in files]
    described = {q["name"]: q["description"] for q in config["queries"]}
    # The first comment lines of queries/claims-per-source.rq and queries/big-money.rq.
    assert described["claims-per-source"] == (
        "How many numeric claims each source contains, with its language; the biggest first."
    )
    assert described["big-money"] == (
        "The big money figures: amounts of at least a billion in any currency, largest "
        "first, with who named them, where, and whether they are per year."
    )
    buttons = [a for tag, a in parsed.tags if tag == "button" and a.get("data-query")]
    assert [b["data-query"] for b in buttons] == [f.stem for f in files]
    assert all(b["class"] == "md-button sparql-example" for b in buttons)
    ids = {a.get("id") for _, a in parsed.tags}
    assert {"sparql-query", "sparql-run", "sparql-status", "sparql-results"} <= ids
    assert config["prefixes"]["schema"] == "https://schema.org/"


def test_sparql_page_assets_and_downloads_are_in_the_site(built: Built) -> None:
    path = html_path(built.site, SPARQL_PAGE)
    tags = parse(path).tags
    (module,) = [a for t, a in tags if t == "script" and a.get("type") == "module"]
    assert (path.parent / (module["src"] or "")).resolve() == built.site / "assets/sparql.js"
    styles = [
        a["href"] for t, a in tags if t == "link" and a.get("href", "").endswith("sparql.css")
    ]
    assert [(path.parent / (s or "")).resolve() for s in styles] == [
        built.site / "assets/sparql.css"
    ]
    engine = built.site / ENGINE_DIR
    assert (engine / "web.js").read_bytes() == ENGINE_FILES["package/web.js"]
    assert (engine / "web_bg.wasm").read_bytes() == ENGINE_FILES["package/web_bg.wasm"]
    assert "MIT OR Apache-2.0" in (engine / "LICENSE.txt").read_text("utf-8")
    for name, content in DOWNLOAD_BYTES.items():
        assert (built.site / "downloads" / name).read_bytes() == content
    links = {a["href"] for t, a in tags if t == "a" and "download" in a}
    assert links == {
        "../../downloads/kb.ttl",
        "../../downloads/kb.jsonld",
        "../../downloads/claims.jsonl",
    }


def test_home_links_the_downloads_and_the_sparql_page(built: Built) -> None:
    path = html_path(built.site, HOME_PAGE)
    hrefs = {a["href"] for t, a in parse(path).tags if t == "a" and a.get("href")}
    assert {
        "downloads/kb.ttl",
        "downloads/kb.jsonld",
        "downloads/claims.jsonl",
        "generated/sparql/",
    } <= hrefs
    assert "build/kb.ttl" not in path.read_text("utf-8")


def test_derivation_page_shows_the_evaluation_step_by_step(built: Built) -> None:
    page = html_path(built.site, derivation_page("starship-launches-for-terawatt-a-year"))
    text = page.read_text(encoding="utf-8")
    steps = _rows(text.split("Step by step</h2>")[1])
    # step, expression, interval, unit, note: "около тераватта в год" is [0.9, 1.1] TW a year
    # (±10 % for "около"), 100 GW per 10,000 launches is 0.01 GW a launch, and their quotient
    # is 90,000 to 110,000 launches a year.
    assert steps == [
        ["1", "terawatt", "[0.9, 1.1]", "terawatt / year", "input"],
        ["2", "per_launch", "0.01", "gigawatt", "input"],
        ["3", "(terawatt / per_launch)", "[90,000, 110,000]", "1 / year", ""],
    ]


def test_claim_page_says_when_the_claim_was_made(built: Built) -> None:
    # The Russian digest covers the interview of 2026-02-05 (sources/sources.yaml).
    claim = next(c for c in built.kb.claims if c.source.endswith(".ru"))
    page = html_path(built.site, claim_page(claim.id)).read_text(encoding="utf-8")
    assert '<dt>Said</dt><dd><time datetime="2026-02-05">5 Feb 2026</time></dd>' in page


def test_a_cut_quote_marks_the_claims_own_occurrence() -> None:
    """A quote cut out of a long line (marked with "…") is still found in the text, so the
    second "40 MW" of a line is marked where it stands, not at the first one."""
    text = "x " * 300 + "we have 40 MW here and 40 MW there " + "y " * 300 + "\n"
    source = Source(id="long", file="long.txt", language="en")
    second = [c for c in extract_document(source, text) if c.surface == "40 MW"][1]
    assert second.quote.startswith("…") and second.quote.endswith("…")
    marked = highlighted_quote(second, text)
    before, after = marked.split("<mark>")
    assert before.endswith("we have 40 MW here and ")
    assert after.startswith("40 MW</mark> there y")


def test_a_number_said_twice_in_a_sentence_is_marked_where_the_claim_is() -> None:
    text = "We plan 40 MW now and 40 MW later.\n"
    source = Source(id="twice", file="twice.txt", language="en")
    second = [c for c in extract_document(source, text) if c.surface == "40 MW"][1]
    assert highlighted_quote(second, text) == (
        '<span lang="en">We plan 40 MW now and <mark>40 MW</mark> later.</span>'
    )
