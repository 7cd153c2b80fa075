"""The "same quantity over time" pages: a dated SVG chart per drift group with one mark per
figure, the days in order across, an undated figure apart, a log scale only beyond a
factor of 10, a colour and a shape per speaker named in the legend; the table of figures
with findings and factors; the index of groups.

The figures were read off the corpus by hand (see ``tests/test_drift.py``)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from pathlib import Path

import pytest

from claimkb.build.stages import knowledge_base
from claimkb.derive.drift import DriftFigure, DriftGroup
from claimkb.derive.records import derivation_records
from claimkb.ledger.sources import load_sources
from claimkb.pages.common import DRIFT_INDEX, drift_page
from claimkb.pages.drift_pages import (
    CHAR,
    COLOURS,
    SHAPES,
    WIDTH,
    drift_chart,
    scale_of,
    speaker_styles,
    unit_words,
    wrap,
)
from claimkb.pages.site import generate_pages
from tests.conftest import EXAMPLE
from tests.test_speaker_pages import Parsed

BUILD_DATE = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kb = knowledge_base(EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir)
    folder = tmp_path_factory.mktemp("drift")
    generate_pages(
        kb, derivation_records(kb, EXAMPLE.claims_dir), folder, BUILD_DATE, EXAMPLE.config
    )
    return folder


def page(docs: Path, group: str) -> str:
    return (docs / drift_page(group)).read_text(encoding="utf-8")


def svg(text: str) -> str:
    (found,) = re.findall(r"<svg.*?</svg>", text, re.DOTALL)
    return found


def mark_bodies(chart: str) -> list[tuple[str, str]]:
    """(number, SVG) of each figure's group."""
    found = r'<g class="drift-mark drift-s\d+" data-figure="(\d+)">(.*?)</g>'
    return re.findall(found, chart, re.DOTALL)


def marks(chart: str) -> list[tuple[int, float, float]]:
    """(number, x, y) of each figure's mark: the shape after its bar and arrows."""
    found = []
    for number, body in mark_bodies(chart):
        label = re.search(r'<text x="([\d.]+)" y="([\d.]+)" font-size="11">(\d+)</text>', body)
        assert label is not None and label.group(3) == number
        found.append((int(number), float(label.group(1)) - 7, float(label.group(2)) + 5))
    return found


def days(chart: str) -> list[tuple[float, str]]:
    return [
        (float(x), text)
        for x, text in re.findall(
            r'<text class="drift-day" x="([\d.]+)"[^>]*>([^<]+)</text>', chart
        )
    ]


def tick_labels(chart: str) -> list[str]:
    return re.findall(r'<text x="[\d.]+" y="[\d.]+" text-anchor="end">([^<]+)</text>', chart)


def test_starship_launches_a_year_one_mark_per_figure_on_a_log_scale(docs: Path) -> None:
    """Four figures said on 5 Feb 2026: Musk's 10 000 and 20–30 000 (the Russian digest),
    Patel's "Tausende" (1 800–9 900, a hedged plural) and "ein" launch an hour (8 766 a
    year). From 1 800 to 30 000 is more than a factor of 10: a log scale, from the decade
    below (1 000) to the one above (100 000)."""
    chart = svg(page(docs, "starship-launch-count-per-time"))
    found = marks(chart)
    assert [n for n, _, _ in found] == [1, 2, 3, 4]
    xs = [x for _, x, _ in found]
    assert xs == sorted(xs) and len(set(xs)) == 4
    assert [text for _, text in days(chart)] == ["5 Feb 2026"]
    assert "launches per year, log scale" in chart
    labels = tick_labels(chart)
    assert labels[0] == "1,000" and labels[-1] == "100,000"
    # Up is more: 20–30 000 (mark 2) sits above 10 000 (mark 1), which sits above 8 766.
    ys = {n: y for n, _, y in found}
    assert ys[2] < ys[1] < ys[4]
    legend = Parsed(chart).texts["text"]
    assert "Elon Musk: 1, 2" in legend and "Dwarkesh Patel: 3, 4" in legend
    # Each speaker's marks carry their class, which the dark scheme recolours.
    classes = re.findall(r'<g class="drift-mark (drift-s\d)" data-figure', chart)
    assert classes == ["drift-s0", "drift-s0", "drift-s1", "drift-s1"]


