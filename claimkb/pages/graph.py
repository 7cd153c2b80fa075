"""The claim graph as one picture: a static SVG drawn here and embedded in a generated page.

No JavaScript, no layout library, no Graphviz: positions come from a small deterministic
layered layout, so the same knowledge base gives the same bytes and the page works offline.

What is drawn
    Sources are columns. A claim is drawn when it takes part in a same-claim link or in a
    hand-written derivation; the others (most numbers of a long interview) would only make
    the columns longer, so each column header says how many it leaves out, and the source
    page lists them. Hand-written derivations are boxes coloured by verdict, with a symbol
    as well so the verdict does not rest on colour alone, and lines to their inputs. A
    reference fact is a small box under each derivation that uses it — one per use, so a
    fact that many checks use does not tie unrelated checks together. The automatic checks
    (ratios stated as equations, and two statements of one ratio) are not drawn: they have
    no page of their own; the derivation checks page lists them.

How it stays readable as the corpus grows
    1. Claims and derivations that lines join fall into groups (connected components); no
       line leaves its group, and each group is drawn in its own shaded box. A bigger
       corpus adds boxes, not tangles.
    2. The order of the source columns is the one that makes lines cross the fewest
       columns: every order is tried up to seven columns, adjacent swaps improve the order
       beyond that.
    3. In a group, claims keep their text order in their column; a derivation sits in the
       gutter between the columns of its inputs (right of the column when they share one),
       level with the mean height of its inputs, pushed down so boxes never overlap.
    4. Groups are packed like a skyline: each starts below whatever already occupies its
       columns, widest groups first. The picture grows downwards and sideways at its
       natural size, and the page scrolls instead of shrinking the text.

Labels are cut to fit their boxes by an estimate of glyph width, and clipped to the box in
case a font is wider. Every piece of text is XML-escaped, and characters XML cannot hold at
all (most control characters) are replaced, so any source text gives a well-formed picture.
Coordinates are rounded to one decimal.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimkb.core.models import Claim, Reference
from claimkb.derive.records import CheckRecord
from claimkb.derive.verdict import VerdictKind
from claimkb.derive.verdict_table import VERDICTS, verdict_info
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.knowledge.matching import spanning_links
from claimkb.pages.common import (
    DERIVATIONS_INDEX,
    GRAPH_PAGE,
    claim_page,
    derivation_page,
    esc,
    href,
    quantity_text,
    source_page,
)

LINK_COLOUR = "#8e24aa"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

# Geometry, in pixels. A glyph of the 11 px labels is taken to be 5.8 px wide on average.
CHAR_W = 5.8
ARC = 34  # left of each claim column: room for arcs between claims of one column
CLAIM_W, CLAIM_H, ROW = 168.0, 18.0, 24.0
PAD = 30.0  # either side of the derivations in a gutter
DER_W, LINE_H = 168.0, 13.0
REF_W, REF_H, REF_GAP, REF_INDENT = 150.0, 16.0, 4.0, 14.0
STACK_GAP = 10.0  # between derivations stacked in one gutter
EMPTY_GUTTER = 14.0
BAND_PAD, BAND_GAP = 10.0, 14.0
SHELF_GAP = 36.0
#: The widest a shelf of columns gets before the next columns go on a shelf below it.
MAX_WIDTH = 2400.0
MARGIN = 10.0
LEGEND_H = 40.0
HEADER_LINES, HEADER_LINE_H = 3, 14.0
HEADER_H = (HEADER_LINES + 1) * HEADER_LINE_H + 12

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: object) -> str:
    """Text for XML content or attributes: escaped, and the characters XML 1.0 forbids even
    as references replaced by U+FFFD."""
    return esc(_NOT_XML.sub("\ufffd", str(text)))


def _n(x: float) -> str:
    """A coordinate with at most one decimal, no ``.0`` and no ``-0``: stable bytes."""
    text = f"{x:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def fit(text: str, width: float, char_w: float = CHAR_W) -> str:
    """``text`` on one line, cut with an ellipsis where it would not fit ``width``."""
    room = max(1, int(width // char_w))
    text = " ".join(text.split())
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def wrap(text: str, width: float, lines: int, char_w: float = CHAR_W) -> list[str]:
    """Greedy wrapping at spaces and after hyphens into at most ``lines`` lines; the last
    one is cut with an ellipsis when text is left over."""
    room = max(1, int(width // char_w))
    words = re.findall(r"[^\s-]*-|\S+", text)
    out: list[str] = []
    current = ""
    for word in words:
        joiner = "" if not current or current.endswith("-") else " "
        if current and len(current) + len(joiner) + len(word) > room:
            out.append(current)
            current = word
        else:
            current += joiner + word
    if current:
        out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], fit(" ".join(out[lines - 1 :]) + " …", width, char_w)]
    return [fit(line, width, char_w) for line in out] or [""]


@dataclass
class Node:
    """A box in the picture: a source header, a claim, a derivation or a reference fact."""

    kind: str
    key: str
    x: float
    y: float
    w: float
    h: float
    lines: list[str]
    tip: str
    target: str
    verdict: VerdictKind | None = None


@dataclass
class Edge:
    """A line: ``link`` (same claim) or ``input`` (into a derivation)."""

    kind: str
    path: str
    colour: str
    tip: str


@dataclass
class Picture:
    """The laid-out graph: every box, line and group, and the size of the whole."""

    width: float
    height: float
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    bands: list[tuple[float, float, float, float]] = field(default_factory=list)
    hidden: dict[str, int] = field(default_factory=dict)


@dataclass
class _Derivation:
    record: CheckRecord
    claims: list[str]
    derivations: list[str]
    references: list[Reference]
    gutter: int = 0
    y: float = 0.0
    h: float = 0.0


@dataclass
class _Band:
    claims: list[Claim]
    derivations: list[str]
    lo: int = 0
    hi: int = 0
    top: float = 0.0
    height: float = 0.0


def curated_records(records: Iterable[CheckRecord]) -> list[CheckRecord]:
    """The hand-written derivations, the ones with pages, in a stable order."""
    return sorted((r for r in records if r.curated), key=lambda r: r.id)


def drawn_claims(kb: KnowledgeBase, records: Iterable[CheckRecord]) -> list[Claim]:
    """The claims in the picture: those in a same-claim link or a hand-written derivation,
    in the knowledge base's order."""
    used = {c for link in kb.links for c in link}
    for record in curated_records(records):
        used.update(record.inputs.values())
    return [claim for claim in kb.claims if claim.id in used]


