"""Who a name stands for: a person or an organisation, for the schema.org type of a claim's
author and a source's author.

A speaker is a person unless the project says otherwise: a source whose ``author_type`` is
``organization`` makes its author an organisation ("36Kr" wrote the article, and its
unattributed sentences are the outlet's). Guessing from the name would type an unknown
journalist as a company, so the metadata decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from claimkb.core.models import Source

AgentType = Literal["Person", "Organization"]


def organisations(sources: Iterable[Source]) -> frozenset[str]:
    """The names the sources give as an author of type ``organization``."""
    return frozenset(
        source.author
        for source in sources
        if source.author and source.author_type == "organization"
    )


def agent_type(name: str, organisations: frozenset[str]) -> AgentType:
    """``Organization`` for a name in ``organisations``, else ``Person``."""
    return "Organization" if name in organisations else "Person"
