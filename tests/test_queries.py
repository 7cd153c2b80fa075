"""Every example query in queries/, run on the built corpus with its rows worked out by hand.

The expected rows were read off the committed ledger (claims/extracted/*.yaml) and the source
texts, not copied from query output: a claim's source, offset, surface text, value, unit,
bound, rate and speaker are all written in its ledger entry. Queries whose answer depends on
same-claim links also run on the tiny hand-made knowledge base of tests/rdf_fixtures.py, where
the links are given, and on the corpus for pairs checked by reading both texts.

Units are shown as QUDT local names: GigaW is unit:GigaW, NUM a count, CalendarYear a date.
The Russian text writes thousands with U+202F (narrow no-break space), e.g. "10\u202f000".

The end of the module pins what may run: update words and ``SERVICE`` only as keywords, and
a query in a child process that gives the same rows and is stopped at its time limit.
"""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph
import pytest

from claimkb.build.outputs import write_knowledge
from claimkb.rdf.examples import BUILT_IN
from claimkb.rdf.store import (
    QueryError,
    Row,
    check_query,
    format_rows,
    open_store,
    query_build,
    read_query,
    run_query,
)
from tests.conftest import EXAMPLE
from tests.rdf_fixtures import corpus_kb, tiny_kb

QUERIES = BUILT_IN
#: The day the "predictions past due" test pretends it is.
TODAY = '"2026-11-22T12:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'

KR = "36kr-baron-capital-interview-2025-11-17.de"
ALLIN = "allin-podcast-interview-2025-09.de"
RU = "dwarkesh-podcast-digest-2026-02-06.ru"
X = "dwarkesh-x-thread-2026-02-06.de"
ORBITAL = "orbital-ai-compute-plan.de"
MUSK, BARON, PATEL = "Elon Musk", "Ron Baron", "Dwarkesh Patel"
KR_AUTHOR, UNKNOWN = "36Kr (36氪的朋友们)", "unknown author"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    folder = tmp_path_factory.mktemp("build")
    write_knowledge(corpus_kb(), folder, [])
    return open_store(folder)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    folder = tmp_path_factory.mktemp("tiny")
    write_knowledge(tiny_kb(), folder, [])
    return open_store(folder)


def rows(store: pyoxigraph.Store, name: str, *, now: str | None = None) -> list[Row]:
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    if now is not None:
        assert text.count("NOW()") == 1
        text = text.replace("NOW()", now)
    return run_query(store, text, name)[1]


def pick(found: list[Row], columns: tuple[int, ...]) -> list[Row]:
    return [tuple(row[i] for i in columns) for row in found]


# --------------------------------------------------------------------------- the files


TESTED = {
    "speaker-power-claims",
    "same-claim-across-languages",
    "ranges",
    "predictions-past-due",
    "numbers-in-source",
    "claims-per-source",
    "claims-per-speaker",
    "big-money",
    "hedge-words",
    "bounds",
    "yearly-rates",
    "claims-about-entity",
    "same-claim-groups",
    "reference-facts",
    "spans-not-matching-text",
    "gigawatt-scale-power",
    "inconsistent-derivations",  # tested in test_verdict_queries.py
    "drift-figures",  # tested in test_drift.py
    "drift-contradictions",  # tested in test_drift.py
}


def test_queries_every_file_is_tested_and_starts_with_what_it_answers() -> None:
    files = sorted(QUERIES.glob("*.rq"))
    assert {path.stem for path in files} == TESTED
    assert len(files) >= 12
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 20, path.name


# ----------------------------------------------------------------------------- corpus


