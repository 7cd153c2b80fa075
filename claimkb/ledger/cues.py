"""Cue times for claims from transcripts: ``sources/<id>.cues.yaml`` maps each line of the
transcript's text to the start time of its cue, and every claim on that line keeps it.

The times live in a file beside the text, not in the text, so the text the extractor reads
is just turns ("Name: ...") and the usual speaker rules apply to it unchanged; a claim's
offset finds its line, and its line finds its time.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimkb.core.models import Claim, CueFile, Source
from claimkb.core.project import load_project_model, shown
from claimkb.core.yamlio import LedgerError


def load_cues(sources_dir: Path, source: Source) -> CueFile | None:
    """The cue file of ``source`` (none for a document that is not a transcript)."""
    if source.cues is None:
        return None
    path = sources_dir / source.cues
    if not path.resolve().is_relative_to(sources_dir.resolve()):
        raise LedgerError(f"{shown(path)}: leads outside the project's sources/; not read")
    cues = load_project_model(path, CueFile)
    if cues.source != source.id:
        raise LedgerError(f"{shown(path)}:1: source: {cues.source!r} is not {source.id!r}")
    return cues


def with_cues(claims: Iterable[Claim], cues: CueFile | None) -> Iterator[Claim]:
    """``claims`` with the time of the cue whose line holds each claim's start."""
    if cues is None:
        yield from claims
        return
    starts = [cue.start for cue in cues.cues]
    for claim in claims:
        index = bisect.bisect_right(starts, claim.start) - 1
        if index >= 0 and claim.start < cues.cues[index].end:
            yield claim.model_copy(update={"cue": cues.cues[index].time})
        else:
            yield claim