def test_days_are_in_order_across(docs: Path) -> None:
    """Neuralink's patients: Musk's 12 on 10 Sep 2025 (All-In), then 36Kr's and Musk's
    "über 10" on 14 Nov 2025; ten to twelve is no factor of 10: a linear scale from 0."""
    chart = svg(page(docs, "neuralink-person-count"))
    shown = days(chart)
    assert [text for _, text in shown] == ["10 Sep 2025", "14 Nov 2025"]
    assert shown[0][0] < shown[1][0]
    found = marks(chart)
    assert [x for _, x, _ in found] == sorted(x for _, x, _ in found)
    assert "people, linear scale" in chart
    assert tick_labels(chart)[0] == "0"
    # "über 10" has no upper end: two arrows pointing up, at the top of the plot.
    arrows = {n: "<polygon" in body for n, body in mark_bodies(chart)}
    assert arrows == {"1": False, "2": True, "3": True}


def test_an_undated_figure_stands_apart(docs: Path) -> None:
    """orbital-ai-compute-plan.de has no date: its "innerhalb von drei Jahren" comes last,
    right of a dashed line, under "date unknown", and is named below the chart."""
    text = page(docs, "orbital-data-centers-time-frame")
    chart = svg(text)
    assert [t for _, t in days(chart)] == ["5 Feb 2026", "date unknown"]
    assert 'stroke-dasharray="3 3"' in chart
    divider = float(re.search(r'<line x1="([\d.]+)"[^>]*stroke-dasharray', chart).group(1))
    found = marks(chart)
    assert found[0][1] < found[1][1] < divider < found[2][1]
    after = text[text.index("</figure>") :]
    assert "1 figure from a source without a date" in after
    assert "innerhalb von drei Jahren" in after.split("<h2>")[0]
    assert "orbital-ai-compute-plan.de" in after.split("<h2>")[0]
    rows = Parsed(text).texts["td"]
    assert "date unknown" in rows


def test_the_table_holds_findings_and_factors(docs: Path) -> None:
    text = page(docs, "starship-launch-count-per-time")
    rows = re.findall(r"<tr data-speaker=\"([^\"]+)\">(.*?)</tr>", text)
    findings = [Parsed(row).texts["td"][-1] for _, row in rows]
    # Musk's second figure against his first (25 000 / 10 000); Patel's "ein" launch an
    # hour (8 766 a year) against his "Tausende" (2 000-9 000, midpoint 5 500, widened to
    # 1 800-9 900): inside it, 8 766 / 5 500 = 1.59.
    assert findings[0] == "first" and findings[1] == "contradicting ×2.5"
    assert findings[2] == "first" and findings[3] == "narrowing ×1.59"
    assert [s for s, _ in rows] == ["Elon Musk", "Elon Musk", "Dwarkesh Patel", "Dwarkesh Patel"]
    between = text[text.index("<h2>Between speakers</h2>") :]
    assert "rate nobody" in between
    assert between.count("<li>") == 2


def test_the_chart_scales_to_the_column() -> None:
    """No fixed width: a viewBox, so it fits a 390 px phone; the stylesheet sets 100 %."""
    css = (Path(__file__).parents[1] / "claimkb/pages/docs/assets/pages.css").read_text()
    assert re.search(r"svg\.drift-chart \{[^}]*width: 100%", css)
    assert WIDTH == 400


def test_the_index_lists_every_group(docs: Path) -> None:
    text = (docs / DRIFT_INDEX).read_text(encoding="utf-8")
    links = re.findall(r'<a href="([a-z0-9-]+)/">', text)
    # The 12 groups of ``claimkb drift`` on the bundled corpus (tests/test_drift.py).
    assert len(links) == 12 and "starship-launch-count-per-time" in links
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", text) if "orbital-data-centers" in r)
    assert "2026-02-05, 1 undated" in row and "1 narrowing, 1 widening" in row