def test_query_speaker_power_claims(corpus: pyoxigraph.Store) -> None:
    # Musk's claims in W, kW, MW, GW or TW; 36kr and All-In have none
    assert pick(rows(corpus, "speaker-power-claims"), (0, 1, 2, 3, 4, 5)) == [
        (RU, 1125, "примерно 300 мегаватт", 300.0, "MegaW", None),
        (RU, 1170, "примерно гигаватт", 1.0, "GigaW", None),
        (RU, 1974, "100 гигаватт", 100.0, "GigaW", "year"),
        (RU, 2269, "несколько сотен гигаватт", 550.0, "GigaW", "year"),
        (RU, 2314, "около тераватта", 1.0, "TeraW", "year"),
        (RU, 2425, "100 гигаватт", 100.0, "GigaW", None),
        (RU, 3406, "100 гигаватт", 100.0, "GigaW", None),
        (RU, 3554, "киловатт", 1.0, "KiloW", "reticle"),
        # the thread's "1 TW" and "etwa 20 GW" are Dwarkesh Patel's
        (X, 3810, "100 GW", 100.0, "GigaW", None),
        (ORBITAL, 939, "etwa 100 kW", 100.0, "KiloW", "unit"),
        (ORBITAL, 998, "rund 100 GW", 100.0, "GigaW", "year"),
        (ORBITAL, 1365, "mehr als 100 Terawatt", 100.0, "TeraW", "year"),
    ]


def test_query_same_claim_across_languages_finds_pairs_read_in_both_texts(
    corpus: pyoxigraph.Store,
) -> None:
    found = pick(rows(corpus, "same-claim-across-languages"), (0, 3, 4, 7))
    assert all(lang == "de" and other == "ru" for lang, _, other, _ in found)
    # "100 GW = 10.000 Starship-Starts" in the thread is "100 гигаватт ... «порядка 10 000
    # запусков Starship»" in the digest
    assert ("de", "100 GW", "ru", "100 гигаватт") in found
    assert ("de", "10.000", "ru", "порядка 10\u202f000") in found


def test_query_ranges(corpus: pyoxigraph.Store) -> None:
    assert pick(rows(corpus, "ranges"), (0, 1, 2, 3, 4, 5)) == [
        (KR, 324, "1-2 Jahren", 1.0, 2.0, "YR"),
        (KR, 393, "10 bis 20 Milliarden", 1e10, 2e10, "NUM"),
        (KR, 571, "20.000 bis 30.000 US-Dollar", 20000.0, 30000.0, "CCY_USD"),
        (KR, 1142, "2 bis 3 Mal", 2.0, 3.0, "UNITLESS"),
        (KR, 1406, "1 bis 2 Jahren", 1.0, 2.0, "YR"),
        (KR, 1479, "10 bis 20 Milliarden", 1e10, 2e10, "NUM"),
        (KR, 2591, "zwischen 50.000 und 150.000 US-Dollar", 50000.0, 150000.0, "CCY_USD"),
        (KR, 3280, "20.000 bis 30.000 US-Dollar", 20000.0, 30000.0, "CCY_USD"),
        (KR, 6741, "ein oder zwei Jahren", 1.0, 2.0, "YR"),
        (KR, 7124, "drei oder vier Jahren", 3.0, 4.0, "YR"),
        (KR, 11500, "zwei oder drei Jahren", 2.0, 3.0, "YR"),
        (RU, 2604, "20–30\u202f000", 20000.0, 30000.0, "NUM"),
        (RU, 2664, "20 или 30", 20.0, 30.0, "NUM"),
        (RU, 4381, "20–30\u202f000", 20000.0, 30000.0, "NUM"),
    ]


