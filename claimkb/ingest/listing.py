"""The ``sources.yaml`` entry of a new document, appended as text.

Appending keeps every existing entry and comment as the user wrote them (a YAML
round-trip through a parser would drop the comments). The only edit to the old text is
for a listing that is still the empty flow list ``[]`` that ``claimkb init`` writes: that
line is dropped, as a block list cannot follow it. The result is read back with
``load_sources`` before anything is stored.
"""

from __future__ import annotations

import re
from typing import Any

from claimkb.core.models import Source
from claimkb.core.yamlio import dump_yaml

_EMPTY_LIST = re.compile(r"^[ \t]*\[[ \t]*\][ \t]*(?:#.*)?$\n?", re.MULTILINE)
HEADER = (
    "# The documents of this project and their metadata, one entry per document.\n"
    "# Character offsets of claims refer to the text files here as they are.\n"
)


def entry_text(source: Source, origin: str) -> str:
    """The YAML of one entry, with a comment that says where it came from."""
    data: dict[str, Any] = source.model_dump(exclude_none=True)
    interview = data.get("covers_interview")
    if isinstance(interview, dict):
        data["covers_interview"] = {k: v for k, v in interview.items() if v not in ([], None)}
    return f"# added by `claimkb add` from {_one_line(origin)}\n" + dump_yaml([data])


def appended(existing: str | None, entries: list[str], was_empty: bool) -> str:
    """The text of ``sources.yaml`` with ``entries`` after the existing ones; ``was_empty``
    says that the existing text lists no source (it may then hold ``[]``)."""
    if existing is None:
        text = HEADER
    else:
        text = _EMPTY_LIST.sub("", existing, count=1) if was_empty else existing
    if text and not text.endswith("\n"):
        text += "\n"
    return text + "".join(entries)


def _one_line(text: str) -> str:
    return " ".join(text.split())
