"""The quantity grammar as a spaCy pipeline component."""

from __future__ import annotations

import spacy

import claimkb.extract  # noqa: F401  (registers the "claimkb_quantities" factory)


def test_spacy_component_sets_quantity_spans() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("claimkb_quantities")
    doc = nlp("Trüge jede Einheit etwa 100 kW, ergäben sich rund 100 GW.")
    spans = doc.spans["quantities"]
    assert [span.text for span in spans] == ["etwa 100 kW", "rund 100 GW"]
    assert spans[1]._.quantity.unit == "GW" and spans[1]._.quantity.hedge == "rund"
