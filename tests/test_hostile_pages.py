"""Hostile text lands on the site as text: a source whose text and metadata (title, author,
kind, interview, notes, address), a derivation and an example query carry HTML, script,
Markdown, template and spreadsheet-formula payloads builds, and every page of the built
site, parsed with ``html.parser``, runs no script of theirs, carries no event-handler
attribute and no ``javascript:`` or ``data:`` link, keeps JSON-LD and the SPARQL page's
JSON well-formed with the payload as data, and shows each payload as the text it is.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimkb.core.models import Source
from claimkb.core.project import Project
from claimkb.extract.pipeline import extract_document
from claimkb.pages.common import link_target
from tests.hostile import Case, _link_cache

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
CLOSER = "</script><script>alert(1)</script>"
MD_LINK = "[x](javascript:alert(1))"
TEMPLATE = "{{ config }}"

TITLE = f"{SCRIPT} {MD_LINK} {TEMPLATE}"
SITE_TITLE = "Ports <script>alert(2)</script>"
"""The project's own title (claimkb.yaml): mkdocs puts it in every page's header."""
SITE_DESCRIPTION = 'Ports "><img src=x onerror=alert(3)>'
"""The project's description: mkdocs puts it in ``<meta name="description" content=...>``."""
AUTHOR = BREAKOUT
KIND = "<svg onload=alert(1)>"
SPEAKER = "Eve <b onmouseover=alert(1)>x</b>"
INTERVIEWER = "[i](javascript:alert(1))"
NOTES = f"{CLOSER}\n\n# Heading\n---\n*star* `tick` {TEMPLATE}"
URL = "https://example.org/report?a=1&b='x'"

#: The lines of the hostile document, each with a number so that each becomes a claim.
LINES = [
    f"{SCRIPT} The yard builds 40 ferries.",
    f"{BREAKOUT} The ferries carry 900 cars a day.",
    f"{CLOSER} Each ferry cost 70 million euros.",
    "[open](javascript:alert(1)) The quay is 450 m long.",
    "{{ config }} {% raw %} The port employs 1200 people.",
    '=HYPERLINK("http://evil.example","x") 7 MW',
    "+cmd|' /C calc'!A0 8 MW",
    "-2+3 9 MW",
    "@SUM(1+1) 10 MW",
    "# Heading 11 MW",
    "--- 12 MW",
    "*stars* and `ticks` 13 MW",
]
TEXT = "\n".join(LINES) + "\n"
ENTRY = {
    "id": "hostile",
    "file": "hostile.txt",
    "language": "en",
    "title": TITLE,
    "author": AUTHOR,
    "kind": KIND,
    "url": URL,
    "notes": NOTES,
    "published": "2026-11-03",
    "covers_interview": {
        "speakers": [SPEAKER],
        "interviewers": [INTERVIEWER],
        "venue": TEMPLATE,
    },
}
DERIVATION_TITLE = f"{SCRIPT} ferries and cars"
DERIVATION_REASON = f"{CLOSER} {MD_LINK}"
QUERY_COMMENT = f'{CLOSER} "quoted" & {TEMPLATE}'
QUERY = f"# {QUERY_COMMENT}\nSELECT ?s WHERE {{ ?s ?p ?o }} LIMIT 1\n"