def test_query_predictions_past_due(corpus: pyoxigraph.Store) -> None:
    # dates still ahead when said (after the interview date), over by 2026-11-22; "Jahr 2026"
    # and "2026" end on 2026-12-31, "2030" and Q2 2027 are still ahead, "14. November" and
    # "10. September" are the interview dates themselves, and "Neuralink hat dieses Jahr ...
    # abgeschlossen" (All-In, 8191) is past tense, no prediction. No span counted from an
    # interview has run out by then (the first, "in 1-2 Jahren" from 2025-11-14, in 2027).
    # No outcome is recorded in the bundled ledger.
    assert pick(rows(corpus, "predictions-past-due", now=TODAY), tuple(range(8))) == [
        (ALLIN, 476, "Ende des Jahres", "2025-12", "2025-09-10", UNKNOWN, "2025-12-31", None),
        (ALLIN, 533, "Ende 2025", "2025-12", "2025-09-10", UNKNOWN, "2025-12-31", None),
        (ALLIN, 3181, "Ende des Jahres", "2025-12", "2025-09-10", UNKNOWN, "2025-12-31", None),
        (ALLIN, 3372, "Bis Ende des Jahres", "2025-12", "2025-09-10", MUSK, "2025-12-31", None),
        (ALLIN, 8306, "bis 2025", "2025", "2025-09-10", UNKNOWN, "2025-12-31", None),
        (
            KR,
            68,
            "ersten Quartal nächsten Jahres",
            "2026-01-01/2026-03-31",
            "2025-11-14",
            MUSK,
            "2026-03-31",
            None,
        ),
        (
            KR,
            889,
            "ersten Quartal 2026",
            "2026-01-01/2026-03-31",
            "2025-11-14",
            KR_AUTHOR,
            "2026-03-31",
            None,
        ),
    ]


def test_query_numbers_in_source(corpus: pyoxigraph.Store) -> None:
    found = rows(corpus, "numbers-in-source")
    assert pick(found, (0, 1, 2, 3, 4, 5)) == [
        (385, 410, "innerhalb von drei Jahren", 3.0, "YR", MUSK),
        (500, 518, "binnen vier Jahren", 4.0, "YR", MUSK),
        (874, 893, "eine Million Tonnen", 1e6, "TONNE", MUSK),
        (939, 950, "etwa 100 kW", 100.0, "KiloW", MUSK),
        (998, 1009, "rund 100 GW", 100.0, "GigaW", MUSK),
        (1365, 1386, "mehr als 100 Terawatt", 100.0, "TeraW", MUSK),
    ]
    text = (EXAMPLE.sources_dir / f"{ORBITAL}.txt").read_text(encoding="utf-8")
    for start, end, surface, *_, quote in found:
        assert isinstance(start, int) and isinstance(end, int)
        assert text[start:end] == surface
        assert isinstance(quote, str) and surface in quote
    assert found[0][6] == (
        "Nach seiner Darstellung könnte das innerhalb von drei Jahren zur günstigsten Methode "
        "werden, einen von ihm so genannten KI‑Bitstrom zu erzeugen – und binnen vier Jahren "
        "auch am schnellsten zu skalieren."
    )


def test_query_claims_per_source(corpus: pyoxigraph.Store) -> None:
    assert rows(corpus, "claims-per-source") == [
        (KR, "de", 55),
        (RU, "ru", 37),
        (ALLIN, "de", 28),
        (X, "de", 18),
        (ORBITAL, "de", 6),
    ]


def test_query_claims_per_speaker(corpus: pyoxigraph.Store) -> None:
    # unknown author: the All-In analysis and one digest sentence ("паре миль")
    assert rows(corpus, "claims-per-speaker") == [
        (MUSK, 73, 5),
        (BARON, 27, 1),
        (KR_AUTHOR, 17, 1),
        (UNKNOWN, 15, 2),
        (PATEL, 12, 1),
    ]


def test_query_big_money(corpus: pyoxigraph.Store) -> None:
    assert pick(rows(corpus, "big-money"), (0, 1, 2, 3, 4, 5)) == [
        (5e12, "USD", "year", "$5 трлн", MUSK, RU),
        (5e11, "USD", None, "500 Milliarden US-Dollar", BARON, KR),
        (5e11, "USD", None, "примерно в половину триллиона долларов", MUSK, RU),
        (4.2e10, "USD", None, "ungefähr 42 Milliarden US-Dollar", BARON, KR),
        (8e9, "USD", None, "8 Milliarden US-Dollar", BARON, KR),
        (1.7e9, "USD", None, "1,7 Milliarden Dollar", UNKNOWN, ALLIN),
        (1.7e9, "USD", None, "1,7 Milliarden Dollar", MUSK, ALLIN),
        (1.7e9, "USD", None, "1,7 Milliarden Dollar", UNKNOWN, ALLIN),
    ]


