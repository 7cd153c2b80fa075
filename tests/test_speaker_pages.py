"""Speaker pages: one per person or organisation of the bundled corpus, with their claims,
ratings, checks by verdict, comparisons, quantities stated more than once and predictions;
the addresses are stable, unique and safe, and a speaker's name with markup shows as text.

Expected values are read off the corpus by hand: the derivations in ``claims/derivations/``,
the figures in ``tests/test_drift.py``, the dates in ``sources/sources.yaml``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimkb.build.stages import knowledge_base
from claimkb.derive.records import derivation_records
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.ledger.sources import load_sources
from claimkb.pages.common import (
    HOME_PAGE,
    PREDICTIONS_PAGE,
    SPEAKERS_INDEX,
    claim_page,
    drift_page,
    speaker_key,
    speaker_page,
)
from claimkb.pages.publish import NAV
from claimkb.pages.site import generate_pages
from tests.conftest import EXAMPLE
from tests.test_prediction_outcomes import GROK, OUTCOMES

BUILD_DATE = dt.date(2026, 11, 22)
MUSK, BARON, PATEL = "Elon Musk", "Ron Baron", "Dwarkesh Patel"
KR = "36Kr (36氪的朋友们)"
UNKNOWN = "unknown author"
DIGEST = "dwarkesh-podcast-digest-2026-02-06.ru"


class Parsed(HTMLParser):
    """A generated page: its elements with attributes, the text of each ``h1``/``h2``/
    ``h3``/``li``/``td``/``text``/``option`` element, and the sections by ``h2``."""

    KEPT = ("h1", "h2", "h3", "li", "td", "text", "option", "a", "p")

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, list[str]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag in self.KEPT:
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                name, parts = self._open.pop(i)
                self.texts.setdefault(name, []).append("".join(parts))
                return

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)


@dataclasses.dataclass(frozen=True)
class Pages:
    kb: KnowledgeBase
    docs: Path

    def text(self, page: str) -> str:
        return (self.docs / page).read_text(encoding="utf-8")

    def section(self, page: str, heading: str) -> str:
        """The HTML of one ``<h2>`` section of a page."""
        text = self.text(page)
        start = text.index(f"<h2>{heading}</h2>")
        end = text.find("<h2>", start + 1)
        return text[start : end if end != -1 else len(text)]


def _generate(kb: KnowledgeBase, docs: Path) -> Pages:
    records = derivation_records(kb, EXAMPLE.claims_dir)
    generate_pages(kb, records, docs, BUILD_DATE, EXAMPLE.config)
    return Pages(kb, docs)


def _corpus() -> KnowledgeBase:
    return knowledge_base(
        EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    return _generate(_corpus(), tmp_path_factory.mktemp("speakers"))


# ------------------------------------------------------------------------------ addresses


def test_plain_names_keep_a_readable_address() -> None:
    assert speaker_page(MUSK) == "generated/speakers/elon-musk.md"
    assert speaker_key(BARON) == "ron-baron"
    assert speaker_key(UNKNOWN) == "unknown-author"


def test_names_the_knowledge_graph_takes_for_one_speaker_share_a_page() -> None:
    """``rdf.vocab.slug`` folds case and runs of spaces: one speaker, one IRI, one page."""
    assert speaker_key("elon  musk") == speaker_key("ELON MUSK") == "elon-musk"


def test_other_names_get_a_hash_and_stay_apart() -> None:
    kr = speaker_key(KR)
    assert re.fullmatch(r"36kr-36--[0-9a-f]{10}", kr)
    # Names that differ only in letters outside ASCII keep apart.
    other = speaker_key("36Kr (36氪的朋友)")
    assert other != kr and other.startswith("36kr-36--")
    # "index" would be the index page's file: it gets a hash like any other odd name.
    assert speaker_key("Index") != "index" and speaker_key("Index").startswith("index--")
    # A name that is only punctuation or script: a readable stand-in and the hash.
    assert re.fullmatch(r"speaker--[0-9a-f]{10}", speaker_key("<>"))
    assert len({speaker_key("<>"), speaker_key("><"), speaker_key("Unnamed")}) == 3


def test_addresses_are_safe_and_stable() -> None:
    hostile = ["../../etc/passwd", '"><img src=x onerror=alert(1)>', "a/b\\c", "Ünïcödé", "x" * 300]
    keys = [speaker_key(name) for name in hostile]
    assert all(re.fullmatch(r"[a-z0-9-]+", key) and len(key) <= 80 for key in keys)
    assert len(set(keys)) == len(keys)
    assert speaker_key("Ünïcödé") == speaker_key("Ünïcödé")  # the same in every run


# ------------------------------------------------------------------------------ the index


def test_every_speaker_has_a_page_listed_in_the_index(pages: Pages) -> None:
    index = Parsed(pages.text(SPEAKERS_INDEX))
    links = [a["href"] for tag, a in index.elements if tag == "a"]
    assert sorted(links) == sorted(f"{speaker_key(n)}/" for n in (MUSK, BARON, PATEL, KR, UNKNOWN))
    for name in (MUSK, BARON, PATEL, KR, UNKNOWN):
        assert (pages.docs / speaker_page(name)).exists()


def test_the_index_names_persons_and_organisations(pages: Pages) -> None:
    """36Kr wrote its article as an outlet (``author_type: organization``)."""
    rows = [r for r in re.findall(r"<tr>(.*?)</tr>", pages.text(SPEAKERS_INDEX)) if "<td" in r]
    kinds = {
        re.sub(r"<[^>]+>", "", cells[0]): cells[1]
        for cells in (re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows)
    }
    assert kinds == {
        MUSK: "person",
        BARON: "person",
        PATEL: "person",
        "36Kr (36氪的朋友们)": "organisation",
        UNKNOWN: "not known",
    }
    # The extractor's stand-in for sources that name nobody is no person, and comes last.
    assert re.findall(r'<a href="([^"]+)/">', pages.text(SPEAKERS_INDEX))[-1] == UNKNOWN.replace(
        " ", "-"
    )
    assert "Not one speaker" in pages.text(speaker_page(UNKNOWN))


def test_the_nav_and_the_home_page_point_to_the_new_pages(pages: Pages) -> None:
    names = [next(iter(item)) for item in NAV]
    assert names.index("Speakers") < names.index("Same quantity over time")
    home = pages.text(HOME_PAGE)
    assert 'href="generated/speakers/">Speakers</a>' in home
    assert 'href="generated/drift/">Same quantity over time</a>' in home


# ------------------------------------------------------------------------------ one page


def test_musks_page_lists_his_claims_in_english_with_the_quote_in_the_original(
    pages: Pages,
) -> None:
    page = pages.text(speaker_page(MUSK))
    parsed = Parsed(page)
    assert parsed.texts["h1"] == [MUSK]
    claims = [c for c in pages.kb.claims if c.speaker == MUSK]
    rows = re.findall(r"<tr>(<td.*?)</tr>", pages.section(speaker_page(MUSK), "Claims"))
    assert len(rows) == len(claims)
    # The first row: the earliest day he said anything, 10 Sep 2025 (All-In); the line
    # leaves out his name, which the page is about.
    first = Parsed(rows[0]).texts["a"][0]
    assert first.startswith("All-In Podcast (phone interview), 10 Sep 2025: ")
    assert first.endswith(", in German")
    assert '<span lang="de">' in rows[0]
    # The Russian digest's quotes keep their language.
    assert any('<span lang="ru">' in row and "20–30\u202f000" in row for row in rows)


def test_musks_ratings_are_grouped_worst_first(pages: Pages) -> None:
    """His one own check that finds figures far apart ("a terawatt a year" at 10 MW per
    launch against "20–30 000" launches a year) rates the two claims it takes: the
    terawatt (b9c4153c) and the 20–30 000 (8cd107da); the derivation it builds on rates
    nothing more."""
    section = pages.section(speaker_page(MUSK), "Ratings")
    headings = re.findall(r"<h3>(.*?) \((\d+)\)</h3>", section)
    assert headings[0] == ("Inconsistent: off by more than 1.5 times", "2")
    worst = section.split("<h3>")[1]
    linked = sorted(re.findall(r'href="\.\./\.\./claims/([^"]+)/"', worst))
    assert linked == [f"{DIGEST}/8cd107da", f"{DIGEST}/b9c4153c"]
    labels = [h for h, _ in headings]
    assert labels == sorted(
        labels,
        key=lambda h: [
            "Inconsistent: off by more than 1.5 times",
            "Off, but by less than 1.5 times",
            "Holds only under a further assumption",
            "Differs only within the rounding of the figures",
            "Consistent with the figures it was checked against",
        ].index(h),
    )


def test_checks_of_own_figures_by_verdict(pages: Pages) -> None:
    """Of the hand-written checks resting on Musk's figures alone, one is inconsistent
    (the terawatt a year); those between him and others are not here."""
    section = pages.section(speaker_page(MUSK), "Checks of their own figures")
    inconsistent = section.split("✗ Inconsistent (1)</h3>")[1].split("</ul>")[0]
    assert re.findall(r'derivations/([^/"]+)/', inconsistent) == [
        "starship-launches-for-terawatt-a-year"
    ]
    assert "starship-launches-per-hour" not in section  # Musk vs Patel: a comparison


def test_comparisons_with_other_speakers(pages: Pages) -> None:
    """The hand-written checks between Baron's figures and another's: his Optimus price
    against Musk's cost range, his 50 actuators in hand and forearm against Musk's 26 per
    hand and against Musk's about 100 per robot."""
    section = pages.section(speaker_page(BARON), "Against other speakers' figures")
    assert sorted(set(re.findall(r'derivations/([^/"]+)/', section))) == [
        "optimus-actuators-outside-the-arms",
        "optimus-cost-baron-vs-musk",
        "optimus-two-hands-vs-hands-and-forearms",
    ]
    assert "agrees with Elon Musk&#x27;s figure" in section