def _derivations(kb: KnowledgeBase, records: list[CheckRecord]) -> dict[str, _Derivation]:
    ids = {r.id for r in records}
    found: dict[str, _Derivation] = {}
    for record in records:
        claims, derivations, references = [], [], []
        for _, target in sorted(record.inputs.items()):
            if target in kb.claims_by_id:
                claims.append(target)
            elif target in kb.references_by_id:
                references.append(kb.references_by_id[target])
            elif target.startswith("derivation:") and target.removeprefix("derivation:") in ids:
                derivations.append(target.removeprefix("derivation:"))
        found[record.id] = _Derivation(record, claims, derivations, references)
    return found


def column_order(
    sources: list[str], spans: list[list[str]], exhaustive_up_to: int = 7
) -> list[str]:
    """The order of source columns that makes lines cross the fewest columns: each span (the
    sources of a link or a derivation's inputs) costs the distance between its outermost
    columns. Every order is tried for few columns (the first best in the given order wins);
    for more, adjacent swaps are made while they lower the cost."""
    index = {s: i for i, s in enumerate(sources)}
    # Spans over the same columns are one group with a weight, and a swap of two neighbours
    # recounts only the groups that hold either: a corpus of many sources and many links
    # costs sources² × (groups per column), not sources² × links.
    weights = Counter(
        tuple(sorted({index[s] for s in span})) for span in spans if len(set(span)) > 1
    )
    groups = sorted(weights)
    touching: dict[int, list[int]] = {}
    for number, group in enumerate(groups):
        for column in group:
            touching.setdefault(column, []).append(number)

    def cost(pos: dict[int, int] | list[int], which: Iterable[int]) -> int:
        """The weighted column distance of the groups ``which``, columns at ``pos``."""
        return sum(
            weights[groups[g]] * (max(pos[c] for c in groups[g]) - min(pos[c] for c in groups[g]))
            for g in which
        )

    n = len(sources)
    everything = range(len(groups))
    if n <= exhaustive_up_to:
        best = min(
            itertools.permutations(range(n)),
            key=lambda order: cost({column: at for at, column in enumerate(order)}, everything),
        )
        return [sources[i] for i in best]
    order = list(range(n))
    pos = list(range(n))  # pos[column] = where the column stands in ``order``
    for _ in range(n):
        improved = False
        for i in range(n - 1):
            left, right = order[i], order[i + 1]
            affected = set(touching.get(left, ())) | set(touching.get(right, ()))
            before = cost(pos, affected)
            pos[left], pos[right] = i + 1, i
            if cost(pos, affected) < before:
                order[i], order[i + 1] = right, left
                improved = True
            else:
                pos[left], pos[right] = i, i + 1
        if not improved:
            break
    return [sources[i] for i in order]