class Page(HTMLParser):
    """One built page: its elements with their attributes, its scripts with their type and
    text, and the text a reader sees (outside scripts and styles), per element too."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        #: (type, id, text) of each ``<script>``.
        self.scripts: list[tuple[str, str, str]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, list[str]]] = []
        self._script: list[str] | None = None
        self._skip = 0
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        if tag == "script":
            found = dict(attrs)
            self._script = [found.get("type") or "", found.get("id") or "", ""]
        elif tag == "style":
            self._skip += 1
        elif tag in ("h1", "dd", "td", "text", "title", "a", "button", "mark", "div"):
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], self._script[1], self._script[2]))
            self._script = None
        elif tag == "style":
            self._skip -= 1
        elif self._open and self._open[-1][0] == tag:
            name, parts = self._open.pop()
            self.texts.setdefault(name, []).append("".join(parts))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[2] += data
        elif not self._skip:
            for _, parts in self._open:
                parts.append(data)


@dataclass
class Site:
    """The hostile project after its build: the command's result and every page, parsed."""

    case: Case
    exit_code: int
    stderr: str
    pages: dict[str, Page] = field(default_factory=dict)

    def page(self, relative: str) -> Page:
        return self.pages[relative]


def _claim_ids(surfaces: list[str]) -> list[str]:
    """Ids of the hostile document's claims with these surfaces, as the build gives them."""
    source = Source(id="hostile", file="hostile.txt", language="en")
    claims = {claim.surface: claim.id for claim in extract_document(source, TEXT)}
    return [claims[surface] for surface in surfaces]


