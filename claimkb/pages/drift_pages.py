"""The same quantity over time: one page per drift group (``derive.drift``) with a small
dated chart and the table of its figures and findings, and an index of the groups.

The chart is static SVG, as the claim graph is: no script, readable at a phone's width (a
``viewBox`` scaled to the column, text no smaller than the table's). Across, the day each
figure was said, to scale as far as the figures leave room (a day too near the one before
is pushed along), the figures of one day side by side; figures from a source without a
date stand apart at the right under "date unknown". Up, each figure's
interval as a bar from its low to its high end, a mark at the number stated, an arrow where
the interval is open ("über 10"). The scale is logarithmic when the figures span more than
a factor of 10. Each speaker has a colour *and* a shape, named in the legend with the
numbers of their figures; each mark carries its number, which is the row of the table
below, so nothing rests on colour alone.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass

from claimkb.core.models import Claim
from claimkb.derive.drift import DriftFigure, DriftFinding, DriftGroup
from claimkb.pages.common import (
    DRIFT_INDEX,
    drift_page,
    esc,
    href,
    number_text,
    page_markdown,
    speaker_page,
)
from claimkb.pages.context import SiteData
from claimkb.pages.english import UNIT_WORDS, day_text, number_words, plural
from claimkb.pages.html import scrolling, table

#: The heading of the drift pages, and their name in the navigation.
TITLE = "Same quantity over time"
#: What the chart and the table say for a figure whose source has no date.
DATE_UNKNOWN = "date unknown"
#: What a figure is the first of its speaker's in a group.
FIRST = "first"

#: Speakers' colours (readable on light and dark backgrounds) and shapes, by their order.
COLOURS: tuple[str, ...] = ("#1f6fb4", "#c2410c", "#2e7d32", "#7b3fa0", "#a16207", "#0e7c86")
SHAPES: tuple[str, ...] = ("circle", "square", "triangle", "diamond", "triangle-down", "plus")

#: How much wider than the rest of the figures a group must span for a log scale.
LOG_SPAN = 10.0

# The chart's geometry, in viewBox units (one unit is one CSS pixel at 400 px wide).
WIDTH = 400
TOP = 24
PLOT_HEIGHT = 170
RIGHT = 12
FONT = 12
CHAR = 6.8  # the width of one character of the chart's font, near enough
GAP = 0.7  # the least space between two days, in figure slots
MAX_SLOT = 36.0  # the widest a figure's slot gets
LINE = 14


@dataclass(frozen=True)
class Style:
    """How one speaker's figures are drawn."""

    colour: str
    shape: str
    index: int
    """The speaker's place in the group: the class ``drift-s<index>`` (``pages.css`` gives
    the colour a lighter tone on a dark background)."""