def test_query_hedge_words(corpus: pyoxigraph.Store) -> None:
    # etwa: 3 in 36kr ("Etwa ein Jahr" lower-cased), 3 in the thread, 1 in the orbital article
    assert rows(corpus, "hedge-words") == [
        ("etwa", "de", 7),
        ("примерно", "ru", 5),
        ("порядка", "ru", 3),
        ("около", "ru", 2),
        ("rund", "de", 1),
        ("ungefähr", "de", 1),
        ("ближе к", "ru", 1),
    ]


def test_query_bounds(corpus: pyoxigraph.Store) -> None:
    assert pick(rows(corpus, "bounds"), (0, 1, 2, 3, 4, 5)) == [
        (KR, 663, "über 10", ">", 10.0, "NUM"),
        (KR, 7543, "über 10", ">", 10.0, "NUM"),
        (KR, 8387, "weniger als 6 Millionen US-Dollar", "<", 6e6, "CCY_USD"),
        (ALLIN, 2989, "weniger als 250 Milliarden", "<", 2.5e11, "NUM"),
        (ALLIN, 3372, "Bis Ende des Jahres", "<=", 2025.0, "CalendarYear"),
        (ALLIN, 8306, "bis 2025", "<=", 2025.0, "CalendarYear"),
        (RU, 310, "в течение 36 месяцев или меньше", "<=", 36.0, "MO"),
        (RU, 1760, "до 2030 года", "<=", 2030.0, "CalendarYear"),
        (RU, 3130, "примерно ко второму кварталу следующего года", "<=", 2027.0, "CalendarYear"),
        (RU, 3186, "менее чем через год", "<", 1.0, "YR"),
        (RU, 4347, "как минимум 10\u202f000", ">=", 10000.0, "NUM"),
        (X, 932, "über 50", ">", 50.0, "NUM"),
        (X, 2329, "über 2030 hinaus", ">", 2030.0, "CalendarYear"),
        (X, 3857, "bis 2030", "<=", 2030.0, "CalendarYear"),
        (ORBITAL, 385, "innerhalb von drei Jahren", "<=", 3.0, "YR"),
        (ORBITAL, 500, "binnen vier Jahren", "<=", 4.0, "YR"),
        (ORBITAL, 1365, "mehr als 100 Terawatt", ">", 100.0, "TeraW"),
    ]


def test_query_yearly_rates(corpus: pyoxigraph.Store) -> None:
    assert pick(rows(corpus, "yearly-rates"), (0, 1, 2, 3, 4, 5)) == [
        (KR, 492, "1 Million", 1e6, "NUM", "robot"),
        (KR, 2766, "1 Million", 1e6, "NUM", "robot"),
        (KR, 2781, "10 Millionen", 1e7, "NUM", "robot"),
        (KR, 3177, "1 Million", 1e6, "NUM", "robot"),
        (RU, 1974, "100 гигаватт", 100.0, "GigaW", None),
        (RU, 2269, "несколько сотен гигаватт", 550.0, "GigaW", None),
        (RU, 2314, "около тераватта", 1.0, "TeraW", None),
        (RU, 2565, "10\u202f000", 1e4, "NUM", "launch"),
        # «20–30 000» launches a year: per and counted come from a review
        (RU, 2604, "20–30\u202f000", 25000.0, "NUM", "launch"),
        (RU, 4201, "порядка миллиона", 1e6, "NUM", "unit"),
        (RU, 4271, "10 миллионов", 1e7, "NUM", None),
        (RU, 5111, "$5 трлн", 5e12, "CCY_USD", None),
        (X, 3038, "Tausende", 5500.0, "NUM", "launch"),
        (ORBITAL, 874, "eine Million Tonnen", 1e6, "TONNE", None),
        (ORBITAL, 998, "rund 100 GW", 100.0, "GigaW", None),
        (ORBITAL, 1365, "mehr als 100 Terawatt", 100.0, "TeraW", None),
    ]


