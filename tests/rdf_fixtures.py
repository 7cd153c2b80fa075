"""Knowledge bases for the RDF, SHACL, query and interoperability tests.

- the bundled corpus, as the build assembles it from the committed ledger;
- a tiny hand-made one (two sources, one German and one Russian, four claims, one
  same-claim link across the languages) whose every triple and query row can be worked out
  on paper.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from claimkb.build.stages import knowledge_base
from claimkb.core.models import Citation, Claim, Entity, Interview, Quantity, Reference, Source
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.ledger.sources import load_sources
from tests.conftest import EXAMPLE


@cache
def corpus_kb() -> KnowledgeBase:
    """The bundled corpus's knowledge base (built once per test session)."""
    return knowledge_base(
        EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir
    )


GERMAN = "Musk sagt, es werden etwa 100 GW pro Jahr. Dann 20 bis 30 Starts bis 2027."
RUSSIAN = "Маск говорит о 100 гигаваттах в год."


def _claim(source: str, text: str, key: str, surface: str, quantity: Quantity, lang: str) -> Claim:
    start = text.index(surface)
    return Claim(
        id=f"{source}/{key}",
        source=source,
        lang=lang,  # type: ignore[arg-type]
        speaker="Elon Musk",
        start=start,
        end=start + len(surface),
        surface=surface,
        quote=text,
        quantity=quantity,
    )


@cache
def tiny_kb() -> KnowledgeBase:
    """Two sources, four claims; "etwa 100 GW" and "100 гигаваттах" state the same thing."""
    sources = [
        Source(
            id="tiny.de",
            file="tiny.de.txt",
            language="de",
            title="Tiny German source",
            published=dt.date(2026, 1, 2),
            covers_interview=Interview(speakers=["Elon Musk"], date=dt.date(2026, 1, 1)),
        ),
        Source(id="tiny.ru", file="tiny.ru.txt", language="ru", title="Tiny Russian source"),
    ]
    gw = Quantity(kind="measure", value=100, unit="GW", approx=True, hedge="etwa", per="year")
    claims = [
        _claim("tiny.de", GERMAN, "00000001", "etwa 100 GW", gw, "de"),
        _claim(
            "tiny.de",
            GERMAN,
            "00000002",
            "20 bis 30",
            Quantity(
                kind="count", value=25, unit="dimensionless", low=20, high=30, counted="launch"
            ),
            "de",
        ),
        _claim(
            "tiny.de",
            GERMAN,
            "00000003",
            "bis 2027",
            Quantity(kind="date", value=2027, unit="date", high=2027, bound="<=", time="2027"),
            "de",
        ),
        _claim(
            "tiny.ru",
            RUSSIAN,
            "00000004",
            "100 гигаваттах",
            Quantity(kind="measure", value=100, unit="GW", per="year"),
            "ru",
        ),
    ]
    reference = Reference(
        id="hours-per-year",
        title="Hours in a Julian year",
        value=8766,
        unit="hour",
        citation=Citation(
            title="The IAU Style Manual",
            publisher="International Astronomical Union",
            url="https://www.iau.org/static/publications/stylemanual1989.pdf",
            date=dt.date(1989, 1, 1),
        ),
    )
    return KnowledgeBase(
        sources=sources,
        texts={"tiny.de": GERMAN, "tiny.ru": RUSSIAN},
        claims=claims,
        entities=[Entity(id="starship", name="Starship", kind="launch vehicle")],
        references=[reference],
        claim_entities={"tiny.de/00000002": ["starship"]},
        links=[("tiny.de/00000001", "tiny.ru/00000004")],
    )