def _figure(speaker: str, value: float, low: float | None, high: float | None) -> DriftFigure:
    return DriftFigure(
        claim=f"x/{value}",
        speaker=speaker,
        said=None,
        source="x",
        lang="en",
        start=0,
        surface=str(value),
        quote=str(value),
        value=value,
        low=low,
        high=high,
    )


def _group(*figures: DriftFigure, unit: str = "", counted: str | None = None) -> DriftGroup:
    return DriftGroup(
        id="g",
        label="G",
        entity="e",
        kind="count",
        measure=None,
        counted=counted,
        per=None,
        unit=unit,
        figures=figures,
        findings=(),
    )


def test_log_scale_only_beyond_a_factor_of_ten() -> None:
    ten = (_figure("a", 1e6, 1e6, 1e6), _figure("a", 1e7, 1e7, 1e7))
    assert not scale_of(ten).log  # exactly 10 times: linear
    more = (_figure("a", 1e6, 1e6, 1e6), _figure("a", 1.1e7, 1.1e7, 1.1e7))
    scale = scale_of(more)
    assert scale.log and (scale.low, scale.high) == (1e6, 1e8)
    # "weniger als 6 Millionen" (0 to 6 million) beside 60 000: the 0 is no number on a
    # log scale, so the bar runs off the bottom (an arrow); the scale spans 10 000 to 10 million.
    less = (_figure("a", 60000, 60000, 60000), _figure("b", 6e6, 0, 6e6))
    scale = scale_of(less)
    assert scale.log and (scale.low, scale.high) == (1e4, 1e7) and not scale.inside(0)


def test_every_speaker_gets_another_colour_and_shape_pair() -> None:
    figures = tuple(_figure(f"s{n}", 1, 1, 1) for n in range(len(COLOURS) * len(SHAPES)))
    styles = speaker_styles(_group(*figures))
    assert len({(s.colour, s.shape) for s in styles.values()}) == len(figures)
    # The first few differ in both, so shape alone tells them apart.
    first = list(styles.values())[: len(SHAPES)]
    assert len({s.shape for s in first}) == len(SHAPES)


@pytest.mark.parametrize(
    "unit, counted, words",
    [
        ("1 / year", "launch", "launches per year"),
        ("USD", None, "USD"),
        ("month", None, "months"),
        ("", "person", "people"),
        ("", None, "number"),
    ],
)
def test_unit_words(unit: str, counted: str | None, words: str) -> None:
    assert unit_words(_group(_figure("a", 1, 1, 1), unit=unit, counted=counted)) == words


def test_wrap_keeps_every_character() -> None:
    name = 'Eve <b onmouseover=alert(1)>x</b> "><img src=x onerror=alert(1)>: 1, 2'
    lines = wrap(name, 30)
    assert "".join(lines) == name and all(len(line) <= 30 for line in lines)
    # Broken after the last space within 30 characters, the space kept.
    assert lines[:2] == ["Eve <b ", "onmouseover=alert(1)>x</b> "]
    assert wrap("x" * 65, 30) == ["x" * 30, "x" * 30, "x" * 5]
    assert wrap("", 30) == [""]


