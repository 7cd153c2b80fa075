"""Shared fixtures: the bundled corpus and its hand-written expected claims."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimkb.core import paths
from claimkb.core.models import Source
from claimkb.ledger.sources import load_sources

DATA = Path(__file__).parent / "data"


def bundled_sources() -> list[Source]:
    """The sources of the bundled corpus, as listed in sources/sources.yaml."""
    return load_sources(paths.SOURCES_YAML)


def source_text(source: Source) -> str:
    """A bundled source's text, decoded exactly as the extractor reads it."""
    return (paths.SOURCES / source.file).read_text(encoding="utf-8")


def expected_claims(source_id: str) -> dict[str, Any]:
    """The hand-written expectations for one bundled source."""
    with (DATA / "corpus" / f"{source_id}.yaml").open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


@pytest.fixture(scope="session")
def sources() -> list[Source]:
    return bundled_sources()