def _groups(
    claims: list[Claim], links: list[tuple[str, str]], ders: dict[str, _Derivation]
) -> list[tuple[list[str], list[str]]]:
    """Connected components of claims and derivations: (claim ids, derivation ids)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for claim in claims:
        find(f"c:{claim.id}")
    for a, b in links:
        join(f"c:{a}", f"c:{b}")
    for key, der in ders.items():
        find(f"d:{key}")
        for c in der.claims:
            join(f"d:{key}", f"c:{c}")
        for d in der.derivations:
            join(f"d:{key}", f"d:{d}")
    members: dict[str, tuple[list[str], list[str]]] = {}
    for node in sorted(parent):
        claims_of, ders_of = members.setdefault(find(node), ([], []))
        (claims_of if node.startswith("c:") else ders_of).append(node[2:])
    return list(members.values())


def _gutters(band: _Band, ders: dict[str, _Derivation], column: dict[str, int]) -> None:
    """Put each derivation of a band in a gutter: between the columns of its inputs (nearest
    their mean), right of the column they share, or beside the derivations it uses."""
    claim_col = {c.id: column[c.source] for c in band.claims}
    placed: dict[str, int] = {}
    pending = sorted(band.derivations)
    while pending:
        progress = False
        for key in list(pending):
            der = ders[key]
            cols = [claim_col[c] for c in der.claims] + [
                placed[d] for d in der.derivations if d in placed
            ]
            if not cols and any(d not in placed for d in der.derivations):
                continue
            if not cols:
                cols = [band.lo]
            low, high = min(cols), max(cols)
            mean = sum(cols) / len(cols)
            der.gutter = low if low == high else min(max(int(mean), low), high - 1)
            placed[key] = der.gutter
            pending.remove(key)
            progress = True
        if not progress:  # a cycle: the ledger forbids it, but never loop forever
            for key in pending:
                ders[key].gutter = placed[key] = band.lo
            pending = []


def _blocks(n: int, joined: set[int]) -> list[list[int]]:
    """Runs of columns that must stay side by side: ``i`` in ``joined`` ties column ``i`` to
    column ``i + 1``."""
    blocks: list[list[int]] = []
    for i in range(n):
        if blocks and i - 1 in joined:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


def _band_layout(
    band: _Band, ders: dict[str, _Derivation], column: dict[str, int]
) -> dict[str, float]:
    """Heights inside a group, from its top: claims in text order per column; derivations
    level with the mean of their inputs, pushed down so none overlaps the one above. Sets
    the group's height and each derivation's offset; returns each claim's offset."""
    rel: dict[str, float] = {}
    bottom = BAND_PAD
    for col in range(band.lo, band.hi + 1):
        in_col = sorted(
            (c for c in band.claims if column[c.source] == col), key=lambda c: (c.start, c.id)
        )
        for i, claim in enumerate(in_col):
            rel[claim.id] = BAND_PAD + i * ROW
            bottom = max(bottom, rel[claim.id] + CLAIM_H)
    want: dict[str, float] = {}
    stacks: dict[int, list[str]] = {}
    for key in band.derivations:
        der = ders[key]
        ys = [rel[c] + CLAIM_H / 2 for c in der.claims]
        want[key] = sum(ys) / len(ys) - der.h / 2 if ys else BAND_PAD
        stacks.setdefault(der.gutter, []).append(key)
    for gutter in sorted(stacks):
        below = BAND_PAD
        for key in sorted(stacks[gutter], key=lambda k: (want[k], k)):
            der = ders[key]
            der.y = max(want[key], below)
            block = der.h + len(der.references) * (REF_H + REF_GAP)
            below = der.y + block + STACK_GAP
            bottom = max(bottom, der.y + block)
    band.height = bottom + BAND_PAD
    return rel