def test_many_days_keep_their_labels_apart_and_inside() -> None:
    """Eight figures on eight days: "1 Jan 2026" is about 68 units wide, more than a figure's
    slot, so the labels take several rows, none overlapping another on its row, and a
    long legend wraps within the chart."""
    figures = tuple(
        _figure(
            "A speaker whose name is far too long for one line of the legend", n, n, n
        ).model_copy(update={"said": dt.date(2026, 1, 1 + n), "claim": f"x/{n}"})
        for n in range(1, 9)
    )
    chart = "\n".join(drift_chart(_group(*figures), "t"))
    shown = days(chart)
    assert [t for _, t in shown] == [f"{d} Jan 2026" for d in range(2, 10)]
    ys = [float(y) for y in re.findall(r'class="drift-day" x="[\d.]+" y="([\d.]+)"', chart)]
    rows: dict[float, list[tuple[float, str]]] = {}
    for (x, text), y in zip(shown, ys, strict=True):
        rows.setdefault(y, []).append((x, text))
    assert len(rows) >= 2
    for row in rows.values():
        for (a, ta), (b, tb) in itertools.pairwise(row):
            assert b - a >= (len(ta) + len(tb)) * CHAR / 2
    assert all(len(t) * CHAR / 2 <= x <= WIDTH - len(t) * CHAR / 2 for x, t in shown)
    spans = re.findall(r"<tspan [^>]*>([^<]*)</tspan>", chart)
    assert len(spans) >= 2 and all(len(s) * CHAR <= WIDTH for s in spans)


def test_days_stand_apart_by_the_time_between_them() -> None:
    """Said on 1 and 2 Jan and on 31 Dec 2026: the first two days stand close, the year
    between the second and the third far apart; an undated figure stands last."""
    said = [dt.date(2026, 1, 1), dt.date(2026, 1, 2), dt.date(2026, 12, 31), None]
    figures = tuple(
        _figure("a", n + 1, n + 1, n + 1).model_copy(update={"said": day, "claim": f"x/{n}"})
        for n, day in enumerate(said)
    )
    chart = "\n".join(drift_chart(_group(*figures), "t"))
    xs = [x for _, x, _ in marks(chart)]
    assert xs == sorted(xs)
    assert xs[1] - xs[0] < (xs[2] - xs[1]) / 3
    assert [t for _, t in days(chart)] == [
        "1 Jan 2026",
        "2 Jan 2026",
        "31 Dec 2026",
        "date unknown",
    ]


def test_pages_describe_themselves(docs: Path) -> None:
    """The description a shared link shows: the quantity, how many figures by whom, and
    the findings (Musk's 20–30 000 against his 10 000; Patel's "ein" inside "Tausende")."""
    head = page(docs, "starship-launch-count-per-time").split("\n---\n")[0]
    assert head.splitlines()[2] == (
        'description: "Starship: launch count per unit of time: 4 figures said by Elon Musk, '
        "Dwarkesh Patel, charted by the day said; against each speaker&#x27;s previous "
        'figure: 1 contradicting, 1 narrowing."'
    )
    index = (docs / DRIFT_INDEX).read_text(encoding="utf-8")
    assert index.startswith('---\ntitle: "Same quantity over time"\ndescription: "12 quantities')


def test_any_figures_draw_inside_the_chart() -> None:
    """Random groups (a fixed seed): open ends, zeros and negatives, one day or many, some
    undated; every mark lies inside the viewBox and every number label too."""
    rng = random.Random(7)
    for _ in range(200):
        figures = []
        for n in range(rng.randint(1, 12)):
            value = 10 ** rng.uniform(-2, 9)
            if rng.random() < 0.1:
                value = rng.choice([0.0, -3.0])
            low = None if rng.random() < 0.2 else value * rng.uniform(0, 1)
            high = None if rng.random() < 0.2 else value * rng.uniform(1, 3)
            day = (
                None
                if rng.random() < 0.2
                else dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 800))
            )
            figures.append(
                _figure(f"s{rng.randint(0, 7)}", value, low, high).model_copy(
                    update={"said": day, "claim": f"x/{n}"}
                )
            )
        figures.sort(key=lambda f: (f.said is None, f.said or dt.date.min))
        chart = "\n".join(drift_chart(_group(*figures), "t"))
        height = float(re.search(r'viewBox="0 0 400 ([\d.]+)"', chart).group(1))
        found = marks(chart)
        assert len(found) == len(figures)
        assert all(0 <= x <= WIDTH and 0 <= y <= height for _, x, y in found), found
        xs = [x for _, x, _ in found]
        assert xs == sorted(xs)