def speaker_styles(group: DriftGroup) -> dict[str, Style]:
    """A colour and a shape for each speaker, in the order of their first figure; the
    pairs repeat only after ``len(COLOURS) * len(SHAPES)`` speakers."""
    styles: dict[str, Style] = {}
    for figure in group.figures:
        if figure.speaker not in styles:
            n = len(styles)
            shape = SHAPES[(n + n // len(COLOURS)) % len(SHAPES)]
            styles[figure.speaker] = Style(COLOURS[n % len(COLOURS)], shape, n % len(COLOURS))
    return styles


def unit_words(group: DriftGroup) -> str:
    """What the group's numbers count, in words: ``launches per year``, ``USD``,
    ``months``, ``patients``."""
    unit = group.unit
    counted = plural(group.counted, 2) if group.counted else ""
    per = re.fullmatch(r"1 / (\w+)", unit)
    if per:
        return f"{counted or 'number'} per {per.group(1)}".strip()
    if unit in UNIT_WORDS:
        unit = plural(UNIT_WORDS[unit], 2)
    return " ".join(part for part in (unit, counted if not unit else "") if part) or "number"


def interval_words(figure: DriftFigure) -> str:
    """The figure's interval in the group's unit: ``20,000–30,000``, ``10 or more``."""
    low, high = figure.low, figure.high
    if low is not None and low == high:
        return number_text(low)
    if high is None:
        return f"{number_text(low)} or more" if low is not None else "any"
    if low is None:
        return f"up to {number_text(high)}"
    return f"{number_text(low)}–{number_text(high)}"


def factor_text(factor: float | None) -> str:
    """``×2.5``: the later stated number over the earlier one."""
    return f"×{factor:.3g}" if factor is not None else ""


# ------------------------------------------------------------------------------ the chart


@dataclass(frozen=True)
class Scale:
    """The vertical axis: linear or logarithmic over ``low``..``high``."""

    low: float
    high: float
    log: bool

    def y(self, v: float) -> float:
        if self.log:
            share = (math.log10(v) - math.log10(self.low)) / (
                math.log10(self.high) - math.log10(self.low)
            )
        else:
            share = (v - self.low) / (self.high - self.low)
        return TOP + PLOT_HEIGHT * (1 - share)

    def inside(self, v: float | None) -> bool:
        return v is not None and (v > 0 or not self.log)

    def ticks(self) -> list[float]:
        if self.log:
            first, last = round(math.log10(self.low)), round(math.log10(self.high))
            steps = (1, 2, 5) if last - first <= 2 else (1,)
            return [
                m * 10.0**k
                for k in range(first, last + 1)
                for m in steps
                if self.low <= m * 10.0**k <= self.high * (1 + 1e-9)
            ]
        step = _nice_step((self.high - self.low) / 4)
        count = round((self.high - self.low) / step)
        return [self.low + i * step for i in range(count + 1)]


def _nice_step(span: float) -> float:
    power = 10.0 ** math.floor(math.log10(span))
    for m in (1, 2, 2.5, 5, 10):
        if span <= m * power:
            return m * power
    return 10 * power


def scale_of(figures: tuple[DriftFigure, ...]) -> Scale:
    """Log when the positive numbers span more than ``LOG_SPAN``; else linear from zero
    (or the lowest number, when one is negative) with round ends."""
    numbers = [v for f in figures for v in (f.low, f.high, f.value) if v is not None]
    positive = [v for v in numbers if v > 0]
    if positive and max(positive) / min(positive) > LOG_SPAN:
        low = 10.0 ** math.floor(math.log10(min(positive)) + 1e-9)
        high = 10.0 ** math.ceil(math.log10(max(positive)) - 1e-9)
        return Scale(low, high if high > low else low * 10, True)
    low, high = min([0.0, *numbers]), max([0.0, *numbers])
    if high == low:
        high = low + 1
    step = _nice_step((high - low) / 4)
    return Scale(math.floor(low / step) * step, math.ceil(high / step - 1e-9) * step, False)


_A, _B = 0.35, 1.2
#: The corners of the drawn shapes, in units of the mark's radius.
SHAPE_POINTS: dict[str, list[tuple[float, float]]] = {
    "triangle": [(0, -1.2), (1.1, 0.9), (-1.1, 0.9)],
    "triangle-down": [(0, 1.2), (1.1, -0.9), (-1.1, -0.9)],
    "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
    "plus": [
        *[(-_A, -_B), (_A, -_B), (_A, -_A), (_B, -_A), (_B, _A), (_A, _A), (_A, _B)],
        *[(-_A, _B), (-_A, _A), (-_B, _A), (-_B, -_A), (-_A, -_A)],
    ],
}


def _shape(shape: str, x: float, y: float, colour: str) -> str:
    r = 4.5
    paint = f'fill="{colour}" stroke="{colour}"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {paint}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" {paint}/>'
    points = SHAPE_POINTS[shape]
    text = " ".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in points)
    return f'<polygon points="{text}" {paint}/>'


def _arrow(x: float, y: float, up: bool, colour: str) -> str:
    tip, base = (y - 7, y) if up else (y + 7, y)
    return (
        f'<polygon points="{x:.1f},{tip:.1f} {x + 4.5:.1f},{base:.1f} {x - 4.5:.1f},{base:.1f}" '
        f'fill="{colour}"/>'
    )


def _days(figures: tuple[DriftFigure, ...]) -> list[tuple[str, list[int]]]:
    """The figures' indexes by the day said, in order; undated ones last, as one band."""
    bands: list[tuple[str, list[int]]] = []
    for i, figure in enumerate(figures):
        label = day_text(figure.said) if figure.said else DATE_UNKNOWN
        if bands and bands[-1][0] == label:
            bands[-1][1].append(i)
        else:
            bands.append((label, [i]))
    return bands


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken after a space where there
    is one (the space kept, so the lines joined are the text), else within a word."""
    lines = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width)
        cut = cut + 1 if cut > 0 else width
        lines.append(text[:cut])
        text = text[cut:]
    return [*lines, text] if text or not lines else lines


def _clamp(x: float, label: str) -> float:
    """A day's label centre, moved in so that the label stays inside the chart."""
    half = len(label) * CHAR / 2
    return min(max(x, half + 2), WIDTH - half - 2)


def _across(
    figures: tuple[DriftFigure, ...], bands: list[tuple[str, list[int]]], left: float, right: float
) -> tuple[dict[int, float], float | None]:
    """Where each figure stands across, and the line before the undated ones (if any).

    Each day is a band of its figures side by side, one slot each. The dated bands are
    placed by their day, the first at the left, the last at the right; a band its day
    would place too near the one before is pushed along, and back from the right end, so
    the days keep their order and every band its room. Undated figures stand at the right
    behind a gap."""
    dated = [(label, members) for label, members in bands if label != DATE_UNKNOWN]
    undated = [i for label, members in bands if label == DATE_UNKNOWN for i in members]
    gaps = len(dated) - 1 + (1 if undated and dated else 0)
    slot = min(MAX_SLOT, (right - left) / (len(figures) + GAP * gaps))
    gap = GAP * slot
    xs: dict[int, float] = {}
    divider = None
    end = right
    if undated:
        start = right - len(undated) * slot
        xs.update({i: start + slot * (k + 0.5) for k, i in enumerate(undated)})
        if dated:
            divider, end = start - gap / 2, start - gap
    if not dated:
        return xs, divider
    widths = [len(members) * slot for _, members in dated]
    days = [figures[members[0]].said or dt.date.min for _, members in dated]
    span = (days[-1] - days[0]).days
    low, high = left + widths[0] / 2, end - widths[-1] / 2
    wanted = [
        (low + high) / 2 if span == 0 else low + (high - low) * (day - days[0]).days / span
        for day in days
    ]
    starts: list[float] = []
    limit = left
    for centre, width in zip(wanted, widths, strict=True):
        starts.append(max(centre - width / 2, limit))
        limit = starts[-1] + width + gap
    limit = end
    for j in reversed(range(len(starts))):
        starts[j] = min(starts[j], limit - widths[j])
        limit = starts[j] - gap
    for (_, members), start in zip(dated, starts, strict=True):
        xs.update({i: start + slot * (k + 0.5) for k, i in enumerate(members)})
    return xs, divider


def _label_rows(centres: list[tuple[float, str]]) -> list[int]:
    """The row of each day's label, so that no two labels on one row overlap."""
    ends: list[float] = []
    rows = []
    for x, label in centres:
        half = len(label) * CHAR / 2
        row = next((r for r, end in enumerate(ends) if x - half > end + 4), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = x + half
        rows.append(row)
    return rows


def drift_chart(group: DriftGroup, title_id: str) -> list[str]:
    """The group's figures as a dated SVG chart (see the module's docstring)."""
    figures = group.figures
    styles = speaker_styles(group)
    scale = scale_of(figures)
    ticks = scale.ticks()
    tick_labels = [number_words(t) if t >= 1e6 else number_text(t) for t in ticks]
    left = max(36.0, max(len(t) for t in tick_labels) * CHAR + 10)
    bands = _days(figures)
    xs, divider = _across(figures, bands, left + 4, WIDTH - RIGHT - 4)
    centres = [
        (_clamp(sum(xs[i] for i in members) / len(members), label), label)
        for label, members in bands
    ]
    rows = _label_rows(centres)
    bottom = TOP + PLOT_HEIGHT
    legend_top = bottom + 8 + (max(rows) + 1) * LINE + 10
    legend_x = left - 20 + 14
    legend: list[tuple[Style, list[str], float]] = []
    line_y: float = legend_top
    for speaker, style in styles.items():
        numbers = ", ".join(str(i + 1) for i, f in enumerate(figures) if f.speaker == speaker)
        lines = wrap(f"{speaker}: {numbers}", int((WIDTH - legend_x - 2) / CHAR))
        legend.append((style, lines, line_y))
        line_y += 16 + LINE * (len(lines) - 1)
    height = line_y - 8  # the last baseline is line_y - 16: 8 units of room below it
    scale_name = "log scale" if scale.log else "linear scale"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="drift-chart" viewBox="0 0 {WIDTH} '
        f'{height:.0f}" role="img" aria-labelledby="{esc(title_id)}" font-size="{FONT}" '
        'font-family="system-ui, sans-serif" fill="currentColor">',
        f'<title id="{esc(title_id)}">{esc(group.label)}: {len(figures)} figures by the day '
        f"said ({esc(unit_words(group))}, {scale_name})</title>",
        f'<text x="2" y="{TOP - 10}">'
        + esc(wrap(f"{unit_words(group)}, {scale_name}", int(WIDTH / CHAR) - 1)[0])
        + "</text>",
    ]
    for tick, text in zip(ticks, tick_labels, strict=True):
        y = scale.y(tick)
        out.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            'stroke="currentColor" stroke-opacity="0.15"/>'
        )
        out.append(f'<text x="{left - 5:.1f}" y="{y + 4:.1f}" text-anchor="end">{esc(text)}</text>')
    out.append(
        f'<line x1="{left:.1f}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" '
        'stroke="currentColor" stroke-opacity="0.6"/>'
    )
    if divider is not None:
        out.append(
            f'<line x1="{divider:.1f}" y1="{TOP - 4}" x2="{divider:.1f}" y2="{bottom + 4}" '
            'stroke="currentColor" stroke-opacity="0.6" stroke-dasharray="3 3"/>'
        )
    for (x, label), row in zip(centres, rows, strict=True):
        y = bottom + 8 + (row + 1) * LINE - 3
        out.append(
            f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 4}" '
            'stroke="currentColor"/>'
        )
        out.append(
            f'<text class="drift-day" x="{x:.1f}" y="{y:.1f}" text-anchor="middle">'
            f"{esc(label)}</text>"
        )
    for i, figure in enumerate(figures):
        out += _mark(i, figure, xs[i], scale, styles[figure.speaker], group.unit)
    for style, lines, top in legend:
        out.append(f'<g class="drift-s{style.index}">')
        out.append(_shape(style.shape, left - 20 + 5, top - 4, style.colour))
        out.append("</g>")
        spans = "".join(
            f'<tspan x="{legend_x:.1f}" dy="{0 if n == 0 else LINE}">{esc(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        out.append(f'<text class="drift-legend" x="{legend_x:.1f}" y="{top:.1f}">{spans}</text>')
    out.append("</svg>")
    return out


def _mark(
    i: int, figure: DriftFigure, x: float, scale: Scale, style: Style, unit: str
) -> list[str]:
    """One figure: its interval's bar, arrows at open ends, the mark at the number stated,
    its number, and a tooltip saying who said what when."""
    top, bottom = TOP, TOP + PLOT_HEIGHT
    said = day_text(figure.said) if figure.said else DATE_UNKNOWN
    tip = f"{i + 1}. {figure.speaker}, {said}: «{figure.surface}» = {interval_words(figure)}"
    out = [
        f'<g class="drift-mark drift-s{style.index}" data-figure="{i + 1}">'
        f"<title>{esc(tip)} {esc(unit)}</title>"
    ]
    high, low = figure.high, figure.low
    open_high = high is None
    # An end at or below zero on a log scale lies below the chart: the bar runs off it.
    open_low = low is None or not scale.inside(low)
    high_y = top if high is None else scale.y(high) if scale.inside(high) else bottom
    low_y = bottom if low is None or not scale.inside(low) else scale.y(low)
    if abs(low_y - high_y) > 0.5:
        out.append(
            f'<line x1="{x:.1f}" y1="{high_y:.1f}" x2="{x:.1f}" y2="{low_y:.1f}" '
            f'stroke="{style.colour}" stroke-width="3" stroke-opacity="0.55"/>'
        )
    if open_high:
        out.append(_arrow(x, top + 1, True, style.colour))
    if open_low:
        out.append(_arrow(x, bottom - 1, False, style.colour))
    value_y = scale.y(figure.value) if scale.inside(figure.value) else bottom
    out.append(_shape(style.shape, x, value_y, style.colour))
    out.append(f'<text x="{x + 7:.1f}" y="{value_y - 5:.1f}" font-size="11">{i + 1}</text>')
    out.append("</g>")
    return out


# ------------------------------------------------------------------------------ the pages


def described(markdown: str, description: str) -> str:
    """A page (``common.page_markdown``) with a ``description`` in its front matter: the
    theme's ``<meta name="description">``, what a shared link shows. Written as the title
    is: white space plain, HTML-escaped (themes insert it unescaped), a JSON string."""
    text = "".join(ch for ch in " ".join(description.split()) if ch.isprintable())
    line = f"description: {json.dumps(esc(text), ensure_ascii=False)}"
    head, end, rest = markdown.partition("\n---\n\n")
    return f"{head}\n{line}{end}{rest}"


def own_findings(group: DriftGroup) -> dict[str, DriftFinding]:
    """Each figure's finding against the same speaker's previous figure, by claim id."""
    return {f.later: f for f in group.findings if f.scope == "own"}


def finding_text(finding: DriftFinding | None) -> str:
    """``contradicting ×2.5``, or ``first`` for a speaker's first figure in the group."""
    if finding is None:
        return FIRST
    return " ".join(p for p in (finding.relation, factor_text(finding.factor)) if p)


def figure_link(site: SiteData, page: str, figure: DriftFigure) -> str:
    """The figure's words in the original, marked with their language, linked to its
    claim's page."""
    words = f'<q lang="{esc(figure.lang)}">{esc(figure.surface)}</q>'
    claim = site.claims.get(figure.claim)
    return site.claim_link(page, claim, words) if claim is not None else words


def speaker_link(page: str, name: str) -> str:
    return f'<a href="{href(page, speaker_page(name))}">{esc(name)}</a>'


def drift_page_html(site: SiteData, group: DriftGroup) -> str:
    page = drift_page(group.id)
    own = own_findings(group)
    undated = [f for f in group.figures if f.said is None]
    numbers = {f.claim: i + 1 for i, f in enumerate(group.figures)}
    rows, attrs = [], []
    for i, figure in enumerate(group.figures):
        claim = site.claims.get(figure.claim)
        found = own.get(figure.claim)
        source = site.source_link(page, claim) if claim is not None else esc(figure.source)
        rows.append(
            [
                esc(i + 1),
                speaker_link(page, figure.speaker),
                esc(figure.said.isoformat() if figure.said else DATE_UNKNOWN),
                figure_link(site, page, figure),
                esc(f"{interval_words(figure)} {unit_words(group)}"),
                source,
                esc(finding_text(found)),
            ]
        )
        attrs.append(f'data-speaker="{esc(figure.speaker)}"')
    speakers = list(dict.fromkeys(f.speaker for f in group.figures))
    body = [
        f'<p class="drift-kicker">{esc(TITLE)}</p>',
        f"<h1>{esc(group.label)}</h1>",
        f'<p class="inline-links">{len(group.figures)} figures for one quantity, said by '
        + ", ".join(speaker_link(page, s) for s in speakers)
        + ", in the order they were said. Each figure is compared with the same "
        "speaker's previous one: <em>agreeing</em> (the intervals overlap), "
        "<em>narrowing</em> (inside the earlier one), <em>widening</em> (holding it), "
        "<em>contradicting</em> (apart), <em>alternatives</em> (options said in one breath); "
        "the factor is the later number over the earlier one.</p>",
        '<figure class="drift-figure">',
        *drift_chart(group, f"drift-chart-{group.id}"),
        "<figcaption>Across: the day each figure was said, to scale as far as the figures "
        "leave room, figures of one day side by side. Up: "
        + esc(unit_words(group))
        + (", on a log scale" if scale_of(group.figures).log else "")
        + "; a bar from the low to the high end of each figure's interval, a mark at the "
        "number said, an arrow where the interval has no end. The numbers are the rows of "
        "the table.</figcaption>",
        "</figure>",
    ]
    if undated:
        body.append(
            f'<p class="inline-links">{len(undated)} figure{"s" if len(undated) != 1 else ""} '
            "from a source "
            "without a date, shown apart at the right of the chart ("
            + esc(DATE_UNKNOWN)
            + "): "
            + ", ".join(
                f"{numbers[f.claim]}. {esc(f.speaker)} {figure_link(site, page, f)} "
                f"({esc(f.source)})"
                for f in undated
            )
            + ".</p>"
        )
    body += [
        "<h2>The figures</h2>",
        *scrolling(
            table(
                [
                    "#",
                    "speaker",
                    "said",
                    "figure",
                    "interval",
                    "source",
                    "against the speaker's last",
                ],
                rows,
                table_id="drift-table",
                row_attrs=attrs,
            )
        ),
    ]
    between = [f for f in group.findings if f.scope == "between"]
    if between:
        body.append("<h2>Between speakers</h2>")
        body.append(
            "<p>Each figure set against the nearest earlier one by another speaker. These "
            "comparisons rate nobody: when two people's figures differ, they cannot tell who "
            "is wrong.</p>"
        )
        body.append("<ul>")
        by_id = {f.claim: f for f in group.figures}
        for finding in between:
            a, b = by_id[finding.earlier], by_id[finding.later]
            body.append(
                f"<li>{numbers[a.claim]}. {esc(a.speaker)} {figure_link(site, page, a)} → "
                f"{numbers[b.claim]}. {esc(b.speaker)} {figure_link(site, page, b)}: "
                f"{esc(finding_text(finding))}</li>"
            )
        body.append("</ul>")
    body.append(
        f'<p><a href="{href(page, DRIFT_INDEX)}">Every quantity stated more than once</a></p>'
    )
    said_by = ", ".join(speakers)
    return described(
        page_markdown(f"{group.label} ({TITLE.lower()})", body),
        f"{group.label}: {len(group.figures)} figures said by {said_by}, charted by the day "
        f"said; against each speaker's previous figure: {drift_summary(group)}.",
    )


def drift_links(site: SiteData, page: str, claim: Claim) -> list[str]:
    """A claim page's links to the groups its figure is in, with its finding there."""
    lines = []
    for group in site.drift_of.get(claim.id, []):
        found = finding_text(own_findings(group).get(claim.id))
        link = f'<a href="{href(page, drift_page(group.id))}">{esc(group.label)}</a>'
        lines.append(f"<li>{link}: {esc(found)}</li>")
    if not lines:
        return []
    return ["<h2>The same quantity over time</h2>", "<ul>", *lines, "</ul>"]


def drift_summary(group: DriftGroup) -> str:
    """``1 contradicting, 2 narrowing``: the findings against speakers' own figures."""
    counts: dict[str, int] = {}
    for finding in group.findings:
        if finding.scope == "own":
            counts[finding.relation] = counts.get(finding.relation, 0) + 1
    return ", ".join(f"{n} {name}" for name, n in sorted(counts.items())) or "—"


def drift_index(site: SiteData) -> str:
    page = DRIFT_INDEX
    groups = site.drift
    rows = []
    for group in groups:
        days = [f.said for f in group.figures if f.said is not None]
        span = ""
        if days:
            span = days[0].isoformat() + (
                f" to {days[-1].isoformat()}" if days[-1] != days[0] else ""
            )
        if len(days) < len(group.figures):
            span = ", ".join(p for p in (span, f"{len(group.figures) - len(days)} undated") if p)
        speakers = list(dict.fromkeys(f.speaker for f in group.figures))
        rows.append(
            [
                f'<a href="{href(page, drift_page(group.id))}">{esc(group.label)}</a>',
                ", ".join(speaker_link(page, s) for s in speakers),
                esc(len(group.figures)),
                esc(span),
                esc(drift_summary(group)),
            ]
        )
    body = [
        f"<h1>{esc(TITLE)}</h1>",
        f"<p>{len(groups)} quantities stated more than once: figures about one entity that "
        "measure the same thing (the same kind of number, unit dimension, counted thing and "
        "measure), whatever their values, each with a chart of the figures by the day they "
        "were said. Findings compare each figure with the same speaker's previous one.</p>",
        *(
            scrolling(table(["quantity", "speakers", "figures", "said", "findings"], rows))
            if rows
            else ["<p>No quantity is stated more than once.</p>"]
        ),
    ]
    return described(
        page_markdown(TITLE, body),
        f"{len(groups)} quantities stated more than once, each with its figures charted by "
        "the day they were said and compared with the speaker's previous figure.",
    )