def layout(kb: KnowledgeBase, records: list[CheckRecord]) -> Picture:
    """Every box and line of the picture, with coordinates."""
    curated = curated_records(records)
    claims = drawn_claims(kb, curated)
    ders = _derivations(kb, curated)
    sources_by_id = {s.id: s for s in kb.sources}
    source_ids = [s.id for s in kb.sources if any(c.source == s.id for c in claims)]
    source_ids += sorted({c.source for c in claims} - set(source_ids))
    claim_source = {c.id: c.source for c in claims}
    # A cluster is drawn along a spanning tree of its links (n - 1 lines for n claims): every
    # further pair adds a line but no fact, and makes a big corpus's picture quadratic.
    links = spanning_links(kb.links)
    spans = [[claim_source[a], claim_source[b]] for a, b in links]
    spans += [[claim_source[c] for c in d.claims] for d in ders.values()]
    order = column_order(source_ids, spans)
    column = {s: i for i, s in enumerate(order)}

    bands: list[_Band] = []
    by_id = {c.id: c for c in claims}
    for claim_ids, der_ids in _groups(claims, links, ders):
        band = _Band([by_id[c] for c in claim_ids], der_ids)
        cols = [column[c.source] for c in band.claims] or [0]
        band.lo, band.hi = min(cols), max(cols)
        _gutters(band, ders, column)
        bands.append(band)

    def first(band: _Band) -> tuple[int, int, str]:
        if not band.claims:
            return (band.lo, 0, band.derivations[0])
        claim = min(band.claims, key=lambda c: (column[c.source], c.start, c.id))
        return (column[claim.source], claim.start, claim.id)

    bands.sort(key=lambda b: (b.lo - b.hi, b.lo, first(b)))

    # Horizontal positions: a column's claims, then its gutter (wide only when used).
    # Columns are cut into shelves no wider than MAX_WIDTH, only where no group spans the
    # cut; shelves stand below each other, each with its own headers.
    used = {d.gutter for d in ders.values()}
    n = len(order) or 1
    slot = [ARC + CLAIM_W + (PAD + DER_W + PAD if i in used else EMPTY_GUTTER) for i in range(n)]
    joined = {i for band in bands for i in range(band.lo, band.hi)}
    shelves: list[list[int]] = []
    for block in _blocks(n, joined):
        if shelves and sum(slot[i] for i in shelves[-1] + block) <= MAX_WIDTH - 2 * MARGIN:
            shelves[-1] += block
        else:
            shelves.append(block)
    x_claim, x_gutter, x_end, shelf_of = [0.0] * n, [0.0] * n, [0.0] * n, [0] * n
    for number, cols in enumerate(shelves):
        x = MARGIN
        for i in cols:
            shelf_of[i] = number
            x_claim[i], x_gutter[i] = x + ARC, x + ARC + CLAIM_W + PAD
            x += slot[i]
            x_end[i] = x
    width = max(x_end) + MARGIN

    der_lines = {
        key: wrap(
            f"{verdict_info(d.record.verdict).symbol} {key}",
            DER_W - 10,
            3,
            6.4,
        )
        for key, d in ders.items()
    }
    for key, der in ders.items():
        der.h = len(der_lines[key]) * LINE_H + 8

    picture = Picture(width=width, height=0)
    claim_y: dict[str, float] = {}
    shelf_top = [0.0] * len(shelves)
    top = MARGIN + LEGEND_H
    for number, cols in enumerate(shelves):
        shelf_top[number] = top
        skyline = {col: top + HEADER_H for col in cols}
        for band in bands:
            if shelf_of[band.lo] != number:
                continue
            rel = _band_layout(band, ders, column)
            band.top = max(skyline[col] for col in range(band.lo, band.hi + 1))
            for col in range(band.lo, band.hi + 1):
                skyline[col] = band.top + band.height + BAND_GAP
            for claim in band.claims:
                claim_y[claim.id] = band.top + rel[claim.id]
            for key in band.derivations:
                ders[key].y += band.top
            left, right = x_claim[band.lo] - ARC + 4, x_end[band.hi] - 4
            picture.bands.append((left, band.top, right - left, band.height))
        top = max(skyline.values()) - BAND_GAP + SHELF_GAP
    picture.height = top - SHELF_GAP + MARGIN

    # Source headers.
    all_counts: dict[str, int] = {}
    for claim in kb.claims:
        all_counts[claim.source] = all_counts.get(claim.source, 0) + 1
    shown_counts: dict[str, int] = {}
    for claim in claims:
        shown_counts[claim.source] = shown_counts.get(claim.source, 0) + 1
    for source_id in order:
        col = column[source_id]
        source = sources_by_id.get(source_id)
        title = (source.title or source.id) if source else source_id
        head_w = (x_gutter[col] + DER_W if col in used else x_claim[col] + CLAIM_W) - x_claim[col]
        total, shown = all_counts.get(source_id, 0), shown_counts.get(source_id, 0)
        picture.hidden[source_id] = total - shown
        count = f"{shown} of {total} claims drawn"
        lines = [*wrap(title, head_w, HEADER_LINES, CHAR_W * 1.1), count]
        picture.nodes.append(
            Node(
                "source",
                source_id,
                x_claim[col],
                shelf_top[shelf_of[col]],
                head_w,
                HEADER_H - 8,
                lines,
                f"{title}\n{count}; the source page has them all",
                source_page(source_id) if source else "",
            )
        )

    # Claims.
    for claim in claims:
        source = sources_by_id.get(claim.source)
        title = (source.title or source.id) if source else claim.source
        picture.nodes.append(
            Node(
                "claim",
                claim.id,
                x_claim[column[claim.source]],
                claim_y[claim.id],
                CLAIM_W,
                CLAIM_H,
                _claim_label(claim),
                f"«{claim.quote}»\n{quantity_text(claim)} — {claim.speaker}, {title}",
                claim_page(claim.id),
            )
        )

    # Derivations, their reference facts, and every line into them.
    def claim_anchor(claim_id: str, side: str) -> tuple[float, float]:
        x0 = x_claim[column[claim_source[claim_id]]]
        return (x0 if side == "left" else x0 + CLAIM_W, claim_y[claim_id] + CLAIM_H / 2)

    for key in sorted(ders):
        der = ders[key]
        record = der.record
        colour = verdict_info(record.verdict).colour
        dx, dy = x_gutter[der.gutter], der.y
        picture.nodes.append(
            Node(
                "derivation",
                key,
                dx,
                dy,
                DER_W,
                der.h,
                der_lines[key],
                f"{record.title or key}\nverdict: {record.verdict}",
                derivation_page(key),
                verdict=record.verdict,
            )
        )
        for claim_id in der.claims:
            col = column[claim_source[claim_id]]
            side = "right" if col <= der.gutter else "left"
            cx, cy = claim_anchor(claim_id, side)
            tx = dx if side == "right" else dx + DER_W
            ty = min(max(cy, dy + 4), dy + der.h - 4)
            picture.edges.append(Edge("input", _s_curve(cx, cy, tx, ty), colour, f"input of {key}"))
        for other_key in der.derivations:
            other = ders[other_key]
            ox, oy = x_gutter[other.gutter], other.y + other.h / 2
            ty = dy + der.h / 2
            if other.gutter == der.gutter:
                path = _arc(dx + DER_W, oy, ty, +1, 18.0)
            elif other.gutter < der.gutter:
                path = _s_curve(ox + DER_W, oy, dx, ty)
            else:
                path = _s_curve(ox, oy, dx + DER_W, ty)
            picture.edges.append(Edge("input", path, colour, f"{other_key}, input of {key}"))
        for i, reference in enumerate(der.references):
            ry = dy + der.h + REF_GAP + i * (REF_H + REF_GAP)
            rx = dx + REF_INDENT
            picture.nodes.append(
                Node(
                    "reference",
                    f"{key}/{reference.id}",
                    rx,
                    ry,
                    REF_W,
                    REF_H,
                    [fit(reference.id, REF_W - 8, CHAR_W * 0.92)],
                    f"Reference fact: {reference.title}\n{reference.value:g} {reference.unit}",
                    derivation_page(key),
                )
            )
            path = f"M{_n(dx + 6)} {_n(dy + der.h)}V{_n(ry + REF_H / 2)}H{_n(rx)}"
            picture.edges.append(Edge("input", path, colour, f"{reference.id}, input of {key}"))

    # Same-claim links.
    for a, b in links:
        if a not in claim_y or b not in claim_y:
            continue
        ca, cb = column[claim_source[a]], column[claim_source[b]]
        tip = f"same claim: «{by_id[a].surface}» and «{by_id[b].surface}»"
        if ca == cb:
            xa, ya = claim_anchor(a, "left")
            _, yb = claim_anchor(b, "left")
            bulge = min(ARC - 6, 8 + 0.12 * abs(yb - ya))
            path = _arc(xa, ya, yb, -1, bulge)
        else:
            west, east = (a, b) if ca < cb else (b, a)
            x1, y1 = claim_anchor(west, "right")
            x2, y2 = claim_anchor(east, "left")
            path = _s_curve(x1, y1, x2, y2)
        picture.edges.append(Edge("link", path, LINK_COLOUR, tip))
    return picture