def test_musks_starship_launches_drift(pages: Pages) -> None:
    """Launches a year, in the Russian digest: "10 000" first, then "20–30 000" (numbers
    grouped with a narrow space, as the digest writes them), whose
    middle (25 000) is 2.5 times the first: the intervals do not meet."""
    section = pages.section(speaker_page(MUSK), "Same quantity over time")
    group = section.split('href="../../drift/starship-launch-count-per-time/"')
    assert len(group) == 2
    items = Parsed(group[1].split("</ol>")[0]).texts["li"]
    assert items == [
        "2026-02-05: 10\u202f000 (10,000 launches per year): their first figure here",
        "2026-02-05: 20–30\u202f000 (20,000–30,000 launches per year): contradicting ×2.5",
    ]
    # The comparisons with Patel's figures in the same group rate nobody.
    assert "Tausende</q></a>: contradicting ×0.22 (rates nobody)" in group[1]


def test_drift_groups_of_each_speaker(pages: Pages) -> None:
    def groups(name: str) -> list[str]:
        section = pages.section(speaker_page(name), "Same quantity over time")
        return re.findall(r'<h3><a href="\.\./\.\./drift/([^/]+)/"', section)

    assert groups(BARON) == ["optimus-cost", "optimus-robot-count-per-time"]
    assert groups(PATEL) == ["starship-launch-count-per-time"]
    assert "orbital-data-centers-time-frame" in groups(MUSK)
    assert "They state no quantity more than once." in pages.text(speaker_page(UNKNOWN))


