"""Drift: figures of one quantity, grouped whatever their values, per speaker, in the order
said. Small knowledge bases are made here from invented sentences; the bundled corpus's
groups were read off the sources and reviews, and every figure and factor worked out by
hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Literal

from claimkb.build.outputs import write_knowledge
from claimkb.cli import main
from claimkb.core.models import Claim, Entity, Quantity, Source
from claimkb.derive.drift import (
    DriftGroup,
    drift_groups,
    drift_json,
    measure_word,
    relation,
)
from claimkb.derive.interval import Interval
from claimkb.derive.value import Value
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.rdf.examples import BUILT_IN
from claimkb.rdf.graph import to_rdf
from claimkb.rdf.shacl import ShapeError, validate
from claimkb.rdf.store import open_store, run_query
from claimkb.rdf.vocab import CKB, iri
from tests.conftest import EXAMPLE
from tests.rdf_fixtures import corpus_kb

MUSK, BARON, PATEL = "Elon Musk", "Ron Baron", "Dwarkesh Patel"
KR_AUTHOR = "36Kr (36氪的朋友们)"
KR = "36kr-baron-capital-interview-2025-11-17.de"
ALLIN = "allin-podcast-interview-2025-09.de"
RU = "dwarkesh-podcast-digest-2026-02-06.ru"
X = "dwarkesh-x-thread-2026-02-06.de"
ORBITAL = "orbital-ai-compute-plan.de"

# ------------------------------------------------------------------- a hand-made corpus

DATES = {"alpha.de": dt.date(2025, 1, 10), "beta.ru": dt.date(2025, 6, 1), "gamma.en": None}
LANGS = {"alpha.de": "de", "beta.ru": "ru", "gamma.en": "en"}


def make_kb(
    rows: list[tuple[str, str, str, str, Quantity, list[str]]],
    measures: dict[str, str] | None = None,
) -> KnowledgeBase:
    """Rows of (source, speaker, sentence, surface, quantity, entity ids); each source's
    text is its sentences joined by a space, and claim ids count up per source."""
    texts: dict[str, str] = {}
    claims = []
    entities: dict[str, list[str]] = {}
    for source, speaker, sentence, surface, quantity, about in rows:
        before = texts.get(source, "")
        text = f"{before} {sentence}" if before else sentence
        texts[source] = text
        start = text.index(surface, len(text) - len(sentence))
        claim = Claim(
            id=f"{source}/{len([c for c in claims if c.source == source]) + 1:08x}",
            source=source,
            lang=LANGS[source],  # type: ignore[arg-type]
            speaker=speaker,
            start=start,
            end=start + len(surface),
            surface=surface,
            quote=sentence,
            quantity=quantity,
        )
        claims.append(claim)
        entities[claim.id] = sorted(about)
    sources = [
        Source(id=s, file=f"{s}.txt", language=LANGS[s], published=DATES[s])  # type: ignore[arg-type]
        for s in sorted(texts)
    ]
    names = sorted({e for about in entities.values() for e in about})
    return KnowledgeBase(
        sources=sources,
        texts=texts,
        claims=claims,
        entities=[Entity(id=e, name=e.title(), kind="thing") for e in names],
        references=[],
        claim_entities=entities,
        links=[],
        claim_measures=measures or {},
    )


def usd(value: float, low: float | None = None, high: float | None = None) -> Quantity:
    return Quantity(kind="money", value=value, unit="USD", low=low, high=high)


def launches(value: float, per: str | None = "year", **extra: object) -> Quantity:
    return Quantity(
        kind="count", value=value, unit="dimensionless", counted="launch", per=per, **extra
    )


def rows_of(group: DriftGroup) -> list[tuple[str, str, str | None]]:
    """Each figure: surface, speaker, and its own finding (None for a speaker's first)."""
    own = {f.later: f.relation for f in group.findings if f.scope == "own"}
    return [(f.surface, f.speaker, own.get(f.claim)) for f in group.figures]


def test_drift_groups_a_price_whatever_its_figures_and_keeps_an_investment_apart() -> None:
    kb = make_kb(
        [
            ("alpha.de", "Anna", "Der Rover soll 20.000 Dollar kosten.", "20.000 Dollar",
             usd(20000), ["rover"]),
            ("beta.ru", "Anna", "Ровер будет стоить от 25 000 до 35 000 долларов.",
             "от 25 000 до 35 000 долларов", usd(30000, 25000, 35000), ["rover"]),
            ("gamma.en", "Anna", "The firm invested 5 million dollars in the rover.",
             "5 million dollars", usd(5e6), ["rover"]),
        ]
    )  # fmt: skip
    (group,) = drift_groups(kb)
    assert (group.id, group.label, group.measure, group.unit) == (
        "rover-cost",
        "Rover: cost",
        "cost",
        "USD",
    )
    # 20 000 then 25 000-35 000: disjoint; 30 000 / 20 000 = 1.5
    assert rows_of(group) == [
        ("20.000 Dollar", "Anna", None),
        ("от 25 000 до 35 000 долларов", "Anna", "contradicting"),
    ]
    assert [f.factor for f in group.findings] == [1.5]


def test_drift_rates_per_hour_and_per_year_are_one_quantity_in_the_first_figures_unit() -> None:
    kb = make_kb(
        [
            ("alpha.de", "Anna", "Wir planen 5000 Starts pro Jahr.", "5000",
             launches(5000), ["rocket"]),
            ("beta.ru", "Anna", "Потом один запуск в час.", "один", launches(1, "hour"),
             ["rocket"]),
        ]
    )  # fmt: skip
    (group,) = drift_groups(kb)
    assert group.id == "rocket-launch-count-per-time"
    assert group.unit == "1 / year"
    # one an hour is 8 766 a year (a Julian year of 365.25 days); 8 766 / 5 000 = 1.7532
    assert [round(f.value, 6) for f in group.figures] == [5000.0, 8766.0]
    assert group.findings[0].relation == "contradicting"
    assert group.findings[0].factor == pytest.approx(1.7532)


def test_drift_relations_use_the_intervals_of_the_checks() -> None:
    def v(lo: float, hi: float) -> Value:
        return Value.of(Interval(lo, hi))

    assert relation(v(10, 20), v(15, 25)) == "agreeing"  # overlap, neither holds the other
    assert relation(v(10, 20), v(10, 20)) == "agreeing"
    assert relation(v(10, 20), v(15, 15)) == "narrowing"
    assert relation(v(15, 15), v(10, 20)) == "widening"
    assert relation(v(10, 20), v(21, 30)) == "contradicting"
    # "über 10" after "12": (10, inf) holds 12
    over = Value.of(Interval(10, float("inf"), lo_open=True))
    assert relation(v(12, 12), over) == "widening"
    # 36 months and 3 years are one interval, but for a unit conversion's rounding
    months, years = Value.of(Interval(0, 36), "month"), Value.of(Interval(0, 3), "year")
    assert relation(months, years) == "agreeing"


def test_drift_hedges_and_bounds_mean_what_they_mean_in_checks() -> None:
    kb = make_kb(
        [
            ("alpha.de", "Anna", "Es werden etwa 100 Starts pro Jahr.", "etwa 100",
             launches(100, approx=True, hedge="etwa"), ["rocket"]),
            ("beta.ru", "Anna", "Будет 105 запусков в год.", "105", launches(105), ["rocket"]),
            ("gamma.en", "Anna", "There will be more than 200 launches a year.",
             "more than 200", launches(200, low=200, bound=">"), ["rocket"]),
        ]
    )  # fmt: skip
    (group,) = drift_groups(kb)
    # "etwa 100" is 90-110 (10 % for "etwa"): 105 lies inside; "more than 200" misses it
    ends = [(f.low, f.high) for f in group.figures]
    assert ends == [(90.0, pytest.approx(110.0)), (105.0, 105.0), (200.0, None)]
    assert rows_of(group) == [
        ("etwa 100", "Anna", None),
        ("105", "Anna", "narrowing"),
        ("more than 200", "Anna", "contradicting"),
    ]
    assert [round(f.factor or 0, 4) for f in group.findings] == [1.05, 1.9048]


def test_drift_orders_by_date_said_then_source_then_offset_undated_last() -> None:
    kb = make_kb(
        [
            ("gamma.en", "Anna", "We target 300 launches a year.", "300", launches(300),
             ["rocket"]),
            ("beta.ru", "Anna", "Мы хотим 200 запусков в год.", "200", launches(200),
             ["rocket"]),
            ("alpha.de", "Anna", "Wir wollen 100 Starts pro Jahr, später 150 Starts pro Jahr.",
             "100", launches(100), ["rocket"]),
            ("alpha.de", "Anna", "Dann 150 Starts pro Jahr.", "150", launches(150), ["rocket"]),
        ]
    )  # fmt: skip
    (group,) = drift_groups(kb)
    assert [(f.surface, f.said) for f in group.figures] == [
        ("100", dt.date(2025, 1, 10)),
        ("150", dt.date(2025, 1, 10)),
        ("200", dt.date(2025, 6, 1)),
        ("300", None),
    ]


def test_drift_other_speakers_are_compared_apart_and_rated_never() -> None:
    kb = make_kb(
        [
            ("alpha.de", "Anna", "Wir wollen 100 Starts pro Jahr.", "100", launches(100),
             ["rocket"]),
            ("beta.ru", "Boris", "Он говорит о 400 запусках в год.", "400", launches(400),
             ["rocket"]),
        ]
    )  # fmt: skip
    (group,) = drift_groups(kb)
    found = [(f.scope, f.earlier_speaker, f.later_speaker, f.relation, f.factor) for f in
             group.findings]  # fmt: skip
    assert found == [("between", "Anna", "Boris", "contradicting", 4.0)]


def test_drift_a_group_needs_two_figures_and_a_known_measure() -> None:
    kb = make_kb(
        [
            # a count without a counted thing and a percentage say nothing of what they count
            ("alpha.de", "Anna", "Es sind 100 beim Rover.", "100",
             Quantity(kind="count", value=100, unit="dimensionless"), ["rover"]),
            ("beta.ru", "Anna", "У ровера 300.", "300",
             Quantity(kind="count", value=300, unit="dimensionless"), ["rover"]),
            ("alpha.de", "Anna", "Der Rover ist 20 % schneller.", "20 %",
             Quantity(kind="percent", value=20, unit="percent"), ["rover"]),
            ("beta.ru", "Anna", "Ровер на 50 % быстрее.", "50 %",
             Quantity(kind="percent", value=50, unit="percent"), ["rover"]),
            # one figure of a measure is no group
            ("gamma.en", "Anna", "The rover costs 9 dollars.", "9 dollars", usd(9), ["rover"]),
            # "less than nothing" states an empty interval: nothing to compare
            ("gamma.en", "Anna", "It costs less than 0 dollars.", "less than 0 dollars",
             Quantity(kind="money", value=0, unit="USD", high=0, bound="<"), ["rover"]),
        ]
    )  # fmt: skip
    assert drift_groups(kb) == []


def test_drift_a_review_says_what_a_figure_measures() -> None:
    rows = [
        ("alpha.de", "Anna", "Der Rover ist in 2 Jahren fertig.", "in 2 Jahren",
         Quantity(kind="duration", value=2, unit="year"), ["rover"]),
        ("beta.ru", "Anna", "Ровер будет готов, возможно, ближе к 3 годам.", "ближе к 3 годам",
         Quantity(kind="duration", value=3, unit="year"), ["rover"]),
    ]  # fmt: skip
    # "in 2 Jahren" counts forward from the day it was said (a time frame); "ближе к 3
    # годам" has no such word: no group, until a review says it is the same time frame
    assert drift_groups(make_kb(rows)) == []
    reviewed = make_kb(rows, measures={"beta.ru/00000001": "time frame"})
    (group,) = drift_groups(reviewed)
    assert (group.id, group.label) == ("rover-time-frame", "Rover: time frame")
    assert rows_of(group) == [("in 2 Jahren", "Anna", None), ("ближе к 3 годам", "Anna",
                              "contradicting")]  # fmt: skip


def test_drift_a_group_in_another_is_left_out_and_the_more_specific_entity_kept() -> None:
    kb = make_kb(
        [
            ("alpha.de", "Anna", "Die Firma plant mit der Rakete 100 Starts pro Jahr.", "100",
             launches(100), ["firm", "rocket"]),
            ("beta.ru", "Anna", "Фирма и ракета: 120 запусков в год.", "120", launches(120),
             ["firm", "rocket"]),
            ("gamma.en", "Anna", "The firm also sells 3 cars a year.", "3",
             Quantity(kind="count", value=3, unit="dimensionless", counted="car", per="year"),
             ["firm"]),
        ]
    )  # fmt: skip
    # both entities name the two launch figures; the firm is named by three claims, the
    # rocket by two: the rocket's group is kept, the firm's (the same figures) left out
    assert [g.id for g in drift_groups(kb)] == ["rocket-launch-count-per-time"]


def test_drift_measure_words_in_three_languages_nearest_wins() -> None:
    def claim(lang: str, sentence: str, surface: str) -> tuple[Claim, str]:
        start = sentence.index(surface)
        made = Claim(
            id="x.de/00000001", source="x.de", lang=lang, speaker="A",  # type: ignore[arg-type]
            start=start, end=start + len(surface), surface=surface, quote=sentence,
            quantity=usd(1),
        )  # fmt: skip
        return made, sentence

    assert measure_word(*claim("de", "Der Preis liegt bei 30.000 Euro.", "30.000 Euro")) == "cost"
    assert measure_word(*claim("ru", "Выручка составила 5 млрд рублей.", "5 млрд рублей")) == (
        "revenue"
    )
    assert measure_word(*claim("en", "They invested $2 billion last year.", "$2 billion")) == (
        "investment"
    )
    both = "Sie investierten 5 Millionen Euro, der Wert beträgt jetzt 9 Millionen Euro."
    assert measure_word(*claim("de", both, "5 Millionen Euro")) == "investment"
    assert measure_word(*claim("de", both, "9 Millionen Euro")) == "value"
    assert measure_word(*claim("en", "That is 40 dollars.", "40 dollars")) is None


# ------------------------------------------------------------------------ the corpus


@pytest.fixture(scope="module")
def corpus() -> list[DriftGroup]:
    return drift_groups(corpus_kb())


def figures(groups: list[DriftGroup], group_id: str) -> list[tuple[str, str, str | None]]:
    (group,) = [g for g in groups if g.id == group_id]
    return [(f.speaker, f.surface, f.said.isoformat() if f.said else None) for f in group.figures]


def own(groups: list[DriftGroup], group_id: str) -> list[tuple[str, str, float]]:
    (group,) = [g for g in groups if g.id == group_id]
    return [
        (f.later_speaker, f.relation, round(f.factor or 0, 4))
        for f in group.findings
        if f.scope == "own"
    ]


def test_drift_optimus_cost(corpus: list[DriftGroup]) -> None:
    # all four in one source, in text order: the summary's range, the headline's price,
    # Baron's question, Musk's estimate; 'Material- und Arbeitskosten', 'Preis', 'kosten'
    assert figures(corpus, "optimus-cost") == [
        (KR_AUTHOR, "20.000 bis 30.000 US-Dollar", "2025-11-14"),
        (KR_AUTHOR, "20.000 US-Dollar", "2025-11-14"),
        (BARON, "20.000 US-Dollar", "2025-11-14"),
        (MUSK, "20.000 bis 30.000 US-Dollar", "2025-11-14"),
    ]
    # the article narrows its own range to a point: 20 000 / 25 000 = 0.8
    assert own(corpus, "optimus-cost") == [(KR_AUTHOR, "narrowing", 0.8)]


def test_drift_starship_launches_a_year(corpus: list[DriftGroup]) -> None:
    assert figures(corpus, "starship-launch-count-per-time") == [
        (MUSK, "10\u202f000", "2026-02-05"),
        (MUSK, "20–30\u202f000", "2026-02-05"),
        (PATEL, "Tausende", "2026-02-05"),
        (PATEL, "ein", "2026-02-05"),
    ]
    # 10 000 then 20 000-30 000 a year: disjoint, 25 000 / 10 000 = 2.5. "Tausende"
    # (2 000-9 000, 10 % wider for a vague word: 1 800-9 900) holds one an hour, 8 766 a
    # year: 8 766 / 5 500 = 1.5938
    assert own(corpus, "starship-launch-count-per-time") == [
        (MUSK, "contradicting", 2.5),
        (PATEL, "narrowing", 1.5938),
    ]


def test_drift_neuralink_patients(corpus: list[DriftGroup]) -> None:
    assert figures(corpus, "neuralink-person-count") == [
        (MUSK, "12", "2025-09-10"),
        (KR_AUTHOR, "über 10", "2025-11-14"),
        (MUSK, "über 10", "2025-11-14"),
    ]
    # "über 10" holds 12: widening; 10 / 12 = 0.8333
    assert own(corpus, "neuralink-person-count") == [(MUSK, "widening", 0.8333)]


def test_drift_orbital_compute_time_frame(corpus: list[DriftGroup]) -> None:
    assert figures(corpus, "orbital-data-centers-time-frame") == [
        (MUSK, "в течение 36 месяцев или меньше", "2026-02-05"),
        (MUSK, "ближе к 30 месяцам", "2026-02-05"),
        (MUSK, "innerhalb von drei Jahren", None),  # the article has no date
    ]
    # 0-36 months, then 30 months (27-33 for «ближе к»: inside), then 0-3 years (holds it):
    # 30 / 36 = 0.8333, 36 / 30 = 1.2
    assert own(corpus, "orbital-data-centers-time-frame") == [
        (MUSK, "narrowing", 0.8333),
        (MUSK, "widening", 1.2),
    ]


def test_drift_contradictions_by_speaker(corpus: list[DriftGroup]) -> None:
    found = sorted(
        (f.later_speaker, g.id, round(f.factor or 0, 4))
        for g in corpus
        for f in g.findings
        if f.scope == "own" and f.relation == "contradicting"
    )
    # Baron asks whether "entweder 1 Million oder 10 Millionen" robots a year are needed:
    # alternatives in one breath, not a contradiction
    assert found == [(MUSK, "starship-launch-count-per-time", 2.5)]
    assert own(corpus, "optimus-robot-count-per-time") == [(BARON, "alternatives", 10.0)]


def test_drift_is_deterministic_and_sorted(corpus: list[DriftGroup]) -> None:
    again = drift_groups(corpus_kb())
    assert json.dumps(drift_json(again)) == json.dumps(drift_json(corpus))
    assert [g.id for g in corpus] == sorted(g.id for g in corpus)
    assert len({g.id for g in corpus}) == len(corpus)


# ------------------------------------------------------------------- command and queries


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["--project", str(EXAMPLE.root), "drift", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_drift_cli_table_lists_the_four_quantities_in_date_order() -> None:
    out = run()
    lines = out.splitlines()
    assert lines[0].split() == ["group", "speaker", "said", "figure", "source", "finding", "factor"]
    starship = [line for line in lines if line.startswith("starship-launch-count-per-time ")]
    assert [line.split("«")[1].split("»")[0] for line in starship] == [
        "10\u202f000",
        "20–30\u202f000",
        "Tausende",
        "ein",
    ]
    assert "contradicting  2.5" in starship[1]
    for group in ("optimus-cost", "neuralink-person-count", "orbital-data-centers-time-frame"):
        assert any(line.startswith(group + " ") for line in lines)
    assert "between speakers, not rated:" in out


def test_drift_cli_json_is_the_groups(corpus: list[DriftGroup]) -> None:
    data = json.loads(run("--format", "json"))
    assert data == json.loads(json.dumps(drift_json(corpus)))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> pyoxigraph.Store:
    folder = tmp_path_factory.mktemp("build")
    write_knowledge(corpus_kb(), folder, [])
    return open_store(folder)


def query(store: pyoxigraph.Store, name: str) -> list[tuple[object, ...]]:
    return run_query(store, (BUILT_IN / f"{name}.rq").read_text(encoding="utf-8"), name)[1]


def test_drift_contradictions_query_gives_the_commands_contradictions(
    store: pyoxigraph.Store,
) -> None:
    assert query(store, "drift-contradictions") == [
        (MUSK, "starship-launch-count-per-time", "10\u202f000", "2026-02-05", "20–30\u202f000",
         "2026-02-05", 2.5),
    ]  # fmt: skip


def test_drift_figures_query_gives_every_figure_in_the_order_said(
    store: pyoxigraph.Store, corpus: list[DriftGroup]
) -> None:
    found = query(store, "drift-figures")
    expected = [
        (g.id, n, f.speaker, f.said.isoformat() if f.said else None, f.surface, f.source)
        for g in corpus
        for n, f in enumerate(g.figures, start=1)
    ]
    assert [row[:6] for row in found] == expected
    orbital = [row for row in found if row[0] == "orbital-data-centers-time-frame"]
    assert [(row[4], row[6]) for row in orbital] == [
        ("в течение 36 месяцев или меньше", None),
        ("ближе к 30 месяцам", "narrowing"),
        ("innerhalb von drei Jahren", "widening"),
    ]


def test_drift_json_is_written_by_the_build(tmp_path: Path, corpus: list[DriftGroup]) -> None:
    write_knowledge(corpus_kb(), tmp_path, [])
    written = json.loads((tmp_path / "drift.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(drift_json(corpus)))


def test_drift_between_speakers_takes_the_nearest_earlier_figure_of_another() -> None:
    rows = [
        ("alpha.de", speaker, f"Wir wollen {n} Starts pro Jahr.", str(n), launches(n), ["rocket"])
        for speaker, n in [("Anna", 100), ("Boris", 200), ("Boris", 300), ("Anna", 400)]
    ]
    (group,) = drift_groups(make_kb(rows))
    pairs = [(f.scope, f.earlier, f.later) for f in group.findings]
    ids = [f.claim for f in group.figures]
    # Boris's 200 after Anna's 100; Boris's 300 after his own 200 and Anna's 100; Anna's
    # 400 after her own 100 and Boris's 300
    assert pairs == [
        ("between", ids[0], ids[1]),
        ("own", ids[1], ids[2]),
        ("between", ids[0], ids[2]),
        ("own", ids[0], ids[3]),
        ("between", ids[2], ids[3]),
    ]


def test_drift_triples_fit_the_shapes_and_a_wrong_relation_does_not() -> None:
    kb = make_kb(
        [
            ("alpha.de", "Anna", "Wir wollen 100 Starts pro Jahr.", "100", launches(100),
             ["rocket"]),
            ("beta.ru", "Anna", "Мы хотим 200 запусков в год.", "200", launches(200),
             ["rocket"]),
        ]
    )  # fmt: skip
    graph = to_rdf(kb)
    validate(graph)
    finding = iri("drift", "rocket-launch-count-per-time/finding/1")
    assert graph.value(finding, CKB.relation) == Literal("contradicting")
    graph.set((finding, CKB.relation, Literal("drifting")))
    with pytest.raises(ShapeError, match="relation is agreeing, narrowing, widening"):
        validate(graph)


@pytest.mark.parametrize(
    ("source", "sentence", "first", "second", "expected"),
    [
        ("alpha.de", "Wir brauchen 100 oder 500 Starts pro Jahr.", "100", "500", "alternatives"),
        ("beta.ru", "Нужно 100 или 500 запусков в год.", "100", "500", "alternatives"),
        ("gamma.en", "We need 100 or 500 launches a year.", "100", "500", "alternatives"),
        # "und später" is more than an "or": the later figure replaces the earlier one
        ("alpha.de", "Erst 100 und später 500 Starts pro Jahr.", "100", "500", "contradicting"),
    ],
)
def test_drift_figures_offered_as_alternatives_do_not_contradict(
    source: str, sentence: str, first: str, second: str, expected: str
) -> None:
    at = sentence.index(second)
    rows = [
        (source, "Anna", sentence, first, launches(float(first)), ["rocket"]),
        (source, "Anna", sentence[at:], second, launches(float(second)), ["rocket"]),
    ]
    kb = make_kb(rows)
    # one sentence, not two: the second figure's row only names where it stands
    text = sentence
    start = text.index(second, text.index(first) + len(first))
    claims = [kb.claims[0], kb.claims[1].model_copy(update={"start": start,
              "end": start + len(second), "quote": sentence})]  # fmt: skip
    one = dataclasses.replace(kb, texts={source: text}, claims=claims)
    (group,) = drift_groups(one)
    assert [(f.relation, f.factor) for f in group.findings] == [(expected, 5.0)]