def test_query_claims_about_entity(corpus: pyoxigraph.Store) -> None:
    # the claims whose sentence names Starship ("Starship", "Starship-Starts")
    assert pick(rows(corpus, "claims-about-entity"), (0, 1, 2, 5)) == [
        (RU, 1974, "100 гигаватт", MUSK),
        (RU, 2425, "100 гигаватт", MUSK),
        (RU, 2471, "порядка 10\u202f000", MUSK),
        (RU, 2565, "10\u202f000", MUSK),
        (RU, 2604, "20–30\u202f000", MUSK),
        (RU, 2664, "20 или 30", MUSK),
        (X, 3038, "Tausende", PATEL),
        (X, 3810, "100 GW", MUSK),
        (X, 3819, "10.000", MUSK),
        (X, 3857, "bis 2030", MUSK),
        (X, 3906, "ein", PATEL),
    ]


def test_query_reference_facts_include_the_cited_constants(corpus: pyoxigraph.Store) -> None:
    found = pick(rows(corpus, "reference-facts"), (0, 1, 2, 3, 4))
    iau = "International Astronomical Union"
    for row in [
        ("hours-per-year", 8766.0, "HR", iau, "1989-01-01"),
        (
            "solar-constant",
            1360.8,
            "W-PER-M2",
            "Geophysical Research Letters 38, L01706 (Kopp and Lean)",
            "2011-01-14",
        ),
        ("solar-luminosity", 3.828e26, "W", iau, "2015-08-13"),
        ("us-land-area", 9147593.0, "KiloM2", "U.S. Census Bureau", "2010-01-01"),
    ]:
        assert row in found
    ids = [str(row[0]) for row in found]
    assert ids == sorted(ids)


def test_query_spans_not_matching_text_finds_none(corpus: pyoxigraph.Store) -> None:
    assert rows(corpus, "spans-not-matching-text") == []


def test_query_gigawatt_scale_power(corpus: pyoxigraph.Store) -> None:
    assert pick(rows(corpus, "gigawatt-scale-power"), (0, 1, 2, 3)) == [
        (1e14, "mehr als 100 Terawatt", MUSK, ORBITAL),
        (1e12, "около тераватта", MUSK, RU),
        (1e12, "1 TW", PATEL, X),
        (5.5e11, "несколько сотен гигаватт", MUSK, RU),
        (1e11, "100 гигаватт", MUSK, RU),
        (1e11, "100 гигаватт", MUSK, RU),
        (1e11, "100 гигаватт", MUSK, RU),
        (1e11, "100 GW", MUSK, X),
        (1e11, "rund 100 GW", MUSK, ORBITAL),
        (2e10, "etwa 20 GW", PATEL, X),
        (1e9, "примерно гигаватт", MUSK, RU),
    ]


# ---------------------------------------------------------------- the tiny knowledge base


def test_query_same_claim_across_languages_on_the_tiny_kb(tiny: pyoxigraph.Store) -> None:
    assert rows(tiny, "same-claim-across-languages") == [
        ("de", "tiny.de", 21, "etwa 100 GW", "ru", "tiny.ru", 15, "100 гигаваттах"),
    ]


def test_query_same_claim_groups_on_the_tiny_kb(tiny: pyoxigraph.Store) -> None:
    assert rows(tiny, "same-claim-groups") == [
        ("tiny.de/00000001", 2, "tiny.de", 21, "etwa 100 GW", "de", MUSK),
        ("tiny.de/00000001", 2, "tiny.ru", 15, "100 гигаваттах", "ru", MUSK),
    ]