def test_predictions_due_with_status_and_outcome(pages: Pages) -> None:
    """All-In, 10 Sep 2025: "Bis Ende des Jahres" (Dec 2025) had passed by 22 Nov 2026; the
    36Kr article's "2026" had not; no review records an outcome."""
    section = pages.section(speaker_page(MUSK), "Predictions")
    rows = [Parsed(r).texts["td"] for r in re.findall(r"<tr>(<td.*?)</tr>", section)]
    by_day = {tuple(r[1:4]): r for r in rows}
    assert ("2025-09-10", "2025-12-31", "due date passed") in by_day
    assert ("2025-11-14", "2026-12-31", "open") in by_day
    assert {r[4] for r in rows} == {"not yet known"}
    assert not any(r[0].startswith("Elon Musk") for r in rows)
    (passed,) = [r for r in rows if r[2] == "2025-12-31"]
    assert passed[0] == "All-In Podcast (phone interview), 10 Sep 2025: by Dec 2025, in German"

    def summary(name: str) -> str:
        claims = [c for c in pages.kb.claims if c.speaker == name]
        sources = len({c.source for c in claims})
        return f"{len(claims)} claims in {sources} source{'s' if sources > 1 else ''}, "

    # Musk speaks in every one of the five sources; Patel only in his own thread.
    assert f"A person: {summary(MUSK)}" in pages.text(speaker_page(MUSK))
    assert summary(MUSK).endswith(" in 5 sources, ")
    assert f"A person: {summary(PATEL)}" in pages.text(speaker_page(PATEL))
    assert summary(PATEL).endswith(" in 1 source, ")