def _claim_label(claim: Claim) -> list[str]:
    """The surface as written, then what is counted and the rate when there is room:
    «ein» alone says little, «ein · launch per hour» says what it is."""
    q = claim.quantity
    what = " ".join(filter(None, [q.counted or "", f"per {q.per}" if q.per else ""]))
    surface = fit(claim.surface, CLAIM_W - 8)
    room = int((CLAIM_W - 8) // CHAR_W) - len(surface) - 3
    if not what or surface.endswith("…") or room < 4:
        return [surface]
    return [surface, fit(what, room * CHAR_W)]


def _s_curve(x1: float, y1: float, x2: float, y2: float) -> str:
    """A cubic curve that leaves and arrives horizontally."""
    mid = (x1 + x2) / 2
    return f"M{_n(x1)} {_n(y1)}C{_n(mid)} {_n(y1)} {_n(mid)} {_n(y2)} {_n(x2)} {_n(y2)}"


def _arc(x: float, y1: float, y2: float, direction: int, bulge: float) -> str:
    """A curve between two points above each other, bulging left (-1) or right (+1)."""
    cx = x + direction * bulge * 4 / 3
    return f"M{_n(x)} {_n(y1)}C{_n(cx)} {_n(y1)} {_n(cx)} {_n(y2)} {_n(x)} {_n(y2)}"


def _legend() -> list[str]:
    """A row of keys: claim, reference fact, same-claim link, and the four verdicts."""
    out = ['<g class="kbg-legend">']
    x, y = MARGIN + 4, MARGIN + 8
    out.append(
        f'<rect x="{_n(x)}" y="{_n(y)}" width="28" height="14" rx="3" fill="#ffffff" '
        'stroke="#90a4ae"/>'
    )
    out.append(f'<text x="{_n(x + 34)}" y="{_n(y + 11)}">claim</text>')
    x += 80
    out.append(
        f'<rect x="{_n(x)}" y="{_n(y + 1)}" width="28" height="12" rx="6" fill="#fff8e1" '
        'stroke="#ffb300"/>'
    )
    out.append(f'<text x="{_n(x + 34)}" y="{_n(y + 11)}">reference fact</text>')
    x += 130
    out.append(
        f'<path d="M{_n(x)} {_n(y + 7)}H{_n(x + 30)}" stroke="{LINK_COLOUR}" '
        'stroke-width="1.6" stroke-dasharray="5 3" fill="none"/>'
    )
    out.append(f'<text x="{_n(x + 36)}" y="{_n(y + 11)}">same claim</text>')
    x += 120
    for verdict in VERDICTS:
        name, colour, tint, symbol = verdict.name, verdict.colour, verdict.tint, verdict.symbol
        out.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="28" height="14" rx="3" fill="{tint}" '
            f'stroke="{colour}" stroke-width="1.5"/>'
        )
        out.append(
            f'<text x="{_n(x + 14)}" y="{_n(y + 11)}" text-anchor="middle" fill="{colour}">'
            f"{symbol}</text>"
        )
        out.append(f'<text x="{_n(x + 34)}" y="{_n(y + 11)}">{name}</text>')
        x += 40 + len(name) * CHAR_W + 18
    out.append(
        f'<text x="{_n(MARGIN + 4)}" y="{_n(y + 30)}" fill="#546e7a">A line into a check has '
        "the colour of its verdict. Shaded boxes are groups: no line leaves its box. "
        "Hover for the quote, click to open.</text>"
    )
    out.append("</g>")
    return out


