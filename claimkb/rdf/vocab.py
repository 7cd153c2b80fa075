"""The RDF namespaces the knowledge graph uses, and its one identity scheme.

Standard vocabularies come first (schema.org, QUDT, PROV-O, Web Annotation, Dublin Core);
the project namespace ``ckb:`` holds only what none of them covers: bounds, hedges, rates,
counted nouns, same-claim links.

Every resource the project mints lives under one base, ``https://claimkb.org/id/``, and every
such IRI is made by :func:`iri`, so a claim, source or speaker has the same IRI in Turtle,
JSON-LD, the SPARQL store and on the site. The base is a name, not a promise that anything is
served there; changing it changes every IRI, so it is written here once.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, XSD

#: Base of every IRI the project mints (resources), see :func:`iri`.
BASE = "https://claimkb.org/id/"
#: The project vocabulary (classes and properties), documented in ``kb/shapes.ttl``.
CKB = Namespace("https://claimkb.org/ns#")

SCHEMA = Namespace("https://schema.org/")
QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = Namespace("http://qudt.org/vocab/unit/")
QUANTITYKIND = Namespace("http://qudt.org/vocab/quantitykind/")
OA = Namespace("http://www.w3.org/ns/oa#")

#: Prefixes bound in every serialisation and written at the top of the example queries.
PREFIXES: dict[str, Namespace] = {
    "ckb": CKB,
    "dcterms": Namespace(str(DCTERMS)),
    "oa": OA,
    "owl": Namespace(str(OWL)),
    "prov": Namespace(str(PROV)),
    "quantitykind": QUANTITYKIND,
    "qudt": QUDT,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "schema": SCHEMA,
    "sh": Namespace(str(SH)),
    "unit": UNIT,
    "xsd": Namespace(str(XSD)),
}

#: What an IRI names. Parts of a claim (its quantity, annotation, selectors) hang below the
#: claim's own IRI, so they are found from the claim without a lookup table.
Kind = Literal[
    "claim",
    "quantity",
    "annotation",
    "target",
    "position",
    "quote",
    "source",
    "interview",
    "speaker",
    "entity",
    "reference",
    "reference-quantity",
    "citation",
    "publisher",
    "cluster",
    "activity",
    "agent",
    "derivation",
    "review",
    "claim-review",
    "drift",
    "prediction",
    "outcome",
    "evidence",
]

_PATHS: dict[str, str] = {
    "claim": "claim/{}",
    "quantity": "claim/{}/quantity",
    "annotation": "claim/{}/annotation",
    "target": "claim/{}/target",
    "position": "claim/{}/position",
    "quote": "claim/{}/quote",
    "source": "source/{}",
    "interview": "source/{}/interview",
    "speaker": "speaker/{}",
    "entity": "entity/{}",
    "reference": "reference/{}",
    "reference-quantity": "reference/{}/quantity",
    "citation": "reference/{}/citation",
    "publisher": "publisher/{}",
    "cluster": "cluster/{}",
    "activity": "activity/{}",
    "agent": "agent/{}",
    "derivation": "derivation/{}",
    "review": "derivation/{}/review",
    "claim-review": "claim/{}/review",
    "drift": "drift/{}",
    "prediction": "claim/{}/prediction",
    "outcome": "claim/{}/outcome",
    "evidence": "claim/{}",  # key: "<claim id>/evidence/<n>"
}

#: Kinds whose key is a person's or organisation's name rather than an id, made into a slug.
_NAMED = frozenset({"speaker", "publisher"})
_NOT_WORD = re.compile(r"[^\w]+")


def slug(name: str) -> str:
    """A name as a path segment: NFC, case-folded, runs of non-word characters as one '-'.

    "Elon Musk" and "elon  musk" are one speaker; letters of any script are kept (and
    percent-encoded by :func:`iri`), so "36Kr (36氪的朋友们)" stays readable once decoded."""
    text = _NOT_WORD.sub("-", unicodedata.normalize("NFC", name).casefold()).strip("-")
    return text or "unnamed"


def iri(kind: Kind, key: str) -> URIRef:
    """The IRI of a resource: ``iri("claim", "x.de/1a2b3c4d")``, ``iri("speaker", "Elon Musk")``.

    Ids are used as they are (they are ASCII and may contain '/'); names are slugged. The
    result is percent-encoded so it is a plain URI any RDF toolkit accepts."""
    segment = slug(key) if kind in _NAMED else key
    if not segment:
        raise ValueError(f"empty key for a {kind} IRI")
    return URIRef(BASE + quote(_PATHS[kind].format(segment), safe="/-._~"))