def test_query_predictions_past_due_on_the_tiny_kb(tiny: pyoxigraph.Store) -> None:
    # "bis 2027", said on 2026-01-01: not yet past in 2026, past in 2028
    assert rows(tiny, "predictions-past-due", now=TODAY) == []
    later = '"2028-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    assert rows(tiny, "predictions-past-due", now=later) == [
        ("tiny.de", 65, "bis 2027", "2027", "2026-01-01", MUSK, "2027-12-31", None),
    ]


def test_query_reference_facts_on_the_tiny_kb(tiny: pyoxigraph.Store) -> None:
    assert rows(tiny, "reference-facts") == [
        (
            "hours-per-year",
            8766.0,
            "HR",
            "International Astronomical Union",
            "1989-01-01",
            "https://www.iau.org/static/publications/stylemanual1989.pdf",
        ),
    ]


# ---------------------------------------------------------------------- errors, formats


def test_query_syntax_error_is_one_line_naming_the_position(corpus: pyoxigraph.Store) -> None:
    with pytest.raises(QueryError) as raised:
        run_query(corpus, "SELECT ?x\nWHERE {\n  ?x a schema:Claim .\n  FILTER( }", "bad.rq")
    message = str(raised.value)
    assert "\n" not in message
    # Oxigraph reports the column just after the token it could not read ("}")
    assert message.startswith("bad.rq:4:12: SPARQL syntax error: expected one of ")


def test_query_unknown_prefix_is_named(corpus: pyoxigraph.Store) -> None:
    with pytest.raises(
        QueryError, match=r"^query:1:34: SPARQL syntax error: unknown prefix 'nope:'"
    ):
        run_query(corpus, "SELECT ?x WHERE { ?x a nope:Claim }")


def test_query_project_prefixes_need_not_be_declared(corpus: pyoxigraph.Store) -> None:
    columns, found = run_query(corpus, "SELECT (COUNT(*) AS ?n) WHERE { ?c a schema:Claim }")
    assert (columns, found) == (["n"], [(144,)])


def test_query_ask_and_construct(tiny: pyoxigraph.Store) -> None:
    assert run_query(tiny, "ASK { ?c a schema:Claim }") == (["ask"], [(True,)])
    columns, triples = run_query(
        tiny, "CONSTRUCT { ?s a ckb:ClaimCluster } WHERE { ?s a ckb:ClaimCluster }"
    )
    assert columns == ["subject", "predicate", "object"]
    assert triples == [
        (
            "https://claimkb.org/id/cluster/tiny.de/00000001",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "https://claimkb.org/ns#ClaimCluster",
        )
    ]