@pytest.fixture(scope="module")
def site(built_small_project: Project, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The small project with the hostile document, derivation and query, built once."""
    root = tmp_path_factory.mktemp("hostile-pages")
    (root / "outside").mkdir()
    target = root / "project"
    shutil.copytree(
        built_small_project.root, target, symlinks=True, ignore=shutil.ignore_patterns(".cache")
    )
    _link_cache(built_small_project.cache_dir, target / ".cache")
    config = target / "claimkb.yaml"
    kept = [
        line
        for line in config.read_text(encoding="utf-8").splitlines(keepends=True)
        if not line.startswith(("title:", "description:"))
    ]
    config.write_text(
        "".join(kept)
        + f"title: {json.dumps(SITE_TITLE)}\ndescription: {json.dumps(SITE_DESCRIPTION)}\n",
        encoding="utf-8",
    )
    case = Case(root, Project.load(target))
    case.write("sources/hostile.txt", TEXT)
    case.append_source("- " + json.dumps(ENTRY, ensure_ascii=False) + "\n")
    seven, eight = _claim_ids(["7 MW", "8 MW"])
    derivation = {
        "derivations": [
            {
                "id": "hostile-check",
                "title": DERIVATION_TITLE,
                "inputs": {"a": {"claim": seven}, "b": {"claim": eight}},
                "expression": "a + b",
                "compare": "b",
                "unit": "MW",
                "expected": "inconsistent",
                "reason": DERIVATION_REASON,
            }
        ]
    }
    case.write("claims/derivations/hostile.yaml", json.dumps(derivation, ensure_ascii=False))
    case.write("queries/hostile.rq", QUERY)
    result = case.run("build", "--date", "2026-12-01")
    built = Site(case, result.exit_code, result.stderr)
    site_dir = case.project.build_dir / "site"
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        built.pages[relative] = Page(path.read_text(encoding="utf-8"))
    return built


SOURCE_PAGE = "generated/sources/hostile/index.html"
CLAIMS_PAGE = "generated/claims/index.html"


def test_the_project_title_is_every_page_title_as_text(site: Site) -> None:
    home = site.page("index.html")
    assert any(SITE_TITLE in text for text in home.texts["title"])
    metas = [attrs for tag, attrs in home.elements if tag == "meta"]
    assert {"name": "description", "content": SITE_DESCRIPTION} in metas


def test_the_hostile_project_builds(site: Site) -> None:
    assert site.exit_code == 0, site.stderr
    assert "warning" not in site.stderr
    assert SOURCE_PAGE in site.pages and CLAIMS_PAGE in site.pages


def test_no_script_on_any_page_runs_a_payload(site: Site) -> None:
    running = [
        (name, text)
        for name, page in site.pages.items()
        for kind, _, text in page.scripts
        if kind not in ("application/ld+json", "application/json") and "alert" in text
    ]
    assert running == []
    assert len(site.pages) > 30  # every generated page was looked at


def test_no_element_carries_an_event_handler(site: Site) -> None:
    handlers = [
        (name, tag, attribute)
        for name, page in site.pages.items()
        for tag, attrs in page.elements
        for attribute in attrs
        if attribute.startswith("on")
    ]
    assert handlers == []


def test_no_link_has_a_javascript_or_data_address(site: Site) -> None:
    bad = [
        (name, tag, value)
        for name, page in site.pages.items()
        for tag, attrs in page.elements
        for attribute, value in attrs.items()
        if attribute in ("href", "src", "xlink:href", "action", "formaction")
        and re.match(r"[\s\x00-\x1f]*(javascript|data|vbscript):", value, re.IGNORECASE)
    ]
    assert bad == []


def test_no_element_comes_from_a_payload(site: Site) -> None:
    """No ``<img>`` or ``<b>`` of a payload became an element."""
    tags = {tag for page in site.pages.values() for tag, _ in page.elements}
    assert "img" not in tags and "b" not in tags


@pytest.mark.parametrize(
    "label, expected",
    [
        pytest.param("Author", AUTHOR, id="author"),
        pytest.param("Kind", KIND, id="kind"),
        pytest.param("Speakers", SPEAKER, id="speaker"),
        pytest.param("Interviewers", INTERVIEWER, id="interviewer"),
        pytest.param("Venue", TEMPLATE, id="venue"),
        pytest.param("Original", URL, id="url"),
    ],
)
def test_metadata_shows_as_the_text_it_is(site: Site, label: str, expected: str) -> None:
    page = site.page(SOURCE_PAGE)
    assert expected in page.texts["dd"]


def test_internal_notes_are_on_no_page(site: Site) -> None:
    """``notes`` are for the project's maintainers: no page shows them, not even in part."""
    shown = [
        name
        for name, page in site.pages.items()
        for texts in page.texts.values()
        for text in texts
        if "*star* `tick`" in text
    ]
    assert shown == []


def test_title_is_the_heading_as_written(site: Site) -> None:
    assert site.page(SOURCE_PAGE).texts["h1"] == [TITLE]


@pytest.mark.parametrize("line", LINES, ids=[f"line-{n}" for n in range(1, len(LINES) + 1)])
def test_every_line_of_the_text_shows_verbatim(site: Site, line: str) -> None:
    shown = [text for text in site.page(SOURCE_PAGE).texts["div"] if LINES[0] in text]
    assert shown and all(line in text for text in shown)


def test_markdown_in_payloads_is_not_rendered(site: Site) -> None:
    page = site.page(SOURCE_PAGE)
    tags = [tag for tag, _ in page.elements]
    assert "em" not in tags and "hr" not in tags and "h2" in tags
    assert tags.count("h1") == 1
    assert [t for t in page.texts.get("a", []) if t in ("x", "i", "open", "r")] == []


def test_the_address_link_is_the_exact_url(site: Site) -> None:
    page = site.page(SOURCE_PAGE)
    assert [
        a["href"] for tag, a in page.elements if tag == "a" and "example.org" in a.get("href", "")
    ] == [URL]


def test_claim_review_json_ld_holds_the_quote_as_data(site: Site) -> None:
    reviews = [
        json.loads(text)
        for name, page in site.pages.items()
        if name.startswith("generated/claims/hostile/")
        for kind, _, text in page.scripts
        if kind == "application/ld+json"
    ]
    quotes = sorted(review["claimReviewed"] for review in reviews)
    # Only rated claims have a review: the two the hostile derivation checks, both the
    # author's own figures ("7 MW" + "8 MW" against "8 MW": inconsistent, 15 / 8 = 1.9x).
    assert quotes == sorted(LINES[5:7])
    assert {review["itemReviewed"]["author"]["name"] for review in reviews} == {AUTHOR}
    assert {review["itemReviewed"]["appearance"]["name"] for review in reviews} == {TITLE}


def test_speaker_filter_attribute_holds_the_name(site: Site) -> None:
    rows = [attrs for tag, attrs in site.page(CLAIMS_PAGE).elements if tag == "tr"]
    speakers = {attrs["data-speaker"] for attrs in rows if attrs.get("data-source") == "hostile"}
    assert speakers == {AUTHOR}
    options = [attrs["value"] for tag, attrs in site.page(CLAIMS_PAGE).elements if tag == "option"]
    assert AUTHOR in options


def test_derivation_page_shows_its_title_as_text(site: Site) -> None:
    page = site.page("generated/derivations/hostile-check/index.html")
    assert page.texts["h1"] == [DERIVATION_TITLE]
    assert DERIVATION_TITLE in site.page("generated/derivations/index.html").texts["a"]


def test_graph_draws_the_source_title_as_svg_text(site: Site) -> None:
    """The source's column header: the title wrapped on two lines of SVG text."""
    texts = site.page("generated/graph/index.html").texts["text"]
    first = next(i for i, text in enumerate(texts) if text.startswith(SCRIPT))
    assert texts[first : first + 2] == [f"{SCRIPT} {MD_LINK} {{{{", "config }}"]


def test_sparql_config_holds_the_query_as_data(site: Site) -> None:
    page = site.page("generated/sparql/index.html")
    (config,) = [json.loads(text) for _, name, text in page.scripts if name == "sparql-config"]
    found = {query["name"]: query for query in config["queries"]}
    assert found["hostile"]["text"] == QUERY
    assert found["hostile"]["description"] == QUERY_COMMENT
    buttons = [attrs for tag, attrs in page.elements if attrs.get("data-query") == "hostile"]
    assert [attrs["title"] for attrs in buttons] == [QUERY_COMMENT]


def test_the_site_writes_no_csv(site: Site) -> None:
    """Spreadsheet formulas (``=HYPERLINK``, ``+cmd``, ``@SUM``) could only act in a CSV
    file; the site offers Turtle, JSON-LD and JSON Lines, where they are plain strings."""
    site_dir = site.case.project.build_dir / "site"
    assert sorted(p.name for p in site_dir.rglob("*.csv")) == []
    jsonl = (site_dir / "downloads" / "claims.jsonl").read_text(encoding="utf-8")
    quotes = {json.loads(line)["quote"] for line in jsonl.splitlines()}
    assert set(LINES) <= quotes


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("javascript:alert(1)", id="javascript"),
        pytest.param("JavaScript:alert(1)", id="javascript-capitals"),
        pytest.param(" javascript:alert(1)", id="javascript-after-space"),
        pytest.param("data:text/html,<script>alert(1)</script>", id="data"),
        pytest.param("vbscript:msgbox(1)", id="vbscript"),
        pytest.param("//evil.example/x", id="scheme-relative"),
        pytest.param("../../outside/secret.txt", id="relative-path"),
        pytest.param("https://example.org/a b", id="space-inside"),
        pytest.param("", id="empty"),
    ],
)
def test_only_http_addresses_become_links(url: str) -> None:
    assert link_target(url) is None


@pytest.mark.parametrize(
    "url, href",
    [
        ("https://example.org/x", "https://example.org/x"),
        ("HTTP://example.org/?a=1&b=2", "HTTP://example.org/?a=1&amp;b=2"),
        ('https://example.org/"onmouseover=x', "https://example.org/&quot;onmouseover=x"),
    ],
    ids=["https", "http-with-ampersand", "quote-inside"],
)
def test_http_addresses_are_escaped_for_the_attribute(url: str, href: str) -> None:
    assert link_target(url) == href


def test_site_files_outside_the_project_untouched(site: Site) -> None:
    assert sorted(p.name for p in (site.case.root / "outside").iterdir()) == []
    assert not (Path(site.case.root) / "site").exists()