def test_predictions_page_filters_by_speaker(pages: Pages) -> None:
    parsed = Parsed(pages.text(PREDICTIONS_PAGE))
    forms = [a for tag, a in parsed.elements if tag == "form"]
    assert forms[0]["data-table"] == "predictions-table" and forms[0]["class"] == "table-filter"
    selects = [a["name"] for tag, a in parsed.elements if tag == "select"]
    assert selects == ["speaker"]
    rows = [a for tag, a in parsed.elements if tag == "tr" and "data-speaker" in a]
    assert {r["data-speaker"] for r in rows} <= {MUSK, BARON, PATEL, KR, UNKNOWN}
    assert MUSK in parsed.texts["option"]
    assert set(parsed.texts["option"]) == {"all"} | {r["data-speaker"] for r in rows}
    assert 'href="../speakers/elon-musk/">Elon Musk</a>' in pages.text(PREDICTIONS_PAGE)


def test_a_claim_page_links_its_drift_group(pages: Pages) -> None:
    page = pages.text(claim_page(f"{DIGEST}/8cd107da"))
    section = page[page.index("<h2>The same quantity over time</h2>") :]
    assert 'href="../../../drift/starship-launch-count-per-time/"' in section
    assert "contradicting ×2.5" in section


# ------------------------------------------------------------------------------ hostile


HOSTILE = 'Eve <b onmouseover=alert(1)>x</b> "><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    """The corpus with Musk's claims said by a name full of markup."""
    kb = _corpus()
    claims = [
        c.model_copy(update={"speaker": HOSTILE}) if c.speaker == MUSK else c for c in kb.claims
    ]
    kb = dataclasses.replace(kb, claims=claims)
    return _generate(kb, tmp_path_factory.mktemp("hostile-speakers"))


def test_a_hostile_name_is_text_on_its_page_and_in_the_charts(hostile: Pages) -> None:
    page = speaker_page(HOSTILE)
    # Its words, case-folded, with every run of other characters one "-".
    assert page == "generated/speakers/eve-b-onmouseover-alert-1-x-b-img-src-x-onerror-alert-1.md"
    parsed = Parsed(hostile.text(page))
    assert parsed.texts["h1"] == [HOSTILE]
    tags = {tag for tag, _ in parsed.elements}
    assert "img" not in tags and "b" not in tags
    assert not [a for _, attrs in parsed.elements for a in attrs if a.startswith("on")]
    assert hostile.text(page).startswith('---\ntitle: "Eve &lt;b onmouseover=alert(1)&gt;')
    assert '\ndescription: "Eve &lt;b onmouseover=alert(1)&gt;x&lt;/b&gt; &quot;&gt;' in (
        hostile.text(page)
    )
    chart = Parsed(hostile.text(drift_page("starship-launch-count-per-time")))
    assert f"{HOSTILE}: 1, 2" in chart.texts["text"]  # the legend
    assert "img" not in {tag for tag, _ in chart.elements}
    speakers = {a["data-speaker"] for tag, a in chart.elements if "data-speaker" in a}
    assert speakers == {HOSTILE, PATEL}
    index = Parsed(hostile.text(SPEAKERS_INDEX))
    assert HOSTILE in index.texts["a"]


def test_an_outcome_with_its_evidence_on_the_speakers_page(tmp_path: Path) -> None:
    """The reviewed ledger says 36Kr's "xAI wird im ersten Quartal 2026 Grok 5
    veröffentlichen" (due 2026-03-31) did not come true, with a web page as evidence."""
    claims = tmp_path / "claims"
    shutil.copytree(EXAMPLE.claims_dir, claims)
    (claims / "reviewed").mkdir(exist_ok=True)
    (claims / "reviewed" / "outcomes.yaml").write_text(OUTCOMES, encoding="utf-8")
    kb = knowledge_base(claims, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir)
    generate_pages(kb, [], tmp_path / "docs", BUILD_DATE, EXAMPLE.config)
    page = (tmp_path / "docs" / speaker_page(KR)).read_text(encoding="utf-8")
    section = page[page.index("<h2>Predictions</h2>") :]
    (row,) = [r for r in section.split("<tr>") if GROK in r]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert ["2026-03-31", "due date passed"] in [cells[i : i + 2] for i in range(len(cells))]
    assert "<strong>did not</strong>" in row
    assert '<a href="https://example.org/grok-release-notes">2026-04-02</a>' in row