def _node_svg(node: Node, page: str) -> list[str]:
    link = href(page, node.target) if node.target else ""
    kind = f"kbg-{node.kind}" + (f" kbg-verdict-{node.verdict}" if node.verdict else "")
    open_tag = f'<a href="{link}" class="{xml_text(kind)}">' if link else f'<g class="{kind}">'

    close_tag = "</a>" if link else "</g>"
    lines = [open_tag, f"<title>{xml_text(node.tip)}</title>"]
    lines.append(f'<g transform="translate({_n(node.x)} {_n(node.y)})">')
    if node.kind == "source":
        for i, text in enumerate(node.lines[:-1]):
            lines.append(
                f'<text x="0" y="{_n(12 + i * HEADER_LINE_H)}" font-weight="bold" '
                f'font-size="12" fill="#0d47a1">{xml_text(text)}</text>'
            )
        lines.append(
            f'<text x="0" y="{_n(12 + HEADER_LINES * HEADER_LINE_H)}" fill="#546e7a">'
            f"{xml_text(node.lines[-1])}</text>"
        )
    elif node.kind == "claim":
        lines.append(
            f'<rect width="{_n(node.w)}" height="{_n(node.h)}" rx="3" fill="#ffffff" '
            'stroke="#90a4ae"/>'
        )
        suffix = (
            f'<tspan fill="#78909c"> · {xml_text(node.lines[1])}</tspan>' if node.lines[1:] else ""
        )
        lines.append(
            f'<text x="4" y="13" clip-path="url(#kbg-clip-claim)">{xml_text(node.lines[0])}'
            f"{suffix}</text>"
        )
    elif node.kind == "reference":
        lines.append(
            f'<rect width="{_n(node.w)}" height="{_n(node.h)}" rx="8" fill="#fff8e1" '
            'stroke="#ffb300"/>'
        )
        lines.append(
            f'<text x="6" y="12" font-size="10" clip-path="url(#kbg-clip-ref)">'
            f"{xml_text(node.lines[0])}</text>"
        )
    else:
        shown = verdict_info(node.verdict or "unverifiable")
        colour, tint = shown.colour, shown.tint
        lines.append(
            f'<rect width="{_n(node.w)}" height="{_n(node.h)}" rx="4" fill="{tint}" '
            f'stroke="{colour}" stroke-width="1.5"/>'
        )
        for i, text in enumerate(node.lines):
            lines.append(
                f'<text x="5" y="{_n(14 + i * LINE_H)}" clip-path="url(#kbg-clip-derivation)">'
                f"{xml_text(text)}</text>"
            )
    lines += ["</g>", close_tag]
    return lines