def test_query_read_query_takes_a_file_or_text(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("ASK {}", encoding="utf-8")
    assert read_query(str(path)) == ("ASK {}", str(path))
    assert read_query("SELECT * WHERE { ?s ?p ?o }") == ("SELECT * WHERE { ?s ?p ?o }", "query")
    with pytest.raises(QueryError, match=r"missing\.rq: cannot read the query"):
        read_query(str(tmp_path / "missing.rq"))


def test_query_open_store_without_a_build_is_an_error(tmp_path: Path) -> None:
    from claimkb.rdf.store import StoreError

    with pytest.raises(StoreError, match="run `claimkb build` first"):
        open_store(tmp_path)


def test_query_formats() -> None:
    columns = ["surface", "value", "unit", "per", "iri"]
    found: list[Row] = [
        ("etwa 100 kW", 100.0, "KiloW", "unit", "http://qudt.org/vocab/unit/KiloW"),
        ('a "b", c', 3.828e26, "W", None, "https://claimkb.org/id/claim/x.de/00000001"),
    ]
    assert format_rows(columns, found, "csv") == (
        "surface,value,unit,per,iri\n"
        "etwa 100 kW,100,KiloW,unit,http://qudt.org/vocab/unit/KiloW\n"
        '"a ""b"", c",3.828e+26,W,,https://claimkb.org/id/claim/x.de/00000001\n'
    )
    assert format_rows(columns, found, "json").startswith('[\n  {\n    "surface": "etwa 100 kW",')
    assert '"per": null' in format_rows(columns, found, "json")
    assert format_rows(columns, found, "table") == (
        "surface      value      unit   per   iri\n"
        "-----------  ---------  -----  ----  -------------------\n"
        "etwa 100 kW  100        KiloW  unit  unit:KiloW\n"
        'a "b", c     3.828e+26  W            claim/x.de/00000001\n'
        "(2 rows)\n"
    )
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        format_rows(columns, found, "xml")


# --------------------------------------------------------- read-only, local, time limit


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("SELECT ?insert ?delete WHERE { ?insert ?delete ?load }", id="variables"),
        pytest.param('ASK { FILTER("DROP GRAPH" != "CLEAR") }', id="strings"),
        pytest.param("ASK { FILTER('''SERVICE\nLOAD''' != '') }", id="long-string"),
        pytest.param("ASK {} # then DELETE WHERE { ?s ?p ?o }", id="comment"),
        pytest.param("ASK { ?s <http://example.org/insert#service> ?o }", id="iri"),
        pytest.param("PREFIX load: <http://example.org/>\nASK { ?s load:copy ?o }", id="prefixed"),
    ],
)
def test_query_check_allows_update_words_that_are_not_keywords(text: str) -> None:
    check_query(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "  \n drop silent all", "q: updates are not allowed; claimkb query is read-only"
        ),
        pytest.param(
            "ASK {\n  ?s ?p ?o .\n  SeRvIcE <http://example.org/sparql> { ?s ?p ?o }\n}",
            "q:3:3: SERVICE is not allowed; claimkb query reads the local knowledge base only",
        ),
    ],
    ids=["update", "service"],
)
def test_query_check_refuses_updates_and_service(text: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        check_query(text, "q")
    assert str(caught.value) == message


def test_query_run_query_refuses_an_update_before_it_changes_the_store() -> None:
    store = pyoxigraph.Store()
    with pytest.raises(QueryError, match="updates are not allowed"):
        run_query(store, "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }")
    assert len(store) == 0


def test_query_build_runs_in_a_child_and_gives_the_same_rows(tmp_path: Path) -> None:
    write_knowledge(tiny_kb(), tmp_path, [])
    text = "SELECT ?c WHERE { ?c a ckb:ClaimCluster }"
    expected = (["c"], [("https://claimkb.org/id/cluster/tiny.de/00000001",)])
    assert query_build(tmp_path, text, timeout=60) == expected
    assert run_query(open_store(tmp_path), text) == expected


def test_query_build_reports_a_syntax_error_from_the_child(tmp_path: Path) -> None:
    write_knowledge(tiny_kb(), tmp_path, [])
    with pytest.raises(QueryError, match=r"^q\.rq:1:30: SPARQL syntax error: unknown prefix"):
        query_build(tmp_path, "SELECT ?x WHERE { ?x a nope:X }", "q.rq", timeout=60)


def test_query_build_stops_a_runaway_query(tmp_path: Path) -> None:
    write_knowledge(tiny_kb(), tmp_path, [])
    runaway = (
        "SELECT (COUNT(*) AS ?n) WHERE { "
        + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(6))
        + " }"
    )
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"^query: stopped after 0\.25 s \(time limit"):
        query_build(tmp_path, runaway, timeout=0.25)
    assert time.monotonic() - started < 20


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("-2+3", "'-2+3"),
        ("\tx", "'\tx"),
        ("-5", "-5"),
        ("+1.5e3", "+1.5e3"),
        ("0.25", "0.25"),
        ("Starship", "Starship"),
    ],
    ids=[
        "hyperlink",
        "plus-cmd",
        "at-sum",
        "minus-formula",
        "tab",
        "negative",
        "signed-exp",
        "decimal",
        "word",
    ],
)
def test_query_csv_neutralises_formula_cells_and_keeps_numbers(cell: str, written: str) -> None:
    assert format_rows(["v"], [(cell,)], "csv") == f"v\n{written}\n"