def graph_svg(kb: KnowledgeBase, records: list[CheckRecord], page: str = GRAPH_PAGE) -> str:
    """The picture as SVG text, links relative to ``page``; one element per line and no
    blank line, so it can sit in a Markdown raw HTML block."""
    picture = layout(kb, records)
    w, h = _n(picture.width), _n(picture.height)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kbg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" font-family="{xml_text(FONT)}" font-size="11" fill="#212121" '
        'style="max-width:none;height:auto" aria-label="The claim graph">',
        "<defs>",
        f'<clipPath id="kbg-clip-claim"><rect width="{_n(CLAIM_W - 4)}" height="{_n(CLAIM_H)}"/>'
        "</clipPath>",
        f'<clipPath id="kbg-clip-ref"><rect width="{_n(REF_W - 4)}" height="{_n(REF_H)}"/>'
        "</clipPath>",
        f'<clipPath id="kbg-clip-derivation"><rect width="{_n(DER_W - 3)}" height="60"/>'
        "</clipPath>",
        "</defs>",
        "<style>.kbg a:hover rect{stroke-width:2.5}"
        ".kbg a:hover text{text-decoration:underline}.kbg path{fill:none}</style>",
        *_legend(),
    ]
    for left, top, width, height in picture.bands:
        out.append(
            f'<rect class="kbg-band" x="{_n(left)}" y="{_n(top)}" width="{_n(width)}" '
            f'height="{_n(height)}" rx="8" fill="#f4f6f8" stroke="#e0e4e8"/>'
        )
    for edge in picture.edges:
        dash = (
            ' stroke-dasharray="5 3" stroke-width="1.6"'
            if edge.kind == "link"
            else (' stroke-width="1.2" stroke-opacity="0.8"')
        )
        out.append(
            f'<path class="kbg-{edge.kind}" d="{edge.path}" stroke="{edge.colour}"{dash}>'
            f"<title>{xml_text(edge.tip)}</title></path>"
        )
    for node in picture.nodes:
        out += _node_svg(node, page)
    out.append("</svg>")
    return "\n".join(out)


def graph_page(kb: KnowledgeBase, records: list[CheckRecord]) -> str:
    """The Markdown page: what the picture shows and leaves out, then the picture, at its
    natural size in a box that scrolls; the sidebars are hidden to give it room."""
    curated = curated_records(records)
    claims = drawn_claims(kb, curated)
    references = {
        target for r in curated for target in r.inputs.values() if target in kb.references_by_id
    }
    automatic = sum(not r.curated for r in records)
    columns = len({c.source for c in claims})
    index = href(GRAPH_PAGE, DERIVATIONS_INDEX)
    body = [
        "<h1>Claim graph</h1>",
        f"<p>Each column is a source ({columns} of {len(kb.sources)} have a claim drawn). "
        f"{len(claims)} of the {len(kb.claims)} claims are drawn: those that state the same "
        "quantity as another claim or go into a hand-written check; the rest would only "
        "lengthen the columns, and every source page lists them all. Dashed lines join the "
        f"claims of each of the {len(kb.clusters)} same-claim clusters along "
        f"{len(spanning_links(kb.links))} of their {len(kb.links)} links (one line fewer than "
        "the cluster has claims; each claim's page lists all its links); coloured boxes are "
        f"the {len(curated)} hand-written checks, with lines to their inputs and the "
        f"{len(references)} reference facts they use in small boxes beneath them.</p>",
        f"<p>The {automatic} automatic checks (ratios stated as equations) are not drawn: "
        "they have no page of their own; "
        f'<a href="{index}">Derivation checks</a> lists them.</p>',
        # Only this page carries the rule, so only this page spans the window's width.
        "<style>.md-grid{max-width:none}</style>",
        f'<div class="kbg-scroll" style="overflow-x:auto">\n{graph_svg(kb, records)}\n</div>',
    ]
    html_text = "\n".join(line for line in "\n".join(body).split("\n") if line.strip())
    front = '---\ntitle: "Claim graph"\nhide:\n  - navigation\n  - toc\n---\n\n'
    return front + f'<div class="claimkb">\n{html_text}\n</div>\n'
